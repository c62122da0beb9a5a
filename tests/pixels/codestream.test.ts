import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codestreamProblem, decodedLengthProblem } from '../../src/pixels/codestream';
import { DCMTK_SKIP_REASON, compressedSampleSeries, cutEndMarker, fragments, hasDcmtk, readBytes, truncateFragment, withDeclaredSize } from '../../e2e/fixtures/damagedPixels';

const JPEG_LS = '1.2.840.10008.1.2.4.80';
const JPEG_LOSSLESS = '1.2.840.10008.1.2.4.70';
const J2K_LOSSLESS = '1.2.840.10008.1.2.4.90';
const EMRI_J2K = path.resolve(import.meta.dirname, '../../../shared/dicom-real/pydicom__pydicom-data/data_store/data/emri_small_jpeg_2k_lossless.dcm');

/** Rows and Columns as dcmtk reads them: the truth the codestream must agree with. */
function sizeByDcmdump(file: string): { rows: number; columns: number } {
  const text = execFileSync('dcmdump', ['+P', 'Rows', '+P', 'Columns', file], { encoding: 'utf8' });
  const [rows, columns] = [...text.matchAll(/US (\d+)/g)].map((m) => Number(m[1]));
  return { rows: rows!, columns: columns! };
}

const frame = (bytes: Uint8Array, index: number): Uint8Array => {
  const f = fragments(bytes)[index]!;
  return bytes.subarray(f.valueAt, f.valueAt + f.length);
};

describe.skipIf(!hasDcmtk)('JPEG-LS and JPEG lossless frames made by dcmtk', () => {
  if (!hasDcmtk) console.warn(DCMTK_SKIP_REASON);
  for (const [codec, syntax] of [['jpeg-ls', JPEG_LS], ['jpeg-lossless', JPEG_LOSSLESS]] as const) {
    it(`${codec}: a whole frame passes; cut short, without its end marker, or of another size it is refused`, () => {
      const file = compressedSampleSeries(codec)[0]!;
      const size = sizeByDcmdump(file);
      const bytes = readBytes(file);
      expect(codestreamProblem(frame(bytes, 0), syntax, size)).toBeNull();
      expect(codestreamProblem(frame(truncateFragment(bytes, 0, 0.5), 0), syntax, size)?.reason).toMatch(/^the compressed frame ends early/);
      expect(codestreamProblem(frame(cutEndMarker(bytes, 0), 0), syntax, size)?.reason).toMatch(/^the compressed frame ends early/);
      expect(codestreamProblem(frame(withDeclaredSize(bytes, 0, 100, size.columns), 0), syntax, size)?.reason).toBe(
        `the compressed frame is ${size.columns}×100 pixels but the header says ${size.columns}×${size.rows} (Columns × Rows): it would be drawn stretched or garbled`,
      );
      expect(codestreamProblem(new Uint8Array([1, 2, 3, 4]), syntax, size)?.reason).toBe('the compressed frame does not begin with a JPEG codestream');
    });
  }
});

describe.skipIf(!existsSync(EMRI_J2K))('JPEG 2000 frames of a real multi-frame MR', () => {
  it('every frame passes; a cut frame, a frame without EOC and a frame of another size are refused', () => {
    const bytes = readBytes(EMRI_J2K);
    const size = hasDcmtk ? sizeByDcmdump(EMRI_J2K) : { rows: 64, columns: 64 };
    for (let i = 0; i < 10; i++) expect(codestreamProblem(frame(bytes, i), J2K_LOSSLESS, size)).toBeNull();
    expect(codestreamProblem(frame(truncateFragment(bytes, 3, 0.6), 3), J2K_LOSSLESS, size)?.reason).toMatch(/ends early/);
    expect(codestreamProblem(frame(cutEndMarker(bytes, 4), 4), J2K_LOSSLESS, size)?.reason).toMatch(/ends early/);
    expect(codestreamProblem(frame(withDeclaredSize(bytes, 5, 32, 64), 5), J2K_LOSSLESS, size)?.reason).toMatch(/^the compressed frame is 64×32 pixels/);
  });
});

