import { add, cross, length, scale, sub, type Vec3 } from '../geometry/vec3';
import { symmetricEigen } from './symmetricEigen';

/** Row-major 3×3 matrix. */
export type Mat3 = readonly [Vec3, Vec3, Vec3];

export function applyRotation(m: Mat3, p: Vec3): Vec3 {
  return [
    m[0][0] * p[0] + m[0][1] * p[1] + m[0][2] * p[2],
    m[1][0] * p[0] + m[1][1] * p[1] + m[1][2] * p[2],
    m[2][0] * p[0] + m[2][1] * p[1] + m[2][2] * p[2],
  ];
}

/**
 * Least-squares rotation + translation with to ≈ R·from + t (Horn's closed-form quaternion method:
 * the best rotation is the eigenvector of the largest eigenvalue of a 4×4 symmetric matrix built
 * from the cross-covariance). Unlike an SVD-based Kabsch it cannot return a reflection.
 * Returns null with fewer than 3 pairs or collinear points, where the rotation is undetermined.
 */
export function rigidFit(pairs: readonly { from: Vec3; to: Vec3 }[]): { rotation: Mat3; translation: Vec3 } | null {
  if (pairs.length < 3) return null;
  const fromCentroid = centroid(pairs.map((p) => p.from));
  const toCentroid = centroid(pairs.map((p) => p.to));
  const a = pairs.map((p) => sub(p.from, fromCentroid));
  const b = pairs.map((p) => sub(p.to, toCentroid));
  if (collinear(a) || collinear(b)) return null;

  // s[i][j] = Σ a_i · b_j
  const s = [0, 1, 2].map((i) => [0, 1, 2].map((j) => a.reduce((sum, ak, k) => sum + ak[i]! * b[k]![j]!, 0)));
  const S = (i: number, j: number): number => s[i]![j]!;
  const [xx, xy, xz, yx, yy, yz, zx, zy, zz] = [S(0, 0), S(0, 1), S(0, 2), S(1, 0), S(1, 1), S(1, 2), S(2, 0), S(2, 1), S(2, 2)];
  const n = [
    [xx + yy + zz, yz - zy, zx - xz, xy - yx],
    [yz - zy, xx - yy - zz, xy + yx, zx + xz],
    [zx - xz, xy + yx, -xx + yy - zz, yz + zy],
    [xy - yx, zx + xz, yz + zy, -xx - yy + zz],
  ];
  const { values, vectors } = symmetricEigen(n);
  const largest = values.indexOf(Math.max(...values));
  const rotation = quaternionToMatrix(vectors[largest]!);
  return { rotation, translation: sub(toCentroid, applyRotation(rotation, fromCentroid)) };
}

function quaternionToMatrix(q: readonly number[]): Mat3 {
  const norm = Math.hypot(...q);
  const [w, x, y, z] = q.map((c) => c / norm) as [number, number, number, number];
  return [
    [w * w + x * x - y * y - z * z, 2 * (x * y - w * z), 2 * (x * z + w * y)],
    [2 * (x * y + w * z), w * w - x * x + y * y - z * z, 2 * (y * z - w * x)],
    [2 * (x * z - w * y), 2 * (y * z + w * x), w * w - x * x - y * y + z * z],
  ];
}

function centroid(points: readonly Vec3[]): Vec3 {
  return scale(points.reduce<Vec3>((sum, p) => add(sum, p), [0, 0, 0]), 1 / points.length);
}

/** True when all centred points lie on one line through the origin (relative tolerance). */
function collinear(centred: readonly Vec3[]): boolean {
  const extent = Math.max(...centred.map(length));
  if (extent === 0) return true;
  let maxArea = 0;
  for (let i = 0; i < centred.length; i++) {
    for (let j = i + 1; j < centred.length; j++) maxArea = Math.max(maxArea, length(cross(centred[i]!, centred[j]!)));
  }
  return maxArea < 1e-6 * extent * extent;
}
