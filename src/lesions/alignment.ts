import { add, length, scale, sub, type Vec3 } from '../geometry/vec3';
import { applyRotation, rigidFit, type Mat3 } from './rigidFit';
import type { VertebralLabel } from './vertebralLabel';
import { vertebraIndex, type Vertebra } from './vertebrae';

export interface LandmarkPair {
  from: Vec3;
  to: Vec3;
}

export interface RigidTransform {
  /** Row-major rotation: to ≈ rotation · from + translation. */
  rotation: Mat3;
  translation: Vec3;
  residualRmsMm: number;
}

export interface Alignment {
  /** to ≈ from + translation (mean of the differences). */
  translation: Vec3;
  residualRmsMm: number;
  pairCount: number;
  /** Present with ≥ 3 non-collinear pairs. The UI uses the translation unless the user picks this. */
  rigid?: RigidTransform;
}

/** Alignment between two studies as saved: which transform the user chose. */
export interface StudyAlignment {
  /** Study whose coordinates are mapped (usually the baseline). */
  fromStudyUid: string;
  /** Study they are mapped into (a follow-up). */
  toStudyUid: string;
  mode: 'translation' | 'rigid';
  translation: Vec3;
  rotation?: Mat3;
  residualRmsMm: number;
  pairCount: number;
  /** How it was made, when not from vertebral labels: a typed offset ('manual') or one landmark clicked in each study ('point-pair'). */
  source?: 'labels' | 'manual' | 'point-pair';
}

/** Returns null without pairs. */
export function alignmentFromLandmarks(pairs: readonly LandmarkPair[]): Alignment | null {
  if (pairs.length === 0) return null;
  const n = pairs.length;
  const translation = scale(
    pairs.reduce<Vec3>((sum, p) => add(sum, sub(p.to, p.from)), [0, 0, 0]),
    1 / n,
  );
  const residualRmsMm = rms(pairs.map((p) => length(sub(add(p.from, translation), p.to))));
  const fit = rigidFit(pairs);
  if (fit === null) return { translation, residualRmsMm, pairCount: n };
  const rigidResidual = rms(pairs.map((p) => length(sub(add(applyRotation(fit.rotation, p.from), fit.translation), p.to))));
  return {
    translation,
    residualRmsMm,
    pairCount: n,
    rigid: { rotation: fit.rotation, translation: fit.translation, residualRmsMm: rigidResidual },
  };
}

/** Maps a point with the chosen transform; translation unless `mode` is 'rigid' and a rigid fit exists. */
export function applyAlignment(point: Vec3, alignment: Alignment, mode: 'translation' | 'rigid' = 'translation'): Vec3 {
  if (mode === 'rigid' && alignment.rigid) {
    return add(applyRotation(alignment.rigid.rotation, point), alignment.rigid.translation);
  }
  return add(point, alignment.translation);
}

export function applyStudyAlignment(point: Vec3, alignment: StudyAlignment): Vec3 {
  return alignment.mode === 'rigid' && alignment.rotation
    ? add(applyRotation(alignment.rotation, point), alignment.translation)
    : add(point, alignment.translation);
}

export interface LabelPair extends LandmarkPair {
  vertebra: Vertebra;
}

/** Pairs labels of the same vertebra, baseline → follow-up, top-down. Vertebrae labelled twice use the last label. */
export function pairLabels(baselineLabels: readonly VertebralLabel[], followupLabels: readonly VertebralLabel[]): LabelPair[] {
  const followup = new Map(followupLabels.map((l) => [l.vertebra, l.position]));
  const baseline = new Map(baselineLabels.map((l) => [l.vertebra, l.position]));
  const pairs: LabelPair[] = [];
  for (const [vertebra, from] of baseline) {
    const to = followup.get(vertebra);
    if (to !== undefined) pairs.push({ vertebra, from, to });
  }
  return pairs.sort((p, q) => vertebraIndex(p.vertebra) - vertebraIndex(q.vertebra));
}

function rms(values: readonly number[]): number {
  return values.length === 0 ? 0 : Math.sqrt(values.reduce((s, v) => s + v * v, 0) / values.length);
}
