import dcmjs from 'dcmjs';
import { expect, test, type Route } from '@playwright/test';
import { E2E_ORTHANC_PORT, orthancMissingReason, startOrthanc, type RunningOrthanc } from '../scripts/orthanc';
import { sampleFiles } from '../tests/dicomweb/orthancFixture';

const missing = orthancMissingReason();
const baseline = sampleFiles('baseline');
const baselineUid = baseline[0]!.studyInstanceUid;
const orthancPort = Number(/:(\d+)\//.exec(process.env.SPINELENS_PACS_URL ?? '')?.[1] ?? E2E_ORTHANC_PORT);

/** The baseline study's largest series and the Instance Number of its middle image, read from the sample files by dcmjs. */
function largestSeriesMiddle(): { seriesUid: string; sops: string[]; middleSop: string; middleNumber: number } {
  const bySeries = new Map<string, { sop: string; number: number }[]>();
  for (const file of baseline) {
    const dict = dcmjs.data.DicomMessage.readFile(new Uint8Array(file.bytes).buffer).dict;
    const series = String(dict['0020000E']?.Value?.[0]);
    bySeries.set(series, [...(bySeries.get(series) ?? []), { sop: file.sopInstanceUid, number: Number(dict['00200013']?.Value?.[0]) }]);
  }
  const [seriesUid, images] = [...bySeries].sort((a, b) => b[1].length - a[1].length)[0]!;
  const sorted = images.sort((a, b) => a.number - b.number);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return { seriesUid, sops: sorted.map((i) => i.sop), middleSop: middle.sop, middleNumber: middle.number };
}

test.describe('A study from the PACS shows its first image before the rest has arrived', () => {
  test.skip(missing !== null, missing ?? '');
  let orthanc: RunningOrthanc;
  test.beforeAll(async () => {
    orthanc = await startOrthanc(orthancPort);
  });
  test.afterAll(async () => orthanc?.stop());

  test('the middle image of the largest series is retrieved first and shown with a progress bar while every other image is held back', async ({ page }) => {
    const { seriesUid, sops, middleSop, middleNumber } = largestSeriesMiddle();
    const count = sops.length;
    const policyViolations: string[] = [];
    page.on('console', (message) => {
      // A refused request reads "Refused to connect to … because it violates the following Content Security Policy directive".
      if (/violates the following Content Security Policy/i.test(message.text())) policyViolations.push(message.text());
    });
    const retrieved: string[] = [];
    const held: Route[] = [];
    let holding = true;
    await page.route('**/pacs/studies/*/series/*/instances/*', (route) => {
      const sop = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop()!);
      retrieved.push(sop);
      if (holding && sop !== middleSop) held.push(route);
      else void route.fallback();
    });
    await page.goto(`/?pacs=/pacs&study=${baselineUid}`);

    // Only the middle image has come: it is on screen, with its Instance Number, and the progress bar says the rest is coming.
    const overlay = page.getByTestId('viewport-0').getByTestId('overlay-slice');
    await expect(overlay).toContainText(`Im ${middleNumber}`, { timeout: 60_000 });
    await expect(page.getByTestId('import-progress')).toBeVisible();
    expect(retrieved[0]).toBe(middleSop);
    await page.screenshot({ path: test.info().outputPath('first-image-while-retrieving.png') });

    holding = false;
    for (const route of held.splice(0)) void route.fallback();
    await expect(page.getByTestId('import-progress')).toHaveCount(0, { timeout: 60_000 });
    // Everything in: both series of the study are listed, and the default hanging has replaced the preview.
    await expect(page.getByTestId('series-item')).toHaveCount(2);
    await expect(overlay).not.toContainText(`Im ${middleNumber} · 1/1`);
    // The rest of the largest series was asked for before the other series (by the requests made).
    // The browser may send requests that wait for a connection in another order: allow the 8 the import reads at once.
    const early = new Set(retrieved.slice(0, count + 8));
    expect(sops.filter((sop) => !early.has(sop))).toEqual([]);
    // Each image of the study retrieved once.
    expect(retrieved.length).toBe(baseline.length);
    expect(new Set(retrieved).size).toBe(baseline.length);
    // dicomweb-client's requests go to the page's own origin (the /pacs proxy): the page's connect-src 'self' allows them.
    expect(policyViolations).toEqual([]);
    console.log(`series ${seriesUid}: first image Im ${middleNumber} shown alone, then ${retrieved.length - 1} more retrieved`);
  });
});
