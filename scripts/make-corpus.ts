/**
 * Writes a corpus of broken DICOM files (truncations, byte flips, bad lengths, open sequences,
 * absurd pixel attributes and frame counts, wrong transfer syntaxes, zeros, renamed JPEG and text,
 * DICOMDIR) made from the sample and, when present, the real files in ../shared/dicom-real.
 * Usage: npm run make-corpus -- [out folder] [mutants per file]. Deterministic: same files every run.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mutants, strangers, type Mutant } from './corpus/mutate';

const root = path.resolve(import.meta.dirname, '..');
const out = path.resolve(process.argv[2] ?? '/tmp/spinelens-corpus');
const perFile = Number(process.argv[3] ?? 200);
const pydicom = path.resolve(root, '../shared/dicom-real/pydicom__pydicom/src/pydicom/data/test_files');

const read = (file: string): Mutant => ({ name: path.basename(path.dirname(file)) + '-' + path.basename(file), bytes: new Uint8Array(readFileSync(file)) });
const bases = [path.join(root, 'sample-dicom/baseline/ct/IM0001.dcm'), path.join(root, 'sample-dicom/baseline/mr/IM0001.dcm')];
if (existsSync(pydicom)) {
  for (const name of readdirSync(pydicom)) if (name.endsWith('.dcm')) bases.push(path.join(pydicom, name));
  bases.push(path.join(pydicom, 'dicomdirtests/DICOMDIR'));
} else {
  console.warn(`${pydicom} is absent: the corpus is made from the sample only`);
}

mkdirSync(out, { recursive: true });
let count = 0;
const index: string[] = [];
for (const mutant of [...strangers(), ...mutants(bases.map(read), perFile)]) {
  writeFileSync(path.join(out, mutant.name), mutant.bytes);
  index.push(`${mutant.name}\t${'label' in mutant ? String(mutant.label) : 'not DICOM'}`);
  count++;
}
writeFileSync(path.join(out, 'INDEX.tsv'), `${index.join('\n')}\n`);
console.log(`${count} files in ${out} (what each is: INDEX.tsv)`);
