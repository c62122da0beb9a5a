import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { hasSharedDicom, loadFiles, openEmpty, SHARED_DICOM, SHARED_SKIP_REASON } from './helpers';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const NOT_DICOM = /(^|\/)(LICENSE|README\.md|SOURCES\.md)$|\.(md|zip|txt)$/;

test.describe('every real file either displays or is listed with a reason', () => {
  test.skip(!hasSharedDicom, SHARED_SKIP_REASON);

  test('all of ../shared/dicom-real', async ({ page }) => {
    test.setTimeout(300_000);
    const files = walk(SHARED_DICOM).filter((f) => !NOT_DICOM.test(f));
    await openEmpty(page);
    // Unique names: many files share a base name in different folders.
    await loadFiles(
      page,
      files.map((f) => ({ name: path.relative(SHARED_DICOM, f).replaceAll('/', '__'), mimeType: 'application/dicom', buffer: readFileSync(f) })),
    );
    const summary = await page.evaluate(async () => {
      const api = (window as unknown as { __spinelens: { store: { getState(): { instances: { fileName: string }[]; notes: { fileName: string; reason: string }[] } }; decode(n: string, f: number): Promise<{ max: number; min: number }> } }).__spinelens;
      const state = api.store.getState();
      const failures: string[] = [];
      for (const instance of state.instances) {
        try {
          await api.decode(instance.fileName, 0);
        } catch {
          failures.push(instance.fileName);
        }
      }
      const accounted = new Set([...state.instances.map((i) => i.fileName), ...state.notes.map((n) => n.fileName)]);
      return { loaded: state.instances.length, accounted: accounted.size, notes: state.notes.map((n) => `${n.fileName}: ${n.reason}`), failures };
    });
    console.log(`loaded ${summary.loaded}, listed ${summary.notes.length}, decode failures: ${summary.failures.join(', ') || 'none'}`);
    expect(summary.accounted).toBe(files.length);
    for (const note of summary.notes) expect(note).toMatch(/: \S.{5,}/);
    // A file that parses but does not decode must be listed too, with the decoder's reason.
    for (const name of summary.failures) {
      await expect(page.getByTestId('import-problem').filter({ hasText: name })).toContainText('Could not decode');
    }
    expect(summary.failures.length).toBeLessThanOrEqual(2);
  });
});
