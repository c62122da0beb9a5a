import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

type Vec3 = [number, number, number];
interface SeriesTruth {
  lesion: { diameters: Record<'lr' | 'ap' | 'si', { lengthMm: number; from: Vec3; to: Vec3 }> };
  vertebralBodyCentres: Record<string, Vec3>;
}
const truth = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../sample-dicom/ground-truth.json'), 'utf8')) as {
  timepoints: { baseline: { series: Record<string, SeriesTruth> } };
};
const baselineMr = truth.timepoints.baseline.series['baseline-mr']!;

interface Hooks {
  worldToPage(slot: number, world: Vec3): [number, number] | null;
  pageToWorld(slot: number, page: [number, number]): Vec3 | null;
}

async function toPage(page: Page, world: Vec3): Promise<[number, number]> {
  const point = await page.evaluate((w) => (window as unknown as { __spinelens: Hooks }).__spinelens.worldToPage(0, w), world);
  if (!point) throw new Error('viewport 0 is not ready');
  return point;
}

async function worldDistance(page: Page, a: [number, number], b: [number, number]): Promise<number> {
  return page.evaluate(
    ([p, q]) => {
      const hooks = (window as unknown as { __spinelens: Hooks }).__spinelens;
      const u = hooks.pageToWorld(0, p)!;
      const v = hooks.pageToWorld(0, q)!;
      return Math.hypot(u[0] - v[0], u[1] - v[1], u[2] - v[2]);
    },
    [a, b] as const,
  );
}

test('label C2 and C3, measure the lesion, and it is a C2-3 lesion with mm values that survive a reload', async ({ page }) => {
  await page.goto('/');
  const viewport = page.getByTestId('viewport-0');
  await expect(viewport.getByTestId('overlay-slice')).toBeVisible({ timeout: 60_000 });
  await page.keyboard.press('m');
  const panel = page.getByTestId('measurement-panel');
  await expect(panel).toBeVisible();

  // Label C2 then C3 on the baseline sagittal MR: one click each, the tool moves to the level below.
  await page.keyboard.press('v');
  await panel.getByTestId('next-vertebra').selectOption('C2');
  await page.mouse.click(...(await toPage(page, baselineMr.vertebralBodyCentres.C2!)));
  await expect(panel.getByTestId('next-vertebra')).toHaveValue('C3');
  await page.mouse.click(...(await toPage(page, baselineMr.vertebralBodyCentres.C3!)));
  await expect(viewport.getByTestId('vertebra-label')).toHaveCount(2);
  await expect(panel.getByTestId('study-labels')).toContainText('C2');
  await expect(panel.getByTestId('study-labels')).toContainText('C3');

  // A bidirectional along the lesion's craniocaudal diameter.
  await page.keyboard.press('b');
  const si = baselineMr.lesion.diameters.si;
  const from = await toPage(page, si.from);
  const to = await toPage(page, si.to);
  const expected = await worldDistance(page, from, to);
  expect(Math.abs(expected - si.lengthMm)).toBeLessThan(1);
  await page.mouse.move(...from);
  await page.mouse.down();
  await page.mouse.move(...to, { steps: 8 });
  await page.mouse.up();

  const item = panel.getByTestId('measurement-item').and(page.locator('[data-kind="bidirectional"]'));
  await expect(item).toHaveCount(1);
  await expect(item.getByTestId('measurement-level')).toHaveText('C2-3');
  const value = (await item.getByTestId('measurement-value').textContent()) ?? '';
  const long = Number(/^([\d.]+) ×/.exec(value)?.[1]);
  expect(Math.abs(long - expected)).toBeLessThanOrEqual(0.1);

  // Make it a lesion: it takes its level from the labels.
  await item.getByTestId('measurement-lesion').selectOption('__new');
  const card = panel.getByTestId('lesion-card');
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('lesion-level')).toHaveValue('C2-3');
  await card.getByTestId('lesion-site').selectOption('epidural');
  await expect(panel.getByTestId('autosave-status')).toHaveText('Saved in this browser');
  await page.screenshot({ path: `${process.env.SPINELENS_SHOTS ?? 'test-results'}/lesion-panel.png` });

  await page.reload();
  await expect(viewport.getByTestId('overlay-slice')).toBeVisible({ timeout: 60_000 });
  await page.keyboard.press('m');
  await expect(panel.getByTestId('lesion-card')).toHaveCount(1);
  await expect(card.getByTestId('lesion-level')).toHaveValue('C2-3');
  await expect(card.getByTestId('lesion-site')).toHaveValue('epidural');
  await expect(card.getByTestId('measurement-value')).toHaveText(value);
  await expect(viewport.getByTestId('vertebra-label')).toHaveCount(2);
});
