import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { pageAt, worldDistance, type Vec3 } from './helpers';

interface SeriesTruth {
  lesion: { diameters: Record<'lr' | 'ap' | 'si', { lengthMm: number; from: Vec3; to: Vec3 }> };
  vertebralBodyCentres: Record<string, Vec3>;
}
const truth = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../sample-dicom/ground-truth.json'), 'utf8')) as {
  timepoints: { baseline: { series: Record<string, SeriesTruth>; lesion: { ellipsoidFromDiametersMl: number } } };
};
const baselineMr = truth.timepoints.baseline.series['baseline-mr']!;

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
  await page.mouse.click(...(await pageAt(page, 0, baselineMr.vertebralBodyCentres.C2!)));
  await expect(panel.getByTestId('next-vertebra')).toHaveValue('C3');
  await page.mouse.click(...(await pageAt(page, 0, baselineMr.vertebralBodyCentres.C3!)));
  await expect(viewport.getByTestId('vertebra-label')).toHaveCount(2);
  await expect(panel.getByTestId('study-labels')).toContainText('C2');
  await expect(panel.getByTestId('study-labels')).toContainText('C3');

  // A bidirectional along the lesion's craniocaudal diameter.
  await page.keyboard.press('b');
  const si = baselineMr.lesion.diameters.si;
  const from = await pageAt(page, 0, si.from);
  const to = await pageAt(page, 0, si.to);
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

  // The reader can give the measurement another level, and go back to the labels' one.
  await item.getByTestId('measurement-level-edit').fill('C3');
  await expect(item.getByTestId('measurement-level')).toHaveText('C3');
  await item.getByTestId('measurement-level-edit').fill('');
  await expect(item.getByTestId('measurement-level')).toHaveText('C2-3');

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

const baselineCt = truth.timepoints.baseline.series['baseline-ct']!;

async function dragLine(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  await page.mouse.move(...from);
  await page.mouse.down();
  await page.mouse.move(...to, { steps: 8 });
  await page.mouse.up();
}

test('three lengths with assigned axes give the ellipsoid volume of the ground truth; undo and redo', async ({ page }) => {
  await page.goto('/');
  const left = page.getByTestId('viewport-0');
  const right = page.getByTestId('viewport-1');
  await expect(left.getByTestId('overlay-slice')).toBeVisible({ timeout: 60_000 });
  await page.keyboard.press('m');
  const panel = page.getByTestId('measurement-panel');
  // Baseline CT, axial, on the right.
  await right.click({ position: { x: 5, y: 5 } });
  await page.getByTestId('series-item').filter({ hasText: 'C-SPINE AXIAL' }).click();
  await page.keyboard.press('Alt+2');
  await expect(right).toContainText('CT · MPR axial');
  await expect(right.getByTestId('marker-left')).toHaveText('R');

  await page.keyboard.press('l');
  const d = baselineCt.lesion.diameters;
  // Transverse and AP on the axial CT, each on the slice through it; craniocaudal on the sagittal MR.
  for (const [axis, slot, diameter] of [
    ['transverse', 1, d.lr],
    ['ap', 1, d.ap],
    ['cc', 0, baselineMr.lesion.diameters.si],
  ] as const) {
    await page.evaluate(([s, w]) => (window as unknown as { __spinelens: { jumpToWorld(s: number, w: Vec3): boolean } }).__spinelens.jumpToWorld(s, w), [slot, diameter.from] as const);
    const before = await panel.getByTestId('measurement-item').count();
    await dragLine(page, await pageAt(page, slot, diameter.from), await pageAt(page, slot, diameter.to));
    await expect(panel.getByTestId('measurement-item')).toHaveCount(before + 1);
    const item = panel.getByTestId('measurement-item').last();
    const mm = Number(/^([\d.]+) mm$/.exec((await item.getByTestId('measurement-value').textContent()) ?? '')?.[1]);
    expect(Math.abs(mm - diameter.lengthMm), `${axis}: ${mm} vs ${diameter.lengthMm}`).toBeLessThan(0.6);
    await item.getByTestId('measurement-axis').selectOption(axis);
    if (before === 0) await item.getByTestId('measurement-lesion').selectOption('__new');
    else await item.getByTestId('measurement-lesion').selectOption({ label: 'Lesion 1' });
  }
  // π/6 · transverse · AP · CC, as ground-truth.json computes it from the true diameters.
  const ellipsoid = panel.getByTestId('lesion-ellipsoid');
  await expect(ellipsoid).toContainText('(T × AP × CC)');
  const text = (await ellipsoid.textContent()) ?? '';
  const [, t, ap, cc, ml] = /([\d.]+) × ([\d.]+) × ([\d.]+) mm \(T × AP × CC\), ellipsoid ([\d.]+) mL/.exec(text)!.map(Number);
  expect(Math.abs(t! - d.lr.lengthMm)).toBeLessThan(0.6);
  expect(Math.abs(ap! - d.ap.lengthMm)).toBeLessThan(0.6);
  expect(Math.abs(cc! - baselineMr.lesion.diameters.si.lengthMm)).toBeLessThan(0.6);
  // The volume shown is π/6 · T · AP · CC of the diameters shown (to display rounding) ...
  expect(Math.abs(ml! - (Math.PI / 6) * t! * ap! * cc! / 1000)).toBeLessThan(0.06);
  // ... and within 3% of the ellipsoid of the true diameters (8.531 mL in ground-truth.json).
  expect(Math.abs(ml! - truth.timepoints.baseline.lesion.ellipsoidFromDiametersMl) / truth.timepoints.baseline.lesion.ellipsoidFromDiametersMl).toBeLessThan(0.03);

  // Undo removes the last drawing (and its measurement); redo brings it back.
  await page.keyboard.press('l');
  await right.click({ position: { x: 5, y: 5 } });
  const count = await panel.getByTestId('measurement-item').count();
  const box = (await right.boundingBox())!;
  await dragLine(page, [box.x + 60, box.y + 60], [box.x + 160, box.y + 60]);
  await expect(panel.getByTestId('measurement-item')).toHaveCount(count + 1);
  await page.keyboard.press('Control+z');
  await expect(panel.getByTestId('measurement-item')).toHaveCount(count);
  await page.keyboard.press('Control+y');
  await expect(panel.getByTestId('measurement-item')).toHaveCount(count + 1);
});
