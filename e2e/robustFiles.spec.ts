import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { findElements } from '../scripts/corpus/mutate';
import { loadFiles, openEmpty, viewportPixelStats } from './helpers';

const SAMPLE_CT = path.resolve(import.meta.dirname, '../sample-dicom/baseline/ct/IM0001.dcm');
const good = new Uint8Array(readFileSync(SAMPLE_CT));

/** The sample CT slice with one group 0028 US value changed in place. */
function withUs(element: number, value: number): Buffer {
  const bytes = good.slice();
  const header = findElements(bytes).find((e) => e.group === 0x0028 && e.element === element && e.vr === 'US');
  if (!header) throw new Error(`no (0028,${element.toString(16)}) in the sample`);
  new DataView(bytes.buffer).setUint16(header.valueAt, value, true);
  return Buffer.from(bytes);
}

/** The sample CT slice with Number of Frames "100000000" put before Rows. */
function withHugeFrameCount(): Buffer {
  const rows = findElements(good).find((e) => e.group === 0x0028 && e.element === 0x0010)!;
  const value = Buffer.from('100000000 ');
  const element = Buffer.concat([Buffer.from([0x28, 0x00, 0x08, 0x00]), Buffer.from('IS'), Buffer.from([value.length, 0]), value]);
  return Buffer.concat([good.subarray(0, rows.offset), element, good.subarray(rows.offset)]);
}

/** The sample CT slice without preamble and file meta: a bare data set, as some exporters write. */
function headerless(): Buffer {
  const metaLength = new DataView(good.buffer, good.byteOffset).getUint32(140, true);
  return Buffer.from(good.subarray(144 + metaLength));
}

const file = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/octet-stream', buffer });

test('bad files are refused at once with plain reasons; a file without Part-10 header is shown', async ({ page }) => {
  await openEmpty(page);
  const started = Date.now();
  await loadFiles(page, [file('bare-dataset', headerless())]);
  await expect(page.getByTestId('viewport-0').getByTestId('overlay-slice')).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => (await viewportPixelStats(page, 0)).sd, { timeout: 30_000 }).toBeGreaterThan(5);

  await loadFiles(page, [
    file('frames-1e8.dcm', withHugeFrameCount()),
    file('bits-13.dcm', withUs(0x0100, 13)),
    file('samples-65535.dcm', withUs(0x0002, 65535)),
    file('truncated.dcm', Buffer.from(good.subarray(0, 3000))),
    file('photo.jpg.dcm', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9])),
  ]);
  // Parsing never waits on the frame count: all five are judged within seconds, not minutes.
  expect(Date.now() - started).toBeLessThan(30_000);
  await expect(page.getByTestId('problems-toggle')).toContainText('5 files not loaded');
  const reasonOf = (name: string) => page.getByTestId('import-problem').filter({ hasText: name }).locator('.reason');
  await expect(reasonOf('frames-1e8.dcm')).toHaveText(/^too many frames: Number of Frames \(0028,0008\) is 100000000/);
  await expect(reasonOf('bits-13.dcm')).toHaveText(/^implausible pixel attributes: Bits Allocated \(0028,0100\) is 13/);
  await expect(reasonOf('samples-65535.dcm')).toHaveText(/^implausible pixel attributes: Samples per Pixel \(0028,0002\) is 65535/);
  await expect(reasonOf('truncated.dcm')).toHaveText(/^truncated: /);
  await expect(reasonOf('photo.jpg.dcm')).toHaveText(/^not DICOM/);
  await expect(page.getByTestId('import-problems')).not.toContainText(/Cannot read|undefined|TypeError/);
  // The image shown before is still there, and no spinner is left behind.
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  expect((await viewportPixelStats(page, 0)).sd).toBeGreaterThan(5);
  await page.screenshot({ path: test.info().outputPath('import-problems.png') });
});

test('a series whose spacing changes says so in the study browser, not in a tooltip only', async ({ page }) => {
  await openEmpty(page);
  const dir = path.dirname(SAMPLE_CT);
  // Slices 1–10 of the 1.25 mm sample CT, then every other slice up to 30: 1.25 mm, then 2.5 mm.
  const numbers = [...Array.from({ length: 10 }, (_, i) => i + 1), ...Array.from({ length: 10 }, (_, i) => 12 + i * 2)];
  await loadFiles(page, numbers.map((n) => path.join(dir, `IM${String(n).padStart(4, '0')}.dcm`)));
  const warning = page.getByTestId('series-warning').filter({ hasText: 'spacing changes' });
  await expect(warning).toBeVisible();
  // Sorted along the slice normal the sample runs from slice 30 up to slice 1: ten 2.5 mm steps (30→10), then nine 1.25 mm steps.
  await expect(warning).toHaveText('⚠ spacing changes along the series: 2.5 mm for 11 slices, then 1.25 mm for 9 slices: not usable as a volume');
  await expect(page.getByTestId('series-warning').filter({ hasText: 'missing' })).toHaveCount(0);
  // No single slice spacing is shown for it: a wrong mm is worse than none.
  await expect(page.getByTestId('viewport-0').getByTestId('overlay-slice')).toBeVisible();
  await expect(page.getByTestId('viewport-0')).not.toContainText('mm slices');
  await page.screenshot({ path: test.info().outputPath('spacing-change.png') });
});
