/**
 * Where the time of opening a series goes (npx tsx scripts/bench/profileLoad.ts [case] [--no-build]): builds the
 * checkout as it is (production), opens the case through the file input with the benchmark's probe while
 * Chromium's CPU profiler samples the page, and prints the probe's timings, the app's performance measures
 * (spinelens:*) and the functions with the most self time, grouped by phase.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../../e2e/chromiumPath';
import { CASES, filesFor } from './datasets';
import { serveBuilds } from './staticServer';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const caseName = args.find((a) => !a.startsWith('--')) ?? 'ct300';
const root = path.resolve(import.meta.dirname, '../..');
const appDir = path.join(os.tmpdir(), 'spinelens-profile-app');

async function main(): Promise<void> {
  const benchCase = CASES.find((c) => c.name === caseName);
  if (!benchCase) throw new Error(`no case ${caseName}`);
  const files = filesFor(benchCase, console.log);
  if (!args.includes('--no-build')) {
    mkdirSync(appDir, { recursive: true });
    execFileSync(path.join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error', '--outDir', appDir, '--emptyOutDir', '--minify', 'false'], { cwd: process.env.SPINELENS_PROFILE_SOURCE ?? root, stdio: 'inherit' });
  }
  const server = await serveBuilds(appDir, appDir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.addInitScript({ path: path.join(import.meta.dirname, 'pageProbe.js') });
    // How often the page uploads a slice to the GPU and makes a WebGL context (each costs a lot in software WebGL).
    await page.addInitScript(() => {
      Error.stackTraceLimit = 40;
      const counts = { texSubImage3D: 0, texSubImage3DMs: 0, getContext: 0, getContextMs: 0 };
      (window as unknown as { __glCounts: typeof counts }).__glCounts = counts;
      const upload = WebGL2RenderingContext.prototype.texSubImage3D;
      WebGL2RenderingContext.prototype.texSubImage3D = function (this: WebGL2RenderingContext, ...a: unknown[]) {
        const t = performance.now();
        counts.texSubImage3D += 1;
        const bursts = ((counts as Record<string, unknown>).bursts ??= []) as { at: number; n: number; z: number[] }[];
        const last = bursts[bursts.length - 1];
        if (last && t - last.at < 50) {
          last.n += 1;
          if (last.z.length < 6) last.z.push(a[4] as number);
        } else bursts.push({ at: Math.round(t), n: 1, z: [a[4] as number] });
        (upload as (...b: unknown[]) => void).apply(this, a);
        counts.texSubImage3DMs += performance.now() - t;
      } as typeof upload;
      const domEvents: string[] = [];
      (window as unknown as { __domEvents: string[] }).__domEvents = domEvents;
      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of r.addedNodes) if (n instanceof HTMLCanvasElement) domEvents.push(`${Math.round(performance.now())} canvas added`);
          for (const n of r.removedNodes) if (n instanceof HTMLElement && n.querySelector?.('canvas')) domEvents.push(`${Math.round(performance.now())} canvas removed`);
          for (const n of r.removedNodes) if (n instanceof HTMLCanvasElement) domEvents.push(`${Math.round(performance.now())} canvas removed`);
        }
      }).observe(document, { childList: true, subtree: true });
      const removeChild = Node.prototype.removeChild;
      Node.prototype.removeChild = function <T extends Node>(this: Node, child: T): T {
        if (child instanceof HTMLElement && (child instanceof HTMLCanvasElement || child.querySelector('canvas'))) domEvents.push(`${Math.round(performance.now())} removeChild ${new Error().stack?.split('\n').slice(2, 14).map((l) => l.trim().split(' (')[0]).join(' < ')}`);
        return removeChild.call(this, child) as T;
      };
      const remove = Element.prototype.remove;
      Element.prototype.remove = function (this: Element) {
        if (this instanceof HTMLCanvasElement || this.querySelector('canvas')) domEvents.push(`${Math.round(performance.now())} remove ${new Error().stack?.split('\n').slice(2, 16).map((l) => l.trim().split(' (')[0]).join(' < ')}`);
        remove.call(this);
      };
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...a: unknown[]) {
        const t = performance.now();
        const context = (getContext as (...b: unknown[]) => unknown).apply(this, a);
        if (String(a[0]).startsWith('webgl')) {
          counts.getContext += 1;
          counts.getContextMs += performance.now() - t;
        }
        return context;
      } as typeof getContext;
    });
    await page.goto(`${server.url}/?empty`);
    await page.getByText('No images loaded').waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    await page.getByTestId('file-input').setInputFiles(files);
    await page.waitForFunction(() => {
      const p = (window as unknown as { __benchProbe: { renderedMs: number | null; error: string | null } }).__benchProbe;
      return p.renderedMs !== null || p.error !== null;
    }, undefined, { timeout: 300_000, polling: 200 });
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    const probe = await page.evaluate(() => {
      const p = (window as unknown as { __benchProbe: Record<string, unknown> }).__benchProbe;
      return { t0: p.t0, firstMs: p.firstMs, clickMs: p.clickMs, volumeMs: p.volumeMs, renderedMs: p.renderedMs, longest: (window as unknown as { __benchLongestBlock(): number }).__benchLongestBlock() };
    });
    console.log('probe', probe);
    const gl = await page.evaluate(() => (window as unknown as { __glCounts: { bursts?: { at: number; n: number }[] } }).__glCounts);
    console.log('gl', { ...gl, bursts: undefined });
    console.log('uploads (ms from files chosen: slices):', (gl.bursts ?? []).map((b) => `${Math.round(b.at - Number(probe.t0))}:${b.n}`).join(' '));
    console.log('canvases:', (await page.evaluate(() => (window as unknown as { __domEvents: string[] }).__domEvents)).map((e) => e.replace(/^\d+/, (n) => String(Math.round(Number(n) - Number(probe.t0))))).join(', '));
    const t0 = Number(probe.t0);
    const measures = await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('spinelens:')).map((m) => ({ name: m.name, start: m.startTime, ms: m.duration })));
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('spinelens:')).map((m) => ({ name: m.name, start: m.startTime })));
    for (const m of marks) console.log(`mark ${m.name} at ${(m.start - t0).toFixed(0)} ms`);
    const byName = new Map<string, { n: number; ms: number; first: number; last: number }>();
    for (const m of measures) {
      const e = byName.get(m.name) ?? { n: 0, ms: 0, first: Infinity, last: 0 };
      e.n += 1;
      e.ms += m.ms;
      e.first = Math.min(e.first, m.start - t0);
      e.last = Math.max(e.last, m.start + m.ms - t0);
      byName.set(m.name, e);
    }
    for (const [name, e] of byName) console.log(`measure ${name}: ${e.n}× total ${e.ms.toFixed(0)} ms, from ${e.first.toFixed(0)} to ${e.last.toFixed(0)} ms`);
    printSelfTime(profile);
  } finally {
    await browser.close();
    await server.close();
  }
}

function printSelfTime(profile: CpuProfile): void {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const totals = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    const file = node.callFrame.url.split('/').pop() ?? '';
    const key = `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber}`;
    totals.set(key, (totals.get(key) ?? 0) + ms);
  }
  const sorted = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 30);
  console.log('self time (ms), top 30:');
  for (const [key, ms] of sorted) console.log(`${ms.toFixed(0).padStart(7)}  ${key}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
