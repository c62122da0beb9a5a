import type { SeriesNode } from '../dicom/types';
import type { ViewMode } from '../state/viewerStore';
import { mprBudgetReason } from './volumeBudget';

/** Why a series cannot be shown as MPR (a plain sentence for the tooltip), or null when it can. */
export function mprUnavailableReason(series: SeriesNode | undefined): string | null {
  if (!series) return 'No series in this viewport';
  if (series.geometry?.isVolume) return mprBudgetReason(series);
  if (series.frames.length === 1) return 'A single image: there is no volume to reslice (MPR)';
  if (!series.geometry) return 'The images have no position and orientation (Image Position/Orientation Patient): no volume for MPR';
  if (series.frames.length < 3) return `Only ${series.frames.length} slices: MPR needs a volume of at least 3`;
  return series.warnings.length > 0 ? `Not a volume: ${series.warnings.join('; ')}` : 'The slices do not form a regular volume: MPR would be wrong';
}

/** The mode a viewport really shows: acquired slices (stack) whenever the series is not a volume. */
export function effectiveMode(series: SeriesNode | undefined, mode: ViewMode): ViewMode {
  return mode !== 'stack' && mprUnavailableReason(series) !== null ? 'stack' : mode;
}
