/**
 * The end-to-end tests read values through window.__spinelens. It exists only in the test build
 * (`vite build --mode e2e`, used by Playwright): main.tsx imports src/testing/install.ts behind a
 * constant that is false in the production build, so the bundler drops every hook and its name.
 */
export function registerTestHooks(hooks: Record<string, unknown>): void {
  const w = window as unknown as { __spinelens?: Record<string, unknown> };
  w.__spinelens = { ...w.__spinelens, ...hooks };
}
