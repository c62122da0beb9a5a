import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Request } from '@playwright/test';
import { drawWith, openSample, pageAt, worldDistance, type Point, type Vec3 } from './helpers';

/**
 * Images never leave the browser: a whole session with the sample (open, measure, segment, export, help) makes
 * no request outside the page's origin, from the page, its workers or a service worker.
 */

const truth = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../sample-dicom/ground-truth.json'), 'utf8')) as {
  timepoints: Record<string, { series: Record<string, { lesion: { centroid: Vec3 } }> }>;
};

test('a session with the sample sends nothing beyond the page’s origin', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const seen = new Map<string, string>();
  const record = (request: Request) => seen.set(request.url(), request.resourceType());
  // Registered before the first navigation: the context sees service-worker and worker requests too.
  context.on('request', record);
  page.on('request', record);
  page.on('worker', (worker) => seen.set(worker.url(), 'worker script'));
  context.on('serviceworker', (worker) => seen.set(worker.url(), 'service worker script'));

  await openSample(page);

  // Measure: a Length by key and mouse.
  const box = (await page.getByTestId('viewport-0').boundingBox())!;
  const from: Point = [box.x + box.width / 2 - 50, box.y + box.height / 2 - 30];
  const to: Point = [box.x + box.width / 2 + 50, box.y + box.height / 2 - 30];
  const mm = await worldDistance(page, from, to);
  await drawWith(page, 'l', from, to);
  await page.keyboard.press('m');
  await expect(page.getByTestId('measurement-panel').getByTestId('measurement-item').first()).toContainText(mm.toFixed(1));

  // Segment: Grow by key, one click in the lesion.
  await page.keyboard.press('k');
  await page.keyboard.press('g');
  await page.mouse.click(...(await pageAt(page, 0, truth.timepoints.baseline!.series['baseline-mr']!.lesion.centroid)));
  await expect.poll(async () => Number(await page.getByTestId('seg-volume').getAttribute('data-ml')), { timeout: 60_000 }).toBeGreaterThan(0.5);

  // Export: CSV, case JSON and the DICOM SR by mouse from the dialog opened by key.
  await page.keyboard.press('Shift+E');
  const dialog = page.getByTestId('export-dialog');
  for (const id of ['export-csv', 'export-json', 'export-sr']) {
    await Promise.all([page.waitForEvent('download'), dialog.getByTestId(id).click()]);
  }
  await page.keyboard.press('Escape');

  // Help by key.
  await page.keyboard.press('?');
  await expect(page.getByTestId('help-panel')).toBeVisible();
  await page.waitForTimeout(1000);

  const urls = [...seen.keys()];
  console.log(`${urls.length} requests, kinds: ${[...new Set(seen.values())].join(', ')}`);
  expect(urls.length).toBeGreaterThan(20);
  const away = urls.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin);
  expect(away, 'requests that left the page’s origin').toEqual([]);
});
