import { describe, expect, it } from 'vitest';
import { openBall, type IndexBox } from '../../src/segment/core';
import { reconstructOpening } from '../../src/features/segmentation/adapters/reconstructOpening';

describe('opening by reconstruction', () => {
  it('keeps the ball whole and lets a one-voxel leak back only `steps` voxels deep', () => {
    const n = 40;
    const mask = new Uint8Array(n * n * n);
    const at = (i: number, j: number, k: number) => i + j * n + k * n * n;
    let ball = 0;
    for (let k = 0; k < n; k++)
      for (let j = 0; j < n; j++)
        for (let i = 0; i < n; i++)
          if ((i - 12) ** 2 + (j - 20) ** 2 + (k - 20) ** 2 <= 64) {
            mask[at(i, j, k)] = 1;
            ball++;
          }
    for (let i = 21; i < n; i++) mask[at(i, 20, 20)] = 1; // a thin line leaving the ball at i = 20
    const box: IndexBox = { min: [0, 0, 0], max: [n - 1, n - 1, n - 1] };
    const opened = openBall(mask, n, n, n, 1);
    for (let i = 21; i < n; i++) expect(opened[at(i, 20, 20)]).toBe(0);
    const result = reconstructOpening({ box, mask }, { box, mask: opened }, 2);
    let count = 0;
    for (const v of result) count += v;
    expect(count).toBe(ball + 2);
    expect(result[at(22, 20, 20)]).toBe(1);
    expect(result[at(23, 20, 20)]).toBe(0);
  });

  it('places an opened mask given over a smaller box', () => {
    const original = { box: { min: [0, 0, 0], max: [4, 0, 0] } as IndexBox, mask: Uint8Array.of(1, 1, 1, 1, 1) };
    const opened = { box: { min: [2, 0, 0], max: [2, 0, 0] } as IndexBox, mask: Uint8Array.of(1) };
    expect([...reconstructOpening(original, opened, 1)]).toEqual([0, 1, 1, 1, 0]);
  });
});
