import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openSample, pageAt, showSeries, type Vec3 } from './helpers';

const truth = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../sample-dicom/ground-truth.json'), 'utf8')) as {
  timepoints: Record<'baseline' | 'followup', { lesion: { volumeMl: number }; series: Record<string, { seriesDescription: string; lesion: { centroid: Vec3 } }> }>;
};
const baseline = truth.timepoints.baseline;
const followup = truth.timepoints.followup;
const TRUE_CHANGE = (followup.lesion.volumeMl / baseline.lesion.volumeMl - 1) * 100; // −70.0 %
const CT = baseline.series['baseline-ct']!;
const MR = baseline.series['baseline-mr']!;

async function grownMl(page: Page, ml: number): Promise<number> {
  const shown = async () => Number(await page.getByTestId('seg-volume').getAttribute('data-ml'));
  await expect.poll(async () => Math.abs((await shown()) / ml - 1), { timeout: 30_000 }).toBeLessThan(0.05);
  return shown();
}

const percentOf = (text: string | null) => Number((text ?? '').replace('\u2212', '-').replace('%', ''));

test('timeline: each value names its series; a second baseline series never changes the value; the reader picks the series that counts', async ({ page }) => {
  await openSample(page);
  await page.keyboard.press('k');
  const seg = page.getByTestId('segmentation-panel');
  await seg.getByTestId('seg-tool-SegmentSeed').click();
  await page.mouse.click(...(await pageAt(page, 0, MR.lesion.centroid)));
  const mrMl = await grownMl(page, baseline.lesion.volumeMl);
  await page.mouse.click(...(await pageAt(page, 1, followup.series['followup-mr']!.lesion.centroid)));
  const followupMl = await grownMl(page, followup.lesion.volumeMl);

  await page.keyboard.press('t');
  const panel = page.getByTestId('timeline-panel');
  const volumes = panel.getByTestId('timeline-table-segmentedVolume');
  const baselineRow = volumes.getByTestId('timeline-row').first();
  await expect(baselineRow.getByTestId('value-source')).toContainText(`MR · ${MR.seriesDescription}`);
  await expect(baselineRow.getByTestId('value-source')).toContainText('segmented');
  await expect(baselineRow).toContainText(`${mrMl.toFixed(1)} mL`);
  const volumetric = panel.getByTestId('patient-response').getByTestId('response-list').filter({ hasText: 'Volumetric' });
  await expect(volumetric.getByTestId('response-category')).toHaveText('PR');

  // Grow the same lesion on the baseline CT too (shown in viewport 0).
  await showSeries(page, CT.seriesDescription, 0);
  await page.keyboard.press('k');
  await seg.getByTestId('seg-tool-SegmentSeed').click();
  await page.mouse.click(...(await pageAt(page, 0, CT.lesion.centroid)));
  const ctMl = await grownMl(page, baseline.lesion.volumeMl);
  await page.keyboard.press('t');

  // The baseline value is still the MR's; the CT's is shown beside it, not counted.
  await expect(baselineRow).toContainText(`${mrMl.toFixed(1)} mL`);
  await expect(baselineRow.getByTestId('other-series-value')).toContainText(`also ${ctMl.toFixed(1)} mL (not counted) · CT · ${CT.seriesDescription}`);
  const baselineChoice = panel.getByTestId('timepoint').first();
  await expect(baselineChoice.getByTestId('counted-series-select').locator('option:checked')).toHaveText(`MR · ${MR.seriesDescription}`);
  await expect(baselineChoice.getByTestId('counted-basis')).toContainText('default: the first series measured');
  const change = percentOf(await volumes.getByTestId('change-percent').first().textContent());
  console.log(`MR ${mrMl.toFixed(3)} → ${followupMl.toFixed(3)} mL: ${change}% (truth ${TRUE_CHANGE.toFixed(1)}%); CT baseline ${ctMl.toFixed(3)} mL`);
  expect(Math.abs(change - TRUE_CHANGE)).toBeLessThan(3.5);
  await expect(volumetric.getByTestId('response-category')).toHaveText('PR');

  // The reader makes the CT count at baseline, by keyboard: the follow-up is MR only, so the response is NE, with the reason.
  await baselineChoice.getByTestId('counted-series-select').focus();
  await page.keyboard.press('ArrowDown');
  await expect(baselineChoice.getByTestId('counted-series-select').locator('option:checked')).toHaveText(`CT · ${CT.seriesDescription}`);
  await expect(baselineChoice.getByTestId('counted-basis')).toContainText('chosen by the reader');
  await expect(baselineRow).toContainText(`${ctMl.toFixed(1)} mL`);
  await expect(volumetric.getByTestId('response-category')).toHaveText('NE');
  await expect(volumetric.getByTestId('response-rule')).toContainText('measured on MR at +3 mo but on CT at baseline');
  await expect(volumes.getByTestId('timeline-row').nth(1).getByTestId('value-excluded')).toHaveText('not compared');
  await page.screenshot({ path: `${process.env.SPINELENS_SHOTS ?? test.info().outputPath('')}/timeline-series-choice.png` });

  // And back to the MR by mouse: PR again.
  await baselineChoice.getByTestId('counted-series-select').selectOption({ label: `MR · ${MR.seriesDescription}` });
  await expect(volumetric.getByTestId('response-category')).toHaveText('PR');
  await expect(baselineRow).toContainText(`${mrMl.toFixed(1)} mL`);
});
