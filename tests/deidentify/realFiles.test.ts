import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dcmjs from 'dcmjs';
import { describe, expect, it } from 'vitest';
import { createDeidentifySession, deidentifyFile, isStandardUid, type DicomDataset } from '../../src/deidentify';
import { dcmdumpValue, dciodvfyErrors, hasTool } from './dicomTools';

const SAMPLE = join(__dirname, '../../sample-dicom');
const REAL = join(__dirname, '../../../shared/dicom-real');
const realFiles = [
  'neurolabusc__dcm_qa_ct/In/Philips/S21570/S2010/I10',
  'neurolabusc__dcm_qa_ct/In/Philips/S21570/S2010/I100',
  'neurolabusc__dcm_qa_decubitus/In/HFS/3_t1_fl2d_sag/0001_1.3.12.2.1107.5.2.43.67060.2022040715053454597060816.dcm',
  'neurolabusc__dcm_qa_decubitus/In/HFS/3_t1_fl2d_sag/0002_1.3.12.2.1107.5.2.43.67060.2022040715053473863460818.dcm',
  'neurolabusc__dcm_qa_enh/In/Siemens/XA10/6_1.dcm',
  'pydicom__pydicom/src/pydicom/data/test_files/CT_small.dcm',
  'pydicom__pydicom-data/data_store/data/MR-SIEMENS-DICOM-WithOverlays.dcm',
  'pydicom__pydicom/src/pydicom/data/test_files/image_dfl.dcm',
  'neurolabusc__dcm_qa_ts/In/3.dcm',
  'pydicom__pydicom-data/data_store/data/JPEG-LL.dcm',
].map((path) => join(REAL, path));

const sampleFiles = ['baseline/ct', 'baseline/mr', 'followup/mr'].flatMap((folder) =>
  readdirSync(join(SAMPLE, folder)).filter((name) => name.endsWith('.dcm')).slice(0, 3).map((name) => join(SAMPLE, folder, name)),
);

const read = (path: string): ArrayBuffer => {
  const bytes = readFileSync(path);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
};
const parse = (bytes: ArrayBuffer) => dcmjs.data.DicomMessage.readFile(bytes) as unknown as { meta: DicomDataset; dict: DicomDataset };

const IDENTIFYING_TAGS = new Set([
  '00100010', '00100020', '00100030', '00100040', '00101000', '00101001', '00101040', '00080050', '00080080', '00080081',
  '00080090', '00081010', '00081040', '00081048', '00081050', '00081060', '00081070', '00200010', '00181000', '00321032',
  '00081030', '0008103E', '00204000', '00324000', '00400254', '00400253', '00400244', '00400241', '00380010', '00102160',
]);

/** Every element of a data set, sequences walked, as [tag, vr, values as text]. */
function* allElements(dataset: DicomDataset): Generator<[string, string, string[]]> {
  for (const [tag, element] of Object.entries(dataset)) {
    if (element.vr === 'SQ') {
      for (const item of (element.Value ?? []) as DicomDataset[]) yield* allElements(item);
      continue;
    }
    const texts = (element.Value ?? []).flatMap((value) => {
      if (typeof value === 'string') return [value];
      if (value && typeof value === 'object' && 'Alphabetic' in value) return [String(value.Alphabetic)];
      return [];
    });
    yield [tag, element.vr, texts];
  }
}

/**
 * The values of an input that identify the patient, the visit or the instances, as "tag=value".
 * Short values ("HFS" as a patient name) are only looked for in the same attribute, longer ones anywhere.
 */
function identifyingValues(dataset: DicomDataset): Set<string> {
  const values = new Set<string>();
  for (const [tag, vr, texts] of allElements(dataset)) {
    for (const text of texts) {
      const value = text.replace(/\0/g, '').trim();
      if (value.length < 3 || value === 'ANONYMOUS') continue;
      const identifying = IDENTIFYING_TAGS.has(tag) || vr === 'PN' || vr === 'DA' || (vr === 'DT' && value.length >= 8);
      const secret = vr === 'DT' ? value.slice(0, 8) : value;
      if (identifying || (vr === 'UI' && !isStandardUid(value))) values.add(secret.length >= 6 ? `*=${secret}` : `${tag}=${secret}`);
    }
  }
  return values;
}

/** Code Meaning holds the standard's own terms ("Uncompressed predecessor"): only an exact copy of a secret counts there. */
const CODE_MEANING = '00080104';

function leakedSecret(tag: string, text: string, secrets: Set<string>): string | undefined {
  const value = text.replace(/\0/g, '').trim();
  if (secrets.has(`${tag}=${value}`) || secrets.has(`*=${value}`)) return value;
  if (tag === CODE_MEANING) return undefined;
  for (const secret of secrets) if (secret.startsWith('*=') && value.includes(secret.slice(2))) return secret.slice(2);
  return undefined;
}

const present = [...sampleFiles, ...realFiles].filter((path) => existsSync(path));
const missingReal = realFiles.filter((path) => !existsSync(path));
if (missingReal.length) console.warn(`Skipping ${missingReal.length} real DICOM files: not found under ${REAL}.`);

