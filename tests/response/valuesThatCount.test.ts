import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../../src/geometry/vec3';
import { emptyState, timepointsFromStudies, type SegmentationSummary, type SpineLensState } from '../../src/lesions';
import type { Measurement } from '../../src/measure';
import { countedSeries, lesionTimeline, patientResponse, type SeriesLookup } from '../../src/response';
import { lengthMeasurement } from '../lesions/fixtures';
import { lesion } from './responseFixtures';

// Baseline b (CT and MR), follow-up f (MR), as in the sample case.
const timepoints = timepointsFromStudies(
  [
    { studyInstanceUid: 'b', date: '20260105', time: '' },
    { studyInstanceUid: 'f', date: '20260406', time: '' },
  ],
  'b',
);
const SERIES: Record<string, { modality: string; description: string }> = {
  'b-ct': { modality: 'CT', description: 'C-SPINE AXIAL 1.25MM' },
  'b-mr': { modality: 'MR', description: 'SAG T2 TSE' },
  'f-mr': { modality: 'MR', description: 'SAG T2 TSE' },
};
const lookup: SeriesLookup = (key) => SERIES[key];
const AXIAL: Vec3 = [0, 0, 1];
const SAGITTAL: Vec3 = [1, 0, 0];

/** A transverse diameter of `mm` drawn in a view with the given normal. */
const diameterIn = (seriesKey: string, mm: number, viewPlaneNormal: Vec3, at: string): Measurement => ({
  ...lengthMeasurement([0, 0, 0], [mm, 0, 0], { lesionId: 'A', studyInstanceUid: seriesKey.slice(0, 1), seriesKey }),
  viewPlaneNormal,
  createdAt: at,
});
const volume = (seriesKey: string, mm3: number, at: string, extra: Partial<SegmentationSummary> = {}): SegmentationSummary => ({
  lesionId: 'A',
  studyInstanceUid: seriesKey.slice(0, 1),
  seriesKey,
  method: 'grow',
  modality: SERIES[seriesKey]!.modality,
  seriesDescription: SERIES[seriesKey]!.description,
  volumeMm3: mm3,
  voxelCount: mm3,
  voxelVolumeMm3: 1,
  longestDiameterMm: 0,
  perpendicularDiameterMm: 0,
  createdAt: at,
  ...extra,
});
const state = (measurements: Measurement[], segmentationSummaries: SegmentationSummary[], extra: Partial<SpineLensState> = {}): SpineLensState => ({
  ...emptyState('k'),
  lesions: [lesion('A')],
  measurements,
  segmentationSummaries,
  ...extra,
});
const T0 = '2026-05-01T10:00:00.000Z';
const T1 = '2026-05-01T10:05:00.000Z';
const T2 = '2026-05-01T10:10:00.000Z';

describe('RECIST 1.1 compares like with like', () => {
  it('is NE with the reason when the follow-up diameter is not axial, PR when it is', () => {
    // 30 mm → 18 mm is −40%: PR if both are axial.
    const baseline = diameterIn('b-mr', 30, AXIAL, T0);
    const sagittalOnly = patientResponse(state([baseline, diameterIn('f-mr', 18, SAGITTAL, T1)], []), timepoints, { seriesInfo: lookup });
    expect(sagittalOnly.recist[1]!.category).toBe('NE');
    expect(sagittalOnly.recist[1]!.value).toBeNull();
    expect(sagittalOnly.recist[1]!.rule).toContain('only in the sagittal plane; RECIST 1.1 takes it in the axial plane');
    const axial = patientResponse(state([baseline, diameterIn('f-mr', 18, AXIAL, T1)], []), timepoints, { seriesInfo: lookup });
    expect(axial.recist[1]!.category).toBe('PR');
    expect(axial.recist[1]!.fromBaseline!.percent).toBeCloseTo(-40, 9);
  });

  it('is NE with the reason when the follow-up is another modality than the baseline', () => {
    const s = state([diameterIn('b-ct', 30, AXIAL, T0), diameterIn('f-mr', 18, AXIAL, T1)], []);
    const response = patientResponse(s, timepoints, { seriesInfo: lookup });
    expect(response.recist[1]!.category).toBe('NE');
    expect(response.recist[1]!.rule).toContain('measured on MR at +3 mo but on CT at baseline');
    expect(response.perLesion[0]!.recist[1]!.category).toBe('NE');
    // The timeline shows the value but does not compare it.
    const row = lesionTimeline(s, s.lesions[0]!, timepoints, lookup).rows[1]!;
    expect(row.cells.longestDiameter.value).toBe(18);
    expect(row.cells.longestDiameter.fromBaseline).toBeNull();
    expect(row.cells.longestDiameter.excludedBecause).toContain('measured on MR, the baseline on CT');
  });
});

