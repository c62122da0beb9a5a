import { call, type DicomWebServer } from './clientCall';
import { DicomWebError } from './errors';
import { TAG, isDicomJsonDataset, numberOf, sequenceOf, stringOf, type DicomJsonDataset } from './dicomJson';
import { byDateDescending, studyQueryParams, studySummary, type StudySearch, type StudySummary } from './studySearch';

export type { DicomWebServer } from './clientCall';

export interface InstanceRef {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  instanceNumber: number | null;
  modality: string;
}

export interface StoreResult {
  stored: string[];
  failed: { sopInstanceUid: string; reason: string }[];
}

/** The stored bytes, whatever their transfer syntax: the pipeline reads every syntax itself. */
const AS_STORED = [{ mediaType: 'application/dicom', transferSyntaxUID: '*' }];

/** QIDO parameters as dicomweb-client takes them: one key each, repeated values joined by commas (PS3.18 8.3.4). */
function queryObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of new Set(params.keys())) out[key] = params.getAll(key).join(',');
  return out;
}

/** A QIDO answer as DICOM JSON datasets (a 204 No Content is an empty list; the library answers []). */
function datasetsOf(server: DicomWebServer, answer: unknown, what: string): DicomJsonDataset[] {
  if (answer === null || answer === undefined) {
    throw new DicomWebError('malformed', `${server.name} answered ${what} with something that is not DICOM JSON: is the address a DICOMweb root?`);
  }
  if (!Array.isArray(answer) || !answer.every(isDicomJsonDataset)) {
    throw new DicomWebError('malformed', `${server.name} answered ${what} with JSON that is not a list of DICOM datasets.`);
  }
  return answer;
}

/** QIDO-RS study search, newest first. */
export async function searchStudies(server: DicomWebServer, search: StudySearch): Promise<StudySummary[]> {
  const what = 'the study search';
  const { result } = await call(server, what, (client, request) => client.searchForStudies({ queryParams: queryObject(studyQueryParams(search)), request }));
  return datasetsOf(server, result, what)
    .map(studySummary)
    .filter((s): s is StudySummary => s !== null)
    .sort(byDateDescending);
}

/** QIDO-RS: every instance of a study. An unknown study is a plain "not found". */
export async function listInstances(server: DicomWebServer, studyInstanceUid: string): Promise<InstanceRef[]> {
  const what = `the images of study ${studyInstanceUid}`;
  const includefield = [TAG.seriesInstanceUid, TAG.instanceNumber, TAG.modality].join(',');
  const { result } = await call(server, what, (client, request) =>
    client.searchForInstances({ studyInstanceUID: encodeURIComponent(studyInstanceUid), queryParams: { includefield }, request }),
  );
  const refs = datasetsOf(server, result, what).map((d) => ({
    studyInstanceUid,
    seriesInstanceUid: stringOf(d, TAG.seriesInstanceUid),
    sopInstanceUid: stringOf(d, TAG.sopInstanceUid),
    instanceNumber: numberOf(d, TAG.instanceNumber),
    modality: stringOf(d, TAG.modality),
  }));
  if (refs.some((r) => !r.seriesInstanceUid || !r.sopInstanceUid)) {
    throw new DicomWebError('malformed', `${server.name} listed images of study ${studyInstanceUid} without their series or instance UIDs.`);
  }
  if (refs.length === 0) throw new DicomWebError('notFound', `${server.name} has no study ${studyInstanceUid} (it may have been deleted or moved).`);
  return refs;
}

/** WADO-RS: one instance as its Part 10 file, in the transfer syntax the server stored it in. */
export async function retrieveInstance(server: DicomWebServer, ref: InstanceRef): Promise<ArrayBuffer> {
  const what = `image ${ref.sopInstanceUid}`;
  const path = ['studies', ref.studyInstanceUid, 'series', ref.seriesInstanceUid, 'instances', ref.sopInstanceUid].map(encodeURIComponent).join('/');
  const { result, request } = await call(server, what, (client, request) => client._httpGetMultipartApplicationDicom(`${client.wadoURL}/${path}`, AS_STORED, false, request));
  // Without a multipart answer the library hands back the whole body as if it were the file.
  const multipart = /^multipart\/related/i.test(request.getResponseHeader('Content-Type') ?? '');
  const file = result[0];
  if (!multipart || !(file instanceof ArrayBuffer) || file.byteLength === 0) {
    throw new DicomWebError('malformed', `${server.name} sent ${what} in a form that is not multipart DICOM.`);
  }
  return file;
}

/** STOW-RS: stores Part 10 files (an SR, a SEG...) on the server, each reported stored or failed with the reason. */
export async function storeInstances(server: DicomWebServer, files: readonly ArrayBuffer[]): Promise<StoreResult> {
  const what = `storing ${files.length} object${files.length === 1 ? '' : 's'}`;
  const { result } = await call(server, what, (client, request) => client.storeInstances({ datasets: [...files], request }), { accept: 'application/dicom+json' });
  let answer: unknown = {};
  try {
    if (typeof result === 'string' && result.trim()) answer = JSON.parse(result);
  } catch {
    throw new DicomWebError('malformed', `${server.name} stored the objects but its answer could not be read.`);
  }
  const dataset = Array.isArray(answer) ? answer[0] : answer;
  if (!isDicomJsonDataset(dataset)) throw new DicomWebError('malformed', `${server.name} answered ${what} with JSON that is not a DICOM dataset.`);
  return {
    stored: sequenceOf(dataset, TAG.referencedSopSequence).map((item) => stringOf(item, TAG.referencedSopInstanceUid)),
    failed: sequenceOf(dataset, TAG.failedSopSequence).map((item) => ({
      sopInstanceUid: stringOf(item, TAG.referencedSopInstanceUid),
      reason: `failure code ${numberOf(item, TAG.failureReason) ?? 'not given'}`,
    })),
  };
}
