import type { Index3, ScalarArray, VolumeGrid } from './types';

export interface SeedModel {
  /** Median of the values within the seed ball. */
  median: number;
  /**
   * Noise SD from differences of neighbouring voxels along a row (median |difference| / (0.6745·√2)): unlike
   * the spread of the values, it does not grow when the ball straddles the lesion's edge.
   */
  sigma: number;
  count: number;
}

/** Voxel offsets (di, dj, dk) within `radiusMm` of a voxel, from the grid's spacing (at least the voxel itself). */
export function ballOffsets(grid: VolumeGrid, radiusMm: number): Int32Array {
  const r = grid.spacing.map((s) => Math.floor(radiusMm / s));
  const out: number[] = [];
  for (let dk = -r[2]!; dk <= r[2]!; dk++)
    for (let dj = -r[1]!; dj <= r[1]!; dj++)
      for (let di = -r[0]!; di <= r[0]!; di++) {
        const d2 = (di * grid.spacing[0]) ** 2 + (dj * grid.spacing[1]) ** 2 + (dk * grid.spacing[2]) ** 2;
        if (d2 <= radiusMm * radiusMm) out.push(di, dj, dk);
      }
  return Int32Array.from(out);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Robust intensity of the seed's surroundings: median and MAD over a small ball in millimetres (not a fixed
 * voxel box, which on thick slices reaches far outside a small lesion).
 */
export function seedModel(scalars: ScalarArray, grid: VolumeGrid, seed: Index3, radiusMm: number): SeedModel {
  const [nx, ny, nz] = grid.dimensions;
  const off = ballOffsets(grid, radiusMm);
  const values: number[] = [];
  const differences: number[] = [];
  for (let o = 0; o < off.length; o += 3) {
    const i = seed[0] + off[o]!;
    const j = seed[1] + off[o + 1]!;
    const k = seed[2] + off[o + 2]!;
    if (i < 0 || j < 0 || k < 0 || i >= nx || j >= ny || k >= nz) continue;
    const at = i + j * nx + k * nx * ny;
    const v = scalars[at]!;
    if (v !== v) continue;
    values.push(v);
    const next = i + 1 < nx ? scalars[at + 1]! : Number.NaN;
    if (next === next) differences.push(Math.abs(next - v));
  }
  if (values.length === 0) return { median: Number.NaN, sigma: 0, count: 0 };
  const sigma = differences.length ? median(differences) / (0.6745 * Math.SQRT2) : 0;
  return { median: median(values), sigma, count: values.length };
}

/**
 * The voxel nearest (in mm) to the seed, within `offsets`, whose value lies in [lo, hi]: a seed on a noisy
 * voxel still starts the growth from its neighbour. Null when none qualifies.
 */
export function startVoxel(scalars: ScalarArray, grid: VolumeGrid, seed: Index3, offsets: Int32Array, lo: number, hi: number): Index3 | null {
  const [nx, ny, nz] = grid.dimensions;
  let best: Index3 | null = null;
  let bestD = Infinity;
  for (let o = 0; o < offsets.length; o += 3) {
    const i = seed[0] + offsets[o]!;
    const j = seed[1] + offsets[o + 1]!;
    const k = seed[2] + offsets[o + 2]!;
    if (i < 0 || j < 0 || k < 0 || i >= nx || j >= ny || k >= nz) continue;
    const v = scalars[i + j * nx + k * nx * ny]!;
    if (!(v >= lo && v <= hi)) continue;
    const d = (offsets[o]! * grid.spacing[0]) ** 2 + (offsets[o + 1]! * grid.spacing[1]) ** 2 + (offsets[o + 2]! * grid.spacing[2]) ** 2;
    if (d < bestD) {
      bestD = d;
      best = [i, j, k];
    }
  }
  return best;
}
