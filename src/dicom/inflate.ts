import { inflateRaw } from 'pako';

/**
 * dicom-parser inflater for Deflated Explicit VR Little Endian (1.2.840.10008.1.2.1.99):
 * keeps the file meta bytes as they are and inflates everything after them (as Cornerstone's
 * parseDicomWithInflater does). pako, not node:zlib, because this runs in the browser.
 */
export function inflateDataSet(byteArray: Uint8Array, position: number): Uint8Array {
  const inflated = inflateRaw(byteArray.subarray(position));
  const full = new Uint8Array(position + inflated.length);
  full.set(byteArray.subarray(0, position), 0);
  full.set(inflated, position);
  return full;
}
