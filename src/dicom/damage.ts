import type { DataSet, Element } from 'dicom-parser';
import { describeTag } from './tagNames';

/** Text of whatever dicom-parser threw (it throws strings, Errors, or {exception, dataSet}). */
export function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && 'exception' in error) return errorText(error.exception);
  return String(error);
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

/** dicom-parser's message made plain, naming the last element read before it gave up. */
export function describeParseFailure(error: unknown, partial: DataSet | null): string {
  const truncation = partial ? findTruncation(partial) : null;
  if (truncation) return truncation;
  const text = errorText(error);
  const lastTag = partial ? Object.keys(partial.elements).pop() : undefined;
  const after = lastTag ? ` after element ${describeTag(lastTag)}` : '';
  if (/overrun|overread|past end|eof encountered/i.test(text)) {
    return `truncated: the file ends in the middle of a data element${after}`;
  }
  // dicom-parser reports a sequence or item whose length runs past the end as a bad maxPosition.
  if (/maxP ?osition/i.test(text)) return `truncated: the file ends inside a sequence${after}`;
  const plain = text.replace(/^dicomParser[.:]?\w*[:.]?\s*/i, '').replace(/^\w+\.\w+:\s*/, '');
  return `damaged: could not read the data set${after} (${plain})`;
}
