import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codestreamProblem } from '../../src/pixels/codestream';
import { DCMTK_SKIP_REASON, cutEndMarker, fragments, hasDcmtk, readBytes, truncateFragment } from '../../e2e/fixtures/damagedPixels';

/**
 * Why a frame without its end marker is refused before decoding rather than handed to the decoder: what the
 * decoders the viewer ships do with a whole stream lacking only FFD9, and with a cut stream.
 */
const require = createRequire(import.meta.url);
const EMRI_J2K = path.resolve(import.meta.dirname, '../../../shared/dicom-real/pydicom__pydicom-data/data_store/data/emri_small_jpeg_2k_lossless.dcm');

const SAMPLE_MR = path.resolve(import.meta.dirname, '../../sample-dicom/baseline/mr');

/** One image of the sample MR series, compressed by dcmtk (dcmcjpls: JPEG-LS, dcmcjpeg: JPEG lossless). */
function compressedSample(tool: 'dcmcjpls' | 'dcmcjpeg'): Uint8Array {
  const name = readdirSync(SAMPLE_MR).filter((n) => n.endsWith('.dcm')).sort()[0]!;
  const target = path.join(mkdtempSync(path.join(tmpdir(), `spinelens-${tool}-`)), name);
  execFileSync(tool, [path.join(SAMPLE_MR, name), target]);
  return readBytes(target);
}

const frame = (bytes: Uint8Array, index = 0): Uint8Array => {
  const f = fragments(bytes)[index]!;
  return bytes.subarray(f.valueAt, f.valueAt + f.length);
};
const differing = (a: ArrayLike<number>, b: ArrayLike<number>): number => Array.from(a).filter((v, i) => v !== b[i]).length;

interface WasmDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getDecodedBuffer(): Uint8Array;
}
async function wasmDecode(factory: string, decoderClass: 'JpegLSDecoder' | 'J2KDecoder', bytes: Uint8Array): Promise<Uint16Array | Error> {
  const codec = (await (require(factory) as () => Promise<Record<string, new () => WasmDecoder>>)())[decoderClass]!;
  const decoder = new codec();
  decoder.getEncodedBuffer(bytes.length).set(bytes);
  try {
    decoder.decode();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
  return new Uint16Array(decoder.getDecodedBuffer().slice().buffer);
}

describe.skipIf(!hasDcmtk)('JPEG-LS and JPEG lossless decoders on frames without their end marker', () => {
  if (!hasDcmtk) console.warn(DCMTK_SKIP_REASON);
  it('CharLS refuses a JPEG-LS frame cut short and one lacking only FFD9: deferring to it would rescue no frame', async () => {
    const bytes = compressedSample('dcmcjpls');
    const whole = await wasmDecode('@cornerstonejs/codec-charls/decodewasmjs', 'JpegLSDecoder', frame(bytes));
    expect(whole).toBeInstanceOf(Uint16Array);
    expect(await wasmDecode('@cornerstonejs/codec-charls/decodewasmjs', 'JpegLSDecoder', frame(cutEndMarker(bytes, 0)))).not.toBeInstanceOf(Uint16Array);
    expect(await wasmDecode('@cornerstonejs/codec-charls/decodewasmjs', 'JpegLSDecoder', frame(truncateFragment(bytes, 0, 0.5)))).not.toBeInstanceOf(Uint16Array);
  });

  it('the JPEG lossless decoder turns a cut frame into a full-size image with wrong pixels and no error: the marker check is the only guard', async () => {
    const { Decoder } = await import('@cornerstonejs/jpeg-lossless-decoder-js');
    const decode = (f: Uint8Array) => new Uint16Array((new Decoder().decode(new Uint8Array(f).buffer, 0, f.length, 2) as { buffer: ArrayBuffer }).buffer);
    const bytes = compressedSample('dcmcjpeg');
    const whole = decode(frame(bytes));
    const cut = frame(truncateFragment(bytes, 0, 0.5));
    const fromCut = decode(cut);
    expect(fromCut.length).toBe(whole.length);
    expect(differing(fromCut, whole)).toBeGreaterThan(whole.length / 4);
    expect(codestreamProblem(cut, '1.2.840.10008.1.2.4.70', { rows: 256, columns: 256 })?.reason).toMatch(/ends early/);
  });
});

describe.skipIf(!existsSync(EMRI_J2K))('JPEG 2000 decoder on frames without their end marker', () => {
  it('OpenJPEG gives no pixels for a cut frame nor for one lacking only FFD9: deferring to it would rescue no frame', async () => {
    const bytes = readBytes(EMRI_J2K);
    const decode = (f: Uint8Array) => wasmDecode('@cornerstonejs/codec-openjpeg/decodewasmjs', 'J2KDecoder', f);
    expect(((await decode(frame(bytes, 3))) as Uint16Array).length).toBe(64 * 64);
    for (const damaged of [frame(cutEndMarker(bytes, 3), 3), frame(truncateFragment(bytes, 3, 0.6), 3), frame(truncateFragment(bytes, 3, 0.95), 3)]) {
      const out = await decode(damaged);
      expect(out instanceof Error || out.length === 0).toBe(true);
    }
  });
});
