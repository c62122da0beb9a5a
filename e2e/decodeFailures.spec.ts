import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { DCMTK_SKIP_REASON, compressedSampleSeries, cutEndMarker, flipBytes, hasDcmtk, readBytes, truncateFragment, withDeclaredSize } from './fixtures/damagedPixels';
import { DISC, SQUARE, uncalibratedCt } from './fixtures/uncalibratedCt';
import { SHARED_SKIP_REASON, drawWith, hasSharedDicom, loadFiles, openEmpty, sharedPath, viewSettled, viewportPixelStats } from './helpers';
import { fnv1a, referencePixels } from './referencePixels';

/**
 * Damaged compressed pixel data: each damaged image carries a note on the image and a line in Problems naming
 * its file, and is never drawn as if it were fine; the good images of the same series still display, with the
 * values of the uncompressed original (the encodings are lossless).
 */

const SAMPLE_MR = path.resolve(import.meta.dirname, '../sample-dicom/baseline/mr');
const file = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/octet-stream', buffer });

/** The FNV-1a hash of what the viewer decoded for a frame (the test build's inspection hook). */
async function decodedHash(page: Page, name: string, frame = 0): Promise<string> {
  return page.evaluate(
    async ([n, f]) => (await (window as unknown as { __spinelens: { decode(n: string, f: number): Promise<{ hash: string }> } }).__spinelens.decode(n, f)).hash,
    [name, frame] as const,
  );
}

const problemLine = (page: Page, name: string) => page.getByTestId('import-problem').filter({ hasText: name });

/**
 * Walks the stack from its first image to its last with the arrow keys; at each image checks that a damaged one
 * shows its note (naming the file) in place of the picture and a good one shows a picture and no note.
 * `damaged` maps the Instance Number (the frame number of a multi-frame file) to the name the note must give.
 */
async function walkStack(page: Page, count: number, damaged: Map<number, string>): Promise<void> {
  const pane = page.getByTestId('viewport-0');
  await pane.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Home');
  for (let position = 1; position <= count; position++) {
    await expect(pane.getByTestId('overlay-slice')).toContainText(`${position}/${count}`);
    const label = (await pane.getByTestId('overlay-slice').textContent()) ?? '';
    const instance = Number(/Im (\d+)/.exec(label)?.[1]);
    const expected = damaged.get(instance);
    if (expected) {
      await expect(pane.getByTestId('overlay-decode-failure'), `image ${label}`).toContainText(expected);
      // The canvas still holds the image before: it is hidden, never shown as this one.
      await expect(pane.locator('.viewport-element').first()).toBeHidden();
      await expect(pane.getByTestId('overlay-pixel')).toHaveCount(0);
    } else {
      await expect(pane.getByTestId('overlay-decode-failure'), `image ${label}`).toHaveCount(0);
      await expect(pane.locator('.viewport-element').first()).toBeVisible();
      await expect.poll(async () => (await viewportPixelStats(page, 0)).sd, { message: `image ${label} is drawn` }).toBeGreaterThan(5);
    }
    if (position < count) await page.keyboard.press('ArrowDown');
  }
}

