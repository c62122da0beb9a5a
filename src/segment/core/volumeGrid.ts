import type { Vec3 } from '../../geometry/vec3';
import { det3, invert3, type Mat3 } from './mat3';
import type { Index3, VolumeGrid } from './types';

/** Columns are the voxel step vectors: M·[i,j,k] + origin = world. */
export function indexToWorldMatrix(grid: VolumeGrid): Mat3 {
  const [sx, sy, sz] = grid.spacing;
  const [u, v, w] = grid.direction;
  return [u[0] * sx, v[0] * sy, w[0] * sz, u[1] * sx, v[1] * sy, w[1] * sz, u[2] * sx, v[2] * sy, w[2] * sz];
}

/** World position (mm) of a (possibly fractional) voxel index. */
export function indexToWorld(grid: VolumeGrid, index: Index3): Vec3 {
  const m = indexToWorldMatrix(grid);
  const [i, j, k] = index;
  const o = grid.origin;
  return [o[0] + m[0] * i + m[1] * j + m[2] * k, o[1] + m[3] * i + m[4] * j + m[5] * k, o[2] + m[6] * i + m[7] * j + m[8] * k];
}

/** Continuous voxel index of a world position (exact inverse of indexToWorld, also for sheared grids). */
export function worldToIndex(grid: VolumeGrid, p: Vec3): Index3 {
  const inv = invert3(indexToWorldMatrix(grid));
  const x = p[0] - grid.origin[0];
  const y = p[1] - grid.origin[1];
  const z = p[2] - grid.origin[2];
  return [inv[0] * x + inv[1] * y + inv[2] * z, inv[3] * x + inv[4] * y + inv[5] * z, inv[6] * x + inv[7] * y + inv[8] * z];
}

/** Volume of one voxel: |det| of the three spacing-scaled direction vectors (exact on oblique/sheared grids). */
export function voxelVolumeMm3(grid: VolumeGrid): number {
  return Math.abs(det3(indexToWorldMatrix(grid)));
}

export function totalVoxels(grid: VolumeGrid): number {
  const [nx, ny, nz] = grid.dimensions;
  return nx * ny * nz;
}

export function linearIndex(grid: VolumeGrid, index: Index3): number {
  const [nx, ny] = grid.dimensions;
  return index[0] + index[1] * nx + index[2] * nx * ny;
}

export function isInsideGrid(grid: VolumeGrid, index: Index3): boolean {
  const [nx, ny, nz] = grid.dimensions;
  const [i, j, k] = index;
  return i >= 0 && j >= 0 && k >= 0 && i < nx && j < ny && k < nz;
}

/** Throws when the grid is malformed or an array does not match it. */
export function assertGridArray(grid: VolumeGrid, length: number, what: string): void {
  const [nx, ny, nz] = grid.dimensions;
  for (const n of grid.dimensions) {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`Invalid grid dimensions ${grid.dimensions.join('×')}`);
  }
  if (length !== nx * ny * nz) {
    throw new RangeError(`${what} has ${length} elements, grid ${nx}×${ny}×${nz} needs ${nx * ny * nz}`);
  }
}
