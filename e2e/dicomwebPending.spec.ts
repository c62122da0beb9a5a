import { expect, test, type Page } from '@playwright/test';
import { E2E_ORTHANC_PORT, orthancMissingReason, startOrthanc, type RunningOrthanc } from '../scripts/orthanc';
import { sampleFiles } from '../tests/dicomweb/orthancFixture';
import { drawLengthAcross, viewSettled } from './helpers';

const missing = orthancMissingReason();
const baselineUid = sampleFiles('baseline')[0]!.studyInstanceUid;
/** The Orthanc the preview proxy points at (SPINELENS_PACS_URL), else the default e2e one. */
const orthancPort = Number(/:(\d+)\//.exec(process.env.SPINELENS_PACS_URL ?? '')?.[1] ?? E2E_ORTHANC_PORT);

/** Orthanc's own REST API: the series of the baseline study with this modality. */
async function seriesWithModality(orthanc: RunningOrthanc, modality: string): Promise<string[]> {
  const answer = await orthanc.rest('/tools/find', { method: 'POST', body: JSON.stringify({ Level: 'Series', Query: { StudyInstanceUID: baselineUid, Modality: modality } }) });
  return (await answer.json()) as string[];
}

async function openEmptyPage(page: Page): Promise<void> {
  await page.goto('/?empty');
  await expect(page.getByText('No images loaded')).toBeVisible();
}

test.describe('A store of the reading that fails is never lost (a real Orthanc behind the preview proxy)', () => {
  test.skip(missing !== null, missing ?? '');
  let orthanc: RunningOrthanc | null = null;
  test.afterAll(async () => orthanc?.stop());

  test('PACS down: Store to PACS fails; after a reload the store is listed with Retry; PACS back: Retry stores the SR, Orthanc lists it, and the list is empty after the next reload', async ({ page }) => {
    test.setTimeout(240_000);
    orthanc = await startOrthanc(orthancPort);
    await page.goto(`/?pacs=/pacs&study=${baselineUid}`);
    await expect(page.getByTestId('viewport-0').getByTestId('overlay-slice')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('import-progress')).toHaveCount(0, { timeout: 60_000 });
    await viewSettled(page);

    // A length made a lesion by mouse, so the reading has an SR to store.
    await drawLengthAcross(page, 0);
    await page.keyboard.press('m');
    const item = page.getByTestId('measurement-panel').getByTestId('measurement-item').first();
    await item.getByTestId('measurement-lesion').selectOption('__new');
    await expect(page.getByTestId('measurement-panel').getByTestId('lesion-card')).toHaveCount(1);

    // The PACS goes away; the proxy answers 502.
    await orthanc.stop();
    orthanc = null;
    await page.keyboard.press('Shift+E');
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByTestId('export-store-pacs').click();
    await expect(dialog.getByTestId('export-status')).toContainText('could not be reached', { timeout: 60_000 });
    await expect(dialog.getByTestId('export-status')).toContainText('kept in this browser');
    await page.keyboard.press('Escape');

    // A new session of the page: the store comes back from IndexedDB, in the PACS panel (opened for it), with Retry.
    await openEmptyPage(page);
    await expect(page.getByTestId('dicomweb-panel')).toBeVisible();
    const stores = page.getByTestId('dicomweb-panel').getByTestId('pacs-store');
    await expect(stores).toHaveCount(1);
    await expect(stores.first()).toHaveAttribute('data-state', 'failed');
    await expect(stores.first()).toContainText('Not stored yet, kept in this browser since');
    await expect(stores.first()).toContainText('could not be reached');
    await page.screenshot({ path: test.info().outputPath('pending-store-after-reload.png') });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // The PACS is back (a fresh Orthanc holding the sample, no SR yet): Retry, by keyboard, stores it.
    orthanc = await startOrthanc(orthancPort);
    expect(await seriesWithModality(orthanc, 'SR')).toHaveLength(0);
    await stores.first().getByTestId('pacs-store-retry').focus();
    await page.keyboard.press('Enter');
    await expect(stores.first()).toHaveAttribute('data-state', 'stored', { timeout: 60_000 });
    await expect(stores.first()).toContainText('Stored on');
    expect(await seriesWithModality(orthanc, 'SR')).toHaveLength(1);
    await page.screenshot({ path: test.info().outputPath('pending-store-retried.png') });

    // Stored: forgotten by this browser, so not offered again (the panel stays closed until asked for).
    await openEmptyPage(page);
    await page.waitForTimeout(1000);
    await expect(page.getByTestId('dicomweb-panel')).toHaveCount(0);
    await page.keyboard.press('Shift+O');
    await expect(page.getByTestId('dicomweb-panel')).toBeVisible();
    await expect(page.getByTestId('dicomweb-panel').getByTestId('pacs-store')).toHaveCount(0);
  });
});
