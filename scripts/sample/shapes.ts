import { add, cross, normalize, scale, sub, type Vec3 } from '../../src/geometry/vec3';

export interface Aabb {
  readonly min: Vec3;
  readonly max: Vec3;
}

export const aabbOverlap = (a: Aabb, b: Aabb): boolean =>
  a.min[0] <= b.max[0] &&
  a.max[0] >= b.min[0] &&
  a.min[1] <= b.max[1] &&
  a.max[1] >= b.min[1] &&
  a.min[2] <= b.max[2] &&
  a.max[2] >= b.min[2];

export function aabbOfPoints(points: readonly Vec3[]): Aabb {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (const p of points) {
    for (let i = 0; i < 3; i++) {
      const v = p[i] as number;
      if (v < (min[i] as number)) min[i] = v;
      if (v > (max[i] as number)) max[i] = v;
    }
  }
  return { min: min as unknown as Vec3, max: max as unknown as Vec3 };
}

/** Orthonormal local frame: local (u, v, w) = (dot(p - origin, x), dot(p - origin, y), dot(p - origin, z)). */
export interface Frame {
  readonly origin: Vec3;
  readonly x: Vec3;
  readonly y: Vec3;
  readonly z: Vec3;
}

export const frameToWorld = (f: Frame, local: Vec3): Vec3 =>
  add(f.origin, add(scale(f.x, local[0]), add(scale(f.y, local[1]), scale(f.z, local[2]))));

/** A child frame at `localOrigin` (in f), rotated by `yawDeg` about f's z axis. */
export function subFrame(f: Frame, localOrigin: Vec3, yawDeg = 0): Frame {
  const c = Math.cos((yawDeg * Math.PI) / 180);
  const s = Math.sin((yawDeg * Math.PI) / 180);
  return {
    origin: frameToWorld(f, localOrigin),
    x: add(scale(f.x, c), scale(f.y, s)),
    y: add(scale(f.x, -s), scale(f.y, c)),
    z: f.z,
  };
}

/** Frame whose z axis runs from a to b (origin at the midpoint); x is chosen perpendicular to z, near `hintX`. */
export function segmentFrame(a: Vec3, b: Vec3, hintX: Vec3 = [1, 0, 0]): Frame {
  const z = normalize(sub(b, a));
  let y = cross(z, hintX);
  if (Math.hypot(y[0], y[1], y[2]) < 1e-6) y = cross(z, [0, 1, 0]);
  y = normalize(y);
  const x = cross(y, z);
  return { origin: scale(add(a, b), 0.5), x, y, z };
}

export interface Shape {
  contains(x: number, y: number, z: number): boolean;
  bounds(): Aabb;
  /** The same shape shrunk inwards by `t` mm (for cortical shells), or null when nothing would remain. */
  shrink(t: number): Shape | null;
}

export const ShapeKind = { ELLIPSOID: 0, CYLINDER: 1, BOX: 2, CAPSULE: 3 } as const;
export type ShapeKind = (typeof ShapeKind)[keyof typeof ShapeKind];

/**
 * Ellipsoid, elliptic cylinder (axis = local z), box, or capsule (segment on local z from -c to c, radius a),
 * in an oriented frame. One class with a kind switch keeps the hot `contains` call site monomorphic.
 */
export class OrientedShape implements Shape {
  private readonly ox: number;
  private readonly oy: number;
  private readonly oz: number;
  private readonly xx: number;
  private readonly xy: number;
  private readonly xz: number;
  private readonly yx: number;
  private readonly yy: number;
  private readonly yz: number;
  private readonly zx: number;
  private readonly zy: number;
  private readonly zz: number;
  private readonly ia2: number;
  private readonly ib2: number;
  private readonly ic2: number;

  constructor(
    readonly kind: ShapeKind,
    readonly frame: Frame,
    readonly a: number,
    readonly b: number,
    readonly c: number,
  ) {
    [this.ox, this.oy, this.oz] = frame.origin;
    [this.xx, this.xy, this.xz] = frame.x;
    [this.yx, this.yy, this.yz] = frame.y;
    [this.zx, this.zy, this.zz] = frame.z;
    this.ia2 = 1 / (a * a);
    this.ib2 = 1 / (b * b);
    this.ic2 = 1 / (c * c);
  }

  contains(x: number, y: number, z: number): boolean {
    const dx = x - this.ox;
    const dy = y - this.oy;
    const dz = z - this.oz;
    const w = this.zx * dx + this.zy * dy + this.zz * dz;
    switch (this.kind) {
      case ShapeKind.ELLIPSOID: {
        const w2 = w * w * this.ic2;
        if (w2 > 1) return false;
        const u = this.xx * dx + this.xy * dy + this.xz * dz;
        const v = this.yx * dx + this.yy * dy + this.yz * dz;
        return u * u * this.ia2 + v * v * this.ib2 + w2 <= 1;
      }
      case ShapeKind.CYLINDER: {
        if (w > this.c || w < -this.c) return false;
        const u = this.xx * dx + this.xy * dy + this.xz * dz;
        const v = this.yx * dx + this.yy * dy + this.yz * dz;
        return u * u * this.ia2 + v * v * this.ib2 <= 1;
      }
      case ShapeKind.BOX: {
        if (w > this.c || w < -this.c) return false;
        const u = this.xx * dx + this.xy * dy + this.xz * dz;
        if (u > this.a || u < -this.a) return false;
        const v = this.yx * dx + this.yy * dy + this.yz * dz;
        return v <= this.b && v >= -this.b;
      }
      default: {
        const u = this.xx * dx + this.xy * dy + this.xz * dz;
        const v = this.yx * dx + this.yy * dy + this.yz * dz;
        const ww = w > this.c ? w - this.c : w < -this.c ? w + this.c : 0;
        return u * u + v * v + ww * ww <= this.a * this.a;
      }
    }
  }

