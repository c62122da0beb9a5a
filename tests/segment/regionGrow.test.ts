import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../../src/geometry/vec3';
import { indexToWorld, pasteMask, regionGrow, regionGrowMask, voxelVolumeMm3, worldToIndex, type Index3, type VolumeGrid } from '../../src/segment/core';
import { countLabel, countWhere, forEachVoxel, insideEllipsoid, makeGrid, rng, rotatedDirections, volumeFrom } from './synthetic';

const centreIndex = (g: VolumeGrid, p: Vec3): Index3 => worldToIndex(g, p).map(Math.round) as unknown as Index3;

/** Plain voxel BFS: the reference the run-based grower must match exactly. */
function referenceGrow(s: ArrayLike<number>, g: VolumeGrid, seed: Index3, lo: number, hi: number, conn: 6 | 26): Uint8Array {
  const [nx, ny, nz] = g.dimensions;
  const out = new Uint8Array(nx * ny * nz);
  const queue: number[] = [seed[0] + seed[1] * nx + seed[2] * nx * ny];
  out[queue[0]!] = 1;
  const offs: number[][] = [];
  for (let dk = -1; dk <= 1; dk++)
    for (let dj = -1; dj <= 1; dj++)
      for (let di = -1; di <= 1; di++) {
        const m = Math.abs(di) + Math.abs(dj) + Math.abs(dk);
        if (m === 0 || (conn === 6 && m > 1)) continue;
        offs.push([di, dj, dk]);
      }
  while (queue.length) {
    const t = queue.pop()!;
    const k = Math.floor(t / (nx * ny));
    const j = Math.floor((t - k * nx * ny) / nx);
    const i = t - k * nx * ny - j * nx;
    for (const [di, dj, dk] of offs) {
      const a = i + di!;
      const b = j + dj!;
      const c = k + dk!;
      if (a < 0 || b < 0 || c < 0 || a >= nx || b >= ny || c >= nz) continue;
      const u = a + b * nx + c * nx * ny;
      const v = s[u]!;
      if (out[u] === 0 && v >= lo && v <= hi) {
        out[u] = 1;
        queue.push(u);
      }
    }
  }
  return out;
}

