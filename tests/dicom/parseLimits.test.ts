import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseInstance } from '../../src/dicom';
import { MAX_INFLATED_BYTES } from '../../src/dicom/inflate';
import { isCataloguedReason } from '../../src/dicom/reasons';
import type { ParseResult } from '../../src/dicom/types';
import { ctElements, encapsulated, part10, raw, str, us } from './writeDicom';

function problem(result: ParseResult): string {
  expect(result.kind).toBe('problem');
  const reason = result.kind === 'image' ? '' : result.reason;
  expect(isCataloguedReason(reason), reason).toBe(true);
  return reason;
}

/** Time one parse: a header value must never make it slow. */
function timed(bytes: Uint8Array): { result: ParseResult; ms: number } {
  const start = performance.now();
  const result = parseInstance('ct.dcm', bytes);
  return { result, ms: performance.now() - start };
}

describe('parseInstance: counts checked against the file before anything is allocated', () => {
  for (const frames of ['100000000', '1000000000', '4294967296', '1e300']) {
    it(`refuses Number of Frames ${frames} on a 4×4 CT quickly`, () => {
      const { result, ms } = timed(part10(ctElements({ '00280008': str('00280008', 'IS', frames) })));
      expect(problem(result)).toMatch(/^(too many frames|pixel data too short)/);
      expect(ms).toBeLessThan(200);
    });
  }

  it('refuses more frames than the Pixel Data holds even under the frame cap', () => {
    const reason = problem(parseInstance('ct.dcm', part10(ctElements({ '00280008': str('00280008', 'IS', '3') }))));
    // 4 × 4 × 3 frames × 2 bytes = 96 bytes; the element holds 32.
    expect(reason).toContain('need 96 bytes, Pixel Data holds 32');
  });

  it('refuses a Number of Frames that is not a whole number', () => {
    expect(problem(parseInstance('ct.dcm', part10(ctElements({ '00280008': str('00280008', 'IS', '2.5') }))))).toMatch(/^implausible pixel attributes: Number of Frames/);
  });

  it('reads a real 3-frame file whose Pixel Data holds the 3 frames', () => {
    const result = parseInstance('ct.dcm', part10(ctElements({ '00280008': str('00280008', 'IS', '3'), '7FE00010': raw('7FE00010', 'OW', new Uint8Array(96)) })));
    expect(result.kind).toBe('image');
    if (result.kind === 'image') expect(result.instance.frames).toHaveLength(3);
  });
});

describe('parseInstance: implausible pixel attributes are refused with a reason', () => {
  const cases: Array<[string, Record<string, ReturnType<typeof us>>, RegExp]> = [
    ['Bits Allocated 13', { '00280100': us('00280100', 13), '00280101': us('00280101', 12) }, /Bits Allocated \(0028,0100\) is 13/],
    ['Bits Stored above Bits Allocated', { '00280101': us('00280101', 20) }, /Bits Stored \(0028,0101\) is 20 with Bits Allocated 16/],
    ['High Bit beyond Bits Allocated', { '00280102': us('00280102', 16) }, /High Bit \(0028,0102\) is 16/],
    ['Samples per Pixel 65535', { '00280002': us('00280002', 65535) }, /Samples per Pixel \(0028,0002\) is 65535/],
    ['MONOCHROME2 with 3 samples', { '00280002': us('00280002', 3) }, /MONOCHROME2 with 3 samples per pixel/],
  ];
  for (const [name, overrides, expected] of cases) {
    it(name, () => {
      const reason = problem(parseInstance('ct.dcm', part10(ctElements(overrides))));
      expect(reason).toMatch(/^implausible pixel attributes: /);
      expect(reason).toMatch(expected);
    });
  }

  it('refuses compressed fragments under an uncompressed transfer syntax', () => {
    const elements = ctElements({ '7FE00010': null });
    const reason = problem(parseInstance('ct.dcm', part10(elements, { trailer: encapsulated([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])]) })));
    expect(reason).toMatch(/^transfer syntax does not match the data: 1\.2\.840\.10008\.1\.2\.1 is uncompressed/);
  });

  it('refuses native pixels under a JPEG transfer syntax', () => {
    const reason = problem(parseInstance('ct.dcm', part10(ctElements(), { transferSyntax: '1.2.840.10008.1.2.4.50' })));
    expect(reason).toMatch(/^transfer syntax does not match the data: 1\.2\.840\.10008\.1\.2\.4\.50 is compressed/);
  });

  it('refuses a 65535 × 65535 compressed frame before any decoder would allocate it', () => {
    const elements = ctElements({ '00280010': us('00280010', 65535), '00280011': us('00280011', 65535), '7FE00010': null });
    const reason = problem(parseInstance('big.dcm', part10(elements, { transferSyntax: '1.2.840.10008.1.2.4.50', trailer: encapsulated([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])]) })));
    expect(reason).toMatch(/^image too large: 65535 × 65535 pixels at 16 bits need 8192 MB a frame/);
  });
});

describe('parseInstance: deflated data sets', () => {
  it('says a deflated stream that cannot be inflated is damaged, zlib words only in details', () => {
    const good = part10(ctElements(), { transferSyntax: '1.2.840.10008.1.2.1.99' });
    const bytes = good.slice();
    // Corrupt the deflate stream after the file meta: a reserved block type (binary 11) in the first header.
    bytes[findStreamStart(good)] = 0x07;
    const result = parseInstance('deflated.dcm', bytes);
    const reason = problem(result);
    expect(reason).toBe('damaged: the deflated data set cannot be inflated (CT Image object)');
    expect(result.kind === 'problem' ? result.details : '').toMatch(/invalid block type/);
  });

  it('stops inflating a deflate bomb at the limit', async () => {
    const { inflateDataSet } = await import('../../src/dicom/inflate');
    const bomb = new Uint8Array(deflateRawSync(new Uint8Array(8 * 1024 * 1024)));
    expect(bomb.length).toBeLessThan(20_000);
    expect(() => inflateDataSet(bomb, 0, 1024 * 1024)).toThrow(/too large to read: the deflated data set inflates to more than 1 MB/);
    expect(inflateDataSet(bomb, 0).length).toBe(8 * 1024 * 1024);
    expect(MAX_INFLATED_BYTES).toBeGreaterThanOrEqual(256 * 1024 * 1024);
  });
});

/** Offset of the first byte after the file meta group (its length is in (0002,0000)). */
function findStreamStart(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  // 132 + tag(4) + VR(2) + length(2) + UL value(4) = 144, then the group's length.
  return 144 + view.getUint32(140, true);
}

describe('parseInstance: property, on random bytes', () => {
  it('never throws and always gives a catalogued reason, with or without a DICM preamble', async () => {
    const { random } = await import('../../scripts/corpus/mutate');
    const rnd = random(99);
    const explicitHeader = part10(ctElements()).subarray(0, 400);
    for (let i = 0; i < 3000; i++) {
      const length = Math.floor(rnd() * 2048);
      const bytes = new Uint8Array(length);
      for (let j = 0; j < length; j++) bytes[j] = Math.floor(rnd() * 256);
      // A third keep a real preamble and file meta start, so the parser gets past the first checks.
      if (i % 3 === 0) bytes.set(explicitHeader.subarray(0, Math.min(length, Math.floor(rnd() * 400))));
      let result: ParseResult | undefined;
      expect(() => (result = parseInstance(`random-${i}`, bytes))).not.toThrow();
      if (result && result.kind !== 'image') expect(isCataloguedReason(result.reason), `${i}: ${result.reason}`).toBe(true);
    }
  });
});
