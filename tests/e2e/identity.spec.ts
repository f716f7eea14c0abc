import type { Page, Worker } from '@playwright/test';
import { expect, extensionWorker, launchWithExtension, test } from './extension-fixture';
import { activityAt, earlierToday, localDateAt, seed, sendFrom } from './seed';
import { storedKeys } from './storage-probe';
import { watchGpx } from './gpx-file';

// Every run counted once (issue 19): one rule decides "same activity" for the store, the
// verdict, the sync merge and sync deletions. Every time here is relative to now, so the tests
// pass at any hour (run them with TZ set to a zone where it is 02:00 too).

const MIN = 60_000;

interface Chrome {
  chrome: {
    storage: { sync: { get(k: null): Promise<Record<string, unknown>>; set(i: object): Promise<void> } };
    action: { getBadgeText(d: object): Promise<string> };
  };
}
const shardItems = async (w: Worker) =>
  Object.fromEntries(
    Object.entries(await w.evaluate(() => (globalThis as unknown as Chrome).chrome.storage.sync.get(null))).filter(
      ([k]) => k.startsWith('hcs.'),
    ),
  );
const badgeText = (w: Worker) => w.evaluate(() => (globalThis as unknown as Chrome).chrome.action.getBadgeText({}));

async function browser() {
  const { context, cleanUp } = await launchWithExtension();
  const worker = await extensionWorker(context);
  const id = new URL(worker.url()).host;
  const open = async (file: string) => {
    const p = await context.newPage();
    await p.goto(`chrome-extension://${id}/${file}`);
    return p;
  };
  const options = await open('options.html');
  return { context, cleanUp, worker, options, open };
}

test('with sync on, deleting a 1.2 km walk keeps the 10 km run that started 5 minutes later, in both browsers', async () => {
  test.setTimeout(150_000);
  const now = Date.now();
  const walkStart = now - 40 * MIN;
  const runStart = now - 35 * MIN;
  const walk = { ...activityAt(walkStart, 1.2, 'file', 'walk-file', 'walk'), movingS: 900, elapsedS: 960 };
  const run = activityAt(runStart, 10, 'strava', '15000000001');
  // The day before's run too: the badge counts 2 days in a row.
  const before = activityAt(runStart - 24 * 60 * MIN, 8, 'strava', '15000000000');
  const a = await browser();
  const b = await browser();
  try {
    await seed(a.options, [walk, run, before]);
    // B has a run of its own, ten days back: a popup with history, not the first-run card.
    await seed(b.options, [activityAt(runStart - 10 * 24 * 60 * MIN, 6, 'garmin', '19000000010')]);
    for (const x of [a, b]) await x.options.getByTestId('sync-toggle').check();
    await expect.poll(async () => Object.keys(await shardItems(a.worker)).length).toBeGreaterThan(0);
    await b.worker.evaluate(
      (i) => (globalThis as unknown as Chrome).chrome.storage.sync.set(i),
      await shardItems(a.worker),
    );
    for (const x of [a, b]) await expect.poll(() => badgeText(x.worker)).toBe('2');

    // Delete the walk in A's history, as the runner does.
    const row = a.options.locator(`tr[data-key="file:walk-file"]`);
    await row.getByRole('button', { name: /^Delete/ }).click();
    await row.getByTestId('delete-yes').click();
    await expect(row).toHaveCount(0);
    // A notes the deletion for the other browsers: wait for its row in storage.sync.
    const withDeletion = await expect
      .poll(async () => JSON.stringify(await shardItems(a.worker)).includes('"d":'), { timeout: 30_000 })
      .toBe(true)
      .then(() => shardItems(a.worker));
    await b.worker.evaluate((i) => (globalThis as unknown as Chrome).chrome.storage.sync.set(i), withDeletion);

    // A: the run and the day before's; B: those two and its own.
    for (const [x, rows] of [
      [a, 2],
      [b, 3],
    ] as const) {
      const popup = await x.open('popup.html');
      const recent = popup.getByTestId('recent-activities');
      // The positive signal: the walk has left this browser's view.
      await expect(recent).not.toContainText('Walk');
      await expect(recent.locator('tbody tr')).toHaveCount(rows);
      await expect(recent.locator('tr[data-key$="strava:15000000001"]')).toHaveCount(1);
      await expect(popup.getByTestId('day-strip').locator(`li[data-date="${localDateAt(runStart)}"]`)).toHaveAttribute(
        'data-kind',
        'run',
      );
      await expect.poll(() => badgeText(x.worker)).toBe('2');
    }
  } finally {
    await a.cleanUp();
    await b.cleanUp();
  }
});

