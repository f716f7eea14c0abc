import { defineConfig } from '@playwright/test';
import type { ScenarioWorkerOptions } from './tests/scenarios/fixture';

// End-to-end tests load the real built extension (.output/chrome-mv3, .output/firefox-mv3).
// Pages are served at the real Strava and Garmin URLs from local fixtures; no network is used.
// Project "chromium": the Chromium specs in tests/e2e and the shared scenarios in Debian's
// Chromium. Project "firefox": the same scenarios in firefox-esr (tests/scenarios/firefox-driver.ts).
export default defineConfig<object, ScenarioWorkerOptions>({
  testDir: 'tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry on CI absorbs a slow machine; Playwright still reports such a test as flaky.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results',
  projects: [
    {
      name: 'chromium',
      testMatch: ['e2e/**/*.spec.ts', 'scenarios/**/*.spec.ts'],
      use: { engine: 'chromium' },
    },
    {
      name: 'firefox',
      testMatch: ['scenarios/**/*.spec.ts'],
      use: { engine: 'firefox' },
      // firefox-esr is slow on a loaded machine.
      timeout: 180_000,
      expect: { timeout: 20_000 },
    },
  ],
});
