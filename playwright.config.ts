import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './e2e/chromiumPath';
import { e2ePacsProxyEnv } from './scripts/orthanc';

const port = Number(process.env.SPINELENS_E2E_PORT ?? 4173);
// A build folder per port, so two test runs on one machine do not rebuild each other's files.
const outDir = `dist-e2e-${port}`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `npx vite build --mode e2e --logLevel error --outDir ${outDir} && npx vite preview --outDir ${outDir} --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    // The DICOMweb e2e starts a test Orthanc; the preview server proxies /pacs to it.
    env: e2ePacsProxyEnv(),
  },
});
