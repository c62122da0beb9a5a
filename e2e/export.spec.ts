import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { openSample, type Point, worldDistance, drawWith } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '..');
const truth = JSON.parse(readFileSync(path.join(ROOT, 'sample-dicom/ground-truth.json'), 'utf8')) as {
  patient: { name: string; id: string; birthDate: string };
  timepoints: Record<string, { studyInstanceUID: string; studyDate: string; accessionNumber?: string }>;
};
const sampleFileCount = (function count(dir: string): number {
  return readdirSync(dir).reduce((n, name) => {
    const p = path.join(dir, name);
    return n + (statSync(p).isDirectory() ? count(p) : name.endsWith('.dcm') ? 1 : 0);
  }, 0);
})(path.join(ROOT, 'sample-dicom'));

const hasTool = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;

async function saved(page: Page, click: () => Promise<void>): Promise<{ download: Download; file: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  return { download, file };
}

/** A small CSV reader (quoted cells, CRLF), independent of the writer. */
function readCsv(text: string): Record<string, string>[] {
  const rows = text.trim().split(/\r\n/).map((line) => [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, -1));
  const [header, ...records] = rows;
  return records.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

test('export by mouse and keyboard: CSV and case JSON hold the drawn length; the teaching zip holds no identifying value; SR and JSON open on another browser', async ({ page, browser }) => {
  await openSample(page);
  const box = (await page.getByTestId('viewport-0').boundingBox())!;
  const from: Point = [box.x + box.width / 2 - 60, box.y + box.height / 2 - 40];
  const to: Point = [box.x + box.width / 2 + 50, box.y + box.height / 2 - 40];
  const expectedMm = await worldDistance(page, from, to);
  await drawWith(page, 'l', from, to);
  // The length becomes a lesion (by mouse, in the lesion panel), so the SR has a measurement group.
  await page.keyboard.press('m');
  const lengthItem = page.getByTestId('measurement-panel').getByTestId('measurement-item').and(page.locator('[data-kind="length"]'));
  await lengthItem.getByTestId('measurement-lesion').selectOption('__new');
  await expect(page.getByTestId('measurement-panel').getByTestId('lesion-card')).toHaveCount(1);

  // Keyboard: Shift+E opens the dialog.
  await page.keyboard.press('Shift+E');
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('export-dialog.png') });

  const csv = await saved(page, () => dialog.getByTestId('export-csv').click());
  const rows = readCsv(readFileSync(csv.file, 'utf8'));
  const length = rows.find((r) => r['kind'] === 'length');
  expect(length).toBeDefined();
  expect(Number(length!['value'])).toBeCloseTo(expectedMm, 1);
  expect(length).toMatchObject({ unit: 'mm', patient: truth.patient.name, timepoint: 'Baseline' });
  expect(length!['study date']).toBe(truth.timepoints['baseline']!.studyDate.replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3'));

  // Keyboard: focus the JSON button and press Enter.
  await dialog.getByTestId('export-json').focus();
  const json = await saved(page, () => page.keyboard.press('Enter'));
  const caseFile = JSON.parse(readFileSync(json.file, 'utf8')) as { format: string; stateVersion: number; state: { measurements: { kind: string; points: number[][] }[] } };
  expect(caseFile.format).toBe('spinelens-case');
  const drawn = caseFile.state.measurements.find((m) => m.kind === 'length')!;
  const [p, q] = drawn.points as [number[], number[]];
  expect(Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!)).toBeCloseTo(expectedMm, 1);

  const sr = await saved(page, () => dialog.getByTestId('export-sr').click());
  const srDir = mkdtempSync(path.join(tmpdir(), 'spinelens-sr-'));
  execFileSync('python3', ['-c', 'import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', sr.file, srDir]);
  const srFiles = walk(srDir);
  expect(srFiles).toHaveLength(1);
  if (hasTool('dsrdump')) {
    const tree = execFileSync('dsrdump', ['+Pc', srFiles[0]!], { encoding: 'utf8' });
    const value = Number(/NUM:\(410668003,SCT,"Length"\)="([\d.]+)" \(mm,UCUM/.exec(tree)?.[1]);
    expect(value).toBeCloseTo(expectedMm, 2);
    expect(tree).toMatch(/Tracking Unique Identifier"\)="2\.25\.\d+"/);
  }

  const zip = await saved(page, () => dialog.getByTestId('export-teaching').click());
  await expect(dialog.getByTestId('export-status')).toContainText(`${sampleFileCount} files de-identified, 0 left out`);
  await page.screenshot({ path: test.info().outputPath('export-dialog-done.png') });
  const out = mkdtempSync(path.join(tmpdir(), 'spinelens-teaching-'));
  execFileSync('python3', ['-c', 'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; z.extractall(sys.argv[2])', zip.file, out]);
  const files = walk(out);
  const dicomFiles = files.filter((f) => f.endsWith('.dcm') && !f.includes(`${path.sep}sr${path.sep}`));
  expect(dicomFiles).toHaveLength(sampleFileCount);
  const teachingReports = files.filter((f) => f.includes(`${path.sep}sr${path.sep}`));
  expect(teachingReports).toHaveLength(1);
  const secrets = [
    truth.patient.name,
    truth.patient.id,
    truth.patient.birthDate,
    ...Object.values(truth.timepoints).flatMap((t) => [t.studyInstanceUID, t.studyDate, t.accessionNumber ?? '']),
  ].filter((s) => s.length > 0);
  for (const file of files) {
    const text = readFileSync(file).toString('latin1');
    for (const secret of secrets) expect(text.includes(secret), `${path.relative(out, file)} holds ${secret}`).toBe(false);
  }
  const teachingCase = JSON.parse(readFileSync(path.join(out, 'case.json'), 'utf8')) as { state: { measurements: { kind: string; points: number[][] }[] } };
  const kept = teachingCase.state.measurements.find((m) => m.kind === 'length')!;
  expect(kept.points).toEqual(drawn.points);

  if (hasTool('dcmdump')) {
    const dump = execFileSync('dcmdump', ['-q', '+P', 'PatientIdentityRemoved', '+P', 'PatientName', dicomFiles[0]!], { encoding: 'utf8' });
    expect(dump).toContain('[YES]');
    expect(dump).not.toContain('PHANTOM');
  }
  if (hasTool('dciodvfy')) {
    for (const file of [dicomFiles[0]!, teachingReports[0]!]) {
      const result = spawnSync('dciodvfy', [file], { encoding: 'utf8' });
      expect(`${result.stdout}${result.stderr}`.split('\n').filter((l) => l.startsWith('Error')), file).toEqual([]);
    }
  } else console.warn('dciodvfy not installed: teaching zip not validated');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Another browser (no saved work): the SR, then the case JSON, bring back the lesion and its length.
  const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const second = await other.newPage();
  await openSample(second);
  await second.keyboard.press('Shift+E');
  const secondDialog = second.getByTestId('export-dialog');
  await secondDialog.getByTestId('import-reading').setInputFiles(srFiles[0]!);
  await expect(secondDialog.getByTestId('export-status')).toHaveText(/Added 1 lesion\(s\) and 1 measurement\(s\)/);
  await secondDialog.getByTestId('import-reading').setInputFiles(json.file);
  await expect(secondDialog.getByTestId('export-status')).toHaveText(/Added 1 lesion\(s\) and 1 measurement\(s\)/);
  await second.screenshot({ path: test.info().outputPath('import-done.png') });
  await second.keyboard.press('Escape');
  await second.keyboard.press('m');
  const panel = second.getByTestId('measurement-panel');
  await expect(panel.getByTestId('lesion-card')).toHaveCount(1);
  // The JSON (read last) carries the lesion's site; the SR has none.
  await expect(panel.getByTestId('lesion-site')).toHaveValue('osseous');
  const restored = panel.getByTestId('measurement-item').and(second.locator('[data-kind="length"]'));
  await expect(restored).toHaveCount(1);
  await expect(restored.getByTestId('measurement-value').first()).toHaveText(`${expectedMm.toFixed(1)} mm`);
  await second.screenshot({ path: test.info().outputPath('import-panel.png') });
  await other.close();
});
