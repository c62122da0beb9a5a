import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { loadFiles, openEmpty, pageAt, showSeries, type Vec3 } from './helpers';
import { VOXEL_SPACING, writeGappedStudy, writeSmallLesionCase, writeTiltedStudy, type SmallLesionCase } from './fixtures/smallLesionStudies';

/**
 * A small follow-up lesion (≈1.6 mL on 0.8 × 0.9 × 3.3 mm MR) segmented through the UI only: the volume read from
 * the panel's text against the analytic ellipsoid volume of the generated phantom.
 */
let dir = '';
let lesionCase: SmallLesionCase;

test.beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'spinelens-small-lesion-'));
  lesionCase = writeSmallLesionCase(dir);
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

const shots = () => process.env.SPINELENS_SHOTS ?? test.info().outputPath('');
const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];

/** The volume as the panel writes it ("1.62 mL"). */
async function panelMl(panel: Locator): Promise<number> {
  const text = (await panel.getByTestId('seg-volume').textContent()) ?? '';
  return Number(/([\d.]+) mL/.exec(text)?.[1] ?? NaN);
}

async function expectWithin(panel: Locator, truthMl: number, what: string): Promise<number> {
  await expect.poll(async () => Math.abs((await panelMl(panel)) / truthMl - 1), { timeout: 30_000, message: what }).toBeLessThan(0.05);
  const ml = await panelMl(panel);
  console.log(`${what}: ${ml.toFixed(2)} mL vs truth ${truthMl.toFixed(3)} mL (${((ml / truthMl - 1) * 100).toFixed(1)} %)`);
  return ml;
}

async function openCase(page: Page): Promise<Locator> {
  await openEmpty(page);
  await loadFiles(page, [...lesionCase.baseline.files, ...lesionCase.followup.files]);
  await showSeries(page, lesionCase.baseline.seriesDescription, 0);
  await showSeries(page, lesionCase.followup.seriesDescription, 1);
  await page.keyboard.press('k');
  const panel = page.getByTestId('segmentation-panel');
  await expect(panel).toBeVisible();
  return panel;
}

test('a click anywhere inside a 1.6 mL follow-up lesion gives its volume within 5 %; a seed outside is flagged and counts only once confirmed', async ({ page }) => {
  const { baseline, followup } = lesionCase;
  const panel = await openCase(page);
  await panel.getByTestId('seg-tool-SegmentSeed').click();

  await page.mouse.click(...(await pageAt(page, 0, baseline.centre)));
  await expect(panel.getByTestId('seg-series')).toContainText(baseline.seriesDescription);
  await expectWithin(panel, baseline.truthMl, 'baseline, centre');

  // The follow-up lesion: the centre and three points 3 mm off it, each grown alone.
  const offsets: [string, Vec3][] = [
    ['centre', [0, 0, 0]],
    ['3 mm right', [3, 0, 0]],
    ['3 mm anterior', [0, -3, 0]],
    ['3 mm off in-plane and along z', [-2.1, 2.1, 3.3]],
  ];
  for (const [name, offset] of offsets) {
    if (name !== 'centre') {
      await panel.getByTestId('seg-clear').click();
      await expect(panel.getByTestId('seg-volume')).toHaveText('0.00 mL');
    }
    await page.mouse.click(...(await pageAt(page, 1, add(followup.centre, offset))));
    await expect(panel.getByTestId('seg-series')).toContainText(followup.seriesDescription);
    await expectWithin(panel, followup.truthMl, `follow-up, ${name}`);
    await expect(panel.getByTestId('seg-flags')).toHaveCount(0);
  }
  await page.screenshot({ path: `${shots()}/segmentation-small-lesion.png` });

  // The timeline names the series of each value; the volumetric response uses both.
  await page.keyboard.press('t');
  const timeline = page.getByTestId('timeline-panel');
  const rows = timeline.getByTestId('timeline-table-segmentedVolume').getByTestId('timeline-row');
  await expect(rows.nth(0).getByTestId('value-source')).toContainText(`MR · ${baseline.seriesDescription}`);
  await expect(rows.nth(1).getByTestId('value-source')).toContainText(`MR · ${followup.seriesDescription}`);
  const volumetric = timeline.getByTestId('patient-response').getByTestId('response-list').filter({ hasText: 'Volumetric' });
  await expect(volumetric.getByTestId('response-category')).toHaveText('PR');

  // A seed in the soft tissue beside the lesion: the region leaks, is flagged in the panel and is not used.
  await page.keyboard.press('k');
  await panel.getByTestId('seg-clear').click();
  await page.mouse.click(...(await pageAt(page, 1, followup.outsidePoint)));
  await expect(panel.getByTestId('seg-flags')).toBeVisible({ timeout: 30_000 });
  console.log(`outside seed: ${await panelMl(panel)} mL, flags ${await panel.getByTestId('seg-flags').getAttribute('data-codes')}`);
  await page.screenshot({ path: `${shots()}/segmentation-small-lesion-flagged.png` });
  await page.keyboard.press('t');
  await expect(rows.nth(1).getByTestId('value-excluded')).toHaveText('flagged');
  await expect(volumetric.getByTestId('response-category')).toHaveText('NE');

  // "Volume is right" by keyboard: the value then counts (a leak this large is progression).
  await page.keyboard.press('k');
  await panel.getByTestId('seg-confirm').focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('seg-confirmed')).toBeVisible();
  await page.screenshot({ path: `${shots()}/segmentation-small-lesion-confirmed.png` });
  await page.keyboard.press('t');
  await expect(rows.nth(1).getByTestId('value-excluded')).toHaveCount(0);
  await expect(volumetric.getByTestId('response-category')).toHaveText('PD');
});

