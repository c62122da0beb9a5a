import { crc32 } from './crc32';

export interface ZipEntry {
  /** Path inside the archive, forward slashes. */
  path: string;
  bytes: Uint8Array;
}

/** DICOM pixel data barely compresses with deflate and a teaching case is mostly pixels: entries are stored. */
const STORED = 0;
const UTF8_NAMES = 0x0800;
/** 1980-01-01 00:00, the zip epoch: the same case gives the same bytes (and no export time leaks). */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const MAX_ZIP32 = 0xffffffff;

/** A zip archive (no ZIP64: up to 4 GB and 65535 entries, enough for a teaching case). */
export function zipArchive(entries: readonly ZipEntry[]): Uint8Array<ArrayBuffer>[] {
  if (entries.length > 0xffff) throw new Error('Too many files for one zip archive (65535 at most).');
  const encoder = new TextEncoder();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const central: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.path);
    const crc = crc32(entry.bytes);
    const size = entry.bytes.length;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, UTF8_NAMES, true);
    local.setUint16(8, STORED, true);
    local.setUint16(10, DOS_TIME, true);
    local.setUint16(12, DOS_DATE, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, size, true);
    local.setUint32(22, size, true);
    local.setUint16(26, name.length, true);
    local.setUint16(28, 0, true);
    parts.push(new Uint8Array(local.buffer), new Uint8Array(name), new Uint8Array(entry.bytes));

    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, 0x02014b50, true);
    header.setUint16(4, 20, true);
    header.setUint16(6, 20, true);
    header.setUint16(8, UTF8_NAMES, true);
    header.setUint16(10, STORED, true);
    header.setUint16(12, DOS_TIME, true);
    header.setUint16(14, DOS_DATE, true);
    header.setUint32(16, crc, true);
    header.setUint32(20, size, true);
    header.setUint32(24, size, true);
    header.setUint16(28, name.length, true);
    header.setUint32(42, offset, true);
    central.push(new Uint8Array(header.buffer), new Uint8Array(name));
    offset += 30 + name.length + size;
    if (offset > MAX_ZIP32) throw new Error('The case is larger than 4 GB, more than one zip archive can hold.');
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  return [...parts, ...central, new Uint8Array(end.buffer)];
}
