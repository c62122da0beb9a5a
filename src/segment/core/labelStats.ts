import type { Vec3 } from '../../geometry/vec3';
import { perpendicularDiameter, pointSetDiameter } from './diameters';
import { hullCandidateVoxels } from './hullCandidates';
import { clampBox, fullBox } from './indexBox';
import { nonZeroRows } from './rowOccupancy';
import type { IndexBox, VolumeGrid } from './types';
import { assertGridArray, indexToWorld, indexToWorldMatrix, voxelVolumeMm3 } from './volumeGrid';

export interface LabelStats {
  label: number;
  voxelCount: number;
  volumeMm3: number;
  volumeMl: number;
  /** World (LPS mm) centroid of the voxel centres; null when the label is absent. */
  centroid: Vec3 | null;
  bounds: IndexBox | null;
  /** Largest distance (mm) between two voxel centres of the region. */
  longestDiameter3d: number;
  longestDiameterEndpoints: readonly [Vec3, Vec3] | null;
  /** Largest extent (mm) of the region in the plane perpendicular to the longest diameter. */
  perpendicularDiameter: number;
  perpendicularDiameterEndpoints: readonly [Vec3, Vec3] | null;
}

/**
 * Size statistics of one label. `within` restricts the scan (e.g. to the bounds returned by regionGrow);
 * by default the whole labelmap is scanned.
 */
export function labelStats(labelmap: Uint8Array, grid: VolumeGrid, label = 1, within?: IndexBox): LabelStats {
  assertGridArray(grid, labelmap.length, 'labelmap');
  const [nx, ny] = grid.dimensions;
  const box = within ? clampBox(grid, within) : fullBox(grid);
  const empty: LabelStats = {
    label,
    voxelCount: 0,
    volumeMm3: 0,
    volumeMl: 0,
    centroid: null,
    bounds: null,
    longestDiameter3d: 0,
    longestDiameterEndpoints: null,
    perpendicularDiameter: 0,
    perpendicularDiameterEndpoints: null,
  };
  if (!box) return empty;

  let count = 0;
  let si = 0;
  let sj = 0;
  let sk = 0;
  let i0 = Infinity;
  let j0 = Infinity;
  let k0 = Infinity;
  let i1 = -1;
  let j1 = -1;
  let k1 = -1;
  const occupied = nonZeroRows(labelmap, grid, box);
  const by = box.max[1] - box.min[1] + 1;
  for (let k = box.min[2]; k <= box.max[2]; k++) {
    for (let j = box.min[1]; j <= box.max[1]; j++) {
      if (occupied[j - box.min[1] + (k - box.min[2]) * by] === 0) continue;
      const row = j * nx + k * nx * ny;
      let rowCount = 0;
      let rowSum = 0;
      let first = -1;
      let last = -1;
      for (let i = box.min[0]; i <= box.max[0]; i++) {
        if (labelmap[row + i] !== label) continue;
        if (first < 0) first = i;
        last = i;
        rowCount++;
        rowSum += i;
      }
      if (rowCount === 0) continue;
      count += rowCount;
      si += rowSum;
      sj += j * rowCount;
      sk += k * rowCount;
      if (first < i0) i0 = first;
      if (last > i1) i1 = last;
      if (j < j0) j0 = j;
      if (j > j1) j1 = j;
      if (k < k0) k0 = k;
      if (k > k1) k1 = k;
    }
  }
  if (count === 0) return empty;

  const bounds: IndexBox = { min: [i0, j0, k0], max: [i1, j1, k1] };
  const volumeMm3 = count * voxelVolumeMm3(grid);

  // Diameters on the hull-vertex candidates, in world coordinates.
  const cand = hullCandidateVoxels(labelmap, grid, label, bounds);
  const m = indexToWorldMatrix(grid);
  const o = grid.origin;
  const nc = cand.length / 3;
  const pts = new Float64Array(cand.length);
  for (let c = 0; c < nc; c++) {
    const i = cand[3 * c]!;
    const j = cand[3 * c + 1]!;
    const k = cand[3 * c + 2]!;
    pts[3 * c] = o[0] + m[0] * i + m[1] * j + m[2] * k;
    pts[3 * c + 1] = o[1] + m[3] * i + m[4] * j + m[5] * k;
    pts[3 * c + 2] = o[2] + m[6] * i + m[7] * j + m[8] * k;
  }
  const longest = pointSetDiameter(pts);
  const [pa, pb] = longest.endpoints;
  const axis: Vec3 = [pb[0] - pa[0], pb[1] - pa[1], pb[2] - pa[2]];
  const perp = longest.lengthMm > 0 ? perpendicularDiameter(pts, axis) : { lengthMm: 0, endpoints: longest.endpoints };

  return {
    label,
    voxelCount: count,
    volumeMm3,
    volumeMl: volumeMm3 / 1000,
    centroid: indexToWorld(grid, [si / count, sj / count, sk / count]),
    bounds,
    longestDiameter3d: longest.lengthMm,
    longestDiameterEndpoints: longest.endpoints,
    perpendicularDiameter: perp.lengthMm,
    perpendicularDiameterEndpoints: perp.endpoints,
  };
}