describe('a flagged segmented volume', () => {
  // The case: a grow that caught almost nothing (0.15 mL, flagged) read as −98% and PR; the truth was −73%.
  const flags = [{ code: 'few-voxels' as const, message: 'Only 150 voxels: the seed may be outside the lesion.' }];
  const baseline = volume('b-mr', 8000, T0);
  const followup = (extra: Partial<SegmentationSummary>) => volume('f-mr', 150, T1, extra);

  it('does not drive the response until the reader confirms it, and is shown flagged', () => {
    const s = state([], [baseline, followup({ flags })]);
    const response = patientResponse(s, timepoints, { seriesInfo: lookup });
    expect(response.volumetric[1]!.category).toBe('NE');
    expect(response.volumetric[1]!.value).toBeNull();
    expect(response.volumetric[1]!.rule).toContain('flagged and not confirmed (Only 150 voxels');
    const cell = lesionTimeline(s, s.lesions[0]!, timepoints, lookup).rows[1]!.cells.segmentedVolume;
    expect(cell.value).toBeCloseTo(0.15, 9);
    expect(cell.excludedBecause).toContain('flagged');
    expect(cell.provenance?.flags).toEqual(flags);
    expect(cell.fromBaseline).toBeNull();
  });

  it('drives it once confirmed: 8.0 → 0.15 mL is −98.1%, PR', () => {
    const s = state([], [baseline, followup({ flags, confirmedAt: T2 })]);
    const response = patientResponse(s, timepoints, { seriesInfo: lookup });
    expect(response.volumetric[1]!.category).toBe('PR');
    expect(response.volumetric[1]!.fromBaseline!.percent).toBeCloseTo((150 / 8000 - 1) * 100, 9);
    expect(lesionTimeline(s, s.lesions[0]!, timepoints, lookup).rows[1]!.cells.segmentedVolume.provenance?.confirmedAt).toBe(T2);
  });
});

describe('where each value comes from', () => {
  it('names series, modality, plane, method and confirmation of every value, and lists the other series', () => {
    const s = state(
      [diameterIn('b-mr', 30, SAGITTAL, T0), diameterIn('b-ct', 32, AXIAL, T2)],
      [volume('b-mr', 8000, T0), volume('b-ct', 8300, T1, { method: 'edit', flags: [{ code: 'field-of-view', message: 'Touches the edge.' }], confirmedAt: T2 })],
    );
    const row = lesionTimeline(s, s.lesions[0]!, timepoints, lookup).rows[0]!;
    expect(row.series).toEqual({ studyInstanceUid: 'b', seriesKeys: ['b-mr', 'b-ct'], counted: 'b-mr', basis: 'first-measured' });
    expect(row.cells.longestDiameter.provenance).toMatchObject({ seriesKey: 'b-mr', modality: 'MR', seriesDescription: 'SAG T2 TSE', method: 'diameter', plane: 'sagittal' });
    expect(row.cells.segmentedVolume.provenance).toMatchObject({ seriesKey: 'b-mr', modality: 'MR', method: 'segmented', segmentationMethod: 'grow', plane: null });
    expect(row.cells.segmentedVolume.value).toBeCloseTo(8, 9);
    const [otherVolume] = row.cells.segmentedVolume.others;
    expect(otherVolume?.value).toBeCloseTo(8.3, 9);
    expect(otherVolume?.provenance).toMatchObject({ seriesKey: 'b-ct', modality: 'CT', segmentationMethod: 'edit', confirmedAt: T2 });
    expect(row.cells.longestDiameter.others.map((o) => [o.value, o.provenance.plane])).toEqual([[32, 'axial']]);
  });
});

describe('the series that counts at a timepoint', () => {
  const mrFirst = [volume('b-mr', 8000, T0), volume('f-mr', 2400, T1)];
  const ctLater = volume('b-ct', 9000, T2);

  it('stays the first one measured when a second series is grown at baseline: the value does not change', () => {
    const before = patientResponse(state([], mrFirst), timepoints, { seriesInfo: lookup });
    const after = patientResponse(state([], [...mrFirst, ctLater]), timepoints, { seriesInfo: lookup });
    expect(before.volumetric[0]!.value).toBeCloseTo(8, 9);
    expect(after.volumetric[0]!.value).toBeCloseTo(8, 9);
    expect(after.volumetric[1]!.category).toBe('PR');
    expect(after.volumetric[1]!.fromBaseline!.percent).toBeCloseTo(-70, 9);
    // Also when the CT summary is stored first (array order is no clock).
    const reordered = patientResponse(state([], [ctLater, ...mrFirst]), timepoints, { seriesInfo: lookup });
    expect(reordered.volumetric[0]!.value).toBeCloseTo(8, 9);
  });

  it("follows the reader's choice, and a follow-up defaults to the baseline's modality", () => {
    const chooseCt = { countedSeries: [{ studyInstanceUid: 'b', seriesKey: 'b-ct' }] };
    const s = state([], [...mrFirst, ctLater], chooseCt);
    const choices = countedSeries(s, timepoints, lookup);
    expect(choices.map((c) => [c.counted, c.basis])).toEqual([
      ['b-ct', 'reader'],
      ['f-mr', 'only-series'],
    ]);
    const response = patientResponse(s, timepoints, { seriesInfo: lookup });
    expect(response.volumetric[0]!.value).toBeCloseTo(9, 9);
    expect(response.volumetric[1]!.category).toBe('NE');
    expect(response.volumetric[1]!.rule).toContain('measured on MR at +3 mo but on CT at baseline');

    // With CT and MR at the follow-up too, the follow-up takes the baseline's modality by default.
    const both = state([], [...mrFirst, ctLater, volume('b-ct', 9000, T2, { studyInstanceUid: 'f', seriesKey: 'f-ct', modality: 'CT' })], chooseCt);
    const followup = countedSeries(both, timepoints, (k) => (k === 'f-ct' ? { modality: 'CT', description: 'AXIAL' } : lookup(k)))[1]!;
    expect([followup.counted, followup.basis]).toEqual(['f-ct', 'baseline-modality']);
  });
});
