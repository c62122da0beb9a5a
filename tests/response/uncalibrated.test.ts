import { describe, expect, it } from 'vitest';
import { DISC, uncalibratedCt } from '../../e2e/fixtures/uncalibratedCt';
import { buildSeries, isUncalibratedSeries, parseInstance, type SeriesNode } from '../../src/dicom';
import type { Vec3 } from '../../src/geometry/vec3';
import { emptyState, lesionSummary, timepointsFromStudies, type SpineLensState } from '../../src/lesions';
import { lengthMeasurement } from '../lesions/fixtures';
import { countedSeries, lesionTimeline, patientResponse } from '../../src/response';
import { lesion, segmented } from './responseFixtures';

/** The phantom slice parsed and grouped as the viewer does, its Pixel Spacing written as `spacing`. */
function phantomSeries(spacing: string): SeriesNode {
  const parsed = parseInstance('phantom.dcm', new Uint8Array(uncalibratedCt(spacing, 'PHANTOM')));
  if (parsed.kind !== 'image') throw new Error(`phantom did not parse as an image: ${parsed.kind}`);
  const series = buildSeries([parsed.instance])[0]?.studies[0]?.series[0];
  if (!series) throw new Error('no series');
  return series;
}

const timepoints = timepointsFromStudies(
  [
    { studyInstanceUid: 'baseline', date: '20240102', time: '' },
    { studyInstanceUid: 'follow-up', date: '20240402', time: '' },
  ],
  'baseline',
);

/**
 * The disc's diameter drawn across it on each study. Shown without a valid Pixel Spacing, pixel (column, row) is at
 * (column, row, 0): the phantom's 2 × 10 px disc is a 20 "mm" line, which is 20 px. Calibrated at 0.7 mm it is 14 mm.
 */
function stateWith(baseline: SeriesNode, followUp: SeriesNode, followUpDiameter: number): SpineLensState {
  // Where the viewer puts pixel (column, row): IPP (0, 0, 0) plus column × the column spacing, or × 1 uncalibrated.
  const across = (series: SeriesNode, d: number): [Vec3, Vec3] => {
    const mm = series.geometry?.pixelSpacing[1] ?? 1;
    return [[(DISC.centre[0] - d / 2) * mm, DISC.centre[1] * mm, 0], [(DISC.centre[0] + d / 2) * mm, DISC.centre[1] * mm, 0]];
  };
  const drawnOn = (series: SeriesNode, studyInstanceUid: string) => ({
    lesionId: 'L',
    studyInstanceUid,
    seriesKey: `${studyInstanceUid}:${series.key}`,
    ...(isUncalibratedSeries(series) ? { uncalibrated: true as const } : {}),
  });
  return {
    ...emptyState('k'),
    lesions: [lesion('L')],
    measurements: [
      lengthMeasurement(...across(baseline, 2 * DISC.radius), drawnOn(baseline, 'baseline')),
      lengthMeasurement(...across(followUp, followUpDiameter), drawnOn(followUp, 'follow-up')),
    ],
  };
}

const phantomInfo = () => ({ modality: 'CT', description: '8-BIT CT PHANTOM' });

