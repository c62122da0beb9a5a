import type { Types } from '@cornerstonejs/core';
import type { Vec3 } from '../geometry/vec3';
import { depthRange, type DepthRange } from './sync/studyMapping';

/**
 * How far the viewport's image data reaches along a direction (the camera's view normal): the depths of its
 * eight corner voxels, so a plane outside [min, max] cuts no voxel of the series.
 */
export function dataDepthRange(viewport: Types.IViewport, normal: Vec3): DepthRange | null {
  const data = (viewport as unknown as { getImageData(): Types.IImageData | undefined }).getImageData();
  if (!data?.imageData) return null;
  const [nx, ny, nz] = data.dimensions;
  const corners: Vec3[] = [];
  for (const i of [0, nx - 1]) for (const j of [0, ny - 1]) for (const k of [0, nz - 1]) {
    corners.push(data.imageData.indexToWorld([i, j, k]) as unknown as Vec3);
  }
  // Half a voxel beyond the edge voxels' centres still shows them.
  const halfVoxel = Math.min(...data.spacing) / 2;
  return depthRange(corners, normal, halfVoxel);
}
