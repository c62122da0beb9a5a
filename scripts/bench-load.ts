/**
 * Load benchmark (npm run bench:load [-- --quick] [-- --runs 5] [-- --cases ct300,mr200] [-- --commit REF | --worktree]).
 * Builds the production app and a stock Cornerstone3D page into a temp folder, serves them, and opens generated
 * series through the file input in headless Chromium (flags as in playwright.config.ts), each run in a fresh
 * context: time to first image, volume ready, MPR rendered, scroll rate, peak heap, longest main-thread block;
 * beside the read floor (File.arrayBuffer of every file) and the stock path. Prints median (min–max) and one
 * "bench:" line per series for scripts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromiumPath';
import { orthancMissingReason } from './orthanc';
import { estimateVolume } from '../src/dicom/volumeBudget';
import { CASES, filesFor, hasJpegLsTool, type BenchCase } from './bench/datasets';
import { timeReadFloor, timeSpineLens, timeSpineLensFromPacs, timeStock, type SpineLensRun, type StockRun } from './bench/measure';
import { previewWithPacsProxy, startBenchPacs } from './bench/pacs';
import { serveBuilds } from './bench/staticServer';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = args.includes('--quick');
const runs = quick ? 1 : Number(option('--runs') ?? 3);
const wanted = option('--cases')?.split(',') ?? CASES.map((c) => c.name);
const SCROLL_SLICES = 100;
const log = (line: string) => console.log(line);

const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'spinelens-bench-'));

/**
 * Builds the app as committed (git archive of HEAD, or of --commit REF; node_modules linked), so half-made edits
 * in the checkout do not break or skew the run; --worktree builds the checkout as it is.
 */
function build(): { appDir: string; stockDir: string; sourceDir: string } {
  const appDir = path.join(work, 'app');
  const stockDir = path.join(work, 'stock');
  let source = root;
  const ref = option('--commit') ?? 'HEAD';
  if (!/^[\w./-]+$/.test(ref)) throw new Error(`--commit ${ref}: not a commit name`);
  if (!args.includes('--worktree')) {
    source = path.join(work, 'source');
    mkdirSync(source);
    execFileSync('sh', ['-c', `git -C "${root}" archive ${ref} | tar -x -C "${source}"`]);
    symlinkSync(path.join(root, 'node_modules'), path.join(source, 'node_modules'));
  }
  const commit = execFileSync('git', ['-C', root, 'rev-parse', '--short', ref], { encoding: 'utf8' }).trim();
  log(`building the production app (${source === root ? 'working tree' : `commit ${commit}`}) and the stock page into ${work}`);
  const vite = path.join(root, 'node_modules', '.bin', 'vite');
  execFileSync(vite, ['build', '--logLevel', 'error', '--outDir', appDir], { cwd: source, stdio: 'inherit' });
  execFileSync(vite, ['build', '--config', 'scripts/bench/stock/vite.config.ts', '--outDir', stockDir], { cwd: source, stdio: 'inherit' });
  return { appDir, stockDir, sourceDir: source };
}

