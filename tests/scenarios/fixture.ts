import { test as base } from '@playwright/test';
import type { Browser } from 'puppeteer-core';
import { chromiumDriver } from './chromium-driver';
import type { Driver, Engine } from './driver';
import { firefoxDriver, launchFirefox } from './firefox-driver';

export interface ScenarioWorkerOptions {
  engine: Engine;
}

/** Scenarios get a `driver` for the project's browser, on a fresh install of the extension. */
export const test = base.extend<{ driver: Driver }, ScenarioWorkerOptions & { firefox: Browser | null }>({
  engine: ['chromium', { option: true, scope: 'worker' }],
  firefox: [
    async ({ engine }, use) => {
      if (engine !== 'firefox') return use(null);
      const browser = await launchFirefox();
      await use(browser);
      await browser.close();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  driver: async ({ engine, firefox }, use) => {
    const { driver, cleanUp } = engine === 'firefox' ? await firefoxDriver(firefox!) : await chromiumDriver();
    await use(driver);
    await cleanUp();
  },
});

export const expect = test.expect;
