/**
 * Segmentation benchmark (npm run bench:segment).
 * Synthetic 512×512×300 int16 CT-like volume, 0.5×0.5×1 mm: air, subcutaneous fat, muscle (50 HU, noise),
 * vertebral bodies with cortical shell and discs, spinous processes, and a paravertebral ellipsoidal lesion of
 * analytic volume 30.0 mL at 150 HU. Times region growing in the lesion, a worst-case flood of the muscle
 * compartment (~30 % of the volume) and labelStats. Each case: one cold first run, then RUNS timed runs.
 */
import os from 'node:os';
import { adaptiveGrow, indexToWorld, labelStats, lineGuide, regionGrow, voxelVolumeMm3, type Index3, type RegionGrowOptions, type VolumeGrid } from '../src/segment/core';
import { lesionPhantom } from '../tests/segment/lesionPhantom';

const NX = 512;
const NY = 512;
const NZ = 300;
const SPACING = [0.5, 0.5, 1] as const;
const RUNS = 5;

const LESION = { ci: 345, cj: 300, ck: 150, a: 24, b: 18, c: 30000 / ((4 / 3) * Math.PI * 24 * 18) }; // mm semi-axes
const LESION_ML = ((4 / 3) * Math.PI * LESION.a * LESION.b * LESION.c) / 1000;

