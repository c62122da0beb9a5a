import { deflateRawSync } from 'node:zlib';

/** A tiny DICOM writer for tests: just enough to build the files parseInstance must handle. */

export interface El {
  tag: string; // 'GGGGEEEE'
  vr: string;
  value: Uint8Array | El[][];
}

const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
const text = new TextEncoder();

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

function u16(n: number): Uint8Array {
  return new Uint8Array([n & 0xff, (n >> 8) & 0xff]);
}

function u32(n: number): Uint8Array {
  return new Uint8Array([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]);
}

function tagBytes(tag: string): Uint8Array {
  return concat([u16(parseInt(tag.slice(0, 4), 16)), u16(parseInt(tag.slice(4, 8), 16))]);
}

export function str(tag: string, vr: string, value: string): El {
  let bytes: Uint8Array = text.encode(value);
  if (bytes.length % 2 === 1) bytes = concat([bytes, new Uint8Array([vr === 'UI' ? 0 : 0x20])]);
  return { tag, vr, value: bytes };
}

export function us(tag: string, ...values: number[]): El {
  return { tag, vr: 'US', value: concat(values.map(u16)) };
}

export function raw(tag: string, vr: string, value: Uint8Array): El {
  return { tag, vr, value };
}

export function seq(tag: string, ...items: El[][]): El {
  return { tag, vr: 'SQ', value: items };
}

function encodeValue(el: El, explicit: boolean): Uint8Array {
  if (el.value instanceof Uint8Array) return el.value;
  return concat(el.value.map((item) => {
    const body = encodeDataSet(item, explicit);
    return concat([tagBytes('FFFEE000'), u32(body.length), body]);
  }));
}

export function encodeDataSet(elements: El[], explicit: boolean): Uint8Array {
  const sorted = [...elements].sort((a, b) => a.tag.localeCompare(b.tag));
  return concat(sorted.map((el) => {
    const value = encodeValue(el, explicit);
    if (!explicit) return concat([tagBytes(el.tag), u32(value.length), value]);
    const vr = text.encode(el.vr);
    const header = LONG_VRS.has(el.vr) ? concat([vr, u16(0), u32(value.length)]) : concat([vr, u16(value.length)]);
    return concat([tagBytes(el.tag), header, value]);
  }));
}

/** Undefined-length encapsulated Pixel Data: empty offset table, then one fragment per entry. */
export function encapsulated(fragments: Uint8Array[]): Uint8Array {
  const items = fragments.map((f) => concat([tagBytes('FFFEE000'), u32(f.length), f]));
  return concat([
    tagBytes('7FE00010'), text.encode('OB'), u16(0), u32(0xffffffff),
    tagBytes('FFFEE000'), u32(0),
    ...items,
    tagBytes('FFFEE0DD'), u32(0),
  ]);
}

export interface Part10Options {
  transferSyntax?: string;
  sopClassUid?: string;
  /** Bytes appended raw after the data set (already encoded), e.g. encapsulated pixel data. */
  trailer?: Uint8Array;
}

/** Preamble, DICM, file meta, then the data set in the requested transfer syntax. */
export function part10(elements: El[], options: Part10Options = {}): Uint8Array {
  const ts = options.transferSyntax ?? '1.2.840.10008.1.2.1';
  const meta = encodeDataSet(
    [
      raw('00020001', 'OB', new Uint8Array([0, 1])),
      str('00020002', 'UI', options.sopClassUid ?? '1.2.840.10008.5.1.4.1.1.2'),
      str('00020003', 'UI', '1.2.3.4.5'),
      str('00020010', 'UI', ts),
    ],
    true,
  );
  const group = concat([tagBytes('00020000'), text.encode('UL'), u16(4), u32(meta.length)]);
  let body = concat([encodeDataSet(elements, ts !== '1.2.840.10008.1.2'), options.trailer ?? new Uint8Array()]);
  if (ts === '1.2.840.10008.1.2.1.99') body = new Uint8Array(deflateRawSync(body));
  return concat([new Uint8Array(128), text.encode('DICM'), group, meta, body]);
}

/** Raw data set with no preamble and no file meta. */
export function headerless(elements: El[], explicit: boolean): Uint8Array {
  return encodeDataSet(elements, explicit);
}

/** Minimal valid 4×4 16-bit CT image elements; pass overrides by tag to replace or drop (null). */
export function ctElements(overrides: Record<string, El | null> = {}): El[] {
  const base: El[] = [
    str('00080008', 'CS', 'ORIGINAL\\PRIMARY\\AXIAL'),
    str('00080016', 'UI', '1.2.840.10008.5.1.4.1.1.2'),
    str('00080018', 'UI', '1.2.3.4.5'),
    str('00080020', 'DA', '20260105'),
    str('00080060', 'CS', 'CT'),
    str('00100010', 'PN', 'DOE^JOHN '),
    str('00100020', 'LO', ' PID-7 '),
    str('0020000D', 'UI', '1.2.3.1'),
    str('0020000E', 'UI', '1.2.3.2'),
    str('00200011', 'IS', '3'),
    str('00200013', 'IS', '12'),
    str('00200032', 'DS', '-100\\-120.5\\30.25'),
    str('00200037', 'DS', '1\\0\\0\\0\\1\\0'),
    us('00280002', 1),
    str('00280004', 'CS', 'MONOCHROME2'),
    us('00280010', 4),
    us('00280011', 4),
    str('00280030', 'DS', '0.7\\0.8'),
    us('00280100', 16),
    us('00280101', 12),
    us('00280102', 11),
    us('00280103', 1),
    str('00281050', 'DS', '40\\300'),
    str('00281051', 'DS', '400\\1500'),
    str('00281052', 'DS', '-1024'),
    str('00281053', 'DS', '1'),
    str('00180050', 'DS', '2.5'),
    raw('7FE00010', 'OW', new Uint8Array(32)),
  ];
  const kept = base.filter((el) => !(el.tag in overrides));
  const added = Object.values(overrides).filter((el): el is El => el !== null);
  return [...kept, ...added];
}
