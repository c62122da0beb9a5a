import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openSample, pageAt, type Vec3 } from './helpers';

const truth = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../sample-dicom/ground-truth.json'), 'utf8')) as {
  timepoints: Record<string, { lesion: { volumeMl: number }; series: Record<string, { lesion: { centroid: Vec3 } }> }>;
};
const baseline = truth.timepoints.baseline!;
const hasTool = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;

const shownMl = async (page: Page) => Number(await page.getByTestId('segmentation-panel').getByTestId('seg-volume').getAttribute('data-ml'));
const timelineVolume = async (page: Page) => {
  await page.keyboard.press('t');
  const text = (await page.getByTestId('timeline-panel').getByTestId('timeline-table-segmentedVolume').getByTestId('timeline-value').first().textContent()) ?? '';
  return text.trim();
};

test('SR and SEG saved after a grow on the baseline MR bring back the same mL in a browser with no saved state', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await openSample(page);
  await page.keyboard.press('k');
  const panel = page.getByTestId('segmentation-panel');
  await panel.getByTestId('seg-tool-SegmentSeed').click();
  await page.mouse.click(...(await pageAt(page, 0, baseline.series['baseline-mr']!.lesion.centroid)));
  await expect.poll(() => shownMl(page), { timeout: 60_000 }).toBeGreaterThan(0.5 * baseline.lesion.volumeMl);
  const grownMl = await shownMl(page);
  const grownTimeline = await timelineVolume(page);
  expect(grownTimeline).toMatch(/mL/);

  // Export by key and mouse: Shift+E, then the SR and SEG button.
  await page.keyboard.press('Shift+E');
  const dialog = page.getByTestId('export-dialog');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-sr').click()]);
  await expect(dialog.getByTestId('export-status')).toHaveText(/Saved 1 DICOM SR report\(s\) and 1 DICOM SEG segmentation\(s\)/);
  const zip = test.info().outputPath('reading.zip');
  await download.saveAs(zip);
  const dir = mkdtempSync(path.join(tmpdir(), 'spinelens-srseg-'));
  execFileSync('python3', ['-c', 'import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, dir]);
  const files = readdirSync(dir).map((f) => path.join(dir, f));
  const seg = files.find((f) => f.endsWith('-seg.dcm'))!;
  const sr = files.find((f) => f.endsWith('-sr.dcm'))!;
  expect(seg).toBeDefined();
  expect(sr).toBeDefined();
  if (hasTool('dciodvfy')) {
    const result = spawnSync('dciodvfy', [seg], { encoding: 'utf8' });
    expect(`${result.stdout}${result.stderr}`.split('\n').filter((l) => l.startsWith('Error'))).toEqual([]);
  }

  const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const second = await other.newPage();
  await openSample(second);
  await second.keyboard.press('Shift+E');
  const secondDialog = second.getByTestId('export-dialog');
  await secondDialog.getByTestId('import-reading').setInputFiles([seg, sr]);
  await expect(secondDialog.getByTestId('export-status')).toContainText('Added the segmentation of 1 lesion(s)', { timeout: 60_000 });
  await second.screenshot({ path: test.info().outputPath('seg-import-status.png') });
  await second.keyboard.press('Escape');
  await second.keyboard.press('k');
  await expect.poll(() => shownMl(second), { timeout: 30_000 }).toBeCloseTo(grownMl, 6);
  console.log(`grown ${grownMl} mL; after SR+SEG round trip ${await shownMl(second)} mL; timeline ${grownTimeline}`);
  await second.screenshot({ path: test.info().outputPath('seg-import-panel.png') });
  expect(await timelineVolume(second)).toBe(grownTimeline);
  await other.close();
});
