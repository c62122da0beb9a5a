import { DicomWebError, errorMessage, statusError } from './errors';
import { TAG, isDicomJsonDataset, numberOf, sequenceOf, stringOf, type DicomJsonDataset } from './dicomJson';
import { boundaryOf, joinMultipart, splitMultipart } from './multipart';
import { byDateDescending, studyQueryParams, studySummary, type StudySearch, type StudySummary } from './studySearch';

/** A DICOMweb server as the reader names it. url: the DICOMweb root, absolute or on this page's origin ("/pacs"). */
export interface DicomWebServer {
  name: string;
  url: string;
  /** An Authorization header value; in the browser a proxy adds it instead, so the page never holds a password. */
  authorization?: string;
  timeoutMs?: number;
}

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

const DEFAULT_TIMEOUT_MS = 30_000;
const DICOM_ACCEPT = 'multipart/related; type="application/dicom"; transfer-syntax=*';

function joinUrl(root: string, path: string): string {
  return `${root.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

async function request(server: DicomWebServer, path: string, what: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (server.authorization) headers.set('Authorization', server.authorization);
  const timeoutMs = server.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let response: Response;
  try {
    response = await fetch(joinUrl(server.url, path), { ...init, headers, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      throw new DicomWebError('timeout', `${server.name} did not answer within ${+(timeoutMs / 1000).toFixed(1)} s for ${what}.`);
    }
    if (error instanceof TypeError && /invalid url|failed to parse url/i.test(errorMessage(error) + errorMessage(error.cause))) {
      throw new DicomWebError('unreachable', `"${server.url}" is not a valid server address.`);
    }
    throw new DicomWebError('unreachable', `${server.name} could not be reached for ${what}: check the address and that the server is running.`);
  }
  if (!response.ok) throw statusError(response.status, what, server.name);
  return response;
}

async function readJsonArray(server: DicomWebServer, response: Response, what: string): Promise<DicomJsonDataset[]> {
  // QIDO-RS answers 204 No Content when nothing matches.
  const text = response.status === 204 ? '' : await response.text();
  if (text.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DicomWebError('malformed', `${server.name} answered ${what} with something that is not DICOM JSON: is the address a DICOMweb root?`);
  }
  if (!Array.isArray(parsed) || !parsed.every(isDicomJsonDataset)) {
    throw new DicomWebError('malformed', `${server.name} answered ${what} with JSON that is not a list of DICOM datasets.`);
  }
  return parsed;
}

/** QIDO-RS study search, newest first. */
export async function searchStudies(server: DicomWebServer, search: StudySearch): Promise<StudySummary[]> {
  const what = 'the study search';
  const response = await request(server, `studies?${studyQueryParams(search).toString()}`, what, { headers: { Accept: 'application/dicom+json' } });
  const datasets = await readJsonArray(server, response, what);
  return datasets.map(studySummary).filter((s): s is StudySummary => s !== null).sort(byDateDescending);
}

/** QIDO-RS: every instance of a study. An unknown study is a plain "not found". */
export async function listInstances(server: DicomWebServer, studyInstanceUid: string): Promise<InstanceRef[]> {
  const what = `the images of study ${studyInstanceUid}`;
  const params = new URLSearchParams();
  for (const tag of [TAG.seriesInstanceUid, TAG.instanceNumber, TAG.modality]) params.append('includefield', tag);
  const response = await request(server, `studies/${encodeURIComponent(studyInstanceUid)}/instances?${params.toString()}`, what, {
    headers: { Accept: 'application/dicom+json' },
  });
  const refs = (await readJsonArray(server, response, what)).map((d) => ({
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
  const response = await request(server, path, what, { headers: { Accept: DICOM_ACCEPT } });
  const body = new Uint8Array(await readBody(server, response, what));
  const boundary = boundaryOf(response.headers.get('Content-Type') ?? '');
  const parts = boundary ? splitMultipart(body, boundary) : null;
  const part = parts?.[0];
  if (!part) throw new DicomWebError('malformed', `${server.name} sent ${what} in a form that is not multipart DICOM.`);
  const file = new Uint8Array(part.byteLength);
  file.set(part);
  return file.buffer;
}

async function readBody(server: DicomWebServer, response: Response, what: string): Promise<ArrayBuffer> {
  try {
    return await response.arrayBuffer();
  } catch {
    throw new DicomWebError('unreachable', `${server.name} stopped sending ${what} part-way.`);
  }
}

function randomBoundary(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `spinelens-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** STOW-RS: stores Part 10 files (an SR, a SEG...) on the server, each reported stored or failed with the reason. */
export async function storeInstances(server: DicomWebServer, files: readonly ArrayBuffer[]): Promise<StoreResult> {
  const what = `storing ${files.length} object${files.length === 1 ? '' : 's'}`;
  const boundary = randomBoundary();
  const response = await request(server, 'studies', what, {
    method: 'POST',
    headers: { 'Content-Type': `multipart/related; type="application/dicom"; boundary=${boundary}`, Accept: 'application/dicom+json' },
    body: joinMultipart(files, boundary),
  });
  const text = await response.text();
  let answer: unknown = {};
  try {
    if (text.trim()) answer = JSON.parse(text);
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
