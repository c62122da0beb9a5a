import { expect, test } from '@playwright/test';

test('when the browser refuses storage, the user is told and the viewer keeps working', async ({ page }) => {
  // As in some private modes: no IndexedDB at all.
  await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }));
  await page.goto('/');
  const viewport = page.getByTestId('viewport-0');
  await expect(viewport.getByTestId('overlay-slice')).toBeVisible({ timeout: 60_000 });
  await page.keyboard.press('l');
  const box = (await viewport.boundingBox())!;
  await page.mouse.move(box.x + 150, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + 250, box.y + 200, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('storage-error')).toBeVisible();
  await expect(page.getByTestId('storage-error')).toContainText('IndexedDB');
  await expect(page.getByTestId('measurements-toggle')).toHaveText('1 measurement');
});
