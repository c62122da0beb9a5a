import type { Vec3 } from '../../geometry/vec3';
import { keepComponent } from './binaryFlood';
import { addPartialVolumeEdge, edgeModel, outsideLayers, type CropVolume, type EdgeModel } from './edgeRefinement';
import { fillHoles3d } from './holeFilling';
import { boxSize, clampBox, fullBox, padBox } from './indexBox';
import { invert3 } from './mat3';
import { paintRunsInBox, runGrow, type GrownRuns } from './runGrow';
import { ballOffsets, seedModel, startVoxel } from './seedModel';
import type { Index3, IndexBox, ScalarArray, VolumeGrid } from './types';
import { assertGridArray, indexToWorldMatrix, isInsideGrid, worldToIndex } from './volumeGrid';

/** Half-width of the core window in lesion SDs (confidence-connected growing). */
const K_SD = 2.5;
/** The first window comes from the few voxels of the seed ball (a rough SD): narrower, so it stays inside. */
const K_SD_FIRST = 1.5;
/** Below this many interior voxels the region's SD is not trusted below the seed's noise estimate. */
const MIN_SD_SAMPLES = 30;
/** The core window never reaches more than this fraction of the way to the surroundings. */
const MAX_CORE_FRACTION = 0.4;
const MAX_ITERATIONS = 6;
const SEED_RADIUS_MM = 2;
const CROP_PAD = 5;
/**
 * No lesion has this many voxels (750 mL at 0.5×0.5×1 mm): growth stops here as at the cap (and is flagged),
 * so a leak into a large compartment costs a fraction of a second, not a model fit over the whole volume.
 */
export const MAX_REGION_VOXELS = 3_000_000;
export const DEFAULT_EDGE_LEVEL = 0.5;

/** Intensities learnt from a line drawn across the lesion: inside (its middle) and outside (its ends). */
export interface IntensityPrior {
  inside: number;
  outside: number;
}

/** A ball in patient space (mm) the region must stay in (from a line drawn across the lesion). */
export interface ConfiningSphere {
  centre: Vec3;
  radiusMm: number;
}

export interface AdaptiveGrowOptions {
  /** Where the edge sits between the lesion (0) and its surroundings (1); 0.5 (default) is unbiased for partial volume. */
  edgeLevel?: number;
  /** Stop after this many voxels (truncated = true). */
  maxVoxels?: number;
  /** Growth confined to this inclusive index box (the contiguous block of slices of a series with a gap). */
  bounds?: IndexBox;
  sphere?: ConfiningSphere;
  prior?: IntensityPrior;
}

export interface IntensityModel {
  lesionMean: number;
  lesionSd: number;
  /** Median of the surroundings, null when the region left no rim inside the volume. */
  backgroundMedian: number | null;
  /** Window of the core growth. */
  coreRange: [number, number];
}

export interface AdaptiveGrowResult {
  /** 0/1 over `bounds` (empty when nothing grew). */
  mask: Uint8Array;
  bounds: IndexBox | null;
  voxelCount: number;
  /** The growth cap was reached. */
  truncated: boolean;
  /** The region reaches the edge of the volume, or of `bounds`. */
  touchesLimit: boolean;
  model: IntensityModel;
  iterations: number;
  timeMs: number;
}

/**
 * Region growing that learns its intensity model from the region itself, so any click inside a lesion gives
 * the same region: (1) a robust start from the seed's ball in mm; (2) confidence-connected growing: grow with
 * mean ± 2.5 SD, re-estimate mean and SD from the grown interior, grow again until stable; (3) the
 * partial-volume edge added with a threshold halfway between the lesion and its local surroundings.
 */
