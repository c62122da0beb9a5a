import { cache, StreamingImageVolume, volumeLoader, type Types } from '@cornerstonejs/core';
import type { SeriesNode } from '../../../dicom/types';
import { sliceBlocks, type ScalarArray, type SliceBlock, type VolumeGrid } from '../../../segment/core';
import { volumeIdFor } from '../../../viewer/displaySeries';
import { imageIdsForSeries } from '../../../viewer/imageRegistry';
import { volumeGridOf } from './volumeGridOf';

export interface LoadedVolume {
  volumeId: string;
  /** Sorted like the volume's slices: imageIds[k] is slice k. */
  imageIds: string[];
  /** The true grid (of the first block when the series has a gap): sheared for a tilted gantry. */
  grid: VolumeGrid;
  /** The blocks of evenly spaced slices, split at gaps, each with its true grid. */
  blocks: SliceBlock[];
  scalars: ScalarArray;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The series' volume, fully loaded (it is created when the series is shown as a stack). */
export async function loadedVolume(series: SeriesNode): Promise<LoadedVolume> {
  const volumeId = volumeIdFor(series);
  let volume = cache.getVolume(volumeId) as Types.IImageVolume | undefined;
  if (!volume) {
    volume = await volumeLoader.createAndCacheVolume(volumeId, { imageIds: imageIdsForSeries(series) });
    if (volume instanceof StreamingImageVolume) volume.load(() => undefined);
  }
  const status = volume instanceof StreamingImageVolume ? volume.loadStatus : undefined;
  for (let waited = 0; status && !status.loaded; waited += 50) {
    if (waited > 120_000) throw new Error('the images of the series did not finish loading');
    await sleep(50);
  }
  const scalars = volume.voxelManager?.getCompleteScalarDataArray?.() as ScalarArray | undefined;
  if (!scalars) throw new Error('the volume has no voxel data');
  const imageIds = [...volume.imageIds];
  const blocks = trueBlocks(series, imageIds, volumeGridOf(volume));
  return { volumeId, imageIds, grid: blocks[0]!.grid, blocks, scalars };
}

/**
 * The grid from the DICOM Image Positions of the volume's slices (not Cornerstone's, which assumes one step along
 * the normal): blocks split at gaps, each sheared when the gantry was tilted. Throws a plain reason when none exists.
 */
function trueBlocks(series: SeriesNode, imageIds: readonly string[], stored: VolumeGrid): SliceBlock[] {
  const seriesIds = imageIdsForSeries(series);
  const positions = imageIds.map((id) => series.frames[seriesIds.indexOf(id)]?.position ?? null);
  const g = series.geometry;
  const blocks =
    g && positions.every((p) => p !== null)
      ? sliceBlocks({ dimensions: [stored.dimensions[0], stored.dimensions[1]], pixelSpacing: [g.pixelSpacing[1], g.pixelSpacing[0]], rowCosines: g.rowCosines, columnCosines: g.columnCosines, positions: positions as NonNullable<(typeof positions)[number]>[] })
      : null;
  if (!blocks) throw new Error(`the slices of this series are not evenly spaced (repeated or uneven positions), so a volume in mL would be wrong${series.warnings.length ? ` (${series.warnings.join('; ')})` : ''}`);
  return blocks;
}
