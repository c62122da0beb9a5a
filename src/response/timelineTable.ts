import type { Lesion, LesionStatus } from '../lesions/lesion';
import type { SpineLensState } from '../lesions/state';
import type { Timepoint } from '../lesions/timepoints';
import { change, type Change } from './change';
import { countedValues, TIMELINE_QUANTITIES, type Provenance, type SourcedValue, type TimelineQuantity } from './countedValues';
import type { VolumeSource } from './fromState';
import { countedSeries, type SeriesLookup, type TimepointSeries } from './seriesChoice';
import { diameterChangeWithinVariability, volumeChangeWithinVariability } from './variability';

export { TIMELINE_QUANTITIES, type TimelineQuantity } from './countedValues';

export const QUANTITY_UNIT: Record<TimelineQuantity, 'mL' | 'mm'> = { segmentedVolume: 'mL', ellipsoidVolume: 'mL', longestDiameter: 'mm' };
export const QUANTITY_LABEL: Record<TimelineQuantity, string> = {
  segmentedVolume: 'Segmented volume',
  ellipsoidVolume: 'Ellipsoid volume',
  longestDiameter: 'Longest diameter',
};

export interface TimelineCell {
  /** The value of the series that counts (shown even when it may not be used), or null. */
  value: number | null;
  provenance: Provenance | null;
  /** Why the value is not compared (flagged, another modality than baseline); undefined when it is. */
  excludedBecause?: string;
  /** Values of the other series of this timepoint: shown with their series, never counted. */
  others: SourcedValue[];
  /** The value is a length in px (no valid Pixel Spacing): shown as such, never compared. */
  uncalibrated?: true;
  /** Why a measured quantity has no value here ("not computed: needs a calibrated series …"). */
  notComputed?: string;
  /** Null at the baseline, before it, or when either value is missing or excluded. */
  fromBaseline: Change | null;
  /** From the smallest usable value between the baseline and the previous timepoint (baseline included). */
  fromNadir: Change | null;
  nadir: number | null;
}

export interface TimelineRow {
  timepoint: Timepoint;
  /** The lesion has a measurement or a segmentation in this study. */
  measured: boolean;
  /** The series of this timepoint and the one that counts. */
  series: TimepointSeries;
  cells: Record<TimelineQuantity, TimelineCell>;
}

export interface LesionTimeline {
  lesionId: string;
  name: string;
  level: string;
  status: LesionStatus;
  rows: TimelineRow[];
  /** Labels of timepoints after the baseline where a lesion measured at baseline has no measurement ("+3 mo"). */
  notMeasuredAt: string[];
}

const withinVariability: Record<TimelineQuantity, (absolute: number, percent: number | null) => boolean> = {
  segmentedVolume: (_a, percent) => volumeChangeWithinVariability(percent),
  ellipsoidVolume: (_a, percent) => volumeChangeWithinVariability(percent),
  longestDiameter: (absolute) => diameterChangeWithinVariability(absolute),
};

function hasFinding(state: SpineLensState, lesionId: string, studyUid: string): boolean {
  const here = (x: { lesionId?: string; studyInstanceUid: string }) => x.lesionId === lesionId && x.studyInstanceUid === studyUid;
  return state.measurements.some(here) || state.segmentationSummaries.some(here);
}

/**
 * One lesion over the timepoints (in timepoint order): per quantity the value of the series that counts with
 * where it came from, the other series' values, and change from baseline and nadir between usable values only.
 */
