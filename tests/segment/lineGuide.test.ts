import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../../src/geometry/vec3';
import { adaptiveGrow, indexToWorld, lineGuide, voxelVolumeMm3 } from '../../src/segment/core';
import { lesionPhantom, type PhantomSpec } from './lesionPhantom';
import { rotatedDirections } from './synthetic';

/**
 * Line-guided grow on the seed-sweep phantoms: a line drawn across the lesion from outside to outside (1.6 × the
 * x semi-axis each side, so the sphere on it holds the whole lesion) gives the analytic volume, as a click does.
 */
const MR = { lesion: 600, background: 250, noiseSd: 25 } as const;
const CT = { lesion: 90, background: 40, noiseSd: 6 } as const;
const MR_VOXEL = [0.8, 0.9, 3.3] as const;
const CT_VOXEL = [0.7, 0.7, 1.25] as const;
const tolerance = (ml: number): number => (ml >= 2 ? 0.03 : 0.05);

/** Lines along x through the centre and 25 % of the y semi-axis either side of it, on the slice through the centre. */
function lineVolumes(spec: PhantomSpec): { truth: number; volumes: number[] } {
  const p = lesionPhantom(spec);
  const voxelMl = voxelVolumeMm3(p.grid) / 1000;
  const reach = 1.6 * p.semiAxes[0];
  const volumes = [0, 0.25, -0.25].map((f) => {
    const y = f * p.semiAxes[1];
    const a: Vec3 = [-reach, y, 0];
    const b: Vec3 = [reach, y, 0];
    const guide = lineGuide(p.scalars, p.grid, a, b);
    if (!guide) throw new Error('no guide');
    return adaptiveGrow(p.scalars, p.grid, guide.seed, { sphere: guide.sphere, prior: guide.prior }).voxelCount * voxelMl;
  });
  return { truth: p.truthMl, volumes };
}

describe('line-guided grow (sphere on the line, inside learnt from its middle, outside from its ends)', () => {
  const cases: [string, PhantomSpec][] = [];
  for (const ml of [0.5, 2, 8, 50]) {
    cases.push([`MR ${ml} mL, 0.8×0.9×3.3 mm`, { volumeMl: ml, spacing: [...MR_VOXEL], ...MR, seed: 11 }]);
    cases.push([`CT ${ml} mL, 0.7×0.7×1.25 mm`, { volumeMl: ml, spacing: [...CT_VOXEL], ...CT, seed: 12 }]);
    cases.push([`MR ${ml} mL, oblique grid`, { volumeMl: ml, spacing: [...MR_VOXEL], direction: rotatedDirections(0.3, 0.2, 0.4), ...MR, seed: 13 }]);
  }
  for (const ml of [0.5, 2, 8]) {
    cases.push([`MR ${ml} mL touching a larger structure (the line's end lies in it)`, { volumeMl: ml, spacing: [...MR_VOXEL], ...MR, touching: 500, seed: 14 }]);
    cases.push([`CT ${ml} mL, dark lesion (float scalars), heavier noise`, { volumeMl: ml, spacing: [...CT_VOXEL], lesion: 20, background: 80, noiseSd: 9, float: true, seed: 15 }]);
  }
  cases.push(['MR 1.6 mL (the small follow-up lesion)', { volumeMl: 1.6, spacing: [...MR_VOXEL], ...MR, seed: 18 }]);
  for (const [name, spec] of cases) {
    it(name, { timeout: 60_000 }, () => {
      const { truth, volumes } = lineVolumes(spec);
      for (const v of volumes) expect(Math.abs(v / truth - 1), `${v.toFixed(3)} mL vs ${truth.toFixed(3)} mL`).toBeLessThanOrEqual(tolerance(spec.volumeMl));
    });
  }

  it('the region never leaves the sphere on the line, even when the line ends inside the lesion', () => {
    const p = lesionPhantom({ volumeMl: 8, spacing: [...MR_VOXEL], ...MR, seed: 19 });
    const a: Vec3 = [-1.6 * p.semiAxes[0], 0, 0];
    const b: Vec3 = [0.3 * p.semiAxes[0], 0, 0];
    const guide = lineGuide(p.scalars, p.grid, a, b)!;
    expect(Math.abs(guide.prior.outside - MR.background)).toBeLessThan(30);
    const grown = adaptiveGrow(p.scalars, p.grid, guide.seed, { sphere: guide.sphere, prior: guide.prior });
    expect(grown.voxelCount * (voxelVolumeMm3(p.grid) / 1000)).toBeGreaterThan(0.3 * p.truthMl);
    const { min, max } = grown.bounds!;
    const [bx, by] = [max[0] - min[0] + 1, max[1] - min[1] + 1];
    let outside = 0;
    grown.mask.forEach((v, n) => {
      if (!v) return;
      const w = indexToWorld(p.grid, [min[0] + (n % bx), min[1] + (Math.floor(n / bx) % by), min[2] + Math.floor(n / (bx * by))]);
      // The sphere whose diameter is the line, from the line itself.
      const c: Vec3 = [(a[0] + b[0]) / 2, 0, 0];
      if (Math.hypot(w[0] - c[0], w[1] - c[1], w[2] - c[2]) > (b[0] - a[0]) / 2 + 1e-9) outside++;
    });
    expect(outside).toBe(0);
  });

  it('learns the lesion from the middle of the line and the surroundings from its ends', () => {
    const p = lesionPhantom({ volumeMl: 2, spacing: [...MR_VOXEL], ...MR, seed: 14 });
    const reach = 1.6 * p.semiAxes[0];
    const guide = lineGuide(p.scalars, p.grid, [-reach, 0, 0], [reach, 0, 0])!;
    expect(Math.abs(guide.prior.inside - MR.lesion)).toBeLessThan(30); // a few noisy voxels (noise SD 25)
    expect(Math.abs(guide.prior.outside - MR.background)).toBeLessThan(30);
    expect(guide.sphere.radiusMm).toBeCloseTo(reach, 6);
  });

  it('a line shorter than 3 mm is no guide', () => {
    const p = lesionPhantom({ volumeMl: 2, spacing: [...MR_VOXEL], ...MR, seed: 14 });
    expect(lineGuide(p.scalars, p.grid, [0, 0, 0], [1, 1, 0])).toBeNull();
  });
});
