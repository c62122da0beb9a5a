import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../../../src/geometry/vec3';
import type { StudyAlignment, Vertebra, VertebralLabel } from '../../../src/lesions';
import { manualAlignment, needsSaving, resolveAlignment } from '../../../src/features/comparison/adapters/alignmentInForce';
import { invertStudyAlignment, mapBetweenStudies, offsetBetween } from '../../../src/lesions/studyMapping';

interface SeriesTruth {
  frameOfReferenceUID: string;
  vertebralBodyCentres: Record<string, Vec3>;
}
const truth = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../sample-dicom/ground-truth.json'), 'utf8')) as {
  timepoints: Record<'baseline' | 'followup', { studyInstanceUID: string; series: Record<string, SeriesTruth> }>;
};
const baselineMr = truth.timepoints.baseline.series['baseline-mr']!;
const followupMr = truth.timepoints.followup.series['followup-mr']!;
const baseline = { studyInstanceUid: truth.timepoints.baseline.studyInstanceUID, frameOfReferenceUid: baselineMr.frameOfReferenceUID };
const followup = { studyInstanceUid: truth.timepoints.followup.studyInstanceUID, frameOfReferenceUid: followupMr.frameOfReferenceUID };

function labelsFor(study: typeof baseline, series: SeriesTruth, vertebrae: Vertebra[]): VertebralLabel[] {
  return vertebrae.map((vertebra) => ({
    id: `${study.studyInstanceUid}-${vertebra}`,
    vertebra,
    position: series.vertebralBodyCentres[vertebra]!,
    studyInstanceUid: study.studyInstanceUid,
    frameOfReferenceUid: study.frameOfReferenceUid,
  }));
}

describe('mapping positions between compared studies', () => {
  const translation: StudyAlignment = manualAlignment('A', 'B', [3, -4, 6]);

  it('maps a point through a translation and back', () => {
    const p: Vec3 = [10, 20, -30];
    const there = mapBetweenStudies(p, 'A', 'B', translation)!;
    expect(there).toEqual([13, 16, -24]);
    expect(mapBetweenStudies(there, 'B', 'A', translation)).toEqual([10, 20, -30]);
  });

  it('inverts a rigid alignment (3° about LR, as the sample follow-up)', () => {
    const c = Math.cos((3 * Math.PI) / 180);
    const s = Math.sin((3 * Math.PI) / 180);
    const rigid: StudyAlignment = { ...translation, mode: 'rigid', rotation: [[1, 0, 0], [0, c, -s], [0, s, c]] };
    const p: Vec3 = [5, -7, 19.5];
    const q = mapBetweenStudies(p, 'A', 'B', rigid)!;
    expect(q[1]).toBeCloseTo(c * -7 - s * 19.5 - 4, 9);
    const back = invertStudyAlignment(q, rigid);
    back.forEach((v, i) => expect(v).toBeCloseTo(p[i]!, 9));
  });

  it('is the identity in the same frame and null without an alignment of that pair', () => {
    expect(mapBetweenStudies([1, 2, 3], 'A', 'B', 'identity')).toEqual([1, 2, 3]);
    expect(mapBetweenStudies([1, 2, 3], 'A', 'B', null)).toBeNull();
    expect(mapBetweenStudies([1, 2, 3], 'A', 'C', translation)).toBeNull();
  });

  it('sets an offset from two current positions', () => {
    expect(offsetBetween([0, -7.6, 0], [3, -11.59, 5.602])).toEqual([3, -3.99, 5.602]);
  });
});

describe('the alignment in force for the sample comparison', () => {
  it('says the same frame of reference for the baseline CT and MR', () => {
    const ct = { ...baseline, studyInstanceUid: 'other-study' };
    const inForce = resolveAlignment(baseline, ct, []);
    expect(inForce.kind).toBe('same-frame');
    expect(inForce.description).toBe('Same frame of reference');
  });

  it('is not aligned without labels in both studies', () => {
    const inForce = resolveAlignment(baseline, followup, labelsFor(baseline, baselineMr, ['C2', 'C3']));
    expect(inForce.kind).toBe('none');
    expect(inForce.description).toBe('Not aligned: place labels in both studies');
  });

  it('aligns by the C2 and C3 body centres of the ground truth', () => {
    const labels = [...labelsFor(baseline, baselineMr, ['C2', 'C3']), ...labelsFor(followup, followupMr, ['C2', 'C3'])];
    const inForce = resolveAlignment(baseline, followup, labels);
    expect(inForce.kind).toBe('landmarks');
    const t = inForce.alignment!.translation;
    // Mean of (3, −5.011, 5.636) and (3, −3.99, 5.602).
    expect(t[0]).toBeCloseTo(3, 6);
    expect(t[1]).toBeCloseTo(-4.5005, 6);
    expect(t[2]).toBeCloseTo(5.619, 6);
    expect(inForce.alignment!.residualRmsMm).toBeCloseTo(Math.hypot(0.5105, 0.017), 3);
    expect(inForce.description).toBe('Aligned by C2, C3 labels (residual 0.5 mm)');
    // The baseline C3 centre lands within 0.6 mm of the follow-up C3 centre.
    const c3 = mapBetweenStudies(baselineMr.vertebralBodyCentres.C3!, baseline.studyInstanceUid, followup.studyInstanceUid, inForce.alignment)!;
    expect(Math.hypot(c3[0] - 3, c3[1] + 11.59, c3[2] - 5.602)).toBeLessThan(0.6);
    expect(needsSaving(inForce, [])).toBe(true);
    expect(needsSaving(inForce, [inForce.alignment!])).toBe(false);
  });

  it('prefers a saved manual offset over the labels', () => {
    const labels = [...labelsFor(baseline, baselineMr, ['C2']), ...labelsFor(followup, followupMr, ['C2'])];
    const manual = manualAlignment(baseline.studyInstanceUid, followup.studyInstanceUid, [3, -4, 6]);
    const inForce = resolveAlignment(baseline, followup, labels, [manual]);
    expect(inForce.kind).toBe('manual');
    expect(inForce.description).toBe('Manual offset (3.0, -4.0, 6.0) mm');
    expect(needsSaving(inForce, [manual])).toBe(false);
  });
});
