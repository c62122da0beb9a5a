import type { DataSet, Element } from 'dicom-parser';
import { InflateFailure } from './inflate';
import { errorText } from './reasons';
import { describeTag } from './tagNames';

export { errorText };

/** A reason from our catalogue, with the library's own words kept for a details line. */
export interface Failure {
  reason: string;
  details?: string;
}

/** The partially parsed data set dicom-parser attaches to its parse errors, if any. */
export function partialDataSet(error: unknown): DataSet | null {
  if (error && typeof error === 'object' && 'dataSet' in error) {
    const ds = (error as { dataSet?: unknown }).dataSet;
    if (ds && typeof ds === 'object' && 'elements' in ds) return ds as DataSet;
  }
  return null;
}

const UNDEFINED_LENGTH = 0xffffffff;

function elementEnd(element: Element): number {
  return element.dataOffset + element.length;
}

/**
 * "file ends inside element (7FE0,0010) Pixel Data: expected N bytes, found M" when a top-level
 * element (or an encapsulated fragment) runs past the end of the bytes; null when none does.
 */
export function findTruncation(ds: DataSet): string | null {
  const size = ds.byteArray.length;
  for (const element of Object.values(ds.elements)) {
    // Undefined length (0xFFFFFFFF) left unresolved: only the fragments below can tell.
    if (element.length !== UNDEFINED_LENGTH && elementEnd(element) > size) {
      const found = Math.max(0, size - element.dataOffset);
      return `truncated: file ends inside element ${describeTag(element.tag)}: expected ${element.length} bytes, found ${found}`;
    }
    for (const fragment of element.fragments ?? []) {
      if (fragment.position + fragment.length > size) {
        const found = Math.max(0, size - fragment.position);
        return `truncated: file ends inside a compressed fragment of ${describeTag(element.tag)}: expected ${fragment.length} bytes, found ${found}`;
      }
    }
  }
  return null;
}

/** dicom-parser's failure made plain, naming the last element read before it gave up; its message goes to details. */
export function describeParseFailure(error: unknown, partial: DataSet | null): Failure {
  const inflate = error instanceof InflateFailure ? error : error && typeof error === 'object' && 'exception' in error && error.exception instanceof InflateFailure ? error.exception : null;
  if (inflate) return { reason: inflate.reason, details: inflate.details };
  const truncation = partial ? findTruncation(partial) : null;
  if (truncation) return { reason: truncation };
  const text = errorText(error);
  const lastTag = partial ? Object.keys(partial.elements).pop() : undefined;
  const after = lastTag ? ` after element ${describeTag(lastTag)}` : '';
  if (/overrun|overread|past end|eof encountered/i.test(text)) {
    return { reason: `truncated: the file ends in the middle of a data element${after}`, details: text };
  }
  // dicom-parser reports a sequence or item whose length runs past the end as a bad maxPosition.
  if (/maxP ?osition/i.test(text)) return { reason: `truncated: the file ends inside a sequence${after}`, details: text };
  return { reason: `damaged: the data set cannot be read${after} (an element's length or structure is invalid)`, details: text };
}
