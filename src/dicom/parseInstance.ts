import type { DataSet } from 'dicom-parser';
import { decodeText, textDecoderFor } from './charset';
import { readFrameGeometry } from './frameGeometry';
import { readDataSet } from './readDataSet';
import { readNumber, readNumbers, readString, readStrings, readUint16 } from './readValues';
import { sopClassKind, sopClassName } from './sopClasses';
import {
  describeSupportedTransferSyntaxes,
  isSupportedTransferSyntax,
  isUncompressedTransferSyntax,
  transferSyntaxName,
} from './transferSyntaxes';
import type { InstanceMeta, ParseResult } from './types';

const PIXEL_DATA_TAGS = ['x7fe00010', 'x7fe00008', 'x7fe00009'] as const;
const DICOMDIR_NOTE = 'DICOMDIR index file: the images it lists are loaded from their own files';

function positiveInt(value: number | null): number | null {
  return value !== null && Number.isInteger(value) && value > 0 ? value : null;
}

function intOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? Math.round(value) : null;
}

/** Bytes an uncompressed Pixel Data element needs (1-bit data is packed, YBR_FULL_422 shares chroma between 2 pixels). */
function expectedPixelBytes(meta: InstanceMeta): number {
  const samplesPerPixel = meta.photometricInterpretation === 'YBR_FULL_422' ? 2 : meta.samplesPerPixel;
  const samples = meta.rows * meta.columns * meta.numberOfFrames * samplesPerPixel;
  return meta.bitsAllocated === 1 ? Math.ceil(samples / 8) : samples * Math.ceil(meta.bitsAllocated / 8);
}

function readInstance(fileName: string, byteLength: number, ds: DataSet, transferSyntaxUid: string): InstanceMeta {
  const decoder = textDecoderFor(ds);
  // Names and descriptions may use the Specific Character Set; codes and UIDs are plain ASCII.
  const text = (tag: string): string => (decoder ? decodeText(ds, tag, decoder) : readString(ds, tag));
  const numberOfFrames = positiveInt(readNumber(ds, 'x00280008')) ?? 1;
  const geometry = readFrameGeometry(ds, numberOfFrames);
  const slope = readNumber(ds, 'x00281053');
  const intercept = readNumber(ds, 'x00281052');
  const rescale =
    slope !== null || intercept !== null
      ? { slope: slope ?? 1, intercept: intercept ?? 0, type: readString(ds, 'x00281054') }
      : (geometry.rescale ?? { slope: 1, intercept: 0, type: '' });
  const centers = readNumbers(ds, 'x00281050');
  const widths = readNumbers(ds, 'x00281051');
  const window = centers.length > 0 && widths.length > 0 ? { centers, widths } : (geometry.window ?? { centers: [], widths: [] });
  const bitsAllocated = readUint16(ds, 'x00280100') ?? 0;
  const bitsStored = readUint16(ds, 'x00280101') ?? bitsAllocated;
  return {
    fileName,
    byteLength,
    sopInstanceUid: readString(ds, 'x00080018') || readString(ds, 'x00020003'),
    sopClassUid: readString(ds, 'x00080016') || readString(ds, 'x00020002'),
    transferSyntaxUid,
    modality: readString(ds, 'x00080060'),
    patientName: text('x00100010'),
    patientId: text('x00100020'),
    patientBirthDate: readString(ds, 'x00100030'),
    patientSex: readString(ds, 'x00100040'),
    studyInstanceUid: readString(ds, 'x0020000d'),
    studyDate: readString(ds, 'x00080020'),
    studyTime: readString(ds, 'x00080030'),
    studyDescription: text('x00081030'),
    accessionNumber: readString(ds, 'x00080050'),
    seriesInstanceUid: readString(ds, 'x0020000e'),
    seriesNumber: intOrNull(readNumber(ds, 'x00200011')),
    seriesDescription: text('x0008103e'),
    bodyPartExamined: readString(ds, 'x00180015'),
    frameOfReferenceUid: readString(ds, 'x00200052'),
    instanceNumber: intOrNull(readNumber(ds, 'x00200013')),
    acquisitionNumber: intOrNull(readNumber(ds, 'x00200012')),
    rows: readUint16(ds, 'x00280010') ?? 0,
    columns: readUint16(ds, 'x00280011') ?? 0,
    numberOfFrames,
    bitsAllocated,
    bitsStored,
    highBit: readUint16(ds, 'x00280102') ?? Math.max(0, bitsStored - 1),
    pixelRepresentation: readUint16(ds, 'x00280103') ?? 0,
    photometricInterpretation: readString(ds, 'x00280004'),
    samplesPerPixel: readUint16(ds, 'x00280002') ?? 1,
    rescaleSlope: rescale.slope,
    rescaleIntercept: rescale.intercept,
    rescaleType: rescale.type,
    windowCenters: window.centers,
    windowWidths: window.widths,
    frames: geometry.frames,
    imageType: readStrings(ds, 'x00080008'),
    echoNumber: intOrNull(readNumber(ds, 'x00180086')),
  };
}

