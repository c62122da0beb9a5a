// Fails early, with the fix, when no Chromium is there for the end-to-end tests.
import { existsSync } from 'node:fs';

const candidates = [process.env.SPINELENS_CHROMIUM, process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
if (!candidates.some((p) => existsSync(p))) {
  console.error(
    'No Chromium found for the end-to-end tests (looked at: ' + candidates.join(', ') + ').\n' +
      'Install Debian\'s: sudo apt-get update && sudo apt-get install -y chromium\n' +
      'or point SPINELENS_CHROMIUM at a Chromium/Chrome binary. (npx playwright install cannot download browsers here.)',
  );
  process.exit(1);
}
