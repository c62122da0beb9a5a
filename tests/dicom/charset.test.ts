import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInstance } from '../../src/dicom';
import { characterSetOf, decodeText } from '../../src/dicom/charset';
import { readDataSet } from '../../src/dicom/readDataSet';

const CHARSETS = path.resolve(import.meta.dirname, '../../../shared/dicom-real/pydicom__pydicom/src/pydicom/data/charset_files');
const present = existsSync(CHARSETS);
if (!present) console.warn(`${CHARSETS} is absent: character set tests on real files skipped`);

// Expected Patient's Names as pydicom's tests/test_charset.py lists them (FILE_PATIENT_NAMES).
const EXPECTED: Array<[string, string]> = [
  ['chrArab', 'قباني^لنزار'],
  ['chrFren', 'Buc^Jérôme'],
  ['chrFrenMulti', 'Buc^Jérôme'],
  ['chrGerm', 'Äneas^Rüdiger'],
  ['chrGreek', 'Διονυσιος'],
  ['chrH31', 'Yamada^Tarou=山田^太郎=やまだ^たろう'],
  ['chrH32', 'ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう'],
  ['chrHbrw', 'שרון^דבורה'],
  ['chrI2', 'Hong^Gildong=洪^吉洞=홍^길동'],
  ['chrJapMulti', 'やまだ^たろう'],
  ['chrJapMultiExplicitIR6', 'やまだ^たろう'],
  ['chrKoreanMulti', '김희중'],
  ['chrRuss', 'Люкceмбypг'],
  ['chrX1', 'Wang^XiaoDong=王^小東'],
  ['chrX2', 'Wang^XiaoDong=王^小东'],
];

function dataSetOf(name: string) {
  const read = readDataSet(new Uint8Array(readFileSync(path.join(CHARSETS, `${name}.dcm`))));
  if (!read.ok) throw new Error(`${name}: ${read.reason}`);
  return read.dataSet;
}

describe.skipIf(!present)('Patient\'s Name in every Specific Character Set (pydicom charset files)', () => {
  for (const [name, expected] of EXPECTED) {
    it(`${name}: ${expected}`, () => {
      const ds = dataSetOf(name);
      // Through parseInstance when the file is an image; else straight from the data set.
      const parsed = parseInstance(`${name}.dcm`, new Uint8Array(readFileSync(path.join(CHARSETS, `${name}.dcm`))));
      const decoded = parsed.kind === 'image' ? parsed.instance.patientName : decodeText(ds, 'x00100010', characterSetOf(ds), 'PN');
      expect(decoded).toBe(expected);
    });
  }

  it('a sequence item with its own character set (chrSQEncoding)', () => {
    const ds = dataSetOf('chrSQEncoding');
    const item = ds.elements.x00321064?.items?.[0]?.dataSet;
    expect(item).toBeDefined();
    expect(characterSetOf(ds)).toBe('ISO_IR 192');
    const set = characterSetOf(item!, characterSetOf(ds));
    expect(decodeText(item!, 'x00100010', set, 'PN')).toBe('ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう');
  });

  it('a sequence item inheriting its parent\'s character set (chrSQEncoding1)', () => {
    const ds = dataSetOf('chrSQEncoding1');
    const item = ds.elements.x00321064?.items?.[0]?.dataSet;
    const set = characterSetOf(item!, characterSetOf(ds));
    expect(decodeText(item!, 'x00100010', set, 'PN')).toBe('ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう');
  });
});
