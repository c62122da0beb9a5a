/**
 * Every reason a file is refused or skipped starts with one of these phrases, so a reason is
 * always ours in plain language; a library's own message goes to a details line at most.
 */
export const REASON_CATALOGUE = [
  'empty file',
  'not DICOM',
  'truncated',
  'damaged',
  'too large to read',
  'unsupported transfer syntax',
  'transfer syntax does not match the data',
  'missing Rows/Columns',
  'missing Bits Allocated',
  'implausible pixel attributes',
  'too many frames',
  'image too large',
  'pixel data too short',
  'compressed Pixel Data',
  'frames missing',
  'no Pixel Data',
  'not shown as an image',
  'DICOMDIR index file',
  'file meta has no Transfer Syntax UID',
  'could not be read',
  'Duplicate',
  'Duplicate check not possible',
  'Duplicate SOP Instance UID with different content',
  'Not shown',
  'Could not decode the pixels',
] as const;

/** Whether a reason begins with a catalogue phrase (followed by ':', ' ' or its end). */
export function isCataloguedReason(reason: string): boolean {
  return REASON_CATALOGUE.some((phrase) => reason === phrase || reason.startsWith(`${phrase}:`) || reason.startsWith(`${phrase} `));
}

/** Text of anything thrown (dicom-parser throws strings, Errors, or {exception, dataSet}), for a details line. */
export function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && 'exception' in error) return errorText(error.exception);
  try {
    return String(error);
  } catch {
    return 'unknown error';
  }
}
