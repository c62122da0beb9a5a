import { keepComponent } from './binaryFlood';
import { fillHoles3d, fillHolesSlices } from './holeFilling';
import { boxSize, clampBox, fullBox, padBox } from './indexBox';
import { pasteMask } from './maskCrop';
import { openBall } from './morphology';
import { paintRuns, paintRunsInBox, runGrow, type GrownRuns } from './runGrow';
import { intensityRange, isIntegerScalars, neighbourhoodStats, type RangeOptions } from './seedStatistics';
import type { Connectivity, Index3, IndexBox, ScalarArray, VolumeGrid } from './types';
import { assertGridArray, isInsideGrid } from './volumeGrid';

export interface RegionGrowOptions extends RangeOptions {
  /** Radius (voxels) of the cube around the seed used for mean/SD (default 2 → 5×5×5). */
  neighbourhoodRadius?: number;
  /** Default 6. */
  connectivity?: Connectivity;
  /** Stop after this many voxels (result.truncated = true). */
  maxVoxels?: number;
  /** Growth is confined to this inclusive index box. */
  bounds?: IndexBox;
  /** Fill enclosed cavities: in 3D, or slice by slice along k. Default false. */
  fillHoles?: false | '3d' | 'slices';
  /**
   * Morphological opening with a ball of this radius (voxels) after growing, keeping the connected component
   * that contains the seed: cuts bridges thinner than ~2·radius to touching structures of similar intensity.
   * Skipped (openingRemoved = 0) when it would delete the whole region. Default 0.
   */
  openingRadius?: number;
}

/** Common result fields of regionGrow and regionGrowMask. */
export interface RegionGrowSummary {
  voxelCount: number;
  range: [number, number];
  seedMean: number;
  seedSd: number;
  /** Tight bounds of the grown region (null when nothing grew). */
  bounds: IndexBox | null;
  truncated: boolean;
  holesFilled: number;
  openingRemoved: number;
  timeMs: number;
}

export interface RegionGrowResult extends RegionGrowSummary {
  /** The labelmap written: `out` when given, otherwise a new Uint8Array. */
  labelmap: Uint8Array;
}

export interface RegionGrowMaskResult extends RegionGrowSummary {
  /** 0/1 mask of the size of `bounds` (empty when nothing grew); see pasteMask. */
  mask: Uint8Array;
}

/**
 * Grows the region of voxels connected to `seed` whose intensity lies in a window derived from the seed
 * neighbourhood (mean ± k·SD with a floor, or an absolute tolerance, or an explicit range).
 * Grown voxels are set to `label` in `out` (additive: other voxels of `out` are untouched); without `out`
 * a new labelmap is returned. Existing contents of `out` neither block nor seed the growth.
 */
export function regionGrow(
  scalars: ScalarArray,
  grid: VolumeGrid,
  seed: Index3,
  options: RegionGrowOptions = {},
  out?: Uint8Array,
  label = 1,
): RegionGrowResult {
  const t0 = performance.now();
  if (out) assertGridArray(grid, out.length, 'out');
  if (!Number.isInteger(label) || label < 1 || label > 255) throw new RangeError(`label must be 1..255, got ${label}`);
  const g = grow(scalars, grid, seed, options);
  const labelmap = out ?? new Uint8Array(scalars.length);
  const post = postProcess(g, grid, options);
  if (post) pasteMask(labelmap, grid, post.crop, post.mask, label, 'add');
  else paintRuns(g.runs, labelmap, grid.dimensions[0], label);
  return { labelmap, ...summary(g, post, t0) };
}

/**
 * Same growth as regionGrow, but returns only a mask over the region's bounds (no full-size labelmap):
 * what the worker sends back.
 */
export function regionGrowMask(scalars: ScalarArray, grid: VolumeGrid, seed: Index3, options: RegionGrowOptions = {}): RegionGrowMaskResult {
  const t0 = performance.now();
  const g = grow(scalars, grid, seed, options);
  const post = postProcess(g, grid, options);
  const sum = summary(g, post, t0);
  const b = sum.bounds;
  if (!b) return { mask: new Uint8Array(0), ...sum };
  const [bx, by, bz] = boxSize(b);
  let mask: Uint8Array;
  if (post) {
    mask = new Uint8Array(bx * by * bz);
    const [cx, cy] = boxSize(post.crop);
    const [oi, oj, ok] = [b.min[0] - post.crop.min[0], b.min[1] - post.crop.min[1], b.min[2] - post.crop.min[2]];
    for (let k = 0; k < bz; k++) {
      for (let j = 0; j < by; j++) {
        const src = oi + (j + oj) * cx + (k + ok) * cx * cy;
        mask.set(post.mask.subarray(src, src + bx), (j + k * by) * bx);
      }
    }
  } else {
    mask = new Uint8Array(bx * by * bz);
    paintRunsInBox(g.runs, mask, grid.dimensions[1], b.min, bx, by);
  }
  sum.timeMs = performance.now() - t0;
  return { mask, ...sum };
}

interface Grown {
  runs: GrownRuns;
  seed: Index3;
  lo: number;
  hi: number;
  mean: number;
  sd: number;
  connectivity: Connectivity;
}

