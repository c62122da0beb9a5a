import type { Vec3 } from '../../src/geometry/vec3';
import type { Ellipsoid } from './ellipsoid';

/** Exact-as-possible measurements of a union of ellipsoids, in whatever frame the ellipsoids are expressed in. */

export type Axis = 0 | 1 | 2;

export interface Box {
  readonly min: Vec3;
  readonly max: Vec3;
}

export interface BoundingBox extends Box {
  /** Surface points where the lesion touches each face of the box: [min, max] per axis. */
  readonly touchPoints: readonly [readonly [Vec3, Vec3], readonly [Vec3, Vec3], readonly [Vec3, Vec3]];
}

const UNIT: readonly Vec3[] = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
];

/** Analytic bounding box of the union. */
export function boundingBox(lobes: readonly Ellipsoid[]): BoundingBox {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  const touch: [Vec3, Vec3][] = [];
  for (let i = 0; i < 3; i++) {
    const u = UNIT[i]!;
    let lowPoint: Vec3 = [0, 0, 0];
    let highPoint: Vec3 = [0, 0, 0];
    for (const e of lobes) {
      const h = e.halfExtent(u);
      if (e.centre[i]! - h < min[i]!) {
        min[i] = e.centre[i]! - h;
        lowPoint = e.extremePoint([-u[0], -u[1], -u[2]]);
      }
      if (e.centre[i]! + h > max[i]!) {
        max[i] = e.centre[i]! + h;
        highPoint = e.extremePoint(u);
      }
    }
    touch.push([lowPoint, highPoint]);
  }
  return {
    min: [min[0]!, min[1]!, min[2]!],
    max: [max[0]!, max[1]!, max[2]!],
    touchPoints: [touch[0]!, touch[1]!, touch[2]!],
  };
}

/** Union of the lobes' chords on the line through p parallel to `axis`, merged into disjoint intervals. */
export function unionChord(lobes: readonly Ellipsoid[], p: Vec3, axis: Axis): [number, number][] {
  const pieces: [number, number][] = [];
  for (const e of lobes) {
    const c = e.chord(p, axis);
    if (c) pieces.push(c);
  }
  pieces.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && piece[0] <= last[1]) last[1] = Math.max(last[1], piece[1]);
    else merged.push([piece[0], piece[1]]);
  }
  return merged;
}

const otherAxes = (axis: Axis): [Axis, Axis] => (axis === 0 ? [1, 2] : axis === 1 ? [0, 2] : [0, 1]);

function pointOnLine(axis: Axis, along: number, j: Axis, vj: number, k: Axis, vk: number): Vec3 {
  const p = [0, 0, 0];
  p[axis] = along;
  p[j] = vj;
  p[k] = vk;
  return [p[0]!, p[1]!, p[2]!];
}

export interface VolumeAndCentroid {
  readonly volumeMm3: number;
  readonly centroid: Vec3;
}

/**
 * Volume and centroid on a fine grid: lines parallel to x every `step` mm in y and z (cell centres), each line's
 * inside length computed exactly from the ellipsoid equations, summed × step².
 */
export function volumeAndCentroid(lobes: readonly Ellipsoid[], step = 0.1): VolumeAndCentroid {
  const box = boundingBox(lobes);
  let volume = 0;
  let mx = 0;
  let my = 0;
  let mz = 0;
  for (let y = box.min[1] + step / 2; y < box.max[1]; y += step) {
    for (let z = box.min[2] + step / 2; z < box.max[2]; z += step) {
      for (const [lo, hi] of unionChord(lobes, [0, y, z], 0)) {
        const len = hi - lo;
        volume += len;
        mx += len * (lo + hi) * 0.5;
        my += len * y;
        mz += len * z;
      }
    }
  }
  return {
    volumeMm3: volume * step * step,
    centroid: [mx / volume, my / volume, mz / volume],
  };
}

export interface Diameter {
  readonly lengthMm: number;
  readonly from: Vec3;
  readonly to: Vec3;
}

/**
 * Longest caliper line parallel to `axis`: over all lines parallel to the axis, the largest distance between the
 * first entry into and the last exit from the lesion. Coarse search every `step` mm, then refined 20× finer.
 */
export function axisDiameter(lobes: readonly Ellipsoid[], axis: Axis, step = 0.1): Diameter {
  const box = boundingBox(lobes);
  const [j, k] = otherAxes(axis);
  let best = { len: -1, vj: 0, vk: 0, lo: 0, hi: 0 };
  const probe = (vj: number, vk: number): void => {
    const chords = unionChord(lobes, pointOnLine(axis, 0, j, vj, k, vk), axis);
    const first = chords[0];
    const last = chords[chords.length - 1];
    if (!first || !last) return;
    const len = last[1] - first[0];
    if (len > best.len) best = { len, vj, vk, lo: first[0], hi: last[1] };
  };
  for (let vj = box.min[j] + step / 2; vj < box.max[j]; vj += step) {
    for (let vk = box.min[k] + step / 2; vk < box.max[k]; vk += step) probe(vj, vk);
  }
  const fine = step / 20;
  const { vj: cj, vk: ck } = best;
  for (let a = -20; a <= 20; a++) {
    for (let b = -20; b <= 20; b++) probe(cj + a * fine, ck + b * fine);
  }
  return {
    lengthMm: best.len,
    from: pointOnLine(axis, best.lo, j, best.vj, k, best.vk),
    to: pointOnLine(axis, best.hi, j, best.vj, k, best.vk),
  };
}
