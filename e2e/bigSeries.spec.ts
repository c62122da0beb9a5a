import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { writeSeries } from '../scripts/bench/syntheticSeries';
import { openEmpty, viewportPixelStats } from './helpers';

// A series taller than the GPU's 3D texture (2048 here) rendered a uniform grey MPR with no word of why.
const TALL_SLICES = 2100;
let folder = '';
let tallFiles: string[] = [];
let shortFiles: string[] = [];

test.beforeAll(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'spinelens-tall-'));
  const common = { modality: 'CT', size: 64, pixelSpacing: 0.8, sliceSpacing: 0.5 } as const;
  tallFiles = writeSeries(path.join(folder, 'tall'), { ...common, slices: TALL_SLICES, description: 'Tall series', seriesNumber: 21 });
  shortFiles = writeSeries(path.join(folder, 'short'), { ...common, slices: 40, description: 'Short series', seriesNumber: 22 });
});
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

const max3DTextureSize = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    return gl ? (gl.getParameter(gl.MAX_3D_TEXTURE_SIZE) as number) : 0;
  });

async function open(page: Page, files: string[]): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(files);
  await expect(page.getByTestId('import-progress')).toHaveCount(0, { timeout: 120_000 });
  await expect(page.getByTestId('viewport-0').getByTestId('overlay-slice')).toBeVisible({ timeout: 60_000 });
}

test('a series deeper than the 3D texture limit opens as a stack, MPR disabled with the reason, never a grey slab', async ({ page }) => {
  test.setTimeout(300_000);
  await openEmpty(page);
  const limit = await max3DTextureSize(page);
  expect(limit, 'WebGL2 MAX_3D_TEXTURE_SIZE').toBeGreaterThan(0);
  test.skip(TALL_SLICES <= limit, `this GPU takes ${limit} slices: the tall series is not tall enough here`);

  await open(page, tallFiles);
  const slice = page.getByTestId('viewport-0').getByTestId('overlay-slice');
  await expect(slice).toHaveText(new RegExp(`/${TALL_SLICES}\\b`));

  const limitText = limit.toLocaleString('en-US');
  for (const mode of ['axial', 'sagittal', 'coronal']) {
    const button = page.getByTestId(`mode-${mode}`);
    await expect(button).toBeDisabled();
    await expect(button).toHaveAttribute('title', new RegExp(`2,100 slices exceed .*3D texture limit of ${limitText}.*stack only`));
  }

  // The sagittal key does not build the volume either: the acquired slices stay on screen.
  await page.getByTestId('viewport-0').click({ position: { x: 200, y: 200 } });
  await page.keyboard.press('Alt+3');
  await page.keyboard.press('ArrowDown');
  await expect(slice).toHaveText(new RegExp(`/${TALL_SLICES}\\b`));
  const stats = await viewportPixelStats(page, 0);
  expect(stats.sd, 'the stack shows the body and the rod, not a flat slab').toBeGreaterThan(20);
  await page.getByTestId('mode-sagittal').hover({ force: true });
  await page.screenshot({ path: path.join(process.env.SPINELENS_SHOTS ?? 'test-results', 'big-series-stack-only.png') });
});

test('a short series of the same kind still opens in MPR and renders a sagittal image', async ({ page }) => {
  await openEmpty(page);
  await open(page, shortFiles);
  const sagittal = page.getByTestId('mode-sagittal');
  await expect(sagittal).toBeEnabled();
  await sagittal.click();
  await expect(page.getByTestId('viewport-0').locator('[role=progressbar]')).toHaveCount(0, { timeout: 60_000 });
  await expect.poll(async () => (await viewportPixelStats(page, 0)).sd, { timeout: 30_000 }).toBeGreaterThan(20);
});