export function lesionTimeline(state: SpineLensState, lesion: Lesion, timepoints: readonly Timepoint[], lookup?: SeriesLookup): LesionTimeline {
  const baselineIndex = timepoints.findIndex((t) => t.isBaseline);
  const choices = countedSeries(state, timepoints, lookup);
  const values = choices.map((choice) => countedValues(state, lesion.id, choice, lookup));
  const baselineModality = (q: TimelineQuantity): string | undefined => (baselineIndex < 0 ? undefined : values[baselineIndex]![q].counted?.provenance.modality);
  const exclusion = (q: TimelineQuantity, i: number): string | undefined => {
    const counted = values[i]![q].counted;
    if (!counted) return undefined;
    if (counted.excludedBecause) return counted.excludedBecause;
    const atBaseline = baselineModality(q);
    const modality = counted.provenance.modality;
    if (i > baselineIndex && baselineIndex >= 0 && atBaseline && modality && atBaseline !== modality) {
      return `measured on ${modality}, the baseline on ${atBaseline}: not compared`;
    }
    return undefined;
  };
  const usable = (q: TimelineQuantity, i: number): number | null => (exclusion(q, i) === undefined ? (values[i]![q].counted?.value ?? null) : null);

  const rows = timepoints.map((timepoint, i): TimelineRow => {
    const cells = Object.fromEntries(
      TIMELINE_QUANTITIES.map((q) => {
        const { counted, others, notComputed } = values[i]![q];
        const excludedBecause = exclusion(q, i);
        const shown = {
          value: counted?.value ?? null,
          provenance: counted?.provenance ?? null,
          others,
          ...(excludedBecause ? { excludedBecause } : {}),
          ...(counted?.uncalibrated ? { uncalibrated: true as const } : {}),
          ...(notComputed ? { notComputed } : {}),
        };
        if (baselineIndex < 0 || i <= baselineIndex) return [q, { ...shown, fromBaseline: null, fromNadir: null, nadir: null }];
        const value = usable(q, i);
        const baseline = usable(q, baselineIndex);
        const earlier = timepoints.slice(baselineIndex, i).map((_, k) => usable(q, baselineIndex + k)).filter((v): v is number => v !== null);
        const nadir = earlier.length > 0 ? Math.min(...earlier) : null;
        return [
          q,
          {
            ...shown,
            nadir,
            fromBaseline: value !== null && baseline !== null ? change(baseline, value, withinVariability[q]) : null,
            fromNadir: value !== null && nadir !== null ? change(nadir, value, withinVariability[q]) : null,
          },
        ];
      }),
    ) as Record<TimelineQuantity, TimelineCell>;
    return { timepoint, measured: hasFinding(state, lesion.id, timepoint.studyInstanceUid), series: choices[i]!, cells };
  });
  const measuredAtBaseline = baselineIndex >= 0 && rows[baselineIndex]!.measured;
  const notMeasuredAt =
    measuredAtBaseline && lesion.status !== 'resolved' ? rows.slice(baselineIndex + 1).filter((r) => !r.measured).map((r) => r.timepoint.label) : [];
  return { lesionId: lesion.id, name: lesion.name, level: lesion.level, status: lesion.status, rows, notMeasuredAt };
}

export interface TimelineChartData {
  /** Seconds since 1970 (UTC) of each dated timepoint, ascending. */
  x: number[];
  series: Record<TimelineQuantity, (number | null)[]>;
}

/** Chart columns for one lesion: dated timepoints only, values that are not excluded only. */
export function timelineChartData(timeline: LesionTimeline): TimelineChartData {
  const dated = timeline.rows.flatMap((row) => {
    const seconds = dicomDateSeconds(row.timepoint.date);
    return seconds === null ? [] : [{ seconds, row }];
  });
  return {
    x: dated.map((d) => d.seconds),
    series: Object.fromEntries(
      TIMELINE_QUANTITIES.map((q) => [q, dated.map((d) => (d.row.cells[q].excludedBecause ? null : d.row.cells[q].value))]),
    ) as TimelineChartData['series'],
  };
}

/** YYYYMMDD → seconds since 1970-01-01 UTC; null when not a valid date. */
export function dicomDateSeconds(date: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(date.trim());
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).getUTCDate() === Number(m[3]) ? ms / 1000 : null;
}

/** Segmented volumes feed the volumetric response when any lesion has one, else ellipsoid volumes. */
export function preferredVolumeSource(state: Pick<SpineLensState, 'segmentationSummaries'>): VolumeSource {
  return state.segmentationSummaries.length > 0 ? 'segmented' : 'ellipsoid';
}
