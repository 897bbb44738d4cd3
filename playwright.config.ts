import { defineConfig } from '@playwright/test';

// End-to-end tests drive the production build (.output/chrome-mv3, made by `npm run build`) in
// Debian's Chromium against the Kendo-compatible HTTPS server (tests/e2e/fixtures.ts).
export default defineConfig({
  testDir: 'tests/e2e',
  // One browser at a time: the machines have 2 cores, and each test owns a browser profile.
  workers: 1,
  fullyParallel: false,
  // A flaky test is a bug to fix, never something to retry into green.
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 8_000 },
  // Reference screenshots are committed beside the tests, one set for every machine (CI included).
  snapshotPathTemplate: '{testDir}/__screenshots__/{testFilePath}/{arg}{ext}',
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: { trace: 'retain-on-failure' },
});
