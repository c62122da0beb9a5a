import { describe, expect, it } from 'vitest';
import { emptyState, type SpineLensState } from '../../src/lesions';
import { formatPercent } from '../../src/measure/format';
import { dicomDateSeconds, lesionTimeline, preferredVolumeSource, timelineChartData } from '../../src/response';
import { diameter, lesion, segmented, timepoints } from './responseFixtures';


// A: 20 → 12 → 13 mm, segmented 8.242 → 2.473 mL (the sample's ground truth); B: 10 mm at baseline only.
const state: SpineLensState = {
  ...emptyState('k'),
  lesions: [lesion('A'), lesion('B')],
  measurements: [diameter('A', 's0', 20), diameter('A', 's1', 12), diameter('A', 's2', 13), diameter('B', 's0', 10)],
  segmentationSummaries: [segmented('A', 's0', 8242), segmented('A', 's1', 2473)],
};

describe('lesion timeline table', () => {
  const a = lesionTimeline(state, state.lesions[0]!, timepoints);
  const row = (uid: string) => a.rows.find((r) => r.timepoint.studyInstanceUid === uid)!;

  it('lists the timepoints in order with their labels', () => {
    expect(a.rows.map((r) => r.timepoint.label)).toEqual([`\u22123 mo`, 'Baseline', '+3 mo', '+6 mo']);
    expect(a.rows.map((r) => r.measured)).toEqual([false, true, true, true]);
  });

  it('has no change before or at the baseline', () => {
    expect(row('prior').cells.longestDiameter).toEqual({ value: null, provenance: null, others: [], fromBaseline: null, fromNadir: null, nadir: null });
    expect(row('s0').cells.segmentedVolume.value).toBeCloseTo(8.242, 6);
    expect(row('s0').cells.segmentedVolume.fromBaseline).toBeNull();
  });

  it('gives the segmented volume change of the sample: −70.0% from baseline', () => {
    const cell = row('s1').cells.segmentedVolume;
    expect(cell.value).toBeCloseTo(2.473, 6);
    expect(cell.fromBaseline!.absolute).toBeCloseTo(-5.769, 6);
    expect(cell.fromBaseline!.percent).toBeCloseTo(-69.995, 3);
    expect(formatPercent(cell.fromBaseline!.percent)).toBe('\u221270.0%');
    expect(cell.fromBaseline!.withinVariability).toBe(false);
    // Nadir is the baseline here.
    expect(cell.nadir).toBeCloseTo(8.242, 6);
  });

  it('gives diameter changes from baseline and from the nadir, with the variability mark', () => {
    const s1 = row('s1').cells.longestDiameter;
    expect(s1.fromBaseline).toEqual({ absolute: -8, percent: -40, withinVariability: false });
    const s2 = row('s2').cells.longestDiameter;
    expect(s2.value).toBe(13);
    expect(s2.nadir).toBe(12);
    expect(s2.fromBaseline).toEqual({ absolute: -7, percent: -35, withinVariability: false });
    expect(s2.fromNadir!.absolute).toBe(1);
    expect(s2.fromNadir!.percent).toBeCloseTo(8.3333, 3);
    expect(s2.fromNadir!.withinVariability).toBe(true);
    // No ellipsoid volume without three diameters.
    expect(s2.value).not.toBeNull();
    expect(row('s2').cells.ellipsoidVolume.value).toBeNull();
    expect(row('s2').cells.segmentedVolume.value).toBeNull();
  });

  it('flags a lesion measured at baseline but not at the follow-ups, unless resolved', () => {
    expect(a.notMeasuredAt).toEqual([]);
    expect(lesionTimeline(state, state.lesions[1]!, timepoints).notMeasuredAt).toEqual(['+3 mo', '+6 mo']);
    expect(lesionTimeline(state, lesion('B', 'resolved'), timepoints).notMeasuredAt).toEqual([]);
  });

  it('charts dated timepoints in seconds since 1970', () => {
    const chart = timelineChartData(a);
    expect(chart.x.slice(1, 3)).toEqual([1767571200, 1775433600]);
    expect(chart.series.longestDiameter).toEqual([null, 20, 12, 13]);
    expect(chart.series.segmentedVolume[2]).toBeCloseTo(2.473, 6);
    expect(dicomDateSeconds('20260230')).toBeNull();
  });

  it('uses segmented volumes for the volumetric response when there are any', () => {
    expect(preferredVolumeSource(state)).toBe('segmented');
    expect(preferredVolumeSource({ segmentationSummaries: [] })).toBe('ellipsoid');
  });
});
