import { useEffect, useState } from 'react';
import { EDGE_LEVELS, type SegmentationView } from '../segmentationStore';
import { setEdgeLevel } from '../adapters/segmentationController';

const describeLevel = (v: number): string =>
  `${Math.round(v * 100)} %${Math.abs(v - EDGE_LEVELS.default) < 1e-9 ? ' (halfway: unbiased)' : v < EDGE_LEVELS.default ? ' (tighter)' : ' (looser)'}`;

/**
 * Where the edge sits between the lesion and its surroundings (both learnt by the grow). Each step moves the
 * edge through the partial-volume voxels, so each step changes the volume; a change re-runs the last grow
 * once the slider rests.
 */
export function EdgeControl({ view }: { view: SegmentationView }) {
  const [draft, setDraft] = useState(view.edgeLevel);
  const { seriesKey, edgeLevel } = view;
  useEffect(() => setDraft(edgeLevel), [edgeLevel]);
  useEffect(() => {
    if (Math.abs(draft - edgeLevel) < 1e-9) return;
    const timer = setTimeout(() => void setEdgeLevel(seriesKey, draft), 200);
    return () => clearTimeout(timer);
  }, [draft, edgeLevel, seriesKey]);
  const segment = view.segments.find((s) => s.label === view.activeLabel);
  return (
    <div className="seg-tolerance">
      <label htmlFor="seg-edge">Edge</label>
      <input
        id="seg-edge"
        type="range"
        aria-label="Edge level between lesion and surroundings"
        data-testid="seg-tolerance"
        min={EDGE_LEVELS.min}
        max={EDGE_LEVELS.max}
        step={EDGE_LEVELS.step}
        value={draft}
        onChange={(e) => setDraft(Number(e.target.value))}
      />
      <span className="muted" data-testid="seg-edge-level">
        {describeLevel(draft)} of the way to the surroundings
      </span>
      {segment?.lastGrow && (
        <p className="muted" data-testid="seg-last-grow">
          Learnt: lesion {segment.lastGrow.lesionMean.toFixed(0)}
          {segment.lastGrow.backgroundMedian !== null ? `, surroundings ${segment.lastGrow.backgroundMedian.toFixed(0)}` : ''}; grown in {segment.lastGrow.ms.toFixed(0)} ms
        </p>
      )}
    </div>
  );
}
