import { uidFromRandomBytes } from '../../deidentify';
import { trackingUidFor, writeSegmentation, type CaseContext } from '../../export';
import type { SpineLensState } from '../../lesions';
import { openLabelmaps } from '../segmentation';

const newUid = () => uidFromRandomBytes(crypto.getRandomValues(new Uint8Array(16)));

/**
 * One binary DICOM SEG per segmented series (open in this session), in a new series of its study: one segment
 * per lesion, named as the lesion, with the lesion's tracking UID as in the SR.
 */
export function segmentationObjects(state: SpineLensState, context: CaseContext): { studyIndex: number; seriesIndex: number; studyInstanceUid: string; bytes: ArrayBuffer }[] {
  const now = new Date();
  return openLabelmaps().flatMap((map, n) => {
    const studyIndex = context.studies.findIndex((s) => s.studyInstanceUid === map.studyInstanceUid);
    const study = context.studies[studyIndex];
    // A SEG frame names its source image, not a frame of it: multi-frame sources are not written.
    if (!study || map.slices.some((s) => s.frameIndex > 0)) return [];
    const { grid, series } = map;
    const bytes = writeSegmentation({
      context,
      study,
      source: {
        seriesInstanceUid: series.seriesInstanceUid,
        frameOfReferenceUid: series.frameOfReferenceUid,
        rows: grid.dimensions[1],
        columns: grid.dimensions[0],
        pixelSpacing: [grid.spacing[1], grid.spacing[0]],
        sliceSpacing: grid.spacing[2],
        rowCosines: grid.direction[0],
        columnCosines: grid.direction[1],
        slices: map.slices,
      },
      labelmap: map.labelmap,
      segments: map.segments.map((s) => ({ label: s.label, name: state.lesions.find((l) => l.id === s.lesionId)?.name ?? '', trackingUid: trackingUidFor(s.lesionId) })),
      ids: { seriesInstanceUid: newUid(), sopInstanceUid: newUid(), now },
    });
    return bytes ? [{ studyIndex: studyIndex + 1, seriesIndex: n + 1, studyInstanceUid: study.studyInstanceUid, bytes }] : [];
  });
}
