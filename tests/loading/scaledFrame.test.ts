import { describe, expect, it } from 'vitest';
import { scaledFrame, scaledFrameWithRange } from '../../src/pixels/scaledFrame';

/** Little-endian bytes of 16-bit stored values (two's complement for negatives), as a file holds them. */
function le16(values: number[], byteOffset = 0): Uint8Array {
  const bytes = new Uint8Array(byteOffset + values.length * 2);
  values.forEach((v, i) => {
    const u = v & 0xffff;
    bytes[byteOffset + 2 * i] = u & 0xff;
    bytes[byteOffset + 2 * i + 1] = u >> 8;
  });
  return bytes.subarray(byteOffset);
}

const format = { rows: 2, columns: 2, bitsAllocated: 16, bitsStored: 16, pixelRepresentation: 1, rescaleSlope: 1, rescaleIntercept: -1024 };

describe('scaledFrame: stored values to modality values for a volume', () => {
  it('applies the rescale to signed CT values (HU = stored + intercept)', () => {
    const out = scaledFrame(le16([0, 1024, 2048, -1000]), format, 'Int16Array');
    expect(out).toBeInstanceOf(Int16Array);
    expect(Array.from(out!)).toEqual([-1024, 0, 1024, -2024]);
  });

  it('sign-extends signed values from Bits Stored (12-bit -1 is 0x0FFF)', () => {
    const out = scaledFrame(le16([0x0fff, 0x0800, 0x07ff, 5]), { ...format, bitsStored: 12, rescaleIntercept: 0 }, 'Int16Array');
    expect(Array.from(out!)).toEqual([-1, -2048, 2047, 5]);
  });

  it('reads unsigned values above 32767 as unsigned, and scales with slope 2 into Float32', () => {
    const out = scaledFrame(le16([40000, 0, 1, 65535]), { ...format, pixelRepresentation: 0, rescaleSlope: 2, rescaleIntercept: -1 }, 'Float32Array');
    expect(Array.from(out!)).toEqual([79999, -1, 1, 131069]);
  });

  it('keeps fractional slopes exact in Float32 and refuses them in an integer array', () => {
    const bytes = le16([10, 20, 30, 40]);
    expect(Array.from(scaledFrame(bytes, { ...format, rescaleSlope: 0.5, rescaleIntercept: 0 }, 'Float32Array')!)).toEqual([5, 10, 15, 20]);
    expect(scaledFrame(bytes, { ...format, rescaleSlope: 0.5, rescaleIntercept: 0 }, 'Int16Array')).toBeNull();
  });

  it('refuses values that do not fit the volume type rather than wrapping them', () => {
    expect(scaledFrame(le16([32767, 0, 0, 0]), { ...format, rescaleIntercept: 10 }, 'Int16Array')).toBeNull();
  });

  it('reads pixel data at an odd byte offset in the file', () => {
    expect(Array.from(scaledFrame(le16([1, 2, 3, 4], 1), { ...format, rescaleIntercept: 0 }, 'Int16Array')!)).toEqual([1, 2, 3, 4]);
  });

  it('refuses truncated pixel data', () => {
    expect(scaledFrame(le16([1, 2, 3]), format, 'Int16Array')).toBeNull();
  });

  it('copies 8-bit values', () => {
    const out = scaledFrame(new Uint8Array([0, 7, 200, 255]), { ...format, bitsAllocated: 8, bitsStored: 8, pixelRepresentation: 0, rescaleIntercept: 0 }, 'Uint8Array');
    expect(Array.from(out!)).toEqual([0, 7, 200, 255]);
  });
});

describe('scaledFrameWithRange: the values and their extremes in one pass', () => {
  it('gives the smallest and largest modality value, as counted from the values themselves', () => {
    const stored = [0, 1024, 2048, -1000, 37, 4095];
    const format6 = { ...format, rows: 2, columns: 3 };
    const hu = stored.map((v) => v - 1024);
    const out = scaledFrameWithRange(le16(stored), format6, 'Int16Array');
    expect(Array.from(out!.values)).toEqual(hu);
    expect(out!.min).toBe(Math.min(...hu));
    expect(out!.max).toBe(Math.max(...hu));
  });

  it('orders the extremes by value when the slope is negative', () => {
    const out = scaledFrameWithRange(le16([10, 20, 30, 40]), { ...format, rescaleSlope: -2, rescaleIntercept: 5 }, 'Float32Array');
    expect(Array.from(out!.values)).toEqual([-15, -35, -55, -75]);
    expect([out!.min, out!.max]).toEqual([-75, -15]);
  });

  it('refuses values that would wrap in the volume type even though it wrote them', () => {
    expect(scaledFrameWithRange(le16([-32768, 0, 0, 0]), { ...format, rescaleIntercept: -1 }, 'Int16Array')).toBeNull();
  });
});
