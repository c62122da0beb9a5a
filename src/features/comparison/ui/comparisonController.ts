import type { SeriesNode, StudyNode } from '../../../dicom/types';
import type { Vec3 } from '../../../geometry/vec3';
import { timepointsFromStudies } from '../../../lesions';
import { useComparisonStore } from '../comparisonStore';
import { useMeasurementStore } from '../../../state/measurementStore';
import { useViewerStore, type ViewMode } from '../../../state/viewerStore';
import { viewportOfSlot } from '../../../viewer/displayControls';
import { manualAlignment, resolveAlignment, type AlignmentInForce } from '../adapters/alignmentInForce';
import type { SyncConfig } from '../adapters/cameraSync';
import { mapBetweenStudies, offsetBetween } from '../../../lesions/studyMapping';
import { COMPARED_SLOTS, allStudies, comparedSlots, type ComparedSlot } from './comparedStudies';

export interface Comparison {
  baseline: ComparedSlot;
  followup: ComparedSlot;
  inForce: AlignmentInForce;
}

/** The compared pair and the alignment in force, from the current stores; null unless comparing two shown series. */
export function currentComparison(): Comparison | null {
  const viewer = useViewerStore.getState();
  if (!useComparisonStore.getState().active || viewer.layout !== '1x2') return null;
  const { state } = useMeasurementStore.getState();
  const pair = comparedSlots(viewer, state.baselineStudyUid);
  if (!pair) return null;
  const [baseline, followup] = pair;
  const labels = useComparisonStore.getState().labelsBeforeLabelling ?? state.labels;
  return { baseline, followup, inForce: resolveAlignment(baseline, followup, labels, state.alignment) };
}

export function syncConfig(): SyncConfig | null {
  const comparison = currentComparison();
  if (!comparison) return null;
  const { baseline, followup, inForce } = comparison;
  const alignment = inForce.kind === 'same-frame' ? 'identity' : inForce.alignment;
  return {
    slots: COMPARED_SLOTS,
    mapPoint: (fromSlot, point) => {
      const [from, to] = fromSlot === baseline.slot ? [baseline, followup] : [followup, baseline];
      return mapBetweenStudies(point, from.studyInstanceUid, to.studyInstanceUid, alignment);
    },
    syncVoi: baseline.series.modality === followup.series.modality,
  };
}

const viewable = (s: SeriesNode) => s.frames.length > 1;
const modeFor = (s: SeriesNode): ViewMode => (s.geometry?.isVolume ? 'sagittal' : 'stack');

function pickSeries(study: StudyNode, shownKey: string | null, modality?: string): SeriesNode | undefined {
  const shown = study.series.find((s) => s.key === shownKey);
  if (shown) return shown;
  const volumes = study.series.filter((s) => viewable(s) && s.geometry?.isVolume);
  return volumes.find((s) => s.modality === modality) ?? volumes[0] ?? study.series.find(viewable) ?? study.series[0];
}

/**
 * The Compare action: baseline (chosen, else earliest) on the left and the latest follow-up on the right,
 * 1×2, sagittal for volumes, kept in step. A series of those studies already shown in a slot stays.
 * Pressed again, it stops comparing. Returns false when there are fewer than two studies.
 */
export function toggleComparison(): boolean {
  const comparison = useComparisonStore.getState();
  if (comparison.active) {
    comparison.setActive(false);
    return true;
  }
  const viewer = useViewerStore.getState();
  const studies = allStudies(viewer.patients.slice(0, 1));
  const timepoints = timepointsFromStudies(studies, useMeasurementStore.getState().state.baselineStudyUid);
  const baselineUid = timepoints.find((t) => t.isBaseline)?.studyInstanceUid;
  const latestUid = timepoints.filter((t) => t.studyInstanceUid !== baselineUid).at(-1)?.studyInstanceUid;
  const baselineStudy = studies.find((s) => s.studyInstanceUid === baselineUid);
  const latestStudy = studies.find((s) => s.studyInstanceUid === latestUid);
  if (!baselineStudy || !latestStudy) return false;
  const keyIn = (slot: number) => viewer.slots[slot]?.seriesKey ?? null;
  const right = pickSeries(latestStudy, keyIn(1));
  const left = right && pickSeries(baselineStudy, keyIn(0), right.modality);
  if (!left || !right) return false;
  viewer.setLayout('1x2');
  for (const [slot, series] of [[0, left], [1, right]] as const) {
    const current = viewer.slots[slot];
    const mode = current?.seriesKey === series.key && current.mode !== 'stack' && series.geometry?.isVolume ? current.mode : modeFor(series);
    if (current?.seriesKey !== series.key || current.mode !== mode) viewer.showSeries(slot, series.key, mode);
  }
  viewer.setActiveSlot(0);
  comparison.setActive(true);
  return true;
}

/** Saves a manual baseline → follow-up offset in mm (to ≈ from + offset). */
export function setManualOffset(offset: Vec3): void {
  const comparison = currentComparison();
  if (!comparison) return;
  useMeasurementStore.getState().setAlignment(manualAlignment(comparison.baseline.studyInstanceUid, comparison.followup.studyInstanceUid, offset));
}

/** The offset that makes the two viewports' current focal points correspond. */
export function offsetFromCurrentPositions(): Vec3 | null {
  const comparison = currentComparison();
  if (!comparison) return null;
  const a = viewportOfSlot(comparison.baseline.slot)?.getCamera().focalPoint;
  const b = viewportOfSlot(comparison.followup.slot)?.getCamera().focalPoint;
  return a && b ? offsetBetween(a, b) : null;
}

/** Replaces a manual offset by the fit to the vertebral labels (when both studies have labels of one vertebra). */
export function alignByLabels(): boolean {
  const comparison = currentComparison();
  if (!comparison) return false;
  const { state } = useMeasurementStore.getState();
  const withoutSaved = resolveAlignment(comparison.baseline, comparison.followup, state.labels, []);
  if (withoutSaved.kind !== 'landmarks' || !withoutSaved.alignment) return false;
  useMeasurementStore.getState().setAlignment(withoutSaved.alignment);
  return true;
}

