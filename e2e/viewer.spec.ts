import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { filesIn, hasSharedDicom, loadFiles, openEmpty, SHARED_SKIP_REASON, sharedPath, showSeries, sliceText, viewportPixelStats } from './helpers';

test.describe('open and view real CT and MR series', () => {
  test.skip(!hasSharedDicom, SHARED_SKIP_REASON);

  test('CT and MR from the file input: browse, scroll, window, MPR; a bad file is listed and the rest load', async ({ page }) => {
    await openEmpty(page);
    const ct = filesIn(sharedPath('neurolabusc__dcm_qa_ct/In/Philips/S21570/S2010'));
    const mr = filesIn(sharedPath('neurolabusc__dcm_qa_decubitus/In/HFS/3_t1_fl2d_sag'));
    const good = readFileSync(ct[0]!);
    await loadFiles(page, [
      ...ct,
      ...mr,
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image at all\n') },
      { name: 'cut-short.dcm', mimeType: 'application/dicom', buffer: good.subarray(0, Math.floor(good.length / 2)) },
    ]);

    // Both series are in the browser with their image counts; the bad files are listed by name.
    await expect(page.getByTestId('series-item').filter({ hasText: 'STD BRAIN 5MM' })).toContainText('28 images');
    await expect(page.getByTestId('series-item').filter({ hasText: 't1_fl2d_sag' })).toContainText('35 images');
    await expect(page.getByTestId('import-problem')).toHaveCount(2);
    await expect(page.getByTestId('import-problems')).toContainText('notes.txt');
    await expect(page.getByTestId('import-problems')).toContainText('cut-short.dcm');

    // CT as a stack: the slice counter, real pixels, scrolling and window presets.
    await showSeries(page, 'STD BRAIN 5MM');
    await page.getByTestId('mode-stack').click();
    await expect(page.getByTestId('viewport-0').getByTestId('overlay-slice')).toHaveText(/Im \d+\/28/);
    const before = await sliceText(page, 0);
    const n = Number(/Im (\d+)/.exec(before)![1]);
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('viewport-0').getByTestId('overlay-slice')).toHaveText(`Im ${n + 1}/28`);
    const stats = await viewportPixelStats(page, 0);
    expect(stats.sd).toBeGreaterThan(10);
    expect(stats.distinct).toBeGreaterThan(50);
    await page.keyboard.press('2');
    await expect(page.getByTestId('viewport-0').getByTestId('overlay-wl')).toHaveText('W 2000 L 500');
    // A drag with the window/level tool changes the window.
    const box = (await page.getByTestId('viewport-0').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 40, { steps: 5 });
    await page.mouse.up();
    await expect(page.getByTestId('viewport-0').getByTestId('overlay-wl')).not.toHaveText('W 2000 L 500');
    // Axial orientation markers: patient right on the screen's left, anterior at the top.
    await expect(page.getByTestId('viewport-0').getByTestId('marker-left')).toHaveText('R');
    await expect(page.getByTestId('viewport-0').getByTestId('marker-top')).toHaveText('A');

    // Sagittal MPR of the CT: one slice per column, S at the top, A on the left.
    await page.getByTestId('mode-sagittal').click();
    // A reconstructed plane is numbered as a slice of the reconstruction, never as an image of the PACS.
    await expect(page.getByTestId('viewport-0').getByTestId('overlay-slice')).toHaveText(/^Slice \d+\/512$/);
    await expect(page.getByTestId('viewport-0').getByTestId('marker-top')).toHaveText('S');
    await expect(page.getByTestId('viewport-0').getByTestId('marker-left')).toHaveText('A');
    expect((await viewportPixelStats(page, 0)).sd).toBeGreaterThan(5);

    // The MR in a second viewport, sagittal as acquired: 35 slices.
    await page.getByTestId('layout-1x2').click();
    await showSeries(page, 't1_fl2d_sag', 1);
    await page.getByTestId('mode-sagittal').click();
    await expect(page.getByTestId('viewport-1').getByTestId('overlay-slice')).toHaveText(/^Im \d+( · \d+)?\/35$/);
    expect((await viewportPixelStats(page, 1)).sd).toBeGreaterThan(10);
    await page.screenshot({ path: 'test-results/ct-mr.png' });
  });
});
