import { describe, expect, it } from 'vitest';
import { indexToWorld, voxelVolumeMm3, worldToIndex } from '../../src/segment/core';
import { makeGrid, rotatedDirections } from './synthetic';

describe('volume grid geometry', () => {
  it('voxel volume is sx·sy·sz for orthonormal and oblique directions', () => {
    expect(voxelVolumeMm3(makeGrid([4, 4, 4], [0.7, 0.8, 2.5]))).toBeCloseTo(0.7 * 0.8 * 2.5, 12);
    const oblique = makeGrid([4, 4, 4], [0.7, 0.8, 2.5], rotatedDirections(0.3, -0.5, 0.9));
    expect(voxelVolumeMm3(oblique)).toBeCloseTo(0.7 * 0.8 * 2.5, 12);
  });

  it('voxel volume of a sheared (gantry-tilted) grid is the determinant: sx·sy·sz·cos(tilt)', () => {
    const tilt = (20 * Math.PI) / 180;
    // Slice step tilted in the y-z plane: the stack is a parallelepiped, not a box.
    const g = makeGrid([4, 4, 4], [0.5, 0.6, 3], [
      [1, 0, 0],
      [0, 1, 0],
      [0, Math.sin(tilt), Math.cos(tilt)],
    ]);
    expect(voxelVolumeMm3(g)).toBeCloseTo(0.5 * 0.6 * 3 * Math.cos(tilt), 12);
    // A general non-orthogonal frame: |det| computed by hand.
    const h = makeGrid([2, 2, 2], [1, 2, 3], [
      [1, 0, 0],
      [0.6, 0.8, 0],
      [0.2, 0.3, Math.sqrt(1 - 0.13)],
    ]);
    expect(voxelVolumeMm3(h)).toBeCloseTo(1 * 2 * 3 * 0.8 * Math.sqrt(0.87), 12);
  });

  it('worldToIndex inverts indexToWorld on oblique and sheared grids', () => {
    const grids = [
      makeGrid([10, 10, 10], [0.7, 0.7, 2.5], rotatedDirections(0.2, 0.4, -1.1), [-120, 35.5, 900]),
      makeGrid([10, 10, 10], [0.5, 0.6, 3], [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0.34, 0.94],
      ], [5, 6, 7]),
    ];
    for (const g of grids) {
      const idx = [3.25, -1.5, 7.75] as const;
      const w = indexToWorld(g, idx);
      const back = worldToIndex(g, w);
      for (let a = 0; a < 3; a++) expect(back[a]).toBeCloseTo(idx[a]!, 10);
    }
    const g = makeGrid([4, 4, 4], [0.5, 0.5, 1], undefined, [10, 20, 30]);
    expect(indexToWorld(g, [2, 4, 3])).toEqual([11, 22, 33]);
  });
});
