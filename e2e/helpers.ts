import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { PNG } from 'pngjs';

export const SHARED_DICOM = path.resolve(import.meta.dirname, '../../shared/dicom-real');
export const hasSharedDicom = existsSync(SHARED_DICOM);
export const SHARED_SKIP_REASON = `../shared/dicom-real not found at ${SHARED_DICOM}: real-file tests skipped`;

export function sharedPath(...parts: string[]): string {
  return path.join(SHARED_DICOM, ...parts);
}

export function filesIn(dir: string): string[] {
  return readdirSync(dir)
    .map((name) => path.join(dir, name))
    .filter((p) => statSync(p).isFile() && !/DIRFILE$/.test(p));
}

/** Opens the viewer without the sample case. */
export async function openEmpty(page: Page): Promise<void> {
  await page.goto('/?empty');
  await expect(page.getByText('No images loaded')).toBeVisible();
}

export async function loadFiles(page: Page, files: (string | { name: string; mimeType: string; buffer: Buffer })[]): Promise<void> {
  const payloads = files.map((f) => (typeof f === 'string' ? { name: path.basename(f), mimeType: 'application/octet-stream', buffer: readFileSync(f) } : f));
  await page.getByTestId('file-input').setInputFiles(payloads);
  await expect(page.getByTestId('import-progress')).toHaveCount(0, { timeout: 60_000 });
}

export interface PixelStats {
  mean: number;
  sd: number;
  distinct: number;
}

/** Statistics of a screenshot of a viewport's canvas area: a black or flat canvas has sd ≈ 0. */
export async function viewportPixelStats(page: Page, slot: number): Promise<PixelStats> {
  const canvas = page.getByTestId(`viewport-${slot}`).locator('canvas').first();
  const png = PNG.sync.read(await canvas.screenshot());
  let sum = 0;
  let sumSq = 0;
  const seen = new Set<number>();
  const n = png.width * png.height;
  for (let i = 0; i < n; i++) {
    const v = (png.data[i * 4]! + png.data[i * 4 + 1]! + png.data[i * 4 + 2]!) / 3;
    sum += v;
    sumSq += v * v;
    seen.add(Math.round(v));
  }
  const mean = sum / n;
  return { mean, sd: Math.sqrt(Math.max(0, sumSq / n - mean * mean)), distinct: seen.size };
}

export async function sliceText(page: Page, slot: number): Promise<string> {
  return (await page.getByTestId(`viewport-${slot}`).getByTestId('overlay-slice').textContent()) ?? '';
}

export async function showSeries(page: Page, description: RegExp | string, slot = 0): Promise<void> {
  await page.getByTestId(`viewport-${slot}`).click({ position: { x: 5, y: 5 } });
  await page.getByTestId('series-item').filter({ hasText: description }).first().click();
  await expect(page.getByTestId(`viewport-${slot}`).getByTestId('overlay-slice')).toBeVisible();
}

export type Vec3 = [number, number, number];
export type Point = [number, number];

interface PositionHooks {
  jumpToWorld(slot: number, world: Vec3): boolean;
  worldToPage(slot: number, world: Vec3): Point | null;
  pageToWorld(slot: number, page: Point): Vec3 | null;
}

/** Opens the bundled sample case and waits until both viewports show it. */
export async function openSample(page: Page): Promise<void> {
  await page.goto('/');
  for (const slot of [0, 1]) await expect(page.getByTestId(`viewport-${slot}`).getByTestId('overlay-slice')).toBeVisible({ timeout: 60_000 });
}

/**
 * Scrolls a viewport to the slice through a world point and returns that point on the page, once the viewport stays
 * there (just after loading or comparing starts, the viewports may still be moved).
 */
export async function pageAt(page: Page, slot: number, world: Vec3): Promise<Point> {
  let point: Point | null = null;
  await expect
    .poll(async () => {
      point = await page.evaluate(
        ([s, w]) => {
          const hooks = (window as unknown as { __spinelens: PositionHooks }).__spinelens;
          hooks.jumpToWorld(s, w);
          return hooks.worldToPage(s, w);
        },
        [slot, world] as const,
      );
      if (!point) return Infinity;
      await page.waitForTimeout(300);
      const back = await page.evaluate(([s, p]) => (window as unknown as { __spinelens: PositionHooks }).__spinelens.pageToWorld(s, p), [slot, point] as const);
      return back ? Math.hypot(back[0] - world[0], back[1] - world[1], back[2] - world[2]) : Infinity;
    })
    .toBeLessThan(1);
  return point!;
}

/**
 * Waits until a viewport's camera stays put for 300 ms: opening a panel or loading refits the image a moment
 * later, and a point taken before that would land elsewhere.
 */
export async function viewSettled(page: Page, slot = 0): Promise<void> {
  const camera = () =>
    page.evaluate((s) => JSON.stringify((window as unknown as { __spinelens: { viewportInfo(slot: number): { camera: unknown } | null } }).__spinelens.viewportInfo(s)?.camera ?? null), slot);
  await expect
    .poll(async () => {
      const before = await camera();
      await page.waitForTimeout(300);
      return before !== 'null' && before === (await camera());
    })
    .toBe(true);
}

/** World distance in mm between two page points of a viewport, through the viewer's own mapping (once it is still). */
export async function worldDistance(page: Page, from: Point, to: Point, slot = 0): Promise<number> {
  await viewSettled(page, slot);
  return page.evaluate(
    ([s, a, b]) => {
      const hooks = (window as unknown as { __spinelens: PositionHooks }).__spinelens;
      const p = hooks.pageToWorld(s, a)!;
      const q = hooks.pageToWorld(s, b)!;
      return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
    },
    [slot, from, to] as const,
  );
}

/** Chooses a tool by its key and drags it from one page point to another, as a reader does. */
export async function drawWith(page: Page, key: string, from: Point, to: Point): Promise<void> {
  await page.keyboard.press(key);
  await page.mouse.move(...from);
  await page.mouse.down();
  await page.mouse.move(...to, { steps: 8 });
  await page.mouse.up();
}

/** A Length drawn by key and mouse across the middle of viewport 0, `dy` pixels below its centre. */
export async function drawLengthAcross(page: Page, dy: number): Promise<void> {
  const box = (await page.getByTestId('viewport-0').boundingBox())!;
  const y = box.y + box.height / 2 + dy;
  await drawWith(page, 'l', [box.x + box.width / 2 - 40, y], [box.x + box.width / 2 + 40, y]);
}
