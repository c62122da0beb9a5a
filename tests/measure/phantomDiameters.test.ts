import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSeries, parseInstance } from '../../src/dicom';
import type { InstanceMeta, SeriesNode } from '../../src/dicom/types';
import { indexToWorld, seriesGrid, worldToIndex } from '../../src/segment/core';
import type { VolumeGrid } from '../../src/segment/core/types';
import { lengthMm } from '../../src/measure';
import type { Vec3 } from '../../src/geometry/vec3';
import { makeInstance, frameAt } from '../dicom/factory';

const SAMPLE = path.resolve(import.meta.dirname, '../../sample-dicom');
type Diameter = { lengthMm: number; from: Vec3; to: Vec3 };
const truth = JSON.parse(readFileSync(path.join(SAMPLE, 'ground-truth.json'), 'utf8')) as {
  timepoints: Record<string, { series: Record<string, { directory: string; lesion: { diameters: Record<string, Diameter> } }> }>;
};

function loadSeries(directory: string): SeriesNode {
  const dir = path.join(SAMPLE, directory);
  const instances: InstanceMeta[] = readdirSync(dir).flatMap((name) => {
    const parsed = parseInstance(name, new Uint8Array(readFileSync(path.join(dir, name))));
    return parsed.kind === 'image' ? [parsed.instance] : [];
  });
  const series = buildSeries(instances)[0]?.studies[0]?.series[0];
  if (!series) throw new Error(`no series in ${directory}`);
  return series;
}

/** Where a reader clicking on the image puts the point: the centre of the voxel it falls in. */
function snapToVoxel(grid: VolumeGrid, p: Vec3): Vec3 {
  const [i, j, k] = worldToIndex(grid, p);
  return indexToWorld(grid, [Math.round(i), Math.round(j), Math.round(k)]);
}

const halfVoxelDiagonal = (grid: VolumeGrid) => 0.5 * Math.hypot(...grid.spacing);

describe.skipIf(!existsSync(SAMPLE))('diameters of the phantom lesion, measured between voxels of the written images', () => {
  for (const [timepoint, { series }] of Object.entries(truth.timepoints)) {
    for (const [name, s] of Object.entries(series)) {
      it(`${timepoint} ${name}: each diameter within half a voxel per end of ground-truth.json`, () => {
        const grid = seriesGrid(loadSeries(s.directory));
        expect(grid).not.toBeNull();
        for (const [axis, d] of Object.entries(s.lesion.diameters)) {
          const measured = lengthMm(snapToVoxel(grid!, d.from), snapToVoxel(grid!, d.to));
          expect(Math.abs(measured - d.lengthMm), `${axis} ${measured} vs ${d.lengthMm}`).toBeLessThanOrEqual(2 * halfVoxelDiagonal(grid!));
          expect(lengthMm(d.from, d.to)).toBeCloseTo(d.lengthMm, 2);
        }
      });
    }
  }
});

describe('on an oblique, anisotropic series with non-square pixels', () => {
  // Rows 0.5 mm, columns 0.8 mm apart, slices 2 mm: orientation tilted 25° about x and 10° about z.
  const a = (25 * Math.PI) / 180;
  const b = (10 * Math.PI) / 180;
  const row: Vec3 = [Math.cos(b), Math.sin(b), 0];
  const col: Vec3 = [-Math.sin(b) * Math.cos(a), Math.cos(b) * Math.cos(a), Math.sin(a)];
  const normal: Vec3 = [row[1] * col[2] - row[2] * col[1], row[2] * col[0] - row[0] * col[2], row[0] * col[1] - row[1] * col[0]];
  const iop = [...row, ...col] as unknown as readonly [number, number, number, number, number, number];
  const instances = Array.from({ length: 40 }, (_, k) =>
    makeInstance({
      rows: 200,
      columns: 160,
      instanceNumber: 40 - k,
      frames: [{ ...frameAt([10 + 2 * k * normal[0], -30 + 2 * k * normal[1], 5 + 2 * k * normal[2]], iop), pixelSpacing: [0.5, 0.8] }],
    }),
  );
  const series = buildSeries(instances.reverse())[0]!.studies[0]!.series[0]!;
  const grid = seriesGrid(series)!;

  it('reads the geometry from the tags: 0.8 mm columns, 0.5 mm rows, 2 mm slices', () => {
    expect(grid.spacing[0]).toBeCloseTo(0.8, 9);
    expect(grid.spacing[1]).toBeCloseTo(0.5, 9);
    expect(grid.spacing[2]).toBeCloseTo(2, 9);
  });

  it('measures a known segment within half a voxel per end, in any direction', () => {
    const centre = indexToWorld(grid, [80, 100, 20]);
    for (const dir of [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0.6, -0.48, 0.64]] as Vec3[]) {
      const from: Vec3 = [centre[0] - 12 * dir[0], centre[1] - 12 * dir[1], centre[2] - 12 * dir[2]];
      const to: Vec3 = [centre[0] + 12 * dir[0], centre[1] + 12 * dir[1], centre[2] + 12 * dir[2]];
      const measured = lengthMm(snapToVoxel(grid, from), snapToVoxel(grid, to));
      expect(Math.abs(measured - 24)).toBeLessThanOrEqual(2 * halfVoxelDiagonal(grid));
    }
  });

  it('maps index to world and back exactly', () => {
    const p: Vec3 = [3.25, -7.5, 12.125];
    const back = indexToWorld(grid, worldToIndex(grid, p));
    for (let i = 0; i < 3; i++) expect(back[i]).toBeCloseTo(p[i]!, 9);
  });
});
