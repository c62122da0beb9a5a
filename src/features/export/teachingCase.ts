import { createDeidentifySession, deidentifyFile } from '../../deidentify';
import { caseFile, caseJson, deidentifyCase } from '../../export';
import { instanceBytes, loadedCase } from './adapters/loadedCase';
import { structuredReports } from './structuredReports';
import { zipArchive, type ZipEntry } from './zip/zipWriter';

export interface TeachingCaseResult {
  parts: Uint8Array<ArrayBuffer>[];
  written: number;
  leftOut: { fileName: string; reason: string; burnedIn: boolean }[];
}

const README = `SpineLens teaching case

The images were de-identified with the DICOM PS3.15 Basic Application Level Confidentiality Profile
(Annex E, Table E.1-1) and its Retain Longitudinal Temporal Information with Modified Dates Option:
names, IDs, institution and free text removed or emptied, private attributes removed, every UID
replaced consistently across files, every date moved by the same number of days (intervals between
studies are kept). Patient Identity Removed = YES; the method is recorded in each file.
Pixels are not changed: check the images for burned-in text before sharing.

case.json is the reading (lesions, labels, measurements, segmentation volumes) with the same UIDs and dates;
dicom/study*/sr/measurements.dcm is the same reading as a DICOM SR (TID 1500) per study.
Open the dicom folder and case.json together in SpineLens.
`;

/**
 * De-identifies every loaded file of the reading's patient with one session (one UID map, one date
 * shift) and zips them with the de-identified case file. Files whose pixels may carry burned-in text
 * are left out unless `includeBurnedIn`.
 */
export async function buildTeachingCase(includeBurnedIn: boolean, onProgress: (done: number, total: number) => void): Promise<TeachingCaseResult> {
  const { state, context, instances } = loadedCase();
  const session = createDeidentifySession();
  const entries: ZipEntry[] = [];
  const leftOut: TeachingCaseResult['leftOut'] = [];
  const studyIndex = new Map(context.studies.map((s, i) => [s.studyInstanceUid, i + 1]));
  const seriesIndex = new Map<string, number>();
  const counters = new Map<string, number>();
  let done = 0;
  for (const instance of instances) {
    onProgress(done++, instances.length);
    const bytes = await instanceBytes(instance);
    if (!bytes) {
      leftOut.push({ fileName: instance.fileName, reason: `${instance.fileName} is no longer held by the viewer, so it was left out.`, burnedIn: false });
      continue;
    }
    const result = deidentifyFile(instance.fileName, bytes, session, { includeBurnedIn });
    if (!result.ok) {
      leftOut.push({ fileName: instance.fileName, reason: result.reason, burnedIn: result.burnedIn !== undefined });
      continue;
    }
    // Folder and file names are ours: original names can carry UIDs or patient names.
    const seriesKey = `${instance.studyInstanceUid}|${instance.seriesInstanceUid}`;
    if (!seriesIndex.has(seriesKey)) seriesIndex.set(seriesKey, seriesIndex.size + 1);
    const count = (counters.get(seriesKey) ?? 0) + 1;
    counters.set(seriesKey, count);
    const folder = `dicom/study${studyIndex.get(instance.studyInstanceUid) ?? 0}/series${seriesIndex.get(seriesKey)}`;
    entries.push({ path: `${folder}/IM${String(count).padStart(4, '0')}.dcm`, bytes: new Uint8Array(result.bytes) });
  }
  onProgress(instances.length, instances.length);
  // The reports go through the same session: their study and frame UIDs match the images'.
  for (const report of structuredReports(state, context)) {
    const result = deidentifyFile(`report of study ${report.studyIndex}`, report.bytes, session, { includeBurnedIn: true });
    if (result.ok) entries.push({ path: `dicom/study${report.studyIndex}/sr/measurements.dcm`, bytes: new Uint8Array(result.bytes) });
  }
  const encoder = new TextEncoder();
  const teachingFile = deidentifyCase(caseFile(state, context, new Date(0)), session);
  entries.push({ path: 'case.json', bytes: encoder.encode(caseJson(teachingFile)) });
  entries.push({ path: 'README.txt', bytes: encoder.encode(README) });
  return { parts: zipArchive(entries), written: instances.length - leftOut.length, leftOut };
}