describe('de-identifying the sample case and real files with one session', () => {
  const session = createDeidentifySession();
  const outputs = present.map((path) => ({ path, result: deidentifyFile(path, read(path), session, { includeBurnedIn: true }) }));

  it('writes every file', () => {
    for (const { result } of outputs) expect(result.ok, result.ok ? '' : result.reason).toBe(true);
  });

  it('leaves no identifying value of any input anywhere in any output (every attribute, sequences included)', () => {
    const secrets = new Set(present.flatMap((path) => [...identifyingValues(parse(read(path)).dict)]));
    expect(secrets.size).toBeGreaterThan(20);
    for (const { path, result } of outputs) {
      if (!result.ok) continue;
      const out = parse(result.bytes);
      for (const [tag, , texts] of [...allElements(out.dict), ...allElements(out.meta)]) {
        for (const text of texts) {
          const leaked = leakedSecret(tag, text, secrets);
          if (leaked) throw new Error(`${path}: ${tag} still holds "${leaked}" ("${text}")`);
        }
      }
      // Raw bytes before the pixel data, so that nothing hides in an element dcmjs could not type.
      const header = Buffer.from(result.bytes).toString('latin1');
      const headerEnd = header.lastIndexOf('\xe0\x7f\x10\x00');
      const headerText = header.slice(0, headerEnd > 0 ? headerEnd : header.length);
      // Names, IDs, dates and UIDs (digits or ^): plain words could be the standard's own terms.
      for (const secret of [...secrets].filter((s) => s.startsWith('*=') && /[\d^]/.test(s)).map((s) => s.slice(2))) expect(headerText.includes(secret), `${path} bytes hold ${secret}`).toBe(false);
      for (const [tag] of allElements(out.dict)) expect(parseInt(tag.slice(0, 4), 16) % 2, `${path} private ${tag}`).toBe(0);
    }
  });

  it('remaps UIDs consistently across files: baseline CT and MR keep one study, each series stays one series', () => {
    const sampleOutputs = outputs.filter(({ path }) => path.startsWith(SAMPLE) && path.includes('baseline'));
    const before = sampleOutputs.map(({ path }) => parse(read(path)).dict);
    const after = sampleOutputs.map(({ result }) => (result.ok ? parse(result.bytes).dict : {}));
    const uid = (d: DicomDataset, tag: string) => String(d[tag]?.Value?.[0]);
    for (let i = 0; i < before.length; i++) {
      for (let j = 0; j < before.length; j++) {
        for (const tag of ['0020000D', '0020000E', '00200052']) {
          const same = uid(before[i]!, tag) === uid(before[j]!, tag);
          expect(uid(after[i]!, tag) === uid(after[j]!, tag)).toBe(same);
        }
      }
    }
  });

  it('shifts dates consistently: baseline to follow-up interval unchanged', () => {
    const pick = (folder: string) => outputs.find(({ path }) => path.includes(folder))!;
    const date = (bytes: ArrayBuffer) => String(parse(bytes).dict['00080020']?.Value?.[0]);
    const days = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8)) / 86_400_000;
    const base = pick('baseline/mr');
    const follow = pick('followup/mr');
    if (!base.result.ok || !follow.result.ok) throw new Error('sample not written');
    const before = days(date(read(follow.path))) - days(date(read(base.path)));
    const after = days(date(follow.result.bytes)) - days(date(base.result.bytes));
    expect(before).toBeGreaterThan(0);
    expect(after).toBe(before);
    expect(days(date(base.result.bytes)) - days(date(read(base.path)))).toBe(session.dayShift);
  });

  it.skipIf(!hasTool('dcmdump'))('dcmtk reads every output (deflated, big endian, JPEG included): Patient Identity Removed = YES, new SOP Instance UID in meta and data set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spinelens-deid-'));
    outputs.forEach(({ path, result }, index) => {
      if (!result.ok) throw new Error(result.reason);
      const file = join(dir, `out${index}.dcm`);
      writeFileSync(file, Buffer.from(result.bytes));
      expect(dcmdumpValue(file, 'PatientIdentityRemoved'), path).toContain('[YES]');
      const sop = /\[(.*?)\]/.exec(dcmdumpValue(file, 'SOPInstanceUID'))?.[1];
      expect(sop, path).toMatch(/^2\.25\./);
      expect(dcmdumpValue(file, 'MediaStorageSOPInstanceUID'), path).toContain(sop);
    });
  });

  it.skipIf(!hasTool('dciodvfy'))('dciodvfy finds no error the input did not already have', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spinelens-deid-'));
    if (!hasTool('dciodvfy')) console.warn('dciodvfy (dicom3tools) not installed: validation skipped.');
    outputs.forEach(({ path, result }, index) => {
      if (!result.ok) return;
      const file = join(dir, `${index}.dcm`);
      writeFileSync(file, Buffer.from(result.bytes));
      const normalise = (line: string) => line.replace(/[ \t]+/g, ' ').trim();
      // dciodvfy cannot read a deflated file: the input's own errors come from dcmtk's uncompressed copy.
      let reference = path;
      if (dciodvfyErrors(path).some((line) => line.includes('Dicom dataset read failed')) && hasTool('dcmconv')) {
        reference = join(dir, `${index}-input.dcm`);
        execFileSync('dcmconv', ['+te', path, reference]);
      }
      const inputErrors = new Set(dciodvfyErrors(reference).map(normalise));
      const newErrors = dciodvfyErrors(file).map(normalise).filter((line) => !inputErrors.has(line));
      expect(newErrors, path).toEqual([]);
      if (path.startsWith(SAMPLE)) expect(dciodvfyErrors(file), path).toEqual([]);
    });
  });
});
