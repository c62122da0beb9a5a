import type { Vec3 } from '../geometry/vec3';
import { compareByInstance, normalOf, projection } from './frameFacts';
import type { SeriesFrame } from './types';

export interface SortedFrames {
  frames: SeriesFrame[];
  /** Unit normal the frames were sorted along; null when sorted by instance number. */
  normal: Vec3 | null;
}

/**
 * Sort frames of one orientation along the slice normal (ascending position·normal), falling back
 * to instance number when any frame lacks a position or orientation.
 */
export function sortFrames(frames: readonly SeriesFrame[]): SortedFrames {
  const first = frames[0];
  const normal = first ? normalOf(first) : null;
  const byInstance = [...frames].sort(compareByInstance);
  if (!normal || frames.some((f) => f.position === null)) return { frames: byInstance, normal: null };
  const sorted = byInstance.sort((a, b) => projection(a, normal) - projection(b, normal) || compareByInstance(a, b));
  return { frames: sorted, normal };
}
