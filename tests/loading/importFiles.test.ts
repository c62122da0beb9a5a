import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/loading/importFiles';
import type { SourceFile } from '../../src/sources/sourceFile';

const MR = path.resolve(import.meta.dirname, '../../sample-dicom/baseline/mr');
const mrFiles: SourceFile[] = readdirSync(MR)
  .sort()
  .slice(0, 5)
  .map((name) => ({ name, read: async () => new Uint8Array(readFileSync(path.join(MR, name))).buffer }));

function registry() {
  const registered = new Map<string, string>();
  return {
    registered,
    register: async (instance: { sopInstanceUid: string; fileName: string }) => {
      registered.set(instance.sopInstanceUid, instance.fileName);
      await new Promise((resolve) => setTimeout(resolve, 1));
    },
    isKnown: (uid: string) => registered.has(uid),
  };
}

describe('importFiles', () => {
  it('loads the good files and names each bad one with its reason', async () => {
    const reg = registry();
    const bad: SourceFile[] = [
      { name: 'notes.txt', read: async () => new TextEncoder().encode('just text, not an image').buffer as ArrayBuffer },
      { name: 'gone.dcm', read: async () => Promise.reject(new Error('the file was moved')) },
    ];
    const result = await importFiles([...mrFiles, ...bad], reg);
    expect(result.instances).toHaveLength(5);
    expect(reg.registered.size).toBe(5);
    expect(result.notes.map((n) => [n.fileName, n.severity])).toEqual([
      ['gone.dcm', 'problem'],
      ['notes.txt', 'problem'],
    ]);
    expect(result.notes[0]!.reason).toMatch(/^could not be read: the browser could not open this file/);
    expect(result.notes[0]!.details).toBe('the file was moved');
    expect(result.notes[1]!.reason).toMatch(/not DICOM/);
  });

  it('loads an image once when two imports of the same files run at the same time', async () => {
    const reg = registry();
    const [a, b] = await Promise.all([importFiles(mrFiles, reg), importFiles(mrFiles, reg)]);
    expect(reg.registered.size).toBe(5);
    expect(a.instances.length + b.instances.length).toBe(5);
    const duplicates = [...a.notes, ...b.notes];
    expect(duplicates).toHaveLength(5);
    for (const note of duplicates) expect(note).toMatchObject({ severity: 'skipped', reason: expect.stringMatching(/already loaded/) });
  });

  it('reports progress up to the number of files', async () => {
    const seen: number[] = [];
    await importFiles(mrFiles, { ...registry(), onProgress: (done, total) => seen.push(done / total) });
    expect(seen.at(-1)).toBe(1);
    expect(seen).toHaveLength(5);
  });
});

describe('importFiles: one SOP Instance UID, several files', () => {
  const file = (name: string, bytes: Uint8Array): SourceFile => ({ name, read: async () => bytes.slice().buffer });
  const good = new Uint8Array(readFileSync(path.join(MR, readdirSync(MR).sort()[0]!)));
  // Same header (same UID), different pixels: as a copy damaged on the way would be.
  const damaged = good.slice();
  for (let i = damaged.length - 64; i < damaged.length; i++) damaged[i] = 0xff;

  const other = new Uint8Array(readFileSync(path.join(MR, readdirSync(MR).sort()[1]!)));

  it('keeps the good file when a damaged copy with its UID is read first (the middle file is), and reports both', async () => {
    const reg = registry();
    const result = await importFiles([file('0-other.dcm', other), file('a-damaged.dcm', damaged), file('b-good.dcm', good)], reg);
    expect(result.instances.map((i) => i.fileName).sort()).toEqual(['0-other.dcm', 'a-damaged.dcm', 'b-good.dcm']);
    expect(new Set(result.instances.map((i) => i.sopInstanceUid)).size).toBe(3);
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]!.severity).toBe('warning');
    expect(result.notes[0]!.reason).toMatch(/^Duplicate SOP Instance UID with different content: a-damaged\.dcm has the same UID/);
  });

  it('reads the middle file first and hands its image over before the others are read', async () => {
    const names = ['s1.dcm', 's2.dcm', 's3.dcm'];
    const read: string[] = [];
    const files = [other, good, other].map((bytes, i) => ({ name: names[i]!, read: async () => (read.push(names[i]!), bytes.slice().buffer) }));
    let firstSeen: { name: string; readBefore: number } | null = null;
    await importFiles(files, { ...registry(), onFirstImage: (instance) => (firstSeen ??= { name: instance.fileName, readBefore: read.length }) });
    expect(read[0]).toBe('s2.dcm');
    expect(firstSeen).toEqual({ name: 's2.dcm', readBefore: 1 });
  });

  it('still calls a byte-identical copy a duplicate', async () => {
    const result = await importFiles([file('a.dcm', good), file('copy-of-a.dcm', good)], registry());
    expect(result.instances).toHaveLength(1);
    expect(result.notes.map((n) => n.severity)).toEqual(['skipped']);
  });
});

