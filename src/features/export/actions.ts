import { caseFile, caseJson, measurementRows, measurementsCsv } from '../../export';
import { loadedCase } from './adapters/loadedCase';
import { download, todayStamp } from './download';
import { segmentationObjects } from './segmentations';
import { structuredReports } from './structuredReports';
import { buildTeachingCase, type TeachingCaseResult } from './teachingCase';
import { zipArchive } from './zip/zipWriter';

export function exportMeasurementsCsv(): number {
  const { state, context } = loadedCase();
  const rows = measurementRows(state, context);
  download(`spinelens-measurements-${todayStamp()}.csv`, [measurementsCsv(rows)], 'text/csv;charset=utf-8');
  return rows.length;
}

export function exportCaseJson(): void {
  const { state, context } = loadedCase();
  download(`spinelens-case-${todayStamp()}.json`, [caseJson(caseFile(state, context, new Date()))], 'application/json');
}

export async function exportTeachingCase(includeBurnedIn: boolean, onProgress: (done: number, total: number) => void): Promise<Omit<TeachingCaseResult, 'parts'>> {
  const { parts, written, leftOut } = await buildTeachingCase(includeBurnedIn, onProgress);
  if (written > 0) download(`spinelens-teaching-case-${todayStamp()}.zip`, parts, 'application/zip');
  return { written, leftOut };
}

/** The reading as DICOM: one TID 1500 SR per study and one SEG per segmented series, zipped; returns how many of each. */
export async function exportStructuredReports(): Promise<{ reports: number; segmentations: number; problems: string[] }> {
  const { state, context } = loadedCase();
  const reports = structuredReports(state, context);
  const problems: string[] = [];
  const segmentations = await segmentationObjects(state, context, problems);
  if (reports.length + segmentations.length === 0) return { reports: 0, segmentations: 0, problems };
  const entries = [
    ...reports.map((r) => ({ path: `study${r.studyIndex}-measurements-sr.dcm`, bytes: new Uint8Array(r.bytes) })),
    ...segmentations.map((s) => ({ path: `study${s.studyIndex}-segmentation${s.seriesIndex}-seg.dcm`, bytes: new Uint8Array(s.bytes) })),
  ];
  download(`spinelens-sr-${todayStamp()}.zip`, zipArchive(entries), 'application/zip');
  return { reports: reports.length, segmentations: segmentations.length, problems };
}
