import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { E2E_ORTHANC_PORT, orthancMissingReason, startOrthanc, type RunningOrthanc } from '../scripts/orthanc';
import { sampleFiles } from '../tests/dicomweb/orthancFixture';
import { pageAt, showSeries, type Point, type Vec3 } from './helpers';

const missing = orthancMissingReason();
const baselineUid = sampleFiles('baseline')[0]!.studyInstanceUid;
const truth = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../sample-dicom/ground-truth.json'), 'utf8')) as {
  timepoints: Record<string, { lesion: { volumeMl: number }; series: Record<string, { lesion: { centroid: Vec3 } }> }>;
};
/** The Orthanc the preview proxy points at (SPINELENS_PACS_URL), else the default e2e one. */
const orthancPort = Number(/:(\d+)\//.exec(process.env.SPINELENS_PACS_URL ?? '')?.[1] ?? E2E_ORTHANC_PORT);

const segmentedMl = async (page: Page) => Number(await page.getByTestId('segmentation-panel').getByTestId('seg-volume').getAttribute('data-ml'));

async function openBaselineFromPacs(page: Page): Promise<void> {
  await page.goto(`/?pacs=/pacs&study=${baselineUid}`);
  await expect(page.getByTestId('viewport-0').getByTestId('overlay-slice')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('import-progress')).toHaveCount(0, { timeout: 60_000 });
}

test.describe('Store the reading to the PACS (a real Orthanc behind the preview proxy)', () => {
  test.skip(missing !== null, missing ?? '');
  let orthanc: RunningOrthanc;
  test.beforeAll(async () => {
    orthanc = await startOrthanc(orthancPort);
  });
  test.afterAll(async () => orthanc?.stop());

  test('measure and segment the baseline from the PACS, Store to PACS: Orthanc holds the SR and SEG, and a fresh browser opening the study gets both back', async ({ page, browser }) => {
    test.setTimeout(300_000);
    await openBaselineFromPacs(page);
    await showSeries(page, 'SAG T2');
    await page.keyboard.press('k');
    await page.getByTestId('segmentation-panel').getByTestId('seg-tool-SegmentSeed').click();
    await page.mouse.click(...(await pageAt(page, 0, truth.timepoints.baseline!.series['baseline-mr']!.lesion.centroid)));
    await expect.poll(() => segmentedMl(page), { timeout: 60_000 }).toBeGreaterThan(0.5 * truth.timepoints.baseline!.lesion.volumeMl);
    const grownMl = await segmentedMl(page);

    // A length across the lesion, put in the segmented lesion (so the SR carries it).
    await page.keyboard.press('l');
    const box = (await page.getByTestId('viewport-0').boundingBox())!;
    const from: Point = [box.x + box.width / 2 - 60, box.y + box.height / 2];
    const to: Point = [box.x + box.width / 2 + 60, box.y + box.height / 2];
    await page.mouse.move(...from, { steps: 4 });
    await page.mouse.down();
    await page.mouse.move(...to, { steps: 8 });
    await page.mouse.up();
    await expect(page.getByTestId('measurements-toggle')).toContainText('1 measurement');
    await page.keyboard.press('m');
    const measurements = page.getByTestId('measurement-panel');
    await measurements.getByTestId('measurement-lesion').first().selectOption({ label: 'Lesion 1' });
    const lengthText = (await measurements.getByTestId('measurement-value').first().textContent())!.trim();

    await page.keyboard.press('Shift+E');
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByTestId('export-store-pacs').click();
    await expect(dialog.getByTestId('export-status')).toContainText('(2 objects)', { timeout: 60_000 });
    await page.screenshot({ path: test.info().outputPath('store-to-pacs.png') });

    // Orthanc's own REST API: the study now holds an SR and a SEG series.
    const [studyId] = (await (await orthanc.rest('/tools/find', { method: 'POST', body: JSON.stringify({ Level: 'Study', Query: { StudyInstanceUID: baselineUid } }) })).json()) as string[];
    const series = (await (await orthanc.rest(`/studies/${studyId}/series`)).json()) as { MainDicomTags: { Modality: string } }[];
    const modalities = series.map((s) => s.MainDicomTags.Modality);
    expect(modalities).toContain('SR');
    expect(modalities).toContain('SEG');

    const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const second = await fresh.newPage();
    const requested: string[] = [];
    second.on('request', (request) => requested.push(decodeURIComponent(new URL(request.url()).pathname)));
    await openBaselineFromPacs(second);
    await expect(second.getByTestId('measurements-toggle')).toContainText('1 measurement', { timeout: 60_000 });
    // The SR and the SEG (their SOP Instance UIDs from Orthanc's REST API) were each retrieved once, not also by the image import.
    const readingSeries = series.filter((x) => ['SR', 'SEG'].includes(x.MainDicomTags.Modality)) as unknown as { ID: string }[];
    for (const { ID } of readingSeries) {
      const instances = (await (await orthanc.rest(`/series/${ID}/instances`)).json()) as { MainDicomTags: { SOPInstanceUID: string } }[];
      for (const instance of instances) expect(requested.filter((p) => p.endsWith(`/instances/${instance.MainDicomTags.SOPInstanceUID}`))).toHaveLength(1);
    }
    await second.keyboard.press('m');
    await expect(second.getByTestId('measurement-panel').getByTestId('measurement-value').first()).toHaveText(lengthText);
    await showSeries(second, 'SAG T2');
    await second.keyboard.press('k');
    await expect.poll(() => segmentedMl(second), { timeout: 60_000 }).toBeCloseTo(grownMl, 6);
    console.log(`stored on Orthanc: ${modalities.join(', ')}; length ${lengthText}; segmented ${grownMl} mL, back from the PACS ${await segmentedMl(second)} mL`);
    await second.screenshot({ path: test.info().outputPath('reopened-from-pacs.png') });
    await fresh.close();
  });
});
