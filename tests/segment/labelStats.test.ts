import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../../src/geometry/vec3';
import { indexToWorld, labelStats, pointSetDiameter, regionGrow, voxelVolumeMm3, worldToIndex, type Index3 } from '../../src/segment/core';
import { nonZeroRows } from '../../src/segment/core/rowOccupancy';
import { countWhere, forEachVoxel, insideEllipsoid, makeGrid, rng, rotatedDirections, volumeFrom } from './synthetic';

describe('labelStats', () => {
  it('ellipsoid: volume, centroid, longest diameter ≈ 2a and perpendicular ≈ 2b (to the surface) within one voxel', () => {
    const g = makeGrid([110, 80, 40], [0.6, 0.6, 1.5]);
    const c: Vec3 = [33.1, 24.2, 29.8];
    const [a, b, cc] = [28, 18, 12];
    const inside = insideEllipsoid(c, a, b, cc);
    const labelmap = volumeFrom(g, (n) => new Uint8Array(n), (p) => (inside(p) ? 2 : 0));
    const st = labelStats(labelmap, g, 2);
    const n = countWhere(g, inside);
    expect(st.voxelCount).toBe(n);
    expect(st.volumeMm3).toBeCloseTo(n * 0.6 * 0.6 * 1.5, 6);
    expect(st.volumeMl).toBeCloseTo(st.volumeMm3 / 1000, 9);
    expect(Math.abs(st.volumeMm3 / ((4 / 3) * Math.PI * a * b * cc) - 1)).toBeLessThan(0.01);
    for (let k = 0; k < 3; k++) expect(Math.abs(st.centroid![k]! - c[k]!)).toBeLessThan(0.1);
    const diag = Math.hypot(0.6, 0.6, 1.5);
    expect(Math.abs(st.longestDiameter3d - 2 * a)).toBeLessThanOrEqual(0.6); // one voxel along x
    expect(st.perpendicularDiameter).toBeLessThan(2 * b + diag); // the found axis may tilt slightly off the true major axis
    expect(st.perpendicularDiameter).toBeGreaterThan(2 * b - diag);
    const [p, q] = st.longestDiameterEndpoints!;
    expect(Math.abs(p[0] - q[0])).toBeGreaterThan(2 * a - diag - 0.5); // along x
  });

  it('oblique grid, rotated ellipsoid: long axis found with its direction', () => {
    const g = makeGrid([90, 90, 60], [0.7, 0.7, 1.0], rotatedDirections(0.4, 0.2, -0.7));
    const c = indexToWorld(g, [45, 45, 30]);
    const [a, b] = [20, 9];
    // Long axis along world (1,1,1)/√3.
    const u: Vec3 = [1 / Math.sqrt(3), 1 / Math.sqrt(3), 1 / Math.sqrt(3)];
    const inside = (p: Vec3): boolean => {
      const d: Vec3 = [p[0] - c[0], p[1] - c[1], p[2] - c[2]];
      const along = d[0] * u[0] + d[1] * u[1] + d[2] * u[2];
      const perp2 = d[0] ** 2 + d[1] ** 2 + d[2] ** 2 - along ** 2;
      return (along / a) ** 2 + perp2 / b ** 2 <= 1;
    };
    const s = volumeFrom(g, (n) => new Int16Array(n), (p) => (inside(p) ? 300 : 0));
    const seed = worldToIndex(g, c).map(Math.round) as unknown as Index3;
    const grown = regionGrow(s, g, seed);
    expect(grown.voxelCount).toBe(countWhere(g, inside));
    const st = labelStats(grown.labelmap, g, 1, grown.bounds!);
    const diag = Math.hypot(0.7, 0.7, 1.0);
    expect(st.longestDiameter3d).toBeGreaterThan(2 * a - diag);
    expect(st.longestDiameter3d).toBeLessThan(2 * a + diag);
    expect(st.perpendicularDiameter).toBeGreaterThan(2 * b - diag);
    expect(st.perpendicularDiameter).toBeLessThan(2 * b + diag); // the found axis may tilt slightly off the true major axis
    const [p, q] = st.longestDiameterEndpoints!;
    const axis: Vec3 = [q[0] - p[0], q[1] - p[1], q[2] - p[2]];
    const cos = Math.abs(axis[0] * u[0] + axis[1] * u[1] + axis[2] * u[2]) / Math.hypot(...axis);
    expect(cos).toBeGreaterThan(0.99);
    expect(voxelVolumeMm3(g)).toBeCloseTo(0.49, 12);
  });

  it('irregular blob: longest diameter equals brute force over all voxel centres', () => {
    const g = makeGrid([24, 20, 14], [0.9, 0.8, 2]);
    const { uniform } = rng(21);
    const blobs = Array.from({ length: 6 }, () => [uniform() * 20, uniform() * 15, uniform() * 25, 2 + uniform() * 4] as const);
    const labelmap = volumeFrom(g, (n) => new Uint8Array(n), (p) =>
      blobs.some(([x, y, z, r]) => Math.hypot(p[0] - x, p[1] - y, p[2] - z) <= r) ? 1 : 0,
    );
    const pts: number[] = [];
    forEachVoxel(g, (p, idx) => {
      if (labelmap[idx]) pts.push(...p);
    });
    const exact = pointSetDiameter(Float64Array.from(pts)); // all voxels (exact path or sampled path + refinement)
    let brute = 0;
    for (let x = 0; x < pts.length; x += 3)
      for (let y = x + 3; y < pts.length; y += 3)
        brute = Math.max(brute, Math.hypot(pts[x]! - pts[y]!, pts[x + 1]! - pts[y + 1]!, pts[x + 2]! - pts[y + 2]!));
    expect(exact.lengthMm).toBeCloseTo(brute, 9);
    // To the surface: the centre-to-centre diameter plus one voxel's width along it (Σ |step·u|).
    const [p, q] = exact.endpoints;
    const d = [q[0] - p[0], q[1] - p[1], q[2] - p[2]].map((x) => x / exact.lengthMm);
    const width = 0.9 * Math.abs(d[0]!) + 0.8 * Math.abs(d[1]!) + 2 * Math.abs(d[2]!);
    expect(labelStats(labelmap, g).longestDiameter3d).toBeCloseTo(brute + width / 2, 9);
  });

  it('single voxel and empty label', () => {
    const g = makeGrid([4, 4, 4], [1, 1, 1]);
    const m = new Uint8Array(64);
    expect(labelStats(m, g).voxelCount).toBe(0);
    expect(labelStats(m, g).centroid).toBeNull();
    m[21] = 1;
    const st = labelStats(m, g);
    expect(st.voxelCount).toBe(1);
    expect(st.longestDiameter3d).toBe(0.5); // half a voxel's width, as for every diameter
    expect(st.centroid).toEqual([1, 1, 1]);
  });

  it('largest diameter has no systematic shortfall on thick slices (spheres and long ellipsoids at random offsets)', () => {
    const g = makeGrid([50, 50, 40], [0.8, 0.9, 3.3]);
    const { uniform } = rng(31);
    const sphere: number[] = [];
    const long: number[] = [];
    for (let t = 0; t < 12; t++) {
      const r = 8 + uniform() * 4;
      const c: Vec3 = [20 + uniform(), 22 + uniform(), 60 + 3 * uniform()];
      const ball = volumeFrom(g, (n) => new Uint8Array(n), (p) => (Math.hypot(p[0] - c[0], p[1] - c[1], p[2] - c[2]) <= r ? 1 : 0));
      sphere.push(labelStats(ball, g).longestDiameter3d - 2 * r);
      // Craniocaudal lesion: long axis across the thick slices.
      const rz = 1.5 * r;
      const egg = volumeFrom(g, (n) => new Uint8Array(n), (p) => (((p[0] - c[0]) / r) ** 2 + ((1.3 * (p[1] - c[1])) / r) ** 2 + ((p[2] - c[2]) / rz) ** 2 <= 1 ? 1 : 0));
      long.push(labelStats(egg, g).longestDiameter3d - 2 * rz);
    }
    const mean = (e: number[]): number => e.reduce((x, y) => x + y, 0) / e.length;
    // Centre to centre the long ellipsoids measure ≈ 1.7 mm (half a slice) short; a whole voxel added, spheres ≈ 1.8 mm long; half a voxel leaves ≤ 1.1 mm either way.
    expect(Math.abs(mean(long))).toBeLessThan(0.35 * 3.3);
    expect(Math.abs(mean(sphere))).toBeLessThan(0.35 * 3.3);
  });
});

