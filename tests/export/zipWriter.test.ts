import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/features/export/zip/crc32';
import { zipArchive } from '../../src/features/export/zip/zipWriter';

const hasPython = spawnSync('python3', ['--version']).status === 0;

describe('zip writer', () => {
  it('CRC-32 of "123456789" is the check value 0xCBF43926', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it.skipIf(!hasPython)('writes an archive that Python\'s zipfile reads back byte for byte (CRC checked)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spinelens-zip-'));
    const big = new Uint8Array(70_000).map((_, i) => (i * 7) % 251);
    const entries = [
      { path: 'case.json', bytes: new TextEncoder().encode('{"a":1}') },
      { path: 'dicom/study 1/séries/IM0001.dcm', bytes: big },
      { path: 'empty.txt', bytes: new Uint8Array(0) },
    ];
    const file = join(dir, 'case.zip');
    writeFileSync(file, Buffer.concat(zipArchive(entries)));
    const script = 'import zipfile,sys,json\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps({n: list(z.read(n)[:4]) + [len(z.read(n))] for n in z.namelist()}))';
    const listing = JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as Record<string, number[]>;
    expect(Object.keys(listing)).toEqual(entries.map((e) => e.path));
    expect(listing['dicom/study 1/séries/IM0001.dcm']).toEqual([0, 7, 14, 21, 70_000]);
    expect(listing['empty.txt']).toEqual([0]);
    expect(readFileSync(file).length).toBeGreaterThan(70_000);
  });
});
