import type { Types } from '@cornerstonejs/core';
import { useSegmentationStore } from '../features/segmentation/segmentationStore';
import { useViewerStore } from '../state/viewerStore';
import { viewportOfSlot } from '../viewer/displayControls';
import { sessionFor } from '../features/segmentation/adapters/segmentationController';
import { segmentationSaved } from '../features/segmentation/adapters/segmentationSaving';

/** Scrolls a viewport to the slice through a world point (stack or volume). */
function jumpToWorld(slot: number, world: [number, number, number]): boolean {
  const viewport = viewportOfSlot(slot) as (Types.IViewport & { jumpToWorld?(p: Types.Point3): boolean }) | undefined;
  if (!viewport?.jumpToWorld) return false;
  const done = viewport.jumpToWorld(world);
  viewport.render();
  return done;
}

const sessionOf = (seriesKey?: string) => {
  const { slots, activeSlot } = useViewerStore.getState();
  const key = seriesKey ?? slots[activeSlot]?.seriesKey;
  return key ? sessionFor(key) : undefined;
};

/** The image values (HU on CT) under the segmentation: how many voxels, lowest and highest. */
function labelValues(seriesKey?: string): { count: number; min: number; max: number } | null {
  const session = sessionOf(seriesKey);
  if (!session) return null;
  const { labelmap, volume } = session;
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < labelmap.length; i++) {
    if (!labelmap[i]) continue;
    const v = volume.scalars[i]!;
    count++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { count, min, max };
}

/** Segmented voxels on each slice k of the volume (the acquired slices). */
function sliceCounts(seriesKey?: string): number[] | null {
  const session = sessionOf(seriesKey);
  if (!session) return null;
  const [ni, nj, nk] = session.grid.dimensions;
  const size = ni * nj;
  return Array.from({ length: nk }, (_, k) => {
    let n = 0;
    for (let i = k * size; i < (k + 1) * size; i++) if (session.labelmap[i]) n++;
    return n;
  });
}

export const segmentationHooks = {
  jumpToWorld,
  segmentation: {
    store: useSegmentationStore,
    saved: segmentationSaved,
    voxelCount: (seriesKey: string, label = 1) => sessionFor(seriesKey)?.stats(label).voxelCount ?? null,
    labelValues,
    sliceCounts,
  },
};

