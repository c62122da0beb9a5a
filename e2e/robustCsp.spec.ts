import { expect, test } from '@playwright/test';
import { openSample, viewportPixelStats } from './helpers';

test('the built page carries the Content-Security-Policy and works under it', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await openSample(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("style-src 'self'");
  // Inline script from markup is refused (nothing injected into the page may run).
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
  violations.length = 0;
  // Images decode and draw (the codecs' WebAssembly and workers are allowed).
  for (const slot of [0, 1]) expect((await viewportPixelStats(page, slot)).sd).toBeGreaterThan(5);
  await page.screenshot({ path: test.info().outputPath('csp-sample.png') });
  expect(violations).toEqual([]);
});
