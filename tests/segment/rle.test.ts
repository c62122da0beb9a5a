import { describe, expect, it } from 'vitest';
import { decodeRle, encodeRle, rleNonZeroCount } from '../../src/segment/core';
import { rng } from './synthetic';

function roundTrip(data: Uint8Array): void {
  const rle = encodeRle(data);
  const back = decodeRle(rle);
  expect(back.length).toBe(data.length);
  expect(Buffer.from(back).equals(Buffer.from(data))).toBe(true);
  let nonZero = 0;
  for (const v of data) if (v !== 0) nonZero++;
  expect(rleNonZeroCount(rle)).toBe(nonZero);
}

describe('run-length encoding of labelmaps', () => {
  it('round-trips empty, constant and single-voxel arrays', () => {
    roundTrip(new Uint8Array(0));
    roundTrip(new Uint8Array(1000));
    roundTrip(new Uint8Array(1000).fill(7));
    roundTrip(Uint8Array.of(3));
    const one = new Uint8Array(1000);
    one[999] = 1;
    roundTrip(one);
  });

  it('round-trips random arrays exactly (all 256 values, and sparse binary)', () => {
    const random = rng(42).uniform;
    const dense = new Uint8Array(50_000);
    for (let t = 0; t < dense.length; t++) dense[t] = Math.floor(random() * 256);
    roundTrip(dense);
    const sparse = new Uint8Array(50_000);
    for (let t = 0; t < sparse.length; t++) sparse[t] = random() < 0.05 ? 1 : 0;
    roundTrip(sparse);
  });

  it('compresses a structured labelmap (a ball in a 64³ volume) to few runs', () => {
    const n = 64;
    const data = new Uint8Array(n * n * n);
    for (let k = 0; k < n; k++)
      for (let j = 0; j < n; j++)
        for (let i = 0; i < n; i++) if ((i - 30) ** 2 + (j - 32) ** 2 + (k - 34) ** 2 <= 15 ** 2) data[i + j * n + k * n * n] = 2;
    const rle = encodeRle(data);
    expect(rle.values.length).toBeLessThan(2 * 31 * 31 + 2);
    roundTrip(data);
  });

  it('decodes into a given buffer and rejects inconsistent runs', () => {
    const rle = encodeRle(Uint8Array.of(0, 0, 1, 1, 1, 0));
    const out = new Uint8Array(6).fill(9);
    expect([...decodeRle(rle, out)]).toEqual([0, 0, 1, 1, 1, 0]);
    expect(() => decodeRle(rle, new Uint8Array(5))).toThrow(RangeError);
    expect(() => decodeRle({ length: 6, values: Uint8Array.of(0), lengths: Uint32Array.of(5) })).toThrow(RangeError);
    expect(() => decodeRle({ length: 6, values: Uint8Array.of(0, 1), lengths: Uint32Array.of(5, 0) })).toThrow(RangeError);
  });
});
