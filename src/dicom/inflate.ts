import { Inflate } from 'pako';

/** Largest data set we inflate: a deflate bomb must not take the tab's memory. */
export const MAX_INFLATED_BYTES = 512 * 1024 * 1024;

/** Thrown by the inflater with a catalogue reason; the zlib message is kept for details. */
export class InflateFailure extends Error {
  constructor(
    readonly reason: string,
    readonly details?: string,
  ) {
    super(reason);
  }
}

class TooLarge extends Error {}

/**
 * dicom-parser inflater for Deflated Explicit VR Little Endian (1.2.840.10008.1.2.1.99):
 * keeps the file meta bytes as they are and inflates everything after them (as Cornerstone's
 * parseDicomWithInflater does), stopping at MAX_INFLATED_BYTES. pako, not node:zlib, because
 * this runs in the browser.
 */
export function inflateDataSet(byteArray: Uint8Array, position: number, limit = MAX_INFLATED_BYTES): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate({ raw: true, chunkSize: 256 * 1024 });
  inflater.onData = (chunk) => {
    total += chunk.length;
    if (total > limit) throw new TooLarge();
    chunks.push(chunk);
  };
  try {
    inflater.push(byteArray.subarray(position), true);
  } catch (error) {
    if (error instanceof TooLarge) {
      throw new InflateFailure(`too large to read: the deflated data set inflates to more than ${Math.round(limit / 1048576)} MB`);
    }
    throw new InflateFailure('damaged: the deflated data set cannot be inflated', error instanceof Error ? error.message : String(error));
  }
  if (inflater.err !== 0) {
    throw new InflateFailure('damaged: the deflated data set cannot be inflated', inflater.msg || `zlib error ${inflater.err}`);
  }
  const full = new Uint8Array(position + total);
  full.set(byteArray.subarray(0, position), 0);
  let offset = position;
  for (const chunk of chunks) {
    full.set(chunk, offset);
    offset += chunk.length;
  }
  return full;
}
