import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromiumPath';
import { drawLengthAcross, openSample } from './helpers';


/** The main browser process of a profile: the one process with this user-data-dir and no --type. */
function browserPid(userDataDir: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    const args = cmdline.split('\0');
    if (args.some((a) => a === `--user-data-dir=${userDataDir}`) && !args.some((a) => a.startsWith('--type='))) return Number(entry);
  }
  throw new Error(`no browser process for ${userDataDir}`);
}

async function launch(userDataDir: string, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: chromiumPath(), args: CHROMIUM_ARGS, baseURL, viewport: { width: 1280, height: 800 } });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

test('an edit survives the browser being killed 50 ms later, 10 times in 10', async ({ baseURL }) => {
  test.setTimeout(900_000);
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'spinelens-durability-'));
  try {
    for (let round = 1; round <= 10; round++) {
      const { page } = await launch(userDataDir, baseURL!);
      await openSample(page);
      await expect(page.getByTestId('measurements-toggle')).toHaveText(`${round - 1} measurement${round - 1 === 1 ? '' : 's'}`);
      await drawLengthAcross(page, (round - 5) * 12);
      await expect(page.getByTestId('measurements-toggle')).toHaveText(`${round} measurement${round === 1 ? '' : 's'}`, { timeout: 5_000 });
      await page.waitForTimeout(50);
      process.kill(browserPid(userDataDir), 'SIGKILL');
    }
    const { context, page } = await launch(userDataDir, baseURL!);
    await openSample(page);
    await expect(page.getByTestId('measurements-toggle')).toHaveText('10 measurements');
    await context.close();
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
  }
});
