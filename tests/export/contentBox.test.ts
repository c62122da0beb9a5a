import { describe, expect, it } from 'vitest';
import { contentBox } from '../../src/export';

/** A black picture with a grey rectangle (and one yellow annotation pixel) drawn at known places. */
function picture(width: number, height: number, rects: { x: number; y: number; w: number; h: number; rgb: [number, number, number] }[]): Uint8ClampedArray {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  for (const r of rects)
    for (let y = r.y; y < r.y + r.h; y++)
      for (let x = r.x; x < r.x + r.w; x++) data.set(r.rgb, (y * width + x) * 4);
  return data;
}

describe('key image crop', () => {
  it('keeps the image and what is drawn beside it, with the margin, and drops the black around them', () => {
    const data = picture(100, 200, [
      { x: 20, y: 50, w: 40, h: 60, rgb: [90, 90, 90] },
      { x: 70, y: 80, w: 1, h: 1, rgb: [255, 255, 0] },
    ]);
    expect(contentBox(data, 100, 200, 12, 4)).toEqual({ x: 16, y: 46, width: 59, height: 68 });
  });

  it('stays inside the picture at its edges, and keeps the whole of an all-black picture', () => {
    expect(contentBox(picture(10, 10, [{ x: 0, y: 0, w: 10, h: 2, rgb: [50, 50, 50] }]), 10, 10, 12, 4)).toEqual({ x: 0, y: 0, width: 10, height: 6 });
    expect(contentBox(picture(8, 6, []), 8, 6)).toEqual({ x: 0, y: 0, width: 8, height: 6 });
  });
});
