import { api } from 'dicomweb-client';
import { DicomWebError, statusError } from './errors';

/** A DICOMweb server as the reader names it. url: the DICOMweb root, absolute or on this page's origin ("/pacs"). */
export interface DicomWebServer {
  name: string;
  url: string;
  /** An Authorization header value; in the browser a proxy adds it instead, so the page never holds a password. */
  authorization?: string;
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** What dicomweb-client's calls take as `request`: we always give the XMLHttpRequest, so we can watch and abort it. */
export interface CallRequest {
  instance: XMLHttpRequest;
}

/**
 * The dicomweb-client calls we use, as they behave (its declarations, generated from JSDoc, say the searches return
 * arrays rather than promises and know no `request` option).
 */
export interface DicomWebCalls {
  searchForStudies(options: { queryParams: Record<string, string>; request: CallRequest }): Promise<unknown>;
  searchForInstances(options: { studyInstanceUID: string; queryParams: Record<string, string>; request: CallRequest }): Promise<unknown>;
  /**
   * What retrieveInstance sends for application/dicom. retrieveInstance itself (0.11.3) refuses every media type it is
   * given (it compares the type "application/" with "application/dicom"), so "transfer-syntax=*" cannot pass through it.
   */
  _httpGetMultipartApplicationDicom(url: string, mediaTypes: { mediaType: string; transferSyntaxUID?: string }[], params: false, request: CallRequest): Promise<unknown[]>;
  wadoURL: string;
  storeInstances(options: { datasets: ArrayBuffer[]; request: CallRequest }): Promise<unknown>;
}

/** dicomweb-client rejects a failed HTTP answer with an Error carrying the status (0: no answer at all). */
function httpStatusOf(error: unknown): number | null {
  return error instanceof Error && 'status' in error && typeof error.status === 'number' ? error.status : null;
}

function validRoot(server: DicomWebServer): string {
  const root = server.url.trim().replace(/\/+$/, '');
  try {
    // Relative roots ("/pacs") are on this page's origin; outside a page only absolute ones make sense.
    new URL(root, globalThis.location?.href);
  } catch {
    throw new DicomWebError('unreachable', `"${server.url}" is not a valid server address.`);
  }
  return root;
}

export interface CallOptions {
  /** An Accept header the library does not set itself (STOW-RS answers). */
  accept?: string;
}

/**
 * Runs one dicomweb-client request with our timeout and turns every failure into a plain DicomWebError naming the server
 * and what was asked. `inspect` sees the finished request (e.g. its Content-Type) before the result is used.
 */
export function call<T>(
  server: DicomWebServer,
  what: string,
  run: (client: DicomWebCalls, request: CallRequest) => Promise<T>,
  options: CallOptions = {},
): Promise<{ result: T; request: XMLHttpRequest }> {
  let root: string;
  try {
    root = validRoot(server);
  } catch (error) {
    return Promise.reject(error);
  }
  const timeoutMs = server.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const accept = options.accept;
  const client = new api.DICOMwebClient({
    url: root,
    headers: server.authorization ? { Authorization: server.authorization } : {},
    verbose: false,
    singlepart: false,
    // A hook must take exactly (request, metadata): the library checks the arity.
    ...(accept ? { requestHooks: [(request: XMLHttpRequest, _metadata: unknown) => (request.setRequestHeader('Accept', accept), request)] } : {}),
  }) as unknown as DicomWebCalls;
  const xhr = new XMLHttpRequest();
  return new Promise((resolve, reject) => {
    let settled = false;
    let timedOut = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      finish(() => reject(new DicomWebError('timeout', `${server.name} did not answer within ${+(timeoutMs / 1000).toFixed(1)} s for ${what}.`)));
      xhr.abort();
    }, timeoutMs);
    // The library decodes a multipart answer inside its own event handler: an answer it cannot decode throws there and its
    // promise never settles. The request has ended by 'loadend', after the library's promise had its chance to settle.
    xhr.addEventListener('loadend', () => {
      setTimeout(() => finish(() => reject(new DicomWebError('malformed', `${server.name} sent ${what} in a form that is not DICOMweb (an undecodable answer).`))), 0);
    });
    let started: Promise<T>;
    try {
      started = run(client, { instance: xhr });
    } catch (error) {
      finish(() => reject(failure(server, what, error, false)));
      return;
    }
    started.then(
      (result) => finish(() => resolve({ result, request: xhr })),
      (error: unknown) => finish(() => reject(failure(server, what, error, timedOut))),
    );
  });
}

function failure(server: DicomWebServer, what: string, error: unknown, timedOut: boolean): DicomWebError {
  if (error instanceof DicomWebError) return error;
  if (timedOut) return new DicomWebError('timeout', `${server.name} did not answer within the time allowed for ${what}.`);
  const status = httpStatusOf(error);
  if (status === 0) return new DicomWebError('unreachable', `${server.name} could not be reached for ${what}: check the address and that the server is running.`);
  if (status !== null) return statusError(status, what, server.name);
  if (error instanceof DOMException && error.name === 'SyntaxError') return new DicomWebError('unreachable', `"${server.url}" is not a valid server address.`);
  return new DicomWebError('malformed', `${server.name} answered ${what} in a form that could not be read.`);
}