async function drag(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  await page.mouse.move(...from);
  await page.mouse.down();
  await page.mouse.move(...to, { steps: 15 });
  await page.mouse.up();
}

test('a line dragged across the small lesion gives its volume within 5 %; keys pick the line tool and start another lesion', async ({ page }) => {
  const { followup } = lesionCase;
  const panel = await openCase(page);
  // Line tool by key (n); the line runs along the lesion's longest axis, from outside to outside (1.5 × the semi-axis each side).
  await page.getByTestId('viewport-1').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('n');
  await expect(panel.getByTestId('seg-tool-SegmentLine')).toHaveAttribute('aria-pressed', 'true');
  const reach = 1.5 * Math.max(...followup.semiAxes);
  const from = await pageAt(page, 1, add(followup.centre, [0, 0, -reach]));
  const to = await pageAt(page, 1, add(followup.centre, [0, 0, reach]));
  await drag(page, from, to);
  await expect(panel.getByTestId('seg-series')).toContainText(followup.seriesDescription);
  await expectWithin(panel, followup.truthMl, 'follow-up, line across the lesion');
  await expect(panel.getByTestId('seg-method')).toContainText('line');
  await page.screenshot({ path: `${shots()}/segmentation-small-lesion-line.png` });

  // Shift+N: another lesion in the same series, its own empty segment, made the active one.
  await page.keyboard.press('Shift+N');
  await expect(panel.getByTestId('seg-segment-2')).toHaveAttribute('aria-current', 'true');
  await expect(panel.getByTestId('seg-volume')).toHaveText('0.00 mL');
  // The first lesion keeps its own volume: the follow-up's true volume within 5 %.
  const firstMl = Number(/([\d.]+) mL/.exec((await panel.getByTestId('seg-segment-volume-1').textContent()) ?? '')?.[1] ?? NaN);
  expect(Math.abs(firstMl / followup.truthMl - 1), `lesion 1: ${firstMl} mL vs truth ${followup.truthMl.toFixed(3)} mL`).toBeLessThan(0.05);
  await page.screenshot({ path: `${shots()}/segmentation-two-lesions.png` });
  await panel.getByTestId('seg-tolerance').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots()}/segmentation-two-lesions-edge.png` });
});

test('a series with a gap: the lesion away from it is measured in its block of slices; a lesion cut by it is flagged with where the gap is', async ({ page }) => {
  const away = writeGappedStudy(path.join(dir, 'gap-away'), [1, 2], 'gap away');
  const through = writeGappedStudy(path.join(dir, 'gap-through'), [10], 'gap through');
  await openEmpty(page);
  await loadFiles(page, [...away.files, ...through.files]);
  await showSeries(page, away.seriesDescription, 0);
  await page.keyboard.press('k');
  const panel = page.getByTestId('segmentation-panel');
  await page.keyboard.press('g');
  await page.mouse.click(...(await pageAt(page, 0, away.centre)));
  await expect(panel.getByTestId('seg-series')).toContainText(away.seriesDescription);
  await expectWithin(panel, away.truthMl, 'series with a gap away from the lesion, centre');
  await expect(panel.getByTestId('seg-flags')).toHaveCount(0);

  await page.getByTestId('tool-WindowLevel').click();
  await showSeries(page, through.seriesDescription, 0);
  await page.keyboard.press('g');
  await page.mouse.click(...(await pageAt(page, 0, through.centre)));
  await expect(panel.getByTestId('seg-series')).toContainText(through.seriesDescription);
  await expect(panel.getByTestId('seg-flag-reaches-gap')).toContainText('between slices 10 and 11');
  console.log(`gap through the lesion: ${await panelMl(panel)} mL, flagged: ${await panel.getByTestId('seg-flag-reaches-gap').textContent()}`);
  await page.screenshot({ path: `${shots()}/segmentation-gap-flag.png` });
});

test('a tilted-gantry series (20°) is measured on its sheared grid: the small lesion within 5 %', async ({ page }) => {
  const tilted = writeTiltedStudy(path.join(dir, 'tilted'), 20);
  await openEmpty(page);
  await loadFiles(page, tilted.files);
  await showSeries(page, tilted.seriesDescription, 0);
  await page.keyboard.press('k');
  const panel = page.getByTestId('segmentation-panel');
  await page.keyboard.press('g');
  await page.mouse.click(...(await pageAt(page, 0, tilted.centre)));
  await expect(panel.getByTestId('seg-series')).toContainText(tilted.seriesDescription);
  await expectWithin(panel, tilted.truthMl, 'tilted gantry 20°, centre');
  // In-plane 0.8 × 0.9 mm times the 3.3 mm spacing perpendicular to the slices (not the 3.5 mm step between positions).
  await expect(panel.getByTestId('seg-voxels')).toContainText(`× ${(VOXEL_SPACING[0] * VOXEL_SPACING[1] * VOXEL_SPACING[2]).toFixed(3)} mm³`);
  await expect(panel.getByTestId('seg-flags')).toHaveCount(0);
});
