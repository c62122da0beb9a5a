import { beforeAll, describe, expect, it } from 'vitest';
import { distance, type Vec3 } from '../../src/geometry/vec3';
import { anatomyAt, renderSeries, type RenderedSeries } from '../../scripts/sample/generate';
import { voxelVolume } from '../../scripts/sample/grid';
import { computeGroundTruth, formatGroundTruthJson } from '../../scripts/sample/groundTruth';
import { STUDIES, type SeriesId } from '../../scripts/sample/protocol';
import { Tissue } from '../../scripts/sample/tissues';
import { applyRigid, invertRigid } from '../../scripts/sample/transform';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_DIR } from './paths';

const gt = computeGroundTruth();
const { baseline, followup } = gt.timepoints;

describe('ground-truth.json', () => {
  it('is what the generator computes now', () => {
    expect(readFileSync(join(SAMPLE_DIR, 'ground-truth.json'), 'utf8')).toBe(formatGroundTruthJson(gt));
  });

  it('describes a lesion of about 31 × 24 × 27 mm and 8–11 mL at baseline, ~30 % of that at follow-up', () => {
    const size = baseline.series['baseline-ct']!.lesion.boundingBox.size;
    expect(size[0]).toBeCloseTo(31, -0.5);
    expect(size[1]).toBeCloseTo(24, -0.5);
    expect(size[2]).toBeCloseTo(27, -0.5);
    expect(baseline.lesion.volumeMl).toBeGreaterThan(8);
    expect(baseline.lesion.volumeMl).toBeLessThan(11);
    const ratio = followup.lesion.volumeMm3 / baseline.lesion.volumeMm3;
    expect(ratio).toBeGreaterThan(0.25);
    expect(ratio).toBeLessThan(0.35);
  });

  it('is not an ellipsoid: the ellipsoid formula differs from the true volume', () => {
    for (const t of [baseline, followup]) {
      expect(t.lesion.ellipsoidFromBoundingBoxMl / t.lesion.volumeMl).toBeGreaterThan(1.1);
      expect(t.lesion.ellipsoidFromDiametersMl).not.toBeCloseTo(t.lesion.volumeMl, 1);
    }
  });

  const series = [...Object.entries(baseline.series), ...Object.entries(followup.series)];

  it.each(series)('%s: lesion centroid lies between the C3 and C2 body centres (SI)', (_id, s) => {
    const { C2, C3 } = s.vertebralBodyCentres;
    expect(s.lesion.centroid[2]).toBeGreaterThan(C3![2]);
    expect(s.lesion.centroid[2]).toBeLessThan(C2![2]);
  });

  it.each(series)('%s: diameter endpoints are surface points of the true shape, |to - from| = length', (id, s) => {
    const tp = id.startsWith('followup') ? 'followup' : 'baseline';
    const anatomy = anatomyAt(tp);
    const toAnatomy = invertRigid(STUDIES[tp].pose);
    const label = (p: Vec3) => anatomy.labelAt(applyRigid(toAnatomy, p));
    for (const [axis, d] of [
      [0, s.lesion.diameters.lr],
      [1, s.lesion.diameters.ap],
      [2, s.lesion.diameters.si],
    ] as const) {
      expect(distance(d.from, d.to)).toBeCloseTo(d.lengthMm, 2);
      const nudge = (p: Vec3, mm: number): Vec3 => p.map((v, i) => (i === axis ? v + mm : v)) as unknown as Vec3;
      expect(label(nudge(d.from, 0.05))).toBe(Tissue.LESION);
      expect(label(nudge(d.from, -0.05))).not.toBe(Tissue.LESION);
      expect(label(nudge(d.to, -0.05))).toBe(Tissue.LESION);
      expect(label(nudge(d.to, 0.05))).not.toBe(Tissue.LESION);
      expect(d.lengthMm).toBeLessThanOrEqual(s.lesion.boundingBox.size[axis] + 1e-6);
    }
  });

  it('places the follow-up anatomy with the documented patient transform', () => {
    const m = gt.followupPatientTransform.matrix4x4RowMajor;
    const row = (r: number, p: Vec3): number => m[4 * r]! * p[0] + m[4 * r + 1]! * p[1] + m[4 * r + 2]! * p[2] + m[4 * r + 3]!;
    const move = (p: Vec3): Vec3 => [row(0, p), row(1, p), row(2, p)];
    const before = baseline.series['baseline-mr']!;
    const after = followup.series['followup-mr']!;
    for (const name of ['C2', 'C3', 'C5']) {
      const p = move(before.vertebralBodyCentres[name]!);
      after.vertebralBodyCentres[name]!.forEach((v, i) => expect(v).toBeCloseTo(p[i]!, 2));
    }
    expect(after.frameOfReferenceUID).not.toBe(before.frameOfReferenceUID);
  });
});

describe('anatomy labelAt', () => {
  const anatomy = anatomyAt('baseline');
  it('labels landmarks with the right tissues', () => {
    const c = baseline.series['baseline-ct']!;
    expect(anatomy.labelAt(c.lesion.centroid)).toBe(Tissue.LESION);
    expect(anatomy.labelAt(c.vertebralBodyCentres.C3!)).toBe(Tissue.CANCELLOUS_BONE);
    expect(anatomy.labelAt(c.vertebralBodyCentres.C5!)).toBe(Tissue.CANCELLOUS_BONE);
    expect(anatomy.labelAt([60, 55, 0])).toBe(Tissue.AIR);
    expect(anatomy.labelAt([0, 5, -40])).toBe(Tissue.CORD);
    expect(anatomy.labelAt([30, 30, -30])).toBe(Tissue.MUSCLE);
  });
});

describe.each<[SeriesId, 'baseline' | 'followup']>([
  ['baseline-ct', 'baseline'],
  ['baseline-mr', 'baseline'],
  ['followup-mr', 'followup'],
])('label volume of %s', (id, tp) => {
  let rendered: RenderedSeries;
  beforeAll(() => {
    rendered = renderSeries(id);
  }, 60_000);

  it('holds the lesion volume of the ground truth within 2 %', () => {
    const truth = gt.timepoints[tp].lesion.volumeMm3;
    let voxels = 0;
    let samples = 0;
    rendered.volume.labels.forEach((t, v) => {
      if (t === Tissue.LESION) voxels++;
      samples += rendered.volume.lesionSamples[v]!;
    });
    const vv = voxelVolume(rendered.spec.grid);
    expect(Math.abs((voxels * vv) / truth - 1)).toBeLessThan(0.02);
    expect(Math.abs(((samples / rendered.volume.samplesPerVoxel) * vv) / truth - 1)).toBeLessThan(0.02);
  });

  it('matches the stored pixels of the committed files', () => {
    const s = gt.timepoints[tp].series[id]!;
    const { column, row, sliceIndex, file } = s.lesion.centroidImage;
    const g = rendered.spec.grid;
    const v = (sliceIndex * g.rows + row) * g.columns + column;
    expect(rendered.volume.labels[v]).toBe(Tissue.LESION);
    expect(file).toMatch(new RegExp(`IM${String(sliceIndex + 1).padStart(4, '0')}\\.dcm$`));
  });
});
