import { describe, expect, it } from 'vitest';
import { add, normalize, type Vec3 } from '../../src/geometry/vec3';
import { alignmentFromLandmarks, applyAlignment, applyRotation, pairLabels, type Mat3, type Vertebra } from '../../src/lesions';
import { degToRad } from './fixtures';

/** Rodrigues' formula: rotation by `deg` about unit `axis`. */
function rotation(axis: Vec3, deg: number): Mat3 {
  const [x, y, z] = normalize(axis);
  const c = Math.cos(degToRad(deg));
  const s = Math.sin(degToRad(deg));
  const t = 1 - c;
  return [
    [t * x * x + c, t * x * y - s * z, t * x * z + s * y],
    [t * x * y + s * z, t * y * y + c, t * y * z - s * x],
    [t * x * z - s * y, t * y * z + s * x, t * z * z + c],
  ];
}

const points: Vec3[] = [
  [0, 0, 0],
  [2, 5, -25],
  [4, 12, -50],
  [3, 20, -76],
  [-1, 25, -101],
];

function expectVecClose(actual: Vec3, expected: Vec3, digits = 9): void {
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, digits));
}

describe('alignmentFromLandmarks', () => {
  it('recovers a pure translation exactly', () => {
    const t: Vec3 = [3.5, -4.25, 12];
    const alignment = alignmentFromLandmarks(points.map((p) => ({ from: p, to: add(p, t) })));
    expectVecClose(alignment!.translation, t, 12);
    expect(alignment!.residualRmsMm).toBeCloseTo(0, 12);
    expect(alignment!.pairCount).toBe(5);
    expect(alignment!.rigid!.residualRmsMm).toBeCloseTo(0, 9);
    expectVecClose(applyAlignment([10, 10, 10], alignment!), [13.5, 5.75, 22], 12);
  });

  it('takes the mean difference and reports the residual RMS', () => {
    const alignment = alignmentFromLandmarks([
      { from: [0, 0, 0], to: [1, 0, 0] },
      { from: [0, 0, 10], to: [3, 0, 10] },
    ]);
    expect(alignment!.translation).toEqual([2, 0, 0]);
    // Residuals are 1 mm each way.
    expect(alignment!.residualRmsMm).toBeCloseTo(1, 12);
    expect(alignment!.rigid).toBeUndefined();
  });

  it('recovers a known rotation and translation with the rigid fit', () => {
    const r = rotation([1, 2, 3], 25);
    const t: Vec3 = [10, -5, 3];
    const alignment = alignmentFromLandmarks(points.map((p) => ({ from: p, to: add(applyRotation(r, p), t) })));
    const rigid = alignment!.rigid!;
    rigid.rotation.forEach((row, i) => expectVecClose(row, r[i]!, 9));
    expectVecClose(rigid.translation, t, 9);
    expect(rigid.residualRmsMm).toBeCloseTo(0, 9);
    // A translation alone cannot explain a 25° rotation.
    expect(alignment!.residualRmsMm).toBeGreaterThan(5);
    expectVecClose(applyAlignment([7, 8, 9], alignment!, 'rigid'), add(applyRotation(r, [7, 8, 9]), t), 9);
  });

  it('recovers a rotation close to 180°', () => {
    const r = rotation([0, 1, 1], 170);
    const alignment = alignmentFromLandmarks(points.map((p) => ({ from: p, to: applyRotation(r, p) })));
    alignment!.rigid!.rotation.forEach((row, i) => expectVecClose(row, r[i]!, 8));
  });

  it('gives no rigid fit for collinear landmarks', () => {
    const line: Vec3[] = [[0, 0, 0], [0, 0, -25], [0, 0, -50], [0, 0, -75]];
    const alignment = alignmentFromLandmarks(line.map((p) => ({ from: p, to: add(p, [1, 1, 1]) })));
    expect(alignment!.rigid).toBeUndefined();
    expectVecClose(alignment!.translation, [1, 1, 1], 12);
  });

  it('returns null without landmarks', () => {
    expect(alignmentFromLandmarks([])).toBeNull();
  });
});

describe('pairLabels', () => {
  const label = (vertebra: Vertebra, position: Vec3, studyInstanceUid: string) => ({
    id: `${studyInstanceUid}-${vertebra}`,
    vertebra,
    position,
    studyInstanceUid,
    frameOfReferenceUid: `for-${studyInstanceUid}`,
  });

  it('pairs labels by vertebra, top-down, ignoring unmatched ones', () => {
    const baseline = [label('C4', [0, 0, -50], 'b'), label('C2', [0, 0, 0], 'b'), label('C3', [0, 0, -25], 'b')];
    const followup = [label('C2', [1, 0, 0], 'f'), label('C4', [1, 0, -50], 'f'), label('C5', [1, 0, -75], 'f')];
    expect(pairLabels(baseline, followup)).toEqual([
      { vertebra: 'C2', from: [0, 0, 0], to: [1, 0, 0] },
      { vertebra: 'C4', from: [0, 0, -50], to: [1, 0, -50] },
    ]);
  });
});
