import type { SegmentationFlag, SegmentationSummary } from '../lesions/lesion';
import { lesionSummary, type LesionTimepointSummary } from '../lesions/lesionSummary';
import type { Plane } from '../lesions/measurementPlane';
import type { SpineLensState } from '../lesions/state';
import { formatMl } from '../measure/format';
import { seriesInfo, type SeriesLookup, type TimepointSeries } from './seriesChoice';

export const TIMELINE_QUANTITIES = ['segmentedVolume', 'ellipsoidVolume', 'longestDiameter'] as const;
export type TimelineQuantity = (typeof TIMELINE_QUANTITIES)[number];

export type ValueMethod = 'segmented' | 'ellipsoid' | 'diameter';
const METHOD: Record<TimelineQuantity, ValueMethod> = { segmentedVolume: 'segmented', ellipsoidVolume: 'ellipsoid', longestDiameter: 'diameter' };

/** Where a value came from. */
export interface Provenance {
  seriesKey: string;
  modality: string;
  seriesDescription: string;
  method: ValueMethod;
  /** Plane of the diameter; null for a volume. */
  plane: Plane | null;
  /** How a segmented volume was made (grow from a click, a line, painted). */
  segmentationMethod?: SegmentationSummary['method'];
  flags: readonly SegmentationFlag[];
  /** ISO 8601: when the reader confirmed a flagged volume. */
  confirmedAt?: string;
}

export interface SourcedValue {
  /** In the quantity's unit; in px when `uncalibrated`. */
  value: number;
  /** A length in px from a series without a valid Pixel Spacing: shown as such, never compared. */
  uncalibrated?: true;
  provenance: Provenance;
  /** Why the value does not drive the response (flagged, not confirmed); undefined when it may. */
  excludedBecause?: string;
}

export interface CountedValue {
  /** The value of the series that counts, shown; null when that series has none. */
  counted: SourcedValue | null;
  /** Values of the same quantity from the other series of the timepoint: shown, never counted. */
  others: SourcedValue[];
  /** Why the counted series gives no value of this quantity although it was measured (no valid Pixel Spacing). */
  notComputed?: string;
}

/** Each quantity of a lesion at a timepoint: the counted series' value and the others. */
export function countedValues(
  state: SpineLensState,
  lesionId: string,
  choice: TimepointSeries,
  lookup?: SeriesLookup,
): Record<TimelineQuantity, CountedValue> {
  const perSeries = choice.seriesKeys.map((seriesKey) => ({
    seriesKey,
    summary: lesionSummary(state, lesionId, choice.studyInstanceUid, seriesKey),
  }));
  const entry = (q: TimelineQuantity): CountedValue => {
    const values = perSeries.flatMap(({ seriesKey, summary }) => {
      const v = sourcedValue(state, seriesKey, summary, q, lookup);
      return v ? [{ seriesKey, v }] : [];
    });
    const counted = values.find((x) => x.seriesKey === choice.counted)?.v ?? null;
    const countedSummary = perSeries.find((x) => x.seriesKey === choice.counted)?.summary;
    // A segmented volume is missed only when the lesion was segmented at this timepoint, on another series.
    const measured = q === 'segmentedVolume' ? values.length > 0 : q === 'ellipsoidVolume';
    const notComputed =
      counted === null && measured && choice.counted !== null && countedSummary?.uncalibrated
        ? `not computed: needs a calibrated series (${seriesName({ seriesKey: choice.counted, ...named(seriesInfo(state, choice.counted, lookup)) })} has no valid Pixel Spacing)`
        : undefined;
    return {
      counted,
      others: values.filter((x) => x.seriesKey !== choice.counted).map((x) => x.v),
      ...(notComputed ? { notComputed } : {}),
    };
  };
  return { segmentedVolume: entry('segmentedVolume'), ellipsoidVolume: entry('ellipsoidVolume'), longestDiameter: entry('longestDiameter') };
}

function sourcedValue(
  state: SpineLensState,
  seriesKey: string,
  summary: LesionTimepointSummary,
  q: TimelineQuantity,
  lookup?: SeriesLookup,
): SourcedValue | null {
  const info = seriesInfo(state, seriesKey, lookup);
  const base = { seriesKey, modality: info.modality, seriesDescription: info.description, method: METHOD[q], plane: null, flags: [] };
  if (q === 'longestDiameter') {
    const d = summary.longestDiameter;
    if (d) return { value: d.mm, provenance: { ...base, plane: d.plane } };
    const px = summary.uncalibrated?.longestPx;
    return px
      ? {
          value: px.px,
          uncalibrated: true,
          provenance: { ...base, plane: px.plane },
          excludedBecause: `not evaluable: ${seriesName({ seriesKey, ...named(info) })} has no valid Pixel Spacing (length in px, not mm)`,
        }
      : null;
  }
  if (q === 'ellipsoidVolume') return summary.ellipsoidVolumeMl === null ? null : { value: summary.ellipsoidVolumeMl, provenance: base };
  const seg = summary.segmentation;
  if (!seg || summary.segmentedVolumeMl === null) return null;
  const provenance: Provenance = {
    ...base,
    flags: seg.flags ?? [],
    ...(seg.method ? { segmentationMethod: seg.method } : {}),
    ...(seg.confirmedAt ? { confirmedAt: seg.confirmedAt } : {}),
  };
  const value = summary.segmentedVolumeMl;
  return summary.segmentationFlagged
    ? {
        value,
        provenance,
        excludedBecause: `the segmented volume ${formatMl(value)} is flagged (${(seg.flags ?? []).map((f) => f.message).join(' ')}) and not confirmed`,
      }
    : { value, provenance };
}

const named = (info: { modality: string; description: string }) => ({ modality: info.modality, seriesDescription: info.description });

/** "MR · SAG T2 TSE", or the series key when nothing is known of it. */
export function seriesName(p: Pick<Provenance, 'modality' | 'seriesDescription' | 'seriesKey'>): string {
  const name = [p.modality, p.seriesDescription].filter(Boolean).join(' · ');
  return name || `series ${p.seriesKey}`;
}
