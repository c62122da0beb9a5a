import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../../src/geometry/vec3';
import { orthogonalDiameters } from '../../src/measure';
import { bidirectional, degToRad, lengthMeasurement } from '../lesions/fixtures';

const centre: Vec3 = [10, 20, 30];
const along = (dir: Vec3, lengthMm: number): [Vec3, Vec3] => [
  [centre[0] - (dir[0] * lengthMm) / 2, centre[1] - (dir[1] * lengthMm) / 2, centre[2] - (dir[2] * lengthMm) / 2],
  [centre[0] + (dir[0] * lengthMm) / 2, centre[1] + (dir[1] * lengthMm) / 2, centre[2] + (dir[2] * lengthMm) / 2],
];
/** Unit vector in the sagittal (y-z) plane, `deg` away from +z towards +y. */
const sagittal = (deg: number): Vec3 => [0, Math.sin(degToRad(deg)), Math.cos(degToRad(deg))];

describe('orthogonalDiameters from an axial bidirectional and a CC length', () => {
  it('assigns AP and transverse by direction and computes the ellipsoid volume', () => {
    // Long axis (31) runs left-right: transverse. Short axis (24) runs anterior-posterior: AP.
    const axial = bidirectional(along([1, 0, 0], 31), along([0, 1, 0], 24));
    const cc = lengthMeasurement(...along([0, 0, 1], 27));
    const d = orthogonalDiameters({ kind: 'bidirectional+cc', axial, cc });
    expect(d.apMm).toBeCloseTo(24, 10);
    expect(d.transverseMm).toBeCloseTo(31, 10);
    expect(d.ccMm).toBeCloseTo(27, 10);
    expect(d.volumeMl).toBeCloseTo(10.518, 3);
    expect(d.sources).toEqual({ ap: axial.id, transverse: axial.id, cc: cc.id });
    expect(d.warnings).toEqual([]);
  });

  it('assigns AP to the long axis when the long axis runs anterior-posterior', () => {
    const axial = bidirectional(along([0, 1, 0], 40), along([1, 0, 0], 22));
    const cc = lengthMeasurement(...along([0, 0, 1], 30));
    const d = orthogonalDiameters({ kind: 'bidirectional+cc', axial, cc });
    expect(d.apMm).toBeCloseTo(40, 10);
    expect(d.transverseMm).toBeCloseTo(22, 10);
  });

  it('accepts a CC length tilted 10° but warns at 20° (tolerance 15°)', () => {
    const axial = bidirectional(along([1, 0, 0], 31), along([0, 1, 0], 24));
    const slight = orthogonalDiameters({ kind: 'bidirectional+cc', axial, cc: lengthMeasurement(...along(sagittal(10), 27)) });
    expect(slight.warnings).toEqual([]);
    expect(slight.ccMm).toBeCloseTo(27, 10);

    const tilted = orthogonalDiameters({ kind: 'bidirectional+cc', axial, cc: lengthMeasurement(...along(sagittal(20), 27)) });
    expect(tilted.warnings).toHaveLength(1);
    expect(tilted.warnings[0]).toContain('AP and CC');
    expect(tilted.warnings[0]).toContain('20.0°');
  });

  it('warns when the bidirectional is not in an axial plane', () => {
    // Drawn on a coronal image: axes along x and z.
    const axial = bidirectional(along([1, 0, 0], 31), along([0, 0, 1], 24));
    const cc = lengthMeasurement(...along([0, 1, 0], 27));
    const d = orthogonalDiameters({ kind: 'bidirectional+cc', axial, cc });
    expect(d.warnings.some((w) => w.includes('90.0° from the axial plane'))).toBe(true);
  });

  it('warns when diameters come from different studies', () => {
    const axial = bidirectional(along([1, 0, 0], 31), along([0, 1, 0], 24));
    const cc = lengthMeasurement(...along([0, 0, 1], 27), { studyInstanceUid: 'study-2' });
    expect(orthogonalDiameters({ kind: 'bidirectional+cc', axial, cc }).warnings).toEqual(['The diameters come from different studies.']);
  });
});

describe('orthogonalDiameters from three assigned lengths', () => {
  it('uses the lengths as assigned', () => {
    const ap = lengthMeasurement(...along([0, 1, 0], 12));
    const transverse = lengthMeasurement(...along([1, 0, 0], 15));
    const cc = lengthMeasurement(...along([0, 0, 1], 20));
    const d = orthogonalDiameters({ kind: 'three-lengths', ap, transverse, cc });
    expect([d.apMm, d.transverseMm, d.ccMm]).toEqual([12, 15, 20]);
    // π/6 · 12 · 15 · 20 = 600π mm³
    expect(d.volumeMl).toBeCloseTo((600 * Math.PI) / 1000, 12);
    expect(d.sources).toEqual({ ap: ap.id, transverse: transverse.id, cc: cc.id });
    expect(d.warnings).toEqual([]);
  });

  it('warns for AP and transverse 70° apart', () => {
    const ap = lengthMeasurement(...along([0, 1, 0], 12));
    const transverse = lengthMeasurement(...along([Math.sin(degToRad(70)), Math.cos(degToRad(70)), 0], 15));
    const cc = lengthMeasurement(...along([0, 0, 1], 20));
    const d = orthogonalDiameters({ kind: 'three-lengths', ap, transverse, cc });
    expect(d.warnings).toEqual(['The AP and transverse diameters are 20.0° from perpendicular (tolerance 15°).']);
  });

  it('warns about a zero-length diameter', () => {
    const ap = lengthMeasurement(centre, centre);
    const transverse = lengthMeasurement(...along([1, 0, 0], 15));
    const cc = lengthMeasurement(...along([0, 0, 1], 20));
    const d = orthogonalDiameters({ kind: 'three-lengths', ap, transverse, cc });
    expect(d.volumeMl).toBe(0);
    expect(d.warnings).toEqual(['The AP diameter has zero length.']);
  });
});
