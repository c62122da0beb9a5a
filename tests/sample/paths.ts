import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GroundTruth } from '../../scripts/sample/groundTruth';

/** The committed sample case. */
export const SAMPLE_DIR = fileURLToPath(new URL('../../sample-dicom', import.meta.url));

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

export const loadGroundTruth = (): GroundTruth =>
  JSON.parse(readFileSync(join(SAMPLE_DIR, 'ground-truth.json'), 'utf8')) as GroundTruth;
