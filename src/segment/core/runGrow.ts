import type { Connectivity, ScalarArray } from './types';

/**
 * Region growing on intensity runs.
 *
 * Each row (fixed j, k) touched by the growth is scanned once and split into maximal runs of voxels with
 * lo <= value <= hi. Runs are the graph nodes: a run is connected to the runs of the neighbouring rows
 * (±j, ±k; with 26-connectivity also the four diagonal rows) whose i-intervals overlap it (widened by one
 * voxel for 26-connectivity). A depth-first search over runs then visits every run once, so each scalar of a
 * touched row is read exactly once and the visited state lives per run, not per voxel: no full-volume scratch.
 * Storage: growable typed-array pools, no per-voxel or per-run object allocation.
 */

export interface RunGrowParams {
  readonly scalars: ScalarArray;
  readonly nx: number;
  readonly ny: number;
  readonly nz: number;
  readonly seed: readonly [number, number, number];
  readonly lo: number;
  readonly hi: number;
  /** Inclusive box [i0, j0, k0, i1, j1, k1] confining the growth. */
  readonly box: readonly [number, number, number, number, number, number];
  readonly connectivity: Connectivity;
  readonly maxVoxels: number;
}

/** The grown region as runs: run r covers voxels start[r]..end[r] (inclusive) of row row[r] = j + k*ny. */
export interface GrownRuns {
  readonly count: number;
  readonly row: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly voxelCount: number;
  readonly truncated: boolean;
  /** Tight bounds [i0, j0, k0, i1, j1, k1]; all -1 when empty. */
  readonly bounds: [number, number, number, number, number, number];
}

const DJ6 = Int8Array.of(0, 0, -1, 1);
const DK6 = Int8Array.of(-1, 1, 0, 0);
const DJ26 = Int8Array.of(-1, 0, 1, -1, 1, -1, 0, 1);
const DK26 = Int8Array.of(-1, -1, -1, 0, 0, 1, 1, 1);