/** Plain-language reason the instance cannot be shown, or null when it looks usable. */
function imageProblem(ds: DataSet, meta: InstanceMeta): string | null {
  const what = sopClassName(meta.sopClassUid);
  if (!isSupportedTransferSyntax(meta.transferSyntaxUid)) {
    const which = meta.transferSyntaxUid ? `${transferSyntaxName(meta.transferSyntaxUid)} (${meta.transferSyntaxUid})` : 'an empty transfer syntax';
    return `unsupported transfer syntax: ${what} object uses ${which}; supported are ${describeSupportedTransferSyntaxes()}`;
  }
  if (meta.rows <= 0 || meta.columns <= 0) {
    return `missing Rows/Columns (0028,0010)/(0028,0011): ${what} object has rows ${meta.rows}, columns ${meta.columns}`;
  }
  if (meta.bitsAllocated <= 0) return `missing Bits Allocated (0028,0100): ${what} object`;
  const pixels = PIXEL_DATA_TAGS.map((tag) => ds.elements[tag]).find((element) => element !== undefined);
  if (pixels && isUncompressedTransferSyntax(meta.transferSyntaxUid) && !pixels.encapsulatedPixelData) {
    const expected = expectedPixelBytes(meta);
    if (pixels.length < expected) {
      return (
        `pixel data too short: ${meta.rows} rows × ${meta.columns} columns × ${meta.numberOfFrames} frame(s) × ` +
        `${meta.samplesPerPixel} sample(s) at ${meta.bitsAllocated} bits need ${expected} bytes, Pixel Data holds ${pixels.length}`
      );
    }
  }
  if (pixels?.encapsulatedPixelData) {
    const fragments = pixels.fragments?.length ?? 0;
    const offsets = pixels.basicOffsetTable?.length ?? 0;
    if (fragments === 0) return `compressed Pixel Data (7FE0,0010) holds no fragments: ${what} object`;
    // Each frame needs at least one fragment (or an offset-table entry): fewer means frames are missing.
    if (Math.max(fragments, offsets) < meta.numberOfFrames) {
      return `frames missing: compressed Pixel Data (7FE0,0010) holds ${fragments} fragment(s) for ${meta.numberOfFrames} frames`;
    }
  }
  return null;
}

/** Parse one file into instance metadata, or say in plain language why it is skipped or unusable. */
export function parseInstance(fileName: string, bytes: Uint8Array): ParseResult {
  const read = readDataSet(bytes);
  if (!read.ok) {
    const failedClass = read.sopClassUid ?? '';
    if (sopClassKind(failedClass) === 'directory') return { kind: 'skipped', fileName, reason: `${DICOMDIR_NOTE} (this one is damaged)` };
    const what = failedClass ? ` (${sopClassName(failedClass)} object)` : '';
    return { kind: 'problem', fileName, reason: `${read.reason}${what}` };
  }
  const ds = read.dataSet;
  const sopClassUid = readString(ds, 'x00080016') || readString(ds, 'x00020002');
  const kind = sopClassKind(sopClassUid);
  if (kind === 'directory' || ds.elements.x00041220) return { kind: 'skipped', fileName, reason: DICOMDIR_NOTE };

  const hasPixels = PIXEL_DATA_TAGS.some((tag) => ds.elements[tag] !== undefined);
  const what = sopClassName(sopClassUid);
  if (kind === 'non-image') {
    const note = hasPixels ? 'not shown as an image' : 'no Pixel Data (7FE0,0010)';
    return { kind: 'skipped', fileName, reason: `${note}: ${what} object` };
  }
  if (!hasPixels) {
    // A known image class without pixels is broken; an unknown class without pixels is just not an image.
    if (kind === 'image') return { kind: 'problem', fileName, reason: `no Pixel Data (7FE0,0010): ${what} object` };
    return { kind: 'skipped', fileName, reason: `no Pixel Data (7FE0,0010): ${what} object, not an image` };
  }

  const instance = readInstance(fileName, bytes.length, ds, read.transferSyntaxUid);
  if (read.notes.length > 0) instance.parseNotes = read.notes;
  const problem = imageProblem(ds, instance);
  if (problem) return { kind: 'problem', fileName, reason: problem };
  return { kind: 'image', instance, dataSet: ds };
}