interface Summary {
  median: number;
  min: number;
  max: number;
}
function summarise(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}
const fmt = (s: Summary, digits = 0) =>
  runs === 1 ? s.median.toFixed(digits) : `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;

function report(benchCase: BenchCase, app: SpineLensRun[], stock: StockRun[], floor: number[]): void {
  const of = <T>(list: T[], pick: (x: T) => number) => summarise(list.map(pick));
  const first = of(app, (r) => r.firstMs);
  const volume = of(app, (r) => r.volumeMs);
  const rendered = of(app, (r) => r.renderedMs);
  const floorMs = summarise(floor);
  const stockVolume = of(stock, (r) => r.volumeMs);
  const stockRendered = of(stock, (r) => r.renderedMs);
  const stackFps = of(app, (r) => r.stackFps);
  const mprFps = of(app, (r) => r.mprFps);
  const heap = of(app, (r) => r.peakHeapMb);
  const block = of(app, (r) => r.longestBlockMs);
  const s = benchCase.spec;
  const estimate = estimateVolume(
    { columns: s.size, rows: s.size, slices: s.slices, bitsAllocated: 16, samplesPerPixel: 1, floatAfterRescale: false },
    { norm16Textures: false },
  );
  const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));
  log('');
  log(`${benchCase.name}: ${benchCase.label} (${runs} run${runs > 1 ? 's' : ''}, median (min–max), ms from choosing the files)`);
  log(`  read floor (File.arrayBuffer of each)      ${fmt(floorMs)}`);
  log(`  SpineLens first image                      ${fmt(first)}`);
  log(`  SpineLens volume ready (sagittal asked)    ${fmt(volume)}`);
  log(`  SpineLens sagittal rendered                ${fmt(rendered)}   ${(rendered.median / floorMs.median).toFixed(1)} × floor`);
  log(`  stock Cornerstone3D first sagittal render  ${fmt(of(stock, (r) => r.firstRenderMs))}`);
  log(`  stock Cornerstone3D volume loaded          ${fmt(stockVolume)}`);
  log(`  stock Cornerstone3D sagittal rendered      ${fmt(stockRendered)}   ${(stockRendered.median / floorMs.median).toFixed(1)} × floor`);
  log(`  scroll ${SCROLL_SLICES} slices: stack ${fmt(stackFps, 1)} /s, sagittal MPR ${fmt(mprFps, 1)} /s`);
  log(`  peak JS heap + ArrayBuffers ${fmt(heap)} MB; volume ${mb(estimate.scalarBytes)} MB of int16 + ${mb(estimate.textureBytes)} MB float texture (estimate)`);
  log(`  longest main-thread block while loading ${fmt(block)} ms`);
  const fields = {
    first_ms: first.median,
    volume_ms: volume.median,
    rendered_ms: rendered.median,
    read_floor_ms: floorMs.median,
    stock_volume_ms: stockVolume.median,
    floor_ratio: (rendered.median / floorMs.median).toFixed(2),
    speedup: (stockRendered.median / rendered.median).toFixed(2),
    scroll_fps: stackFps.median.toFixed(1),
    mpr_fps: mprFps.median.toFixed(1),
    heap_mb: Math.round(heap.median),
    volume_mb: mb(estimate.scalarBytes),
    longest_block_ms: Math.round(block.median),
    runs,
  };
  log(`bench: ${benchCase.name} ${Object.entries(fields).map(([k, v]) => `${k}=${v}`).join(' ')}`);
}

/** The PACS line: no read floor or stock page (both read local files), ms from opening the link. */
function reportPacs(benchCase: BenchCase, app: SpineLensRun[]): void {
  const of = (pick: (r: SpineLensRun) => number) => summarise(app.map(pick));
  const first = of((r) => r.firstMs);
  const volume = of((r) => r.volumeMs);
  const rendered = of((r) => r.renderedMs);
  log('');
  log(`${benchCase.name}: ${benchCase.label} (${runs} run${runs > 1 ? 's' : ''}, median (min–max), ms from opening ?pacs=/pacs&study=…)`);
  log(`  SpineLens first image                      ${fmt(first)}`);
  log(`  SpineLens volume ready (sagittal asked)    ${fmt(volume)}`);
  log(`  SpineLens sagittal rendered                ${fmt(rendered)}`);
  log(`  scroll ${SCROLL_SLICES} slices: stack ${fmt(of((r) => r.stackFps), 1)} /s, sagittal MPR ${fmt(of((r) => r.mprFps), 1)} /s`);
  log(`  peak JS heap + ArrayBuffers ${fmt(of((r) => r.peakHeapMb))} MB; longest main-thread block ${fmt(of((r) => r.longestBlockMs))} ms`);
  log(`bench: ${benchCase.name} first_ms=${first.median} volume_ms=${volume.median} rendered_ms=${rendered.median} runs=${runs}`);
}

type FreshBrowser = <T>(measure: (browser: Browser) => Promise<T>) => Promise<T>;

async function timePacsCase(inFreshBrowser: FreshBrowser, benchCase: BenchCase, files: string[], built: { appDir: string; sourceDir: string }): Promise<void> {
  const pacs = await startBenchPacs(files, log);
  try {
    const preview = await previewWithPacsProxy(built.sourceDir, built.appDir, pacs.orthanc);
    try {
      const app: SpineLensRun[] = [];
      for (let run = 1; run <= runs; run++) {
        log(`${benchCase.name} run ${run}/${runs}…`);
        app.push(await inFreshBrowser((b) => timeSpineLensFromPacs(b, preview.url, pacs.studyInstanceUid, SCROLL_SLICES)));
      }
      reportPacs(benchCase, app);
    } finally {
      await preview.close();
    }
  } finally {
    await pacs.orthanc.stop();
  }
}

async function main(): Promise<void> {
  const cases = CASES.filter((c) => wanted.includes(c.name)).filter((c) => {
    if (c.source === 'pacs') {
      const missing = orthancMissingReason();
      if (missing) log(`${c.name} skipped: ${missing.replace(/: PACS tests skipped$/, '')}`);
      return !missing;
    }
    if (c.compress !== 'jpegls' || hasJpegLsTool()) return true;
    log(`${c.name} skipped: dcmcjpls (dcmtk) not found to write JPEG-LS files`);
    return false;
  });
  if (cases.length === 0) {
    log('no case to run');
    return;
  }
  const datasets = cases.map((c) => ({ benchCase: c, files: filesFor(c, log) }));
  const built = build();
  const { appDir, stockDir } = built;
  const server = await serveBuilds(appDir, stockDir);
  const launch = () => chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  // Each measurement in a browser of its own: no page starts with the GPU process and memory a previous 150 MB volume left.
  const inFreshBrowser: FreshBrowser = async (measure) => {
    const fresh = await launch();
    try {
      return await measure(fresh);
    } finally {
      await fresh.close();
    }
  };
  const chromiumVersion = await inFreshBrowser(async (b) => b.version());
  log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, load ${os.loadavg()[0]!.toFixed(1)}; Chromium ${chromiumVersion} (SwiftShader WebGL)`);
  try {
    for (const { benchCase, files } of datasets) {
      if (benchCase.source === 'pacs') {
        await timePacsCase(inFreshBrowser, benchCase, files, built);
        continue;
      }
      const app: SpineLensRun[] = [];
      const stock: StockRun[] = [];
      const floor: number[] = [];
      for (let run = 1; run <= runs; run++) {
        log(`${benchCase.name} run ${run}/${runs}…`);
        floor.push(await inFreshBrowser((b) => timeReadFloor(b, server.url, files)));
        app.push(await inFreshBrowser((b) => timeSpineLens(b, server.url, files, SCROLL_SLICES)));
        stock.push(await inFreshBrowser((b) => timeStock(b, server.url, files)));
      }
      report(benchCase, app, stock, floor);
    }
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
});
