import { describe, expect, it } from 'vitest';
import { featureField, squaredEdt2d, squaredEdt3d } from '../../src/segment/core';
import { rng } from './synthetic';

describe('Felzenszwalb–Huttenlocher Euclidean distance transform', () => {
  it('2D, anisotropic spacing: equals brute force', () => {
    const nx = 23;
    const ny = 17;
    const [sx, sy] = [0.7, 1.9];
    const { uniform } = rng(11);
    const mask = new Uint8Array(nx * ny).map(() => (uniform() < 0.05 ? 1 : 0));
    const d = featureField(mask, true);
    squaredEdt2d(d, nx, ny, sx, sy);
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        let best = Infinity;
        for (let b = 0; b < ny; b++)
          for (let a = 0; a < nx; a++) if (mask[a + b * nx]) best = Math.min(best, ((a - i) * sx) ** 2 + ((b - j) * sy) ** 2);
        expect(d[i + j * nx]).toBeCloseTo(best, 3);
      }
  });

  it('3D: equals brute force; no features gives Infinity', () => {
    const [nx, ny, nz] = [11, 9, 7];
    const { uniform } = rng(5);
    const mask = new Uint8Array(nx * ny * nz).map(() => (uniform() < 0.03 ? 1 : 0));
    const d = featureField(mask, true, new Float32Array(nx * ny * nz));
    squaredEdt3d(d, nx, ny, nz, 1, 1.5, 2);
    for (let k = 0; k < nz; k++)
      for (let j = 0; j < ny; j++)
        for (let i = 0; i < nx; i++) {
          let best = Infinity;
          for (let c = 0; c < nz; c++)
            for (let b = 0; b < ny; b++)
              for (let a = 0; a < nx; a++)
                if (mask[a + b * nx + c * nx * ny]) best = Math.min(best, (a - i) ** 2 + ((b - j) * 1.5) ** 2 + ((c - k) * 2) ** 2);
          expect(d[i + j * nx + k * nx * ny]).toBeCloseTo(best, 3);
        }
    const none = featureField(new Uint8Array(27), true);
    squaredEdt3d(none, 3, 3, 3);
    expect([...none].every((v) => v === Infinity)).toBe(true);
  });
});
