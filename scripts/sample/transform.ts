import { add, dot, type Vec3 } from '../../src/geometry/vec3';

/** 3×3 matrix as three rows. */
export type Mat3 = readonly [Vec3, Vec3, Vec3];

/** p' = rotation · p + translation. */
export interface RigidTransform {
  readonly rotation: Mat3;
  readonly translation: Vec3;
}

export const IDENTITY_MAT3: Mat3 = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
];

export const IDENTITY_TRANSFORM: RigidTransform = { rotation: IDENTITY_MAT3, translation: [0, 0, 0] };

export const mulMatVec = (m: Mat3, v: Vec3): Vec3 => [dot(m[0], v), dot(m[1], v), dot(m[2], v)];

export const transpose = (m: Mat3): Mat3 => [
  [m[0][0], m[1][0], m[2][0]],
  [m[0][1], m[1][1], m[2][1]],
  [m[0][2], m[1][2], m[2][2]],
];

export function mulMat(a: Mat3, b: Mat3): Mat3 {
  const bt = transpose(b);
  const row = (r: Vec3): Vec3 => [dot(r, bt[0]), dot(r, bt[1]), dot(r, bt[2])];
  return [row(a[0]), row(a[1]), row(a[2])];
}

const DEG = Math.PI / 180;

export function rotationX(deg: number): Mat3 {
  const c = Math.cos(deg * DEG);
  const s = Math.sin(deg * DEG);
  return [
    [1, 0, 0],
    [0, c, -s],
    [0, s, c],
  ];
}

export function rotationY(deg: number): Mat3 {
  const c = Math.cos(deg * DEG);
  const s = Math.sin(deg * DEG);
  return [
    [c, 0, s],
    [0, 1, 0],
    [-s, 0, c],
  ];
}

export function rotationZ(deg: number): Mat3 {
  const c = Math.cos(deg * DEG);
  const s = Math.sin(deg * DEG);
  return [
    [c, -s, 0],
    [s, c, 0],
    [0, 0, 1],
  ];
}

export const applyRigid = (t: RigidTransform, p: Vec3): Vec3 => add(mulMatVec(t.rotation, p), t.translation);

export function invertRigid(t: RigidTransform): RigidTransform {
  const rt = transpose(t.rotation);
  const back = mulMatVec(rt, t.translation);
  return { rotation: rt, translation: [-back[0], -back[1], -back[2]] };
}

/** Row-major 4×4 homogeneous matrix. */
export function toMatrix4x4(t: RigidTransform): number[] {
  const [r0, r1, r2] = t.rotation;
  return [...r0, t.translation[0], ...r1, t.translation[1], ...r2, t.translation[2], 0, 0, 0, 1];
}
