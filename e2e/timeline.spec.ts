import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';

type Point = [number, number];
interface Measurement {
  id: string;
  kind: string;
  studyInstanceUid: string;
  seriesKey: string;
  frameOfReferenceUid: string;
}
interface Store {
  state: { measurements: Measurement[]; lesions: { id: string; status: string }[] };
  createLesionFromMeasurement(id: string, name?: string): string | null;
  assignMeasurement(id: string, lesionId: string | null): void;
  upsertMeasurement(m: unknown): void;
  upsertSegmentationSummary(s: unknown): void;
}
interface Hooks {
  pageToWorld(slot: number, page: Point): number[] | null;
  measurements: { getState(): Store };
}

const truth = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../sample-dicom/ground-truth.json'), 'utf8')) as {
  timepoints: Record<'baseline' | 'followup', { studyInstanceUID: string; lesion: { volumeMm3: number } }>;
};
const BASELINE = truth.timepoints.baseline.studyInstanceUID;
const FOLLOWUP = truth.timepoints.followup.studyInstanceUID;

async function drag(page: Page, from: Point, to: Point): Promise<void> {
  await page.mouse.move(...from);
  await page.mouse.down();
  await page.mouse.move(...to, { steps: 8 });
  await page.mouse.up();
}

async function worldDistance(page: Page, slot: number, from: Point, to: Point): Promise<number> {
  return page.evaluate(
    ([s, a, b]) => {
      const hooks = (window as unknown as { __spinelens: Hooks }).__spinelens;
      const p = hooks.pageToWorld(s, a)!;
      const q = hooks.pageToWorld(s, b)!;
      return Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!);
    },
    [slot, from, to] as [number, Point, Point],
  );
}

