import type { Vec3 } from '../../src/geometry/vec3';
import { indexToWorldMatrix, type ScalarArray, type VolumeGrid } from '../../src/segment/core';

export const IDENTITY: readonly [Vec3, Vec3, Vec3] = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
];

export function makeGrid(
  dimensions: readonly [number, number, number],
  spacing: readonly [number, number, number],
  direction: readonly [Vec3, Vec3, Vec3] = IDENTITY,
  origin: Vec3 = [0, 0, 0],
): VolumeGrid {
  return { dimensions, spacing, origin, direction };
}

/** Calls fn(world, linearIndex) for every voxel centre. */
export function forEachVoxel(grid: VolumeGrid, fn: (p: Vec3, idx: number, i: number, j: number, k: number) => void): void {
  const [nx, ny, nz] = grid.dimensions;
  const m = indexToWorldMatrix(grid);
  const o = grid.origin;
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        const p: Vec3 = [o[0] + m[0] * i + m[1] * j + m[2] * k, o[1] + m[3] * i + m[4] * j + m[5] * k, o[2] + m[6] * i + m[7] * j + m[8] * k];
        fn(p, i + j * nx + k * nx * ny, i, j, k);
      }
}

/** Scalars from a function of the world position. */
export function volumeFrom<T extends ScalarArray>(grid: VolumeGrid, make: (n: number) => T, value: (p: Vec3, idx: number) => number): T {
  const [nx, ny, nz] = grid.dimensions;
  const s = make(nx * ny * nz);
  forEachVoxel(grid, (p, idx) => {
    s[idx] = value(p, idx);
  });
  return s;
}

export function countWhere(grid: VolumeGrid, pred: (p: Vec3) => boolean): number {
  let n = 0;
  forEachVoxel(grid, (p) => {
    if (pred(p)) n++;
  });
  return n;
}

export function countLabel(labelmap: Uint8Array, label = 1): number {
  let n = 0;
  for (const v of labelmap) if (v === label) n++;
  return n;
}

export const insideEllipsoid =
  (c: Vec3, a: number, b: number, cc: number) =>
  (p: Vec3): boolean =>
    ((p[0] - c[0]) / a) ** 2 + ((p[1] - c[1]) / b) ** 2 + ((p[2] - c[2]) / cc) ** 2 <= 1;

/** Deterministic PRNG (mulberry32) and a standard normal sampler from it. */
export function rng(seed: number): { uniform: () => number; normal: () => number } {
  let a = seed >>> 0;
  const uniform = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    const u = Math.max(uniform(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
  return { uniform, normal };
}

/** Rotation matrix columns as direction cosines: rotation by angles about z, then y, then x. */
export function rotatedDirections(ax: number, ay: number, az: number): readonly [Vec3, Vec3, Vec3] {
  const rot = (v: Vec3): Vec3 => {
    let [x, y, z] = v;
    [x, y] = [x * Math.cos(az) - y * Math.sin(az), x * Math.sin(az) + y * Math.cos(az)];
    [x, z] = [x * Math.cos(ay) + z * Math.sin(ay), -x * Math.sin(ay) + z * Math.cos(ay)];
    [y, z] = [y * Math.cos(ax) - z * Math.sin(ax), y * Math.sin(ax) + z * Math.cos(ax)];
    return [x, y, z];
  };
  return [rot([1, 0, 0]), rot([0, 1, 0]), rot([0, 0, 1])];
}
