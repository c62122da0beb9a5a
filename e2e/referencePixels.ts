import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import dicomParser from 'dicom-parser';

/**
 * Stored pixel values of an uncompressed file, read in Node straight from the tags with dicom-parser
 * (independently of the app's code): the reference for the browser's decoders.
 */
export function referencePixels(file: string, frameIndex: number, applyRescale: boolean): number[] {
  // Deflated files are inflated with Node's zlib here, independently of the app's pako inflater.
  const inflater = (bytes: Uint8Array, position: number): Uint8Array => {
    const body = inflateRawSync(bytes.subarray(position));
    const whole = new Uint8Array(position + body.length);
    whole.set(bytes.subarray(0, position));
    whole.set(body, position);
    return whole;
  };
  const dataSet = dicomParser.parseDicom(new Uint8Array(readFileSync(file)), { inflater: inflater as never });
  const instance = {
    rows: dataSet.uint16('x00280010') ?? 0,
    columns: dataSet.uint16('x00280011') ?? 0,
    samplesPerPixel: dataSet.uint16('x00280002') ?? 1,
    bitsAllocated: dataSet.uint16('x00280100') ?? 16,
    bitsStored: dataSet.uint16('x00280101') ?? 16,
    pixelRepresentation: dataSet.uint16('x00280103') ?? 0,
    rescaleSlope: rescaleTag(dataSet, 'x00281053') ?? 1,
    rescaleIntercept: rescaleTag(dataSet, 'x00281052') ?? 0,
    transferSyntaxUid: dataSet.string('x00020010') ?? '',
  };
  const element = dataSet.elements.x7fe00010;
  if (!element) throw new Error(`${file}: no pixel data`);
  const count = instance.rows * instance.columns * instance.samplesPerPixel;
  const bytes = instance.bitsAllocated / 8;
  const start = element.dataOffset + frameIndex * count * bytes;
  const view = new DataView(dataSet.byteArray.buffer, dataSet.byteArray.byteOffset);
  const littleEndian = instance.transferSyntaxUid !== '1.2.840.10008.1.2.2';
  if (!element.dataOffset && element.dataOffset !== 0) throw new Error(`${file}: pixel data has no offset`);
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

/** Rescale from the top level, or from an enhanced object's shared Pixel Value Transformation. */
function rescaleTag(dataSet: dicomParser.DataSet, tag: string): number | undefined {
  const top = dataSet.floatString(tag);
  if (top !== undefined) return top;
  const shared = dataSet.elements.x52009229?.items?.[0]?.dataSet;
  return shared?.elements.x00289145?.items?.[0]?.dataSet?.floatString(tag);
}