/** Draws a horizontal length of `px` pixels in the middle of a viewport; returns its length in mm. */
async function drawLength(page: Page, slot: number, px: number): Promise<number> {
  const box = (await page.getByTestId(`viewport-${slot}`).boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2 - 60;
  const from: Point = [cx - px / 2, cy];
  const to: Point = [cx + px / 2, cy];
  const mm = await worldDistance(page, slot, from, to);
  await drag(page, from, to);
  return mm;
}

test('timeline: one lesion at two timepoints with change, response and a chart', async ({ page }) => {
  await page.goto('/');
  for (const slot of [0, 1]) await expect(page.getByTestId(`viewport-${slot}`).getByTestId('overlay-slice')).toBeVisible({ timeout: 60_000 });

  await page.keyboard.press('l');
  const baselineMm = await drawLength(page, 0, 120);
  const followupMm = await drawLength(page, 1, 116);
  expect(Math.abs(followupMm - baselineMm)).toBeLessThan(2);

  await expect.poll(() => page.evaluate(() => (window as unknown as { __spinelens: Hooks }).__spinelens.measurements.getState().state.measurements.length)).toBe(2);

  // Link both lengths to one lesion and add the ground-truth segmented volumes.
  await page.evaluate(
    ({ baseline, followup, volumes }) => {
      const hooks = () => (window as unknown as { __spinelens: Hooks }).__spinelens;
      const store = hooks().measurements.getState();
      const [first, second] = store.state.measurements;
      const atBaseline = [first!, second!].find((m) => m.studyInstanceUid === baseline)!;
      const atFollowup = [first!, second!].find((m) => m.studyInstanceUid === followup)!;
      const lesionId = store.createLesionFromMeasurement(atBaseline.id, 'C2-3 posterior mass')!;
      hooks().measurements.getState().assignMeasurement(atFollowup.id, lesionId);
      for (const [m, volumeMm3] of [[atBaseline, volumes[0]], [atFollowup, volumes[1]]] as const) {
        hooks().measurements.getState().upsertSegmentationSummary({
          lesionId,
          studyInstanceUid: m.studyInstanceUid,
          seriesKey: m.seriesKey,
          volumeMm3,
          voxelCount: 1000,
          voxelVolumeMm3: volumeMm3 / 1000,
          longestDiameterMm: 30,
          perpendicularDiameterMm: 20,
        });
      }
    },
    { baseline: BASELINE, followup: FOLLOWUP, volumes: [8242, 2473] as [number, number] },
  );

  await page.keyboard.press('t');
  const panel = page.getByTestId('timeline-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('timepoints')).toContainText('Baseline');
  await expect(panel.getByTestId('timepoints')).toContainText('+3 mo');

  const lesion = panel.getByTestId('lesion-timeline').filter({ hasText: 'C2-3 posterior mass' });
  const volumes = lesion.getByTestId('timeline-table-segmentedVolume');
  await expect(volumes).toContainText('8.2 mL');
  await expect(volumes).toContainText('2.5 mL');
  await expect(volumes.getByTestId('change-percent').first()).toHaveText('\u221270.0%');

  // Volumetric: −70.0% reaches the −65% threshold (PR); RECIST: the diameters differ by < 2 mm (SD, within variability).
  const patient = panel.getByTestId('patient-response');
  const volumetric = patient.getByTestId('response-list').filter({ hasText: 'Volumetric' });
  await expect(volumetric.getByTestId('response-category')).toHaveText('PR');
  await expect(volumetric.getByTestId('response-rule')).toContainText('\u221270.0% from baseline');
  await expect(volumetric.getByTestId('response-rule')).toContainText('threshold \u221265%');
  await expect(lesion.getByTestId('response-list').filter({ hasText: 'Volumetric' }).getByTestId('response-category')).toHaveText('PR');
  const recist = lesion.getByTestId('response-list').filter({ hasText: 'RECIST' });
  await expect(recist.getByTestId('response-category')).toHaveText('SD');
  await expect(recist.getByTestId('response-within-variability')).toBeVisible();
  await expect(lesion.getByTestId('timeline-table-longestDiameter').getByTestId('within-variability').first()).toBeVisible();

  // A second lesion measured only at baseline: not measured at +3 mo, can be marked resolved.
  await page.evaluate((baseline) => {
    const hooks = () => (window as unknown as { __spinelens: Hooks }).__spinelens;
    const atBaseline = hooks().measurements.getState().state.measurements.find((m) => m.studyInstanceUid === baseline)!;
    hooks().measurements.getState().upsertMeasurement({
      ...atBaseline,
      id: 'e2e-baseline-only',
      kind: 'length',
      points: [
        [0, -10, -20],
        [6, -10, -20],
      ],
      createdAt: new Date().toISOString(),
      label: '',
      lesionId: undefined,
    });
    hooks().measurements.getState().createLesionFromMeasurement('e2e-baseline-only', 'C4 body');
  }, BASELINE);
  const other = panel.getByTestId('lesion-timeline').filter({ hasText: 'C4 body' });
  await expect(other.getByTestId('not-measured')).toHaveText(/Not measured at \+3 mo/);
  await other.getByTestId('mark-resolved').click();
  await expect(other.getByTestId('not-measured')).toHaveCount(0);
  await expect(other).toContainText('Resolved');

  // The chart is drawn (not blank) and the panel stays beside the viewports.
  const canvas = lesion.getByTestId('lesion-chart').locator('canvas');
  await expect(canvas).toBeVisible();
  const shot = await canvas.screenshot({ path: `${process.env.SPINELENS_SHOTS ?? test.info().outputPath('')}/timeline-chart.png` });
  const png = PNG.sync.read(shot);
  const colours = new Set<number>();
  for (let i = 0; i < png.width * png.height; i++) colours.add((png.data[i * 4]! << 16) | (png.data[i * 4 + 1]! << 8) | png.data[i * 4 + 2]!);
  expect(colours.size).toBeGreaterThan(10);
  const panelBox = (await page.locator('.right-panel').boundingBox())!;
  const chartBox = (await canvas.boundingBox())!;
  const viewportBox = (await page.locator('main.viewport-grid').boundingBox())!;
  expect(viewportBox.x + viewportBox.width).toBeLessThanOrEqual(panelBox.x + 1);
  expect(chartBox.x + chartBox.width).toBeLessThanOrEqual(panelBox.x + panelBox.width + 1);
  await page.screenshot({ path: `${process.env.SPINELENS_SHOTS ?? test.info().outputPath('')}/timeline-panel.png` });
});
