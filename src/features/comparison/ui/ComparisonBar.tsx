import { useEffect, useMemo, useRef, useState } from 'react';
import type { Vec3 } from '../../../geometry/vec3';
import { useComparisonStore } from '../comparisonStore';
import { useMeasurementStore } from '../../../state/measurementStore';
import { useViewerStore } from '../../../state/viewerStore';
import { needsSaving, resolveAlignment } from '../adapters/alignmentInForce';
import { startCameraSync } from '../adapters/cameraSync';
import { finishLabelling } from '../../labelling';
import { comparedSlots } from './comparedStudies';
import { alignByLabels, offsetFromCurrentPositions, setManualOffset, syncConfig } from './comparisonController';
import { ManualOffsetForm } from './ManualOffsetForm';
import { cancelPointPick, startPointPick } from './pointPairPick';
import './comparison.css';

/** Above the two compared viewports: which alignment is in force, and how to change it. */
export function ComparisonBar() {
  const patients = useViewerStore((s) => s.patients);
  const slots = useViewerStore((s) => s.slots);
  const layout = useViewerStore((s) => s.layout);
  const allLabels = useMeasurementStore((s) => s.state.labels);
  const labelsBeforeLabelling = useComparisonStore((s) => s.labelsBeforeLabelling);
  // While the reader labels, the alignment stays fitted to the labels of before: it moves the follow-up once, when labelling ends.
  const labels = labelsBeforeLabelling ?? allLabels;
  const saved = useMeasurementStore((s) => s.state.alignment);
  const baselineUid = useMeasurementStore((s) => s.state.baselineStudyUid);
  const [editing, setEditing] = useState(false);
  const pointPick = useComparisonStore((s) => s.pointPick);
  const activeTool = useViewerStore((s) => s.activeTool);

  const pair = useMemo(() => comparedSlots({ patients, slots }, baselineUid), [patients, slots, baselineUid]);
  const inForce = useMemo(() => (pair ? resolveAlignment(pair[0], pair[1], labels, saved) : null), [pair, labels, saved]);
  const alignmentKey = inForce ? `${inForce.kind}:${inForce.alignment?.translation.join(',') ?? ''}` : '';

  const sync = useRef<ReturnType<typeof startCameraSync> | null>(null);
  useEffect(() => {
    sync.current = startCameraSync(syncConfig);
    return () => {
      sync.current?.stop();
      sync.current = null;
    };
  }, []);

  // The alignment in force (or the pair shown) changed: the right viewport moves to the left one's position.
  useEffect(() => {
    const timer = setTimeout(() => sync.current?.syncFrom(0), 0);
    return () => clearTimeout(timer);
  }, [alignmentKey, layout]);

  // Autosave the landmark alignment in force.
  useEffect(() => {
    if (inForce?.alignment && needsSaving(inForce, saved)) useMeasurementStore.getState().setAlignment(inForce.alignment);
  }, [inForce, saved]);

  const labelling = activeTool === 'VertebraLabel';
  useEffect(() => {
    const comparison = useComparisonStore.getState();
    if (labelling && comparison.labelsBeforeLabelling === null) comparison.setLabelsBeforeLabelling(useMeasurementStore.getState().state.labels);
    if (!labelling && comparison.labelsBeforeLabelling !== null) comparison.setLabelsBeforeLabelling(null);
  }, [labelling]);
  useEffect(() => () => useComparisonStore.getState().setLabelsBeforeLabelling(null), []);

  // Another tool chosen while picking, or comparison over: the pick is abandoned.
  useEffect(() => {
    if (pointPick && activeTool !== 'PointPick') useComparisonStore.getState().setPointPick(null);
  }, [pointPick, activeTool]);
  useEffect(() => () => cancelPointPick(), []);

  const stop = () => useComparisonStore.getState().setActive(false);
  if (layout !== '1x2' || !pair || !inForce) {
    return (
      <div className="comparison-bar" data-testid="comparison-bar">
        <span data-testid="alignment-status">Comparison needs two series side by side (1×2)</span>
        <button type="button" onClick={stop}>Stop</button>
      </div>
    );
  }
  const canUseLabels = (inForce.kind === 'manual' || inForce.kind === 'point-pair') && resolveAlignment(pair[0], pair[1], labels, []).kind === 'landmarks';
  return (
    <div className={`comparison-bar alignment-${inForce.kind}`} data-testid="comparison-bar">
      <span className="comparison-title">Compare</span>
      <span data-testid="alignment-status" title="How positions of the left study are mapped into the right one">
        {inForce.description}
      </span>
      {labelling && inForce.kind !== 'same-frame' && (
        <span className="labelling-pending" data-testid="alignment-pending">
          Labelling: aligns when you finish{' '}
          <button type="button" onClick={finishLabelling} title="Finish labelling and align by the labels (Esc)" data-testid="labelling-done">
            Done
          </button>
        </span>
      )}
      {!labelling && inForce.kind !== 'same-frame' && (
        <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)} data-testid="manual-offset-toggle">
          Offset…
        </button>
      )}
      {!labelling &&
        inForce.kind !== 'same-frame' &&
        (pointPick ? (
          <>
            <span className="point-pick-prompt" data-testid="point-pick-prompt">
              {pointPick.step === 'baseline' ? 'Click a landmark in the left (baseline) viewport' : 'Click the same landmark in the right (follow-up) viewport'}
            </span>
            <button type="button" onClick={cancelPointPick}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" onClick={() => startPointPick()} data-testid="point-pair-button" title="Click the same landmark in both viewports to align them (j)">
            Pick point pair (j)
          </button>
        ))}
      {canUseLabels && (
        <button type="button" onClick={alignByLabels}>
          Use labels
        </button>
      )}
      <button type="button" onClick={stop} title="Stop keeping the viewports in step (c)">
        Stop
      </button>
      {editing && (
        <ManualOffsetForm
          initial={(inForce.alignment?.translation ?? [0, 0, 0]) as Vec3}
          fromCurrent={offsetFromCurrentPositions}
          onApply={(offset) => {
            setManualOffset(offset);
            setEditing(false);
          }}
        />
      )}
    </div>
  );
}
