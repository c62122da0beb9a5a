import { expect, test, type Page } from '@playwright/test';
import { drawLengthAcross, openSample } from './helpers';

test('when the browser refuses storage, the user is told and the viewer keeps working', async ({ page }) => {
  // As in some private modes: no IndexedDB at all.
  await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }));
  await page.goto('/');
  const viewport = page.getByTestId('viewport-0');
  await expect(viewport.getByTestId('overlay-slice')).toBeVisible({ timeout: 60_000 });
  await page.keyboard.press('l');
  const box = (await viewport.boundingBox())!;
  await page.mouse.move(box.x + 150, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + 250, box.y + 200, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('storage-error')).toBeVisible();
  await expect(page.getByTestId('storage-error')).toContainText('IndexedDB');
  await expect(page.getByTestId('measurements-toggle')).toHaveText('1 measurement');
});

/** Every key and value of the autosave store, read without the app. */
function savedRecords(page: Page): Promise<{ key: string; value: unknown }[]> {
  return page.evaluate(
    () =>
      new Promise<{ key: string; value: unknown }[]>((resolve, reject) => {
        const open = indexedDB.open('spinelens');
        open.onerror = () => reject(new Error('cannot open the autosave database'));
        open.onsuccess = () => {
          const store = open.result.transaction('studyStates').objectStore('studyStates');
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => resolve(keys.result.map((key, i) => ({ key: String(key), value: values.result[i] as unknown })));
        };
      }),
  );
}

test('a saved record this version cannot read is kept aside and reported, and the work saved beside it comes back', async ({ page }) => {
  test.setTimeout(180_000);
  await openSample(page);
  await drawLengthAcross(page, -30);
  await expect(page.getByTestId('measurements-toggle')).toHaveText('1 measurement');
  await expect.poll(async () => (await savedRecords(page)).filter((r) => r.key.includes('#tab:')).length).toBe(1);
  const studiesKey = (await savedRecords(page)).find((r) => r.key.includes('#tab:'))!.key.split('#tab:')[0]!;
  // As if a newer SpineLens had saved these studies: a record this version does not read.
  const newer = { recordVersion: 99, state: '{"from":"a newer version"}' };
  await page.evaluate(
    ([key, value]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('spinelens');
        open.onsuccess = () => {
          const tx = open.result.transaction('studyStates', 'readwrite');
          tx.objectStore('studyStates').put(value, key);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(new Error('could not write the test record'));
        };
      }),
    [studiesKey, newer] as const,
  );
  await page.reload();
  await expect(page.getByTestId('viewport-0').getByTestId('overlay-slice')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('storage-error')).toContainText('not restored');
  await expect(page.getByTestId('storage-error')).toContainText('kept aside');
  await expect(page.getByTestId('measurements-toggle')).toHaveText('1 measurement');
  const aside = (await savedRecords(page)).filter((r) => r.key.startsWith(`${studiesKey}#unreadable-`));
  expect(aside.map((r) => r.value)).toEqual([newer]);
});
