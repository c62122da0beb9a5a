/**
 * Checks of one compressed frame before it is decoded: the size its codestream header declares against
 * the file's Rows × Columns, and the end-of-codestream marker. Decoders differ in what they do with a
 * damaged frame (an error, a partial image without a word, or a frame silently resized to fit the volume);
 * these checks do not depend on the decoder.
 */

const JPEG_FAMILY = new Set([
  '1.2.840.10008.1.2.4.50',
  '1.2.840.10008.1.2.4.51',
  '1.2.840.10008.1.2.4.57',
  '1.2.840.10008.1.2.4.70',
  '1.2.840.10008.1.2.4.80',
  '1.2.840.10008.1.2.4.81',
]);
const JPEG_2000_FAMILY = new Set(['1.2.840.10008.1.2.4.90', '1.2.840.10008.1.2.4.91', '1.2.840.10008.1.2.4.201', '1.2.840.10008.1.2.4.202', '1.2.840.10008.1.2.4.203']);

export interface FrameSize {
  rows: number;
  columns: number;
}

export interface CodestreamProblem {
  /** Plain language, completing "Could not decode the pixels: …". */
  reason: string;
}

const u16 = (b: Uint8Array, at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u32 = (b: Uint8Array, at: number): number => u16(b, at) * 0x10000 + u16(b, at + 2);

/** The frame's length without the zero bytes that pad a fragment to even length. */
function trimmedEnd(frame: Uint8Array): number {
  let end = frame.length;
  while (end > 0 && frame[end - 1] === 0) end--;
  return end;
}

/**
 * Whether FFD9 ends the codestream, before any padding. Writers pad after it with 00 (to an even fragment length)
 * or FF (pydicom-data's MR2_J2KR: "FF D9 FF"), one byte or several, mixed. A cut stream cannot pass: FF D9 cannot
 * occur inside JPEG, JPEG-LS or JPEG 2000 entropy-coded data, and a byte other than 00/FF after it is not padding.
 */
function endsWithEoc(frame: Uint8Array): boolean {
  let end = frame.length;
  while (end > 0 && (frame[end - 1] === 0x00 || frame[end - 1] === 0xff)) end--;
  return end >= 2 && frame[end - 2] === 0xff && frame[end - 1] === 0xd9;
}

/** Rows and columns from a JPEG / JPEG-LS start-of-frame segment (SOF0–SOF15 or SOF55), walking the segments. */
function jpegSize(frame: Uint8Array): FrameSize | 'no-soi' | null {
  if (frame[0] !== 0xff || frame[1] !== 0xd8) return 'no-soi';
  let at = 2;
  while (at + 4 <= frame.length) {
    if (frame[at] !== 0xff) return null;
    const marker = frame[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = u16(frame, at + 2);
    const isSof = (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) || marker === 0xf7;
    if (isSof) return at + 9 <= frame.length ? { rows: u16(frame, at + 5), columns: u16(frame, at + 7) } : null;
    if (marker === 0xda || length < 2) return null;
    at += 2 + length;
  }
  return null;
}

/** Width and height of a JPEG 2000 codestream (SIZ, after SOC), also when wrapped in a JP2 file's boxes. */
function jpeg2000Size(frame: Uint8Array): FrameSize | 'no-soc' | null {
  let at = -1;
  if (frame[0] === 0xff && frame[1] === 0x4f) at = 0;
  else {
    // A JP2 file: the codestream is in the 'jp2c' box.
    for (let o = 0; o + 8 <= Math.min(frame.length, 4096); o++) {
      if (frame[o] === 0x6a && frame[o + 1] === 0x70 && frame[o + 2] === 0x32 && frame[o + 3] === 0x63) {
        at = o + 4;
        break;
      }
    }
    if (at < 0) return 'no-soc';
  }
  if (frame[at + 2] !== 0xff || frame[at + 3] !== 0x51 || at + 22 > frame.length) return null;
  const siz = at + 4;
  const xsiz = u32(frame, siz + 4);
  const ysiz = u32(frame, siz + 8);
  const xosiz = u32(frame, siz + 12);
  const yosiz = u32(frame, siz + 16);
  return { rows: ysiz - yosiz, columns: xsiz - xosiz };
}

/** What is wrong with a compressed frame of this transfer syntax, or null when nothing can be seen before decoding. */
export function codestreamProblem(frame: Uint8Array, transferSyntaxUid: string, expected: FrameSize): CodestreamProblem | null {
  const jpeg = JPEG_FAMILY.has(transferSyntaxUid);
  const j2k = JPEG_2000_FAMILY.has(transferSyntaxUid);
  if (!jpeg && !j2k) return null;
  if (trimmedEnd(frame) === 0) return { reason: 'the compressed frame is empty' };
  const size = jpeg ? jpegSize(frame) : jpeg2000Size(frame);
  if (size === 'no-soi' || size === 'no-soc') return { reason: `the compressed frame does not begin with a ${jpeg ? 'JPEG' : 'JPEG 2000'} codestream` };
  if (size && (size.rows !== expected.rows || size.columns !== expected.columns)) {
    return {
      reason: `the compressed frame is ${size.columns}×${size.rows} pixels but the header says ${expected.columns}×${expected.rows} (Columns × Rows): it would be drawn stretched or garbled`,
    };
  }
  if (!endsWithEoc(frame)) return { reason: 'the compressed frame ends early (no end-of-codestream marker FFD9): the file was probably cut short or damaged' };
  return null;
}

/** The length a decoded frame must have: Rows × Columns × components. */
export function decodedLengthProblem(length: number, expected: FrameSize & { components: number }): CodestreamProblem | null {
  const want = expected.rows * expected.columns * expected.components;
  if (length === want) return null;
  return { reason: `the decoder gave ${length} values where Rows × Columns × samples is ${want}` };
}
