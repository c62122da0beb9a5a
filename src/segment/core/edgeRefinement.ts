import type { IndexBox, ScalarArray, VolumeGrid } from './types';
import { boxSize } from './indexBox';

/** Voxel layers (6-connected steps) outside the core: 1..2 may be partial-volume edge, 3..4 are the surroundings. */
const CANDIDATE_LAYERS = 2;
const RIM_FIRST = 3;
const RIM_LAST = 4;
const UNSET = 255;
/** Half-size (voxels) of the window in which a candidate's local surroundings are averaged. */
const LOCAL_RADIUS = 2;

export interface CropVolume {
  /** Crop box in grid indices; must lie inside the grid. */
  box: IndexBox;
  /** 0/1 over the box. */
  mask: Uint8Array;
}

export interface EdgeModel {
  /** Mean of the core's interior voxels (no partial volume). */
  lesionMean: number;
  lesionSd: number;
  /** Noise SD from differences of in-plane neighbours inside the core (many pairs even in a thin region). */
  noiseSd: number;
  /** Voxels the mean and SD were taken from. */
  interiorCount: number;
  /** Median of the rim around the core (the surroundings), null when there is no rim in the grid. */
  backgroundMedian: number | null;
}

/** Chamfer layers outside the mask (0 inside), up to RIM_LAST; UNSET beyond. */
export function outsideLayers(mask: Uint8Array, nx: number, ny: number, nz: number, last = RIM_LAST): Uint8Array {
  const layer = new Uint8Array(mask.length).fill(UNSET);
  for (let v = 0; v < mask.length; v++) if (mask[v]) layer[v] = 0;
  const slice = nx * ny;
  for (let l = 1; l <= last; l++) {
    for (let k = 0; k < nz; k++)
      for (let j = 0; j < ny; j++)
        for (let i = 0; i < nx; i++) {
          const v = i + j * nx + k * slice;
          if (layer[v] !== UNSET) continue;
          const p = l - 1;
          if (
            (i > 0 && layer[v - 1] === p) ||
            (i < nx - 1 && layer[v + 1] === p) ||
            (j > 0 && layer[v - nx] === p) ||
            (j < ny - 1 && layer[v + nx] === p) ||
            (k > 0 && layer[v - slice] === p) ||
            (k < nz - 1 && layer[v + slice] === p)
          )
            layer[v] = l;
        }
  }
  return layer;
}

function cropValue(scalars: ScalarArray, grid: VolumeGrid, box: IndexBox, i: number, j: number, k: number): number {
  const [gx, gy] = grid.dimensions;
  return scalars[box.min[0] + i + (box.min[1] + j) * gx + (box.min[2] + k) * gx * gy]!;
}

/** Lesion intensity from the interior of the core (voxels whose six neighbours are all in it) and the rim's median. */
export function edgeModel(scalars: ScalarArray, grid: VolumeGrid, crop: CropVolume, layer: Uint8Array): EdgeModel {
  const [nx, ny, nz] = boxSize(crop.box);
  const slice = nx * ny;
  const m = crop.mask;
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  let nAll = 0;
  let sumAll = 0;
  let sumSqAll = 0;
  const rim: number[] = [];
  const differences: number[] = [];
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        const v = i + j * nx + k * slice;
        const l = layer[v]!;
        if (l >= RIM_FIRST && l <= RIM_LAST) rim.push(cropValue(scalars, grid, crop.box, i, j, k));
        if (!m[v]) continue;
        const x = cropValue(scalars, grid, crop.box, i, j, k);
        if (i < nx - 1 && m[v + 1]) differences.push(Math.abs(cropValue(scalars, grid, crop.box, i + 1, j, k) - x));
        if (j < ny - 1 && m[v + nx]) differences.push(Math.abs(cropValue(scalars, grid, crop.box, i, j + 1, k) - x));
        nAll++;
        sumAll += x;
        sumSqAll += x * x;
        const interior =
          i > 0 && i < nx - 1 && j > 0 && j < ny - 1 && k > 0 && k < nz - 1 && m[v - 1] && m[v + 1] && m[v - nx] && m[v + nx] && m[v - slice] && m[v + slice];
        if (!interior) continue;
        n++;
        sum += x;
        sumSq += x * x;
      }
  // Tiny regions (one slice thick) have no interior: take all their voxels.
  if (n < 8) {
    n = nAll;
    sum = sumAll;
    sumSq = sumSqAll;
  }
  const mean = n > 0 ? sum / n : Number.NaN;
  const sd = n > 1 ? Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1))) : 0;
  rim.sort((a, b) => a - b);
  differences.sort((a, b) => a - b);
  const noiseSd = differences.length ? differences[differences.length >> 1]! / (0.6745 * Math.SQRT2) : sd;
  const backgroundMedian = rim.length ? rim[rim.length >> 1]! : null;
  return { lesionMean: mean, lesionSd: sd, interiorCount: n, noiseSd, backgroundMedian };
}

/**
 * Adds the partial-volume edge to the core: a voxel of the first CANDIDATE_LAYERS layers joins when its value
 * lies less than `edgeLevel` of the way from the lesion mean to its LOCAL surroundings (mean of the rim voxels
 * near it). At 0.5 this is the halfway threshold, which places the edge where the voxel is half lesion: the
 * unbiased boundary for partial volume, also where the lesion touches a structure of another intensity.
 * Returns the number of voxels added (the mask is changed in place; not yet checked for connectivity).
 */
export function addPartialVolumeEdge(
  scalars: ScalarArray,
  grid: VolumeGrid,
  crop: CropVolume,
  layer: Uint8Array,
  model: EdgeModel,
  edgeLevel: number,
  minContrast: number,
): number {
  const [nx, ny, nz] = boxSize(crop.box);
  const slice = nx * ny;
  const mu = model.lesionMean;
  let added = 0;
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        const v = i + j * nx + k * slice;
        const l = layer[v]!;
        if (l === 0 || l > CANDIDATE_LAYERS) continue;
        const b = localBackground(scalars, grid, crop.box, layer, nx, ny, nz, i, j, k) ?? model.backgroundMedian;
        if (b === null || Math.abs(b - mu) < minContrast) continue;
        const x = cropValue(scalars, grid, crop.box, i, j, k);
        if ((x - mu) / (b - mu) < edgeLevel) {
          crop.mask[v] = 1;
          added++;
        }
      }
  return added;
}

function localBackground(
  scalars: ScalarArray,
  grid: VolumeGrid,
  box: IndexBox,
  layer: Uint8Array,
  nx: number,
  ny: number,
  nz: number,
  i: number,
  j: number,
  k: number,
): number | null {
  for (const r of [LOCAL_RADIUS, 2 * LOCAL_RADIUS]) {
    let n = 0;
    let sum = 0;
    for (let kk = Math.max(0, k - r); kk <= Math.min(nz - 1, k + r); kk++)
      for (let jj = Math.max(0, j - r); jj <= Math.min(ny - 1, j + r); jj++)
        for (let ii = Math.max(0, i - r); ii <= Math.min(nx - 1, i + r); ii++) {
          const l = layer[ii + jj * nx + kk * nx * ny]!;
          if (l < RIM_FIRST || l > RIM_LAST) continue;
          sum += cropValue(scalars, grid, box, ii, jj, kk);
          n++;
        }
    if (n > 0) return sum / n;
  }
  return null;
}
