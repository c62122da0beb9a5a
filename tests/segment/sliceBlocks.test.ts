import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../../src/geometry/vec3';
import { adaptiveGrow, gapBeside, indexToWorld, sliceBlocks, voxelVolumeMm3, type SliceLayout, type VolumeGrid } from '../../src/segment/core';
import { lesionPhantom, type Phantom } from './lesionPhantom';

const MR = { lesion: 600, background: 250, noiseSd: 25 } as const;
const MR_VOXEL: Vec3 = [0.8, 0.9, 3.3];

/** What the series would give: the slices' Image Positions (the phantom's slice k, keeping only `kept`). */
function layoutOf(grid: VolumeGrid, kept: number[]): SliceLayout {
  return {
    dimensions: [grid.dimensions[0], grid.dimensions[1]],
    pixelSpacing: [grid.spacing[0], grid.spacing[1]],
    rowCosines: grid.direction[0],
    columnCosines: grid.direction[1],
    positions: kept.map((k) => indexToWorld(grid, [0, 0, k])),
  };
}

/** The phantom's scalars of the kept slices only (a series with slices missing). */
function keptScalars(p: Phantom, kept: number[]): Int16Array {
  const slice = p.grid.dimensions[0] * p.grid.dimensions[1];
  const out = new Int16Array(kept.length * slice);
  kept.forEach((k, n) => out.set(p.scalars.subarray(k * slice, (k + 1) * slice), n * slice));
  return out;
}

const centreSlice = (p: Phantom): number => Math.round((p.grid.dimensions[2] - 1) / 2);

describe('sliceBlocks: the true grid of each block of evenly spaced slices', () => {
  it('a tilted gantry gives a sheared grid: voxel volume from the perpendicular slice spacing, volume within 3 %', { timeout: 30_000 }, () => {
    const shear = 0.35;
    const p = lesionPhantom({ volumeMl: 8, spacing: MR_VOXEL, ...MR, shear, seed: 21 });
    const all = [...Array(p.grid.dimensions[2]).keys()];
    const blocks = sliceBlocks(layoutOf(p.grid, all))!;
    expect(blocks).toHaveLength(1);
    const grid = blocks[0]!.grid;
    // In-plane 0.8 × 0.9 mm; IPP advances 3.3 mm along a direction tilted atan(0.35) from the normal.
    const perpendicular = 3.3 / Math.hypot(1, shear);
    expect(voxelVolumeMm3(grid)).toBeCloseTo(0.8 * 0.9 * perpendicular, 6);
    const seed = p.innerSeeds(1)[0]!;
    const ml = (adaptiveGrow(p.scalars, grid, seed).voxelCount * voxelVolumeMm3(grid)) / 1000;
    expect(Math.abs(ml / p.truthMl - 1)).toBeLessThanOrEqual(0.03);
  });

  it('a gap away from the lesion: the block holding the seed is segmented to the analytic volume, without a gap flag', { timeout: 30_000 }, () => {
    const p = lesionPhantom({ volumeMl: 2, spacing: MR_VOXEL, ...MR, seed: 22 });
    const kept = [...Array(p.grid.dimensions[2]).keys()].filter((k) => k !== 1 && k !== 2);
    const blocks = sliceBlocks(layoutOf(p.grid, kept))!;
    expect(blocks.map((b) => [b.k0, b.k1])).toEqual([
      [0, 0],
      [1, kept.length - 1],
    ]);
    const block = blocks[1]!;
    const scalars = keptScalars(p, kept);
    const grid: VolumeGrid = { ...block.grid, dimensions: [p.grid.dimensions[0], p.grid.dimensions[1], kept.length] };
    const c = centreSlice(p);
    const seed: [number, number, number] = [Math.round((p.grid.dimensions[0] - 1) / 2), Math.round((p.grid.dimensions[1] - 1) / 2), kept.indexOf(c)];
    const r = adaptiveGrow(scalars, grid, seed, { bounds: { min: [0, 0, block.k0], max: [grid.dimensions[0] - 1, grid.dimensions[1] - 1, block.k1] } });
    const ml = (r.voxelCount * voxelVolumeMm3(grid)) / 1000;
    expect(Math.abs(ml / p.truthMl - 1)).toBeLessThanOrEqual(0.05);
    expect(gapBeside(blocks, block, r.bounds!.min[2] === block.k0, r.bounds!.max[2] === block.k1)).toBeNull();
  });

  it('a gap through the lesion: the region reaches the block end at the gap and the gap is named', { timeout: 30_000 }, () => {
    const p = lesionPhantom({ volumeMl: 8, spacing: MR_VOXEL, ...MR, seed: 23 });
    const c = centreSlice(p);
    const kept = [...Array(p.grid.dimensions[2]).keys()].filter((k) => k !== c + 1);
    const blocks = sliceBlocks(layoutOf(p.grid, kept))!;
    expect(blocks).toHaveLength(2);
    const block = blocks[0]!;
    const grid: VolumeGrid = { ...block.grid, dimensions: [p.grid.dimensions[0], p.grid.dimensions[1], kept.length] };
    const seed: [number, number, number] = [Math.round((p.grid.dimensions[0] - 1) / 2), Math.round((p.grid.dimensions[1] - 1) / 2), c];
    const r = adaptiveGrow(keptScalars(p, kept), grid, seed, { bounds: { min: [0, 0, block.k0], max: [grid.dimensions[0] - 1, grid.dimensions[1] - 1, block.k1] } });
    expect(r.bounds!.max[2]).toBe(block.k1);
    expect(gapBeside(blocks, block, r.bounds!.min[2] === block.k0, r.bounds!.max[2] === block.k1)).toBe(`between slices ${c + 1} and ${c + 2}`);
  });

  it('repeated positions or uneven steps within a block have no regular grid', () => {
    const p = lesionPhantom({ volumeMl: 0.5, spacing: MR_VOXEL, ...MR, seed: 24 });
    const layout = layoutOf(p.grid, [0, 1, 2, 3]);
    const uneven = { ...layout, positions: layout.positions.map((q, k): Vec3 => [q[0], q[1], q[2] + (k === 2 ? 0.5 : 0)]) };
    expect(sliceBlocks(uneven)).toBeNull();
    expect(sliceBlocks({ ...layout, positions: [layout.positions[0]!] })).toBeNull();
  });
});
