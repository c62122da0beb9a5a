import type { Vec3 } from '../../../geometry/vec3';
import { isInsideGrid, worldToIndex, type Index3, type VolumeGrid } from '../../../segment/core';

/** The geometry fields of a Cornerstone image volume (kept structural so this stays testable in Node). */
export interface VolumeGeometryFields {
  dimensions: ArrayLike<number>;
  spacing: ArrayLike<number>;
  origin: ArrayLike<number>;
  /** Row-major 3×3: row cosines (i), column cosines (j), slice normal (k). */
  direction: ArrayLike<number>;
}

export function volumeGridOf(v: VolumeGeometryFields): VolumeGrid {
  const d = v.direction;
  const vec = (a: number): Vec3 => [Number(d[a]), Number(d[a + 1]), Number(d[a + 2])];
  return {
    dimensions: [v.dimensions[0]!, v.dimensions[1]!, v.dimensions[2]!],
    spacing: [v.spacing[0]!, v.spacing[1]!, v.spacing[2]!],
    origin: [v.origin[0]!, v.origin[1]!, v.origin[2]!],
    direction: [vec(0), vec(3), vec(6)],
  };
}

/** The voxel whose centre is nearest to a world point, or null outside the volume. */
export function nearestVoxel(grid: VolumeGrid, world: Vec3): Index3 | null {
  const f = worldToIndex(grid, world);
  const index: Index3 = [Math.round(f[0]), Math.round(f[1]), Math.round(f[2])];
  return isInsideGrid(grid, index) ? index : null;
}
