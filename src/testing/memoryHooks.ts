import { cache } from '@cornerstonejs/core';
import { liveSessions } from '../features/segmentation/adapters/segmentationController';
import { releasesSettled } from '../viewer/seriesLifecycle';

/** What the memory-release e2e reads: Cornerstone's cache, the segmentation sessions and worker, pending releases. */
export const memoryHooks = {
  memory: {
    cacheBytes: () => cache.getCacheSize(),
    cachedVolumeIds: () => cache.getVolumes().map((v) => v.volumeId),
    segmentation: liveSessions,
    settled: () => releasesSettled(),
  },
};
