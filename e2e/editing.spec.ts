import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openSample, pageAt, viewSettled, type Point, type Vec3 } from './helpers';

interface SeriesTruth {
  lesion: { diameters: Record<'lr' | 'ap' | 'si', { lengthMm: number; from: Vec3; to: Vec3 }> };
  vertebralBodyCentres: Record<string, Vec3>;
}
const truth = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../sample-dicom/ground-truth.json'), 'utf8')) as {
  timepoints: Record<'baseline' | 'followup', { series: Record<string, SeriesTruth> }>;
};
const baselineMr = truth.timepoints.baseline.series['baseline-mr']!;

interface StoredMeasurement {
  id: string;
  kind: string;
  studyInstanceUid: string;
  long?: Vec3[];
  points?: Vec3[];
}
interface Hooks {
  worldToPage(slot: number, world: Vec3): Point | null;
  measurements: { getState(): { state: { measurements: StoredMeasurement[] } } };
}
const hooks = (page: Page) => page.evaluateHandle(() => (window as unknown as { __spinelens: Hooks }).__spinelens);

async function storedMeasurements(page: Page): Promise<StoredMeasurement[]> {
  return (await hooks(page)).evaluate((h) => h.measurements.getState().state.measurements);
}

async function onPage(page: Page, slot: number, world: Vec3): Promise<Point> {
  await viewSettled(page, slot);
  const point = await (await hooks(page)).evaluate((h, [s, w]) => h.worldToPage(s, w), [slot, world] as const);
  if (!point) throw new Error(`viewport ${slot} is not ready`);
  return point;
}

async function drag(page: Page, from: Point, to: Point, button: 'left' | 'middle' | 'right' = 'left'): Promise<void> {
  await page.mouse.move(...from);
  await page.mouse.down({ button });
  await page.mouse.move(...to, { steps: 8 });
  await page.mouse.up({ button });
}

async function centreOf(page: Page, slot: number): Promise<Point> {
  const box = (await page.getByTestId(`viewport-${slot}`).boundingBox())!;
  return [box.x + box.width / 2, box.y + box.height / 2];
}

const items = (page: Page) => page.getByTestId('measurement-panel').getByTestId('measurement-item');

test('after the toolbar Zoom or Pan, Length and Bidirectional drags draw measurements', async ({ page }) => {
  await openSample(page);
  await page.keyboard.press('m');
  const [cx, cy] = await centreOf(page, 0);
  await page.getByTestId('tool-Zoom').click();
  await page.getByTestId('tool-Length').click();
  await drag(page, [cx - 60, cy - 60], [cx + 60, cy - 60]);
  await expect(items(page).and(page.locator('[data-kind="length"]'))).toHaveCount(1);
  await page.getByTestId('tool-Pan').click();
  await page.getByTestId('tool-Bidirectional').click();
  await drag(page, [cx - 50, cy + 30], [cx + 50, cy + 60]);
  await expect(items(page).and(page.locator('[data-kind="bidirectional"]'))).toHaveCount(1);
  // The same after the keys.
  await page.keyboard.press('z');
  await page.keyboard.press('l');
  await drag(page, [cx - 40, cy + 100], [cx + 40, cy + 100]);
  await expect(items(page).and(page.locator('[data-kind="length"]'))).toHaveCount(2);
});

