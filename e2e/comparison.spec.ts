import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

type Vec3 = [number, number, number];
interface Camera {
  focalPoint: Vec3;
  viewPlaneNormal: Vec3;
  parallelScale: number;
}
interface Hooks {
  viewportInfo(slot: number): { camera: Camera } | null;
  measurements: { getState(): { upsertLabel(label: unknown): void; state: { alignment?: { pairCount: number; translation: Vec3 }[] } } };
}
interface SeriesTruth {
  frameOfReferenceUID: string;
  vertebralBodyCentres: Record<string, Vec3>;
}

const truth = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../sample-dicom/ground-truth.json'), 'utf8')) as {
  followupPatientTransform: { matrix4x4RowMajor: number[] };
  timepoints: Record<'baseline' | 'followup', { studyInstanceUID: string; series: Record<string, SeriesTruth> }>;
};

/** p_followup = R·p_baseline + t (ground truth of the sample). */
function toFollowup(p: Vec3): Vec3 {
  const m = truth.followupPatientTransform.matrix4x4RowMajor;
  return [0, 1, 2].map((r) => m[r * 4]! * p[0] + m[r * 4 + 1]! * p[1] + m[r * 4 + 2]! * p[2] + m[r * 4 + 3]!) as Vec3;
}

function labels(): unknown[] {
  const seriesOf = { baseline: 'baseline-mr', followup: 'followup-mr' } as const;
  return (['baseline', 'followup'] as const).flatMap((tp) => {
    const timepoint = truth.timepoints[tp];
    const series = timepoint.series[seriesOf[tp]]!;
    return (['C2', 'C3'] as const).map((vertebra) => ({
      id: `e2e-${tp}-${vertebra}`,
      vertebra,
      position: series.vertebralBodyCentres[vertebra],
      studyInstanceUid: timepoint.studyInstanceUID,
      frameOfReferenceUid: series.frameOfReferenceUID,
    }));
  });
}

async function camera(page: Page, slot: number): Promise<Camera> {
  const info = await page.evaluate((s) => (window as unknown as { __spinelens: Hooks }).__spinelens.viewportInfo(s), slot);
  return info!.camera;
}

/** Signed distance along the left viewport's normal between the right focal point and the left one mapped by the ground truth. */
async function normalMismatchMm(page: Page): Promise<number> {
  const left = await camera(page, 0);
  const right = await camera(page, 1);
  const expected = toFollowup(left.focalPoint);
  const n = left.viewPlaneNormal;
  return [0, 1, 2].reduce((s, i) => s + (right.focalPoint[i]! - expected[i]!) * n[i]!, 0);
}

test('compare keeps the follow-up at the same anatomical level as the baseline, aligned by vertebral labels', async ({ page }) => {
  await page.goto('/');
  for (const slot of [0, 1]) await expect(page.getByTestId(`viewport-${slot}`).getByTestId('overlay-slice')).toBeVisible({ timeout: 60_000 });

  await page.keyboard.press('c');
  const status = page.getByTestId('alignment-status');
  await expect(status).toHaveText('Not aligned: place labels in both studies');
  await expect(page.getByTestId('compare-button')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('viewport-0').getByText('MPR sagittal')).toBeVisible();
  await expect(page.getByTestId('viewport-1').getByText('MPR sagittal')).toBeVisible();

  await page.evaluate((all) => {
    const store = (window as unknown as { __spinelens: Hooks }).__spinelens.measurements.getState();
    for (const label of all) store.upsertLabel(label);
  }, labels());
  await expect(status).toHaveText('Aligned by C2, C3 labels (residual 0.5 mm)');

  // The alignment is in the autosaved state.
  const saved = await page.evaluate(() => (window as unknown as { __spinelens: Hooks }).__spinelens.measurements.getState().state.alignment);
  expect(saved).toHaveLength(1);
  expect(saved![0]!.pairCount).toBe(2);
  expect(saved![0]!.translation[0]).toBeCloseTo(3, 3);

  // Aligning moves the right viewport to the left one's level.
  await expect.poll(async () => Math.abs(await normalMismatchMm(page)), { timeout: 10_000 }).toBeLessThan(2);

  // Scroll the left viewport: the right one follows to the same level.
  const before = await camera(page, 0);
  await page.getByTestId('viewport-0').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  const after = await camera(page, 0);
  const moved = [0, 1, 2].reduce((s, i) => s + (after.focalPoint[i]! - before.focalPoint[i]!) * before.viewPlaneNormal[i]!, 0);
  expect(Math.abs(moved)).toBeGreaterThan(5);
  const mismatch = await normalMismatchMm(page);
  console.log(`left moved ${moved.toFixed(2)} mm along the normal; right is ${mismatch.toFixed(2)} mm from the ground-truth level`);
  expect(Math.abs(mismatch)).toBeLessThan(2);

  // Zoom follows.
  await page.keyboard.press('+');
  await expect.poll(async () => (await camera(page, 1)).parallelScale).toBeCloseTo((await camera(page, 0)).parallelScale, 3);

  // Scrolling the right viewport moves the left one back through the inverse alignment.
  await page.getByTestId('viewport-1').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
  expect(Math.abs(await normalMismatchMm(page))).toBeLessThan(2);

  await page.screenshot({ path: `${process.env.SPINELENS_SHOTS ?? test.info().outputPath('')}/comparison.png` });

  // A manual offset from the current positions replaces the labels until "Use labels".
  await page.getByTestId('manual-offset-toggle').click();
  await page.getByRole('button', { name: 'Set offset from current positions' }).click();
  await expect(status).toHaveText(/^Manual offset \(3\.0, /);
  await page.getByRole('button', { name: 'Use labels' }).click();
  await expect(status).toHaveText('Aligned by C2, C3 labels (residual 0.5 mm)');

  // Pressed again, comparison stops.
  await page.keyboard.press('c');
  await expect(page.getByTestId('comparison-bar')).toHaveCount(0);
});