describe('regionGrow on analytic shapes', () => {
  it('sphere on an anisotropic grid: exactly the voxel centres inside, volume within 1%', () => {
    const g = makeGrid([96, 96, 28], [0.7, 0.7, 2.5], undefined, [-33.25, -33.25, -33.75]);
    const c: Vec3 = [0.3, -0.2, 0.4];
    const r = 25;
    const inside = insideEllipsoid(c, r, r, r);
    const s = volumeFrom(g, (n) => new Int16Array(n), (p) => (inside(p) ? 120 : 20));
    const res = regionGrow(s, g, centreIndex(g, c));
    const expected = countWhere(g, inside);
    expect(res.voxelCount).toBe(expected);
    expect(countLabel(res.labelmap)).toBe(expected);
    expect(res.seedSd).toBe(0);
    expect(res.range[0]).toBeLessThanOrEqual(120);
    expect(res.range[1]).toBeGreaterThanOrEqual(120);
    const analytic = (4 / 3) * Math.PI * r ** 3;
    expect(Math.abs((res.voxelCount * voxelVolumeMm3(g)) / analytic - 1)).toBeLessThan(0.01);
  });

  it('ellipsoid: exact voxel count, tight bounds', () => {
    const g = makeGrid([80, 64, 40], [0.8, 0.8, 1.5]);
    const c: Vec3 = [32, 25, 30];
    const inside = insideEllipsoid(c, 22, 15, 18);
    const s = volumeFrom(g, (n) => new Float32Array(n), (p) => (inside(p) ? 3.5 : 0.5));
    const res = regionGrow(s, g, centreIndex(g, c), { connectivity: 26 });
    expect(res.voxelCount).toBe(countWhere(g, inside));
    let lo = [Infinity, Infinity, Infinity];
    let hi = [-1, -1, -1];
    forEachVoxel(g, (p, _idx, i, j, k) => {
      if (!inside(p)) return;
      lo = [Math.min(lo[0]!, i), Math.min(lo[1]!, j), Math.min(lo[2]!, k)];
      hi = [Math.max(hi[0]!, i), Math.max(hi[1]!, j), Math.max(hi[2]!, k)];
    });
    expect(res.bounds).toEqual({ min: lo, max: hi });
  });

  it('oblique grid: exact count of voxel centres inside a world-space sphere, exact voxel volume', () => {
    const dir = rotatedDirections(0.35, -0.25, 0.6);
    const g = makeGrid([70, 70, 40], [0.75, 0.75, 1.25], dir, [0, 0, 0]);
    const c = indexToWorld(g, [35.2, 34.7, 20.1]); // sphere fully inside the rotated grid
    const inside = insideEllipsoid(c, 14, 14, 14);
    const s = volumeFrom(g, (n) => new Uint16Array(n), (p) => (inside(p) ? 900 : 100));
    const res = regionGrow(s, g, centreIndex(g, c));
    expect(res.voxelCount).toBe(countWhere(g, inside));
    expect(voxelVolumeMm3(g)).toBeCloseTo(0.75 * 0.75 * 1.25, 12);
    const analytic = (4 / 3) * Math.PI * 14 ** 3;
    expect(Math.abs((res.voxelCount * voxelVolumeMm3(g)) / analytic - 1)).toBeLessThan(0.02);
  });

  it('noisy sphere: tolerance window recovers the sphere, holes filled, no leak', () => {
    const g = makeGrid([64, 64, 64], [1, 1, 1]);
    const c: Vec3 = [31.6, 32.2, 31.9];
    const inside = insideEllipsoid(c, 18, 18, 18);
    const { normal } = rng(7);
    const s = volumeFrom(g, (n) => new Int16Array(n), (p) => Math.round((inside(p) ? 200 : 60) + 12 * normal()));
    const expected = countWhere(g, inside);
    const seed = centreIndex(g, c);
    // Absolute tolerance: 200 ± 45 HU (3.75 SD): a few holes, background (60 + 12·N) never reaches 155.
    const res = regionGrow(s, g, seed, { tolerance: 45 });
    expect(res.range[0]).toBeGreaterThan(140);
    expect(res.voxelCount).toBeLessThanOrEqual(expected);
    expect(res.voxelCount).toBeGreaterThan(expected * 0.99);
    // SD-based window from the 5×5×5 neighbourhood, with 3D hole filling.
    const filled = regionGrow(s, g, seed, { toleranceSd: 3.5, fillHoles: '3d' });
    expect(filled.seedSd).toBeGreaterThan(8);
    expect(filled.seedSd).toBeLessThan(16);
    expect(Math.abs(filled.voxelCount - expected)).toBeLessThan(expected * 0.01);
    let outside = 0;
    forEachVoxel(g, (p, idx) => {
      if (filled.labelmap[idx] && !inside(p)) outside++;
    });
    expect(outside).toBe(0);
  });

  it('a perfectly uniform region still grows (tolerance floor)', () => {
    const g = makeGrid([20, 20, 20], [1, 1, 1]);
    const s = volumeFrom(g, (n) => new Float32Array(n), (p) => (p[0] < 10 ? 0 : 1));
    const res = regionGrow(s, g, [3, 3, 3]);
    expect(res.seedSd).toBe(0);
    expect(res.voxelCount).toBe(10 * 20 * 20);
  });
});

