import { expect, test } from '@playwright/test';
import { filesIn, hasSharedDicom, loadFiles, openEmpty, SHARED_SKIP_REASON, sharedPath, viewportPixelStats } from './helpers';

test.describe('pixel values as a radiologist reads them', () => {
  test.skip(!hasSharedDicom, SHARED_SKIP_REASON);

  test('CT values are shown in HU: air outside the phantom reads about −1000', async ({ page }) => {
    await openEmpty(page);
    await loadFiles(page, filesIn(sharedPath('neurolabusc__dcm_qa_ct/In/Philips/S21570/S2010')));
    const viewport = page.getByTestId('viewport-0');
    await page.getByTestId('mode-stack').click();
    await expect(viewport.getByTestId('overlay-slice')).toHaveText(/\/28$/);
    const box = (await viewport.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.5);
    await expect(viewport.getByTestId('overlay-pixel')).toHaveText(/^Value -?\d+ HU$/);
    const text = (await viewport.getByTestId('overlay-pixel').textContent()) ?? '';
    const [, value] = /^Value (-?\d+) HU$/.exec(text) ?? [];
    expect(Number(value)).toBeGreaterThan(-1100);
    expect(Number(value)).toBeLessThan(-900);
  });

  test('MONOCHROME1 is displayed inverted, and a projection image gets no invented orientation letters', async ({ page }) => {
    await openEmpty(page);
    await loadFiles(page, [sharedPath('pydicom__pydicom-data/data_store/data/RG3_J2KR.dcm')]);
    const viewport = page.getByTestId('viewport-0');
    // Its Instance Number (0020,0013) is 2, as dcmdump reads it: the overlay gives it, with the place in the stack.
    await expect(viewport.getByTestId('overlay-slice')).toHaveText('Im 2 · 1/1');
    const info = await page.evaluate(() => (window as unknown as { __spinelens: { viewportInfo(s: number): { invert: boolean } } }).__spinelens.viewportInfo(0));
    expect(info.invert).toBe(true);
    expect((await viewportPixelStats(page, 0)).sd).toBeGreaterThan(20);
    await expect(viewport.getByTestId('marker-top')).toHaveCount(0);
  });
});