  bounds(): Aabb {
    const capsule = this.kind === ShapeKind.CAPSULE;
    const ha = this.a;
    const hb = capsule ? this.a : this.b;
    const hc = capsule ? this.c + this.a : this.c;
    const corners: Vec3[] = [];
    for (const su of [-1, 1]) {
      for (const sv of [-1, 1]) {
        for (const sw of [-1, 1]) corners.push(frameToWorld(this.frame, [su * ha, sv * hb, sw * hc]));
      }
    }
    return aabbOfPoints(corners);
  }

  shrink(t: number): Shape | null {
    if (this.kind === ShapeKind.CAPSULE) {
      return this.a > t ? new OrientedShape(this.kind, this.frame, this.a - t, this.a - t, this.c) : null;
    }
    const [a, b, c] = [this.a - t, this.b - t, this.c - t];
    return a > 0 && b > 0 && c > 0 ? new OrientedShape(this.kind, this.frame, a, b, c) : null;
  }
}

export const ellipsoid = (f: Frame, a: number, b: number, c: number): OrientedShape =>
  new OrientedShape(ShapeKind.ELLIPSOID, f, a, b, c);
export const cylinder = (f: Frame, a: number, b: number, halfHeight: number): OrientedShape =>
  new OrientedShape(ShapeKind.CYLINDER, f, a, b, halfHeight);
export const box = (f: Frame, a: number, b: number, c: number): OrientedShape =>
  new OrientedShape(ShapeKind.BOX, f, a, b, c);

/** Capsule between world points a and b. */
export function capsule(a: Vec3, b: Vec3, radius: number): OrientedShape {
  const f = segmentFrame(a, b);
  const half = Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]) / 2;
  return new OrientedShape(ShapeKind.CAPSULE, f, radius, radius, half);
}

/** Cross-section of a tube at one height: elliptic, axis-aligned in the axial plane. */
export interface TubeSection {
  cx: number;
  cy: number;
  a: number;
  b: number;
}

/**
 * A tube running along patient z whose axial cross-section (centre and semi-axes) varies with z;
 * the profile is tabulated every 0.1 mm and interpolated linearly.
 */
export class TubeShape implements Shape {
  private static readonly STEP = 0.1;
  private readonly n: number;
  private readonly cx: Float64Array;
  private readonly cy: Float64Array;
  private readonly sa: Float64Array;
  private readonly sb: Float64Array;

  constructor(
    readonly z0: number,
    readonly z1: number,
    private readonly profile: (z: number) => TubeSection,
  ) {
    this.n = Math.ceil((z1 - z0) / TubeShape.STEP) + 1;
    this.cx = new Float64Array(this.n);
    this.cy = new Float64Array(this.n);
    this.sa = new Float64Array(this.n);
    this.sb = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) {
      const s = profile(Math.min(z1, z0 + i * TubeShape.STEP));
      this.cx[i] = s.cx;
      this.cy[i] = s.cy;
      this.sa[i] = s.a;
      this.sb[i] = s.b;
    }
  }

  contains(x: number, y: number, z: number): boolean {
    if (z < this.z0 || z > this.z1) return false;
    const t = (z - this.z0) / TubeShape.STEP;
    let i = Math.floor(t);
    if (i >= this.n - 1) i = this.n - 2;
    const f = t - i;
    const g = 1 - f;
    const a = this.sa[i]! * g + this.sa[i + 1]! * f;
    const b = this.sb[i]! * g + this.sb[i + 1]! * f;
    if (a <= 0 || b <= 0) return false;
    const u = (x - (this.cx[i]! * g + this.cx[i + 1]! * f)) / a;
    const v = (y - (this.cy[i]! * g + this.cy[i + 1]! * f)) / b;
    return u * u + v * v <= 1;
  }

  bounds(): Aabb {
    let x0 = Infinity;
    let x1 = -Infinity;
    let y0 = Infinity;
    let y1 = -Infinity;
    for (let i = 0; i < this.n; i++) {
      x0 = Math.min(x0, this.cx[i]! - this.sa[i]!);
      x1 = Math.max(x1, this.cx[i]! + this.sa[i]!);
      y0 = Math.min(y0, this.cy[i]! - this.sb[i]!);
      y1 = Math.max(y1, this.cy[i]! + this.sb[i]!);
    }
    return { min: [x0, y0, this.z0], max: [x1, y1, this.z1] };
  }

  shrink(t: number): Shape | null {
    return new TubeShape(this.z0, this.z1, (z) => {
      const s = this.profile(z);
      return { cx: s.cx, cy: s.cy, a: s.a - t, b: s.b - t };
    });
  }
}
