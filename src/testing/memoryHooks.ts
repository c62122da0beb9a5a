import { cache } from '@cornerstonejs/core';
import { annotation } from '@cornerstonejs/tools';
import { liveSessions } from '../features/segmentation/adapters/segmentationController';
import { allSeries, useViewerStore } from '../state/viewerStore';
import { staleGraphicsResourceCount } from '../viewer/graphicsResourceSweep';
import { fileBytesHeld, imageIdsForSeries } from '../viewer/imageRegistry';
import { releasesSettled } from '../viewer/seriesLifecycle';

/** What a series (or study) is made of in Cornerstone, read while it is open, to check later that none of it is left. */
function footprint(match: { studyInstanceUid?: string; seriesDescription?: string }) {
  const series = allSeries(useViewerStore.getState().patients).filter(
    (s) => (match.seriesDescription === undefined || s.description === match.seriesDescription) && (match.studyInstanceUid === undefined || s.frames[0]?.instance.studyInstanceUid === match.studyInstanceUid),
  );
  return {
    imageIds: series.flatMap((s) => imageIdsForSeries(s)),
    sopInstanceUids: series.flatMap((s) => s.frames.map((f) => f.instance.sopInstanceUid)),
  };
}

/** Of these image ids, those Cornerstone's cache still holds as images, and the cached volumes built on any of them. */
function cachedOf(imageIds: readonly string[]) {
  const ids = new Set(imageIds);
  return {
    images: imageIds.filter((id) => cache.getImageLoadObject(id) !== undefined),
    volumes: cache.getVolumes().flatMap((v) => (v.imageIds.some((id) => ids.has(id)) ? [v.volumeId] : [])),
  };
}

/** Every annotation Cornerstone's annotation manager holds, with what it was drawn on. */
function annotationsHeld() {
  return annotation.state.getAllAnnotations().map((a) => ({ uid: a.annotationUID ?? '', imageId: a.metadata?.referencedImageId ?? null, volumeId: a.metadata?.volumeId ?? null }));
}

/** What the memory-release e2e reads: Cornerstone's cache and annotations, the segmentation sessions and worker, pending releases. */
export const memoryHooks = {
  memory: {
    cacheBytes: () => cache.getCacheSize(),
    cachedVolumeIds: () => cache.getVolumes().map((v) => v.volumeId),
    segmentation: liveSessions,
    settled: () => releasesSettled(),
    /** vtk.js shared textures whose every user is a deleted image mapper (left by closed series unless swept). */
    staleGraphicsResources: staleGraphicsResourceCount,
    footprint,
    cachedOf,
    annotationsHeld,
    /** How many of these files are registered, and the file bytes held parsed in memory for them. */
    bytesHeld: (sopInstanceUids: readonly string[]) => {
      const held = sopInstanceUids.map(fileBytesHeld).filter((b) => b !== null);
      return { registered: held.length, bytes: held.reduce((sum, b) => sum + b, 0) };
    },
  },
};
