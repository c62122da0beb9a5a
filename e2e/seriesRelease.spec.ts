import path from 'node:path';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { SpineLensTestHooks } from '../src/testing/install';
import { filesIn, loadFiles, openEmpty, openSample, pageAt, showSeries, type Vec3 } from './helpers';
import { referencePixels } from './referencePixels';

const SAMPLE = path.resolve(import.meta.dirname, '../sample-dicom');
const truth = JSON.parse(readFileSync(path.join(SAMPLE, 'ground-truth.json'), 'utf8')) as {
  timepoints: Record<'baseline' | 'followup', { studyDescription: string; series: Record<string, { seriesDescription: string; images: number; grid: { columns: number; pixelSpacing: [number, number]; sliceSpacing: number; firstImagePosition: Vec3 } }> }>;
};
const { baseline } = truth.timepoints;
const ct = baseline.series['baseline-ct']!;
const mr = baseline.series['baseline-mr']!;
const baselineFiles = [...filesIn(path.join(SAMPLE, 'baseline/ct')), ...filesIn(path.join(SAMPLE, 'baseline/mr'))];
const followupFiles = filesIn(path.join(SAMPLE, 'followup/mr'));

type Memory = SpineLensTestHooks['memory'];
type Footprint = ReturnType<Memory['footprint']>;

const footprint = (page: Page, match: Parameters<Memory['footprint']>[0]): Promise<Footprint> => page.evaluate((m) => window.__spinelens!.memory.footprint(m), match);
const cachedOf = (page: Page, imageIds: string[]) =>
  page.evaluate(async (ids) => {
    await window.__spinelens!.memory.settled();
    return window.__spinelens!.memory.cachedOf(ids);
  }, imageIds);
const held = (page: Page) => page.evaluate(() => window.__spinelens!.memory.annotationsHeld());
const registeredBytes = (page: Page, sops: string[]) => page.evaluate((uids) => window.__spinelens!.memory.bytesHeld(uids), sops);
const slotStudy = (page: Page, slot: number) =>
  page.evaluate((s) => {
    const { slots, patients } = window.__spinelens!.store.getState();
    const key = slots[s]?.seriesKey;
    return patients.flatMap((p) => p.studies).find((st) => st.series.some((se) => se.key === key))?.studyInstanceUid ?? null;
  }, slot);

/** Draws a Length by key and mouse across the middle of a viewport; returns the UID of the new annotation. */
async function drawLength(page: Page, slot: number): Promise<string> {
  const before = new Set((await held(page)).map((a) => a.uid));
  const box = (await page.getByTestId(`viewport-${slot}`).boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2 + 30];
  await page.getByTestId(`viewport-${slot}`).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('l');
  await page.mouse.move(x - 40, y);
  await page.mouse.down();
  await page.mouse.move(x + 40, y, { steps: 8 });
  await page.mouse.up();
  let uid = '';
  await expect.poll(async () => (uid = (await held(page)).map((a) => a.uid).find((u) => !before.has(u)) ?? '')).not.toBe('');
  return uid;
}

/** The CT value shown under the mouse at the centre of pixel (column, row) of slice `slice`, and the value in the file. */
async function ctValueAt(page: Page, column: number, row: number, slice: number): Promise<{ shown: number; file: number }> {
  const [x0, y0, z0] = ct.grid.firstImagePosition;
  const [rowSpacing, columnSpacing] = ct.grid.pixelSpacing;
  // Axial, IOP (1,0,0)/(0,1,0), slices going down in z (ground truth: first z 45, last z -45).
  const world: Vec3 = [x0 + column * columnSpacing, y0 + row * rowSpacing, z0 - slice * ct.grid.sliceSpacing];
  const point = await pageAt(page, 0, world);
  await page.mouse.move(...point);
  const pixel = page.getByTestId('viewport-0').getByTestId('overlay-pixel');
  await expect(pixel).toHaveText(/^Value -?\d+ HU$/);
  const shown = Number(/^Value (-?\d+) HU$/.exec((await pixel.textContent()) ?? '')?.[1]);
  const file = referencePixels(path.join(SAMPLE, `baseline/ct/IM${String(slice + 1).padStart(4, '0')}.dcm`), 0, true)[row * ct.grid.columns + column]!;
  return { shown, file };
}

