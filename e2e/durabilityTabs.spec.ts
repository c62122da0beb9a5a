import { expect, test } from '@playwright/test';
import { drawLengthAcross, openSample } from './helpers';

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
