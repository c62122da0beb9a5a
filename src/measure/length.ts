import { distance, dot, normalize, sub, type Vec3 } from '../geometry/vec3';
import type { BidirectionalMeasurement } from './types';

export const lengthMm = (a: Vec3, b: Vec3): number => distance(a, b);

/** Angle in degrees (0..90) between the lines through two segments, ignoring their direction. */
export function lineAngleDeg(a: readonly [Vec3, Vec3], b: readonly [Vec3, Vec3]): number {
  const da = sub(a[1], a[0]);
  const db = sub(b[1], b[0]);
  if (isZero(da) || isZero(db)) return Number.NaN;
  const cos = Math.min(1, Math.abs(dot(normalize(da), normalize(db))));
  return (Math.acos(cos) * 180) / Math.PI;
}

export interface BidirectionalAxes {
  longMm: number;
  shortMm: number;
  /** |90° − angle between the axes|; 0 when either axis has zero length. */
  perpendicularityErrorDeg: number;
}

/**
 * Lengths of the two axes. If the user dragged the "short" axis longer than the "long" one,
 * the values are swapped: the reported long axis is always the longest diameter.
 */
export function bidirectionalAxes(m: Pick<BidirectionalMeasurement, 'long' | 'short'>): BidirectionalAxes {
  const a = lengthMm(m.long[0], m.long[1]);
  const b = lengthMm(m.short[0], m.short[1]);
  const angle = lineAngleDeg(m.long, m.short);
  return {
    longMm: Math.max(a, b),
    shortMm: Math.min(a, b),
    perpendicularityErrorDeg: Number.isNaN(angle) ? 0 : 90 - angle,
  };
}

function isZero(v: Vec3): boolean {
  return v[0] === 0 && v[1] === 0 && v[2] === 0;
}
