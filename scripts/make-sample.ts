import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { generateSample } from './sample/generate';

/** Writes the synthetic C-spine case to sample-dicom/ (or the directory given as the first argument). */
const outDir = resolve(process.argv[2] ?? 'sample-dicom');
const started = performance.now();
const { files, groundTruth } = generateSample(outDir);
const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
const { baseline, followup } = groundTruth.timepoints;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const where = relative(process.cwd(), outDir) || '.';
console.log(`Wrote ${files.length} files (${(bytes / 1e6).toFixed(1)} MB) to ${where} in ${seconds} s`);
console.log(
  `Lesion volume: baseline ${baseline.lesion.volumeMl} mL, follow-up ${followup.lesion.volumeMl} mL ` +
    `(ratio ${groundTruth.followupToBaselineVolumeRatio})`,
);
