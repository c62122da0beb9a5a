import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openSample, viewSettled, type Point } from './helpers';

type Drawn = { toolName: string; points: number[][]; referencedImageId: string | null; label: string };
type Listed = { id: string; kind: string; value: string };

const panelItems = (page: Page) => page.getByTestId('measurement-panel').getByTestId('measurement-item');

async function drag(page: Page, from: Point, to: Point): Promise<void> {
  await page.mouse.move(...from);
  await page.mouse.down();
  await page.mouse.move(...to, { steps: 8 });
  await page.mouse.up();
}

/** The measurements as listed (kind and shown value) with their ids, in list order. */
async function listed(page: Page): Promise<Listed[]> {
  const ids = await page.evaluate(() => window.__spinelens!.measurements.getState().state.measurements.map((m) => ({ id: m.id, kind: m.kind })));
  const values = await panelItems(page).evaluateAll((items) => items.map((li) => ({ kind: li.getAttribute('data-kind') ?? '', value: li.querySelector('[data-testid="measurement-value"]')?.textContent ?? '' })));
  return values.map((v, i) => ({ ...v, id: ids.filter((m) => m.kind === v.kind)[values.slice(0, i).filter((w) => w.kind === v.kind).length]?.id ?? '' }));
}

const drawnOf = (page: Page, ids: string[]) => page.evaluate((list) => list.map((id) => window.__spinelens!.drawnAnnotation(id)), ids);

test('measurements read from an SR are drawn where they were, with the same values, and can be edited', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await openSample(page);
  await viewSettled(page, 0);
  const box = (await page.getByTestId('viewport-0').boundingBox())!;
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.keyboard.press('l');
  await drag(page, [cx - 60, cy - 60], [cx + 40, cy - 60]);
  await page.keyboard.press('b');
  await drag(page, [cx - 50, cy], [cx + 50, cy + 20]);
  await page.keyboard.press('e');
  await drag(page, [cx - 30, cy + 50], [cx + 30, cy + 90]);
  await page.keyboard.press('a');
  await drag(page, [cx + 80, cy - 80], [cx + 40, cy - 40]);
  await expect(page.getByTestId('text-request')).toBeVisible();
  await page.keyboard.type('posterior arch');
  await page.keyboard.press('Enter');
  await expect(panelItems(page)).toHaveCount(4);
  // All four go into one lesion, by mouse in the panel.
  await panelItems(page).first().getByTestId('measurement-lesion').selectOption('__new');
  const lesionId = await page.evaluate(() => window.__spinelens!.measurements.getState().state.lesions[0]!.id);
  for (let i = 1; i < 4; i++) await panelItems(page).nth(i).getByTestId('measurement-lesion').selectOption(lesionId);
  const before = await listed(page);
  const ids = before.map((m) => m.id);
  const drawnBefore = await drawnOf(page, ids);
  await page.screenshot({ path: test.info().outputPath('drawn.png') });

  await page.keyboard.press('Shift+E');
  const dialog = page.getByTestId('export-dialog');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-sr').click()]);
  const zip = test.info().outputPath('reading.zip');
  await download.saveAs(zip);
  const dir = mkdtempSync(path.join(tmpdir(), 'spinelens-drawings-'));
  execFileSync('python3', ['-c', 'import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, dir]);
  const sr = readdirSync(dir).map((f) => path.join(dir, f)).find((f) => f.endsWith('-sr.dcm'))!;

  // A browser with no saved state: the sample, then the SR by mouse in the export dialog.
  const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const second = await other.newPage();
  await openSample(second);
  await second.keyboard.press('Shift+E');
  await second.getByTestId('export-dialog').getByTestId('import-reading').setInputFiles(sr);
  await expect(second.getByTestId('export-status')).toHaveText(/Added 1 lesion\(s\) and 4 measurement\(s\)/);
  await second.keyboard.press('Escape');
  await second.keyboard.press('m');
  await expect(panelItems(second)).toHaveCount(4);
  const after = await listed(second);
  expect(after.map((m) => [m.kind, m.value]).sort()).toEqual(before.map((m) => [m.kind, m.value]).sort());

  const drawnAfter = await drawnOf(second, ids);
  drawnBefore.forEach((original, n) => {
    const copy = drawnAfter[n] as Drawn | null;
    expect(copy, `${before[n]!.kind} is drawn`).not.toBeNull();
    expect(copy!.toolName).toBe(original!.toolName);
    // The bidirectional's short axis and the ellipse's axes are kept as points; every handle within 0.01 mm.
    expect(copy!.points.length).toBe(original!.points.length);
    copy!.points.forEach((p, i) => p.forEach((v, a) => expect(v).toBeCloseTo(original!.points[i]![a]!, 2)));
    if (original!.toolName === 'ArrowAnnotate') expect(copy!.label).toBe('posterior arch');
  });
  await viewSettled(second, 0);
  await second.screenshot({ path: test.info().outputPath('imported-drawn.png') });

  // Editable like a drawn one: dragging the length's end changes its value.
  const length = drawnAfter[before.findIndex((m) => m.kind === 'length')] as Drawn;
  const end = await second.evaluate((p) => window.__spinelens!.worldToPage(0, p as [number, number, number]), length.points[1]!);
  await second.keyboard.press('l');
  await drag(second, end!, [end![0] + 30, end![1]]);
  const lengthItem = panelItems(second).and(second.locator('[data-kind="length"]'));
  await expect(lengthItem.getByTestId('measurement-value').first()).not.toHaveText(before.find((m) => m.kind === 'length')!.value);
  await other.close();
});
