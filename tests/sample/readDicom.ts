import dcmjs from 'dcmjs';
import { readFileSync } from 'node:fs';

export interface DicomImage {
  /** Naturalised data set (dcmjs keywords) including the file meta elements. */
  readonly tags: Record<string, unknown>;
  /** Raw file bytes. */
  readonly bytes: Buffer;
  /** Stored pixel values (unsigned 16-bit), row-major. */
  readonly pixels: Uint16Array;
}

/** Parse a Part-10 file with dcmjs. */
export function readDicom(path: string): DicomImage {
  const bytes = readFileSync(path);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const dict = dcmjs.data.DicomMessage.readFile(buffer);
  const { naturalizeDataset } = dcmjs.data.DicomMetaDictionary;
  const tags = { ...naturalizeDataset(dict.meta), ...naturalizeDataset(dict.dict) };
  const pixelData = tags.PixelData as ArrayBuffer[] | undefined;
  const first = pixelData?.[0];
  if (!first) throw new Error(`${path}: no pixel data`);
  return { tags, bytes, pixels: new Uint16Array(first) };
}

/** Numeric value of a tag that dcmjs may return as a number, numeric string or one-element array. */
export function num(v: unknown): number {
  const x = Array.isArray(v) ? v[0] : v;
  return Number(x);
}

export const nums = (v: unknown): number[] => (Array.isArray(v) ? v : [v]).map(Number);
