import { add, dot, scale, sub, type Vec3 } from '../geometry/vec3';
import { applyRotation, applyStudyAlignment, type Mat3, type StudyAlignment } from './';

/** Pure: no Cornerstone. Maps patient positions between two studies through the alignment in force. */

const transpose = (m: Mat3): Mat3 => [
  [m[0][0], m[1][0], m[2][0]],
  [m[0][1], m[1][1], m[2][1]],
  [m[0][2], m[1][2], m[2][2]],
];

/** The inverse of applyStudyAlignment: a follow-up position back into the baseline study. */
export function invertStudyAlignment(point: Vec3, alignment: StudyAlignment): Vec3 {
  const shifted = sub(point, alignment.translation);
  return alignment.mode === 'rigid' && alignment.rotation ? applyRotation(transpose(alignment.rotation), shifted) : shifted;
}

/**
 * A position in `fromStudy` as a position in `toStudy`. Identity when `alignment` is 'identity'
 * (same frame of reference); null when the studies are not aligned or the alignment is of another pair.
 */
export function mapBetweenStudies(point: Vec3, fromStudy: string, toStudy: string, alignment: StudyAlignment | 'identity' | null): Vec3 | null {
  if (alignment === 'identity' || fromStudy === toStudy) return point;
  if (alignment === null) return null;
  if (alignment.fromStudyUid === fromStudy && alignment.toStudyUid === toStudy) return applyStudyAlignment(point, alignment);
  if (alignment.fromStudyUid === toStudy && alignment.toStudyUid === fromStudy) return invertStudyAlignment(point, alignment);
  return null;
}

/** A manual offset that makes the two current positions correspond: to ≈ from + offset. */
export function offsetBetween(baselinePosition: Vec3, followupPosition: Vec3): Vec3 {
  return sub(followupPosition, baselinePosition);
}

/** Moves a point by the change between two positions (used when the studies are not aligned). */
export function moveBy(point: Vec3, previous: Vec3, current: Vec3): Vec3 {
  return add(point, sub(current, previous));
}

/** The depths (position · normal) a set of points spans, widened by `margin` on both sides. */
export interface DepthRange {
  min: number;
  max: number;
}

export function depthRange(points: readonly Vec3[], normal: Vec3, margin = 0): DepthRange | null {
  if (points.length === 0) return null;
  const depths = points.map((p) => dot(p, normal));
  return { min: Math.min(...depths) - margin, max: Math.max(...depths) + margin };
}

/** The point moved along `normal` (a unit vector) just enough to lie within `range`: a plane never leaves its volume. */
export function clampAlong(point: Vec3, normal: Vec3, range: DepthRange): Vec3 {
  const depth = dot(point, normal);
  const target = Math.min(range.max, Math.max(range.min, depth));
  return add(point, scale(normal, target - depth));
}