test('a middle or right drag that starts on a measurement pans or zooms and leaves the measurement and its level alone', async ({ page }) => {
  await openSample(page);
  await page.keyboard.press('m');
  const panel = page.getByTestId('measurement-panel');
  await page.keyboard.press('v');
  await panel.getByTestId('next-vertebra').selectOption('C2');
  await page.mouse.click(...(await pageAt(page, 0, baselineMr.vertebralBodyCentres.C2!)));
  await expect(panel.getByTestId('next-vertebra')).toHaveValue('C3');
  await page.mouse.click(...(await onPage(page, 0, baselineMr.vertebralBodyCentres.C3!)));
  await expect(page.getByTestId('viewport-0').getByTestId('vertebra-label')).toHaveCount(2);

  await page.keyboard.press('b');
  const si = baselineMr.lesion.diameters.si;
  await drag(page, await onPage(page, 0, si.from), await onPage(page, 0, si.to));
  const item = items(page).and(page.locator('[data-kind="bidirectional"]'));
  await expect(item.getByTestId('measurement-level')).toHaveText('C2-3');
  const before = (await storedMeasurements(page))[0]!;

  // Middle drag from the end handle: the image pans by the drag, the measurement stays.
  const handle = await onPage(page, 0, si.to);
  await drag(page, handle, [handle[0] + 40, handle[1] + 90], 'middle');
  const moved = await onPage(page, 0, si.to);
  expect(Math.abs(moved[0] - handle[0] - 40)).toBeLessThan(3);
  expect(Math.abs(moved[1] - handle[1] - 90)).toBeLessThan(3);
  expect((await storedMeasurements(page))[0]!.long).toEqual(before.long);
  await expect(item.getByTestId('measurement-level')).toHaveText('C2-3');

  // Right drag from the start handle: the image zooms, the measurement stays.
  const startBefore = await onPage(page, 0, si.from);
  const endBefore = await onPage(page, 0, si.to);
  await drag(page, startBefore, [startBefore[0], startBefore[1] - 80], 'right');
  const startAfter = await onPage(page, 0, si.from);
  const endAfter = await onPage(page, 0, si.to);
  const span = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  expect(Math.abs(span(startAfter, endAfter) - span(startBefore, endBefore))).toBeGreaterThan(5);
  expect((await storedMeasurements(page))[0]!.long).toEqual(before.long);
  await expect(item.getByTestId('measurement-level')).toHaveText('C2-3');
});

test('Delete removes the measurement chosen with Show; Ctrl+Z brings back a deleted measurement and label, saved', async ({ page }) => {
  await openSample(page);
  await page.keyboard.press('m');
  const panel = page.getByTestId('measurement-panel');
  await page.keyboard.press('l');
  const [lx, ly] = await centreOf(page, 0);
  await drag(page, [lx - 60, ly - 80], [lx + 60, ly - 80]);
  await expect(items(page)).toHaveCount(1);
  const baselineValue = (await items(page).first().getByTestId('measurement-value').textContent())!;
  const [rx, ry] = await centreOf(page, 1);
  await drag(page, [rx - 20, ry + 60], [rx + 20, ry + 60]);
  await expect(items(page)).toHaveCount(2);
  const followupValue = (await items(page).last().getByTestId('measurement-value').textContent())!;
  expect(baselineValue).not.toEqual(followupValue);

  // "Show" the baseline one, then Delete: the baseline one goes, the follow-up one stays.
  await items(page).filter({ hasText: baselineValue }).locator('.measurement-jump').click();
  // The row Delete would remove is marked in the panel, and only that one.
  await expect(items(page).filter({ hasText: baselineValue })).toHaveAttribute('aria-current', 'true');
  await expect(items(page).filter({ hasText: followupValue })).not.toHaveAttribute('aria-current', 'true');
  await page.screenshot({ path: `${process.env.SPINELENS_SHOTS ?? test.info().outputPath('')}/measurement-selected.png` });
  await page.keyboard.press('Delete');
  await expect(items(page)).toHaveCount(1);
  await expect(items(page).getByTestId('measurement-value')).toHaveText(followupValue);
  await page.keyboard.press('Control+z');
  await expect(items(page)).toHaveCount(2);
  await expect(items(page).filter({ hasText: baselineValue })).toHaveCount(1);

  // The × of the panel, then Ctrl+Z.
  await items(page).filter({ hasText: followupValue }).getByTestId('measurement-delete').click();
  await expect(items(page)).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(items(page)).toHaveCount(2);
  await expect(items(page).filter({ hasText: followupValue })).toHaveCount(1);

  // A vertebral label removed by its chip comes back with Ctrl+Z.
  await page.keyboard.press('v');
  await panel.getByTestId('next-vertebra').selectOption('C2');
  await page.mouse.click(...(await pageAt(page, 0, baselineMr.vertebralBodyCentres.C2!)));
  const chip = panel.getByTestId('study-labels').getByRole('button', { name: 'C2 ×' });
  await expect(chip).toHaveCount(1);
  await chip.click();
  await expect(chip).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(chip).toHaveCount(1);

  await expect(panel.getByTestId('autosave-status')).toHaveText('Saved in this browser');
  await page.reload();
  await expect(page.getByTestId('measurements-toggle')).toHaveText('2 measurements', { timeout: 60_000 });
  await page.keyboard.press('m');
  await expect(chip).toHaveCount(1);
});

