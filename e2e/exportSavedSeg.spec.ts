import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { openSample, pageAt, showSeries, type Vec3 } from './helpers';

const truth = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../sample-dicom/ground-truth.json'), 'utf8')) as {
  patient: { name: string; id: string; birthDate: string };
  timepoints: Record<string, { studyInstanceUID: string; studyDate: string; accessionNumber: string; lesion: { volumeMl: number }; series: Record<string, { lesion: { centroid: Vec3 } }> }>;
};
const baseline = truth.timepoints.baseline!;
const hasTool = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;

const shownMl = async (page: Page) => Number(await page.getByTestId('segmentation-panel').getByTestId('seg-volume').getAttribute('data-ml'));
const ctKey = (page: Page) => page.evaluate(() => window.__spinelens!.store.getState().patients.flatMap((p) => p.studies.flatMap((s) => s.series)).find((s) => s.modality === 'CT')!.key);

async function saved(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = test.info().outputPath(name);
  await (download as Download).saveAs(file);
  return file;
}

function unzip(zip: string): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'spinelens-savedseg-'));
  execFileSync('python3', ['-c', 'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; z.extractall(sys.argv[2])', zip, dir]);
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : [path.join(d, n)]));
  return walk(dir);
}

/** Every value of an attribute at any depth, as dcmtk reads it. */
const dcmtk = (file: string, keyword: string) => [...execFileSync('dcmdump', ['-q', '+P', keyword, file], { encoding: 'utf8' }).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!);

/** Set bits of a binary SEG's pixel data, extracted by dcmtk. */
function segBits(file: string): number {
  const out = mkdtempSync(path.join(tmpdir(), 'spinelens-segraw-'));
  execFileSync('dcmdump', ['-q', '+W', out, file]);
  const raw = readFileSync(path.join(out, readdirSync(out).find((n) => n.endsWith('.raw'))!));
  let set = 0;
  for (const byte of raw) for (let b = 0; b < 8; b++) set += (byte >> b) & 1;
  return set;
}

test('a CT segmented in an earlier session goes out as SEG without being opened, in the SR zip and the teaching zip, and comes back with the same mL', async ({ page, browser }) => {
  test.skip(!hasTool('dcmdump'), 'dcmtk not installed: the SEG cannot be read independently');
  test.setTimeout(300_000);
  await openSample(page);
  await page.keyboard.press('k');
  const panel = page.getByTestId('segmentation-panel');
  await page.getByTestId('tool-WindowLevel').click();
  await showSeries(page, 'C-SPINE AXIAL', 0);
  await panel.getByTestId('seg-tool-SegmentSeed').click();
  await page.mouse.click(...(await pageAt(page, 0, baseline.series['baseline-ct']!.lesion.centroid)));
  await expect.poll(() => shownMl(page), { timeout: 60_000 }).toBeGreaterThan(0.5 * baseline.lesion.volumeMl);
  const grownMl = await shownMl(page);
  const key = await ctKey(page);
  const voxels = await page.evaluate((k) => window.__spinelens!.segmentation.voxelCount(k), key);
  await expect.poll(() => page.evaluate(() => window.__spinelens!.segmentation.saved()), { timeout: 30_000 }).toBe(true);

  // Another session of the same browser: the sample opens on the MR; the CT is not shown, so its segmentation is not open.
  await page.reload();
  for (const slot of [0, 1]) await expect(page.getByTestId(`viewport-${slot}`).getByTestId('overlay-slice')).toBeVisible({ timeout: 60_000 });
  expect(await page.evaluate((k) => window.__spinelens!.segmentation.voxelCount(k), key)).toBeNull();

  await page.keyboard.press('Shift+E');
  const dialog = page.getByTestId('export-dialog');
  const srZip = await saved(page, () => dialog.getByTestId('export-sr').click(), 'reading.zip');
  await expect(dialog.getByTestId('export-status')).toHaveText(/Saved 1 DICOM SR report\(s\) and 1 DICOM SEG segmentation\(s\)/, { timeout: 60_000 });
  expect(await page.evaluate((k) => window.__spinelens!.segmentation.voxelCount(k), key)).toBeNull();
  const reading = unzip(srZip);
  const seg = reading.find((f) => f.endsWith('-seg.dcm'))!;
  const sr = reading.find((f) => f.endsWith('-sr.dcm'))!;
  const ctSeriesUid = key.split('|')[0]!;
  expect(dcmtk(seg, 'SeriesInstanceUID')).toContain(ctSeriesUid);
  expect(segBits(seg)).toBe(voxels);

  const teaching = await saved(page, () => dialog.getByTestId('export-teaching').click(), 'teaching.zip');
  await expect(dialog.getByTestId('export-status')).toContainText('files de-identified', { timeout: 60_000 });
  console.log(`teaching zip: ${await dialog.getByTestId('export-status').textContent()} ${(await dialog.getByTestId('export-left-out').allTextContents()).join(' ')}`);
  await expect(dialog.getByTestId('export-status')).toContainText('0 left out');
  const files = unzip(teaching);
  const teachingSegs = files.filter((f) => f.includes(`${path.sep}seg${path.sep}`));
  expect(teachingSegs).toHaveLength(1);
  expect(segBits(teachingSegs[0]!)).toBe(voxels);
  const images = files.filter((f) => /series\d+[/\\]IM\d+\.dcm$/.test(f));
  const sops = new Set(images.flatMap((f) => dcmtk(f, 'SOPInstanceUID').slice(0, 1)));
  const referenced = dcmtk(teachingSegs[0]!, 'ReferencedSOPInstanceUID');
  expect(referenced.length).toBeGreaterThan(0);
  for (const uid of referenced) expect(sops.has(uid), `${uid} is among the zip's images`).toBe(true);
  const secrets = [truth.patient.name, truth.patient.id, truth.patient.birthDate, ctSeriesUid, ...Object.values(truth.timepoints).flatMap((t) => [t.studyInstanceUID, t.studyDate, t.accessionNumber])];
  for (const file of teachingSegs) {
    const text = readFileSync(file).toString('latin1');
    for (const secret of secrets) expect(text.includes(secret), `${path.basename(file)} holds ${secret}`).toBe(false);
  }
  if (hasTool('dciodvfy')) {
    const result = spawnSync('dciodvfy', [teachingSegs[0]!], { encoding: 'utf8' });
    expect(`${result.stdout}${result.stderr}`.split('\n').filter((l) => l.startsWith('Error'))).toEqual([]);
  }
  await page.keyboard.press('Escape');

  // A browser with no saved state: SR and SEG opened together bring the CT's segmentation back with the same mL.
  const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const second = await other.newPage();
  await openSample(second);
  await second.keyboard.press('Shift+E');
  await second.getByTestId('export-dialog').getByTestId('import-reading').setInputFiles([seg, sr]);
  await expect(second.getByTestId('export-status')).toContainText('Added the segmentation of 1 lesion(s)', { timeout: 90_000 });
  await second.keyboard.press('Escape');
  await second.keyboard.press('k');
  await second.getByTestId('tool-WindowLevel').click();
  await showSeries(second, 'C-SPINE AXIAL', 0);
  await expect.poll(() => shownMl(second), { timeout: 60_000 }).toBeCloseTo(grownMl, 6);
  await second.screenshot({ path: test.info().outputPath('ct-seg-back.png') });
  console.log(`CT grown ${grownMl} mL (${voxels} voxels); SEG bits ${voxels}; after the round trip ${await shownMl(second)} mL`);
  await other.close();
});
