import { scale, type Vec3 } from '../../src/geometry/vec3';
import { labelFromParts, type Anatomy } from './anatomy';
import { sliceStep, type Grid } from './grid';
import type { Part } from './parts';
import { aabbOfPoints } from './shapes';
import { Tissue } from './tissues';
import { applyRigid, invertRigid, mulMatVec, type RigidTransform } from './transform';

/** Voxel data of one series before noise. Voxel index = (slice * rows + row) * columns + column. */
export interface Rasterized {
  readonly grid: Grid;
  /** Tissue at each voxel's centre. */
  readonly labels: Uint8Array;
  /** How many of the voxel's sub-samples fell inside the lesion. */
  readonly lesionSamples: Uint8Array;
  readonly samplesPerVoxel: number;
  /** Noise-free signal: mean of the sub-samples' tissue values (partial-volume averaging). */
  readonly signal: Float32Array;
}

const TILE = 8;

const offsets = (n: number): number[] => Array.from({ length: n }, (_, s) => (s + 0.5) / n - 0.5);

/**
 * Sample the phantom on a series grid. `pose` maps anatomy coordinates to the series' patient coordinates; each
 * sub-sample point is mapped back into anatomy coordinates and labelled there.
 */
export function rasterize(grid: Grid, anatomy: Anatomy, pose: RigidTransform, tissueValues: readonly number[]): Rasterized {
  const { columns, rows, slices } = grid;
  const back = invertRigid(pose);
  const q0 = applyRigid(back, grid.origin);
  const du = mulMatVec(back.rotation, scale(grid.rowDirection, grid.pixelSpacing[1]));
  const dv = mulMatVec(back.rotation, scale(grid.columnDirection, grid.pixelSpacing[0]));
  const dw = mulMatVec(back.rotation, sliceStep(grid));
  const at = (i: number, j: number, k: number): Vec3 => [
    q0[0] + i * du[0] + j * dv[0] + k * dw[0],
    q0[1] + i * du[1] + j * dv[1] + k * dw[1],
    q0[2] + i * du[2] + j * dv[2] + k * dw[2],
  ];

  const [nu, nv, nw] = grid.supersample;
  const subs: Vec3[] = [];
  for (const ow of offsets(nw)) for (const ov of offsets(nv)) for (const ou of offsets(nu)) subs.push([ou, ov, ow]);
  const nSub = subs.length;
  // Sub-sample displacements in anatomy space.
  const sx = new Float64Array(nSub);
  const sy = new Float64Array(nSub);
  const sz = new Float64Array(nSub);
  subs.forEach(([a, b, c], s) => {
    sx[s] = a * du[0] + b * dv[0] + c * dw[0];
    sy[s] = a * du[1] + b * dv[1] + c * dw[1];
    sz[s] = a * du[2] + b * dv[2] + c * dw[2];
  });

  const total = columns * rows * slices;
  const labels = new Uint8Array(total);
  const lesionSamples = new Uint8Array(total);
  const signal = new Float32Array(total);

  const forEachTile = (visit: (k: number, i0: number, i1: number, j0: number, j1: number, parts: Part[]) => void) => {
    for (let k = 0; k < slices; k++) {
      for (let j0 = 0; j0 < rows; j0 += TILE) {
        const j1 = Math.min(rows, j0 + TILE) - 1;
        for (let i0 = 0; i0 < columns; i0 += TILE) {
          const i1 = Math.min(columns, i0 + TILE) - 1;
          const corners: Vec3[] = [];
          for (const i of [i0 - 0.5, i1 + 0.5]) {
            for (const j of [j0 - 0.5, j1 + 0.5]) for (const kk of [k - 0.5, k + 0.5]) corners.push(at(i, j, kk));
          }
          visit(k, i0, i1, j0, j1, anatomy.partsNear(aabbOfPoints(corners)));
        }
      }
    }
  };

  // Pass 1: the tissue at every voxel centre.
  forEachTile((k, i0, i1, j0, j1, parts) => {
    for (let j = j0; j <= j1; j++) {
      for (let i = i0; i <= i1; i++) {
        const [x, y, z] = at(i, j, k);
        labels[(k * rows + j) * columns + i] = labelFromParts(parts, x, y, z);
      }
    }
  });

  // Pass 2: voxels whose six neighbours share their centre tissue are taken as uniform; the others (boundary
  // voxels) are supersampled. Only these need the expensive sub-sample loop.
  const sliceSize = rows * columns;
  const uniform = (v: number, i: number, j: number, k: number): boolean => {
    const t = labels[v];
    return (
      (i === 0 || labels[v - 1] === t) &&
      (i === columns - 1 || labels[v + 1] === t) &&
      (j === 0 || labels[v - columns] === t) &&
      (j === rows - 1 || labels[v + columns] === t) &&
      (k === 0 || labels[v - sliceSize] === t) &&
      (k === slices - 1 || labels[v + sliceSize] === t)
    );
  };
  forEachTile((k, i0, i1, j0, j1, parts) => {
    for (let j = j0; j <= j1; j++) {
      for (let i = i0; i <= i1; i++) {
        const v = (k * rows + j) * columns + i;
        if (uniform(v, i, j, k)) {
          const t = labels[v]!;
          signal[v] = tissueValues[t]!;
          lesionSamples[v] = t === Tissue.LESION ? nSub : 0;
          continue;
        }
        const [cx, cy, cz] = at(i, j, k);
        let sum = 0;
        let lesion = 0;
        for (let s = 0; s < nSub; s++) {
          const t = labelFromParts(parts, cx + sx[s]!, cy + sy[s]!, cz + sz[s]!);
          if (t === Tissue.LESION) lesion++;
          sum += tissueValues[t]!;
        }
        lesionSamples[v] = lesion;
        signal[v] = sum / nSub;
      }
    }
  });
  return { grid, labels, lesionSamples, samplesPerVoxel: nSub, signal };
}
