import { describe, expect, it } from 'vitest';
import { interpolateSlices, type SliceAxis } from '../../src/segment/core';
import { makeGrid } from './synthetic';

/** Paints a disc of radius r (mm) centred at (cu, cv) mm on slice s perpendicular to `axis`. */
function paintDisc(
  m: Uint8Array,
  dims: readonly [number, number, number],
  spacing: readonly [number, number, number],
  axis: SliceAxis,
  s: number,
  cu: number,
  cv: number,
  r: number,
  label: number,
): void {
  const [nx, ny] = dims;
  const [ua, va] = axis === 2 ? [0, 1] : axis === 1 ? [0, 2] : [1, 2];
  for (let a = 0; a < dims[ua]!; a++)
    for (let b = 0; b < dims[va]!; b++) {
      if (Math.hypot(a * spacing[ua]! - cu, b * spacing[va]! - cv) > r) continue;
      const idx = [0, 0, 0];
      idx[axis] = s;
      idx[ua] = a;
      idx[va] = b;
      m[idx[0]! + idx[1]! * nx + idx[2]! * nx * ny] = label;
    }
}

function sliceArea(m: Uint8Array, dims: readonly [number, number, number], axis: SliceAxis, s: number, label: number): number {
  const [nx, ny, nz] = dims;
  let n = 0;
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) if ([i, j, k][axis] === s && m[i + j * nx + k * nx * ny] === label) n++;
  return n;
}

describe('interpolateSlices (shape-based)', () => {
  for (const axis of [2, 1, 0] as const) {
    it(`discs of radius 8 mm and 16 mm ten slices apart give intermediate discs (axis ${axis})`, () => {
      const dims = [48, 48, 48] as const;
      const spacing = [0.8, 0.8, 0.8] as const;
      const g = makeGrid(dims, spacing);
      const m = new Uint8Array(48 ** 3);
      m[5] = 9; // another label: must stay untouched
      paintDisc(m, dims, spacing, axis, 10, 19, 18.5, 8, 1);
      paintDisc(m, dims, spacing, axis, 20, 19, 18.5, 16, 1);
      const res = interpolateSlices(m, g, 1, axis);
      expect(res.filledSlices).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19]);
      for (let s = 11; s < 20; s++) {
        const expectedR = 8 + ((s - 10) / 10) * 8;
        const pixel = 0.8 * 0.8;
        const r = Math.sqrt((sliceArea(m, dims, axis, s, 1) * pixel) / Math.PI);
        expect(Math.abs(r - expectedR)).toBeLessThan(0.8); // within one pixel
      }
      // Discs stay centred: the slice midway matches a painted disc of radius 12 pixel for pixel, give or take the rim.
      const ref = new Uint8Array(48 ** 3);
      paintDisc(ref, dims, spacing, axis, 15, 19, 18.5, 12, 1);
      let diff = 0;
      for (let t = 0; t < m.length; t++) if ([t % 48, Math.floor(t / 48) % 48, Math.floor(t / 2304)][axis] === 15 && (m[t] === 1) !== (ref[t] === 1)) diff++;
      expect(diff).toBeLessThan(2 * Math.PI * 12 / 0.8 * 0.5);
      expect(m[5]).toBe(9);
      expect(sliceArea(m, dims, axis, 9, 1)).toBe(0);
      expect(sliceArea(m, dims, axis, 21, 1)).toBe(0);
    });
  }

  it('adjacent painted slices leave nothing to do', () => {
    const dims = [16, 16, 16] as const;
    const m = new Uint8Array(16 ** 3);
    paintDisc(m, dims, [1, 1, 1], 2, 4, 8, 8, 4, 1);
    paintDisc(m, dims, [1, 1, 1], 2, 5, 8, 8, 4, 1);
    expect(interpolateSlices(m, makeGrid(dims, [1, 1, 1]), 1, 2)).toEqual({ filledSlices: [], voxelsAdded: 0 });
  });
});