test.describe('damaged compressed images', () => {
  test.skip(!hasDcmtk, DCMTK_SKIP_REASON);

  test('JPEG-LS series: a cut fragment, a cut end marker and changed bytes are each noted; the other 16 images display', async ({ page }) => {
    const damage: Record<string, (b: Uint8Array) => Buffer> = {
      'IM0005.dcm': (b) => truncateFragment(b, 0, 0.5),
      'IM0010.dcm': (b) => cutEndMarker(b, 0),
      'IM0015.dcm': (b) => flipBytes(b, 0, [0.3, 0.6]),
    };
    const files = compressedSampleSeries('jpeg-ls').map((f) => {
      const name = path.basename(f);
      return file(name, damage[name]?.(readBytes(f)) ?? Buffer.from(readBytes(f)));
    });
    await openEmpty(page);
    await loadFiles(page, files);

    // The volume (sagittal, the plane the series was acquired in) opens on the middle image, IM0010, which is damaged.
    const pane = page.getByTestId('viewport-0');
    await expect(pane.getByTestId('overlay-decode-failure')).toContainText('IM0010.dcm');
    await expect(pane.getByTestId('overlay-decode-failure')).toContainText('ends early');
    await expect(pane.getByTestId('overlay-series-failures')).toHaveText('⚠ 3 of 19 images not decoded (black here)');
    await page.screenshot({ path: test.info().outputPath('jpeg-ls-mpr.png') });

    // Problems: one line per damaged file, naming it, in plain words.
    await expect(page.getByTestId('import-problem')).toHaveCount(3);
    await expect(problemLine(page, 'IM0005.dcm').locator('.reason')).toHaveText(/^Could not decode the pixels: the compressed frame ends early/);
    await expect(problemLine(page, 'IM0010.dcm').locator('.reason')).toHaveText(/^Could not decode the pixels: the compressed frame ends early/);
    await expect(problemLine(page, 'IM0015.dcm').locator('.reason')).toHaveText('Could not decode the pixels: the decoder rejected the compressed data (damaged or cut short)');
    await expect(problemLine(page, 'IM0015.dcm').locator('.details')).toContainText('JPEG-LS');

    // The good images decode to the values of the uncompressed original.
    for (const name of ['IM0004.dcm', 'IM0011.dcm']) expect(await decodedHash(page, name)).toBe(fnv1a(referencePixels(path.join(SAMPLE_MR, name), 0, true)));

    await page.getByTestId('mode-stack').click();
    await walkStack(page, 19, new Map([[5, 'IM0005.dcm'], [10, 'IM0010.dcm'], [15, 'IM0015.dcm']]));
    for (const position of [18, 17, 16, 15]) {
      await page.keyboard.press('ArrowUp');
      await expect(pane.getByTestId('overlay-slice')).toContainText(`${position}/19`);
    }
    await expect(pane.getByTestId('overlay-decode-failure')).toContainText('IM0005.dcm');
    await page.screenshot({ path: test.info().outputPath('jpeg-ls-stack-damaged.png') });
  });

  test('JPEG lossless series: a cut fragment, a cut end marker and a frame of another size are each noted; the others display', async ({ page }) => {
    const damage: Record<string, (b: Uint8Array) => Buffer> = {
      'IM0003.dcm': (b) => truncateFragment(b, 0, 0.7),
      'IM0012.dcm': (b) => cutEndMarker(b, 0),
      'IM0017.dcm': (b) => withDeclaredSize(b, 0, 128, 256),
    };
    const files = compressedSampleSeries('jpeg-lossless').map((f) => {
      const name = path.basename(f);
      return file(name, damage[name]?.(readBytes(f)) ?? Buffer.from(readBytes(f)));
    });
    await openEmpty(page);
    await loadFiles(page, files);
    await expect(page.getByTestId('import-problem')).toHaveCount(3);
    await expect(problemLine(page, 'IM0003.dcm').locator('.reason')).toHaveText(/^Could not decode the pixels: the compressed frame ends early/);
    await expect(problemLine(page, 'IM0012.dcm').locator('.reason')).toHaveText(/^Could not decode the pixels: the compressed frame ends early/);
    await expect(problemLine(page, 'IM0017.dcm').locator('.reason')).toHaveText(/^Could not decode the pixels: the compressed frame is 256×128 pixels but the header says 256×256/);
    expect(await decodedHash(page, 'IM0009.dcm')).toBe(fnv1a(referencePixels(path.join(SAMPLE_MR, 'IM0009.dcm'), 0, true)));
    await expect(page.getByTestId('viewport-0').getByTestId('overlay-series-failures')).toHaveText('⚠ 3 of 19 images not decoded (black here)');
    await page.getByTestId('mode-stack').click();
    await walkStack(page, 19, new Map([[3, 'IM0003.dcm'], [12, 'IM0012.dcm'], [17, 'IM0017.dcm']]));
  });
});