describe('a series without a valid Pixel Spacing', () => {
  const broken = phantomSeries('0.7\\');
  const calibrated = phantomSeries('0.7\\0.7');

  it('is told apart from the same phantom with a valid one', () => {
    expect(isUncalibratedSeries(broken)).toBe(true);
    expect(isUncalibratedSeries(calibrated)).toBe(false);
    expect(isUncalibratedSeries(phantomSeries('abc\\def'))).toBe(true);
    expect(isUncalibratedSeries(phantomSeries('0.7'))).toBe(true);
  });

  it('gives its lesion no diameter in mm and no ellipsoid volume, only its length in px', () => {
    const state = stateWith(broken, calibrated, 10);
    const summary = lesionSummary(state, 'L', 'baseline');
    expect(summary.longestDiameter).toBeNull();
    expect(summary.longestAxialDiameter).toBeNull();
    expect(summary.ellipsoidVolumeMl).toBeNull();
    expect(summary.uncalibrated?.longestPx?.px).toBeCloseTo(2 * DISC.radius, 9);
  });

  it('makes its lesion not evaluable: no response category, never a partial response from pixels read as mm', () => {
    // Read as mm, 20 px at baseline → 7 mm at follow-up would be −65%: a partial response.
    const response = patientResponse(stateWith(broken, calibrated, 7), timepoints);
    for (const results of [response.recist, response.perLesion[0]!.recist, response.volumetric]) {
      expect(results[0]!.value).toBeNull();
      expect(results[0]!.rule).toMatch(/not evaluable: .*has no valid Pixel Spacing/);
      expect(results[1]!.category).toBe('NE');
      expect(results[1]!.fromBaseline).toBeNull();
    }
  });

  it('at a follow-up is NE with the reason, even when the baseline is calibrated', () => {
    // The disc is 20 px at 0.7 mm: 14 mm at baseline; 5 px at follow-up, read as mm, would be −64%.
    const [baseline, followUp] = patientResponse(stateWith(calibrated, broken, 5), timepoints, { seriesInfo: phantomInfo }).recist;
    expect(baseline!.value).toBeCloseTo(14, 9);
    expect(followUp!.category).toBe('NE');
    expect(followUp!.rule).toMatch(/^NE: .*CT · 8-BIT CT PHANTOM has no valid Pixel Spacing/);
  });

  it('shows its length in px on the timeline, uncompared, and its volume as not computed', () => {
    const timeline = lesionTimeline(stateWith(calibrated, broken, 5), lesion('L'), timepoints, phantomInfo);
    const cell = timeline.rows[1]!.cells.longestDiameter;
    expect(cell.value).toBeCloseTo(5, 9);
    expect(cell.uncalibrated).toBe(true);
    expect(cell.excludedBecause).toMatch(/not evaluable: CT · 8-BIT CT PHANTOM has no valid Pixel Spacing/);
    expect(cell.fromBaseline).toBeNull();
    expect(cell.fromNadir).toBeNull();
    expect(timeline.rows[1]!.cells.ellipsoidVolume.notComputed).toMatch(/needs a calibrated series/);
    expect(timeline.rows[0]!.cells.longestDiameter.value).toBeCloseTo(14, 9);
    expect(timeline.rows[0]!.cells.longestDiameter.uncalibrated).toBeUndefined();
  });

  it('says nothing of a segmented volume when the lesion was never segmented', () => {
    const timeline = lesionTimeline(stateWith(calibrated, broken, 5), lesion('L'), timepoints, phantomInfo);
    expect(timeline.rows[1]!.cells.segmentedVolume.value).toBeNull();
    expect(timeline.rows[1]!.cells.segmentedVolume.notComputed).toBeUndefined();
  });

  it('says the segmented volume needs a calibrated series when another series of the timepoint has one', () => {
    const state = stateWith(calibrated, broken, 5);
    const elsewhere = { ...segmented('L', 'follow-up', 4000), seriesKey: 'follow-up:calibrated' };
    const chosen = { ...state, segmentationSummaries: [elsewhere], countedSeries: [{ studyInstanceUid: 'follow-up', seriesKey: state.measurements[1]!.seriesKey }] };
    const cell = lesionTimeline(chosen, lesion('L'), timepoints, phantomInfo).rows[1]!.cells.segmentedVolume;
    expect(cell.value).toBeNull();
    expect(cell.notComputed).toMatch(/needs a calibrated series \(CT · 8-BIT CT PHANTOM has no valid Pixel Spacing\)/);
  });

  it('counts, by default, a calibrated series of the same timepoint measured after it', () => {
    const state = stateWith(calibrated, broken, 5);
    // The same follow-up also measured later on a calibrated series: the disc at 0.7 mm, 10 px across, 7 mm.
    const later = lengthMeasurement([0, 0, 0], [7, 0, 0], { lesionId: 'L', studyInstanceUid: 'follow-up', seriesKey: 'follow-up:calibrated', createdAt: '2030-01-01T00:00:00.000Z' });
    const both: SpineLensState = { ...state, measurements: [...state.measurements, later] };
    expect(countedSeries(both, timepoints, phantomInfo)[1]).toMatchObject({ counted: 'follow-up:calibrated', basis: 'baseline-modality' });
    // 14 → 7 mm is −50%: a partial response, from millimetres on both sides.
    const [, followUp] = patientResponse(both, timepoints, { seriesInfo: phantomInfo }).recist;
    expect(followUp).toMatchObject({ category: 'PR', value: 7 });
    // The reader may still choose the uncalibrated series: then the timepoint is NE, never a response from px.
    const chosen = { ...both, countedSeries: [{ studyInstanceUid: 'follow-up', seriesKey: state.measurements[1]!.seriesKey }] };
    expect(patientResponse(chosen, timepoints, { seriesInfo: phantomInfo }).recist[1]!.category).toBe('NE');
  });
});