describe('regionGrow matches a voxel BFS reference exactly', () => {
  for (const conn of [6, 26] as const) {
    it(`random noise volume, ${conn}-connectivity`, () => {
      const g = makeGrid([37, 29, 23], [1, 1, 1]);
      const { uniform } = rng(conn);
      const s = volumeFrom(g, (n) => new Int16Array(n), () => Math.floor(uniform() * 100));
      const seed: Index3 = [18, 14, 11];
      s[18 + 14 * 37 + 11 * 37 * 29] = 50;
      const lo = conn === 6 ? 20 : 45;
      const hi = 99;
      const ref = referenceGrow(s, g, seed, lo, hi, conn);
      const res = regionGrow(s, g, seed, { range: [lo, hi], connectivity: conn });
      expect(res.voxelCount).toBe(countLabel(ref));
      expect(Buffer.from(res.labelmap).equals(Buffer.from(ref))).toBe(true);
    });
  }

  it('26-connectivity crosses a corner contact, 6-connectivity does not', () => {
    const g = makeGrid([5, 5, 5], [1, 1, 1]);
    const s = new Int16Array(125);
    s[1 + 1 * 5 + 1 * 25] = 100;
    s[2 + 2 * 5 + 2 * 25] = 100;
    expect(regionGrow(s, g, [1, 1, 1], { range: [50, 150] }).voxelCount).toBe(1);
    expect(regionGrow(s, g, [1, 1, 1], { range: [50, 150], connectivity: 26 }).voxelCount).toBe(2);
  });
});

describe('regionGrow options', () => {
  const g = makeGrid([40, 40, 40], [1, 1, 1]);
  const s = volumeFrom(g, (n) => new Int16Array(n), (p) => (p[0] >= 5 && p[0] < 35 ? 100 : 0));

  it('writes additively into `out` with the given label and respects bounds and maxVoxels', () => {
    const out = new Uint8Array(40 * 40 * 40);
    out[0] = 7;
    const res = regionGrow(s, g, [20, 20, 20], { bounds: { min: [10, 10, 10], max: [29, 29, 29] } }, out, 3);
    expect(res.labelmap).toBe(out);
    expect(res.voxelCount).toBe(20 ** 3);
    expect(countLabel(out, 3)).toBe(20 ** 3);
    expect(out[0]).toBe(7);
    expect(res.bounds).toEqual({ min: [10, 10, 10], max: [29, 29, 29] });
    const capped = regionGrow(s, g, [20, 20, 20], { maxVoxels: 1000 });
    expect(capped.truncated).toBe(true);
    expect(capped.voxelCount).toBeLessThanOrEqual(1000);
    expect(capped.voxelCount).toBeGreaterThan(1000 - 30);
    expect(countLabel(capped.labelmap)).toBe(capped.voxelCount);
    const tiny = regionGrow(s, g, [20, 20, 20], { maxVoxels: 5 });
    expect(tiny.voxelCount).toBe(5);
    expect(tiny.labelmap[20 + 20 * 40 + 20 * 1600]).toBe(1);
  });

  it('rejects seeds outside the volume or the bounds', () => {
    expect(() => regionGrow(s, g, [40, 0, 0])).toThrow(RangeError);
    expect(() => regionGrow(s, g, [0, 0, 0], { bounds: { min: [5, 5, 5], max: [9, 9, 9] } })).toThrow(RangeError);
  });
});

