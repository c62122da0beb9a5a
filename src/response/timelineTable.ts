import type { Lesion, LesionStatus } from '../lesions/lesion';
import { lesionSummary } from '../lesions/lesionSummary';
import type { SpineLensState } from '../lesions/state';
import type { Timepoint } from '../lesions/timepoints';
import { change, type Change } from './change';
import { diameterChangeWithinVariability, volumeChangeWithinVariability } from './variability';
import type { VolumeSource } from './fromState';

/** What the timeline charts and tabulates for each lesion. */
export const TIMELINE_QUANTITIES = ['segmentedVolume', 'ellipsoidVolume', 'longestDiameter'] as const;
export type TimelineQuantity = (typeof TIMELINE_QUANTITIES)[number];

export const QUANTITY_UNIT: Record<TimelineQuantity, 'mL' | 'mm'> = { segmentedVolume: 'mL', ellipsoidVolume: 'mL', longestDiameter: 'mm' };
export const QUANTITY_LABEL: Record<TimelineQuantity, string> = {
  segmentedVolume: 'Segmented volume',
  ellipsoidVolume: 'Ellipsoid volume',
  longestDiameter: 'Longest diameter',
};

export interface TimelineCell {
  value: number | null;
  /** Null at the baseline, before it, or when either value is missing. */
  fromBaseline: Change | null;
  /** From the smallest value between the baseline and the previous timepoint (baseline included). */
  fromNadir: Change | null;
  nadir: number | null;
}

export interface TimelineRow {
  timepoint: Timepoint;
  /** The lesion has a measurement or a segmentation in this study. */
  measured: boolean;
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

function valuesAt(state: SpineLensState, lesionId: string, studyUid: string): Record<TimelineQuantity, number | null> {
  const summary = lesionSummary(state, lesionId, studyUid);
  return {
    segmentedVolume: summary.segmentedVolumeMl,
    ellipsoidVolume: summary.ellipsoidVolumeMl,
    longestDiameter: summary.longestDiameter?.mm ?? null,
  };
}

function hasFinding(state: SpineLensState, lesionId: string, studyUid: string): boolean {
  const here = (x: { lesionId?: string; studyInstanceUid: string }) => x.lesionId === lesionId && x.studyInstanceUid === studyUid;
  return state.measurements.some(here) || state.segmentationSummaries.some(here);
}

/** One lesion over the timepoints (in timepoint order) with change from baseline and from nadir per quantity. */
export function lesionTimeline(state: SpineLensState, lesion: Lesion, timepoints: readonly Timepoint[]): LesionTimeline {
  const baselineIndex = timepoints.findIndex((t) => t.isBaseline);
  const values = timepoints.map((t) => valuesAt(state, lesion.id, t.studyInstanceUid));
  const rows = timepoints.map((timepoint, i): TimelineRow => {
    const cells = Object.fromEntries(
      TIMELINE_QUANTITIES.map((q) => {
        const value = values[i]![q];
        if (baselineIndex < 0 || i <= baselineIndex) return [q, { value, fromBaseline: null, fromNadir: null, nadir: null }];
        const baseline = values[baselineIndex]![q];
        const earlier = values.slice(baselineIndex, i).map((v) => v[q]).filter((v): v is number => v !== null);
        const nadir = earlier.length > 0 ? Math.min(...earlier) : null;
        return [
          q,
          {
            value,
            nadir,
            fromBaseline: value !== null && baseline !== null ? change(baseline, value, withinVariability[q]) : null,
            fromNadir: value !== null && nadir !== null ? change(nadir, value, withinVariability[q]) : null,
          },
        ];
      }),
    ) as Record<TimelineQuantity, TimelineCell>;
    return { timepoint, measured: hasFinding(state, lesion.id, timepoint.studyInstanceUid), cells };
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

/** Chart columns for one lesion: dated timepoints only. */
export function timelineChartData(timeline: LesionTimeline): TimelineChartData {
  const dated = timeline.rows.flatMap((row) => {
    const seconds = dicomDateSeconds(row.timepoint.date);
    return seconds === null ? [] : [{ seconds, row }];
  });
  return {
    x: dated.map((d) => d.seconds),
    series: Object.fromEntries(TIMELINE_QUANTITIES.map((q) => [q, dated.map((d) => d.row.cells[q].value)])) as TimelineChartData['series'],
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
