import { parseDicom, readPart10Header, type DataSet } from 'dicom-parser';
import { describeParseFailure, errorText, findTruncation, partialDataSet, type Failure } from './damage';
import { inflateDataSet } from './inflate';
import { EXPLICIT_LITTLE_ENDIAN, IMPLICIT_LITTLE_ENDIAN } from './transferSyntaxes';

export type DataSetRead =
  | { ok: true; dataSet: DataSet; transferSyntaxUid: string; notes: string[] }
  | { ok: false; reason: string; details?: string; sopClassUid?: string };

const VRS = new Set(
  'AE AS AT CS DA DS DT FL FD IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV'.split(' '),
);

function hasDicmPrefix(bytes: Uint8Array): boolean {
  return bytes.length >= 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d;
}

/** Explicit VR puts a two-letter VR right after the first tag; implicit puts a length there. */
function looksExplicit(bytes: Uint8Array, offset: number): boolean {
  const a = bytes[offset + 4];
  const b = bytes[offset + 5];
  if (a === undefined || b === undefined) return false;
  return VRS.has(String.fromCharCode(a, b));
}

/**
 * Whether a data set parsed under a guessed transfer syntax is plausibly real: a few key
 * attributes with printable values and tags in ascending order, as DICOM requires.
 */
function isSane(ds: DataSet): boolean {
  const tags = Object.keys(ds.elements).filter((t) => !t.startsWith('x0002'));
  if (tags.length < 3) return false;
  let ascending = 0;
  for (let i = 1; i < tags.length; i++) if ((tags[i] ?? '') > (tags[i - 1] ?? '')) ascending++;
  if (ascending < (tags.length - 1) * 0.9) return false;
  const keys = ['x00080016', 'x00080018', 'x00080060', 'x0020000d', 'x00280010'];
  return keys.some((tag) => {
    const element = ds.elements[tag];
    if (!element || element.length <= 0 || element.length > 128) return false;
    try {
      return /^[\x20-\x7e\0]+$/.test(ds.string(tag) ?? '');
    } catch {
      return false;
    }
  });
}

function sopClassOf(ds: DataSet | null): string | undefined {
  try {
    return ds?.string('x00080016')?.replace(/\0/g, '').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Media Storage SOP Class from the file meta, when the data set itself cannot be read. */
function metaSopClass(bytes: Uint8Array): string | undefined {
  try {
    return readPart10Header(bytes).string('x00020002')?.replace(/\0/g, '').trim() || undefined;
  } catch {
    return undefined;
  }
}

function parseWith(bytes: Uint8Array, transferSyntaxUid?: string): DataSet {
  return parseDicom(bytes, {
    ...(transferSyntaxUid ? { TransferSyntaxUID: transferSyntaxUid } : {}),
    inflater: inflateDataSet,
  });
}

/**
 * Where a raw data set may start: at `start`, or a few bytes later when stray bytes precede a
 * group 0008 tag (pydicom's no_meta.dcm has one).
 */
function candidateStarts(bytes: Uint8Array, start: number): number[] {
  const starts = [start];
  for (let o = start + 1; o <= start + 8 && o + 1 < bytes.length; o++) {
    if (bytes[o] === 0x08 && bytes[o + 1] === 0x00) starts.push(o);
  }
  return starts;
}

/** Raw data set without preamble or file meta: try explicit and implicit VR little endian. */
function readHeaderless(bytes: Uint8Array, start: number, note: string, failure: string): DataSetRead {
  let damaged: Failure | null = null;
  for (const offset of candidateStarts(bytes, start)) {
    const syntaxes = looksExplicit(bytes, offset)
      ? [EXPLICIT_LITTLE_ENDIAN, IMPLICIT_LITTLE_ENDIAN]
      : [IMPLICIT_LITTLE_ENDIAN, EXPLICIT_LITTLE_ENDIAN];
    const body = offset > 0 ? bytes.subarray(offset) : bytes;
    const skipped = offset > start ? `, ${offset - start} stray byte(s) skipped` : '';
    for (const syntax of syntaxes) {
      try {
        const ds = parseWith(body, syntax);
        if (!isSane(ds)) continue;
        const truncation = findTruncation(ds);
        if (truncation) return { ok: false, reason: truncation };
        return { ok: true, dataSet: ds, transferSyntaxUid: syntax, notes: [`${note}: read as ${syntax}${skipped}`] };
      } catch (error) {
        const partial = partialDataSet(error);
        if (partial && isSane(partial) && damaged === null) damaged = describeParseFailure(error, partial);
      }
    }
  }
  if (damaged) return { ok: false, ...damaged };
  return { ok: false, reason: failure };
}

/**
 * Parse bytes into a dicom-parser DataSet: Part-10 files, raw data sets without preamble or
 * meta, and Part-10 files whose meta lacks the transfer syntax. Never throws.
 */
export function readDataSet(bytes: Uint8Array): DataSetRead {
  if (bytes.length === 0) return { ok: false, reason: 'empty file (0 bytes)' };
  if (!hasDicmPrefix(bytes)) {
    return readHeaderless(bytes, 0, 'no preamble or file meta', 'not DICOM: no DICM marker and not a readable dataset');
  }
  let dataSet: DataSet;
  try {
    dataSet = parseWith(bytes);
  } catch (error) {
    if (/0002,0010/.test(errorText(error))) {
      try {
        const meta = readPart10Header(bytes) as DataSet & { position?: number };
        return readHeaderless(
          bytes,
          meta.position ?? 132,
          'file meta has no Transfer Syntax UID',
          'file meta has no Transfer Syntax UID (0002,0010), and no usable data set could be read after it',
        );
      } catch (metaError) {
        return { ok: false, ...describeParseFailure(metaError, partialDataSet(metaError)) };
      }
    }
    const partial = partialDataSet(error);
    return { ok: false, ...describeParseFailure(error, partial), sopClassUid: sopClassOf(partial) ?? metaSopClass(bytes) };
  }
  const truncation = findTruncation(dataSet);
  if (truncation) return { ok: false, reason: truncation, sopClassUid: sopClassOf(dataSet) };
  const transferSyntaxUid = (dataSet.string('x00020010') ?? '').replace(/\0/g, '').trim();
  const notes = dataSet.warnings.some((w) => /missing sequence delimiter/.test(w))
    ? ['Pixel Data ends without its sequence delimiter (file cut short right after the last fragment)']
    : [];
  return { ok: true, dataSet, transferSyntaxUid, notes };
}
