import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openSample, type Point, type Vec3 } from './helpers';

/** The baseline MR's grid as the generator wrote it: the image's true edges come from here, not from the app. */
const truth = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../sample-dicom/ground-truth.json'), 'utf8')) as {
  timepoints: { baseline: { series: Record<string, { grid: { rows: number; columns: number; pixelSpacing: [number, number]; imageOrientationPatient: number[]; firstImagePosition: Vec3 } }> } };
};
type Grid = (typeof truth)['timepoints']['baseline']['series'][string]['grid'];
const mrGrid = truth.timepoints.baseline.series['baseline-mr']!.grid;
const ctGrid = truth.timepoints.baseline.series['baseline-ct']!.grid;
const SHOTS = process.env.SPINELENS_SHOTS ?? 'test-results';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The four outer corners of an image of the grid (half a pixel beyond the outer pixel centres), in patient mm. */
function imageCornersMm(grid: Grid): Vec3[] {
  const { rows, columns, pixelSpacing, imageOrientationPatient: iop, firstImagePosition: ipp } = grid;
  const rowDir = iop.slice(0, 3);
  const colDir = iop.slice(3, 6);
  const corners: Vec3[] = [];
  for (const c of [-0.5, columns - 0.5])
    for (const r of [-0.5, rows - 0.5]) corners.push([0, 1, 2].map((i) => ipp[i]! + rowDir[i]! * c * pixelSpacing[1] + colDir[i]! * r * pixelSpacing[0]) as Vec3);
  return corners;
}

/** The image's box on the page, from its true corners through the viewport's camera. */
async function imageBox(page: Page, slot: number, grid: Grid = mrGrid): Promise<Box> {
  const points = await page.evaluate(
    ([s, corners]) => corners.map((w) => (window as unknown as { __spinelens: { worldToPage(slot: number, world: Vec3): Point | null } }).__spinelens.worldToPage(s, w)),
    [slot, imageCornersMm(grid)] as const,
  );
  const xs = points.map((p) => p![0]);
  const ys = points.map((p) => p![1]);
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** No corner line of the overlay lies on the image, and the image still uses most of the room left by the corners. */
async function expectCornersBesideImage(page: Page, slot: number, grid: Grid = mrGrid): Promise<Box> {
  const viewport = page.getByTestId(`viewport-${slot}`);
  const corner = async (name: string) => (await viewport.locator(`.corner.${name}`).boundingBox())!.height;
  let image: Box = { x: 0, y: 0, width: 0, height: 0 };
  // The fit follows the overlay's first paint and the pane's resize: poll until both have happened.
  await expect
    .poll(async () => {
      const pane = (await viewport.boundingBox())!;
      image = await imageBox(page, slot, grid);
      const problems: string[] = [];
      for (const line of await viewport.locator('.corner > div').all()) {
        const box = await line.boundingBox();
        if (box && overlaps(box, image)) problems.push(`over the image: ${(await line.textContent()) || '(reserved line)'}`);
      }
      const top = Math.max(await corner('top-left'), await corner('top-right'));
      const bottom = Math.max(await corner('bottom-left'), await corner('bottom-right'));
      // Square image: as big as the pane allows once the corners' rows are kept free (or the pane's width, if
      // narrower), less the pane's border and a gap of a few pixels.
      const room = Math.min(pane.width, pane.height - 2 * Math.max(top, bottom));
      if (image.width <= room - 8) problems.push(`image ${image.width.toFixed(0)} px wide in a pane of ${pane.width}×${pane.height} (room ${room.toFixed(0)})`);
      if (image.x < pane.x - 1 || image.x + image.width > pane.x + pane.width + 1) problems.push('image wider than its pane');
      return problems;
    })
    .toEqual([]);
  return image;
}

test.describe('layout at 1280×800', () => {
  test('1×1 with the lesion panel open: after display, after a panel opens and after Reset the corner texts lie beside the image', async ({ page }) => {
    await openSample(page);
    const viewport = page.getByTestId('viewport-0');
    await viewport.click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Shift+1');
    await expect(page.getByTestId('viewport-1')).toHaveCount(0);
    // A panel opened over a fitted image narrows the pane: the untouched image is fitted again.
    await page.keyboard.press('m');
    await expect(page.getByTestId('panel-lesions')).toBeVisible();
    await expectCornersBesideImage(page, 0);
    // Displayed with the panel already open.
    await page.getByTestId('series-item').filter({ hasText: 'SAG T2' }).first().click();
    await expect(viewport.getByTestId('overlay-slice')).toBeVisible();
    const shown = await expectCornersBesideImage(page, 0);
    // Zoomed by the mouse (right drag), then Reset from the toolbar: back to the same fitted box.
    const pane = (await viewport.boundingBox())!;
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    await page.mouse.down({ button: 'right' });
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2 + 120, { steps: 6 });
    await page.mouse.up({ button: 'right' });
    await expect.poll(async () => (await imageBox(page, 0)).width).not.toBeCloseTo(shown.width, 0);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    expect((await expectCornersBesideImage(page, 0)).width).toBeCloseTo(shown.width, 0);
    // The same by key (Space).
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    await page.mouse.down({ button: 'right' });
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2 - 120, { steps: 6 });
    await page.mouse.up({ button: 'right' });
    await page.keyboard.press(' ');
    expect((await expectCornersBesideImage(page, 0)).width).toBeCloseTo(shown.width, 0);
    await page.screenshot({ path: `${SHOTS}/layout-1x1-lesions.png` });
    // Closing the panel widens the pane: the view, untouched since Reset, is fitted again, larger.
    await page.keyboard.press('m');
    await expect(page.getByTestId('panel-lesions')).toHaveCount(0);
    await expect.poll(async () => (await imageBox(page, 0)).width).toBeGreaterThan(shown.width + 50);
    await expectCornersBesideImage(page, 0);
    await page.keyboard.press('m');
    // A stack (the CT, axial) is fitted beside the corners too.
    await page.getByTestId('series-item').filter({ hasText: 'C-SPINE AXIAL' }).first().click();
    await page.getByTestId('mode-stack').click();
    await expect(viewport).toContainText('CT · Stack');
    await expectCornersBesideImage(page, 0, ctGrid);
    await page.screenshot({ path: `${SHOTS}/layout-1x1-lesions-ct-stack.png` });
  });
});

