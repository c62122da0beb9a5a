/** One timed opening of a series in a fresh browser context: SpineLens, the stock Cornerstone3D page, the read floor. */
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';

const VIEWPORT = { width: 1280, height: 800 };
const LOAD_TIMEOUT = 600_000;
const PROBE = path.join(import.meta.dirname, 'pageProbe.js');

export interface SpineLensRun {
  firstMs: number;
  volumeMs: number;
  renderedMs: number;
  stackFps: number;
  mprFps: number;
  peakHeapMb: number;
  longestBlockMs: number;
}

export interface StockRun {
  firstRenderMs: number;
  volumeMs: number;
  renderedMs: number;
}

interface ProbeState {
  firstMs: number | null;
  volumeMs: number | null;
  renderedMs: number | null;
  error: string | null;
}

/** Peak of the page's JS heap plus ArrayBuffer backing stores (where the pixels live), sampled over CDP. */
async function sampleHeap(page: Page): Promise<{ stop(): Promise<number> }> {
  const cdp = await page.context().newCDPSession(page);
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const usage = (await cdp.send('Runtime.getHeapUsage').catch(() => null)) as { usedSize: number; backingStorageSize?: number } | null;
      if (usage) peak = Math.max(peak, usage.usedSize + (usage.backingStorageSize ?? 0));
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return peak / (1024 * 1024);
    },
  };
}

const slice = (page: Page) => page.getByTestId('viewport-0').getByTestId('overlay-slice');

export async function timeSpineLens(browser: Browser, baseUrl: string, files: string[], scrollSlices: number): Promise<SpineLensRun> {
  return timeOpening(browser, scrollSlices, async (page) => {
    await page.goto(`${baseUrl}/?empty`);
    await page.getByText('No images loaded').waitFor();
    const heap = await sampleHeap(page);
    await page.getByTestId('file-input').setInputFiles(files);
    return heap;
  });
}

/** The study opened by the viewer's PACS link (?pacs=/pacs&study=…), timed from the navigation. */
export async function timeSpineLensFromPacs(browser: Browser, baseUrl: string, studyInstanceUid: string, scrollSlices: number): Promise<SpineLensRun> {
  return timeOpening(browser, scrollSlices, async (page) => {
    const heap = await sampleHeap(page);
    await page.goto(`${baseUrl}/?pacs=/pacs&study=${encodeURIComponent(studyInstanceUid)}`);
    return heap;
  });
}

/** Opens a series with `open` in a fresh context, waits for the probe's timings, then scrolls MPR and stack. */
async function timeOpening(browser: Browser, scrollSlices: number, open: (page: Page) => Promise<{ stop(): Promise<number> }>): Promise<SpineLensRun> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript({ path: PROBE });
    const heap = await open(page);
    await page.waitForFunction(
      () => {
        const probe = (window as unknown as { __benchProbe: ProbeState }).__benchProbe;
        return probe.renderedMs !== null || probe.error !== null;
      },
      undefined,
      { timeout: LOAD_TIMEOUT, polling: 200 },
    );
    const probe = await page.evaluate(() => (window as unknown as { __benchProbe: ProbeState }).__benchProbe);
    if (probe.error || probe.firstMs === null || probe.volumeMs === null || probe.renderedMs === null) {
      throw new Error(`SpineLens page: ${probe.error ?? 'a timing is missing'}`);
    }
    const peakHeapMb = await heap.stop();
    const longestBlockMs = await page.evaluate(() => (window as unknown as { __benchLongestBlock(): number }).__benchLongestBlock());
    const scroll = () => page.evaluate((n) => (window as unknown as { __benchScroll(n: number): Promise<number> }).__benchScroll(n), scrollSlices);

    const mprFps = await scroll();
    await page.getByTestId('mode-stack').click();
    await slice(page).filter({ hasText: /^Im / }).waitFor();
    const stackFps = await scroll();
    return { firstMs: probe.firstMs, volumeMs: probe.volumeMs, renderedMs: probe.renderedMs, stackFps, mprFps, peakHeapMb, longestBlockMs };
  } finally {
    await context.close();
  }
}

export async function timeStock(browser: Browser, baseUrl: string, files: string[]): Promise<StockRun> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/stock/index.html`);
    await page.locator('#files').setInputFiles(files);
    type Times = { firstRenderMs?: number; volumeMs?: number; renderedMs?: number; error?: string };
    const read = () => page.evaluate(() => (window as unknown as { stockBench?: Times }).stockBench ?? {});
    await page.waitForFunction(
      () => {
        const t = (window as unknown as { stockBench?: Times }).stockBench;
        return !!t && (t.renderedMs !== undefined || t.error !== undefined);
      },
      undefined,
      { timeout: LOAD_TIMEOUT, polling: 200 },
    );
    const t = await read();
    if (t.error || t.firstRenderMs === undefined || t.volumeMs === undefined || t.renderedMs === undefined) {
      throw new Error(`stock page: ${t.error ?? 'a timing is missing'}`);
    }
    return { firstRenderMs: t.firstRenderMs, volumeMs: t.volumeMs, renderedMs: t.renderedMs };
  } finally {
    await context.close();
  }
}

export async function timeReadFloor(browser: Browser, baseUrl: string, files: string[]): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/floor.html`);
    await page.locator('#files').setInputFiles(files);
    await page.waitForFunction(() => (window as unknown as { floorMs?: number }).floorMs !== undefined, undefined, { timeout: LOAD_TIMEOUT });
    // Awaited here: returning the bare promise would let `finally` close the context before the value comes back.
    return await page.evaluate(() => (window as unknown as { floorMs: number }).floorMs);
  } finally {
    await context.close();
  }
}
