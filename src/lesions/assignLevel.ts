import { add, distance, dot, scale, sub, type Vec3 } from '../geometry/vec3';
import type { VertebralLabel } from './vertebralLabel';
import { VERTEBRAE, formatLevel, vertebraAt, vertebraIndex, type LevelRange } from './vertebrae';

/**
 * A point whose projection on the spine axis lies within this fraction of the spacing to the
 * neighbouring level from a body centre is assigned to that single level; otherwise to the span
 * between the two levels ("C2-3"). 0.35 leaves the middle 30% of each gap to the disc/interspace.
 */
export const NEAR_CENTRE_FRACTION = 0.35;

/** How far beyond the first/last label (in level spacings) a point may be extrapolated. */
export const MAX_EXTRAPOLATION_LEVELS = 1;

export type LevelBasis =
  /** Between or at consecutive labelled levels. */
  | 'labelled'
  /** Between two labels with unlabelled levels in between: the level is interpolated. */
  | 'interpolated'
  /** Up to one spacing beyond the first or last label. */
  | 'extrapolated'
  /** Further beyond the labels than can be extrapolated: the nearest end level is given. */
  | 'nearest-end'
  /** Only one label in this frame of reference: there is no axis to project on. */
  | 'single-label';

export interface LevelAssignment {
  level: string;
  range: LevelRange;
  /** Continuous position along the spine in level units (C1 = 0, C2 = 1, …): 1.5 is midway C2-C3. */
  levelIndex: number;
  basis: LevelBasis;
  /** Distance from the point to the local spine axis, mm. */
  distanceFromAxisMm: number;
}

interface Node {
  index: number;
  position: Vec3;
}

/**
 * Assigns a vertebral level by projecting the point on the local spine axis: the segment between
 * consecutive labelled body centres nearest to the point (the spine is curved, so a single axis will
 * not do). Only labels in `frameOfReferenceUid` are used; when it is omitted the labels must all share
 * one frame of reference, otherwise null is returned because coordinates from different frames
 * cannot be compared.
 */
export function assignLevel(
  point: Vec3,
  labels: readonly VertebralLabel[],
  frameOfReferenceUid?: string,
): LevelAssignment | null {
  const inFrame = frameOfReferenceUid === undefined ? labels : labels.filter((l) => l.frameOfReferenceUid === frameOfReferenceUid);
  if (new Set(inFrame.map((l) => l.frameOfReferenceUid)).size > 1) return null;
  const nodes = orderedNodes(inFrame);
  const first = nodes[0];
  if (first === undefined) return null;
  if (nodes.length === 1) {
    return assignment(first.index, 'single-label', distance(point, first.position));
  }

  let best: { i: number; t: number; dist: number } | null = null;
  for (let i = 0; i + 1 < nodes.length; i++) {
    const a = nodes[i]!.position;
    const d = sub(nodes[i + 1]!.position, a);
    const lengthSq = dot(d, d);
    if (lengthSq === 0) continue;
    const t = dot(sub(point, a), d) / lengthSq;
    const dist = distance(point, add(a, scale(d, clamp(t, 0, 1))));
    if (best === null || dist < best.dist) best = { i, t, dist };
  }
  if (best === null) return assignment(first.index, 'single-label', distance(point, first.position));

  const a = nodes[best.i]!;
  const b = nodes[best.i + 1]!;
  const isFirst = best.i === 0;
  const isLast = best.i + 2 === nodes.length;
  const t = clamp(best.t, isFirst ? -Infinity : 0, isLast ? Infinity : 1);
  const span = b.index - a.index;
  const onAxis = add(a.position, scale(sub(b.position, a.position), t));
  const distanceFromAxisMm = distance(point, onAxis);
  let levelIndex = a.index + t * span;

  const beyond = t < 0 ? a.index - levelIndex : t > 1 ? levelIndex - b.index : 0;
  if (beyond > 0) {
    const end = t < 0 ? a.index : b.index;
    if (beyond > MAX_EXTRAPOLATION_LEVELS) return assignment(end, 'nearest-end', distanceFromAxisMm);
    levelIndex = clamp(levelIndex, 0, VERTEBRAE.length - 1);
    const basis = Math.abs(levelIndex - end) <= NEAR_CENTRE_FRACTION ? 'labelled' : 'extrapolated';
    return assignment(levelIndex, basis, distanceFromAxisMm);
  }
  return assignment(levelIndex, span === 1 ? 'labelled' : 'interpolated', distanceFromAxisMm);
}

function assignment(levelIndex: number, basis: LevelBasis, distanceFromAxisMm: number): LevelAssignment {
  const range = rangeAt(levelIndex);
  return { level: formatLevel(range), range, levelIndex, basis, distanceFromAxisMm };
}

function rangeAt(levelIndex: number): LevelRange {
  const nearest = Math.round(levelIndex);
  if (Math.abs(levelIndex - nearest) <= NEAR_CENTRE_FRACTION) return { from: vertebraAt(nearest)! };
  const upper = Math.floor(levelIndex);
  return { from: vertebraAt(upper)!, to: vertebraAt(upper + 1)! };
}

/** One node per labelled vertebra, top-down; a vertebra labelled twice keeps its last label. */
function orderedNodes(labels: readonly VertebralLabel[]): Node[] {
  const byIndex = new Map<number, Vec3>();
  for (const label of labels) byIndex.set(vertebraIndex(label.vertebra), label.position);
  return [...byIndex.entries()].map(([index, position]) => ({ index, position })).sort((p, q) => p.index - q.index);
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
