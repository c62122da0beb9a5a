import type { Index3, ScalarArray, VolumeGrid } from './types';

export interface NeighbourhoodStats {
  mean: number;
  /** Sample standard deviation (0 for a single voxel). */
  sd: number;
  count: number;
}

/** Mean and SD of the scalars in the (2r+1)³ cube around `seed`, clipped to the grid. */
export function neighbourhoodStats(scalars: ScalarArray, grid: VolumeGrid, seed: Index3, radius: number): NeighbourhoodStats {
  const [nx, ny, nz] = grid.dimensions;
  const r = Math.max(0, Math.floor(radius));
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  const c = scalars[seed[0] + seed[1] * nx + seed[2] * nx * ny]!;
  for (let k = Math.max(0, seed[2] - r); k <= Math.min(nz - 1, seed[2] + r); k++) {
    for (let j = Math.max(0, seed[1] - r); j <= Math.min(ny - 1, seed[1] + r); j++) {
      const row = j * nx + k * nx * ny;
      for (let i = Math.max(0, seed[0] - r); i <= Math.min(nx - 1, seed[0] + r); i++) {
        const v = scalars[row + i]!;
        if (v !== v) continue; // NaN
        const d = v - c; // shifted sums for numerical stability
        sum += d;
        sumSq += d * d;
        n++;
      }
    }
  }
  if (n === 0) return { mean: c, sd: 0, count: 0 };
  const meanShift = sum / n;
  const variance = n > 1 ? Math.max(0, (sumSq - n * meanShift * meanShift) / (n - 1)) : 0;
  return { mean: c + meanShift, sd: Math.sqrt(variance), count: n };
}

export interface RangeOptions {
  /** Half-width of the window in intensity units; overrides toleranceSd. */
  tolerance?: number;
  /** Half-width as a multiple of the neighbourhood SD (default 3). */
  toleranceSd?: number;
  /** Lower limit of the half-width (default: 1 for integer scalars, 1% of |mean| for float scalars). */
  minTolerance?: number;
  /** Explicit [lo, hi] window: overrides everything else. */
  range?: readonly [number, number];
}

export const DEFAULT_TOLERANCE_SD = 3;

export function isIntegerScalars(scalars: ScalarArray): boolean {
  return !(scalars instanceof Float32Array || scalars instanceof Float64Array);
}

/**
 * Intensity window [lo, hi] for region growing: mean ± max(tolerance | k·SD, floor).
 * The window is widened to include the seed value so the seed itself always grows.
 */
export function intensityRange(stats: NeighbourhoodStats, seedValue: number, integerScalars: boolean, o: RangeOptions): [number, number] {
  if (o.range) {
    const [a, b] = o.range;
    return [Math.min(a, b), Math.max(a, b)];
  }
  const floor = o.minTolerance ?? (integerScalars ? 1 : Math.max(1e-6, 0.01 * Math.abs(stats.mean)));
  const half = Math.max(o.tolerance ?? (o.toleranceSd ?? DEFAULT_TOLERANCE_SD) * stats.sd, floor);
  let lo = stats.mean - half;
  let hi = stats.mean + half;
  if (seedValue < lo) lo = seedValue;
  if (seedValue > hi) hi = seedValue;
  return [lo, hi];
}
