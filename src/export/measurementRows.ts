import { assignLevel, lesionSummary, timepointsFromStudies, type SpineLensState } from '../lesions';
import { UNCALIBRATED_PX, bidirectionalAxes, lengthMm, measurementCentre, mm3ToMl, type Measurement } from '../measure';
import type { CaseContext } from './caseContext';

/** One measured quantity: the rows of the CSV, the lesion table of the report. */
export interface MeasurementRow {
  patient: string;
  studyDate: string;
  timepoint: string;
  lesion: string;
  level: string;
  kind: string;
  value: number;
  unit: string;
  series: string;
  measurementId: string;
}

const UNCALIBRATED_PX2 = 'px2 (uncalibrated)';
const DECIMALS: Record<string, number> = { mm: 1, mm2: 1, HU: 1, mL: 2, '': 1, [UNCALIBRATED_PX]: 1, [UNCALIBRATED_PX2]: 1 };

/** Rounds to what the unit is measured to (0.1 mm, 0.01 mL): the CSV never shows more than the screen. */
export const roundForUnit = (value: number, unit: string): number => {
  const factor = 10 ** (DECIMALS[unit] ?? 2);
  return Math.round(value * factor) / factor;
};

/** On a series without a valid Pixel Spacing, lengths are px and areas px²: said so in the unit, never mm. */
function quantities(m: Measurement): { kind: string; value: number; unit: string }[] {
  const found = calibratedQuantities(m);
  if (m.uncalibrated !== true) return found;
  return found.map((q) => (q.unit === 'mm' ? { ...q, unit: UNCALIBRATED_PX } : q.unit === 'mm2' ? { ...q, unit: UNCALIBRATED_PX2 } : q));
}

function calibratedQuantities(m: Measurement): { kind: string; value: number; unit: string }[] {
  switch (m.kind) {
    case 'length':
      return [{ kind: m.axis ? `length (${m.axis})` : 'length', value: lengthMm(m.points[0], m.points[1]), unit: 'mm' }];
    case 'bidirectional': {
      const axes = bidirectionalAxes(m);
      const long = { kind: 'long axis', value: axes.longMm, unit: 'mm' };
      return m.shortAxisSet === false ? [long] : [long, { kind: 'short axis', value: axes.shortMm, unit: 'mm' }];
    }
    case 'ellipse':
    case 'freehand':
      return [
        { kind: `${m.kind} area`, value: m.stats.areaMm2, unit: 'mm2' },
        { kind: `${m.kind} mean`, value: m.stats.mean, unit: m.stats.unit },
      ];
    case 'probe':
      return [{ kind: 'probe', value: m.value, unit: m.unit }];
    case 'arrow':
      return [];
  }
}

/**
 * Every measured value of the case, ordered by timepoint then lesion, with the lesion-level volumes
 * (ellipsoid from the diameters, segmented from the voxels) as their own rows.
 */
export function measurementRows(state: SpineLensState, context: CaseContext): MeasurementRow[] {
  const timepoints = timepointsFromStudies(
    context.studies.map((s) => ({ studyInstanceUid: s.studyInstanceUid, date: s.date, time: s.time })),
    state.baselineStudyUid,
  );
  const seriesName = (studyUid: string, seriesKey: string): string => {
    const series = context.studies.find((s) => s.studyInstanceUid === studyUid)?.series.find((s) => s.seriesKey === seriesKey);
    return series ? `${series.modality} ${series.description}`.trim() : seriesKey;
  };
  const lesionOf = (id?: string) => state.lesions.find((l) => l.id === id);
  const levelOf = (m: Measurement): string => {
    if (m.level) return m.level;
    const labels = state.labels.filter((l) => l.studyInstanceUid === m.studyInstanceUid);
    return assignLevel(measurementCentre(m), labels, m.frameOfReferenceUid)?.level ?? lesionOf(m.lesionId)?.level ?? '';
  };
  const rows: MeasurementRow[] = [];
  for (const timepoint of timepoints) {
    const base = { patient: context.patientName, studyDate: timepoint.date, timepoint: timepoint.label };
    const measurements = state.measurements.filter((m) => m.studyInstanceUid === timepoint.studyInstanceUid);
    for (const m of measurements) {
      for (const q of quantities(m)) {
        rows.push({
          ...base,
          lesion: lesionOf(m.lesionId)?.name ?? '',
          level: levelOf(m),
          kind: q.kind,
          value: roundForUnit(q.value, q.unit),
          unit: q.unit,
          series: seriesName(m.studyInstanceUid, m.seriesKey),
          measurementId: m.id,
        });
      }
    }
    for (const lesion of state.lesions) {
      const summary = lesionSummary(state, lesion.id, timepoint.studyInstanceUid);
      const lesionBase = { ...base, lesion: lesion.name, level: lesion.level, unit: 'mL', measurementId: '' };
      if (summary.ellipsoidVolumeMl !== null) {
        rows.push({ ...lesionBase, kind: 'ellipsoid volume', value: roundForUnit(summary.ellipsoidVolumeMl, 'mL'), series: '' });
      }
      for (const seg of state.segmentationSummaries.filter((s) => s.lesionId === lesion.id && s.studyInstanceUid === timepoint.studyInstanceUid)) {
        rows.push({
          ...lesionBase,
          kind: 'segmented volume',
          value: roundForUnit(mm3ToMl(seg.volumeMm3), 'mL'),
          series: seriesName(seg.studyInstanceUid, seg.seriesKey),
        });
      }
    }
  }
  return rows;
}
