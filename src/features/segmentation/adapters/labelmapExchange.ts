import type { SeriesNode } from '../../../dicom/types';
import type { Vec3 } from '../../../geometry/vec3';
import { decodeRle, encodeRle, type VolumeGrid } from '../../../segment/core';
import { instanceForImageId, reloadFileBytes } from '../../../viewer/imageRegistry';
import { saveSegmentation } from '../segmentationPersistence';
import { useSegmentationStore } from '../segmentationStore';
import { confirmSegment, sessionFor, showOrRestoreSegmentation, studyUidOf } from './segmentationController';
import { savedSegmentationsFor } from './segmentationSaving';
import { loadedVolume } from './volumeSource';

/** One slice of a segmented volume: the image it lies on. */
export interface LabelmapSlice {
  sopInstanceUid: string;
  sopClassUid: string;
  /** Image Position Patient of the slice's image (mm). */
  position: Vec3;
  /** Frame of a multi-frame image (0 for single-frame files). */
  frameIndex: number;
}

/** The segmentation of one series, read-only: labelmap indexed i + j*columns + k*columns*rows, slice k on slices[k]. */
export interface SeriesLabelmap {
  series: SeriesNode;
  studyInstanceUid: string;
  grid: VolumeGrid;
  labelmap: Uint8Array;
  slices: LabelmapSlice[];
  /** Segments holding voxels, each the label of one lesion. */
  segments: { label: number; lesionId: string }[];
}

function slicesOf(imageIds: readonly string[], grid: VolumeGrid): LabelmapSlice[] | null {
  const slices: LabelmapSlice[] = [];
  for (let k = 0; k < imageIds.length; k++) {
    const found = instanceForImageId(imageIds[k]!);
    if (!found) return null;
    const { instance, frameIndex } = found;
    const step = grid.spacing[2] * k;
    const fallback: Vec3 = [grid.origin[0] + step * grid.direction[2][0], grid.origin[1] + step * grid.direction[2][1], grid.origin[2] + step * grid.direction[2][2]];
    slices.push({ sopInstanceUid: instance.sopInstanceUid, sopClassUid: instance.sopClassUid, position: instance.frames[frameIndex]?.imagePositionPatient ?? fallback, frameIndex });
  }
  return slices;
}

/** The segmentations open in this session (series whose segmentation was started), with their voxels. */
export function openLabelmaps(): SeriesLabelmap[] {
  return Object.values(useSegmentationStore.getState().views).flatMap((view) => {
    const session = sessionFor(view.seriesKey);
    const slices = session ? slicesOf(session.volume.imageIds, session.grid) : null;
    if (!session || !slices) return [];
    const segments = view.segments.filter((s) => s.result.voxelCount > 0).map((s) => ({ label: s.label, lesionId: s.lesionId }));
    return segments.length ? [{ series: session.series, studyInstanceUid: view.studyInstanceUid, grid: session.grid, labelmap: session.labelmap, slices, segments }] : [];
  });
}

/**
 * The saved segmentation of a series not open in this session (segmented earlier, kept in this browser), with its
 * voxels: each saved lesion its own label, in the order they were made. Loads the series' volume; null when none is saved.
 */
export async function savedLabelmap(series: SeriesNode): Promise<SeriesLabelmap | null> {
  const records = await savedSegmentationsFor(series);
  if (records.length === 0) return null;
  // A series no viewport shows may have let go of its file bytes: read them again before building its volume.
  await reloadFileBytes(series.frames.map((f) => f.instance));
  const volume = await loadedVolume(series);
  const slices = slicesOf(volume.imageIds, volume.grid);
  if (!slices) return null;
  const labelmap = new Uint8Array(volume.scalars.length);
  const segments: SeriesLabelmap['segments'] = [];
  for (const record of records) {
    // A record saved on another grid (the series changed since) cannot be laid on these images.
    if (record.rle.length !== labelmap.length || segments.length >= 255) continue;
    const label = segments.length + 1;
    const mask = decodeRle(record.rle);
    let voxels = 0;
    for (let v = 0; v < mask.length; v++) {
      if (mask[v] && !labelmap[v]) {
        labelmap[v] = label;
        voxels++;
      }
    }
    if (voxels > 0) segments.push({ label, lesionId: record.lesionId });
  }
  const studyInstanceUid = series.frames[0]?.instance.studyInstanceUid ?? '';
  return segments.length ? { series, studyInstanceUid, grid: volume.grid, labelmap, slices, segments } : null;
}

/** Where a series' voxels are: its size and the slice of each of its images (loads the volume). */
export async function labelmapLayout(series: SeriesNode): Promise<{ rows: number; columns: number; sliceOf(sopInstanceUid: string): number | undefined }> {
  await reloadFileBytes(series.frames.map((f) => f.instance));
  const volume = await loadedVolume(series);
  const index = new Map<string, number>();
  volume.imageIds.forEach((id, k) => {
    const sop = instanceForImageId(id)?.instance.sopInstanceUid;
    if (sop && !index.has(sop)) index.set(sop, k);
  });
  return { rows: volume.grid.dimensions[1], columns: volume.grid.dimensions[0], sliceOf: (sop) => index.get(sop) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Puts imported lesion masks (voxel indices as labelmapLayout lays them out) into a series' segmentation: each
 * lesion its own segment, measured and saved like a grown one. Lesions already segmented in the series are kept
 * as they are. Returns the lesions added.
 */
export async function loadSegmentsIntoSeries(series: SeriesNode, masks: readonly { lesionId: string; voxels: Uint32Array }[]): Promise<string[]> {
  const volume = await loadedVolume(series);
  const size = volume.scalars.length;
  const maskOf = (voxels: Uint32Array) => {
    const mask = new Uint8Array(size);
    for (const v of voxels) if (v < size) mask[v] = 1;
    return encodeRle(mask);
  };
  const session = sessionFor(series.key);
  if (!session) {
    // The session restores saved masks when it starts: save them, then start it.
    const now = Date.now();
    await Promise.all(
      masks.map((m, n) =>
        saveSegmentation({ studiesKey: studyUidOf(series), seriesKey: series.key, lesionId: m.lesionId, dimensions: [...volume.grid.dimensions], rle: maskOf(m.voxels), savedAt: new Date(now + n).toISOString() }),
      ),
    );
    showOrRestoreSegmentation('', series);
    for (let waited = 0; waited < 120_000 && (!sessionFor(series.key) || useSegmentationStore.getState().busy); waited += 100) await sleep(100);
    return masks.map((m) => m.lesionId);
  }
  const added: string[] = [];
  for (const m of masks) {
    const view = useSegmentationStore.getState().views[series.key];
    const existing = view?.segments.find((s) => s.lesionId === m.lesionId);
    if (!view || (existing && existing.result.voxelCount > 0)) continue;
    const label = existing?.label ?? Math.max(0, ...view.segments.map((s) => s.label)) + 1;
    if (label > 255) break;
    if (!existing) {
      const empty = { voxelCount: 0, voxelVolumeMm3: 0, volumeMl: 0, longestDiameterMm: 0, perpendicularDiameterMm: 0 };
      useSegmentationStore.getState().patchView(series.key, { segments: [...view.segments, { label, lesionId: m.lesionId, result: empty, method: 'edit', flags: [], lastGrow: null }] });
    }
    session.restore(maskOf(m.voxels), label);
    // Re-measures, publishes and saves the segment (a confirmation holds only for a volume already seen, so none is kept).
    confirmSegment(series.key, label);
    added.push(m.lesionId);
  }
  return added;
}
