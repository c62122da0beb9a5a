import type { DataSet, Element } from 'dicom-parser';
import { readNumber, readString, readUint16 } from './readValues';
import { isUncompressedTransferSyntax } from './transferSyntaxes';

export const PIXEL_DATA_TAGS = ['x7fe00010', 'x7fe00008', 'x7fe00009'] as const;
/** Far above any real acquisition (enhanced CT/MR reach a few thousand); below it memory stays bounded. */
export const MAX_FRAMES = 20_000;
/** Bytes of one decoded frame the viewer will allocate (a 16-bit 8192×8192 image is 128 MB). */
export const MAX_FRAME_BYTES = 256 * 1024 * 1024;
const SUPPORTED_BITS_ALLOCATED = new Set([1, 8, 16, 32]);

/** The attributes that say how big the pixels are, read once and checked before anything is allocated. */
export interface PixelFormat {
  rows: number;
  columns: number;
  numberOfFrames: number;
  bitsAllocated: number;
  bitsStored: number;
  highBit: number;
  samplesPerPixel: number;
  photometricInterpretation: string;
}

export function pixelElement(ds: DataSet): Element | undefined {
  return PIXEL_DATA_TAGS.map((tag) => ds.elements[tag]).find((element) => element !== undefined);
}

/** Number of Frames as written: null when absent (1 frame), NaN when not a positive integer. */
function declaredFrames(ds: DataSet): number | null {
  if (!ds.elements.x00280008) return null;
  const value = readNumber(ds, 'x00280008');
  return value !== null && Number.isInteger(value) && value > 0 ? value : Number.NaN;
}

export function readPixelFormat(ds: DataSet): PixelFormat & { framesWritten: number | null } {
  const bitsAllocated = readUint16(ds, 'x00280100') ?? 0;
  const bitsStored = readUint16(ds, 'x00280101') ?? bitsAllocated;
  const framesWritten = declaredFrames(ds);
  return {
    rows: readUint16(ds, 'x00280010') ?? 0,
    columns: readUint16(ds, 'x00280011') ?? 0,
    numberOfFrames: framesWritten !== null && Number.isFinite(framesWritten) ? framesWritten : 1,
    framesWritten,
    bitsAllocated,
    bitsStored,
    highBit: readUint16(ds, 'x00280102') ?? Math.max(0, bitsStored - 1),
    samplesPerPixel: readUint16(ds, 'x00280002') ?? 1,
    photometricInterpretation: readString(ds, 'x00280004'),
  };
}

/** Bytes an uncompressed frame needs (1-bit data is packed, YBR_FULL_422 shares chroma between 2 pixels). */
export function frameBytes(format: PixelFormat): number {
  const samplesPerPixel = format.photometricInterpretation === 'YBR_FULL_422' ? 2 : format.samplesPerPixel;
  const samples = format.rows * format.columns * samplesPerPixel;
  return format.bitsAllocated === 1 ? samples / 8 : samples * Math.ceil(format.bitsAllocated / 8);
}

const MONOCHROME = /^MONOCHROME[12]$/;
const COLOUR = /^(RGB|YBR_.*)$/;

/** Attributes no real image has, which would otherwise hang a spinner or draw black. */
function implausible(format: PixelFormat): string | null {
  const { bitsAllocated, bitsStored, highBit, samplesPerPixel, photometricInterpretation: pi } = format;
  if (!SUPPORTED_BITS_ALLOCATED.has(bitsAllocated)) return `Bits Allocated (0028,0100) is ${bitsAllocated}; images use 1, 8, 16 or 32`;
  if (bitsStored < 1 || bitsStored > bitsAllocated) return `Bits Stored (0028,0101) is ${bitsStored} with Bits Allocated ${bitsAllocated}`;
  if (highBit >= bitsAllocated) return `High Bit (0028,0102) is ${highBit} with Bits Stored ${bitsStored}, Bits Allocated ${bitsAllocated}`;
  if (samplesPerPixel !== 1 && samplesPerPixel !== 3) return `Samples per Pixel (0028,0002) is ${samplesPerPixel}; images have 1 or 3`;
  if (MONOCHROME.test(pi) && samplesPerPixel !== 1) return `${pi} with ${samplesPerPixel} samples per pixel`;
  if (COLOUR.test(pi) && samplesPerPixel !== 3) return `${pi} with ${samplesPerPixel} sample(s) per pixel`;
  return null;
}

/**
 * Why the pixel attributes cannot describe this file's Pixel Data, or null. Runs before any
 * per-frame work: every count is checked against what the file holds.
 */
export function pixelFormatProblem(ds: DataSet, format: PixelFormat & { framesWritten: number | null }, transferSyntaxUid: string, what: string): string | null {
  const { rows, columns, numberOfFrames } = format;
  if (rows <= 0 || columns <= 0) return `missing Rows/Columns (0028,0010)/(0028,0011): ${what} object has rows ${rows}, columns ${columns}`;
  if (format.bitsAllocated <= 0) return `missing Bits Allocated (0028,0100): ${what} object`;
  const odd = implausible(format);
  if (odd) return `implausible pixel attributes: ${odd} (${what} object)`;
  if (Number.isNaN(format.framesWritten)) return `implausible pixel attributes: Number of Frames (0028,0008) is "${readString(ds, 'x00280008').slice(0, 40)}", not a positive whole number`;
  if (numberOfFrames > MAX_FRAMES) return `too many frames: Number of Frames (0028,0008) is ${numberOfFrames}; at most ${MAX_FRAMES} are read`;
  const bytesPerFrame = frameBytes(format);
  if (bytesPerFrame > MAX_FRAME_BYTES) {
    return `image too large: ${rows} × ${columns} pixels at ${format.bitsAllocated} bits need ${Math.round(bytesPerFrame / 1048576)} MB a frame; at most ${MAX_FRAME_BYTES / 1048576} MB are shown`;
  }
  const pixels = pixelElement(ds);
  if (!pixels) return null;
  const uncompressed = isUncompressedTransferSyntax(transferSyntaxUid);
  if (uncompressed && pixels.encapsulatedPixelData) {
    return `transfer syntax does not match the data: ${transferSyntaxUid} is uncompressed but Pixel Data holds compressed fragments`;
  }
  if (!uncompressed && !pixels.encapsulatedPixelData) {
    return `transfer syntax does not match the data: ${transferSyntaxUid} is compressed but Pixel Data is stored uncompressed`;
  }
  if (uncompressed) {
    const expected = Math.ceil(bytesPerFrame * numberOfFrames);
    if (pixels.length < expected) {
      return (
        `pixel data too short: ${rows} rows × ${columns} columns × ${numberOfFrames} frame(s) × ` +
        `${format.samplesPerPixel} sample(s) at ${format.bitsAllocated} bits need ${expected} bytes, Pixel Data holds ${pixels.length}`
      );
    }
    return null;
  }
  const fragments = pixels.fragments?.length ?? 0;
  const offsets = pixels.basicOffsetTable?.length ?? 0;
  if (fragments === 0) return `compressed Pixel Data (7FE0,0010) holds no fragments: ${what} object`;
  // Each frame needs at least one fragment (or an offset-table entry): fewer means frames are missing.
  if (Math.max(fragments, offsets) < numberOfFrames) {
    return `frames missing: compressed Pixel Data (7FE0,0010) holds ${fragments} fragment(s) for ${numberOfFrames} frames`;
  }
  return null;
}
