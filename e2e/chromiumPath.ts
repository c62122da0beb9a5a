import { existsSync } from 'node:fs';

/** Debian's Chromium, or the one named by SPINELENS_CHROMIUM / CHROMIUM_PATH. */
export function chromiumPath(): string {
  const candidates = [process.env.SPINELENS_CHROMIUM, process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? '/usr/bin/chromium';
}

/** Flags for Chromium here: root needs --no-sandbox, the network is closed, WebGL runs on SwiftShader. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