function grow32(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

/** Lazily filled per-row run lists in growable pools. rowFirst = -1: row not scanned yet. */
class RunTable {
  readonly rowFirst: Int32Array;
  readonly rowCount: Int32Array;
  start = new Int32Array(1 << 14);
  end = new Int32Array(1 << 14);
  row = new Int32Array(1 << 14);
  visited = new Uint8Array(1 << 14);
  n = 0;

  constructor(rows: number) {
    this.rowFirst = new Int32Array(rows).fill(-1);
    this.rowCount = new Int32Array(rows);
  }

  /** Splits row r (voxels base+i0 .. base+i1) into maximal runs with lo <= value <= hi. */
  scan(s: ScalarArray, r: number, base: number, i0: number, i1: number, lo: number, hi: number): void {
    const first = this.n;
    let n = first;
    let x = i0;
    while (x <= i1) {
      while (x <= i1) {
        const v = s[base + x]!;
        if (v >= lo && v <= hi) break;
        x++;
      }
      if (x > i1) break;
      const st = x;
      while (x <= i1) {
        const v = s[base + x]!;
        if (!(v >= lo && v <= hi)) break;
        x++;
      }
      if (n === this.start.length) this.enlarge();
      this.start[n] = st;
      this.end[n] = x - 1;
      this.row[n] = r;
      n++;
    }
    this.n = n;
    this.rowFirst[r] = first;
    this.rowCount[r] = n - first;
  }

  private enlarge(): void {
    this.start = grow32(this.start, 0);
    this.end = grow32(this.end, 0);
    this.row = grow32(this.row, 0);
    const v = new Uint8Array(this.visited.length * 2);
    v.set(this.visited);
    this.visited = v;
  }
}

export function runGrow(p: RunGrowParams): GrownRuns {
  const s = p.scalars;
  const { nx, ny, lo, hi, maxVoxels } = p;
  const [i0, j0, k0, i1, j1, k1] = p.box;
  const dj = p.connectivity === 26 ? DJ26 : DJ6;
  const dk = p.connectivity === 26 ? DK26 : DK6;
  const nNeighbours = dj.length;
  const widen = p.connectivity === 26 ? 1 : 0;
  const slice = nx * ny;
  const empty: GrownRuns = {
    count: 0,
    row: new Int32Array(0),
    start: new Int32Array(0),
    end: new Int32Array(0),
    voxelCount: 0,
    truncated: maxVoxels <= 0,
    bounds: [-1, -1, -1, -1, -1, -1],
  };
  const [si, sj, sk] = p.seed;
  const seedValue = s[si + sj * nx + sk * slice]!;
  if (maxVoxels <= 0 || !(seedValue >= lo && seedValue <= hi)) return empty;

  const t = new RunTable(ny * p.nz);
  // DFS stack and visit order (run ids).
  let stack = new Int32Array(1 << 12);
  let sp = 0;
  let order = new Int32Array(1 << 12);
  let nOrder = 0;

  let voxelCount = 0;
  let truncated = false;
  let minI = Infinity;
  let maxI = -1;
  let minJ = Infinity;
  let maxJ = -1;
  let minK = Infinity;
  let maxK = -1;

  const rowFirst = t.rowFirst;
  const rowCount = t.rowCount;
  const seedRow = sj + sk * ny;
  t.scan(s, seedRow, sj * nx + sk * slice, i0, i1, lo, hi);
  let runStart = t.start;
  let runEnd = t.end;
  let runRow = t.row;
  let visited = t.visited;
  let seedRun = -1;
  for (let q = rowFirst[seedRow]!, e = q + rowCount[seedRow]!; q < e; q++) {
    if (runStart[q]! <= si && si <= runEnd[q]!) seedRun = q;
  }
  if (seedRun < 0) return empty;
  visited[seedRun] = 1;
  stack[sp++] = seedRun;

  while (sp > 0) {
    const q = stack[--sp]!;
    let l = runStart[q]!;
    let e = runEnd[q]!;
    const r = runRow[q]!;
    const k = Math.floor(r / ny);
    const j = r - k * ny;
    if (voxelCount + (e - l + 1) > maxVoxels) {
      truncated = true;
      if (voxelCount > 0) break; // stop before exceeding the cap (the region stays connected)
      // The seed run alone exceeds the cap: keep maxVoxels voxels of it around the seed.
      l = Math.max(l, si - Math.floor((maxVoxels - 1) / 2));
      e = Math.min(e, l + maxVoxels - 1);
      runStart[q] = l;
      runEnd[q] = e;
    }
    if (nOrder === order.length) order = grow32(order, 0);
    order[nOrder++] = q;
    voxelCount += e - l + 1;
    if (l < minI) minI = l;
    if (e > maxI) maxI = e;
    if (j < minJ) minJ = j;
    if (j > maxJ) maxJ = j;
    if (k < minK) minK = k;
    if (k > maxK) maxK = k;
    if (truncated) break;

    l -= widen;
    e += widen;
    for (let n = 0; n < nNeighbours; n++) {
      const jj = j + dj[n]!;
      const kk = k + dk[n]!;
      if (jj < j0 || jj > j1 || kk < k0 || kk > k1) continue;
      const rr = jj + kk * ny;
      if (rowFirst[rr]! < 0) {
        t.scan(s, rr, jj * nx + kk * slice, i0, i1, lo, hi);
        runStart = t.start;
        runEnd = t.end;
        runRow = t.row;
        visited = t.visited;
      }
      let a = rowFirst[rr]!;
      const last = a + rowCount[rr]! - 1;
      // Binary search the first run ending at or after l.
      let b = last;
      while (a < b) {
        const m = (a + b) >> 1;
        if (runEnd[m]! < l) a = m + 1;
        else b = m;
      }
      for (let c = a; c <= last && runStart[c]! <= e; c++) {
        if (visited[c] !== 0 || runEnd[c]! < l) continue;
        visited[c] = 1;
        if (sp === stack.length) stack = grow32(stack, 0);
        stack[sp++] = c;
      }
    }
  }

  const row = new Int32Array(nOrder);
  const start = new Int32Array(nOrder);
  const end = new Int32Array(nOrder);
  for (let o = 0; o < nOrder; o++) {
    const q = order[o]!;
    row[o] = runRow[q]!;
    start[o] = runStart[q]!;
    end[o] = runEnd[q]!;
  }
  return {
    count: nOrder,
    row,
    start,
    end,
    voxelCount,
    truncated,
    bounds: voxelCount > 0 ? [minI, minJ, minK, maxI, maxJ, maxK] : [-1, -1, -1, -1, -1, -1],
  };
}

/** Writes `label` over the runs into a full-grid labelmap. */
export function paintRuns(runs: GrownRuns, labelmap: Uint8Array, nx: number, label: number): void {
  for (let t = 0; t < runs.count; t++) {
    const base = runs.row[t]! * nx;
    labelmap.fill(label, base + runs.start[t]!, base + runs.end[t]! + 1);
  }
}

/** Writes 1 over the runs into a box-sized mask (box min corner [i0, j0, k0], size bx × by × bz). */
export function paintRunsInBox(
  runs: GrownRuns,
  mask: Uint8Array,
  ny: number,
  boxMin: readonly [number, number, number],
  bx: number,
  by: number,
): void {
  for (let t = 0; t < runs.count; t++) {
    const r = runs.row[t]!;
    const k = Math.floor(r / ny);
    const j = r - k * ny;
    const base = (j - boxMin[1]) * bx + (k - boxMin[2]) * bx * by - boxMin[0];
    mask.fill(1, base + runs.start[t]!, base + runs.end[t]! + 1);
  }
}