/** Types a run of `km` in the popup's form, in the unit it asks for (km, or mi in an American browser). */
async function typeRun(popup: Page, km: number, minutes: number) {
  await popup.getByTestId('i-ran').click();
  const form = popup.getByTestId('run-form');
  const distance = form.getByLabel(/Distance/);
  const miles = /\bmi\b/.test(
    (await form
      .locator('label')
      .filter({ hasText: /Distance/ })
      .textContent()) ?? '',
  );
  await distance.fill((miles ? km / 1.609344 : km).toFixed(2));
  await form.getByLabel(/Time/).fill(String(minutes));
  await form.getByTestId('when-now').check();
}

test('"I ran today", saved with a double click, then the watch’s file of the same run: one run', async ({
  openExtensionPage,
  worker,
}) => {
  const popup = await openExtensionPage('popup.html');
  await typeRun(popup, 8, 45);
  await popup.getByTestId('save-run').dblclick();
  await expect(popup.getByTestId('undo')).toBeVisible();
  await expect.poll(() => storedKeys(worker)).toHaveLength(1);
  const [key] = await storedKeys(worker);
  expect(key).toMatch(/^manual:[a-z0-9]+$/);

  // The watch's file: the run started hours earlier (or just after midnight), 8.1 km.
  const start = earlierToday(3 * 60 * MIN);
  const options = await openExtensionPage('options.html');
  await options
    .getByLabel('Import activities')
    .setInputFiles([{ name: 'watch.gpx', mimeType: 'application/gpx+xml', buffer: watchGpx(start, 46, 8.1) }]);
  await expect(options.getByTestId('import-summary')).toContainText('merged', { timeout: 30_000 });
  expect(await storedKeys(worker)).toEqual([key]);
  const row = options.locator(`tr[data-key="${key}"]`);
  await expect(row).toContainText('File');
  await expect(row).toContainText('Entered by hand');
  await expect(options.getByTestId('activity-count')).toContainText('1 activit');
  // One run today in the popup, with the watch’s values.
  await popup.reload();
  await expect(popup.getByTestId('recent-activities').locator('tbody tr')).toHaveCount(1);
  // The watch's time (46 minutes), not the 45 typed.
  await expect(popup.getByTestId('recent-activities')).toContainText('46:00');
});

test('two messages of one form, arriving together, store one run', async ({ openExtensionPage, worker }) => {
  const options = await openExtensionPage('options.html');
  const entry = { formId: 'e2etwice0001', another: false, when: { kind: 'now' }, distanceM: 5000, movingS: 1800 };
  const replies = await options.evaluate(
    (e) =>
      Promise.all(
        [0, 1].map(() =>
          (
            globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }
          ).chrome.runtime.sendMessage({ type: 'manual/add', entry: e }),
        ),
      ),
    entry,
  );
  expect(replies.map((r) => r.ok)).toEqual([true, true]);
  expect(await storedKeys(worker)).toEqual(['manual:e2etwice0001']);
  expect((await sendFrom(options, { type: 'manual/add', entry })).ok).toBe(true);
  expect(await storedKeys(worker)).toEqual(['manual:e2etwice0001']);
});
