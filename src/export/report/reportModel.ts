import { lesionSummary, timepointsFromStudies, type SpineLensState } from '../../lesions';
import { patientResponse, preferredVolumeSource } from '../../response';
import type { CaseContext } from '../caseContext';

export interface ReportLesionRow {
  timepoint: string;
  date: string;
  longestDiameterMm: number | null;
  ellipsoidVolumeMl: number | null;
  segmentedVolumeMl: number | null;
  /** Longest length measured on a series without a valid Pixel Spacing, in px: never a diameter in mm. */
  uncalibratedLongestPx: number | null;
}

export interface ReportLesion {
  name: string;
  level: string;
  rows: ReportLesionRow[];
}

export interface ReportResponseLine {
  timepoint: string;
  category: string;
  rule: string;
}

/** What the tumour-board page shows, as plain data (the page only lays it out). */
export interface TumourBoardReport {
  patientName: string;
  patientId: string;
  studies: { date: string; timepoint: string; description: string }[];
  lesions: ReportLesion[];
  recist: ReportResponseLine[];
  volumetric: ReportResponseLine[];
  volumeSource: 'segmented' | 'ellipsoid';
}

export function tumourBoardReport(state: SpineLensState, context: CaseContext): TumourBoardReport {
  const timepoints = timepointsFromStudies(
    context.studies.map((s) => ({ studyInstanceUid: s.studyInstanceUid, date: s.date, time: s.time })),
    state.baselineStudyUid,
  );
  const labelOf = new Map(timepoints.map((t) => [t.studyInstanceUid, t.label]));
  const volumeSource = preferredVolumeSource(state);
  const response = patientResponse(state, timepoints, { volumeSource });
  const lines = (results: typeof response.recist): ReportResponseLine[] =>
    results.map((r) => {
      const category = r.category === 'baseline' ? 'Baseline' : r.category;
      return { timepoint: labelOf.get(r.studyInstanceUid) ?? '', category, rule: readableRule(r.rule, category, context) };
    });
  return {
    patientName: context.patientName,
    patientId: context.patientId,
    studies: timepoints.map((t) => ({ date: t.date, timepoint: t.label, description: context.studies.find((s) => s.studyInstanceUid === t.studyInstanceUid)?.description ?? '' })),
    lesions: state.lesions.map((lesion) => ({
      name: lesion.name,
      level: lesion.level,
      rows: timepoints.map((t) => {
        const summary = lesionSummary(state, lesion.id, t.studyInstanceUid);
        return {
          timepoint: t.label,
          date: t.date,
          longestDiameterMm: summary.longestDiameter?.mm ?? null,
          ellipsoidVolumeMl: summary.ellipsoidVolumeMl,
          segmentedVolumeMl: summary.segmentedVolumeMl,
          uncalibratedLongestPx: summary.uncalibrated?.longestPx?.px ?? null,
        };
      }),
    })),
    recist: lines(response.recist),
    volumetric: lines(response.volumetric),
    volumeSource,
  };
}

/**
 * A rule as a tumour board reads it: without the category it repeats (the page shows it before the rule) and with
 * each series named by its modality and description rather than its UID.
 */
function readableRule(rule: string, category: string, context: CaseContext): string {
  let text = rule.startsWith(`${category}: `) ? rule.slice(category.length + 2) : rule;
  const series = context.studies.flatMap((s) => s.series).sort((a, b) => b.seriesKey.length - a.seriesKey.length);
  for (const s of series) {
    const name = [s.modality, s.description].filter(Boolean).join(' ') || 'the series';
    for (const id of [s.seriesKey, s.seriesInstanceUid]) if (id) text = text.split(id).join(name);
  }
  return text;
}

/** A polyline of one lesion's values for an SVG chart of the given size (null values break nothing: they are skipped). */
export function chartPoints(values: readonly (number | null)[], width: number, height: number, margin = 8): { x: number; y: number; value: number; index: number }[] {
  const present = values.map((v, i) => ({ v, i })).filter((p): p is { v: number; i: number } => p.v !== null);
  if (present.length === 0) return [];
  const max = Math.max(...present.map((p) => p.v), 0) || 1;
  const step = values.length > 1 ? (width - 2 * margin) / (values.length - 1) : 0;
  return present.map(({ v, i }) => ({ x: margin + i * step, y: height - margin - (v / max) * (height - 2 * margin), value: v, index: i }));
}