/** The lesion ids of the labelmaps saved in this browser's IndexedDB, read without the app. */
async function savedLabelmapLesions(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('spinelens-segmentations');
        open.onerror = () => reject(new Error('cannot open the segmentation database'));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('labelmaps')) return resolve([]);
          const all = db.transaction('labelmaps').objectStore('labelmaps').getAll();
          all.onsuccess = () => resolve((all.result as { lesionId: string }[]).map((r) => r.lesionId).sort());
          all.onerror = () => reject(new Error('cannot read the labelmaps'));
        };
      }),
  );
}

test('deleting a lesion asks first; Ctrl+Z brings back its name, level, site, notes, measurement and both segmentations', async ({ page }) => {
  const followupMr = truth.timepoints.followup.series['followup-mr']! as SeriesTruth & { lesion: { centroid: Vec3 } };
  const baselineCentroid = (baselineMr as SeriesTruth & { lesion: { centroid: Vec3 } }).lesion.centroid;
  await openSample(page);
  // Grow the lesion at baseline and at 3 months: both segmentations go to Lesion 1.
  await page.keyboard.press('k');
  const seg = page.getByTestId('segmentation-panel');
  await seg.getByTestId('seg-tool-SegmentSeed').click();
  await page.mouse.click(...(await pageAt(page, 0, baselineCentroid)));
  await expect.poll(async () => Number(await seg.getByTestId('seg-volume').getAttribute('data-ml')), { timeout: 30_000 }).toBeGreaterThan(1);
  await page.mouse.click(...(await pageAt(page, 1, followupMr.lesion.centroid)));
  await expect.poll(async () => (await savedLabelmapLesions(page)).length, { timeout: 30_000 }).toBe(2);
  const [lesionId] = await savedLabelmapLesions(page);

  // A length linked to it, and its name, level, site and notes typed in.
  await page.keyboard.press('m');
  const panel = page.getByTestId('measurement-panel');
  await page.keyboard.press('l');
  const [cx, cy] = await centreOf(page, 0);
  await drag(page, [cx - 60, cy - 90], [cx + 60, cy - 90]);
  await items(page).getByTestId('measurement-lesion').selectOption({ label: 'Lesion 1' });
  const card = panel.getByTestId('lesion-card');
  await expect(card).toHaveCount(1);
  await card.getByTestId('lesion-name').fill('Dens lesion');
  await card.getByTestId('lesion-level').fill('C2');
  await card.getByTestId('lesion-site').selectOption('epidural');
  await card.getByLabel('Notes').fill('biopsy proven');
  await expect(card.getByTestId('lesion-segmented')).toHaveCount(2);
  const segmentedText = await card.getByTestId('lesion-segmented').allTextContents();

  // × asks in the panel; Escape keeps the lesion.
  await card.getByTestId('lesion-delete').click();
  const dialog = panel.getByTestId('confirm-dialog');
  await expect(dialog).toContainText('Delete Dens lesion with its 1 measurement and segmentations of 2 series?');
  await page.screenshot({ path: test.info().outputPath('lesion-delete-confirm.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(card).toHaveCount(1);

  // Delete: the lesion, its link and both saved labelmaps go.
  await card.getByTestId('lesion-delete').click();
  await dialog.getByTestId('confirm-yes').click();
  await expect(card).toHaveCount(0);
  await expect(items(page).getByTestId('measurement-lesion')).toHaveValue('');
  await expect.poll(() => savedLabelmapLesions(page)).not.toContain(lesionId);

  // Ctrl+Z: all of it is back, under the same lesion.
  await page.keyboard.press('Control+z');
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('lesion-name')).toHaveValue('Dens lesion');
  await expect(card.getByTestId('lesion-level')).toHaveValue('C2');
  await expect(card.getByTestId('lesion-site')).toHaveValue('epidural');
  await expect(card.getByLabel('Notes')).toHaveValue('biopsy proven');
  await expect(card.getByTestId('measurement-item')).toHaveCount(1);
  await expect(card.getByTestId('lesion-segmented')).toHaveText(segmentedText);
  await expect.poll(() => savedLabelmapLesions(page)).toEqual([lesionId, lesionId]);
  await expect(panel.getByTestId('lesion-card')).toHaveCount(1);

  // Deleted again and reloaded: no lesion and no segmentation comes back, because no labelmap is saved.
  await card.getByTestId('lesion-delete').click();
  await dialog.getByTestId('confirm-yes').click();
  await expect(card).toHaveCount(0);
  await expect.poll(() => savedLabelmapLesions(page)).toEqual([]);
  await expect(panel.getByTestId('autosave-status')).toHaveText('Saved in this browser');
  await page.reload();
  await expect(page.getByTestId('measurements-toggle')).toHaveText('1 measurement', { timeout: 60_000 });
  await page.keyboard.press('m');
  await expect(items(page)).toHaveCount(1);
  await expect(panel.getByTestId('lesion-card')).toHaveCount(0);
  await page.keyboard.press('k');
  await expect(page.getByTestId('segmentation-panel').getByTestId('seg-volume')).toHaveCount(0);
  expect(await savedLabelmapLesions(page)).toEqual([]);
});

test('a measurement moved to another level says so in the panel, and the reader can keep the level seen', async ({ page }) => {
  await openSample(page);
  await page.keyboard.press('m');
  const panel = page.getByTestId('measurement-panel');
  await page.keyboard.press('v');
  await panel.getByTestId('next-vertebra').selectOption('C2');
  const centres = baselineMr.vertebralBodyCentres;
  await page.mouse.click(...(await pageAt(page, 0, centres.C2!)));
  for (const v of ['C3', 'C4', 'C5'] as const) {
    await expect(panel.getByTestId('next-vertebra')).toHaveValue(v);
    await page.mouse.click(...(await onPage(page, 0, centres[v]!)));
  }
  await expect(page.getByTestId('viewport-0').getByTestId('vertebra-label')).toHaveCount(4);

  // A short length between the C2 and C3 bodies: level C2-3.
  await page.keyboard.press('l');
  const c2 = await onPage(page, 0, centres.C2!);
  const c3 = await onPage(page, 0, centres.C3!);
  const mid: Point = [(c2[0] + c3[0]) / 2, (c2[1] + c3[1]) / 2];
  await drag(page, [mid[0] - 12, mid[1]], [mid[0] + 12, mid[1]]);
  const level = items(page).getByTestId('measurement-level');
  await expect(level).toHaveText('C2-3');

  // Dragged by its line onto the C4 body: the panel shows the change.
  const c4 = await onPage(page, 0, centres.C4!);
  await drag(page, [mid[0] + 4, mid[1]], [c4[0] + 4, c4[1]]);
  const notice = items(page).getByTestId('level-change');
  await expect(notice).toContainText('C2-3 → C4');
  await page.screenshot({ path: test.info().outputPath('level-change.png') });
  await notice.getByTestId('level-keep').click();
  await expect(notice).toHaveCount(0);
  await expect(level).toHaveText('C2-3');
  await expect(items(page).getByTestId('measurement-level-edit')).toHaveValue('C2-3');
});

test('an arrow text is typed in the panel, not a browser prompt; Escape cancels a pending text or vertebra labelling', async ({ page }) => {
  const browserDialogs: string[] = [];
  page.on('dialog', (dialog) => {
    browserDialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openSample(page);
  const [cx, cy] = await centreOf(page, 0);
  await page.keyboard.press('a');
  await drag(page, [cx - 70, cy - 70], [cx - 20, cy - 20]);
  const form = page.getByTestId('text-request');
  await expect(form).toBeVisible();
  await page.keyboard.type('dens lesion');
  await page.keyboard.press('Enter');
  await expect(form).toHaveCount(0);
  const arrows = items(page).and(page.locator('[data-kind="arrow"]'));
  await expect(arrows).toHaveCount(1);
  await expect(arrows).toContainText('dens lesion');

  // A second arrow, cancelled with Escape: nothing is added.
  await drag(page, [cx + 20, cy + 20], [cx + 70, cy + 70]);
  await expect(form).toBeVisible();
  await page.keyboard.type('not this');
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
  await expect(arrows).toHaveCount(1);

  // Escape leaves vertebra labelling: the next click labels nothing.
  await page.keyboard.press('v');
  await expect(page.getByTestId('tool-VertebraLabel')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('tool-WindowLevel')).toHaveAttribute('aria-pressed', 'true');
  await page.mouse.click(cx, cy + 40);
  await expect(page.getByTestId('viewport-0').getByTestId('vertebra-label')).toHaveCount(0);
  expect(browserDialogs).toEqual([]);
});

test('each study labels from the level picked for it, not from where the other study stopped', async ({ page }) => {
  const followupCentres = truth.timepoints.followup.series['followup-mr']!.vertebralBodyCentres;
  await openSample(page);
  await page.keyboard.press('m');
  const panel = page.getByTestId('measurement-panel');
  const next = panel.getByTestId('next-vertebra');
  await page.keyboard.press('v');
  await next.selectOption('C2');
  await page.mouse.click(...(await pageAt(page, 0, baselineMr.vertebralBodyCentres.C2!)));
  await page.mouse.click(...(await onPage(page, 0, baselineMr.vertebralBodyCentres.C3!)));
  await expect(next).toHaveValue('C4');
  // The follow-up starts at C2 (its own sequence), and its first click labels C2.
  await page.mouse.click(...(await pageAt(page, 1, followupCentres.C2!)));
  await expect(next).toHaveValue('C3');
  const rows = panel.getByTestId('study-labels');
  await expect(rows.nth(1)).toContainText('C2');
  await expect(rows.nth(1)).not.toContainText('C4');
  // Back in the baseline, its sequence went on where it stopped.
  await page.mouse.click(...(await pageAt(page, 0, baselineMr.vertebralBodyCentres.C4!)));
  await expect(rows.first()).toContainText(/C2.*C3.*C4/);
});

test('Escape during a Length drag drops the half-drawn measurement; the next drag draws one', async ({ page }) => {
  await openSample(page);
  await page.keyboard.press('m');
  const [cx, cy] = await centreOf(page, 0);
  await page.keyboard.press('l');
  await page.mouse.move(cx - 50, cy);
  await page.mouse.down();
  await page.mouse.move(cx + 50, cy, { steps: 8 });
  await page.keyboard.press('Escape');
  await page.mouse.up();
  await page.waitForTimeout(300);
  expect(await storedMeasurements(page)).toHaveLength(0);
  await expect(items(page)).toHaveCount(0);
  await page.keyboard.press('l');
  await drag(page, [cx - 50, cy + 20], [cx + 50, cy + 20]);
  await expect(items(page).and(page.locator('[data-kind="length"]'))).toHaveCount(1);
});
