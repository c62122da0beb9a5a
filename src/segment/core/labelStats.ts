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
  /**
   * Largest diameter (mm) toward the surface: the largest distance between two voxel centres plus half the
   * width of a voxel along it. Centre to centre, a lesion elongated along thick slices measures about half a
   * slice short; the full width overshoots on round lesions (the longest pair already ends near the surface).
   * Half the width is, on average, unbiased for both (tests: spheres and long ellipsoids at random offsets).
   */
  longestDiameter3d: number;
  longestDiameterEndpoints: readonly [Vec3, Vec3] | null;
  /** Largest extent (mm) of the region in the plane perpendicular to the longest diameter, to the surface likewise. */
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
  const longestToSurface = toSurface(m, longest.endpoints, axis);
  const [qa, qb] = perp.endpoints;
  const perpToSurface = perp.lengthMm > 0 ? toSurface(m, perp.endpoints, [qb[0] - qa[0], qb[1] - qa[1], qb[2] - qa[2]]) : { lengthMm: 0, endpoints: perp.endpoints };

  return {
    label,
    voxelCount: count,
    volumeMm3,
    volumeMl: volumeMm3 / 1000,
    centroid: indexToWorld(grid, [si / count, sj / count, sk / count]),
    bounds,
    longestDiameter3d: longestToSurface.lengthMm,
    longestDiameterEndpoints: longestToSurface.endpoints,
    perpendicularDiameter: perpToSurface.lengthMm,
    perpendicularDiameterEndpoints: perpToSurface.endpoints,
  };
}

/**
 * A centre-to-centre diameter extended toward the surface: each end moves out by a quarter of the width of a
 * voxel along the direction (width = Σ |step·u| over the three voxel steps, exact on oblique and sheared grids).
 * A single voxel (no direction) measures its width along the column direction.
 */
/** The unit column direction of a 3×3 row-major voxel matrix (its first column). */
function columnDirection(m: readonly number[]): Vec3 {
  const c = Math.hypot(m[0]!, m[3]!, m[6]!);
  return [m[0]! / c, m[3]! / c, m[6]! / c];
}

function toSurface(m: readonly number[], ends: readonly [Vec3, Vec3], direction: Vec3): { lengthMm: number; endpoints: readonly [Vec3, Vec3] } {
  const n = Math.hypot(direction[0], direction[1], direction[2]);
  const u: Vec3 = n > 0 ? [direction[0] / n, direction[1] / n, direction[2] / n] : columnDirection(m);
  let width = 0;
  for (let a = 0; a < 3; a++) width += Math.abs(m[a]! * u[0] + m[3 + a]! * u[1] + m[6 + a]! * u[2]);
  const h = width / 4;
  const [p, q] = ends;
  return { lengthMm: n + width / 2, endpoints: [[p[0] - h * u[0], p[1] - h * u[1], p[2] - h * u[2]], [q[0] + h * u[0], q[1] + h * u[1], q[2] + h * u[2]]] };
}
