import { cache, volumeLoader, type Types } from '@cornerstonejs/core';
import type { SeriesNode } from '../../../dicom/types';
import type { ScalarArray, VolumeGrid } from '../../../segment/core';
import { volumeIdFor } from '../../../viewer/displaySeries';
import { imageIdsForSeries } from '../../../viewer/imageRegistry';
import { volumeGridOf } from './volumeGridOf';

export interface LoadedVolume {
  volumeId: string;
  /** Sorted like the volume's slices: imageIds[k] is slice k. */
  imageIds: string[];
  grid: VolumeGrid;
  scalars: ScalarArray;
}

interface Streaming {
  loadStatus?: { loaded?: boolean };
  load?(cb: () => void): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The series' volume, fully loaded (it is created when the series is shown as a stack). */
export async function loadedVolume(series: SeriesNode): Promise<LoadedVolume> {
  const volumeId = volumeIdFor(series);
  let volume = cache.getVolume(volumeId) as Types.IImageVolume | undefined;
  if (!volume) {
    volume = await volumeLoader.createAndCacheVolume(volumeId, { imageIds: imageIdsForSeries(series) });
    (volume as unknown as Streaming).load?.(() => undefined);
  }
  const status = (volume as unknown as Streaming).loadStatus;
  for (let waited = 0; status && !status.loaded; waited += 50) {
    if (waited > 120_000) throw new Error('the images of the series did not finish loading');
    await sleep(50);
  }
  const scalars = volume.voxelManager?.getCompleteScalarDataArray?.() as ScalarArray | undefined;
  if (!scalars) throw new Error('the volume has no voxel data');
  return { volumeId, imageIds: [...volume.imageIds], grid: volumeGridOf(volume), scalars };
}
