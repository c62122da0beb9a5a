import { describe, expect, it } from 'vitest';
import { indexToWorld, voxelVolumeMm3, worldToIndex } from '../../src/segment/core';
import { nearestVoxel, volumeGridOf } from '../../src/features/segmentation/adapters/volumeGridOf';

const deg = Math.PI / 180;

describe('VolumeGrid from Cornerstone volume fields', () => {
  // Oblique stack: rows rotated 30° about z, then the whole frame tilted 20° about the new x axis.
  const a = 30 * deg;
  const b = 20 * deg;
  const u = [Math.cos(a), Math.sin(a), 0];
  const v0 = [-Math.sin(a), Math.cos(a), 0];
  const v = [v0[0]! * Math.cos(b), v0[1]! * Math.cos(b), Math.sin(b)];
  const w = [u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!];
  const fields = {
    dimensions: [256, 200, 40],
    spacing: [0.6, 0.7, 3],
    origin: [-27, -78.5, 51.5],
    direction: Float32Array.from([...u, ...v, ...w]),
  };
  const grid = volumeGridOf(fields);

  it('keeps dimensions, spacing and origin; the direction rows become the i, j, k axes', () => {
    expect(grid.dimensions).toEqual([256, 200, 40]);
    expect(grid.spacing).toEqual([0.6, 0.7, 3]);
    expect(grid.origin).toEqual([-27, -78.5, 51.5]);
    grid.direction.forEach((axis, n) => axis.forEach((c, m) => expect(c).toBeCloseTo([u, v, w][n]![m]!, 6)));
  });

  it('voxel volume is the product of the spacings on an oblique grid', () => {
    expect(voxelVolumeMm3(grid)).toBeCloseTo(0.6 * 0.7 * 3, 5);
  });

  it('index → world follows origin + i·sx·u + j·sy·v + k·sz·w, and world → index inverts it', () => {
    const [i, j, k] = [10, 20, 5];
    const expected = [0, 1, 2].map((c) => fields.origin[c]! + i * 0.6 * u[c]! + j * 0.7 * v[c]! + k * 3 * w[c]!);
    const world = indexToWorld(grid, [i, j, k]);
    world.forEach((c, n) => expect(c).toBeCloseTo(expected[n]!, 4));
    worldToIndex(grid, world).forEach((c, n) => expect(c).toBeCloseTo([i, j, k][n]!, 4));
    expect(nearestVoxel(grid, [world[0] + 0.1, world[1] - 0.1, world[2]])).toEqual([i, j, k]);
    expect(nearestVoxel(grid, indexToWorld(grid, [-2, 0, 0]))).toBeNull();
  });
});
