import { expect, test, type Page } from '@playwright/test';
import { worldDistance } from './helpers';

type Point = [number, number];
interface Hooks {
  pageToWorld(slot: number, page: Point): number[] | null;
  annotationUids(): string[];
  measurements: { getState(): { state: { measurements: { id: string; kind: string }[] } } };
}

async function openSample(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('viewport-0').getByTestId('overlay-slice')).toBeVisible({ timeout: 60_000 });
}

async function drag(page: Page, from: Point, to: Point): Promise<void> {
  await page.mouse.move(...from);
  await page.mouse.down();
  await page.mouse.move(...to, { steps: 8 });
  await page.mouse.up();
}

test('length and bidirectional measurements are listed with their mm values and survive a reload', async ({ page }) => {
  await openSample(page);
  const box = (await page.getByTestId('viewport-0').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;

  await page.getByTestId('measurements-toggle').click();
  const panel = page.getByTestId('measurement-panel');
  await expect(panel).toBeVisible();

  // Length: a 120 px horizontal drag.
  await page.keyboard.press('l');
  const lengthFrom: Point = [cx - 60, cy - 80];
  const lengthTo: Point = [cx + 60, cy - 80];
  const expectedLength = await worldDistance(page, lengthFrom, lengthTo);
  expect(expectedLength).toBeGreaterThan(5);
  await drag(page, lengthFrom, lengthTo);
  const lengthItem = panel.getByTestId('measurement-item').and(page.locator('[data-kind="length"]'));
  await expect(lengthItem).toHaveCount(1);
  await expect(lengthItem.getByTestId('measurement-value')).toHaveText(`${expectedLength.toFixed(1)} mm`);

  // Bidirectional: the drag is the long axis; the tool adds a perpendicular short axis.
  await page.getByTestId('tool-Bidirectional').click();
  const longFrom: Point = [cx - 50, cy + 20];
  const longTo: Point = [cx + 40, cy + 90];
  const expectedLong = await worldDistance(page, longFrom, longTo);
  await drag(page, longFrom, longTo);
  const bidirectionalItem = panel.getByTestId('measurement-item').and(page.locator('[data-kind="bidirectional"]'));
  await expect(bidirectionalItem).toHaveCount(1);
  const bidirectionalText = (await bidirectionalItem.getByTestId('measurement-value').textContent()) ?? '';
  const [, long, short] = /^([\d.]+) × ([\d.]+) mm$/.exec(bidirectionalText) ?? [];
  expect(Number(long)).toBeCloseTo(expectedLong, 1);
  expect(Number(short)).toBeGreaterThan(0);
  expect(Number(short)).toBeLessThanOrEqual(Number(long));
  const lengthText = await lengthItem.getByTestId('measurement-value').textContent();

  await expect(panel.getByTestId('autosave-status')).toHaveText('Saved in this browser');
  await page.screenshot({ path: test.info().outputPath('measurements-panel.png') });

  // The panel sits beside the viewports, not over them.
  const panelBox = (await page.locator('.right-panel').boundingBox())!;
  const viewportBox = (await page.locator('main.viewport-grid').boundingBox())!;
  expect(viewportBox.x + viewportBox.width).toBeLessThanOrEqual(panelBox.x + 1);

  const ids = await page.evaluate(() => (window as unknown as { __spinelens: Hooks }).__spinelens.measurements.getState().state.measurements.map((m) => m.id));
  expect(ids).toHaveLength(2);

  await page.reload();
  await expect(page.getByTestId('viewport-0').getByTestId('overlay-slice')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('measurements-toggle')).toHaveText('2 measurements');
  await page.keyboard.press('m');
  await expect(lengthItem.getByTestId('measurement-value')).toHaveText(lengthText!);
  await expect(bidirectionalItem.getByTestId('measurement-value')).toHaveText(bidirectionalText);
  // The drawings are back in Cornerstone with the same ids, so edits keep mapping 1:1.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __spinelens: Hooks }).__spinelens.annotationUids().sort()))
    .toEqual([...ids].sort());

  // Deleting from the panel removes it from the list and the drawing, and that is saved too.
  await lengthItem.getByTestId('measurement-delete').click();
  await expect(panel.getByTestId('measurement-item')).toHaveCount(1);
  await expect(panel.getByTestId('autosave-status')).toHaveText('Saved in this browser');
  await page.reload();
  await expect(page.getByTestId('measurements-toggle')).toHaveText('1 measurement', { timeout: 60_000 });
});
