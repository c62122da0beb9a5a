import type { Vec3 } from '../../src/geometry/vec3';
import { indexToWorldMatrix, worldToIndex, type Index3, type VolumeGrid } from '../../src/segment/core';
import { IDENTITY, rng } from './synthetic';

/**
 * Supersampled lesion phantoms: each voxel holds the average over SUB³ points of its own parallelepiped (the
 * partial volume a scanner records), plus Gaussian noise. The truth is the analytic ellipsoid volume.
 */
const SUB = 6;

export interface PhantomSpec {
  volumeMl: number;
  /** Relative semi-axes (scaled to the volume). */
  shape?: Vec3;
  spacing: Vec3;
  direction?: readonly [Vec3, Vec3, Vec3];
  /** Lesion and surroundings intensity, noise SD. */
  lesion: number;
  background: number;
  noiseSd: number;
  /** A larger ball of this intensity pressed against the lesion (it overlaps 20 % of the lesion's x semi-axis). */
  touching?: number;
  /** Int16 (CT-like, MR-like) or Float32 scalars. */
  float?: boolean;
  seed?: number;
  /** Grid shear: the slice step gets this much of the column direction per mm (gantry tilt, tan of the angle). */
  shear?: number;
}

export interface Phantom {
  grid: VolumeGrid;
  scalars: Int16Array | Float32Array;
  centre: Vec3;
  semiAxes: Vec3;
  truthMl: number;
  /** Voxel indices of `n` seeds spread uniformly over the inner half of the lesion (normalised radius ≤ 0.5). */
  innerSeeds(n: number): Index3[];
}

export function lesionPhantom(spec: PhantomSpec): Phantom {
  const shape = spec.shape ?? [1, 0.8, 1.25];
  const scale = Math.cbrt((spec.volumeMl * 1000) / ((4 / 3) * Math.PI * shape[0] * shape[1] * shape[2]));
  const semi: Vec3 = [shape[0] * scale, shape[1] * scale, shape[2] * scale];
  const r = rng(spec.seed ?? 1);
  const direction = spec.direction ?? IDENTITY;
  const sliceDir: Vec3 = spec.shear
    ? normalise([direction[2][0] + spec.shear * direction[0][0], direction[2][1] + spec.shear * direction[0][1], direction[2][2] + spec.shear * direction[0][2]])
    : direction[2];
  const touchRadius = spec.touching === undefined ? 0 : 1.5 * Math.max(...semi);
  const reach = Math.max(...semi) + 14 + 2 * touchRadius;
  const extentVoxels = spec.spacing.map((s) => Math.ceil((2 * reach) / s) + 1);
  // Oblique or sheared steps need room in every direction: size the grid for the reach along each axis.
  const dims = [extentVoxels[0]!, extentVoxels[1]!, extentVoxels[2]!] as const;
  // Lesion centre at the grid's middle, off the voxel lattice by a random fraction.
  const pre: VolumeGrid = { dimensions: dims, spacing: spec.spacing, origin: [0, 0, 0], direction: [direction[0], direction[1], sliceDir] };
  const mid: Index3 = [(dims[0] - 1) / 2 + r.uniform() - 0.5, (dims[1] - 1) / 2 + r.uniform() - 0.5, (dims[2] - 1) / 2 + r.uniform() - 0.5];
  const m = indexToWorldMatrix(pre);
  const centre: Vec3 = [0, 0, 0];
  const origin: Vec3 = [-(m[0] * mid[0] + m[1] * mid[1] + m[2] * mid[2]), -(m[3] * mid[0] + m[4] * mid[1] + m[5] * mid[2]), -(m[6] * mid[0] + m[7] * mid[1] + m[8] * mid[2])];
  const grid: VolumeGrid = { ...pre, origin };
  const touchCentre: Vec3 = [semi[0] + touchRadius - 0.2 * semi[0], 0, 0];

  const lesionQ = (p: Vec3): number => Math.sqrt((p[0] / semi[0]) ** 2 + (p[1] / semi[1]) ** 2 + (p[2] / semi[2]) ** 2);
  const touchD = (p: Vec3): number => Math.hypot(p[0] - touchCentre[0], p[1] - touchCentre[1], p[2] - touchCentre[2]);
  const valueAt = (p: Vec3): number => {
    if (lesionQ(p) <= 1) return spec.lesion;
    if (spec.touching !== undefined && touchD(p) <= touchRadius) return spec.touching;
    return spec.background;
  };
  const steps: Vec3[] = [0, 1, 2].map((a) => [m[a]!, m[3 + a]!, m[6 + a]!]);
  const halfDiag = 0.5 * steps.reduce((s, v) => s + Math.hypot(...v), 0);
  const minSemi = Math.min(...semi);
  const [nx, ny, nz] = dims;
  const scalars = spec.float ? new Float32Array(nx * ny * nz) : new Int16Array(nx * ny * nz);
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        const p: Vec3 = [origin[0] + m[0] * i + m[1] * j + m[2] * k, origin[1] + m[3] * i + m[4] * j + m[5] * k, origin[2] + m[6] * i + m[7] * j + m[8] * k];
        const nearLesion = Math.abs(lesionQ(p) - 1) * minSemi <= halfDiag * 1.01 || lesionQ(p) < 1 + halfDiag / minSemi;
        const nearTouch = spec.touching !== undefined && Math.abs(touchD(p) - touchRadius) <= halfDiag * 1.01;
        let v: number;
        if ((nearLesion && Math.abs(lesionQ(p) - 1) * minSemi <= halfDiag * 1.01) || nearTouch) {
          let sum = 0;
          for (let c = 0; c < SUB; c++)
            for (let b = 0; b < SUB; b++)
              for (let a = 0; a < SUB; a++) {
                const fa = (a + 0.5) / SUB - 0.5;
                const fb = (b + 0.5) / SUB - 0.5;
                const fc = (c + 0.5) / SUB - 0.5;
                sum += valueAt([p[0] + fa * steps[0]![0] + fb * steps[1]![0] + fc * steps[2]![0], p[1] + fa * steps[0]![1] + fb * steps[1]![1] + fc * steps[2]![1], p[2] + fa * steps[0]![2] + fb * steps[1]![2] + fc * steps[2]![2]]);
              }
          v = sum / SUB ** 3;
        } else v = valueAt(p);
        v += spec.noiseSd * r.normal();
        scalars[i + j * nx + k * nx * ny] = spec.float ? v : Math.round(v);
      }
  const truthMl = ((4 / 3) * Math.PI * semi[0] * semi[1] * semi[2]) / 1000;
  return {
    grid,
    scalars,
    centre,
    semiAxes: semi,
    truthMl,
    innerSeeds(n) {
      const s = rng(1000 + (spec.seed ?? 1));
      const out: Index3[] = [];
      while (out.length < n) {
        const u: Vec3 = [2 * s.uniform() - 1, 2 * s.uniform() - 1, 2 * s.uniform() - 1];
        if (Math.hypot(...u) > 0.5) continue;
        const idx = worldToIndex(grid, [u[0] * semi[0], u[1] * semi[1], u[2] * semi[2]]);
        out.push([Math.round(idx[0]), Math.round(idx[1]), Math.round(idx[2])]);
      }
      return out;
    },
  };
}

function normalise(v: Vec3): Vec3 {
  const n = Math.hypot(...v);
  return [v[0] / n, v[1] / n, v[2] / n];
}