test('JPEG 2000 multi-frame MR: damaged frames are noted one by one, naming file and frame; the other frames display', async ({ page }) => {
  test.skip(!hasSharedDicom, SHARED_SKIP_REASON);
  const source = sharedPath('pydicom__pydicom-data/data_store/data/emri_small_jpeg_2k_lossless.dcm');
  const reference = sharedPath('pydicom__pydicom-data/data_store/data/emri_small.dcm');
  let bytes: Uint8Array = readBytes(source);
  bytes = truncateFragment(bytes, 2, 0.6);
  bytes = cutEndMarker(bytes, 5);
  bytes = withDeclaredSize(bytes, 7, 32, 64);
  await openEmpty(page);
  await loadFiles(page, [file('emri-damaged.dcm', Buffer.from(bytes))]);
  await expect(page.getByTestId('import-problem')).toHaveCount(3);
  const reasons = page.getByTestId('import-problem').filter({ hasText: 'emri-damaged.dcm' }).locator('.reason');
  await expect(reasons.nth(0)).toHaveText(/^Could not decode the pixels: frame 3 of 10: the compressed frame ends early/);
  await expect(reasons.nth(1)).toHaveText(/^Could not decode the pixels: frame 6 of 10: the compressed frame ends early/);
  await expect(reasons.nth(2)).toHaveText(/^Could not decode the pixels: frame 8 of 10: the compressed frame is 64×32 pixels but the header says 64×64/);
  for (const frame of [0, 3, 9]) expect(await decodedHash(page, 'emri-damaged.dcm', frame)).toBe(fnv1a(referencePixels(reference, frame, true)));
  await page.getByTestId('mode-stack').click();
  await walkStack(page, 10, new Map([[3, 'emri-damaged.dcm, frame 3 of 10'], [6, 'emri-damaged.dcm, frame 6 of 10'], [8, 'emri-damaged.dcm, frame 8 of 10']]));
  await page.screenshot({ path: test.info().outputPath('j2k-stack.png') });
});

/** The grey (0-255) of the screen at a page point. */
async function greyAt(page: Page, point: [number, number]): Promise<number> {
  const png = PNG.sync.read(await page.screenshot({ clip: { x: Math.round(point[0]) - 1, y: Math.round(point[1]) - 1, width: 3, height: 3 } }));
  const at = (1 * png.width + 1) * 4;
  return (png.data[at]! + png.data[at + 1]! + png.data[at + 2]!) / 3;
}

for (const [spacing, label] of [['0.7\\', 'an empty second value'], ['abc\\def', 'letters'], ['0.7', 'one value']] as const) {
  test(`8-bit CT whose Pixel Spacing is ${label} ("${spacing}"): shown with its grey levels, lengths said to be uncalibrated, no mm`, async ({ page }) => {
    await openEmpty(page);
    await loadFiles(page, [file('eight-bit.dcm', uncalibratedCt(spacing, label.toUpperCase()))]);
    const pane = page.getByTestId('viewport-0');
    await expect(pane.getByTestId('overlay-uncalibrated')).toBeVisible();
    await expect(page.getByTestId('series-warning')).toContainText('no Pixel Spacing (0028,0030)');
    await viewSettled(page);
    // Uncalibrated, the image is laid out in pixels from its Image Position: pixel (column, row) is at (column, row, 0).
    const toPage = (column: number, row: number) =>
      page.evaluate(([c, r]) => (window as unknown as { __spinelens: { worldToPage(s: number, w: number[]): [number, number] | null } }).__spinelens.worldToPage(0, [c, r, 0])!, [column, row] as const);
    // Window 128/256: the grey on screen is the stored value (Cornerstone's linear VOI, within 2 levels).
    expect(Math.abs((await greyAt(page, await toPage(DISC.centre[0], DISC.centre[1]))) - DISC.value)).toBeLessThan(3);
    expect(Math.abs((await greyAt(page, await toPage(SQUARE.from[0] + 8, SQUARE.from[1] + 8))) - SQUARE.value)).toBeLessThan(3);
    expect(await greyAt(page, await toPage(4, 4))).toBeLessThan(3);
    await page.mouse.move(...(await toPage(DISC.centre[0], DISC.centre[1])));
    await expect(pane.getByTestId('overlay-pixel')).toHaveText('Value 200 HU');
    // A length drawn by key and mouse is in pixels; no millimetres anywhere on the image or in the lesion panel.
    const from = await toPage(DISC.centre[0], DISC.centre[1]);
    const to = await toPage(SQUARE.from[0] + 8, DISC.centre[1]);
    await drawWith(page, 'l', from, to);
    await expect(pane.locator('svg text').filter({ hasText: /px/ })).toHaveCount(1);
    await expect(pane).not.toContainText(/\bmm\b/);
    await page.keyboard.press('m');
    await expect(page.getByTestId('measurement-panel')).not.toContainText(/\bmm\b/);
    await page.screenshot({ path: test.info().outputPath(`eight-bit-${label.replace(/ /g, '-')}.png`) });
  });
}
