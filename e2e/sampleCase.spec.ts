import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { viewportPixelStats } from './helpers';

const truth = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../sample-dicom/ground-truth.json'), 'utf8')) as {
  timepoints: Record<string, { studyDate: string }>;
};

test('the viewer opens on the sample case: baseline beside follow-up, sagittal', async ({ page }) => {
  await page.goto('/');
  const left = page.getByTestId('viewport-0');
  const right = page.getByTestId('viewport-1');
  await expect(left.getByTestId('overlay-slice')).toBeVisible({ timeout: 60_000 });
  await expect(right.getByTestId('overlay-slice')).toBeVisible({ timeout: 60_000 });

  // Three series in two studies, in date order.
  await expect(page.getByTestId('series-item')).toHaveCount(3);
  await expect(page.getByTestId('study-browser')).toContainText('2026-01-05');
  await expect(page.getByTestId('study-browser')).toContainText('2026-04-06');
  expect(truth.timepoints.baseline?.studyDate).toBe('20260105');

  // Baseline MR on the left, the 3-month MR on the right, both sagittal with S up and A left.
  await expect(left.getByTestId('overlay-patient')).toHaveText('PHANTOM, CSPINE');
  await expect(left).toContainText('2026-01-05');
  await expect(right).toContainText('2026-04-06');
  for (const viewport of [left, right]) {
    await expect(viewport).toContainText('MPR sagittal');
    await expect(viewport.getByTestId('marker-top')).toHaveText('S');
    await expect(viewport.getByTestId('marker-left')).toHaveText('A');
  }
  await expect(page.getByTestId('import-problem')).toHaveCount(0);
  // Real anatomy on screen, not a black canvas.
  for (const slot of [0, 1]) {
    const stats = await viewportPixelStats(page, slot);
    expect(stats.sd).toBeGreaterThan(15);
    expect(stats.distinct).toBeGreaterThan(60);
  }
  await page.screenshot({ path: `${process.env.SPINELENS_SHOTS ?? 'test-results'}/sample-case.png` });

  // Baseline CT beside baseline MR, both sagittal: the lesion at C2-3 on both modalities.
  await page.getByTestId('series-item').filter({ hasText: 'C-SPINE AXIAL' }).click();
  await expect(left).toContainText('CT · MPR sagittal');
  await expect(left.getByTestId('overlay-slice')).toHaveText(/^Slice \d+\/256$/);
  await page.keyboard.press('2');
  await expect(left.getByTestId('overlay-wl')).toHaveText('W 2000 L 500');
  await right.click({ position: { x: 5, y: 5 } });
  await page.getByTestId('series-item').filter({ hasText: 'SAG T2' }).first().click();
  await expect(right).toContainText('2026-01-05');
  expect((await viewportPixelStats(page, 0)).sd).toBeGreaterThan(15);
  await page.screenshot({ path: `${process.env.SPINELENS_SHOTS ?? 'test-results'}/sample-ct-mr.png` });
});
