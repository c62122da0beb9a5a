import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openSample, viewSettled, worldDistance, type Point } from './helpers';

const hasPoppler = spawnSync('sh', ['-c', 'command -v pdftotext && command -v pdftoppm']).status === 0;
const items = (page: Page) => page.getByTestId('measurement-panel').getByTestId('measurement-item');

async function lengthIn(page: Page, slot: number, dy: number, half: number): Promise<number> {
  await page.keyboard.press('l');
  await viewSettled(page, slot);
  const box = (await page.getByTestId(`viewport-${slot}`).boundingBox())!;
  const from: Point = [box.x + box.width / 2 - half, box.y + box.height / 2 + dy];
  const to: Point = [box.x + box.width / 2 + half, box.y + box.height / 2 + dy];
  const mm = await worldDistance(page, from, to, slot);
  await page.mouse.move(...from);
  await page.mouse.down();
  await page.mouse.move(...to, { steps: 8 });
  await page.mouse.up();
  return mm;
}

test('the printed report\'s first page: header, key image with its annotation, both timepoints in the table and chart, the response with its rule', async ({ page }) => {
  test.setTimeout(180_000);
  await openSample(page);
  // The lesions panel first: opening it narrows the panes and refits the images, then points are taken.
  await page.keyboard.press('m');
  await expect(page.getByTestId('measurement-panel')).toBeVisible();
  await page.waitForTimeout(1000);
  const baselineMm = await lengthIn(page, 0, -20, 60);
  await expect(items(page)).toHaveCount(1);
  await items(page).first().getByTestId('measurement-lesion').selectOption('__new');
  const name = page.getByTestId('measurement-panel').getByTestId('lesion-name');
  await name.fill('Posterior elements C2');
  await name.blur();
  const followMm = await lengthIn(page, 1, -20, 30);
  await expect(items(page)).toHaveCount(2);
  const lesionId = await page.evaluate(() => window.__spinelens!.measurements.getState().state.lesions[0]!.id);
  await items(page).nth(1).getByTestId('measurement-lesion').selectOption(lesionId);

  // The baseline view as key image, by mouse; then Print report… by keyboard.
  await page.getByTestId('tool-WindowLevel').click();
  await page.getByTestId('viewport-0').click({ position: { x: 5, y: 5 } });
  await page.getByTestId('export-button').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByTestId('export-key-image').click();
  await expect(dialog.getByTestId('export-key-images').locator('li')).toHaveCount(1);
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await dialog.getByTestId('export-print').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('print-report')).toBeAttached();
  await page.emulateMedia({ media: 'print' });
  const pdfFile = test.info().outputPath('report.pdf');
  writeFileSync(pdfFile, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  test.skip(!hasPoppler, 'poppler-utils not installed: the page is not read');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', pdfFile, test.info().outputPath('page')]);
  const text = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdfFile, '-'], { encoding: 'utf8' });
  console.log(text);
  expect(text).toContain('PHANTOM CSPINE');
  // Everything on the first page: the lesion's table and chart and the response under the key image.
  expect(text).toMatch(/Posterior elements C2\s/);
  expect(text).toContain('Baseline');
  expect(text).toContain('+3 mo');
  expect(text).toContain(baselineMm.toFixed(1));
  expect(text).toContain(followMm.toFixed(1));
  expect(text).toMatch(/RECIST 1\.1/);
});
