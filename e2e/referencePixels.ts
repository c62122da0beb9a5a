import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseInstance } from '../src/dicom';

/** Stored pixel values of an uncompressed file, read in Node with our own parser: the reference for the browser's decoders. */
export function referencePixels(file: string, frameIndex: number, applyRescale: boolean): number[] {
  const parsed = parseInstance(path.basename(file), new Uint8Array(readFileSync(file)));
  if (parsed.kind !== 'image') throw new Error(`${file}: ${parsed.reason}`);
  const { instance, dataSet } = parsed;
  const element = dataSet.elements.x7fe00010;
  if (!element) throw new Error(`${file}: no pixel data`);
  const count = instance.rows * instance.columns * instance.samplesPerPixel;
  const bytes = instance.bitsAllocated / 8;
  const start = element.dataOffset + frameIndex * count * bytes;
  const view = new DataView(dataSet.byteArray.buffer, dataSet.byteArray.byteOffset);
  const littleEndian = instance.transferSyntaxUid !== '1.2.840.10008.1.2.2';
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const offset = start + i * bytes;
    let v: number;
    if (bytes === 1) v = view.getUint8(offset);
    else if (instance.pixelRepresentation === 1) v = view.getInt16(offset, littleEndian);
    else v = view.getUint16(offset, littleEndian);
    if (instance.pixelRepresentation === 1 && instance.bitsStored < 16) {
      const shift = 32 - instance.bitsStored;
      v = (v << shift) >> shift;
    }
    values.push(applyRescale ? v * instance.rescaleSlope + instance.rescaleIntercept : v);
  }
  return values;
}

/** The same hash as the page's test hook. */
export function fnv1a(values: readonly number[]): string {
  let hash = 0x811c9dc5;
  for (const v of values) hash = Math.imul(hash ^ (v & 0xffff), 0x01000193) >>> 0;
  return hash.toString(16);
}