export function adaptiveGrow(scalars: ScalarArray, grid: VolumeGrid, seedIn: Index3, options: AdaptiveGrowOptions = {}): AdaptiveGrowResult {
  const t0 = performance.now();
  assertGridArray(grid, scalars.length, 'scalars');
  const seed: Index3 = [Math.round(seedIn[0]), Math.round(seedIn[1]), Math.round(seedIn[2])];
  if (!isInsideGrid(grid, seed)) throw new RangeError(`Seed ${seed.join(',')} is outside the volume`);
  let limit = options.bounds ? clampBox(grid, options.bounds) : fullBox(grid);
  if (limit && options.sphere) limit = clampBox(grid, intersect(limit, sphereBox(grid, options.sphere)));
  if (!limit || !seed.every((v, a) => v >= limit.min[a]! && v <= limit.max[a]!)) throw new RangeError(`Seed ${seed.join(',')} is outside the bounds`);
  const maxVoxels = Math.min(options.maxVoxels ?? Infinity, MAX_REGION_VOXELS);
  const edgeLevel = options.edgeLevel ?? DEFAULT_EDGE_LEVEL;
  const integer = !(scalars instanceof Float32Array || scalars instanceof Float64Array);

  const start = seedModel(scalars, grid, seed, SEED_RADIUS_MM);
  const floorOf = (mu: number): number => Math.max(integer ? 1 : 1e-6, 0.01 * Math.abs(mu));
  let mu = options.prior?.inside ?? start.median;
  let maxHalf = options.prior ? MAX_CORE_FRACTION * Math.abs(options.prior.inside - options.prior.outside) : Infinity;
  let half = Math.min(K_SD_FIRST * Math.max(start.sigma, floorOf(mu)), maxHalf);
  const offsets = ballOffsets(grid, SEED_RADIUS_MM);

  let runs: GrownRuns | null = null;
  let startAt: Index3 | null = null;
  let iterations = 0;
  const growCore = (): void => {
    startAt = startVoxel(scalars, grid, seed, offsets, mu - half, mu + half);
    runs = startAt ? runGrow({ scalars, nx: grid.dimensions[0], ny: grid.dimensions[1], nz: grid.dimensions[2], seed: startAt, lo: mu - half, hi: mu + half, box: flat(limit), connectivity: 6, maxVoxels }) : null;
    iterations++;
  };

  let crop: CropVolume | null = null;
  let model: EdgeModel | null = null;
  let layer: Uint8Array | null = null;
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    growCore();
    if (!runs || (runs as GrownRuns).voxelCount === 0 || (runs as GrownRuns).truncated) break;
    crop = cropOf(runs, grid, options.sphere);
    layer = outsideLayers(crop.mask, ...boxSize(crop.box));
    model = edgeModel(scalars, grid, crop, layer);
    const contrast = model.backgroundMedian === null ? Infinity : Math.abs(model.lesionMean - model.backgroundMedian);
    maxHalf = Math.min(options.prior ? maxHalf : Infinity, MAX_CORE_FRACTION * contrast);
    const sd = model.interiorCount >= MIN_SD_SAMPLES ? model.lesionSd : model.noiseSd;
    const nextHalf = Math.min(K_SD * Math.max(sd, floorOf(model.lesionMean)), maxHalf);
    const stable = Math.abs(model.lesionMean - mu) <= 0.05 * half && Math.abs(nextHalf - half) <= 0.05 * half;
    mu = model.lesionMean;
    half = nextHalf;
    if (stable) break;
  }
  const coreRange: [number, number] = [mu - half, mu + half];
  const grown = runs as GrownRuns | null;
  if (!grown || grown.voxelCount === 0 || !startAt) {
    return empty(coreRange, mu, iterations, t0);
  }
  if (grown.truncated || !crop || !model || !layer) {
    // A leak to the growth cap: reported as it is (flagged by the caller), no edge refinement.
    crop = cropOf(grown, grid, options.sphere);
    model = { lesionMean: mu, lesionSd: half / K_SD, backgroundMedian: null, interiorCount: 0, noiseSd: half / K_SD };
  } else {
    addPartialVolumeEdge(scalars, grid, crop, layer, model, edgeLevel, Math.max(2 * model.lesionSd, floorOf(model.lesionMean)));
    clipToBox(crop, limit);
    if (options.sphere) clipToSphere(crop, grid, options.sphere);
    const [cx, cy, cz] = boxSize(crop.box);
    const s0: Index3 = startAt;
    const seedInCrop = s0[0] - crop.box.min[0] + (s0[1] - crop.box.min[1]) * cx + (s0[2] - crop.box.min[2]) * cx * cy;
    keepComponent(crop.mask, cx, cy, cz, seedInCrop, 6);
    fillHoles3d(crop.mask, cx, cy, cz);
  }
  const out = tighten(crop);
  return {
    ...out,
    truncated: grown.truncated,
    touchesLimit: out.bounds !== null && touches(out.bounds, limit, grid, options.sphere !== undefined),
    model: { ...model, coreRange },
    iterations,
    timeMs: performance.now() - t0,
  };
}

function empty(coreRange: [number, number], mu: number, iterations: number, t0: number): AdaptiveGrowResult {
  return {
    mask: new Uint8Array(0),
    bounds: null,
    voxelCount: 0,
    truncated: false,
    touchesLimit: false,
    model: { lesionMean: mu, lesionSd: 0, backgroundMedian: null, coreRange },
    iterations,
    timeMs: performance.now() - t0,
  };
}

const flat = (b: IndexBox): [number, number, number, number, number, number] => [b.min[0], b.min[1], b.min[2], b.max[0], b.max[1], b.max[2]];

function intersect(a: IndexBox, b: IndexBox): IndexBox {
  return {
    min: [Math.max(a.min[0], b.min[0]), Math.max(a.min[1], b.min[1]), Math.max(a.min[2], b.min[2])],
    max: [Math.min(a.max[0], b.max[0]), Math.min(a.max[1], b.max[1]), Math.min(a.max[2], b.max[2])],
  };
}

