import { defineConfig } from '@playwright/test';

// End-to-end tests load the real built extension (.output/chrome-mv3) into Debian's Chromium.
// Pages are served at the real Strava and Garmin URLs from local fixtures; no network is used.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry on CI absorbs a slow machine; Playwright still reports such a test as flaky.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results',
});
