import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../../src/geometry/vec3';
import {
  emptyState,
  lesionPosition,
  lesionSummary,
  measurementsByLesionAndTimepoint,
  type Lesion,
  type SegmentationSummary,
  type SpineLensState,
} from '../../src/lesions';
import type { Measurement } from '../../src/measure';
import { base, bidirectional, lengthMeasurement } from './fixtures';

const lesion = (id: string): Lesion => ({
  id,
  name: id,
  level: 'T5',
  levelSource: 'auto',
  site: 'osseous',
  notes: '',
  status: 'tracked',
  createdAt: '2026-01-05T10:00:00.000Z',
});

const centre: Vec3 = [0, 0, 0];
const segment = (dir: Vec3, mm: number): [Vec3, Vec3] => [
  [centre[0] - (dir[0] * mm) / 2, centre[1] - (dir[1] * mm) / 2, centre[2] - (dir[2] * mm) / 2],
  [centre[0] + (dir[0] * mm) / 2, centre[1] + (dir[1] * mm) / 2, centre[2] + (dir[2] * mm) / 2],
];

function stateWith(measurements: Measurement[], segmentationSummaries: SegmentationSummary[] = []): SpineLensState {
  return { ...emptyState('k'), lesions: [lesion('A'), lesion('B')], measurements, segmentationSummaries };
}

const segmentation = (volumeMm3: number, studyInstanceUid = 'study-1'): SegmentationSummary => ({
  lesionId: 'A',
  studyInstanceUid,
  seriesKey: 'series-1',
  volumeMm3,
  voxelCount: 1000,
  voxelVolumeMm3: volumeMm3 / 1000,
  longestDiameterMm: 30,
  perpendicularDiameterMm: 22,
});

describe('measurementsByLesionAndTimepoint', () => {
  it('groups by lesion and study, oldest first, leaving out unlinked measurements', () => {
    const a1 = lengthMeasurement([0, 0, 0], [10, 0, 0], { lesionId: 'A' });
    const a2 = lengthMeasurement([0, 0, 0], [12, 0, 0], { lesionId: 'A', studyInstanceUid: 'study-2' });
    const a3 = lengthMeasurement([0, 0, 0], [11, 0, 0], { lesionId: 'A' });
    const loose = lengthMeasurement([0, 0, 0], [1, 0, 0]);
    const grouped = measurementsByLesionAndTimepoint(stateWith([a3, loose, a2, a1]));
    expect(grouped.get('A')?.get('study-1')?.map((m) => m.id)).toEqual([a1.id, a3.id]);
    expect(grouped.get('A')?.get('study-2')?.map((m) => m.id)).toEqual([a2.id]);
    expect(grouped.get('B')?.size).toBe(0);
    expect([...grouped.keys()]).toEqual(['A', 'B']);
  });
});

describe('lesionSummary', () => {
  it('combines a bidirectional, a CC length and a segmentation', () => {
    const axial = bidirectional(segment([1, 0, 0], 31), segment([0, 1, 0], 24), { lesionId: 'A' });
    const cc = lengthMeasurement(...segment([0, 0, 1], 27), { lesionId: 'A', axis: 'cc' });
    const other = lengthMeasurement(...segment([1, 0, 0], 50), { lesionId: 'A', studyInstanceUid: 'study-2' });
    const summary = lesionSummary(stateWith([axial, cc, other], [segmentation(9000), segmentation(1, 'study-2')]), 'A', 'study-1');

    expect(summary.measurementIds).toEqual([axial.id, cc.id]);
    expect(summary.longestDiameter?.measurementId).toBe(axial.id);
    expect(summary.longestDiameter?.mm).toBeCloseTo(31, 10);
    expect(summary.diameters?.apMm).toBeCloseTo(24, 10);
    expect(summary.diameters?.transverseMm).toBeCloseTo(31, 10);
    expect(summary.diameters?.ccMm).toBeCloseTo(27, 10);
    expect(summary.diameters?.sources).toEqual({ ap: axial.id, transverse: axial.id, cc: cc.id });
    expect(summary.ellipsoidVolumeMl).toBeCloseTo(10.518, 3);
    expect(summary.segmentedVolumeMl).toBe(9);
    // (9 − 10.518) / 10.518 = −14.43%
    const ellipsoid = (Math.PI / 6) * 31 * 24 * 27 / 1000;
    expect(summary.segmentedVsEllipsoidPercent).toBeCloseTo(((9 - ellipsoid) / ellipsoid) * 100, 10);
    expect(summary.segmentedVsEllipsoidPercent).toBeCloseTo(-14.43, 2);
  });

  it('takes an unassigned craniocaudal length as CC, but not an oblique one', () => {
    const axial = bidirectional(segment([1, 0, 0], 31), segment([0, 1, 0], 24), { lesionId: 'A' });
    const vertical = lengthMeasurement(...segment([0, 0.2, 0.98], 27), { lesionId: 'A' });
    expect(lesionSummary(stateWith([axial, vertical]), 'A', 'study-1').diameters?.sources.cc).toBe(vertical.id);
    const oblique = lengthMeasurement(...segment([0, 0.7, 0.7], 27), { lesionId: 'A' });
    expect(lesionSummary(stateWith([axial, oblique]), 'A', 'study-1').diameters).toBeNull();
  });

  it('prefers three assigned lengths, using the latest per axis', () => {
    const ap = lengthMeasurement(...segment([0, 1, 0], 10), { lesionId: 'A', axis: 'ap' });
    const apAgain = lengthMeasurement(...segment([0, 1, 0], 12), { lesionId: 'A', axis: 'ap' });
    const tr = lengthMeasurement(...segment([1, 0, 0], 15), { lesionId: 'A', axis: 'transverse' });
    const cc = lengthMeasurement(...segment([0, 0, 1], 20), { lesionId: 'A', axis: 'cc' });
    const axial = bidirectional(segment([1, 0, 0], 31), segment([0, 1, 0], 24), { lesionId: 'A' });
    const summary = lesionSummary(stateWith([axial, ap, apAgain, tr, cc]), 'A', 'study-1');
    expect(summary.diameters?.sources).toEqual({ ap: apAgain.id, transverse: tr.id, cc: cc.id });
    expect(summary.ellipsoidVolumeMl).toBeCloseTo((Math.PI / 6) * 12 * 15 * 20 / 1000, 12);
    expect(summary.longestDiameter?.measurementId).toBe(axial.id);
  });

  it('reports what is missing as null', () => {
    const summary = lesionSummary(stateWith([]), 'A', 'study-1');
    expect(summary).toEqual({
      lesionId: 'A',
      studyInstanceUid: 'study-1',
      measurementIds: [],
      longestDiameter: null,
      longestAxialDiameter: null,
      defaultShortAxisIds: [],
      diameters: null,
      ellipsoidVolumeMl: null,
      segmentation: null,
      segmentedVolumeMl: null,
      segmentationFlagged: false,
      segmentedVsEllipsoidPercent: null,
      uncalibrated: null,
    });
  });
});

describe('lesionPosition', () => {
  it('is the centroid of the measurement geometry, using only arrow heads', () => {
    const length = lengthMeasurement([0, 0, 0], [10, 0, 0], { lesionId: 'A' });
    const arrow: Measurement = { ...base({ lesionId: 'A' }), kind: 'arrow', points: [[100, 100, 100], [5, 6, 0]], text: '' };
    expect(lesionPosition(stateWith([length, arrow]), 'A', 'study-1')).toEqual({ position: [5, 2, 0], frameOfReferenceUid: 'for-1' });
    expect(lesionPosition(stateWith([length]), 'A', 'study-2')).toBeNull();
  });
});
