import { cross, dot, normalize, type Vec3 } from '../../geometry/vec3';

/** Two points of a set and their distance. */
export interface Diameter {
  lengthMm: number;
  endpoints: readonly [Vec3, Vec3];
}

const BRUTE_FORCE_LIMIT = 2500;
const DIRECTIONS = 1024;

function point(p: Float64Array, a: number): Vec3 {
  return [p[3 * a]!, p[3 * a + 1]!, p[3 * a + 2]!];
}

function dist2(p: Float64Array, a: number, b: number): number {
  const dx = p[3 * a]! - p[3 * b]!;
  const dy = p[3 * a + 1]! - p[3 * b + 1]!;
  const dz = p[3 * a + 2]! - p[3 * b + 2]!;
  return dx * dx + dy * dy + dz * dz;
}

function bruteForce(p: Float64Array, ids: ArrayLike<number>): [number, number, number] {
  let best = -1;
  let ba = 0;
  let bb = 0;
  for (let x = 0; x < ids.length; x++) {
    const a = ids[x]!;
    for (let y = x + 1; y < ids.length; y++) {
      const d = dist2(p, a, ids[y]!);
      if (d > best) {
        best = d;
        ba = a;
        bb = ids[y]!;
      }
    }
  }
  return [Math.max(0, best), ba, bb];
}

/** `count` unit vectors spread evenly over the upper hemisphere (Fibonacci lattice). */
function hemisphereDirections(count: number): Float64Array {
  const d = new Float64Array(3 * count);
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (let n = 0; n < count; n++) {
    const z = 1 - (n + 0.5) / count; // (0, 1]
    const r = Math.sqrt(1 - z * z);
    d[3 * n] = r * Math.cos(golden * n);
    d[3 * n + 1] = r * Math.sin(golden * n);
    d[3 * n + 2] = z;
  }
  return d;
}

/**
 * Diameter (largest pairwise distance) of n points stored as xyz triples.
 * Exact by brute force up to 2500 points; above that the candidates are the extreme points along 1024 directions
 * (a pair found this way is at least D·cos θ long, θ ≲ 0.05 rad the direction covering radius: ≥ 0.998 D), refined by
 * farthest-point iterations over all points.
 */
export function pointSetDiameter(p: Float64Array): Diameter {
  const n = p.length / 3;
  if (n === 0) throw new RangeError('pointSetDiameter: empty set');
  let best: [number, number, number];
  if (n <= BRUTE_FORCE_LIMIT) {
    const all = new Int32Array(n);
    for (let a = 0; a < n; a++) all[a] = a;
    best = bruteForce(p, all);
  } else {
    const dirs = hemisphereDirections(DIRECTIONS);
    const keep = new Set<number>();
    for (let d = 0; d < DIRECTIONS; d++) {
      const ux = dirs[3 * d]!;
      const uy = dirs[3 * d + 1]!;
      const uz = dirs[3 * d + 2]!;
      let lo = Infinity;
      let hi = -Infinity;
      let loId = 0;
      let hiId = 0;
      for (let a = 0; a < n; a++) {
        const s = p[3 * a]! * ux + p[3 * a + 1]! * uy + p[3 * a + 2]! * uz;
        if (s < lo) {
          lo = s;
          loId = a;
        }
        if (s > hi) {
          hi = s;
          hiId = a;
        }
      }
      keep.add(loId);
      keep.add(hiId);
    }
    best = bruteForce(p, Int32Array.from(keep));
    // Farthest-point refinement: never decreases, stops at a local optimum.
    for (let iter = 0; iter < 8; iter++) {
      let improved = false;
      for (const from of [best[1], best[2]]) {
        let far = -1;
        let farId = from;
        for (let a = 0; a < n; a++) {
          const d = dist2(p, from, a);
          if (d > far) {
            far = d;
            farId = a;
          }
        }
        if (far > best[0] + 1e-9) {
          best = [far, from, farId];
          improved = true;
        }
      }
      if (!improved) break;
    }
  }
  return { lengthMm: Math.sqrt(best[0]), endpoints: [point(p, best[1]), point(p, best[2])] };
}

/** Indices of the 2D convex hull of (x[i], y[i]) (Andrew's monotone chain, collinear points dropped). */
export function convexHull2d(x: Float64Array, y: Float64Array): number[] {
  const ids = Array.from({ length: x.length }, (_, i) => i).sort((a, b) => x[a]! - x[b]! || y[a]! - y[b]!);
  if (ids.length < 3) return ids;
  const turn = (o: number, a: number, b: number): number => (x[a]! - x[o]!) * (y[b]! - y[o]!) - (y[a]! - y[o]!) * (x[b]! - x[o]!);
  const lower: number[] = [];
  for (const i of ids) {
    while (lower.length >= 2 && turn(lower[lower.length - 2]!, lower[lower.length - 1]!, i) <= 0) lower.pop();
    lower.push(i);
  }
  const upper: number[] = [];
  for (let t = ids.length - 1; t >= 0; t--) {
    const i = ids[t]!;
    while (upper.length >= 2 && turn(upper[upper.length - 2]!, upper[upper.length - 1]!, i) <= 0) upper.pop();
    upper.push(i);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}

/**
 * Largest extent of the points in the plane perpendicular to `axis`: the diameter of their projection
 * (computed exactly on the 2D convex hull of the projected points). Endpoints are the original 3D points.
 */
export function perpendicularDiameter(p: Float64Array, axis: Vec3): Diameter {
  const n = p.length / 3;
  if (n === 0) throw new RangeError('perpendicularDiameter: empty set');
  const u = normalize(axis);
  const helper: Vec3 = Math.abs(u[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const e1 = normalize(cross(u, helper));
  const e2 = cross(u, e1);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const q = point(p, a);
    x[a] = dot(q, e1);
    y[a] = dot(q, e2);
  }
  const hull = convexHull2d(x, y);
  let best = 0;
  let ba = hull[0] ?? 0;
  let bb = ba;
  for (let s = 0; s < hull.length; s++) {
    for (let t = s + 1; t < hull.length; t++) {
      const a = hull[s]!;
      const b = hull[t]!;
      const d = (x[a]! - x[b]!) ** 2 + (y[a]! - y[b]!) ** 2;
      if (d > best) {
        best = d;
        ba = a;
        bb = b;
      }
    }
  }
  return { lengthMm: Math.sqrt(best), endpoints: [point(p, ba), point(p, bb)] };
}
