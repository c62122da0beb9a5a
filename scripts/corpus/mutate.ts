/**
 * Broken DICOM files made from good ones, deterministically (seeded): what a hospital's disks,
 * networks and exporters do to files, and what an attacker would try. Used by scripts/make-corpus.ts
 * (writes them to a folder) and tests/dicom/corpus.test.ts (runs them through the parser).
 */

export interface Mutant {
  name: string;
  bytes: Uint8Array;
}

/** Small seeded PRNG (mulberry32): the same seed gives the same corpus. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const text = new TextEncoder();
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
const VRS = new Set('AE AS AT CS DA DS DT FL FD IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV'.split(' '));

interface ElementHeader {
  offset: number;
  group: number;
  element: number;
  vr: string;
  /** Offset and size of the length field. */
  lengthAt: number;
  lengthSize: 2 | 4;
  valueAt: number;
  length: number;
}

/** Explicit VR little endian element headers found by scanning (enough to aim mutations, not a parser). */
export function findElements(bytes: Uint8Array): ElementHeader[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: ElementHeader[] = [];
  for (let o = 0; o + 8 <= bytes.length; o += 2) {
    const vr = String.fromCharCode(bytes[o + 4] ?? 0, bytes[o + 5] ?? 0);
    if (!VRS.has(vr)) continue;
    const group = view.getUint16(o, true);
    if (group !== 0x0002 && group !== 0x0008 && group !== 0x0010 && group !== 0x0018 && group !== 0x0020 && group !== 0x0028 && group !== 0x7fe0 && group !== 0x5200) continue;
    const element = view.getUint16(o + 2, true);
    const long = LONG_VRS.has(vr);
    if (long && o + 12 > bytes.length) continue;
    const lengthAt = long ? o + 8 : o + 6;
    const length = long ? view.getUint32(lengthAt, true) : view.getUint16(lengthAt, true);
    found.push({ offset: o, group, element, vr, lengthAt, lengthSize: long ? 4 : 2, valueAt: long ? o + 12 : o + 8, length });
  }
  return found;
}

function pick<T>(items: readonly T[], rnd: () => number): T | undefined {
  return items[Math.floor(rnd() * items.length)];
}

