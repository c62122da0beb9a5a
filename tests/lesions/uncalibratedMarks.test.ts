import { describe, expect, it } from 'vitest';
import { DISC, uncalibratedCt } from '../../e2e/fixtures/uncalibratedCt';
import { buildSeries, parseInstance, type SeriesNode } from '../../src/dicom';
import { emptyState, lesionSummary, withUncalibratedMarks, type SpineLensState } from '../../src/lesions';
import { lengthMeasurement } from './fixtures';

/** The phantom slice grouped as the viewer does, its Pixel Spacing written as `spacing`, under its own series key. */
function phantomSeries(spacing: string, key: string): SeriesNode {
  const parsed = parseInstance('phantom.dcm', new Uint8Array(uncalibratedCt(spacing, 'PHANTOM')));
  if (parsed.kind !== 'image') throw new Error(`phantom did not parse as an image: ${parsed.kind}`);
  const series = buildSeries([parsed.instance])[0]?.studies[0]?.series[0];
  if (!series) throw new Error('no series');
  return { ...series, key };
}

const broken = phantomSeries('0.7\\', 'broken');
const calibrated = phantomSeries('0.7\\0.7', 'calibrated');
const diameterPx = 2 * DISC.radius;

/** The disc's diameter drawn on each series, as saved before the mark was kept (or read from an SR): no flag. */
function savedWithoutMarks(): SpineLensState {
  const across = (seriesKey: string, mmPerPx: number) =>
    lengthMeasurement([0, 0, 0], [diameterPx * mmPerPx, 0, 0], { lesionId: 'L', studyInstanceUid: seriesKey, seriesKey });
  return { ...emptyState('k'), measurements: [across('broken', 1), across('calibrated', 0.7)] };
}

describe('marking stored measurements on a series without a valid Pixel Spacing', () => {
  it('gives a saved measurement on it no mm once its series is known, only its length in px', () => {
    const marked = withUncalibratedMarks(savedWithoutMarks(), [broken, calibrated]);
    const summary = lesionSummary(marked, 'L', 'broken');
    expect(summary.longestDiameter).toBeNull();
    expect(summary.uncalibrated?.longestPx?.px).toBeCloseTo(diameterPx, 9);
  });

  it('leaves the measurement on the calibrated series in mm (0.7 mm × the disc)', () => {
    const marked = withUncalibratedMarks(savedWithoutMarks(), [broken, calibrated]);
    expect(marked.measurements[1]!.uncalibrated).toBeUndefined();
    expect(lesionSummary(marked, 'L', 'calibrated').longestDiameter?.mm).toBeCloseTo(diameterPx * 0.7, 9);
  });

  it('returns the same state when there is nothing to mark (no store loop)', () => {
    const state = savedWithoutMarks();
    expect(withUncalibratedMarks(state, [calibrated])).toBe(state);
    const marked = withUncalibratedMarks(state, [broken]);
    expect(withUncalibratedMarks(marked, [broken, calibrated])).toBe(marked);
  });
});