function buildVolume(): Int16Array {
  // Gaussian noise from a table indexed by xorshift32.
  let state = 0x9e3779b9;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  const table = new Float32Array(4096);
  for (let t = 0; t < table.length; t++) {
    const u = (next() + 1) / 4294967297;
    const v = next() / 4294967296;
    table[t] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  const noise = (): number => table[next() >>> 20]!;

  // In-plane tissue classes: 0 air, 1 fat, 2 muscle, 3 vertebral body (cancellous), 4 cortical shell, 5 spinous process.
  const cls = new Uint8Array(NX * NY);
  for (let j = 0; j < NY; j++) {
    for (let i = 0; i < NX; i++) {
      const body = ((i - 256) / 206) ** 2 + ((j - 256) / 156) ** 2 <= 1;
      const inner = ((i - 256) / 190) ** 2 + ((j - 256) / 140) ** 2 <= 1;
      const rv = Math.hypot(i - 256, j - 320);
      let c = body ? (inner ? 2 : 1) : 0;
      if (rv <= 35) c = rv > 31 ? 4 : 3;
      if (j >= 360 && j < 420 && i >= 250 && i < 262) c = 5;
      cls[i + j * NX] = c;
    }
  }
  const s = new Int16Array(NX * NY * NZ);
  const lesionK0 = Math.ceil(LESION.ck - LESION.c / SPACING[2]);
  const lesionK1 = Math.floor(LESION.ck + LESION.c / SPACING[2]);
  for (let k = 0; k < NZ; k++) {
    const disc = k % 30 >= 24; // intervertebral disc slices
    for (let p = 0; p < NX * NY; p++) {
      const c = cls[p]!;
      let v: number;
      if (c === 0) v = -1000 + 10 * noise();
      else if (c === 1) v = -100 + 6 * noise();
      else if (c === 2) v = 50 + 6 * noise();
      else if (disc && c !== 5) v = 90 + 6 * noise();
      else if (c === 3) v = 250 + 20 * noise();
      else if (c === 4) v = 900 + 30 * noise();
      else v = disc ? 50 + 6 * noise() : 400 + 20 * noise();
      s[p + k * NX * NY] = Math.round(v);
    }
    if (k >= lesionK0 && k <= lesionK1) {
      const dz = ((k - LESION.ck) * SPACING[2]) / LESION.c;
      for (let j = 0; j < NY; j++) {
        const dy = ((j - LESION.cj) * SPACING[1]) / LESION.b;
        for (let i = 0; i < NX; i++) {
          const dx = ((i - LESION.ci) * SPACING[0]) / LESION.a;
          if (dx * dx + dy * dy + dz * dz <= 1) s[i + j * NX + k * NX * NY] = Math.round(150 + 6 * noise());
        }
      }
    }
  }
  return s;
}

interface Row {
  name: string;
  first: number;
  times: number[];
  voxels: number;
  extra: string;
}

function stats(times: number[]): { median: number; min: number; max: number } {
  const t = [...times].sort((a, b) => a - b);
  return { median: t[Math.floor(t.length / 2)]!, min: t[0]!, max: t[t.length - 1]! };
}

function main(): void {
  const grid: VolumeGrid = {
    dimensions: [NX, NY, NZ],
    spacing: SPACING,
    origin: [-128, -128, -150],
    direction: [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ],
  };
  const t0 = performance.now();
  const scalars = buildVolume();
  const buildMs = performance.now() - t0;
  const voxelMm3 = SPACING[0] * SPACING[1] * SPACING[2];
  const rows: Row[] = [];

  const timeGrow = (name: string, seed: Index3, options: RegionGrowOptions, withVolume: boolean): Uint8Array => {
    const times: number[] = [];
    const c = performance.now();
    let last = regionGrow(scalars, grid, seed, options);
    const first = performance.now() - c;
    for (let r = 0; r < RUNS; r++) {
      const a = performance.now();
      last = regionGrow(scalars, grid, seed, options);
      times.push(performance.now() - a);
    }
    const res = last;
    const ml = (res.voxelCount * voxelMm3) / 1000;
    const extra = withVolume
      ? `${ml.toFixed(2)} mL vs ${LESION_ML.toFixed(2)} mL analytic (${(((ml - LESION_ML) / LESION_ML) * 100).toFixed(2)} %)` +
        (res.holesFilled ? `, ${res.holesFilled} holes filled` : '') +
        (res.openingRemoved ? `, opening removed ${res.openingRemoved}` : '')
      : `${((res.voxelCount / scalars.length) * 100).toFixed(1)} % of volume, range [${res.range[0].toFixed(0)}, ${res.range[1].toFixed(0)}]`;
    rows.push({ name, first, times, voxels: res.voxelCount, extra });
    return res.labelmap;
  };

  const lesionSeed: Index3 = [LESION.ci, LESION.cj, LESION.ck];
  const timeAdaptive = (name: string, seed: Index3): void => {
    const times: number[] = [];
    const c = performance.now();
    let res = adaptiveGrow(scalars, grid, seed, { maxVoxels: Math.ceil(scalars.length * 0.25) });
    const first = performance.now() - c;
    for (let r = 0; r < RUNS; r++) {
      const a = performance.now();
      res = adaptiveGrow(scalars, grid, seed, { maxVoxels: Math.ceil(scalars.length * 0.25) });
      times.push(performance.now() - a);
    }
    const ml = (res.voxelCount * voxelMm3) / 1000;
    rows.push({ name, first, times, voxels: res.voxelCount, extra: `${ml.toFixed(2)} mL vs ${LESION_ML.toFixed(2)} mL analytic (${(((ml - LESION_ML) / LESION_ML) * 100).toFixed(2)} %)${res.truncated ? ', at the cap' : ''}` });
  };
  timeAdaptive('adaptive grow (the app), lesion centre', lesionSeed);
  timeAdaptive('adaptive grow, seed 8 mm off centre', [LESION.ci + 16, LESION.cj - 8, LESION.ck + 4]);
  timeAdaptive('adaptive grow, worst-case flood (capped)', [150, 256, 150]);
  // A line dragged across the lesion along x, 1.6 × its largest semi-axis each side (guide read + grow in the sphere).
  const timeLine = (name: string, offsetMm: number): void => {
    const c = indexToWorld(grid, lesionSeed);
    const reach = 1.6 * LESION.a;
    const run = () => {
      const guide = lineGuide(scalars, grid, [c[0] - reach, c[1] + offsetMm, c[2]], [c[0] + reach, c[1] + offsetMm, c[2]]);
      if (!guide) throw new Error('no line guide');
      return adaptiveGrow(scalars, grid, guide.seed, { sphere: guide.sphere, prior: guide.prior, maxVoxels: Math.ceil(scalars.length * 0.25) });
    };
    const times: number[] = [];
    const a0 = performance.now();
    let res = run();
    const first = performance.now() - a0;
    for (let r = 0; r < RUNS; r++) {
      const a = performance.now();
      res = run();
      times.push(performance.now() - a);
    }
    const ml = (res.voxelCount * voxelMm3) / 1000;
    rows.push({ name, first, times, voxels: res.voxelCount, extra: `${ml.toFixed(2)} mL vs ${LESION_ML.toFixed(2)} mL analytic (${(((ml - LESION_ML) / LESION_ML) * 100).toFixed(2)} %)` });
  };
  timeLine('line-guided grow, line through centre', 0);
  timeLine('line-guided grow, line 6 mm off centre', 6);
  const lesionMap = timeGrow('lesion grow, 6-conn, 3 SD', lesionSeed, {}, true);
  timeGrow('lesion grow, 26-conn, 3 SD', lesionSeed, { connectivity: 26 }, true);
  timeGrow('lesion grow + fillHoles 3d', lesionSeed, { fillHoles: '3d' }, true);
  timeGrow('lesion grow + fillHoles + opening r=2', lesionSeed, { fillHoles: '3d', openingRadius: 2 }, true);
  const muscleSeed: Index3 = [150, 256, 150];
  const floodMap = timeGrow('worst-case flood, 6-conn', muscleSeed, {}, false);
  timeGrow('worst-case flood, 26-conn', muscleSeed, { connectivity: 26 }, false);
  timeGrow('worst-case flood + fillHoles 3d', muscleSeed, { fillHoles: '3d' }, false);

  const timeStats = (name: string, map: Uint8Array, hint: boolean): void => {
    const times: number[] = [];
    const c = performance.now();
    let st = labelStats(map, grid, 1);
    const first = performance.now() - c;
    const bounds = st.bounds!;
    for (let r = 0; r < RUNS; r++) {
      const a = performance.now();
      st = labelStats(map, grid, 1, hint ? bounds : undefined);
      times.push(performance.now() - a);
    }
    const s = st;
    rows.push({
      name,
      first,
      times,
      voxels: s.voxelCount,
      extra: `${s.volumeMl.toFixed(2)} mL, longest ${s.longestDiameter3d.toFixed(1)} mm, perpendicular ${s.perpendicularDiameter.toFixed(1)} mm`,
    });
  };
  timeStats('labelStats lesion, full scan', lesionMap, false);
  timeStats('labelStats lesion, bounds hint', lesionMap, true);
  timeStats('labelStats worst-case flood', floodMap, false);

  const cpu = os.cpus()[0]?.model ?? 'cpu';
  seedSweep();
  console.log(
    `SpineLens segmentation benchmark: ${NX}×${NY}×${NZ} int16 (${(scalars.length / 1e6).toFixed(1)} M voxels), ` +
      `${SPACING.join('×')} mm; node ${process.version}, ${os.availableParallelism()} cores (${cpu.trim()}); volume built in ${(buildMs / 1000).toFixed(1)} s`,
  );
  console.log(`lesion: ellipsoid ${LESION.a}×${LESION.b}×${LESION.c.toFixed(2)} mm semi-axes, analytic ${LESION_ML.toFixed(3)} mL; 1 cold run ("first") + ${RUNS} timed runs each (median/min/max of the timed runs), ms`);
  const pad = (v: string, n: number): string => v.padStart(n);
  console.log(`${'case'.padEnd(40)}${pad('first', 8)}${pad('median', 8)}${pad('min', 8)}${pad('max', 8)}${pad('voxels', 12)}  result`);
  for (const r of rows) {
    const { median, min, max } = stats(r.times);
    console.log(
      `${r.name.padEnd(40)}${pad(r.first.toFixed(1), 8)}${pad(median.toFixed(1), 8)}${pad(min.toFixed(1), 8)}${pad(max.toFixed(1), 8)}${pad(r.voxels.toLocaleString('en-US'), 12)}  ${r.extra}`,
    );
  }
}

/** Adaptive grow from 20 seeds over the inner half of supersampled MR-like lesions (0.8×0.9×3.3 mm, noise): volume and time. */
function seedSweep(): void {
  console.log('seed sweep: adaptive grow, 20 seeds spread over the inner half, MR-like 0.8×0.9×3.3 mm, lesion 600 / surroundings 250 / noise SD 25');
  console.log(`${'lesion'.padEnd(10)}${'truth mL'.padStart(10)}${'median mL'.padStart(11)}${'min'.padStart(8)}${'max'.padStart(8)}${'spread %'.padStart(10)}${'worst err %'.padStart(12)}${'median ms'.padStart(11)}${'line err %'.padStart(12)}${'line ms'.padStart(9)}`);
  for (const ml of [0.5, 2, 8, 50]) {
    const p = lesionPhantom({ volumeMl: ml, spacing: [0.8, 0.9, 3.3], lesion: 600, background: 250, noiseSd: 25, seed: 21 });
    const voxelMl = voxelVolumeMm3(p.grid) / 1000;
    const vols: number[] = [];
    const times: number[] = [];
    for (const seed of p.innerSeeds(20)) {
      const r = adaptiveGrow(p.scalars, p.grid, seed);
      vols.push(r.voxelCount * voxelMl);
      times.push(r.timeMs);
    }
    // Three lines along x across the lesion (through the centre and 25 % of the y semi-axis either side).
    const lineErrors: number[] = [];
    const lineTimes: number[] = [];
    for (const f of [0, 0.25, -0.25]) {
      const reach = 1.6 * p.semiAxes[0];
      const y = f * p.semiAxes[1];
      const t = performance.now();
      const guide = lineGuide(p.scalars, p.grid, [-reach, y, 0], [reach, y, 0])!;
      const r = adaptiveGrow(p.scalars, p.grid, guide.seed, { sphere: guide.sphere, prior: guide.prior });
      lineTimes.push(performance.now() - t);
      lineErrors.push(Math.abs(r.voxelCount * voxelMl - p.truthMl) / p.truthMl);
    }
    const v = stats(vols);
    const worst = Math.max(...vols.map((x) => Math.abs(x - p.truthMl) / p.truthMl)) * 100;
    console.log(
      `${`${ml} mL`.padEnd(10)}${p.truthMl.toFixed(3).padStart(10)}${v.median.toFixed(3).padStart(11)}${v.min.toFixed(3).padStart(8)}${v.max.toFixed(3).padStart(8)}${(((v.max - v.min) / p.truthMl) * 100).toFixed(2).padStart(10)}${worst.toFixed(2).padStart(12)}${stats(times).median.toFixed(1).padStart(11)}${(Math.max(...lineErrors) * 100).toFixed(2).padStart(12)}${stats(lineTimes).median.toFixed(1).padStart(9)}`,
    );
  }
}

main();
