import { featureField, squaredEdt2d } from './distanceTransform';
import type { VolumeGrid } from './types';
import { assertGridArray } from './volumeGrid';

export type SliceAxis = 0 | 1 | 2;

export interface SliceInterpolationResult {
  /** Indices (along the axis) of the slices that received voxels. */
  filledSlices: number[];
  voxelsAdded: number;
}

interface SlicePlane {
  nu: number;
  nv: number;
  ns: number;
  strideU: number;
  strideV: number;
  strideS: number;
  su: number;
  sv: number;
}

function slicePlane(grid: VolumeGrid, axis: SliceAxis): SlicePlane {
  const [nx, ny, nz] = grid.dimensions;
  const [sx, sy, sz] = grid.spacing;
  if (axis === 2) return { nu: nx, nv: ny, ns: nz, strideU: 1, strideV: nx, strideS: nx * ny, su: sx, sv: sy };
  if (axis === 1) return { nu: nx, nv: nz, ns: ny, strideU: 1, strideV: nx * ny, strideS: nx, su: sx, sv: sz };
  return { nu: ny, nv: nz, ns: nx, strideU: nx, strideV: nx * ny, strideS: 1, su: sy, sv: sz };
}

function sliceMask(labelmap: Uint8Array, pl: SlicePlane, s: number, label: number): Uint8Array {
  const m = new Uint8Array(pl.nu * pl.nv);
  for (let v = 0; v < pl.nv; v++) {
    const base = v * pl.strideV + s * pl.strideS;
    for (let u = 0; u < pl.nu; u++) m[u + v * pl.nu] = labelmap[base + u * pl.strideU] === label ? 1 : 0;
  }
  return m;
}

function sliceHasLabel(labelmap: Uint8Array, pl: SlicePlane, s: number, label: number): boolean {
  for (let v = 0; v < pl.nv; v++) {
    const base = v * pl.strideV + s * pl.strideS;
    for (let u = 0; u < pl.nu; u++) if (labelmap[base + u * pl.strideU] === label) return true;
  }
  return false;
}

/**
 * Signed distance (mm) of a painted slice: negative inside, positive outside, ≈ 0 on the contour midway between
 * the boundary pixel centres (half a pixel is taken off both sides so the field is continuous across the edge).
 */
export function signedDistance2d(mask: Uint8Array, nu: number, nv: number, su: number, sv: number): Float32Array {
  const toObject = featureField(mask, true);
  squaredEdt2d(toObject, nu, nv, su, sv);
  const toBackground = featureField(mask, false);
  squaredEdt2d(toBackground, nu, nv, su, sv);
  const half = 0.5 * Math.min(su, sv);
  const far = 1e6 * Math.max(su * nu, sv * nv);
  const sdf = new Float32Array(mask.length);
  for (let t = 0; t < mask.length; t++) {
    if (mask[t] !== 0) {
      const d = toBackground[t]!;
      sdf[t] = d === Infinity ? -far : -(Math.sqrt(d) - half);
    } else {
      const d = toObject[t]!;
      sdf[t] = d === Infinity ? far : Math.sqrt(d) - half;
    }
  }
  return sdf;
}

/**
 * Shape-based interpolation: every run of unpainted slices (no voxel of `label`) lying between two painted slices
 * along `axis` is filled where the linear blend of the two slices' signed distance maps is ≤ 0.
 * Only voxels that are 0 are painted (other labels are left alone). Modifies `labelmap` in place.
 */
export function interpolateSlices(labelmap: Uint8Array, grid: VolumeGrid, label: number, axis: SliceAxis): SliceInterpolationResult {
  assertGridArray(grid, labelmap.length, 'labelmap');
  const pl = slicePlane(grid, axis);
  const painted: number[] = [];
  for (let s = 0; s < pl.ns; s++) if (sliceHasLabel(labelmap, pl, s, label)) painted.push(s);

  const filledSlices: number[] = [];
  let voxelsAdded = 0;
  let lower: Float32Array | null = null;
  for (let p = 0; p + 1 < painted.length; p++) {
    const a = painted[p]!;
    const b = painted[p + 1]!;
    if (b - a < 2) {
      lower = null;
      continue;
    }
    const sdfA = lower ?? signedDistance2d(sliceMask(labelmap, pl, a, label), pl.nu, pl.nv, pl.su, pl.sv);
    const sdfB = signedDistance2d(sliceMask(labelmap, pl, b, label), pl.nu, pl.nv, pl.su, pl.sv);
    for (let s = a + 1; s < b; s++) {
      const t = (s - a) / (b - a);
      let added = 0;
      for (let v = 0; v < pl.nv; v++) {
        const base = v * pl.strideV + s * pl.strideS;
        for (let u = 0; u < pl.nu; u++) {
          const q = u + v * pl.nu;
          if ((1 - t) * sdfA[q]! + t * sdfB[q]! > 0) continue;
          const idx = base + u * pl.strideU;
          if (labelmap[idx] !== 0) continue;
          labelmap[idx] = label;
          added++;
        }
      }
      if (added > 0) filledSlices.push(s);
      voxelsAdded += added;
    }
    lower = sdfB;
  }
  return { filledSlices, voxelsAdded };
}
