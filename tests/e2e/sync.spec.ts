import type { Worker } from '@playwright/test';
import {
  expect,
  extensionWorker,
  launchWithExtension,
  localToday,
  stravaActivityPage,
  test,
} from './extension-fixture';
import { runOn, seed, type SeedActivity } from './seed';

// Two browsers of one runner. Browser A reads runs; its storage.sync items are delivered into
// browser B's storage.sync the way the browser's own sync would (Chromium's sync is off here,
// so the test carries them). B's popup must then count A's runs, with a run both saw counted once.

const ACTIVITY_ID = 12345678901;

interface Chrome {
  chrome: { storage: { sync: { get(k: null): Promise<Record<string, unknown>>; set(i: object): Promise<void> } } };
}
interface Local {
  chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
}
const syncItems = (w: Worker) => w.evaluate(() => (globalThis as unknown as Chrome).chrome.storage.sync.get(null));
const shardItems = async (w: Worker) =>
  Object.fromEntries(Object.entries(await syncItems(w)).filter(([k]) => k.startsWith('hcs.')));

/** One browser with the extension, which reads today's run from its Strava activity page. */
async function browserThatRead(extra: SeedActivity[]) {
  const { context, cleanUp } = await launchWithExtension();
  const worker = await extensionWorker(context);
  const id = new URL(worker.url()).host;
  const html = await stravaActivityPage(ACTIVITY_ID);
  await context.route('https://www.strava.com/**', (r) =>
    r.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  await seed(options, extra);
  const strava = await context.newPage();
  await strava.goto(`https://www.strava.com/activities/${ACTIVITY_ID}`);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await expect(popup.locator(`tr[data-key="strava:${ACTIVITY_ID}"]`)).toBeVisible();
  return { context, cleanUp, worker, options, popup };
}

test('runs read in browser A count in browser B, a run both saw once', async () => {
  test.setTimeout(120_000);
  // A: today (from Strava's page) and the three days before.
  const a = await browserThatRead([runOn(1, 8, '5000000001'), runOn(2, 10, '5000000002'), runOn(3, 6, '5000000003')]);
  // B: the same Strava run today, and Garmin's copy of A's run of yesterday.
  const garminCopy = { ...runOn(1, 8.2, '19000000001'), source: 'garmin' } as unknown as SeedActivity;
  const b = await browserThatRead([garminCopy]);
  try {
    await expect(a.popup.getByTestId('streak')).toContainText('4');
    await expect(b.popup.getByTestId('streak')).toContainText('2');

    // Off by default: nothing of the runs is in storage.sync.
    expect(await shardItems(a.worker)).toEqual({});
    await expect(a.options.getByTestId('sync-toggle')).not.toBeChecked();

    for (const x of [a, b]) await x.options.getByTestId('sync-toggle').check();
    await expect(async () => expect(Object.keys(await shardItems(a.worker)).length).toBeGreaterThan(0)).toPass();
    const fromA = await shardItems(a.worker);
    // Names never travel.
    expect(JSON.stringify(fromA)).not.toContain('Hip Check fixture run');
    await expect(a.options.getByTestId('sync-status')).toContainText('KB');

    // B's browser sync delivers A's items.
    await b.worker.evaluate((items) => (globalThis as unknown as Chrome).chrome.storage.sync.set(items), fromA);

    await expect(b.popup.getByTestId('streak')).toContainText('4');
    const rows = b.popup.getByTestId('recent-activities').locator('tbody tr');
    // Today, yesterday (Strava and Garmin copies: one run), and the two days before: four runs.
    await expect(rows).toHaveCount(4);
    await expect(b.popup.getByTestId('day-strip').locator('li[data-kind="run"]')).toHaveCount(4);
    await expect(b.popup.locator(`tr[data-key="strava:${ACTIVITY_ID}"]`)).toHaveCount(1);

    // B wrote its own items and left A's as they were.
    await expect(async () => {
      const inB = await shardItems(b.worker);
      for (const [k, v] of Object.entries(fromA)) expect(inB[k]).toEqual(v);
      expect(Object.keys(inB).length).toBeGreaterThan(Object.keys(fromA).length);
    }).toPass();
    await expect(b.options.getByTestId('sync-status')).toContainText('1 other browser');

    // Turning sync off in B keeps every run B stored, and B's popup goes back to its own runs.
    await b.options.getByTestId('sync-toggle').uncheck();
    await expect(b.popup.getByTestId('streak')).toContainText('2');
    await expect(b.options.getByTestId('activity-count')).toContainText('2 activities');
    await expect(async () => {
      const inB = await shardItems(b.worker);
      expect(Object.keys(inB).sort()).toEqual(Object.keys(fromA).sort());
    }).toPass();
  } finally {
    await a.cleanUp();
    await b.cleanUp();
  }
});

test('a damaged item from another browser is ignored with a notice, and its writer is told', async () => {
  const b = await browserThatRead([]);
  try {
    await b.options.getByTestId('sync-toggle').check();
    const today = localToday();
    const period = Math.floor(Date.parse(`${today}T00:00:00Z`) / 86_400_000 / 5);
    await b.worker.evaluate((items) => (globalThis as unknown as Chrome).chrome.storage.sync.set(items), {
      [`hcs.intruder1.${period}`]: { v: 1, s: Math.floor(Date.now() / 1000), a: ['not a run'] },
    });
    await expect(b.options.getByTestId('sync-problem')).toContainText('a run in it could not be read');
    await expect(b.popup.getByTestId('streak')).toContainText('1');
    // B tells the writer: its notice key names the refused item and why.
    const id = await b.worker.evaluate(async () => {
      const got = await (globalThis as unknown as Local).chrome.storage.local.get('syncBrowserId');
      return got.syncBrowserId as string;
    });
    await expect(async () => {
      const notice = (await syncItems(b.worker))[`hcn.${id}`] as { n?: string[] } | undefined;
      expect(notice?.n).toEqual([`intruder1|hcs.intruder1.${period}|badRun|not%20a%20run`]);
    }).toPass();
    // Another browser's notice about B's own item: B's options page shows it.
    await b.worker.evaluate((items) => (globalThis as unknown as Chrome).chrome.storage.sync.set(items), {
      'hcn.otherone1': { v: 1, s: Math.floor(Date.now() / 1000), n: [`${id}|hcs.${id}.${period}|badRun|x`] },
    });
    await expect(b.options.getByTestId('sync-refused-elsewhere')).toContainText(
      "could not read this browser's sync item",
    );
  } finally {
    await b.cleanUp();
  }
});
