import { useMeasurementStore } from '../../../state/measurementStore';

/** A lesion without measurements yet, for segmenting before measuring. */
export function createEmptyLesion(): string {
  return useMeasurementStore.getState().createLesion();
}

/** The lesion a new segmentation of a study belongs to: the first not yet segmented in it, else the first; a new one when there is none. */
export function lesionForNewSegmentation(studyInstanceUid: string): string {
  const { lesions, segmentationSummaries } = useMeasurementStore.getState().state;
  const free = lesions.find((l) => !segmentationSummaries.some((s) => s.lesionId === l.id && s.studyInstanceUid === studyInstanceUid));
  return (free ?? lesions[0])?.id ?? createEmptyLesion();
}
