import { expect, test } from '@playwright/test';
import { openSample, viewSettled, worldDistance, type Point } from './helpers';

// The two toolbar tools no other spec draws by hand: a freehand contour traced with the mouse, and a probe click.

test('a freehand contour traced by mouse is listed with the area of the circle traced', async ({ page }) => {
  await openSample(page);
  await page.getByTestId('measurements-toggle').click();
  const panel = page.getByTestId('measurement-panel');
  await expect(panel).toBeVisible();
  await viewSettled(page, 0);
  const box = (await page.getByTestId('viewport-0').boundingBox())!;
  const centre: Point = [box.x + box.width / 2, box.y + box.height / 2];
  const radiusPx = 40;
  const radiusMm = await worldDistance(page, centre, [centre[0] + radiusPx, centre[1]]);

  await page.keyboard.press('f');
  const around = (i: number, n: number): Point => [centre[0] + radiusPx * Math.cos((2 * Math.PI * i) / n), centre[1] + radiusPx * Math.sin((2 * Math.PI * i) / n)];
  const steps = 72;
  await page.mouse.move(...around(0, steps));
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) await page.mouse.move(...around(i, steps));
  await page.mouse.up();

  const item = panel.getByTestId('measurement-item').and(page.locator('[data-kind="freehand"]'));
  await expect(item).toHaveCount(1);
  const text = (await item.getByTestId('measurement-value').textContent()) ?? '';
  const area = Number(/^([\d.]+) mm²/.exec(text)?.[1]);
  // A 72-gon inscribed in the circle has 0.13 % less area than the circle; the trace lands on whole pixels.
  expect(Math.abs(area / (Math.PI * radiusMm ** 2) - 1)).toBeLessThan(0.03);
});

test('a probe click is listed with the value under it', async ({ page }) => {
  await openSample(page);
  await page.getByTestId('measurements-toggle').click();
  const panel = page.getByTestId('measurement-panel');
  await viewSettled(page, 0);
  const box = (await page.getByTestId('viewport-0').boundingBox())!;
  await page.keyboard.press('o');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const item = panel.getByTestId('measurement-item').and(page.locator('[data-kind="probe"]'));
  await expect(item).toHaveCount(1);
  await expect(item.getByTestId('measurement-value')).toHaveText(/^-?\d+(\.\d)?/);
});