/** Index box holding the sphere (its image under the inverse voxel matrix is an ellipsoid: exact extents). */
export function sphereBox(grid: VolumeGrid, sphere: ConfiningSphere): IndexBox {
  const c = worldToIndex(grid, sphere.centre);
  const inv = invert3(indexToWorldMatrix(grid));
  const ext = [0, 1, 2].map((a) => sphere.radiusMm * Math.hypot(inv[3 * a]!, inv[3 * a + 1]!, inv[3 * a + 2]!));
  return {
    min: [Math.floor(c[0] - ext[0]!), Math.floor(c[1] - ext[1]!), Math.floor(c[2] - ext[2]!)],
    max: [Math.ceil(c[0] + ext[0]!), Math.ceil(c[1] + ext[1]!), Math.ceil(c[2] + ext[2]!)],
  };
}

/** The core runs painted into a crop padded for the rim (clipped to the grid), and clipped to the sphere. */
function cropOf(runs: GrownRuns, grid: VolumeGrid, sphere: ConfiningSphere | undefined): CropVolume {
  const b = runs.bounds;
  const box = clampBox(grid, padBox({ min: [b[0], b[1], b[2]], max: [b[3], b[4], b[5]] }, CROP_PAD))!;
  const [bx, by, bz] = boxSize(box);
  const mask = new Uint8Array(bx * by * bz);
  paintRunsInBox(runs, mask, grid.dimensions[1], box.min, bx, by);
  const crop = { box, mask };
  if (sphere) clipToSphere(crop, grid, sphere);
  return crop;
}

function clipToBox(crop: CropVolume, limit: IndexBox): void {
  const [bx, by, bz] = boxSize(crop.box);
  const o = crop.box.min;
  for (let k = 0; k < bz; k++)
    for (let j = 0; j < by; j++)
      for (let i = 0; i < bx; i++) {
        const gi = i + o[0];
        const gj = j + o[1];
        const gk = k + o[2];
        const inside = gi >= limit.min[0] && gi <= limit.max[0] && gj >= limit.min[1] && gj <= limit.max[1] && gk >= limit.min[2] && gk <= limit.max[2];
        if (!inside) crop.mask[i + j * bx + k * bx * by] = 0;
      }
}

function clipToSphere(crop: CropVolume, grid: VolumeGrid, sphere: ConfiningSphere): void {
  const [bx, by, bz] = boxSize(crop.box);
  const m = indexToWorldMatrix(grid);
  const r2 = sphere.radiusMm * sphere.radiusMm;
  const c = sphere.centre;
  for (let k = 0; k < bz; k++)
    for (let j = 0; j < by; j++)
      for (let i = 0; i < bx; i++) {
        const v = i + j * bx + k * bx * by;
        if (!crop.mask[v]) continue;
        const gi = i + crop.box.min[0];
        const gj = j + crop.box.min[1];
        const gk = k + crop.box.min[2];
        const x = grid.origin[0] + m[0] * gi + m[1] * gj + m[2] * gk - c[0];
        const y = grid.origin[1] + m[3] * gi + m[4] * gj + m[5] * gk - c[1];
        const z = grid.origin[2] + m[6] * gi + m[7] * gj + m[8] * gk - c[2];
        if (x * x + y * y + z * z > r2) crop.mask[v] = 0;
      }
}

function tighten(crop: CropVolume): { mask: Uint8Array; bounds: IndexBox | null; voxelCount: number } {
  const [bx, by, bz] = boxSize(crop.box);
  const min = [Infinity, Infinity, Infinity];
  const max = [-1, -1, -1];
  let count = 0;
  for (let k = 0; k < bz; k++)
    for (let j = 0; j < by; j++)
      for (let i = 0; i < bx; i++) {
        if (!crop.mask[i + j * bx + k * bx * by]) continue;
        count++;
        const p = [i, j, k];
        for (let a = 0; a < 3; a++) {
          if (p[a]! < min[a]!) min[a] = p[a]!;
          if (p[a]! > max[a]!) max[a] = p[a]!;
        }
      }
  if (count === 0) return { mask: new Uint8Array(0), bounds: null, voxelCount: 0 };
  const [tx, ty, tz] = [max[0]! - min[0]! + 1, max[1]! - min[1]! + 1, max[2]! - min[2]! + 1];
  const mask = new Uint8Array(tx * ty * tz);
  for (let k = 0; k < tz; k++)
    for (let j = 0; j < ty; j++) {
      const src = min[0]! + (j + min[1]!) * bx + (k + min[2]!) * bx * by;
      mask.set(crop.mask.subarray(src, src + tx), (j + k * ty) * tx);
    }
  const o = crop.box.min;
  return {
    mask,
    bounds: { min: [o[0] + min[0]!, o[1] + min[1]!, o[2] + min[2]!], max: [o[0] + max[0]!, o[1] + max[1]!, o[2] + max[2]!] },
    voxelCount: count,
  };
}

/** The region reaches a face of the limit box that is a real limit (the grid's edge, or the caller's bounds). */
function touches(b: IndexBox, limit: IndexBox, grid: VolumeGrid, sphereOnly: boolean): boolean {
  const full = fullBox(grid);
  for (let a = 0; a < 3; a++) {
    if (b.min[a] === full.min[a] || b.max[a] === full.max[a]) return true;
    if (!sphereOnly && (b.min[a] === limit.min[a] || b.max[a] === limit.max[a])) return true;
  }
  return false;
}
