import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { mutants, strangers, type Mutant } from '../scripts/corpus/mutate';
import { SHARED_DICOM, viewportPixelStats } from './helpers';

/**
 * A few hundred broken files opened with a good series: the page stays responsive (no main-thread task over
 * 200 ms from the moment the files are chosen until the series is on screen), every file is accounted for
 * (named in Problems, or loaded), and the good series displays.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const GOOD_SERIES = path.join(ROOT, 'sample-dicom/baseline/mr');
const PYDICOM = path.join(SHARED_DICOM, 'pydicom__pydicom/src/pydicom/data/test_files');
/** Real files of many kinds (compressed, multi-frame, colour, big endian, deflated, RT dose) to mutate. */
const REAL_BASES = ['CT_small.dcm', 'MR_small.dcm', 'MR_small_jp2klossless.dcm', 'MR_small_jpeg_ls_lossless.dcm', 'MR_small_RLE.dcm', 'MR_small_bigendian.dcm', 'JPEG2000.dcm', 'SC_rgb_jpeg_dcmtk.dcm', 'image_dfl.dcm', 'rtdose.dcm', 'ExplVR_BigEnd.dcm', 'JPEGLSNearLossless_16.dcm', 'examples_palette.dcm', 'SC_rgb_small_odd.dcm', 'no_meta.dcm'];
const LONG_TASK_LIMIT_MS = 200;

function bases(): Mutant[] {
  const read = (file: string): Mutant => ({ name: path.basename(file, '.dcm'), bytes: new Uint8Array(readFileSync(file)) });
  if (existsSync(PYDICOM)) return REAL_BASES.map((n) => read(path.join(PYDICOM, n)));
  // Without the real files: the sample CT slice (another study than the good series, so no mutant joins it).
  return [read(path.join(ROOT, 'sample-dicom/baseline/ct/IM0001.dcm'))];
}

/** ~300 broken files written to a temp folder, deterministic (seeded). */
function writeCorpus(): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'spinelens-bad-'));
  const sources = bases();
  const perBase = Math.ceil(290 / sources.length);
  const all = [...strangers(), ...mutants(sources, perBase)];
  return all.map((m) => {
    const file = path.join(dir, m.name);
    writeFileSync(file, m.bytes);
    return file;
  });
}

test('300 broken files with a good series: no main-thread block over 200 ms, each file accounted for, the series shown', async ({ page }) => {
  test.setTimeout(300_000);
  const bad = writeCorpus();
  const good = readdirSync(GOOD_SERIES).filter((n) => n.endsWith('.dcm')).map((n) => path.join(GOOD_SERIES, n));
  console.log(`${bad.length} broken files (${existsSync(PYDICOM) ? `from ${REAL_BASES.length} real files` : 'from the sample CT only: ../shared/dicom-real absent'}), ${good.length} good`);

  await page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('/?empty');
  await expect(page.getByText('No images loaded')).toBeVisible();
  await page.waitForTimeout(500);
  const chosenAt = await page.evaluate(() => performance.now());

  // Through the file input, as "Open files" does; the good series in the middle of the list.
  const files = [...bad.slice(0, 150), ...good, ...bad.slice(150)];
  await page.getByTestId('file-input').setInputFiles(files);
  await expect(page.getByTestId('import-progress')).toHaveCount(0, { timeout: 240_000 });
  const importedAt = await page.evaluate(() => performance.now());
  console.log(`import done after ${((importedAt - chosenAt) / 1000).toFixed(2)} s`);
  // The good series, chosen by mouse in the study browser (the broken files' patients may come first).
  const pane = page.getByTestId('viewport-0');
  await page.getByTestId('series-item').filter({ hasText: 'SAG T2 TSE' }).first().click();
  await expect(pane.getByTestId('overlay-series')).toHaveText('SAG T2 TSE', { timeout: 60_000 });
  await expect.poll(async () => (await viewportPixelStats(page, 0)).sd, { timeout: 60_000 }).toBeGreaterThan(5);
  await page.waitForTimeout(1000);
  const shownAt = await page.evaluate(() => performance.now());

  const tasks = await page.evaluate((from) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start >= from), chosenAt);
  const longest = Math.max(0, ...tasks.map((t) => t.duration));
  console.log(`long tasks (s after choosing: ms): ${tasks.map((t) => `${((t.start - chosenAt) / 1000).toFixed(2)}:${t.duration.toFixed(0)}`).join(' ')}`);
  console.log(`loaded and shown in ${((shownAt - chosenAt) / 1000).toFixed(1)} s; ${tasks.length} tasks over 50 ms, longest ${longest.toFixed(0)} ms`);

  // Every broken file is named in Problems, or it loaded (some mutations leave a usable image: a changed pixel byte).
  if (!(await page.getByTestId('import-problems').isVisible())) await page.getByTestId('problems-toggle').click();
  const listed = new Set(await page.getByTestId('import-problems').locator('.file-name').allTextContents());
  const loaded = new Set(await page.evaluate(() => (window as unknown as { __spinelens: { store: { getState(): { instances: { fileName: string }[] } } } }).__spinelens.store.getState().instances.map((i) => i.fileName)));
  const unaccounted = bad.map((f) => path.basename(f)).filter((n) => !listed.has(n) && !loaded.has(n));
  expect(unaccounted, 'broken files neither listed nor loaded').toEqual([]);
  console.log(`${listed.size} files named in Problems, ${bad.filter((f) => loaded.has(path.basename(f))).length} broken files loaded anyway`);
  expect(listed.size).toBeGreaterThan(bad.length / 2);
  // The good series is whole and none of its files is listed.
  for (const f of good) expect(listed.has(path.basename(f)), path.basename(f)).toBe(false);
  await expect(page.getByTestId('series-item').filter({ hasText: 'SAG T2 TSE' }).first()).toContainText('19 images');
  await page.screenshot({ path: test.info().outputPath('bad-files-at-scale.png') });

  expect(longest, `longest main-thread task (${tasks.map((t) => t.duration.toFixed(0)).join(', ')})`).toBeLessThan(LONG_TASK_LIMIT_MS);
});