describe('importFiles: files without a Part-10 header', () => {
  it('hands the loader a Part-10 file that reads back to the same data set', async () => {
    const { headerless, ctElements } = await import('../dicom/writeDicom');
    const { parseInstance } = await import('../../src/dicom');
    const raw = headerless(ctElements(), false);
    let given: ArrayBuffer | null = null;
    const result = await importFiles([{ name: 'raw', read: async () => raw.slice().buffer }], { register: async (_i, bytes) => void (given = bytes) });
    expect(result.instances).toHaveLength(1);
    const bytes = new Uint8Array(given!);
    expect(String.fromCharCode(...bytes.subarray(128, 132))).toBe('DICM');
    const reread = parseInstance('raw', bytes);
    expect(reread.kind).toBe('image');
    if (reread.kind === 'image') {
      expect(reread.instance.transferSyntaxUid).toBe('1.2.840.10008.1.2');
      expect(reread.instance.parseNotes).toBeUndefined();
      expect(reread.instance.frames[0]!.imagePositionPatient).toEqual([-100, -120.5, 30.25]);
    }
  });
});

describe('importFiles: images without SOP Instance UID', () => {
  it('loads each with a key from its content (the same in every session) and notes it in the series', async () => {
    const { part10, ctElements, str } = await import('../dicom/writeDicom');
    const { buildSeries } = await import('../../src/dicom');
    // SOP Instance UID empty in the data set and in the file meta; two different images.
    const noUid = (position: string) => {
      const bytes = part10(ctElements({ '00080018': str('00080018', 'UI', ''), '00200032': str('00200032', 'DS', position) }));
      const text = new TextDecoder('latin1').decode(bytes);
      const at = text.indexOf('1.2.3.4.5\0', 132);
      bytes.fill(0, at, at + 10);
      return bytes;
    };
    const files = [noUid('0\\0\\0'), noUid('0\\0\\5')].map((bytes, i) => ({ name: `nouid-${i}.dcm`, read: async () => bytes.slice().buffer }));
    const first = await importFiles(files, registry());
    const again = await importFiles(files, registry());
    expect(first.instances).toHaveLength(2);
    const keys = (r: typeof first) => r.instances.map((i) => `${i.fileName} ${i.sopInstanceUid}`).sort();
    expect(keys(first)).toEqual(keys(again));
    expect(new Set(first.instances.map((i) => i.sopInstanceUid)).size).toBe(2);
    expect(first.notes.map((n) => n.severity)).toEqual(['warning', 'warning']);
    const series = buildSeries(first.instances)[0]!.studies[0]!.series[0]!;
    expect(series.frames).toHaveLength(2);
    expect(series.warnings).toContain('2 images without SOP Instance UID (0008,0018): told apart by their content');
  });
});

describe('importFiles: the bytes the loader keeps', () => {
  it('hands the loader the source file itself when the file is what it reads, never a copy', async () => {
    const name = readdirSync(MR).sort()[0]!;
    const bytes = new Uint8Array(readFileSync(path.join(MR, name)));
    const blob = new Blob([bytes]);
    const given: { bytes: ArrayBuffer; file?: Blob }[] = [];
    const source: SourceFile = { name, read: () => blob.arrayBuffer(), blob };
    const result = await importFiles([source], { register: async (_i, b, file) => void given.push({ bytes: b, ...(file ? { file } : {}) }) });
    expect(result.instances).toHaveLength(1);
    expect(given[0]!.file).toBe(blob);
    expect(new Uint8Array(given[0]!.bytes)).toEqual(bytes);
  });

  it('gives no source file for a file wrapped in a Part-10 header: the loader reads other bytes than the file', async () => {
    const { headerless, ctElements } = await import('../dicom/writeDicom');
    const raw = headerless(ctElements(), false);
    const blob = new Blob([raw.slice()]);
    let file: Blob | undefined = blob;
    await importFiles([{ name: 'raw', read: () => blob.arrayBuffer(), blob }], { register: async (_i, _b, f) => void (file = f) });
    expect(file).toBeUndefined();
  });
});