/** Each right panel by its key, as a reader opens it. */
const PANEL_KEYS = [
  ['lesions', 'm'],
  ['segmentation', 'k'],
  ['timeline', 't'],
  ['problems', 'P'],
  ['pacs', 'O'],
  ['help', '?'],
] as const;

/** The panel's tabs on one row, the panel beside the viewports (never over them), nothing cut off sideways. */
async function expectPanelBesideViewports(page: Page, panel: string): Promise<void> {
  const aside = page.getByTestId(`panel-${panel}`);
  await expect(aside).toBeVisible();
  const tops = await Promise.all((await aside.getByRole('tab').all()).map(async (tab) => (await tab.boundingBox())!.y));
  expect(new Set(tops.map(Math.round)).size, `${panel}: tab rows`).toBe(1);
  const cut = await aside.getByRole('tab').evaluateAll((tabs) => tabs.filter((t) => t.scrollWidth > t.clientWidth).map((t) => t.textContent));
  expect(cut, `${panel}: tab labels cut short`).toEqual([]);
  const close = (await aside.getByRole('button', { name: 'Close panel' }).boundingBox())!;
  const side = (await aside.boundingBox())!;
  expect(close.x + close.width, `${panel}: close button inside the panel`).toBeLessThanOrEqual(side.x + side.width + 0.5);
  const grid = (await page.locator('.viewport-grid').boundingBox())!;
  expect(grid.x + grid.width, `${panel}: viewports end where the panel starts`).toBeLessThanOrEqual(side.x + 0.5);
  expect(await aside.evaluate((el) => el.scrollWidth - el.clientWidth), `${panel}: no sideways overflow`).toBeLessThanOrEqual(0);
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`${size.width}×${size.height}: every panel and the export dialog beside the images, tabs on one row, corners beside the image`, async ({ page }) => {
    await page.setViewportSize(size);
    await openSample(page);
    await page.getByTestId('viewport-0').click({ position: { x: 5, y: 5 } });
    for (const [panel, key] of PANEL_KEYS) {
      await page.keyboard.press(key);
      await expectPanelBesideViewports(page, panel);
      await page.screenshot({ path: `${SHOTS}/layout-${size.width}-${panel}.png` });
    }
    await page.keyboard.press('m');
    await page.keyboard.press('Shift+1');
    await expectCornersBesideImage(page, 0);
    await page.screenshot({ path: `${SHOTS}/layout-${size.width}-1x1-lesions.png` });
    await page.keyboard.press('Shift+E');
    const dialog = page.getByTestId('export-dialog');
    await expect(dialog).toBeVisible();
    const box = (await dialog.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(size.height);
    await page.screenshot({ path: `${SHOTS}/layout-${size.width}-export.png` });
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  });
}
