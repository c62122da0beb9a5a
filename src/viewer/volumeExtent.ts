import type { Types } from '@cornerstonejs/core';
import { dot, sub, tuple, type Vec3 } from '../geometry/vec3';
import { depthRange, type DepthRange } from '../lesions/studyMapping';
import { shownImageData } from './viewportImageData';

export interface DataDepth {
  /** Depths (position · normal) of the first and last voxel centres. */
  centres: DepthRange;
  /** Half a voxel step along the normal: a plane this far beyond the edge centres still cuts the edge voxels. */
  halfStep: number;
}

/** How far the viewport's image data reaches along a direction (the camera's view normal), from its eight corner voxels. */
export function dataDepth(viewport: Types.IViewport, normal: Vec3): DataDepth | null {
  const data = shownImageData(viewport);
  const indexToWorld = data?.imageData.indexToWorld;
  if (!data || !indexToWorld) return null;
  const toWorld = (ijk: Vec3): Vec3 => {
    const w = indexToWorld.call(data.imageData, tuple(ijk));
    return [w[0] ?? NaN, w[1] ?? NaN, w[2] ?? NaN];
  };
  const [nx, ny, nz] = data.dimensions;
  const corners: Vec3[] = [];
  for (const i of [0, nx - 1]) for (const j of [0, ny - 1]) for (const k of [0, nz - 1]) corners.push(toWorld([i, j, k]));
  const centres = depthRange(corners, normal);
  if (!centres) return null;
  const origin = toWorld([0, 0, 0]);
  const steps = ([[1, 0, 0], [0, 1, 0], [0, 0, 1]] as Vec3[]).map((unit) => Math.abs(dot(sub(toWorld(unit), origin), normal)));
  return { centres, halfStep: Math.max(...steps) / 2 };
}

/** True when the plane through `point` lies beyond the data: nothing of the series is on it. */
export function isOutside(depth: DataDepth, normal: Vec3, point: Vec3): boolean {
  const d = dot(point, normal);
  return d < depth.centres.min - depth.halfStep || d > depth.centres.max + depth.halfStep;
}
