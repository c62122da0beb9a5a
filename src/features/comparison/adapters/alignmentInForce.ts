import type { Vec3 } from '../../../geometry/vec3';
import { alignmentFromLandmarks, pairLabels, type StudyAlignment, type Vertebra, type VertebralLabel } from '../../../lesions';

/** Pure: which alignment maps the baseline of a comparison onto its follow-up, and how to say so. */

export type AlignmentKind = 'same-frame' | 'landmarks' | 'manual' | 'point-pair' | 'none';

export interface ComparedStudy {
  studyInstanceUid: string;
  frameOfReferenceUid: string;
}

export interface AlignmentInForce {
  kind: AlignmentKind;
  /** Baseline → follow-up; null for 'same-frame' (identity) and 'none'. */
  alignment: StudyAlignment | null;
  /** Vertebrae paired when aligned by labels, top-down. */
  vertebrae: Vertebra[];
  description: string;
}

/** A saved alignment without landmark pairs is one the user typed or set from the current positions. */
export const isManualAlignment = (a: StudyAlignment): boolean => a.pairCount === 0;

/** A saved alignment from one landmark the user clicked in each study. */
export const isPointPairAlignment = (a: StudyAlignment): boolean => a.source === 'point-pair';

/** The translation taking a landmark clicked in the baseline to the same landmark clicked in the follow-up. */
export function pointPairAlignment(baselineUid: string, followupUid: string, baselinePoint: Vec3, followupPoint: Vec3): StudyAlignment {
  const translation: Vec3 = [followupPoint[0] - baselinePoint[0], followupPoint[1] - baselinePoint[1], followupPoint[2] - baselinePoint[2]];
  return { fromStudyUid: baselineUid, toStudyUid: followupUid, mode: 'translation', translation, residualRmsMm: 0, pairCount: 1, source: 'point-pair' };
}

export function manualAlignment(baselineUid: string, followupUid: string, offset: Vec3): StudyAlignment {
  return { fromStudyUid: baselineUid, toStudyUid: followupUid, mode: 'translation', translation: offset, residualRmsMm: 0, pairCount: 0 };
}

/**
 * Same frame of reference → identity. Otherwise a saved manual offset wins (the user chose it), then
 * the translation fitted to vertebral labels placed in both studies, else not aligned.
 */
export function resolveAlignment(
  baseline: ComparedStudy,
  followup: ComparedStudy,
  labels: readonly VertebralLabel[],
  saved: readonly StudyAlignment[] = [],
): AlignmentInForce {
  // Two studies without a FrameOfReferenceUID share nothing: an empty UID is not a shared frame.
  const sameFrame = baseline.frameOfReferenceUid !== '' && baseline.frameOfReferenceUid === followup.frameOfReferenceUid;
  if (baseline.studyInstanceUid === followup.studyInstanceUid || sameFrame) {
    return { kind: 'same-frame', alignment: null, vertebrae: [], description: 'Same frame of reference' };
  }
  const stored = saved.find((a) => a.fromStudyUid === baseline.studyInstanceUid && a.toStudyUid === followup.studyInstanceUid);
  if (stored && isManualAlignment(stored)) {
    const [x, y, z] = stored.translation.map((v) => v.toFixed(1));
    return { kind: 'manual', alignment: stored, vertebrae: [], description: `Manual offset (${x}, ${y}, ${z}) mm` };
  }
  if (stored && isPointPairAlignment(stored)) {
    const [x, y, z] = stored.translation.map((v) => v.toFixed(1));
    return { kind: 'point-pair', alignment: stored, vertebrae: [], description: `Aligned by a point pair (${x}, ${y}, ${z}) mm` };
  }
  const inStudy = (study: ComparedStudy) => labels.filter((l) => l.studyInstanceUid === study.studyInstanceUid);
  const pairs = pairLabels(inStudy(baseline), inStudy(followup));
  const fit = alignmentFromLandmarks(pairs);
  if (fit === null) {
    return { kind: 'none', alignment: null, vertebrae: [], description: 'Not aligned: place labels in both studies' };
  }
  const vertebrae = pairs.map((p) => p.vertebra);
  return {
    kind: 'landmarks',
    alignment: {
      fromStudyUid: baseline.studyInstanceUid,
      toStudyUid: followup.studyInstanceUid,
      mode: 'translation',
      translation: fit.translation,
      residualRmsMm: fit.residualRmsMm,
      pairCount: fit.pairCount,
    },
    vertebrae,
    description: `Aligned by ${vertebrae.join(', ')} label${vertebrae.length === 1 ? '' : 's'} (residual ${fit.residualRmsMm.toFixed(1)} mm)`,
  };
}

/** True when the store should be updated so the alignment in force is autosaved. */
export function needsSaving(inForce: AlignmentInForce, saved: readonly StudyAlignment[] = []): boolean {
  const a = inForce.alignment;
  if (inForce.kind !== 'landmarks' || a === null) return false;
  const stored = saved.find((s) => s.fromStudyUid === a.fromStudyUid && s.toStudyUid === a.toStudyUid);
  return stored === undefined || JSON.stringify(stored) !== JSON.stringify(a);
}
