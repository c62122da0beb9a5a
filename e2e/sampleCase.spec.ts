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
  await page.screenshot({ path: 'test-results/sample-case.png' });
});
