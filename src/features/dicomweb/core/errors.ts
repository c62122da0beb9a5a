/** What went wrong talking to a DICOMweb server, in words a reader can act on. */
export type DicomWebProblem = 'unreachable' | 'unauthorized' | 'forbidden' | 'notFound' | 'timeout' | 'malformed' | 'refused' | 'server';

export class DicomWebError extends Error {
  override readonly name = 'DicomWebError';
  constructor(
    readonly problem: DicomWebProblem,
    message: string,
  ) {
    super(message);
  }
}

/** The plain message for an HTTP status that is not a success. */
export function statusError(status: number, what: string, server: string): DicomWebError {
  if (status === 401) return new DicomWebError('unauthorized', `${server} asks for a login (HTTP 401) for ${what}: the proxy's credentials are missing or wrong.`);
  if (status === 403) return new DicomWebError('forbidden', `${server} refused access (HTTP 403) to ${what}: this user may not read or store there.`);
  if (status === 404) return new DicomWebError('notFound', `${server} has no ${what} (HTTP 404): check the address and that it is a DICOMweb root.`);
  if (status === 408 || status === 504) return new DicomWebError('timeout', `${server} took too long to answer for ${what} (HTTP ${status}).`);
  if (status === 502 || status === 503) return new DicomWebError('unreachable', `${server} could not be reached through the proxy (HTTP ${status}) for ${what}.`);
  if (status === 409 || status === 400) return new DicomWebError('refused', `${server} refused ${what} (HTTP ${status}).`);
  return new DicomWebError('server', `${server} failed on ${what} (HTTP ${status}).`);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