describe('pointSetDiameter', () => {
  it('large point cloud (sampled directions + refinement) is within 0.2% of brute force, never above', () => {
    const { uniform } = rng(99);
    const n = 6000;
    const p = new Float64Array(3 * n);
    for (let t = 0; t < n; t++) {
      p[3 * t] = (uniform() - 0.5) * 80;
      p[3 * t + 1] = (uniform() - 0.5) * 50;
      p[3 * t + 2] = (uniform() - 0.5) * 30;
    }
    let brute = 0;
    for (let a = 0; a < n; a++)
      for (let b = a + 1; b < n; b++)
        brute = Math.max(brute, (p[3 * a]! - p[3 * b]!) ** 2 + (p[3 * a + 1]! - p[3 * b + 1]!) ** 2 + (p[3 * a + 2]! - p[3 * b + 2]!) ** 2);
    const d = pointSetDiameter(p).lengthMm;
    expect(d).toBeLessThanOrEqual(Math.sqrt(brute) + 1e-9);
    expect(d).toBeGreaterThan(0.998 * Math.sqrt(brute));
  });
});

describe('nonZeroRows (word-at-a-time row skimming)', () => {
  it('matches a byte scan on unaligned views and odd boxes', () => {
    const g = makeGrid([13, 7, 5], [1, 1, 1]);
    const { uniform } = rng(4);
    for (const offset of [0, 1, 2, 3]) {
      const backing = new Uint8Array(13 * 7 * 5 + 8);
      const m = backing.subarray(offset, offset + 13 * 7 * 5);
      for (let t = 0; t < 12; t++) m[Math.floor(uniform() * m.length)] = 1 + Math.floor(uniform() * 200);
      backing[offset + m.length] = 9; // just past the view: must be ignored
      for (const box of [
        { min: [0, 0, 0], max: [12, 6, 4] },
        { min: [3, 1, 1], max: [10, 5, 3] },
        { min: [5, 0, 0], max: [6, 6, 4] },
      ] as const) {
        const flags = nonZeroRows(m, g, box);
        for (let k = box.min[2]; k <= box.max[2]; k++)
          for (let j = box.min[1]; j <= box.max[1]; j++) {
            let any = 0;
            for (let i = box.min[0]; i <= box.max[0]; i++) if (m[i + j * 13 + k * 91]) any = 1;
            expect(flags[j - box.min[1] + (k - box.min[2]) * (box.max[1] - box.min[1] + 1)]).toBe(any);
          }
      }
    }
  });
});
