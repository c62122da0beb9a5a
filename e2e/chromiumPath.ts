import { existsSync } from 'node:fs';

/** Debian's Chromium, or the one named by SPINELENS_CHROMIUM / CHROMIUM_PATH. */
export function chromiumPath(): string {
  const candidates = [process.env.SPINELENS_CHROMIUM, process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? '/usr/bin/chromium';
}
