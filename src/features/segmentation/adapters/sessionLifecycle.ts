import { cache } from '@cornerstonejs/core';
import type { SeriesNode } from '../../../dicom/types';
import { onSeriesReleased } from '../../../viewer/seriesLifecycle';
import { removeVolume } from '../../../viewer/volumeRelease';
import { disposeSession, sessionFor } from './segmentationController';
import { segmentationSaved } from './segmentationSaving';

const SAVE_WAIT_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every change is saved shortly after it is made (persistLater): the session goes only once those saves are done. */
async function savesDone(): Promise<void> {
  for (let waited = 0; !segmentationSaved() && waited < SAVE_WAIT_MS; waited += 50) await sleep(50);
}

/** The labelmap's slice images, and any volume Cornerstone built over them for a volume viewport. */
function removeLabelmapImages(labelImageIds: readonly string[]): void {
  const ids = new Set(labelImageIds);
  for (const volume of cache.getVolumes()) {
    if (volume.imageIds?.some((id) => ids.has(id))) removeVolume(volume.volumeId);
  }
  for (const id of labelImageIds) if (cache.getImageLoadObject(id)) cache.removeImageLoadObject(id, { force: true });
}

async function releaseSegmentation(series: SeriesNode): Promise<void> {
  const session = sessionFor(series.key);
  if (!session) return;
  await savesDone();
  const labelImageIds = [...session.labelImageIds];
  await disposeSession(series.key);
  removeLabelmapImages(labelImageIds);
}

/** A series released from memory (study closed, or shown nowhere for a while) takes its segmentation session with it. */
export function startSessionLifecycle(): () => void {
  return onSeriesReleased(releaseSegmentation);
}