test('closing a study: its drawings leave Cornerstone’s annotation state and its images and volumes the cache; the other study keeps its own; reopening draws them again', async ({ page }) => {
  await openSample(page);
  const baselineUid = await slotStudy(page, 0);
  const followupUid = await slotStudy(page, 1);
  expect(baselineUid).not.toBeNull();
  expect(followupUid).not.toBe(baselineUid);
  const closedDrawing = await drawLength(page, 0);
  const keptDrawing = await drawLength(page, 1);
  const closing = await footprint(page, { studyInstanceUid: baselineUid! });
  const kept = await footprint(page, { studyInstanceUid: followupUid! });
  const before = await cachedOf(page, closing.imageIds);
  expect(before.images.length + before.volumes.length).toBeGreaterThan(0);

  await page.getByRole('button', { name: new RegExp(`Close study .*${baseline.studyDescription}`) }).click();
  await expect(page.getByRole('button', { name: new RegExp(`Close study .*${baseline.studyDescription}`) })).toHaveCount(0);

  const after = await cachedOf(page, closing.imageIds);
  expect(after).toEqual({ images: [], volumes: [] });
  const annotations = await held(page);
  const closedIds = new Set(closing.imageIds);
  expect(annotations.map((a) => a.uid)).not.toContain(closedDrawing);
  expect(annotations.filter((a) => (a.imageId !== null && closedIds.has(a.imageId)) || before.volumes.includes(a.volumeId ?? ''))).toEqual([]);
  expect(annotations.map((a) => a.uid)).toContain(keptDrawing);
  expect((await cachedOf(page, kept.imageIds)).volumes.length + (await cachedOf(page, kept.imageIds)).images.length).toBeGreaterThan(0);
  expect(await registeredBytes(page, closing.sopInstanceUids)).toEqual({ registered: 0, bytes: 0 });
  // Its drawing steps left the undo history with it: undo and redo cannot bring the closed drawing back.
  for (const key of ['Control+z', 'Control+z', 'Control+y', 'Control+y']) await page.keyboard.press(key);
  expect((await held(page)).map((a) => a.uid)).not.toContain(closedDrawing);
  // The measurement is the reader's work: it stays saved and listed.
  const measurementIds = await page.evaluate(() => window.__spinelens!.measurements.getState().state.measurements.map((m) => m.id));
  expect(measurementIds).toContain(closedDrawing);

  // Opened again: the saved drawing is back, on the images of this opening.
  await loadFiles(page, baselineFiles);
  await showSeries(page, mr.seriesDescription, 0);
  const reopened = await footprint(page, { studyInstanceUid: baselineUid! });
  await expect.poll(async () => (await held(page)).find((a) => a.uid === closedDrawing) ?? null).not.toBeNull();
  const back = (await held(page)).find((a) => a.uid === closedDrawing)!;
  if (back.imageId !== null) expect(reopened.imageIds).toContain(back.imageId);
});

test('a series no viewport shows leaves the cache and its file bytes, and comes back with the same values when shown again', async ({ page }) => {
  test.setTimeout(180_000);
  await openEmpty(page);
  await loadFiles(page, [...baselineFiles, ...followupFiles]);
  await showSeries(page, ct.seriesDescription, 0);
  await page.getByTestId('mode-stack').click();
  const ctIds = await footprint(page, { seriesDescription: ct.seriesDescription });
  expect(ctIds.imageIds).toHaveLength(ct.images);
  const lesion = { column: 140, row: 178, slice: 28 };
  const first = await ctValueAt(page, lesion.column, lesion.row, lesion.slice);
  expect(first.shown).toBe(first.file);
  // The same voxel in the axial plane of the CT volume.
  await page.getByTestId('mode-axial').click();
  const inVolume = await ctValueAt(page, lesion.column, lesion.row, lesion.slice);
  expect(inVolume.shown).toBe(inVolume.file);
  const cachedCt = await cachedOf(page, ctIds.imageIds);
  expect(cachedCt.volumes).toHaveLength(1);
  const ctBytes = await registeredBytes(page, ctIds.sopInstanceUids);
  expect(ctBytes.registered).toBe(ct.images);
  expect(ctBytes.bytes).toBeGreaterThan(ct.images * 256 * 256 * 2);

  // The only viewport now shows the MR: after the idle delay the CT leaves the cache, and its parsed file bytes go.
  await showSeries(page, mr.seriesDescription, 0);
  const mrIds = await footprint(page, { seriesDescription: mr.seriesDescription, studyInstanceUid: (await slotStudy(page, 0)) ?? '' });
  await expect.poll(() => cachedOf(page, ctIds.imageIds), { timeout: 20_000 }).toEqual({ images: [], volumes: [] });
  expect(await registeredBytes(page, ctIds.sopInstanceUids)).toEqual({ registered: ct.images, bytes: 0 });
  const shownMr = await cachedOf(page, mrIds.imageIds);
  expect(shownMr.images.length + shownMr.volumes.length).toBeGreaterThan(0);

  // Shown again (axial, as the viewport was left): the volume is rebuilt from the files, same value as in the file.
  await showSeries(page, ct.seriesDescription, 0);
  const again = await ctValueAt(page, lesion.column, lesion.row, lesion.slice);
  expect(again.shown).toBe(again.file);
  expect((await cachedOf(page, ctIds.imageIds)).volumes).toHaveLength(1);
  expect((await registeredBytes(page, ctIds.sopInstanceUids)).bytes).toBe(ctBytes.bytes);
  await page.getByTestId('mode-stack').click();
  const stacked = await ctValueAt(page, lesion.column, lesion.row, lesion.slice);
  expect(stacked.shown).toBe(stacked.file);
  await expect(page.getByTestId('viewport-0').getByTestId('overlay-slice')).toHaveText(new RegExp(`^Im ${lesion.slice + 1} · \\d+/${ct.images}$`));

  // In comparison (1×2): the MR beside the CT; the MR replaced by the follow-up MR leaves, the CT (still shown) stays.
  await page.getByTestId('layout-1x2').click();
  await showSeries(page, mr.seriesDescription, 1);
  const mrShown = await cachedOf(page, mrIds.imageIds);
  expect(mrShown.images.length + mrShown.volumes.length).toBeGreaterThan(0);
  await page.getByTestId('viewport-1').click({ position: { x: 5, y: 5 } });
  await page.getByTestId('series-item').filter({ hasText: mr.seriesDescription }).last().click();
  await expect.poll(() => cachedOf(page, mrIds.imageIds), { timeout: 20_000 }).toEqual({ images: [], volumes: [] });
  expect((await cachedOf(page, ctIds.imageIds)).images.length).toBeGreaterThan(0);
  expect((await registeredBytes(page, ctIds.sopInstanceUids)).bytes).toBeGreaterThan(0);
  const still = await ctValueAt(page, lesion.column, lesion.row, lesion.slice);
  expect(still.shown).toBe(still.file);
});
