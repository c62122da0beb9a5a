import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { openSample, pageAt, viewSettled, type Point, type Vec3 } from './helpers';

const truth = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../sample-dicom/ground-truth.json'), 'utf8')) as {
  timepoints: Record<string, { lesion: { volumeMl: number }; series: Record<string, { lesion: { centroid: Vec3 } }> }>;
};
const baseline = truth.timepoints.baseline!;

const items = (page: Page) => page.getByTestId('measurement-panel').getByTestId('measurement-item');
const shownMl = async (page: Page) => Number(await page.getByTestId('segmentation-panel').getByTestId('seg-volume').getAttribute('data-ml'));

async function drag(page: Page, from: Point, to: Point): Promise<void> {
  await page.mouse.move(...from);
  await page.mouse.down();
  await page.mouse.move(...to, { steps: 8 });
  await page.mouse.up();
}

/** What the reader sees of the reading: each lesion card's text, each measurement row, the timeline's values. */
/** Pixels of viewport 0 in the annotation yellow (the image is grey, the segmentation red). */
async function annotationPixels(page: Page): Promise<number> {
  const png = PNG.sync.read(await page.getByTestId('viewport-0').screenshot());
  let n = 0;
  for (let i = 0; i < png.width * png.height; i++) if (png.data[i * 4]! > 180 && png.data[i * 4 + 1]! > 180 && png.data[i * 4 + 2]! < 80) n++;
  return n;
}

/** Opens a right-hand panel by its key unless it is open already (the key toggles it). */
async function showPanel(page: Page, key: string, testId: string): Promise<void> {
  if (!(await page.getByTestId(testId).isVisible())) await page.keyboard.press(key);
  await expect(page.getByTestId(testId)).toBeVisible();
}

async function reading(page: Page) {
  await showPanel(page, 'm', 'measurement-panel');
  const cards = await page.getByTestId('measurement-panel').getByTestId('lesion-card').evaluateAll((els) =>
    els.map((el) => [(el.querySelector('[data-testid="lesion-name"]') as HTMLInputElement).value, el.querySelector('[data-testid="lesion-segmented"]')?.textContent ?? '']),
  );
  const rows = (await items(page).evaluateAll((els) => els.map((li) => `${li.getAttribute('data-kind')} ${li.querySelector('[data-testid="measurement-value"]')?.textContent ?? ''}`))).sort();
  await showPanel(page, 't', 'timeline-panel');
  const timeline = await page.getByTestId('timeline-panel').getByTestId('timeline-value').allTextContents();
  return { cards, rows, timeline };
}

test('measure and segment the sample, export SR and SEG, open them in a browser with no saved state: everything is back with the same values and drawings', async ({ page, browser }) => {
  test.setTimeout(300_000);
  await openSample(page);
  // Segment the lesion on the baseline MR, by key and mouse.
  await page.keyboard.press('k');
  await page.getByTestId('segmentation-panel').getByTestId('seg-tool-SegmentSeed').click();
  await page.mouse.click(...(await pageAt(page, 0, baseline.series['baseline-mr']!.lesion.centroid)));
  await expect.poll(() => shownMl(page), { timeout: 60_000 }).toBeGreaterThan(0.5 * baseline.lesion.volumeMl);
  const grownMl = await shownMl(page);

  // A length across it and an arrow at it, both given to the lesion the segmentation made.
  await page.keyboard.press('m');
  await page.keyboard.press('l');
  await viewSettled(page, 0);
  const box = (await page.getByTestId('viewport-0').boundingBox())!;
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  await drag(page, [cx - 50, cy + 40], [cx + 40, cy + 40]);
  await page.keyboard.press('a');
  await drag(page, [cx + 90, cy - 70], [cx + 40, cy - 30]);
  await expect(page.getByTestId('text-request')).toBeVisible();
  await page.keyboard.type('C2 posterior elements');
  await page.keyboard.press('Enter');
  await expect(items(page)).toHaveCount(2);
  const lesionId = await page.evaluate(() => window.__spinelens!.measurements.getState().state.lesions[0]!.id);
  for (let i = 0; i < 2; i++) await items(page).nth(i).getByTestId('measurement-lesion').selectOption(lesionId);
  const before = await reading(page);
  const ids = await page.evaluate(() => window.__spinelens!.measurements.getState().state.measurements.map((m) => m.id));
  const drawnBefore = await page.evaluate((list) => list.map((id) => window.__spinelens!.drawnAnnotation(id)), ids);

  await page.keyboard.press('Shift+E');
  const dialog = page.getByTestId('export-dialog');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-sr').click()]);
  await expect(dialog.getByTestId('export-status')).toHaveText(/Saved 1 DICOM SR report\(s\) and 1 DICOM SEG segmentation\(s\)/);
  const zip = test.info().outputPath('reading.zip');
  await download.saveAs(zip);
  const dir = mkdtempSync(path.join(tmpdir(), 'spinelens-roundtrip-'));
  execFileSync('python3', ['-c', 'import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, dir]);
  const files = readdirSync(dir).map((f) => path.join(dir, f));

  // No saved state: another browser context, the sample, then the SR and SEG together by the dialog's file input.
  const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const second = await other.newPage();
  await openSample(second);
  await second.keyboard.press('Shift+E');
  await second.getByTestId('export-dialog').getByTestId('import-reading').setInputFiles(files);
  await expect(second.getByTestId('export-status')).toContainText('Added the segmentation of 1 lesion(s)', { timeout: 90_000 });
  await expect(second.getByTestId('export-status')).toContainText('Added 1 lesion(s) and 2 measurement(s)');
  await second.keyboard.press('Escape');
  await second.keyboard.press('k');
  await expect.poll(() => shownMl(second), { timeout: 60_000 }).toBeCloseTo(grownMl, 6);
  const after = await reading(second);
  console.log(JSON.stringify({ before, after }));
  expect(after).toEqual(before);
  const drawnAfter = await second.evaluate((list) => list.map((id) => window.__spinelens!.drawnAnnotation(id)), ids);
  drawnBefore.forEach((original, n) => {
    expect(drawnAfter[n], `${original!.toolName} is drawn`).not.toBeNull();
    expect(drawnAfter[n]!.label).toBe(original!.label);
    drawnAfter[n]!.points.forEach((p, i) => p.forEach((v, a) => expect(v).toBeCloseTo(original!.points[i]![a]!, 2)));
  });
  await showPanel(second, 'm', 'measurement-panel');
  // On screen: "Show this measurement" (by mouse) brings the slice the length lies on, drawn with the arrow.
  expect(await annotationPixels(second)).toBe(0);
  await items(second).and(second.locator('[data-kind="length"]')).locator('.measurement-jump').click();
  const lengthDrawing = drawnAfter.find((d) => d?.toolName === 'Length')!;
  await expect.poll(() => second.evaluate((s) => window.__spinelens!.viewportInfo(s)?.camera.focalPoint?.[0] ?? null, 0)).toBeCloseTo(lengthDrawing.points[0]![0]!, 1);
  await expect.poll(() => annotationPixels(second)).toBeGreaterThan(50);
  await second.screenshot({ path: test.info().outputPath('round-trip.png') });
  await other.close();
});
