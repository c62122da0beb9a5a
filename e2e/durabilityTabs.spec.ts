import { expect, test, type Page } from '@playwright/test';
import { openSample } from './helpers';

async function drawLength(page: Page, dy: number): Promise<void> {
  await page.keyboard.press('l');
  const box = (await page.getByTestId('viewport-0').boundingBox())!;
  const y = box.y + box.height / 2 + dy;
  await page.mouse.move(box.x + box.width / 2 - 40, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 40, y, { steps: 4 });
  await page.mouse.up();
}

test('two tabs on the same studies: each learns of the other\'s edits and neither overwrites them', async ({ context }) => {
  test.setTimeout(300_000);
  const first = await context.newPage();
  const second = await context.newPage();
  await openSample(first);
  await openSample(second);

  await first.bringToFront();
  await drawLength(first, -30);
  await expect(first.getByTestId('measurements-toggle')).toHaveText('1 measurement');
  await expect(second.getByTestId('measurements-toggle')).toHaveText('1 measurement');
  await expect(second.getByTestId('sync-notice')).toContainText("Another tab's changes merged in");

  await second.bringToFront();
  await drawLength(second, 30);
  await expect(second.getByTestId('measurements-toggle')).toHaveText('2 measurements');
  await expect(first.getByTestId('measurements-toggle')).toHaveText('2 measurements');
  await first.screenshot({ path: test.info().outputPath('first-tab.png') });

  const third = await context.newPage();
  await openSample(third);
  await expect(third.getByTestId('measurements-toggle')).toHaveText('2 measurements');
});
