import type { TrackingSuggestion } from '../../../lesions';
import { useMeasurementStore } from '../../../state/measurementStore';
import { moveSegmentationOfLesion } from '../../segmentation';

/**
 * Confirms a suggested match: the measurement joins the lesion, or the segmentation moves to it (through the
 * segmentation controller when it is open, so the labelmap follows). A lesion left without findings is removed.
 */
export function linkSuggestion(s: TrackingSuggestion): void {
  const store = () => useMeasurementStore.getState();
  const c = s.candidate;
  if (c.kind === 'measurement') {
    store().assignMeasurement(c.measurementId, s.lesionId);
    return;
  }
  if (!moveSegmentationOfLesion(c.seriesKey, c.fromLesionId, s.lesionId)) {
    const summary = store().state.segmentationSummaries.find((x) => x.lesionId === c.fromLesionId && x.seriesKey === c.seriesKey);
    if (!summary) return;
    store().removeSegmentationSummary(c.fromLesionId, c.seriesKey);
    store().upsertSegmentationSummary({ ...summary, lesionId: s.lesionId });
  }
  const { state } = store();
  const left = state.measurements.some((m) => m.lesionId === c.fromLesionId) || state.segmentationSummaries.some((x) => x.lesionId === c.fromLesionId);
  if (!left) store().removeLesion(c.fromLesionId);
}
