import type { SpineLensState } from '../lesions/state';
import type { Timepoint } from '../lesions/timepoints';

export interface SeriesInfo {
  modality: string;
  description: string;
}

/** Modality and description of a loaded series; undefined when it is not loaded. */
export type SeriesLookup = (seriesKey: string) => SeriesInfo | undefined;

/** Why a series counts at a timepoint. */
export type ChoiceBasis = 'reader' | 'only-series' | 'first-measured' | 'baseline-modality' | 'none';

export interface TimepointSeries {
  studyInstanceUid: string;
  /** Series holding a diameter or a volume of any lesion at this timepoint, first measured first. */
  seriesKeys: string[];
  /** The series whose values count; null when there is none. */
  counted: string | null;
  basis: ChoiceBasis;
}

export const CHOICE_BASIS_TEXT: Record<ChoiceBasis, string> = {
  reader: 'chosen by the reader',
  'only-series': 'the only series measured',
  'first-measured': 'default: the first series measured',
  'baseline-modality': 'default: the modality that counts at baseline',
  none: 'nothing measured',
};

/** Series with a diameter (length, bidirectional) or a segmented volume of a lesion in the study, first measured first. */
export function seriesWithValues(state: SpineLensState, studyInstanceUid: string): string[] {
  const dated: { seriesKey: string; at: string }[] = [
    ...state.measurements
      .filter((m) => m.lesionId !== undefined && m.studyInstanceUid === studyInstanceUid && (m.kind === 'length' || m.kind === 'bidirectional'))
      .map((m) => ({ seriesKey: m.seriesKey, at: m.createdAt })),
    ...state.segmentationSummaries
      .filter((s) => s.studyInstanceUid === studyInstanceUid)
      .map((s) => ({ seriesKey: s.seriesKey, at: s.createdAt ?? '' })),
  ];
  const first = new Map<string, string>();
  for (const { seriesKey, at } of dated) {
    const seen = first.get(seriesKey);
    if (seen === undefined || at < seen) first.set(seriesKey, at);
  }
  return [...first.entries()].sort(([ka, a], [kb, b]) => (a < b ? -1 : a > b ? 1 : ka < kb ? -1 : ka > kb ? 1 : 0)).map(([k]) => k);
}

/** Modality and description of a series: from the loaded series, else from a segmentation of it, else unknown. */
export function seriesInfo(state: SpineLensState, seriesKey: string, lookup?: SeriesLookup): SeriesInfo {
  const loaded = lookup?.(seriesKey);
  if (loaded) return loaded;
  const summary = state.segmentationSummaries.find((s) => s.seriesKey === seriesKey);
  return { modality: summary?.modality ?? '', description: summary?.seriesDescription ?? '' };
}

/**
 * The series that counts at each timepoint. The reader's choice wins; otherwise, so that a value never
 * switches silently when another series is measured later: at baseline the first series measured, at a
 * follow-up the first series of the baseline's modality (else its first series measured). A series without a valid
 * Pixel Spacing comes after every calibrated one: its lengths are px and could only make the timepoint NE.
 */
export function countedSeries(state: SpineLensState, timepoints: readonly Timepoint[], lookup?: SeriesLookup): TimepointSeries[] {
  const baseline = timepoints.find((t) => t.isBaseline);
  const choose = (studyInstanceUid: string, baselineModality: string | null): TimepointSeries => {
    const seriesKeys = seriesWithValues(state, studyInstanceUid);
    const chosen = state.countedSeries?.find((c) => c.studyInstanceUid === studyInstanceUid)?.seriesKey;
    const pick = (counted: string | null, basis: ChoiceBasis): TimepointSeries => ({ studyInstanceUid, seriesKeys, counted, basis });
    if (chosen !== undefined && seriesKeys.includes(chosen)) return pick(chosen, 'reader');
    if (seriesKeys.length === 0) return pick(null, 'none');
    if (seriesKeys.length === 1) return pick(seriesKeys[0]!, 'only-series');
    // A series without a valid Pixel Spacing has no value that can count: by default another one is preferred.
    const calibrated = seriesKeys.filter((k) => !state.measurements.some((m) => m.seriesKey === k && m.uncalibrated === true));
    const candidates = calibrated.length > 0 ? calibrated : seriesKeys;
    const sameModality = baselineModality ? candidates.find((k) => seriesInfo(state, k, lookup).modality === baselineModality) : undefined;
    return sameModality !== undefined ? pick(sameModality, 'baseline-modality') : pick(candidates[0]!, 'first-measured');
  };
  const atBaseline = baseline ? choose(baseline.studyInstanceUid, null) : null;
  const baselineModality = atBaseline?.counted ? seriesInfo(state, atBaseline.counted, lookup).modality || null : null;
  return timepoints.map((t) => (t.isBaseline && atBaseline ? atBaseline : choose(t.studyInstanceUid, t.isBaseline ? null : baselineModality)));
}