function setLength(bytes: Uint8Array, header: ElementHeader, value: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (header.lengthSize === 4) view.setUint32(header.lengthAt, value >>> 0, true);
  else view.setUint16(header.lengthAt, value & 0xffff, true);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Transfer syntax UIDs of one padded length, so one can replace another in place. */
const SAME_LENGTH_SYNTAXES: string[][] = [
  ['1.2.840.10008.1.2.1\0', '1.2.840.10008.1.2.2\0', '1.2.840.10008.1.2.5\0', '1.2.840.10008.1.2.9\0'],
  ['1.2.840.10008.1.2.1.99', '1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.57', '1.2.840.10008.1.2.4.70', '1.2.840.10008.1.2.4.90', '1.2.840.10008.1.2.4.80', '9.9.999.99999.9.9.9.99'],
  ['1.2.840.10008.1.2\0', '1.2.840.10008.1.3\0', '1.2.840.10008.1.2.\0'],
];

const ABSURD_US = [0, 1, 2, 3, 7, 13, 17, 24, 31, 33, 64, 255, 256, 4096, 32767, 32768, 65535];
const ABSURD_FRAMES = ['0', '-1', '2', '3', '1000', '100000', '100000000', '1000000000', '4294967296', '1e300', 'NaN', 'abc', '1.5', ''];

export type MutationKind =
  | 'truncate'
  | 'flip'
  | 'bad-length'
  | 'open-sequence'
  | 'absurd-value'
  | 'frames'
  | 'wrong-syntax'
  | 'splice'
  | 'zero-run';

export const MUTATION_KINDS: readonly MutationKind[] = ['truncate', 'flip', 'bad-length', 'open-sequence', 'absurd-value', 'frames', 'wrong-syntax', 'splice', 'zero-run'];

/** One mutant of `base`; `elements` are its scanned headers (pass them to avoid rescanning). */
export function mutate(base: Uint8Array, elements: readonly ElementHeader[], kind: MutationKind, rnd: () => number): { label: string; bytes: Uint8Array } {
  const at = (n: number) => Math.floor(rnd() * n);
  switch (kind) {
    case 'truncate': {
      const cut = rnd() < 0.3 ? at(Math.min(base.length, 512)) : at(base.length);
      return { label: `cut at ${cut}`, bytes: base.slice(0, cut) };
    }
    case 'flip': {
      const bytes = base.slice();
      const n = 1 + at(8);
      const where = rnd() < 0.7 ? Math.min(base.length, 2048) : base.length;
      for (let i = 0; i < n; i++) bytes[at(where)] = at(256);
      return { label: `${n} bytes changed`, bytes };
    }
    case 'bad-length': {
      const bytes = base.slice();
      const header = pick(elements, rnd);
      if (!header) return { label: 'no element', bytes };
      const value = pick([0, 1, 3, 0xffff, 0xfffe, 0xffffffff, 0x7fffffff, header.length + 1, header.length * 2 + 2, base.length, at(1 << 20)], rnd) ?? 0;
      setLength(bytes, header, value);
      return { label: `length of (${header.group.toString(16)},${header.element.toString(16)}) set to ${value}`, bytes };
    }
    case 'open-sequence': {
      const header = pick(elements.filter((e) => e.vr === 'SQ'), rnd);
      if (header && rnd() < 0.6) {
        const bytes = base.slice();
        setLength(bytes, header, 0xffffffff);
        return { label: 'sequence made undefined length without its delimiter', bytes };
      }
      // An item or sequence opened at the end and never closed.
      const tail = pick(
        [
          new Uint8Array([0xfe, 0xff, 0x00, 0xe0, 0xff, 0xff, 0xff, 0xff]),
          concat(new Uint8Array([0x08, 0x00, 0x15, 0x11]), text.encode('SQ'), new Uint8Array([0, 0, 0xff, 0xff, 0xff, 0xff, 0xfe, 0xff, 0x00, 0xe0, 0xff, 0xff, 0xff, 0xff])),
          new Uint8Array([0xfe, 0xff, 0xdd, 0xe0, 0, 0, 0, 0]),
        ],
        rnd,
      )!;
      const cut = base.length - at(Math.min(base.length, 4096));
      return { label: 'open sequence or item spliced in', bytes: concat(base.subarray(0, cut), tail, base.subarray(cut)) };
    }
    case 'absurd-value': {
      const bytes = base.slice();
      const targets = elements.filter((e) => e.group === 0x0028 && e.vr === 'US' && e.length === 2);
      const header = pick(targets, rnd);
      const value = pick(ABSURD_US, rnd) ?? 0;
      if (header) new DataView(bytes.buffer).setUint16(header.valueAt, value, true);
      return { label: `(0028,${header?.element.toString(16) ?? '?'}) = ${value}`, bytes };
    }
    case 'frames': {
      const frames = elements.find((e) => e.group === 0x0028 && e.element === 0x0008 && e.vr === 'IS');
      const value = pick(ABSURD_FRAMES, rnd) ?? '';
      if (frames) {
        const padded = text.encode(value.padEnd(frames.length, ' ').slice(0, Math.max(frames.length, value.length)));
        const element = concat(base.subarray(frames.offset, frames.offset + 6), new Uint8Array([padded.length + (padded.length % 2), 0]), padded, padded.length % 2 ? text.encode(' ') : new Uint8Array());
        return { label: `Number of Frames "${value}"`, bytes: concat(base.subarray(0, frames.offset), element, base.subarray(frames.valueAt + frames.length)) };
      }
      // Insert (0028,0008) just before the first group 0028 element with a higher element number.
      const before = elements.find((e) => e.group === 0x0028 && e.element > 0x0008) ?? elements.find((e) => e.group > 0x0028);
      if (!before) return { label: 'no place for Number of Frames', bytes: base.slice() };
      const body = text.encode(value.length % 2 ? `${value} ` : value);
      const element = concat(new Uint8Array([0x28, 0x00, 0x08, 0x00]), text.encode('IS'), new Uint8Array([body.length, 0]), body);
      return { label: `Number of Frames "${value}" added`, bytes: concat(base.subarray(0, before.offset), element, base.subarray(before.offset)) };
    }
    case 'wrong-syntax': {
      const ts = elements.find((e) => e.group === 0x0002 && e.element === 0x0010);
      const bytes = base.slice();
      if (!ts) return { label: 'no transfer syntax', bytes };
      const family = SAME_LENGTH_SYNTAXES.find((f) => f[0]?.length === ts.length);
      const uid = family ? pick(family, rnd) : undefined;
      if (uid) bytes.set(text.encode(uid), ts.valueAt);
      return { label: `transfer syntax ${uid?.replace(/\0/g, '') ?? 'unchanged'}`, bytes };
    }
    case 'splice': {
      // A block of the file repeated or removed: what a bad copy or a resumed download does.
      const from = at(base.length);
      const size = 1 + at(Math.min(4096, base.length - from));
      const bytes = rnd() < 0.5 ? concat(base.subarray(0, from), base.subarray(from + size)) : concat(base.subarray(0, from + size), base.subarray(from));
      return { label: `${size} bytes at ${from} ${bytes.length < base.length ? 'removed' : 'repeated'}`, bytes };
    }
    case 'zero-run': {
      const bytes = base.slice();
      const from = at(base.length);
      bytes.fill(0, from, from + 1 + at(65536));
      return { label: `zeros from ${from}`, bytes };
    }
  }
}

/** Files that are not DICOM, or barely: empty, zeros, renamed JPEG and text, a bare preamble. */
export function strangers(): Mutant[] {
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);
  const preamble = concat(new Uint8Array(128), text.encode('DICM'));
  return [
    { name: 'empty.dcm', bytes: new Uint8Array() },
    { name: 'one-byte.dcm', bytes: new Uint8Array([0x44]) },
    { name: 'zeros-132.dcm', bytes: new Uint8Array(132) },
    { name: 'zeros-64k.dcm', bytes: new Uint8Array(65536) },
    { name: 'ff-4k.dcm', bytes: new Uint8Array(4096).fill(0xff) },
    { name: 'photo.dcm', bytes: jpeg },
    { name: 'notes.dcm', bytes: text.encode('Patient notes: not an image\n'.repeat(20)) },
    { name: 'page.dcm', bytes: text.encode('<html><script>alert(1)</script></html>') },
    { name: 'report.pdf.dcm', bytes: text.encode('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n') },
    { name: 'preamble-only.dcm', bytes: preamble },
    { name: 'preamble-and-garbage.dcm', bytes: concat(preamble, new Uint8Array(200).fill(0x41)) },
    { name: 'meta-group-huge.dcm', bytes: concat(preamble, new Uint8Array([0x02, 0x00, 0x00, 0x00]), text.encode('UL'), new Uint8Array([4, 0, 0xff, 0xff, 0xff, 0x7f])) },
  ];
}

/** `count` mutants of each base, kinds in turn, from one seed. */
export function* mutants(bases: readonly Mutant[], count: number, seed = 20260105): Generator<Mutant & { kind: MutationKind; label: string }> {
  const rnd = random(seed);
  for (const base of bases) {
    const elements = findElements(base.bytes);
    for (let i = 0; i < count; i++) {
      const kind = MUTATION_KINDS[i % MUTATION_KINDS.length]!;
      const { label, bytes } = mutate(base.bytes, elements, kind, rnd);
      yield { name: `${base.name}.${kind}.${i}.dcm`, bytes, kind, label };
    }
  }
}
