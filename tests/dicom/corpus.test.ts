import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSeries, parseInstance } from '../../src/dicom';
import { isCataloguedReason } from '../../src/dicom/reasons';
import type { InstanceMeta } from '../../src/dicom/types';
import { mutants, strangers, type Mutant } from '../../scripts/corpus/mutate';
import { ctElements, encapsulated, part10, raw, str } from './writeDicom';

const SAMPLE = path.resolve(import.meta.dirname, '../../sample-dicom/baseline');
const REAL = path.resolve(import.meta.dirname, '../../../shared/dicom-real');
const PYDICOM = path.join(REAL, 'pydicom__pydicom/src/pydicom/data/test_files');
const REAL_BASES = [
  'CT_small.dcm', 'MR_small_RLE.dcm', 'image_dfl.dcm', 'JPEG2000.dcm', 'ExplVR_BigEnd.dcm', 'rtdose.dcm', 'no_meta.dcm', 'meta_missing_tsyntax.dcm', 'dicomdirtests/DICOMDIR',
].map((name) => path.join(PYDICOM, name)).concat(path.join(REAL, 'neurolabusc__dcm_qa_enh/In/Siemens/XA10/6_1.dcm'));

/** Library and engine words that must never be a reason shown to a reader. */
const RAW = /Cannot read prop|undefined|TypeError|RangeError|zlib|invalid (block|distance|code|stored)|incorrect header|dicomParser|maxPosition|readFixedString|Maximum call stack|out of memory/i;

const read = (file: string): Mutant => ({ name: path.basename(file), bytes: new Uint8Array(readFileSync(file)) });

/** Made here so the corpus does not depend on files outside the repo: multi-frame, deflated, JPEG fragments. */
function generatedBases(): Mutant[] {
  const threeFrames = ctElements({ '00280008': str('00280008', 'IS', '3'), '7FE00010': raw('7FE00010', 'OW', new Uint8Array(96)) });
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xdb, 0x00, 0x02, 0xff, 0xd9]);
  return [
    { name: 'generated-multiframe', bytes: part10(threeFrames) },
    { name: 'generated-deflated', bytes: part10(ctElements(), { transferSyntax: '1.2.840.10008.1.2.1.99' }) },
    { name: 'generated-jpeg', bytes: part10(ctElements({ '7FE00010': null }), { transferSyntax: '1.2.840.10008.1.2.4.50', trailer: encapsulated([jpeg]) }) },
    { name: 'generated-implicit', bytes: part10(ctElements(), { transferSyntax: '1.2.840.10008.1.2' }) },
  ];
}

describe('10,000+ broken files through parse and series building', () => {
  const realPresent = existsSync(PYDICOM);
  if (!realPresent) console.warn(`corpus: ${PYDICOM} is absent: only the sample and generated files are mutated`);
  const bases = [
    read(path.join(SAMPLE, 'ct/IM0001.dcm')),
    read(path.join(SAMPLE, 'mr/IM0001.dcm')),
  ];

  it('never throws, never hangs, and every reason comes from our catalogue', () => {
    for (const base of [...bases, ...generatedBases()]) expect(parseInstance(base.name, base.bytes).kind, base.name).toBe('image');
    const corpus: Iterable<Mutant & { label?: string }>[] = [
      mutants(bases, 3000, 1),
      mutants(generatedBases(), 1000, 2),
      strangers(),
    ];
    if (realPresent) corpus.push(mutants(REAL_BASES.filter((f) => existsSync(f)).map(read), 250, 3));

    const images: InstanceMeta[] = [];
    const unexplained: string[] = [];
    let count = 0;
    let slowest = { ms: 0, name: '' };
    const started = performance.now();
    for (const source of corpus) {
      for (const mutant of source) {
        count++;
        const t0 = performance.now();
        const result = parseInstance(mutant.name, mutant.bytes);
        const ms = performance.now() - t0;
        if (ms > slowest.ms) slowest = { ms, name: `${mutant.name} (${mutant.label ?? ''})` };
        if (result.kind === 'image') {
          images.push(result.instance);
          continue;
        }
        if (!isCataloguedReason(result.reason) || RAW.test(result.reason) || result.fileName !== mutant.name) {
          unexplained.push(`${mutant.name} (${mutant.label ?? ''}): ${result.reason}`);
        }
      }
    }
    const parseMs = performance.now() - started;

    // Series building over what was read: in chunks (as folders arrive) and all at once.
    const t1 = performance.now();
    for (let i = 0; i < images.length; i += 200) buildSeries(images.slice(i, i + 200));
    const patients = buildSeries(images);
    const buildMs = performance.now() - t1;

    console.info(`corpus: ${count} files, ${images.length} read as images, parse ${(parseMs / 1000).toFixed(1)} s, slowest ${slowest.ms.toFixed(0)} ms (${slowest.name}), series ${buildMs.toFixed(0)} ms`);
    expect(count).toBeGreaterThanOrEqual(10_000);
    expect(unexplained.slice(0, 20)).toEqual([]);
    expect(slowest.ms).toBeLessThan(2000);
    expect(buildMs).toBeLessThan(20_000);
    expect(patients.length).toBeGreaterThan(0);
  }, 240_000);
});
