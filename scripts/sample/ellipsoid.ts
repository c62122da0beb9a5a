import { add, dot, scale, sub, type Vec3 } from '../../src/geometry/vec3';
import { ellipsoid, type OrientedShape } from './shapes';
import { mulMatVec, type Mat3, type RigidTransform, applyRigid } from './transform';

/** An ellipsoid with exact geometry helpers (used for the lesion's ground truth). */
export class Ellipsoid {
  /** Quadratic form: p is inside when (p - c)ᵀ Q (p - c) <= 1. */
  private readonly q: Mat3;

  /** `axes`: rows are the unit principal axes in patient space; `semi`: the matching semi-axes (mm). */
  constructor(
    readonly centre: Vec3,
    readonly axes: Mat3,
    readonly semi: Vec3,
  ) {
    const entry = (i: number, j: number): number =>
      [0, 1, 2].reduce((s, k) => s + (this.axes[k]![i]! * this.axes[k]![j]!) / this.semi[k]! ** 2, 0);
    this.q = [
      [entry(0, 0), entry(0, 1), entry(0, 2)],
      [entry(1, 0), entry(1, 1), entry(1, 2)],
      [entry(2, 0), entry(2, 1), entry(2, 2)],
    ];
  }

  get volume(): number {
    return (4 / 3) * Math.PI * this.semi[0] * this.semi[1] * this.semi[2];
  }

  contains(p: Vec3): boolean {
    const d = sub(p, this.centre);
    return dot(d, mulMatVec(this.q, d)) <= 1;
  }

  /** Half the ellipsoid's width along unit direction u. */
  halfExtent(u: Vec3): number {
    return Math.sqrt([0, 1, 2].reduce((s, k) => s + (this.semi[k]! * dot(this.axes[k]!, u)) ** 2, 0));
  }

  /** The surface point furthest along unit direction u. */
  extremePoint(u: Vec3): Vec3 {
    const h = this.halfExtent(u);
    let p = this.centre;
    for (let k = 0; k < 3; k++) p = add(p, scale(this.axes[k]!, (this.semi[k]! ** 2 * dot(this.axes[k]!, u)) / h));
    return p;
  }

  /**
   * Where the line through `p` parallel to patient axis `axis` (0 = x, 1 = y, 2 = z) is inside: [lo, hi] of that
   * coordinate, or null when the line misses.
   */
  chord(p: Vec3, axis: 0 | 1 | 2): [number, number] | null {
    const d: Vec3 = [p[0] - this.centre[0], p[1] - this.centre[1], p[2] - this.centre[2]];
    const dd = [d[0], d[1], d[2]];
    dd[axis] = 0;
    const d0: Vec3 = [dd[0]!, dd[1]!, dd[2]!];
    const qd = mulMatVec(this.q, d0);
    const a = this.q[axis][axis];
    const b = qd[axis];
    const c = dot(d0, qd) - 1;
    const disc = b * b - a * c;
    if (disc <= 0) return null;
    const root = Math.sqrt(disc);
    const c0 = this.centre[axis];
    return [c0 + (-b - root) / a, c0 + (-b + root) / a];
  }

  transformed(t: RigidTransform): Ellipsoid {
    return new Ellipsoid(
      applyRigid(t, this.centre),
      [mulMatVec(t.rotation, this.axes[0]), mulMatVec(t.rotation, this.axes[1]), mulMatVec(t.rotation, this.axes[2])],
      this.semi,
    );
  }

  toShape(): OrientedShape {
    return ellipsoid({ origin: this.centre, x: this.axes[0], y: this.axes[1], z: this.axes[2] }, ...this.semi);
  }
}
