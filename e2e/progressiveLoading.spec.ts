import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { writeSeries } from '../scripts/bench/syntheticSeries';
import { openEmpty } from './helpers';

// 300 files of 512² (150 MB): reading and parsing them all takes long enough to act while they load.
const SLICES = 300;
/** The file read first is the middle one in name order: IM00151 of IM00001…IM00300, Instance Number 151. */
const MIDDLE_INSTANCE = SLICES / 2 + 1;
let folder = '';
let files: string[] = [];

test.beforeAll(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'spinelens-progressive-'));
  files = writeSeries(folder, { modality: 'CT', size: 512, slices: SLICES, pixelSpacing: 0.7, sliceSpacing: 1, description: 'Progressive CT', seriesNumber: 31 });
});
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

const pane = (page: Page) => page.getByTestId('viewport-0');
const slice = (page: Page) => pane(page).getByTestId('overlay-slice');
const progress = (page: Page) => page.getByTestId('import-progress');

/** Resolves when the first image is on screen; says whether the files were still being read at that moment. */
function firstImageWhileReading(page: Page): Promise<{ text: string; reading: boolean }> {
  return page
    .waitForFunction(
      () => {
        const shown = document.querySelector('[data-testid="viewport-0"] [data-testid="overlay-slice"]');
        if (!shown) return null;
        return { text: shown.textContent ?? '', reading: document.querySelector('[data-testid="import-progress"]') !== null };
      },
      undefined,
      { polling: 'raf', timeout: 60_000 },
    )
    .then((handle) => handle.jsonValue() as Promise<{ text: string; reading: boolean }>);
}

test('the middle image shows while the other files are still read, then the series hangs sagittal as before', async ({ page }) => {
  test.setTimeout(180_000);
  await openEmpty(page);
  const first = firstImageWhileReading(page);
  await page.getByTestId('file-input').setInputFiles(files);
  const seen = await first;
  expect(seen.reading, 'the first image came while the progress bar still showed').toBe(true);
  expect(seen.text).toBe(`Im ${MIDDLE_INSTANCE} · 1/1`);
  await expect(progress(page)).toHaveCount(0, { timeout: 120_000 });
  // Nobody touched the view: the default hanging of a volume, the sagittal reformat of all 300 slices.
  await expect(slice(page)).toHaveText(/^Slice \d+\/\d+$/, { timeout: 60_000 });
  await expect(page.getByTestId('series-item')).toHaveCount(1);
  await expect(page.getByTestId('series-item')).toContainText(`${SLICES}`);
  await page.screenshot({ path: path.join(process.env.SPINELENS_SHOTS ?? 'test-results', 'progressive-loaded.png') });
});

test('a reader who windows the first image while the rest load keeps that image and window: the view is never moved', async ({ page }) => {
  test.setTimeout(180_000);
  await openEmpty(page);
  // A slower page (as on a slower computer) leaves a reader's time to act while the files are read.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const first = firstImageWhileReading(page);
  await page.getByTestId('file-input').setInputFiles(files);
  expect((await first).reading).toBe(true);

  // Left drag windows the image, by mouse, while the progress bar still shows.
  const box = (await pane(page).boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  const wl = pane(page).getByTestId('overlay-wl');
  const before = await wl.textContent();
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 60, y + 40, { steps: 6 });
  await page.mouse.up();
  expect(await progress(page).isVisible(), 'the drag happened while the files were read').toBe(true);
  await expect(wl).not.toHaveText(before ?? '');
  const windowed = await wl.textContent();
  await page.screenshot({ path: path.join(process.env.SPINELENS_SHOTS ?? 'test-results', 'progressive-preview.png') });

  await expect(progress(page)).toHaveCount(0, { timeout: 120_000 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  // The stack grew into all 300 images around the image the reader looks at; its window is theirs.
  await expect(slice(page)).toHaveText(new RegExp(`^Im (${MIDDLE_INSTANCE} · \\d+|${MIDDLE_INSTANCE})/${SLICES}$`));
  await expect(wl).toHaveText(windowed ?? '');
  await expect(pane(page).getByTestId('overlay-series')).toBeVisible();
  // And it scrolls through the whole series now.
  await page.keyboard.press('ArrowDown');
  await expect(slice(page)).not.toHaveText(new RegExp(`^Im (${MIDDLE_INSTANCE} · \\d+|${MIDDLE_INSTANCE})/${SLICES}$`));
  await expect(slice(page)).toHaveText(new RegExp(`/${SLICES}$`));
});
