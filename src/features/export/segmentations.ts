import { uidFromRandomBytes } from '../../deidentify';
import { trackingUidFor, writeSegmentation, type CaseContext } from '../../export';
import type { SpineLensState } from '../../lesions';
import { findSeries, useViewerStore } from '../../state/viewerStore';
import { openLabelmaps, savedLabelmap, type SeriesLabelmap } from '../segmentation';

const newUid = () => uidFromRandomBytes(crypto.getRandomValues(new Uint8Array(16)));

/** A written SEG: the study it belongs to and its place among the case's studies and segmented series. */
export interface SegmentationObject {
  studyIndex: number;
  seriesIndex: number;
  studyInstanceUid: string;
  bytes: ArrayBuffer;
}

/**
 * The labelmaps of every segmented series of the reading: those open in this session, and those segmented in an
 * earlier one and saved in this browser (read from there, their volume loaded, without opening them in a viewport).
 */
async function readingLabelmaps(state: SpineLensState, context: CaseContext, problems: string[]): Promise<SeriesLabelmap[]> {
  const open = openLabelmaps();
  const openKeys = new Set(open.map((m) => m.series.key));
  const studies = new Set(context.studies.map((s) => s.studyInstanceUid));
  const savedKeys = [...new Set(state.segmentationSummaries.filter((s) => studies.has(s.studyInstanceUid) && !openKeys.has(s.seriesKey)).map((s) => s.seriesKey))];
  const patients = useViewerStore.getState().patients;
  const saved: SeriesLabelmap[] = [];
  for (const key of savedKeys) {
    const series = findSeries(patients, key);
    if (!series?.geometry?.isVolume) {
      const saved = state.segmentationSummaries.find((s) => s.seriesKey === key);
      const name = series ? series.description || series.modality : [saved?.modality, saved?.seriesDescription].filter(Boolean).join(' · ') || `series ${key}`;
      problems.push(`The saved segmentation of ${name} has no SEG: ${series ? 'its series is not a volume' : 'its series is not loaded'}.`);
      continue;
    }
    try {
      const map = await savedLabelmap(series);
      if (map) saved.push(map);
    } catch {
      // Its volume is still in the SR; the reader is told why the voxels are not.
      problems.push(`The saved segmentation of ${series.description || series.modality} could not be read back onto its images, so it has no SEG.`);
    }
  }
  return [...open, ...saved];
}

/**
 * One binary DICOM SEG per segmented series, in a new series of its study: one segment per lesion, named as the
 * lesion, with the lesion's tracking UID as in the SR.
 */
export async function segmentationObjects(state: SpineLensState, context: CaseContext, problems: string[] = []): Promise<SegmentationObject[]> {
  const now = new Date();
  const maps = await readingLabelmaps(state, context, problems);
  return maps.flatMap((map, n) => {
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
