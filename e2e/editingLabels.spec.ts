import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openSample, pageAt, showSeries, type Vec3 } from './helpers';

const truth = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../sample-dicom/ground-truth.json'), 'utf8')) as {
  timepoints: { baseline: { studyInstanceUID: string; series: Record<string, { vertebralBodyCentres: Record<string, Vec3> }> } };
};
const ctCentres = truth.timepoints.baseline.series['baseline-ct']!.vertebralBodyCentres;

interface Hooks {
  measurements: { getState(): { state: { labels: { vertebra: string; position: Vec3; studyInstanceUid: string }[] } } };
}

// The CT is acquired axially: its sagittal MPR is a reconstructed plane, on which no acquired image lies.
test('vertebral labels placed on the baseline CT sagittal MPR, right after the CT is switched into the viewport', async ({ page }) => {
  await openSample(page);
  await page.keyboard.press('m');
  const panel = page.getByTestId('measurement-panel');
  await showSeries(page, 'C-SPINE AXIAL', 0);
  await page.getByTestId('mode-sagittal').click();
  await expect(page.getByTestId('mode-sagittal')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('viewport-0').getByText('MPR sagittal')).toBeVisible();

  await page.keyboard.press('v');
  await panel.getByTestId('next-vertebra').selectOption('C2');
  await page.mouse.click(...(await pageAt(page, 0, ctCentres.C2!)));
  await expect(panel.getByTestId('next-vertebra')).toHaveValue('C3');
  await page.mouse.click(...(await pageAt(page, 0, ctCentres.C3!)));
  await expect(panel.getByTestId('next-vertebra')).toHaveValue('C4');
  await expect(panel.getByTestId('study-labels')).toContainText(/C2.*C3/);

  const labels = await page.evaluate(() => (window as unknown as { __spinelens: Hooks }).__spinelens.measurements.getState().state.labels);
  for (const vertebra of ['C2', 'C3']) {
    const label = labels.find((l) => l.vertebra === vertebra);
    expect(label?.studyInstanceUid).toBe(truth.timepoints.baseline.studyInstanceUID);
    const centre = ctCentres[vertebra]!;
    const off = Math.hypot(...[0, 1, 2].map((i) => label!.position[i]! - centre[i]!));
    console.log(`${vertebra} label ${off.toFixed(2)} mm from the ground-truth body centre`);
    expect(off).toBeLessThan(1);
  }
});
