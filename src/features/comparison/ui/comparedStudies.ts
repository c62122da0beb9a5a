import type { PatientNode, SeriesNode, StudyNode } from '../../../dicom/types';
import { timepointsFromStudies } from '../../../lesions';
import { findSeries, type ViewerState } from '../../../state/viewerStore';
import type { ComparedStudy } from '../adapters/alignmentInForce';

export const COMPARED_SLOTS = [0, 1] as const;

export interface ComparedSlot extends ComparedStudy {
  slot: number;
  series: SeriesNode;
}

/** The two compared viewports, baseline (earlier timepoint) first; null unless both show a series. */
export function comparedSlots(viewer: Pick<ViewerState, 'patients' | 'slots'>, baselineUid?: string): [ComparedSlot, ComparedSlot] | null {
  const shown = COMPARED_SLOTS.map((slot) => {
    const series = findSeries(viewer.patients, viewer.slots[slot]?.seriesKey ?? null);
    const study = series && studyOfSeries(viewer.patients, series.key);
    return series && study ? { slot, series, studyInstanceUid: study.studyInstanceUid, frameOfReferenceUid: series.frameOfReferenceUid } : null;
  });
  const [a, b] = shown;
  if (!a || !b) return null;
  const order = timepointsFromStudies(allStudies(viewer.patients), baselineUid).map((t) => t.studyInstanceUid);
  return order.indexOf(b.studyInstanceUid) < order.indexOf(a.studyInstanceUid) ? [b, a] : [a, b];
}

export function studyOfSeries(patients: readonly PatientNode[], seriesKey: string): StudyNode | undefined {
  return allStudies(patients).find((study) => study.series.some((s) => s.key === seriesKey));
}

export function allStudies(patients: readonly PatientNode[]): StudyNode[] {
  return patients.flatMap((p) => p.studies);
}
