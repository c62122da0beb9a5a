/**
 * The benchmark's series, generated once into the temp folder and reused while their recipe is unchanged
 * (a ".complete" file marks a finished series). JPEG-LS lossless copies are made with dcmtk's dcmcjpls.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSeries, type SeriesSpec } from './syntheticSeries';

export interface BenchCase {
  name: string;
  label: string;
  spec: SeriesSpec;
  compress?: 'jpegls';
  /** 'pacs': the series is uploaded to a test Orthanc and opened by the page's ?pacs=/pacs&study= link. */
  source?: 'pacs';
  /** The case whose generated files this one uses (no copy on disk). */
  sameFilesAs?: string;
}

export const CASES: readonly BenchCase[] = [
  { name: 'ct300', label: '300 × 512² int16 CT, uncompressed', spec: ct(300, 1) },
  { name: 'ct300jls', label: 'the same CT, JPEG-LS lossless', spec: ct(300, 1), compress: 'jpegls' },
  {
    name: 'mr200',
    label: '200 × 256² MR, uncompressed',
    spec: { modality: 'MR', size: 256, slices: 200, pixelSpacing: 0.9, sliceSpacing: 1, description: 'Bench MR 200', seriesNumber: 3 },
  },
  { name: 'ct300pacs', label: 'the ct300 CT, opened from Orthanc (DICOMweb via the /pacs proxy)', spec: ct(300, 1), source: 'pacs', sameFilesAs: 'ct300' },
  { name: 'ct1000', label: '1,000 × 512² int16 CT, uncompressed', spec: ct(1000, 4) },
];

function ct(slices: number, seriesNumber: number): SeriesSpec {
  return { modality: 'CT', size: 512, slices, pixelSpacing: 0.7, sliceSpacing: 0.625, description: `Bench CT ${slices}`, seriesNumber };
}

const RECIPE_VERSION = 1;
export const DATA_ROOT = path.join(os.tmpdir(), `spinelens-bench-data-v${RECIPE_VERSION}`);

const listFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.dcm'))
    .sort()
    .map((name) => path.join(dir, name));

export function hasJpegLsTool(): boolean {
  try {
    execFileSync('dcmcjpls', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The files of a case, generating them first when absent. */
export function filesFor(benchCase: BenchCase, log: (line: string) => void): string[] {
  const original = benchCase.sameFilesAs && CASES.find((c) => c.name === benchCase.sameFilesAs);
  if (original) return filesFor(original, log);
  const dir = path.join(DATA_ROOT, benchCase.name);
  if (existsSync(path.join(dir, '.complete'))) return listFiles(dir);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`generating ${benchCase.name} (${benchCase.label}) in ${dir}`);
  if (benchCase.compress === 'jpegls') {
    const source = filesFor({ ...benchCase, name: benchCase.name.replace(/jls$/, ''), compress: undefined }, log);
    for (const file of source) execFileSync('dcmcjpls', ['--encode-lossless', file, path.join(dir, path.basename(file))]);
  } else {
    writeSeries(dir, benchCase.spec);
  }
  writeFileSync(path.join(dir, '.complete'), new Date().toISOString());
  return listFiles(dir);
}
