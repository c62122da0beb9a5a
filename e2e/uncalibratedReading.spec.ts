import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DISC, uncalibratedCt } from './fixtures/uncalibratedCt';
import { drawWith, loadFiles, openEmpty, viewSettled } from './helpers';

/**
 * A lesion measured on a CT without a valid Pixel Spacing: by mouse and keyboard, its length is in px with
 * "uncalibrated" in the lesion panel, the timeline and the CSV, no volume is computed, and nothing says mm or mL.
 */

const file = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/octet-stream', buffer });

/** Where the viewer shows pixel (column, row): uncalibrated, the image lies at (column, row, 0) from its Image Position. */
const toPage = (page: Page, column: number, row: number) =>
  page.evaluate(([c, r]) => (window as unknown as { __spinelens: { worldToPage(s: number, w: number[]): [number, number] | null } }).__spinelens.worldToPage(0, [c, r, 0])!, [column, row] as const);

/** A small CSV reader (quoted cells, CRLF), independent of the writer. */
function readCsv(text: string): Record<string, string>[] {
  const rows = text.trim().split(/\r\n/).map((line) => [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, -1));
  const [header, ...records] = rows;
  return records.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

const pxOf = (text: string | null): number => Number(/([\d.]+) px \(uncalibrated\)/.exec(text ?? '')?.[1]);

test('a length across the phantom disc on a CT without Pixel Spacing: px (uncalibrated) in the panel, timeline and CSV; no mm, no mL, not evaluable', async ({ page }) => {
  await openEmpty(page);
  await loadFiles(page, [file('no-spacing.dcm', uncalibratedCt('0.7\\', 'NO SPACING'))]);
  await expect(page.getByTestId('viewport-0').getByTestId('overlay-uncalibrated')).toBeVisible();
  await viewSettled(page);
  // The disc's diameter: from its left edge to its right edge through the centre, 2 × 10 = 20 px by construction.
  const [column, row] = DISC.centre;
  await drawWith(page, 'l', await toPage(page, column - DISC.radius, row), await toPage(page, column + DISC.radius, row));

  // Lesion panel (key m): the length in px, made a lesion by mouse; no ellipsoid volume, and why.
  await page.keyboard.press('m');
  const panel = page.getByTestId('measurement-panel');
  const item = panel.getByTestId('measurement-item').and(page.locator('[data-kind="length"]'));
  await expect(item.getByTestId('measurement-value')).toContainText('px (uncalibrated)');
  expect(pxOf(await item.getByTestId('measurement-value').textContent())).toBeCloseTo(2 * DISC.radius, 0);
  await item.getByTestId('measurement-lesion').selectOption('__new');
  await expect(panel.getByTestId('lesion-card')).toHaveCount(1);
  await expect(panel.getByTestId('lesion-uncalibrated')).toContainText('needs a calibrated series');
  await expect(panel).not.toContainText(/\bmm\b|\bmL\b/);
  await page.screenshot({ path: test.info().outputPath('uncalibrated-lesion-panel.png') });

  // Timeline (key t): the longest "diameter" in px, marked uncalibrated and not evaluable; no volume in mL.
  await page.keyboard.press('t');
  const timeline = page.getByTestId('timeline-panel');
  const diameter = timeline.getByTestId('timeline-table-longestDiameter').getByTestId('timeline-value');
  await expect(diameter).toContainText('px (uncalibrated)');
  expect(pxOf(await diameter.textContent())).toBeCloseTo(2 * DISC.radius, 0);
  await expect(diameter.getByTestId('value-excluded')).toHaveText('uncalibrated');
  await expect(diameter).toContainText('not evaluable: CT · 8-BIT CT NO SPACING has no valid Pixel Spacing');
  await expect(timeline.getByTestId('timeline-table-ellipsoidVolume').getByTestId('value-not-computed')).toContainText('needs a calibrated series');
  // No number in mm or mL ("length in px, not mm" says what it is not).
  await expect(timeline).not.toContainText(/\d\s*(mm|mL)\b/);
  await page.screenshot({ path: test.info().outputPath('uncalibrated-timeline.png') });

  // CSV (Shift+E, then the CSV button): unit "px (uncalibrated)", the value in px.
  await page.keyboard.press('Shift+E');
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-csv').click()]);
  const path = test.info().outputPath('uncalibrated.csv');
  await download.saveAs(path);
  const rows = readCsv(readFileSync(path, 'utf8'));
  expect(rows.map((r) => r['kind'])).toEqual(['length']);
  expect(rows[0]).toMatchObject({ unit: 'px (uncalibrated)', series: 'CT 8-BIT CT NO SPACING', lesion: 'Lesion 1' });
  expect(Number(rows[0]!['value'])).toBeCloseTo(2 * DISC.radius, 0);
});
