import { isUncalibratedSeries } from '../dicom/calibration';
import type { SeriesNode } from '../dicom/types';
import type { SpineLensState } from './state';

/**
 * The state with every measurement on a series without a valid Pixel Spacing marked uncalibrated: measurements
 * saved before the mark was kept, or read from an SR or a case file, lack it, and would count px as mm. Only series
 * in the list are judged; the same state object is returned when nothing changes.
 */
export function withUncalibratedMarks(state: SpineLensState, series: readonly Pick<SeriesNode, 'key' | 'frames'>[]): SpineLensState {
  const unmarkedKeys = new Set(state.measurements.filter((m) => m.uncalibrated !== true).map((m) => m.seriesKey));
  if (unmarkedKeys.size === 0) return state;
  const uncalibrated = new Set(series.filter((s) => unmarkedKeys.has(s.key) && isUncalibratedSeries(s)).map((s) => s.key));
  if (uncalibrated.size === 0) return state;
  return {
    ...state,
    measurements: state.measurements.map((m) => (m.uncalibrated !== true && uncalibrated.has(m.seriesKey) ? { ...m, uncalibrated: true as const } : m)),
  };
}
