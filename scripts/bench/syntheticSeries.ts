/**
 * Writes a synthetic axial series (one Explicit VR Little Endian file per slice) for the load benchmark and the
 * big-series e2e: a body-like ellipse with a bright rod whose radius changes along z, so every slice, the stack
 * and the sagittal reformat have visible structure. Geometry: axial, IPP z = index × spacing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SeriesSpec {
  modality: 'CT' | 'MR';
  size: number;
  slices: number;
  /** mm, in-plane (rows and columns alike). */
  pixelSpacing: number;
  sliceSpacing: number;
  description: string;
  /** Distinguishes series: the UIDs derive from it. */
  seriesNumber: number;
}

const ROOT = '1.2.826.0.1.3680043.10.1087.77';
const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';
const MR_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.4';
const EXPLICIT_LE = '1.2.840.10008.1.2.1';

type Element = { tag: number; vr: string; value: Buffer };

const pad = (s: string, vr: string): Buffer => {
  const b = Buffer.from(s, 'latin1');
  if (b.length % 2 === 0) return b;
  return Buffer.concat([b, Buffer.from(vr === 'UI' ? '\0' : ' ')]);
};
const str = (tag: number, vr: string, s: string): Element => ({ tag, vr, value: pad(s, vr) });
const us = (tag: number, v: number): Element => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(v);
  return { tag, vr: 'US', value: b };
};
const ul = (tag: number, v: number): Element => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v);
  return { tag, vr: 'UL', value: b };
};

const LONG_VRS = new Set(['OB', 'OW', 'SQ', 'UN', 'UT', 'UC', 'UR']);

function encode(elements: Element[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of [...elements].sort((a, b) => a.tag - b.tag)) {
    const long = LONG_VRS.has(e.vr);
    const head = Buffer.alloc(long ? 12 : 8);
    head.writeUInt16LE(e.tag >>> 16, 0);
    head.writeUInt16LE(e.tag & 0xffff, 2);
    head.write(e.vr, 4, 'latin1');
    if (long) head.writeUInt32LE(e.value.length, 8);
    else head.writeUInt16LE(e.value.length, 6);
    parts.push(head, e.value);
  }
  return Buffer.concat(parts);
}

function fileMeta(sopClass: string, sopInstance: string): Buffer {
  const body = encode([
    { tag: 0x00020001, vr: 'OB', value: Buffer.from([0, 1]) },
    str(0x00020002, 'UI', sopClass),
    str(0x00020003, 'UI', sopInstance),
    str(0x00020010, 'UI', EXPLICIT_LE),
    str(0x00020012, 'UI', `${ROOT}.1`),
  ]);
  return Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), encode([ul(0x00020000, body.length)]), body]);
}

/** Stored values (CT: HU + 1024 with intercept −1024; MR: arbitrary units). */
function slicePixels(spec: SeriesSpec, k: number): Int16Array {
  const n = spec.size;
  const out = new Int16Array(n * n);
  const z = k / Math.max(1, spec.slices - 1);
  const rodRadius = n * (0.06 + 0.06 * Math.sin(Math.PI * z));
  const [air, soft, bright] = spec.modality === 'CT' ? [24, 1064, 1724] : [0, 400, 1200];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const x = (i - n / 2) / (n * 0.42);
      const y = (j - n / 2) / (n * 0.32);
      const inBody = x * x + y * y <= 1;
      const inRod = Math.hypot(i - n / 2, j - n * 0.6) <= rodRadius;
      // A faint ramp keeps neighbouring pixels distinct, as real tissue is.
      out[i + j * n] = inRod ? bright : inBody ? soft + ((i + j + k) % 16) : air;
    }
  }
  return out;
}

/** Writes spec.slices files into dir (created); returns their paths in slice order. */
export function writeSeries(dir: string, spec: SeriesSpec): string[] {
  mkdirSync(dir, { recursive: true });
  const study = `${ROOT}.2.${spec.seriesNumber}`;
  const series = `${ROOT}.3.${spec.seriesNumber}`;
  const sopClass = spec.modality === 'CT' ? CT_IMAGE_STORAGE : MR_IMAGE_STORAGE;
  const ct = spec.modality === 'CT';
  const paths: string[] = [];
  for (let k = 0; k < spec.slices; k++) {
    const sop = `${ROOT}.4.${spec.seriesNumber}.${k + 1}`;
    const pixels = slicePixels(spec, k);
    const dataset = encode([
      str(0x00080008, 'CS', 'ORIGINAL\\PRIMARY\\AXIAL'),
      str(0x00080016, 'UI', sopClass),
      str(0x00080018, 'UI', sop),
      str(0x00080020, 'DA', '20240105'),
      str(0x00080030, 'TM', '120000'),
      str(0x00080050, 'SH', ''),
      str(0x00080060, 'CS', spec.modality),
      str(0x00080070, 'LO', 'SpineLens benchmark'),
      str(0x00080090, 'PN', ''),
      str(0x0008103e, 'LO', spec.description),
      str(0x00100030, 'DA', ''),
      str(0x00100040, 'CS', ''),
      str(0x00100010, 'PN', 'BENCH^SYNTHETIC'),
      str(0x00100020, 'LO', `BENCH${spec.seriesNumber}`),
      str(0x00180050, 'DS', String(spec.sliceSpacing)),
      ...(ct ? [str(0x00180060, 'DS', '120')] : []),
      str(0x00185100, 'CS', 'HFS'),
      str(0x0020000d, 'UI', study),
      str(0x0020000e, 'UI', series),
      str(0x00200010, 'SH', '1'),
      str(0x00200011, 'IS', String(spec.seriesNumber)),
      str(0x00200012, 'IS', '1'),
      str(0x00200013, 'IS', String(k + 1)),
      str(0x00200032, 'DS', `-100\\-100\\${(k * spec.sliceSpacing).toFixed(3)}`),
      str(0x00200037, 'DS', '1\\0\\0\\0\\1\\0'),
      str(0x00200052, 'UI', `${ROOT}.5.${spec.seriesNumber}`),
      str(0x00201040, 'LO', ''),
      us(0x00280002, 1),
      str(0x00280004, 'CS', 'MONOCHROME2'),
      us(0x00280010, spec.size),
      us(0x00280011, spec.size),
      str(0x00280030, 'DS', `${spec.pixelSpacing}\\${spec.pixelSpacing}`),
      us(0x00280100, 16),
      us(0x00280101, 16),
      us(0x00280102, 15),
      us(0x00280103, 1),
      str(0x00281050, 'DS', ct ? '40' : '600'),
      str(0x00281051, 'DS', ct ? '400' : '1200'),
      str(0x00281052, 'DS', ct ? '-1024' : '0'),
      str(0x00281053, 'DS', '1'),
      { tag: 0x7fe00010, vr: 'OW', value: Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength) },
    ]);
    const path = join(dir, `IM${String(k + 1).padStart(5, '0')}.dcm`);
    writeFileSync(path, Buffer.concat([fileMeta(sopClass, sop), dataset]));
    paths.push(path);
  }
  return paths;
}
