import type { Vec3 } from '../geometry/vec3';
import type { Measurement } from '../measure/types';
import { assignLevel } from './assignLevel';
import { lesionPosition } from './lesionSummary';
import type { SpineLensState } from './state';
import type { Timepoint } from './timepoints';
import { LEVEL_PENALTY_MM, MAX_MATCH_DISTANCE_MM, compareLevels, suggestMatch, type LevelRelation } from './suggestMatch';

/** A finding at a follow-up that may be a tracked lesion seen again. */
export type TrackingCandidate =
  /** A measurement in no lesion. */
  | { kind: 'measurement'; measurementId: string }
  /** The segmentation of a lesion seen only after the baseline (not marked new): it may be the tracked lesion. */
  | { kind: 'segmentation'; fromLesionId: string; seriesKey: string };

export interface TrackingSuggestion {
  /** The lesion found at baseline and missing at this follow-up. */
  lesionId: string;
  studyInstanceUid: string;
  candidate: TrackingCandidate;
  /** Level of the candidate ('' when unknown). */
  level: string;
  /** From the lesion's baseline position mapped by the alignment in force; null when a position is unknown. */
  distanceMm: number | null;
  levelRelation: LevelRelation;
  /** Lower is better: distance + level penalty; without a position MAX_MATCH_DISTANCE_MM + level penalty. */
  score: number;
}

type Finding = { lesionId?: string; studyInstanceUid: string };

function hasFinding(state: SpineLensState, lesionId: string, studyUid: string): boolean {
  const here = (x: Finding) => x.lesionId === lesionId && x.studyInstanceUid === studyUid;
  return state.measurements.some(here) || state.segmentationSummaries.some(here);
}

function measurementCentre(m: Measurement): { position: Vec3; frameOfReferenceUid: string } | null {
  return lesionPosition({ measurements: [{ ...m, lesionId: '\u0000' }] }, '\u0000', m.studyInstanceUid);
}

function levelAt(state: SpineLensState, studyUid: string, where: { position: Vec3; frameOfReferenceUid: string } | null): string {
  if (!where) return '';
  const labels = state.labels.filter((l) => l.studyInstanceUid === studyUid);
  return assignLevel(where.position, labels, where.frameOfReferenceUid)?.level ?? '';
}

/**
 * For each tracked lesion with a finding at the baseline and none at a later timepoint, the findings of that
 * timepoint that may be it, best first: measurements in no lesion, and segmentations of lesions seen only after
 * the baseline (unless marked new). Ranked like suggestMatch (distance after the saved baseline → follow-up
 * alignment plus a level penalty, none further than MAX_MATCH_DISTANCE_MM); a candidate without a position is
 * ranked by level only and dropped when its level clearly differs.
 */
export function trackingSuggestions(state: SpineLensState, timepoints: readonly Timepoint[]): TrackingSuggestion[] {
  const baseline = timepoints.find((t) => t.isBaseline);
  if (!baseline) return [];
  const baselineUid = baseline.studyInstanceUid;
  const later = timepoints.filter((t) => !t.isBaseline && (t.daysFromBaseline === null || t.daysFromBaseline >= 0));
  const out: TrackingSuggestion[] = [];
  for (const lesion of state.lesions) {
    if (lesion.status !== 'tracked' || !hasFinding(state, lesion.id, baselineUid)) continue;
    const from = lesionPosition(state, lesion.id, baselineUid);
    const level = lesion.level || levelAt(state, baselineUid, from);
    for (const tp of later) {
      const uid = tp.studyInstanceUid;
      if (uid === baselineUid || hasFinding(state, lesion.id, uid)) continue;
      const alignment = state.alignment?.find((a) => a.fromStudyUid === baselineUid && a.toStudyUid === uid) ?? null;
      const candidates: { candidate: TrackingCandidate; where: { position: Vec3; frameOfReferenceUid: string } | null; level: string }[] = [];
      for (const m of state.measurements) {
        if (m.studyInstanceUid !== uid || m.lesionId !== undefined) continue;
        const where = measurementCentre(m);
        candidates.push({ candidate: { kind: 'measurement', measurementId: m.id }, where, level: levelAt(state, uid, where) });
      }
      for (const s of state.segmentationSummaries) {
        const other = state.lesions.find((l) => l.id === s.lesionId);
        if (s.studyInstanceUid !== uid || !other || other.id === lesion.id || other.status === 'new' || hasFinding(state, other.id, baselineUid)) continue;
        const where = lesionPosition(state, other.id, uid);
        candidates.push({ candidate: { kind: 'segmentation', fromLesionId: other.id, seriesKey: s.seriesKey }, where, level: levelAt(state, uid, where) || other.level });
      }
      const ranked: TrackingSuggestion[] = [];
      for (const c of candidates) {
        const base = { lesionId: lesion.id, studyInstanceUid: uid, candidate: c.candidate, level: c.level };
        if (from && c.where) {
          const [match] = suggestMatch({ lesionId: lesion.id, level, position: from.position }, [{ lesionId: '', level: c.level, position: c.where.position }], alignment);
          if (match) ranked.push({ ...base, distanceMm: match.distanceMm, levelRelation: match.levelRelation, score: match.score });
        } else {
          const levelRelation = compareLevels(level, c.level);
          if (levelRelation !== 'different') ranked.push({ ...base, distanceMm: null, levelRelation, score: MAX_MATCH_DISTANCE_MM + LEVEL_PENALTY_MM[levelRelation] });
        }
      }
      out.push(...ranked.sort((a, b) => a.score - b.score || candidateKey(a.candidate).localeCompare(candidateKey(b.candidate))));
    }
  }
  return out;
}

export function candidateKey(c: TrackingCandidate): string {
  return c.kind === 'measurement' ? `m:${c.measurementId}` : `s:${c.fromLesionId}:${c.seriesKey}`;
}
