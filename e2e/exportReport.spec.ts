import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { openSample, type Point, worldDistance, drawWith } from './helpers';

const hasPoppler = spawnSync('sh', ['-c', 'command -v pdftotext && command -v pdfimages']).status === 0;

test('tumour-board report: key image with the annotation burned in, PNG of the view, printed to PDF with header, table, chart and image', async ({ page }) => {
  await openSample(page);
  const box = (await page.getByTestId('viewport-0').boundingBox())!;
  const from: Point = [box.x + box.width / 2 - 50, box.y + box.height / 2 + 30];
  const to: Point = [box.x + box.width / 2 + 40, box.y + box.height / 2 + 30];
  const expectedMm = await worldDistance(page, from, to);
  await drawWith(page, 'l', from, to);
  await page.keyboard.press('m');
  const item = page.getByTestId('measurement-panel').getByTestId('measurement-item').and(page.locator('[data-kind="length"]'));
  await item.getByTestId('measurement-lesion').selectOption('__new');

  await page.getByTestId('export-button').click();
  const dialog = page.getByTestId('export-dialog');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-png').click()]);
  const pngFile = test.info().outputPath('view.png');
  await download.saveAs(pngFile);
  const png = PNG.sync.read(readFileSync(pngFile));
  expect(png.width).toBeGreaterThan(100);
  // The length line is drawn in the annotation colour over a grey image: coloured pixels are there.
  let coloured = 0;
  for (let i = 0; i < png.width * png.height; i++) {
    const [r, g, b] = [png.data[i * 4]!, png.data[i * 4 + 1]!, png.data[i * 4 + 2]!];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
  }
  expect(coloured).toBeGreaterThan(20);

  await dialog.getByTestId('export-key-image').click();
  await expect(dialog.getByTestId('export-key-images').locator('li')).toHaveCount(1);
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await dialog.getByTestId('export-print').click();
  await expect(page.getByTestId('print-report')).toBeAttached();
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  const pdfFile = test.info().outputPath('report.pdf');
  writeFileSync(pdfFile, pdf);
  test.skip(!hasPoppler, 'poppler-utils (pdftotext, pdfimages) not installed: PDF contents not checked');
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
  expect(text).toContain('Tumour board');
  expect(text).toContain('PHANTOM CSPINE');
  expect(text).toContain('SLPH-0001');
  expect(text).toContain(expectedMm.toFixed(1));
  // The chart labels its points with the unit (the table cells have none).
  expect(text).toContain(`${expectedMm.toFixed(1)} mm`);
  expect(text).toMatch(/RECIST 1\.1/);
  const images = execFileSync('pdfimages', ['-list', pdfFile], { encoding: 'utf8' }).trim().split('\n').slice(2);
  expect(images.length).toBeGreaterThanOrEqual(1);
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', pdfFile, test.info().outputPath('report-page')]);
});
