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
    expect(result.notes[0]!.reason).toBe('Could not be read: the file was moved');
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
