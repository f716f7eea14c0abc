import { defineConfig } from '@playwright/test';

// Benchmarks in the real browser (npm run bench:import): the built extension in Debian's
// Chromium, as the end-to-end tests; they print figures rather than pass or fail on them.
export default defineConfig({
  testDir: '.',
  testMatch: '*.pw.ts',
  timeout: 30 * 60_000,
  workers: 1,
  reporter: [['list']],
  outputDir: '../../test-results/bench',
});
