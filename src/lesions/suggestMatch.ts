import { distance, type Vec3 } from '../geometry/vec3';
import { applyAlignment, applyStudyAlignment, type Alignment, type StudyAlignment } from './alignment';
import { parseLevel, vertebraIndex } from './vertebrae';

export interface LesionLocation {
  lesionId: string;
  level: string;
  position: Vec3;
}

export type LevelRelation = 'same' | 'adjacent' | 'different' | 'unknown';

export interface MatchSuggestion {
  lesionId: string;
  /** Distance between the aligned baseline position and the candidate, mm. */
  distanceMm: number;
  levelRelation: LevelRelation;
  /** distanceMm plus a penalty for level disagreement (LEVEL_PENALTY_MM): lower is better. */
  score: number;
}

/** Candidates further than this from the aligned position are not suggested. */
export const MAX_MATCH_DISTANCE_MM = 40;

/**
 * A level disagreement costs as much as this many mm of distance. A vertebral body is ~20–30 mm tall,
 * so "adjacent" (often a different reading of the same lesion, e.g. "C3" vs "C3-4") costs less than one
 * body height and a clearly different level more.
 */
export const LEVEL_PENALTY_MM: Readonly<Record<LevelRelation, number>> = { same: 0, adjacent: 10, unknown: 10, different: 30 };

/**
 * Ranks follow-up lesions that may be the given baseline lesion, best first. The baseline position is
 * mapped into the follow-up with the alignment (translation for an Alignment; the saved mode for a
 * StudyAlignment); without one the positions are compared as they are.
 */
export function suggestMatch(
  baseline: LesionLocation,
  candidates: readonly LesionLocation[],
  alignment: Alignment | StudyAlignment | null,
  maxDistanceMm: number = MAX_MATCH_DISTANCE_MM,
): MatchSuggestion[] {
  const aligned =
    alignment === null ? baseline.position : 'mode' in alignment ? applyStudyAlignment(baseline.position, alignment) : applyAlignment(baseline.position, alignment);
  return candidates
    .map((c) => {
      const distanceMm = distance(aligned, c.position);
      const levelRelation = compareLevels(baseline.level, c.level);
      return { lesionId: c.lesionId, distanceMm, levelRelation, score: distanceMm + LEVEL_PENALTY_MM[levelRelation] };
    })
    .filter((s) => s.distanceMm <= maxDistanceMm)
    .sort((a, b) => a.score - b.score);
}

/** 'adjacent' when the levels overlap or touch, e.g. "C3" and "C3-4", or "C3" and "C4". */
export function compareLevels(a: string, b: string): LevelRelation {
  const ra = parseLevel(a);
  const rb = parseLevel(b);
  if (!ra || !rb) return a.trim() !== '' && a.trim().toUpperCase() === b.trim().toUpperCase() ? 'same' : 'unknown';
  const [aTop, aBottom] = [vertebraIndex(ra.from), vertebraIndex(ra.to ?? ra.from)];
  const [bTop, bBottom] = [vertebraIndex(rb.from), vertebraIndex(rb.to ?? rb.from)];
  if (aTop === bTop && aBottom === bBottom) return 'same';
  return aTop <= bBottom + 1 && bTop <= aBottom + 1 ? 'adjacent' : 'different';
}
