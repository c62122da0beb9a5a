import type { IndexBox, VolumeGrid } from './types';

/**
 * Voxels of a label that can be vertices of the convex hull of the label's voxel centres.
 * A hull vertex cannot lie strictly between two other points of the set on a line, so it must be the first or
 * last labelled voxel of its i-row, of its j-column and of its k-line at once. This keeps a small fraction of
 * the boundary voxels and never drops a vertex (the test is done in index space; the index→world map is affine).
 * Returns the candidates' voxel indices as [i, j, k] triples.
 */
export function hullCandidateVoxels(labelmap: Uint8Array, grid: VolumeGrid, label: number, box: IndexBox): Int32Array {
  const [nx, ny] = grid.dimensions;
  const [i0, j0, k0] = box.min;
  const bx = box.max[0] - i0 + 1;
  const by = box.max[1] - j0 + 1;
  const bz = box.max[2] - k0 + 1;
  const rowMin = new Int32Array(by * bz).fill(-1);
  const rowMax = new Int32Array(by * bz).fill(-1);
  const colMin = new Int32Array(bx * bz).fill(-1);
  const colMax = new Int32Array(bx * bz).fill(-1);
  const lineMin = new Int32Array(bx * by).fill(-1);
  const lineMax = new Int32Array(bx * by).fill(-1);
  for (let k = 0; k < bz; k++) {
    for (let j = 0; j < by; j++) {
      const src = i0 + (j + j0) * nx + (k + k0) * nx * ny;
      const r = j + k * by;
      for (let i = 0; i < bx; i++) {
        if (labelmap[src + i] !== label) continue;
        if (rowMin[r] === -1) rowMin[r] = i;
        rowMax[r] = i;
        const c = i + k * bx;
        if (colMin[c] === -1) colMin[c] = j;
        colMax[c] = j;
        const l = i + j * bx;
        if (lineMin[l] === -1) lineMin[l] = k;
        lineMax[l] = k;
      }
    }
  }
  const out: number[] = [];
  for (let k = 0; k < bz; k++) {
    for (let j = 0; j < by; j++) {
      const r = j + k * by;
      const first = rowMin[r]!;
      if (first < 0) continue;
      const last = rowMax[r]!;
      for (const i of first === last ? [first] : [first, last]) {
        const c = i + k * bx;
        const l = i + j * bx;
        if ((j === colMin[c] || j === colMax[c]) && (k === lineMin[l] || k === lineMax[l])) out.push(i + i0, j + j0, k + k0);
      }
    }
  }
  return Int32Array.from(out);
}
