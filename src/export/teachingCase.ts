import { deidentifyFile, type DeidentifySession } from '../deidentify';
import { caseJson, type CaseFile } from './caseJson';
import { deidentifyCase } from './deidentifiedCase';

/** A loaded image file of the case; `read` gives null when the viewer no longer holds its bytes. */
export interface TeachingImage {
  fileName: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  read(): Promise<ArrayBuffer | null>;
}

/** A DICOM object SpineLens wrote into a study (an SR, a SEG), with the study's place in the case (1-based). */
export interface TeachingDerivedObject {
  studyIndex: number;
  bytes: ArrayBuffer;
}

export interface TeachingCaseInput {
  images: readonly TeachingImage[];
  reports: readonly TeachingDerivedObject[];
  segmentations: readonly TeachingDerivedObject[];
  /** The reading as a case file, with the studies in the order their folders are numbered. */
  caseFile: CaseFile;
}

export interface TeachingCaseEntries {
  entries: { path: string; bytes: Uint8Array<ArrayBuffer> }[];
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
dicom/study*/sr/measurements.dcm is the same reading as a DICOM SR (TID 1500) per study, and
dicom/study*/seg/segmentation*.dcm each segmented series as a DICOM SEG (a segment per lesion) whose frames
refer to the de-identified images beside it.
Open the dicom folder and case.json together in SpineLens.
`;

const bytesOf = (buffer: ArrayBuffer) => new Uint8Array(buffer);

/**
 * The teaching zip's files: every image de-identified with one session (one UID map, one date shift), then the SR
 * and SEG through the same session, so their study, series, frame of reference and referenced image UIDs are the
 * images' new ones; the case file likewise. Files whose pixels may carry burned-in text are left out unless
 * `includeBurnedIn`. Folder and file names are ours: original names can carry UIDs or patient names.
 */
export async function teachingCaseEntries(
  input: TeachingCaseInput,
  session: DeidentifySession,
  includeBurnedIn: boolean,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<TeachingCaseEntries> {
  const entries: TeachingCaseEntries['entries'] = [];
  const leftOut: TeachingCaseEntries['leftOut'] = [];
  const studyIndex = new Map(input.caseFile.context.studies.map((s, i) => [s.studyInstanceUid, i + 1]));
  const seriesIndex = new Map<string, number>();
  const counters = new Map<string, number>();
  let done = 0;
  let written = 0;
  for (const image of input.images) {
    onProgress(done++, input.images.length);
    const bytes = await image.read();
    if (!bytes) {
      leftOut.push({ fileName: image.fileName, reason: `${image.fileName} is no longer held by the viewer, so it was left out.`, burnedIn: false });
      continue;
    }
    const result = deidentifyFile(image.fileName, bytes, session, { includeBurnedIn });
    if (!result.ok) {
      leftOut.push({ fileName: image.fileName, reason: result.reason, burnedIn: result.burnedIn !== undefined });
      continue;
    }
    const seriesKey = `${image.studyInstanceUid}|${image.seriesInstanceUid}`;
    if (!seriesIndex.has(seriesKey)) seriesIndex.set(seriesKey, seriesIndex.size + 1);
    const count = (counters.get(seriesKey) ?? 0) + 1;
    counters.set(seriesKey, count);
    const folder = `dicom/study${studyIndex.get(image.studyInstanceUid) ?? 0}/series${seriesIndex.get(seriesKey)}`;
    entries.push({ path: `${folder}/IM${String(count).padStart(4, '0')}.dcm`, bytes: bytesOf(result.bytes) });
    written++;
  }
  onProgress(input.images.length, input.images.length);
  for (const report of input.reports) {
    const result = deidentifyFile(`report of study ${report.studyIndex}`, report.bytes, session, { includeBurnedIn: true });
    if (result.ok) entries.push({ path: `dicom/study${report.studyIndex}/sr/measurements.dcm`, bytes: bytesOf(result.bytes) });
    else leftOut.push({ fileName: result.name, reason: result.reason, burnedIn: false });
  }
  const segCount = new Map<number, number>();
  for (const seg of input.segmentations) {
    const n = (segCount.get(seg.studyIndex) ?? 0) + 1;
    segCount.set(seg.studyIndex, n);
    const result = deidentifyFile(`segmentation ${n} of study ${seg.studyIndex}`, seg.bytes, session, { includeBurnedIn: true });
    if (result.ok) entries.push({ path: `dicom/study${seg.studyIndex}/seg/segmentation${n}.dcm`, bytes: bytesOf(result.bytes) });
    else leftOut.push({ fileName: result.name, reason: result.reason, burnedIn: false });
  }
  const encoder = new TextEncoder();
  entries.push({ path: 'case.json', bytes: encoder.encode(caseJson(deidentifyCase(input.caseFile, session))) });
  entries.push({ path: 'README.txt', bytes: encoder.encode(README) });
  return { entries, written, leftOut };
}
