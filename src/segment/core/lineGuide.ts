import type { Vec3 } from '../../geometry/vec3';
import type { ConfiningSphere, IntensityPrior } from './adaptiveGrow';
import type { Index3, ScalarArray, VolumeGrid } from './types';
import { isInsideGrid, worldToIndex } from './volumeGrid';

/** Samples per mm along the line. */
const SAMPLES_PER_MM = 4;
/** The middle of the line (its central 30 %) is the lesion; each end (its outer 12 %) is the surroundings. */
const MIDDLE = [0.35, 0.65] as const;
const END = 0.12;
/** Shorter than this the line is a click, not a line across a lesion. */
export const MIN_LINE_MM = 3;

export interface LineGuide {
  seed: Index3;
  sphere: ConfiningSphere;
  prior: IntensityPrior;
}

const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * What a line drawn across a lesion, from outside to outside, tells the grow: the region stays in the sphere
 * whose diameter is the line; the lesion's intensity is the median of the line's middle, the surroundings' the
 * median of the end that differs most from it (an end left inside the lesion teaches nothing; a touching structure
 * at the other end is then learnt by the grow itself);
 * the seed is the middle voxel closest to the lesion's intensity. Null when the line is too short or off the volume.
 */
export function lineGuide(scalars: ScalarArray, grid: VolumeGrid, a: Vec3, b: Vec3): LineGuide | null {
  const length = Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]);
  if (!(length >= MIN_LINE_MM)) return null;
  const n = Math.max(8, Math.ceil(length * SAMPLES_PER_MM));
  const [nx, ny] = grid.dimensions;
  const samples: { t: number; index: Index3; value: number }[] = [];
  for (let s = 0; s <= n; s++) {
    const t = s / n;
    const f = worldToIndex(grid, [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), a[2] + t * (b[2] - a[2])]);
    const index: Index3 = [Math.round(f[0]), Math.round(f[1]), Math.round(f[2])];
    if (!isInsideGrid(grid, index)) continue;
    const value = scalars[index[0] + index[1] * nx + index[2] * nx * ny]!;
    if (value === value) samples.push({ t, index, value });
  }
  const middle = samples.filter((x) => x.t >= MIDDLE[0] && x.t <= MIDDLE[1]);
  const startEnd = samples.filter((x) => x.t <= END).map((x) => x.value);
  const finishEnd = samples.filter((x) => x.t >= 1 - END).map((x) => x.value);
  if (!middle.length || (!startEnd.length && !finishEnd.length)) return null;
  const inside = median(middle.map((x) => x.value));
  const ends = [startEnd, finishEnd].filter((e) => e.length).map(median);
  const outside = ends.reduce((best, e) => (Math.abs(e - inside) > Math.abs(best - inside) ? e : best));
  const seed = middle.reduce((best, x) => (Math.abs(x.value - inside) + 1e-6 * Math.abs(x.t - 0.5) < Math.abs(best.value - inside) + 1e-6 * Math.abs(best.t - 0.5) ? x : best)).index;
  return {
    seed,
    sphere: { centre: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2], radiusMm: length / 2 },
    prior: { inside, outside },
  };
}
