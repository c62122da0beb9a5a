import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../scripts/sample/generate';
import { listFiles, SAMPLE_DIR } from './paths';

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('sample generator', () => {
  const out = mkdtempSync(join(tmpdir(), 'spinelens-sample-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes byte-identical files to the committed sample-dicom/ (run `npm run make-sample` after changing it)', () => {
    generateSample(out);
    const fresh = listFiles(out);
    expect(listFiles(SAMPLE_DIR)).toEqual(fresh);
    const differing = fresh.filter((f) => sha256(join(out, f)) !== sha256(join(SAMPLE_DIR, f)));
    expect(differing).toEqual([]);
  }, 120_000);

  it('stays under 30 MB with 73 CT and 2 × 19 MR images', () => {
    const files = listFiles(SAMPLE_DIR);
    const bytes = files.reduce((sum, f) => sum + statSync(join(SAMPLE_DIR, f)).size, 0);
    expect(bytes).toBeLessThan(30e6);
    expect(files.filter((f) => f.startsWith('baseline/ct/'))).toHaveLength(73);
    expect(files.filter((f) => f.startsWith('baseline/mr/'))).toHaveLength(19);
    expect(files.filter((f) => f.startsWith('followup/mr/'))).toHaveLength(19);
  });
});
