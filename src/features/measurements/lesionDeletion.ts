import { useMeasurementStore } from '../../state/measurementStore';
import { useSegmentationStore } from '../segmentation';
import { detachSegmentationsOfLesion } from '../segmentation';
import { recordUndoable } from '../../viewer/undoHistory';

/** What deleting a lesion would take with it, in words ("2 measurements and a segmentation"); empty when nothing. */
export function lesionContents(lesionId: string): string {
  const { state } = useMeasurementStore.getState();
  const measurements = state.measurements.filter((m) => m.lesionId === lesionId).length;
  const segmented = new Set(state.segmentationSummaries.filter((x) => x.lesionId === lesionId).map((x) => x.seriesKey));
  for (const view of Object.values(useSegmentationStore.getState().views)) if (view.segments.some((x) => x.lesionId === lesionId && x.result.voxelCount > 0)) segmented.add(view.seriesKey);
  const parts: string[] = [];
  if (measurements > 0) parts.push(measurements === 1 ? '1 measurement' : `${measurements} measurements`);
  if (segmented.size > 0) parts.push(segmented.size === 1 ? 'a segmentation' : `segmentations of ${segmented.size} series`);
  return parts.join(' and ');
}

/**
 * Deletes a lesion with its segmentations (voxels and saved records); one Ctrl+Z brings back all of it:
 * name, level, site, status, notes, links to measurements, segmentations.
 */
export function deleteLesion(lesionId: string): void {
  const snapshot = useMeasurementStore.getState().lesionSnapshot(lesionId);
  if (!snapshot) return;
  let restoreSegmentations = detachSegmentationsOfLesion(lesionId);
  useMeasurementStore.getState().removeLesion(lesionId);
  recordUndoable(
    () => {
      useMeasurementStore.getState().restoreLesion(snapshot);
      restoreSegmentations();
    },
    () => {
      restoreSegmentations = detachSegmentationsOfLesion(lesionId);
      useMeasurementStore.getState().removeLesion(lesionId);
    },
  );
}
