import { caseFile, caseJson, measurementRows, measurementsCsv } from '../../export';
import { loadedCase } from './adapters/loadedCase';
import { download, todayStamp } from './download';
import { buildTeachingCase, type TeachingCaseResult } from './teachingCase';

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