describe('post-processing', () => {
  it('fillHoles 3d fills an enclosed cavity; slices mode fills a tube that 3d leaves open', () => {
    const g = makeGrid([40, 40, 40], [1, 1, 1]);
    const c: Vec3 = [20, 20, 20];
    const shell = volumeFrom(g, (n) => new Int16Array(n), (p) => {
      const d = Math.hypot(p[0] - c[0], p[1] - c[1], p[2] - c[2]);
      return d <= 12 && d > 7 ? 100 : 0;
    });
    const plain = regionGrow(shell, g, [20, 20, 30], { tolerance: 10 });
    const filled = regionGrow(shell, g, [20, 20, 30], { tolerance: 10, fillHoles: '3d' });
    const ball = countWhere(g, insideEllipsoid(c, 12, 12, 12));
    expect(plain.voxelCount).toBeLessThan(ball);
    expect(filled.voxelCount).toBe(ball);
    expect(filled.holesFilled).toBe(ball - plain.voxelCount);

    const tube = volumeFrom(g, (n) => new Int16Array(n), (p) => {
      const d = Math.hypot(p[0] - c[0], p[1] - c[1]);
      return d <= 10 && d > 6 && p[2] >= 5 && p[2] < 35 ? 100 : 0;
    });
    const t3 = regionGrow(tube, g, [20, 28, 20], { tolerance: 10, fillHoles: '3d' });
    expect(t3.holesFilled).toBe(0);
    const ts = regionGrow(tube, g, [20, 28, 20], { tolerance: 10, fillHoles: 'slices' });
    expect(ts.voxelCount).toBe(30 * countWhere(makeGrid([40, 40, 1], [1, 1, 1]), (p) => Math.hypot(p[0] - 20, p[1] - 20) <= 10));
  });

  it('openingRadius cuts a thin bridge from a sphere to a touching slab of similar intensity', () => {
    const g = makeGrid([64, 64, 48], [1, 1, 1]);
    const c: Vec3 = [32, 30, 24];
    const R = 11;
    const inSphere = insideEllipsoid(c, R, R, R);
    const inSlab = (p: Vec3): boolean => p[1] >= 48 && p[1] < 58; // slab across the volume
    const inBridge = (p: Vec3): boolean => p[1] > 30 && p[1] < 48 && Math.hypot(p[0] - c[0], p[2] - c[2]) <= 1; // 5-voxel cross-section
    const { normal } = rng(3);
    const s = volumeFrom(g, (n) => new Int16Array(n), (p) => {
      if (inSphere(p)) return Math.round(110 + 4 * normal());
      if (inSlab(p) || inBridge(p)) return Math.round(105 + 4 * normal()); // similar intensity
      return Math.round(20 + 4 * normal());
    });
    const seed = centreIndex(g, c);
    const sphereCount = countWhere(g, inSphere);
    const leaked = regionGrow(s, g, seed, { tolerance: 25 });
    expect(leaked.voxelCount).toBeGreaterThan(sphereCount + 64 * 48 * 10 * 0.9);

    const cut = regionGrow(s, g, seed, { tolerance: 25, openingRadius: 2 });
    expect(cut.openingRemoved).toBeGreaterThan(64 * 48 * 9);
    let inSlabCount = 0;
    let coreMissing = 0;
    forEachVoxel(g, (p, idx) => {
      if (cut.labelmap[idx] && inSlab(p)) inSlabCount++;
      if (!cut.labelmap[idx] && Math.hypot(p[0] - c[0], p[1] - c[1], p[2] - c[2]) <= R - 1.5) coreMissing++;
    });
    expect(inSlabCount).toBe(0);
    expect(coreMissing).toBe(0);
    expect(Math.abs(cut.voxelCount / sphereCount - 1)).toBeLessThan(0.03);
    expect(cut.bounds!.max[1]).toBeLessThan(48);
  });

  it('regionGrowMask (bounds-sized mask, as sent by the worker) equals regionGrow for every post-processing mode', () => {
    const g = makeGrid([36, 34, 30], [0.9, 0.9, 1.2]);
    const c: Vec3 = [16, 15, 18];
    const { normal } = rng(8);
    const s = volumeFrom(g, (n) => new Int16Array(n), (p) => {
      const d = Math.hypot(p[0] - c[0], p[1] - c[1], p[2] - c[2]);
      return Math.round((d <= 11 && d > 3 ? 100 : p[1] > 27 ? 95 : 10) + 5 * normal());
    });
    const seed = centreIndex(g, [c[0] + 7, c[1], c[2]]);
    for (const options of [{}, { fillHoles: '3d' as const }, { fillHoles: 'slices' as const }, { fillHoles: '3d' as const, openingRadius: 1.5 }]) {
      const full = regionGrow(s, g, seed, { tolerance: 20, ...options });
      const cropped = regionGrowMask(s, g, seed, { tolerance: 20, ...options });
      expect(cropped.voxelCount).toBe(full.voxelCount);
      expect(cropped.bounds).toEqual(full.bounds);
      const pasted = new Uint8Array(s.length);
      pasteMask(pasted, g, cropped.bounds!, cropped.mask, 1);
      expect(Buffer.from(pasted).equals(Buffer.from(full.labelmap))).toBe(true);
    }
  });
});
