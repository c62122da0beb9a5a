import type { Types } from '@cornerstonejs/core';
import { useSegmentationStore } from '../../state/segmentationStore';
import { registerTestHooks } from '../../ui/testHooks';
import { viewportOfSlot } from '../displayControls';
import { sessionFor } from './segmentationController';
import { segmentationSaved } from './segmentationSaving';

/** Scrolls a viewport to the slice through a world point (stack or volume). */
function jumpToWorld(slot: number, world: [number, number, number]): boolean {
  const viewport = viewportOfSlot(slot) as (Types.IViewport & { jumpToWorld?(p: Types.Point3): boolean }) | undefined;
  if (!viewport?.jumpToWorld) return false;
  const done = viewport.jumpToWorld(world);
  viewport.render();
  return done;
}

export function registerSegmentationTestHooks(): void {
  registerTestHooks({
    jumpToWorld,
    segmentation: {
      store: useSegmentationStore,
      saved: segmentationSaved,
      voxelCount: (seriesKey: string) => sessionFor(seriesKey)?.stats().voxelCount ?? null,
    },
  });
}
