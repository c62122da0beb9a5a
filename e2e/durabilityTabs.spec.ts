import { expect, test, type Page } from '@playwright/test';
import { drawLengthAcross, openSample } from './helpers';

interface Hooks {
  annotationUids(): string[];
  holdOtherTabsSaves(hold: boolean): void;
}
const drawnCount = (page: Page) => page.evaluate(() => (window as unknown as { __spinelens: Hooks }).__spinelens.annotationUids().length);
const holdOtherTabsSaves = (page: Page, hold: boolean) => page.evaluate((h) => (window as unknown as { __spinelens: Hooks }).__spinelens.holdOtherTabsSaves(h), hold);

const count = (n: number) => `${n} measurement${n === 1 ? '' : 's'}`;

test('two tabs on the same studies: each learns of the other\'s edits and neither overwrites them', async ({ context }) => {
  test.setTimeout(300_000);
  const first = await context.newPage();
  const second = await context.newPage();
  await openSample(first);
  await openSample(second);

  await first.bringToFront();
  await drawLengthAcross(first, -30);
  await expect(first.getByTestId('measurements-toggle')).toHaveText('1 measurement');
  await expect(second.getByTestId('measurements-toggle')).toHaveText('1 measurement');
  await expect(second.getByTestId('sync-notice')).toContainText("Another tab's changes merged in");

  await second.bringToFront();
  await drawLengthAcross(second, 30);
  await expect(second.getByTestId('measurements-toggle')).toHaveText('2 measurements');
  await expect(first.getByTestId('measurements-toggle')).toHaveText('2 measurements');
  await first.screenshot({ path: test.info().outputPath('first-tab.png') });

  const third = await context.newPage();
  await openSample(third);
  await expect(third.getByTestId('measurements-toggle')).toHaveText('2 measurements');
});

test('a measurement deleted in one tab goes from the other tab too, and stays deleted in both after reloading', async ({ context }) => {
  test.setTimeout(300_000);
  const first = await context.newPage();
  const second = await context.newPage();
  await openSample(first);
  await openSample(second);

  await first.bringToFront();
  await drawLengthAcross(first, -30);
  await drawLengthAcross(first, 30);
  await expect(second.getByTestId('measurements-toggle')).toHaveText(count(2));
  await expect.poll(() => drawnCount(second)).toBe(2);

  // Deleted in the first tab by mouse, from the Lesions panel.
  await first.keyboard.press('m');
  const items = first.getByTestId('measurement-panel').getByTestId('measurement-item');
  await expect(items).toHaveCount(2);
  await items.first().getByTestId('measurement-delete').click();
  await expect(first.getByTestId('measurements-toggle')).toHaveText(count(1));

  // The second tab, which had it, loses it (list and drawing) and does not bring it back with its next save.
  await expect(second.getByTestId('measurements-toggle')).toHaveText(count(1));
  await expect.poll(() => drawnCount(second)).toBe(1);
  await second.bringToFront();
  await drawLengthAcross(second, 60);
  await expect(second.getByTestId('measurements-toggle')).toHaveText(count(2));
  await expect(first.getByTestId('measurements-toggle')).toHaveText(count(2));

  for (const page of [first, second]) {
    await page.reload();
    await expect(page.getByTestId('viewport-0').getByTestId('overlay-slice')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('measurements-toggle')).toHaveText(count(2));
  }
  const third = await context.newPage();
  await openSample(third);
  await expect(third.getByTestId('measurements-toggle')).toHaveText(count(2));
  await expect.poll(() => drawnCount(third)).toBe(2);
});

test('the same measurement edited in two tabs at once: the later edit is kept in both, and both tabs say so', async ({ context }) => {
  test.setTimeout(300_000);
  const first = await context.newPage();
  const second = await context.newPage();
  await openSample(first);
  await openSample(second);
  await first.bringToFront();
  await drawLengthAcross(first, -30);
  await expect(second.getByTestId('measurements-toggle')).toHaveText(count(1));

  const levelIn = (page: Page) => page.getByTestId('measurement-panel').getByTestId('measurement-level-edit');
  for (const page of [first, second]) {
    await page.bringToFront();
    await page.keyboard.press('m');
    await expect(levelIn(page)).toHaveValue('');
  }
  // The two edits cross: the second tab is busy and has not yet heard of the first tab's edit when it makes its own.
  await holdOtherTabsSaves(second, true);
  await first.bringToFront();
  await levelIn(first).fill('C3');
  await expect(first.getByTestId('measurement-panel').getByTestId('autosave-status')).toHaveText('Saved in this browser');
  await second.bringToFront();
  await levelIn(second).fill('C4');
  await expect(levelIn(first)).toHaveValue('C4');
  await expect(first.getByTestId('sync-notice')).toContainText("changed in two tabs at once: the other tab's later change is kept");
  await holdOtherTabsSaves(second, false);
  await expect(second.getByTestId('sync-notice')).toContainText("changed in two tabs at once: this tab's later change is kept");
  await expect(levelIn(second)).toHaveValue('C4');
  await first.screenshot({ path: test.info().outputPath('conflict-first-tab.png') });
  await second.screenshot({ path: test.info().outputPath('conflict-second-tab.png') });

  const third = await context.newPage();
  await openSample(third);
  await third.keyboard.press('m');
  await expect(levelIn(third)).toHaveValue('C4');
});
