/**
 * Uncompressed little-endian grayscale pixels → modality values (stored × slope + intercept) in the
 * volume's typed array, the way Cornerstone's decoder does it: signed values sign-extended from
 * Bits Stored, unsigned ones read as stored. Pure: used to fill a volume without a decode round trip.
 */

export type ScalarArrayType = 'Int16Array' | 'Uint16Array' | 'Float32Array' | 'Uint8Array';

export interface RawFrameFormat {
  rows: number;
  columns: number;
  bitsAllocated: number;
  bitsStored: number;
  pixelRepresentation: number;
  rescaleSlope: number;
  rescaleIntercept: number;
}

export type ScaledArray = Int16Array | Uint16Array | Float32Array | Uint8Array;

const RANGE: Record<ScalarArrayType, [number, number]> = {
  Int16Array: [-32768, 32767],
  Uint16Array: [0, 65535],
  Uint8Array: [0, 255],
  Float32Array: [-Infinity, Infinity],
};

const CONSTRUCTORS = { Int16Array, Uint16Array, Float32Array, Uint8Array } as const;

/** Stored values of one frame, signed ones sign-extended from Bits Stored. */
function storedValues(bytes: Uint8Array, format: RawFrameFormat): Int32Array | Uint8Array | Uint16Array | Int16Array {
  const count = format.rows * format.columns;
  if (format.bitsAllocated === 8) return bytes.subarray(0, count);
  const aligned = bytes.byteOffset % 2 === 0 ? bytes : bytes.slice(0, count * 2);
  const view = format.pixelRepresentation === 1 ? new Int16Array(aligned.buffer, aligned.byteOffset, count) : new Uint16Array(aligned.buffer, aligned.byteOffset, count);
  if (format.pixelRepresentation !== 1 || format.bitsStored >= 16) return view;
  const shift = 32 - format.bitsStored;
  const extended = new Int32Array(count);
  for (let i = 0; i < count; i++) extended[i] = (view[i]! << shift) >> shift;
  return extended;
}

/**
 * The frame's modality values in a new array of `type`, or null when they do not fit it (the caller
 * then takes the decoder's path) or the bytes are too few.
 */
export function scaledFrame(bytes: Uint8Array, format: RawFrameFormat, type: ScalarArrayType): ScaledArray | null {
  return scaledFrameWithRange(bytes, format, type)?.values ?? null;
}

/**
 * As scaledFrame, with the smallest and largest modality value, found in the same pass over the pixels
 * (a second pass per slice costs ~0.5 ms of a 512² frame, 0.15 s of a 300-slice volume).
 */
export function scaledFrameWithRange(bytes: Uint8Array, format: RawFrameFormat, type: ScalarArrayType): { values: ScaledArray; min: number; max: number } | null {
  const count = format.rows * format.columns;
  if (format.bitsAllocated !== 8 && format.bitsAllocated !== 16) return null;
  if (bytes.length < count * (format.bitsAllocated / 8)) return null;
  const { rescaleSlope: slope, rescaleIntercept: intercept } = format;
  const integral = type === 'Float32Array' || (Number.isInteger(slope) && Number.isInteger(intercept));
  if (!integral) return null;
  const stored = storedValues(bytes, format);
  const out = new CONSTRUCTORS[type](count);
  let min = Infinity;
  let max = -Infinity;
  // Written before the range is known: a value out of the type's range wraps, and then the array is dropped.
  for (let i = 0; i < count; i++) {
    const v = stored[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    out[i] = v * slope + intercept;
  }
  const low = Math.min(min * slope + intercept, max * slope + intercept);
  const high = Math.max(min * slope + intercept, max * slope + intercept);
  const [lowest, highest] = RANGE[type];
  if (low < lowest || high > highest) return null;
  const stated = (value: number) => (type === 'Float32Array' ? Math.fround(value) : value);
  return { values: out, min: stated(low), max: stated(high) };
}

/** Smallest and largest value of a frame (for the image's min/max and default window). */
export function valueRange(values: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}
