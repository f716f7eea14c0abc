// What the drivers promise for tabs the extension opens itself (the catch-up opens the sites'
// lists in background tabs): served by the scenario from their first request, logged, and listed
// by siteTabs until closed. In both browsers, like the scenarios.
import { expect, test } from './fixture';

interface Tabs {
  chrome: {
    tabs: {
      create(o: { url: string; active: boolean }): Promise<{ id?: number }>;
      get(id: number): Promise<{ title?: string; status?: string }>;
      remove(id: number): Promise<void>;
    };
  };
}

const TRAINING = 'https://www.strava.com/athlete/training';

test('a background tab the extension opens is served by the scenario from its first request, and listed until closed', async ({
  driver,
}) => {
  driver.serve((req) =>
    req.url.pathname === '/athlete/training'
      ? { body: '<!doctype html><title>Served by the scenario</title><h1>My Activities</h1>' }
      : undefined,
  );
  const popup = await driver.openExtensionPage('popup.html');
  await expect.poll(() => popup.count('body *')).toBeGreaterThan(0);
  expect(await driver.siteTabs()).toEqual([]);
  // Nothing so far went to either site: the log is what a test asserts that with.
  expect(driver.requestLog().filter((r) => r.answer !== 'refused')).toEqual([]);

  const opened = Date.now();
  const tabId = await driver.inExtension(
    async (url) => (await (globalThis as unknown as Tabs).chrome.tabs.create({ url, active: false })).id!,
    TRAINING,
  );
  // The tab's very first request, its document, was answered by the handler above.
  await expect
    .poll(() => driver.requestLog().find((r) => r.answer !== 'refused'), { timeout: 30_000 })
    .toEqual({ url: TRAINING, method: 'GET', at: expect.any(Number), answer: 200 });
  expect(driver.requestLog().find((r) => r.url === TRAINING)!.at).toBeGreaterThanOrEqual(opened);
  await expect
    .poll(() => driver.inExtension((id) => (globalThis as unknown as Tabs).chrome.tabs.get(id), tabId))
    .toMatchObject({ title: 'Served by the scenario', status: 'complete' });
  await expect.poll(() => driver.siteTabs()).toEqual([TRAINING]);

  await driver.inExtension((id) => (globalThis as unknown as Tabs).chrome.tabs.remove(id), tabId);
  await expect.poll(() => driver.siteTabs()).toEqual([]);
});

test('a request to any host but the two sites is refused, and logged as refused', async ({ driver }) => {
  driver.serve(() => ({ body: '<!doctype html><title>Strava</title>' }));
  const strava = await driver.openPage('https://www.strava.com/dashboard');
  const fetched = await strava.evaluate(() =>
    fetch('https://example.com/beacon', { mode: 'no-cors' }).then(
      () => 'answered',
      () => 'failed',
    ),
  );
  expect(fetched).toBe('failed');
  expect(driver.requestLog().map(({ url, answer }) => ({ url, answer }))).toEqual([
    { url: 'https://www.strava.com/dashboard', answer: 200 },
    { url: 'https://example.com/beacon', answer: 'refused' },
  ]);
});