describe('decoded length', () => {
  it('must be Rows × Columns × components', () => {
    expect(decodedLengthProblem(256 * 256, { rows: 256, columns: 256, components: 1 })).toBeNull();
    expect(decodedLengthProblem(256 * 128, { rows: 256, columns: 256, components: 1 })?.reason).toBe('the decoder gave 32768 values where Rows × Columns × samples is 65536');
    expect(decodedLengthProblem(64 * 64 * 3, { rows: 64, columns: 64, components: 3 })).toBeNull();
  });
  it('other transfer syntaxes are not judged here', () => {
    expect(codestreamProblem(new Uint8Array([0, 1]), '1.2.840.10008.1.2.5', { rows: 2, columns: 2 })).toBeNull();
  });
});

describe.skipIf(!existsSync(path.dirname(EMRI_J2K)))('real JPEG 2000 files with odd-length codestreams', () => {
  it('a codestream padded with FF after its end marker (MR2_J2KR, MR2_J2KI) passes', () => {
    for (const name of ['MR2_J2KR.dcm', 'MR2_J2KI.dcm']) {
      const bytes = readBytes(path.join(path.dirname(EMRI_J2K), name));
      // One frame in three fragments: the frame is their concatenation.
      const whole = Buffer.concat(fragments(bytes).map((f) => bytes.subarray(f.valueAt, f.valueAt + f.length)));
      expect(codestreamProblem(whole, J2K_LOSSLESS, { rows: 1024, columns: 1024 }), name).toBeNull();
    }
  });
});

/** Padding writers put after the end marker: several FF, 00/FF mixes, one odd byte, a few dozen bytes. */
const PADDINGS: Record<string, number[]> = {
  'one odd 00': [0x00],
  'one odd FF': [0xff],
  'several FF': [0xff, 0xff, 0xff],
  '00 then FF': [0x00, 0xff],
  'FF/00 mix': [0xff, 0x00, 0xff, 0x00, 0x00, 0xff],
  'forty bytes of FF/00': Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 0x00 : 0xff)),
};
const padded = (bytes: Uint8Array, pad: number[]): Uint8Array => new Uint8Array([...bytes, ...pad]);

function expectPaddingTolerated(whole: Uint8Array, cut: Uint8Array, syntax: string, size: { rows: number; columns: number }): void {
  for (const [name, pad] of Object.entries(PADDINGS)) {
    expect(codestreamProblem(padded(whole, pad), syntax, size), `whole frame + ${name}`).toBeNull();
    expect(codestreamProblem(padded(cut, pad), syntax, size)?.reason, `cut frame + ${name}`).toMatch(/ends early/);
  }
  // Only 00 and FF pad: any other byte after the marker is not padding.
  expect(codestreamProblem(padded(whole, [0x12]), syntax, size)?.reason).toMatch(/ends early/);
}

describe('a whole frame padded after its end marker with 00/FF bytes passes; a cut one so padded is still refused', () => {
  it.skipIf(!existsSync(EMRI_J2K))('JPEG 2000 (real MR frames)', () => {
    const bytes = readBytes(EMRI_J2K);
    const size = { rows: 64, columns: 64 };
    expectPaddingTolerated(frame(bytes, 2), frame(truncateFragment(bytes, 2, 0.6), 2), J2K_LOSSLESS, size);
    expectPaddingTolerated(frame(bytes, 4), frame(cutEndMarker(bytes, 4), 4), J2K_LOSSLESS, size);
  });
  for (const [codec, syntax] of [['jpeg-ls', JPEG_LS], ['jpeg-lossless', JPEG_LOSSLESS]] as const) {
    it.skipIf(!hasDcmtk)(`${codec} (made by dcmtk)`, () => {
      const file = compressedSampleSeries(codec)[0]!;
      const bytes = readBytes(file);
      const size = sizeByDcmdump(file);
      expectPaddingTolerated(frame(bytes, 0), frame(truncateFragment(bytes, 0, 0.5), 0), syntax, size);
    });
  }
});
