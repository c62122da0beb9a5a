import type { DataSet } from 'dicom-parser';
import { characterSetOf, decodeText } from './charset';
import { safeText } from './safeText';
import { readFrameGeometry } from './frameGeometry';
import { readDataSet } from './readDataSet';
import { readNumber, readNumbers, readString, readStrings, readUint16 } from './readValues';
import { sopClassKind, sopClassName } from './sopClasses';
import { pixelElement, pixelFormatProblem, readPixelFormat, type PixelFormat } from './pixelFormat';
import { errorText } from './reasons';
import { describeSupportedTransferSyntaxes, isSupportedTransferSyntax, transferSyntaxName } from './transferSyntaxes';
import type { InstanceMeta, ParseResult } from './types';

const DICOMDIR_NOTE = 'DICOMDIR index file: the images it lists are loaded from their own files';

function intOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? Math.round(value) : null;
}

function readInstance(fileName: string, byteLength: number, ds: DataSet, transferSyntaxUid: string, format: PixelFormat): InstanceMeta {
  const characterSet = characterSetOf(ds);
  // Names and descriptions may use the Specific Character Set; codes and UIDs are plain ASCII.
  // Shown to the reader: bidi and control characters escaped, length bounded (safeText).
  const text = (tag: string, vr = 'LO'): string => safeText(characterSet ? decodeText(ds, tag, characterSet, vr) : readString(ds, tag));
  const numberOfFrames = format.numberOfFrames;
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
  return {
    fileName,
    byteLength,
    sopInstanceUid: readString(ds, 'x00080018') || readString(ds, 'x00020003'),
    sopClassUid: readString(ds, 'x00080016') || readString(ds, 'x00020002'),
    transferSyntaxUid,
    modality: safeText(readString(ds, 'x00080060')),
    patientName: text('x00100010', 'PN'),
    patientId: text('x00100020'),
    patientBirthDate: readString(ds, 'x00100030'),
    patientSex: readString(ds, 'x00100040'),
    studyInstanceUid: readString(ds, 'x0020000d'),
    studyDate: readString(ds, 'x00080020'),
    studyTime: readString(ds, 'x00080030'),
    studyDescription: text('x00081030'),
    accessionNumber: safeText(readString(ds, 'x00080050')),
    seriesInstanceUid: readString(ds, 'x0020000e'),
    seriesNumber: intOrNull(readNumber(ds, 'x00200011')),
    seriesDescription: text('x0008103e'),
    bodyPartExamined: safeText(readString(ds, 'x00180015')),
    frameOfReferenceUid: readString(ds, 'x00200052'),
    instanceNumber: intOrNull(readNumber(ds, 'x00200013')),
    acquisitionNumber: intOrNull(readNumber(ds, 'x00200012')),
    rows: format.rows,
    columns: format.columns,
    numberOfFrames,
    bitsAllocated: format.bitsAllocated,
    bitsStored: format.bitsStored,
    highBit: format.highBit,
    pixelRepresentation: readUint16(ds, 'x00280103') ?? 0,
    photometricInterpretation: format.photometricInterpretation,
    samplesPerPixel: format.samplesPerPixel,
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

/**
 * Parse one file into instance metadata, or say in plain language why it is skipped or unusable.
 * Never throws: anything unforeseen becomes a "damaged" reason with the raw message as details.
 */
export function parseInstance(fileName: string, bytes: Uint8Array): ParseResult {
  try {
    return parseOrThrow(fileName, bytes);
  } catch (error) {
    return { kind: 'problem', fileName, reason: 'damaged: the file has a structure this viewer cannot read', details: errorText(error) };
  }
}

function parseOrThrow(fileName: string, bytes: Uint8Array): ParseResult {
  const read = readDataSet(bytes);
  if (!read.ok) {
    const failedClass = read.sopClassUid ?? '';
    if (sopClassKind(failedClass) === 'directory') return { kind: 'skipped', fileName, reason: `${DICOMDIR_NOTE} (this one is damaged)` };
    const what = failedClass ? ` (${sopClassName(failedClass)} object)` : '';
    const problem: ParseResult = { kind: 'problem', fileName, reason: `${read.reason}${what}` };
    if (read.details) problem.details = read.details;
    return problem;
  }
  const ds = read.dataSet;
  const sopClassUid = readString(ds, 'x00080016') || readString(ds, 'x00020002');
  const kind = sopClassKind(sopClassUid);
  if (kind === 'directory' || ds.elements.x00041220) return { kind: 'skipped', fileName, reason: DICOMDIR_NOTE };

  const hasPixels = pixelElement(ds) !== undefined;
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

  if (!isSupportedTransferSyntax(read.transferSyntaxUid)) {
    const uid = read.transferSyntaxUid;
    const which = uid ? `${transferSyntaxName(uid)} (${uid})` : 'an empty transfer syntax';
    return { kind: 'problem', fileName, reason: `unsupported transfer syntax: ${what} object uses ${which}; supported are ${describeSupportedTransferSyntaxes()}` };
  }
  // Every count is checked against the Pixel Data before any per-frame work is done.
  const format = readPixelFormat(ds);
  const problem = pixelFormatProblem(ds, format, read.transferSyntaxUid, what);
  if (problem) return { kind: 'problem', fileName, reason: problem };
  const instance = readInstance(fileName, bytes.length, ds, read.transferSyntaxUid, format);
  if (read.notes.length > 0) instance.parseNotes = read.notes;
  return { kind: 'image', instance, dataSet: ds };
}
