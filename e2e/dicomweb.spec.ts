import { expect, test, type Page } from '@playwright/test';
import { E2E_ORTHANC_PORT, orthancMissingReason, startOrthanc, type RunningOrthanc } from '../scripts/orthanc';
import { newObjectInStudy, sampleFiles } from '../tests/dicomweb/orthancFixture';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pageAt, showSeries, worldDistance, drawWith } from './helpers';

type Point = [number, number];
interface Hooks {
  pageToWorld(slot: number, page: Point): number[] | null;
  dicomweb: { storeReading(files: ArrayBuffer[], label: string): Promise<{ state: string; message: string }> };
}

const missing = orthancMissingReason();
const baseline = sampleFiles('baseline');
const followup = sampleFiles('followup');
const baselineUid = baseline[0]!.studyInstanceUid;
const followupUid = followup[0]!.studyInstanceUid;
const shots = process.env.SPINELENS_SHOTS;
type Vec3 = [number, number, number];
const truth = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../sample-dicom/ground-truth.json'), 'utf8')) as {
  timepoints: Record<string, { lesion: { volumeMl: number }; series: Record<string, { lesion: { centroid: Vec3 } }> }>;
};

test.describe('PACS over DICOMweb (a real Orthanc behind the preview proxy)', () => {
  test.skip(missing !== null, missing ?? '');
  let orthanc: RunningOrthanc;
  test.beforeAll(async () => {
    orthanc = await startOrthanc(E2E_ORTHANC_PORT);
  });
  test.afterAll(async () => orthanc?.stop());

  async function connect(page: Page): Promise<void> {
    await page.goto('/?empty');
    await expect(page.getByText('No images loaded')).toBeVisible();
    await page.keyboard.press('Shift+O');
    const panel = page.getByTestId('dicomweb-panel');
    await expect(panel).toBeVisible();
    await panel.getByTestId('pacs-url').fill('/pacs');
    await panel.getByTestId('pacs-name').fill('Test Orthanc');
    await panel.getByTestId('pacs-add').click();
    await expect(panel.getByTestId('pacs-server')).toHaveValue('/pacs');
  }

  async function waitForOpen(page: Page): Promise<void> {
    await expect(page.getByTestId('import-progress')).toHaveCount(0, { timeout: 60_000 });
  }

  test('search the sample patient, open baseline then the follow-up as a prior, measure; the measurement comes back when the study is reopened from the PACS', async ({ page }) => {
    await connect(page);
    const panel = page.getByTestId('dicomweb-panel');
    await panel.getByTestId('pacs-patient-name').fill('phantom');
    await panel.getByTestId('pacs-patient-name').press('Enter');
    const rows = panel.getByTestId('pacs-result');
    await expect(rows).toHaveCount(2);
    // Newest first; image counts are the sample files on disk.
    await expect(rows.nth(0)).toHaveAttribute('data-study-uid', followupUid);
    await expect(rows.nth(0)).toContainText('2026-04-06');
    await expect(rows.nth(0).locator('td.num')).toHaveText(String(followup.length));
    await expect(rows.nth(1)).toContainText('2026-01-05');
    await expect(rows.nth(1).locator('td.num')).toHaveText(String(baseline.length));
    if (shots) await page.screenshot({ path: `${shots}/dicomweb-search.png` });

    await panel.getByTestId('pacs-modality').selectOption('CT');
    await panel.getByTestId('pacs-search').click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute('data-study-uid', baselineUid);

    await rows.first().getByRole('button', { name: /Open/ }).click();
    await expect(page.getByTestId('import-progress')).toBeVisible();
    await waitForOpen(page);
    await expect(page.getByTestId('viewport-0').getByTestId('overlay-slice')).toBeVisible({ timeout: 60_000 });
    await expect(rows.first().getByTestId('pacs-result-open')).toBeVisible();
    await expect(page.getByTestId('problems-toggle')).not.toContainText('not loaded');

    // The patient's other study, added as a timepoint.
    const priors = panel.getByTestId('pacs-prior');
    await expect(priors).toHaveCount(2);
    await priors.filter({ hasText: '2026-04-06' }).getByRole('button', { name: /Add/ }).click();
    await waitForOpen(page);
    await expect(panel.getByTestId('pacs-prior-open')).toHaveCount(2);
    await expect(page.getByTestId('series-item')).toHaveCount(3);
    if (shots) await page.screenshot({ path: `${shots}/dicomweb-opened.png` });

    // Segment the baseline MR lesion from the PACS: one Grow click gives the phantom's true volume.
    await showSeries(page, 'SAG T2');
    await page.keyboard.press('k');
    await page.getByTestId('segmentation-panel').getByTestId('seg-tool-SegmentSeed').click();
    await page.mouse.click(...(await pageAt(page, 0, truth.timepoints.baseline!.series['baseline-mr']!.lesion.centroid)));
    const trueMl = truth.timepoints.baseline!.lesion.volumeMl;
    await expect.poll(async () => Math.abs(Number(await page.getByTestId('seg-volume').getAttribute('data-ml')) / trueMl - 1), { timeout: 30_000 }).toBeLessThan(0.05);
    console.log(`PACS baseline MR segmented ${await page.getByTestId('seg-volume').getAttribute('data-ml')} mL, true ${trueMl} mL`);

    // Measure on the PACS images exactly as on local files.
    await page.keyboard.press('w');
    const box = (await page.getByTestId('viewport-0').boundingBox())!;
    const from: Point = [box.x + box.width / 2 - 60, box.y + box.height / 2];
    const to: Point = [box.x + box.width / 2 + 60, box.y + box.height / 2];
    const expected = await worldDistance(page, from, to);
    await drawWith(page, 'l', from, to);
    await expect(page.getByTestId('measurements-toggle')).toContainText('1 measurement');
    if (shots) await page.screenshot({ path: `${shots}/dicomweb-measured.png` });
    await page.keyboard.press('m');
    await expect(page.getByTestId('measurement-value').first()).toHaveText(`${expected.toFixed(1)} mm`);
    await page.waitForTimeout(800); // autosave runs 300 ms after a change

    // Same browser, reopened from the PACS by link: autosave restores the reading as for local files.
    await page.goto(`/?pacs=/pacs&study=${baselineUid}`);
    await waitForOpen(page);
    await expect(page.getByTestId('dicomweb-panel').getByTestId('pacs-prior')).toHaveCount(2);
    await page.getByTestId('dicomweb-panel').getByTestId('pacs-prior').filter({ hasText: '2026-04-06' }).getByRole('button', { name: /Add/ }).click();
    await waitForOpen(page);
    await expect(page.getByTestId('measurements-toggle')).toContainText('1 measurement');
  });

  test('plain errors: a missing study, a server that refuses, a failed store kept with a retry that then stores', async ({ page }) => {
    await connect(page);
    const panel = page.getByTestId('dicomweb-panel');

    await page.goto('/?pacs=/pacs&study=1.2.3.4.999');
    await expect(page.getByTestId('pacs-error')).toHaveText(/has no study 1\.2\.3\.4\.999/);

    await page.route('**/pacs/studies?**', (route) => route.fulfill({ status: 403, body: 'denied' }));
    await panel.getByTestId('pacs-search').click();
    await expect(page.getByTestId('pacs-error')).toHaveText(/refused access \(HTTP 403\)/);
    await page.unroute('**/pacs/studies?**');

    // The proxy cannot reach the PACS while storing: the object stays here with a retry.
    const sop = `2.25.${Date.now()}1`;
    const series = `2.25.${Date.now()}2`;
    const object = Array.from(new Uint8Array(newObjectInStudy(followup[0]!, sop, series)));
    await page.route('**/pacs/studies', (route) => (route.request().method() === 'POST' ? route.fulfill({ status: 502, body: '' }) : route.fallback()));
    const first = await page.evaluate(
      (bytes) => (window as unknown as { __spinelens: Hooks }).__spinelens.dicomweb.storeReading([new Uint8Array(bytes).buffer], 'Test reading'),
      object,
    );
    expect(first.state).toBe('failed');
    const item = panel.getByTestId('pacs-store');
    await expect(item).toHaveAttribute('data-state', 'failed');
    await expect(item).toContainText('could not be reached');
    await expect(item).toContainText('retry');
    if (shots) await page.screenshot({ path: `${shots}/dicomweb-store-failed.png` });
    await page.unroute('**/pacs/studies');
    await item.getByTestId('pacs-store-retry').click();
    await expect(item).toHaveAttribute('data-state', 'stored');

    // Orthanc's own REST API finds it in the follow-up study.
    const found = (await (
      await orthanc.rest('/tools/find', { method: 'POST', body: JSON.stringify({ Level: 'Instance', Query: { SOPInstanceUID: sop, StudyInstanceUID: followupUid } }) })
    ).json()) as string[];
    expect(found).toHaveLength(1);
  });

  test('a fresh browser opening the study from the PACS sees what was stored into it', async ({ browser }) => {
    const sop = `2.25.${Date.now()}3`;
    const series = `2.25.${Date.now()}4`;
    const response = await orthanc.rest('/instances', { method: 'POST', body: Buffer.from(newObjectInStudy(followup[0]!, sop, series)) });
    expect(response.ok).toBe(true);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`/?pacs=/pacs&study=${followupUid}`);
    await expect(page.getByTestId('viewport-0').getByTestId('overlay-slice')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('import-progress')).toHaveCount(0, { timeout: 60_000 });
    // Every series Orthanc holds in the study (the sample's MR and the stored objects), by its REST API.
    const seriesIds = (await (await orthanc.rest('/tools/find', { method: 'POST', body: JSON.stringify({ Level: 'Series', Query: { StudyInstanceUID: followupUid } }) })).json()) as string[];
    expect(seriesIds.length).toBeGreaterThanOrEqual(2);
    await expect(page.getByTestId('series-item')).toHaveCount(seriesIds.length);
    await context.close();
  });
});

