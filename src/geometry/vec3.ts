/** Patient-space vectors (DICOM LPS, millimetres). Plain tuples so they serialise as JSON. */
export type Vec3 = readonly [number, number, number];

/** A mutable copy, for APIs that take a plain tuple (Cornerstone's Point3). */
export const tuple = (a: Vec3): [number, number, number] => [a[0], a[1], a[2]];

export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const scale = (a: Vec3, s: number): Vec3 => [a[0] * s, a[1] * s, a[2] * s];
export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
export const length = (a: Vec3): number => Math.hypot(a[0], a[1], a[2]);
export const distance = (a: Vec3, b: Vec3): number => length(sub(a, b));
export const lerp = (a: Vec3, b: Vec3, t: number): Vec3 => add(a, scale(sub(b, a), t));
export const midpoint = (a: Vec3, b: Vec3): Vec3 => lerp(a, b, 0.5);

export function normalize(a: Vec3): Vec3 {
  const len = length(a);
  if (len === 0) throw new Error('Cannot normalise a zero vector');
  return scale(a, 1 / len);
}

/** True when the two unit vectors point the same way within `toleranceRad`. */
export function parallel(a: Vec3, b: Vec3, toleranceRad = 1e-3): boolean {
  return Math.acos(Math.min(1, Math.abs(dot(normalize(a), normalize(b))))) <= toleranceRad;
}
