import { useEffect, useState } from 'react';
import type { SegmentationView, Tolerance, ToleranceUnit } from '../../state/segmentationStore';
import { setTolerance } from '../../viewer/segmentation/segmentationController';

const LIMITS: Record<ToleranceUnit, { min: number; max: number; step: number; label: (v: number) => string }> = {
  sd: { min: 0.5, max: 8, step: 0.1, label: (v) => `± ${v.toFixed(1)} SD` },
  percent: { min: 2, max: 60, step: 1, label: (v) => `± ${v.toFixed(0)} % of the seed intensity` },
};

/** Width of the intensity window around the seed; a change re-runs the last grow once the slider rests. */
export function ToleranceControl({ view }: { view: SegmentationView }) {
  const [draft, setDraft] = useState<Tolerance>(view.tolerance);
  const { seriesKey } = view;
  const committed = view.tolerance;
  useEffect(() => setDraft(committed), [committed]);
  useEffect(() => {
    if (draft.unit === committed.unit && draft.value === committed.value) return;
    const timer = setTimeout(() => void setTolerance(seriesKey, draft), 200);
    return () => clearTimeout(timer);
  }, [draft, committed, seriesKey]);
  const limits = LIMITS[draft.unit];
  return (
    <div className="seg-tolerance">
      <label>
        Tolerance{' '}
        <select
          value={draft.unit}
          data-testid="seg-tolerance-unit"
          onChange={(e) => {
            const unit = e.target.value as ToleranceUnit;
            setDraft({ unit, value: unit === 'sd' ? 3 : 30 });
          }}
        >
          <option value="sd">SD</option>
          <option value="percent">%</option>
        </select>
      </label>
      <input
        type="range"
        aria-label="Tolerance"
        data-testid="seg-tolerance"
        min={limits.min}
        max={limits.max}
        step={limits.step}
        value={draft.value}
        onChange={(e) => setDraft({ unit: draft.unit, value: Number(e.target.value) })}
      />
      <span className="muted">{limits.label(draft.value)}</span>
      {view.lastGrow && (
        <p className="muted" data-testid="seg-last-grow">
          Window {view.lastGrow.range[0].toFixed(0)} – {view.lastGrow.range[1].toFixed(0)}, grown in {view.lastGrow.ms.toFixed(0)} ms
        </p>
      )}
    </div>
  );
}