function grow(scalars: ScalarArray, grid: VolumeGrid, seed: Index3, options: RegionGrowOptions): Grown {
  assertGridArray(grid, scalars.length, 'scalars');
  const [nx, ny, nz] = grid.dimensions;
  const s: Index3 = [Math.round(seed[0]), Math.round(seed[1]), Math.round(seed[2])];
  if (!isInsideGrid(grid, s)) throw new RangeError(`Seed ${s.join(',')} is outside the volume`);
  const box = options.bounds ? clampBox(grid, options.bounds) : fullBox(grid);
  const inBox = box !== null && s.every((v, a) => v >= box.min[a]! && v <= box.max[a]!);
  if (!box || !inBox) throw new RangeError(`Seed ${s.join(',')} is outside the bounds`);
  const connectivity: Connectivity = options.connectivity ?? 6;
  const stats = neighbourhoodStats(scalars, grid, s, options.neighbourhoodRadius ?? 2);
  const [lo, hi] = intensityRange(stats, scalars[s[0] + s[1] * nx + s[2] * nx * ny]!, isIntegerScalars(scalars), options);
  const runs = runGrow({
    scalars,
    nx,
    ny,
    nz,
    seed: s,
    lo,
    hi,
    box: [box.min[0], box.min[1], box.min[2], box.max[0], box.max[1], box.max[2]],
    connectivity,
    maxVoxels: options.maxVoxels ?? Infinity,
  });
  return { runs, seed: s, lo, hi, mean: stats.mean, sd: stats.sd, connectivity };
}

interface PostProcessed {
  /** Padded crop box (may extend past the grid) and its 0/1 mask. */
  crop: IndexBox;
  mask: Uint8Array;
  voxelCount: number;
  bounds: IndexBox | null;
  holesFilled: number;
  openingRemoved: number;
}

/** Hole filling and opening on a crop around the region; null when neither is requested (or nothing grew). */
function postProcess(g: Grown, grid: VolumeGrid, options: RegionGrowOptions): PostProcessed | null {
  const opening = Math.max(0, options.openingRadius ?? 0);
  const b = g.runs.bounds;
  if (g.runs.voxelCount === 0 || !(options.fillHoles || opening > 0)) return null;
  // Padded so that the crop faces are background.
  const crop = padBox({ min: [b[0], b[1], b[2]], max: [b[3], b[4], b[5]] }, Math.ceil(opening) + 1);
  const [cx, cy, cz] = boxSize(crop);
  let mask: Uint8Array = new Uint8Array(cx * cy * cz);
  paintRunsInBox(g.runs, mask, grid.dimensions[1], crop.min, cx, cy);
  let holesFilled = 0;
  let openingRemoved = 0;
  if (options.fillHoles === '3d') holesFilled = fillHoles3d(mask, cx, cy, cz);
  else if (options.fillHoles === 'slices') holesFilled = fillHolesSlices(mask, cx, cy, cz);
  if (opening > 0) {
    const before = g.runs.voxelCount + holesFilled;
    const opened = openBall(mask, cx, cy, cz, opening);
    const s = g.seed;
    const seedInCrop = nearestSet(opened, cx, cy, cz, [s[0] - crop.min[0], s[1] - crop.min[1], s[2] - crop.min[2]]);
    const kept = seedInCrop >= 0 ? keepComponent(opened, cx, cy, cz, seedInCrop, g.connectivity) : 0;
    if (kept > 0) {
      openingRemoved = before - kept;
      mask = opened;
    }
  }
  const tight = maskBounds(mask, cx, cy, cz);
  return {
    crop,
    mask,
    voxelCount: tight.count,
    bounds: tight.box ? offsetBox(tight.box, crop.min) : null,
    holesFilled,
    openingRemoved,
  };
}

function summary(g: Grown, post: PostProcessed | null, t0: number): RegionGrowSummary {
  const b = g.runs.bounds;
  return {
    voxelCount: post ? post.voxelCount : g.runs.voxelCount,
    range: [g.lo, g.hi],
    seedMean: g.mean,
    seedSd: g.sd,
    bounds: post ? post.bounds : g.runs.voxelCount > 0 ? { min: [b[0], b[1], b[2]], max: [b[3], b[4], b[5]] } : null,
    truncated: g.runs.truncated,
    holesFilled: post ? post.holesFilled : 0,
    openingRemoved: post ? post.openingRemoved : 0,
    timeMs: performance.now() - t0,
  };
}

/** Linear index of the set voxel nearest (index-space Euclidean) to p; p itself when set; -1 when none. */
function nearestSet(mask: Uint8Array, nx: number, ny: number, nz: number, p: Index3): number {
  const here = p[0] + p[1] * nx + p[2] * nx * ny;
  if (mask[here] !== 0) return here;
  let best = -1;
  let bestD = Infinity;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      const row = j * nx + k * nx * ny;
      for (let i = 0; i < nx; i++) {
        if (mask[row + i] === 0) continue;
        const d = (i - p[0]) ** 2 + (j - p[1]) ** 2 + (k - p[2]) ** 2;
        if (d < bestD) {
          bestD = d;
          best = row + i;
        }
      }
    }
  }
  return best;
}

function maskBounds(mask: Uint8Array, nx: number, ny: number, nz: number): { count: number; box: IndexBox | null } {
  let count = 0;
  const min = [Infinity, Infinity, Infinity];
  const max = [-1, -1, -1];
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      const row = j * nx + k * nx * ny;
      for (let i = 0; i < nx; i++) {
        if (mask[row + i] === 0) continue;
        count++;
        if (i < min[0]!) min[0] = i;
        if (i > max[0]!) max[0] = i;
        if (j < min[1]!) min[1] = j;
        if (j > max[1]!) max[1] = j;
        if (k < min[2]!) min[2] = k;
        if (k > max[2]!) max[2] = k;
      }
    }
  }
  if (count === 0) return { count, box: null };
  return { count, box: { min: [min[0]!, min[1]!, min[2]!], max: [max[0]!, max[1]!, max[2]!] } };
}

function offsetBox(box: IndexBox, by: Index3): IndexBox {
  return {
    min: [box.min[0] + by[0], box.min[1] + by[1], box.min[2] + by[2]],
    max: [box.max[0] + by[0], box.max[1] + by[1], box.max[2] + by[2]],
  };
}
