import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { filesIn, hasSharedDicom, openEmpty, SHARED_SKIP_REASON, sharedPath } from './helpers';

test.describe('open a folder and drop files', () => {
  test.skip(!hasSharedDicom, SHARED_SKIP_REASON);

  test('a whole folder through the folder picker', async ({ page }) => {
    await openEmpty(page);
    await page.getByTestId('folder-input').setInputFiles(sharedPath('neurolabusc__dcm_qa_decubitus/In/HFS/3_t1_fl2d_sag'));
    await expect(page.getByTestId('series-item').filter({ hasText: 't1_fl2d_sag' })).toContainText('35 images');
    await expect(page.getByTestId('viewport-0').getByTestId('overlay-slice')).toHaveText(/\/35$/);
  });

  test('files dropped on the page', async ({ page }) => {
    await openEmpty(page);
    const files = filesIn(sharedPath('neurolabusc__dcm_qa_ct/In/Philips/S21570/S2010')).slice(0, 3);
    const payload = files.map((f) => ({ name: path.basename(f), bytes: [...readFileSync(f)] }));
    const dataTransfer = await page.evaluateHandle((items) => {
      const dt = new DataTransfer();
      for (const item of items) dt.items.add(new File([new Uint8Array(item.bytes)], item.name, { type: 'application/dicom' }));
      return dt;
    }, payload);
    await page.dispatchEvent('.app', 'dragover', { dataTransfer });
    await expect(page.getByText('Drop DICOM files or folders to open them')).toBeVisible();
    await page.dispatchEvent('.app', 'drop', { dataTransfer });
    await expect(page.getByTestId('series-item').filter({ hasText: 'STD BRAIN 5MM' })).toContainText('3 images');
    await expect(page.getByText('Drop DICOM files or folders to open them')).toHaveCount(0);
  });
});
