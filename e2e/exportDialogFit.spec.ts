import { expect, test } from '@playwright/test';
import { openSample } from './helpers';

test('the export dialog fits 1280x800: it scrolls inside itself and every button is reached by Tab and by mouse', async ({ page }) => {
  await openSample(page);
  await page.keyboard.press('Shift+E');
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('export-dialog-top.png') });
  const box = (await dialog.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(800);

  const inView = async (testId: string) => {
    const b = (await dialog.getByTestId(testId).boundingBox())!;
    return b.y >= box.y && b.y + b.height <= box.y + box.height && b.y + b.height <= 800;
  };
  // By keyboard: Tab walks the buttons in order and the dialog scrolls each into view, the last one included.
  // The first button has the focus when the dialog opens.
  const seen: string[] = [await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '')];
  for (let i = 0; i < 30 && !seen.includes('export-close'); i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
    if (!id) continue;
    seen.push(id);
    if ((await dialog.getByTestId(id).isEnabled()) && (await dialog.getByTestId(id).isVisible())) expect(await inView(id), `${id} is inside the dialog's visible box when focused`).toBe(true);
  }
  expect(seen).toEqual(expect.arrayContaining(['export-csv', 'export-json', 'export-sr', 'export-teaching', 'export-key-image', 'export-png', 'export-print', 'export-close']));
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.screenshot({ path: test.info().outputPath('export-dialog-bottom.png') });

  // By mouse: the wheel over the dialog scrolls it, and "Print report…" is clicked where it is seen.
  await dialog.getByTestId('export-csv').scrollIntoViewIfNeeded();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 200);
  expect(await inView('export-print')).toBe(true);
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  const print = (await dialog.getByTestId('export-print').boundingBox())!;
  await page.mouse.click(print.x + print.width / 2, print.y + print.height / 2);
  await expect(page.getByTestId('print-report')).toBeAttached();
});
