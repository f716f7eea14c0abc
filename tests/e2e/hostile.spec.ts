import type { Page } from '@playwright/test';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleActivityFit } from '../unit/core/files/helpers';
import { stravaMillionRows } from '../unit/core/files/hostile-inputs';
import { expect, fixturePage, test } from './extension-fixture';
import { localDateAt, startOn, wallClockSeconds } from './fixture-dates';
import { storedKeys } from './storage-probe';

// Issue #10 end to end: what a page or file says is checked before it is stored; a real ultra
// goes through page, file, export and import; the popup answers while a hostile upload is read.

interface Reply {
  ok: boolean;
  [k: string]: unknown;
}

/** Sends one of Hip Check's own messages from an extension page. */
const ask = (page: Page, msg: unknown): Promise<Reply> =>
  page.evaluate(
    (m) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Reply> } } }
      ).chrome.runtime.sendMessage(m),
    msg,
  );

function activityPage(over: Record<string, string | number>) {
  const start = startOn(2, 6).startMs;
  return fixturePage('strava/activity-page.html', {
    ACTIVITY_ID: 777,
    VIEWER_ID: 42,
    OWNER_ID: 42,
    NAME: 'Page run',
    SPORT_TYPE: 'Run',
    DISTANCE_M: 10_000,
    MOVING_S: 3000,
    ELAPSED_S: 3100,
    START_LOCAL_S: wallClockSeconds(start),
    DATE_TEXT: localDateAt(start),
    KM: '10',
    ...over,
  });
}

/**
 * A file on disk to choose: Playwright dispatches untrusted events for files given as buffers,
 * which Hip Check ignores as a page script's; a path is chosen as the runner would.
 */
async function fileOnDisk(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'hip-check-hostile-')), name);
  await writeFile(file, bytes);
  return file;
}

/** Exports a backup, deletes everything, imports the backup: what comes back. */
async function roundTrip(page: Page) {
  const exported = await ask(page, { type: 'backup/export' });
  expect(exported.ok).toBe(true);
  expect((await ask(page, { type: 'data/delete-all', confirm: 'delete everything' })).ok).toBe(true);
  const imported = await ask(page, { type: 'backup/import', text: exported.text });
  expect(imported).toMatchObject({ ok: true });
  const list = await ask(page, { type: 'activities/list', offset: 0, limit: 10 });
  return list.activities as { key: string; distanceM: number; movingS: number; elapsedS: number }[];
}

test('absurd values on a Strava activity page are not stored, and the popup says so', async ({
  context,
  worker,
  openExtensionPage,
}) => {
  const html = await activityPage({ DISTANCE_M: 1e12, ELAPSED_S: -5 });
  await context.route('https://www.strava.com/**', (r) =>
    r.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
  const strava = await context.newPage();
  await strava.goto('https://www.strava.com/activities/777');
  const popup = await openExtensionPage('popup.html');
  await expect(async () => {
    await popup.reload();
    await expect(popup.getByTestId('problems')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  expect(await storedKeys(worker)).toEqual([]);
});

test('a genuine 30-hour ultra from a Strava page is stored and survives export and import', async ({
  context,
  worker,
  openExtensionPage,
}) => {
  const html = await activityPage({ DISTANCE_M: 161_000, MOVING_S: 27 * 3600, ELAPSED_S: 30 * 3600 });
  await context.route('https://www.strava.com/**', (r) =>
    r.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
  const strava = await context.newPage();
  await strava.goto('https://www.strava.com/activities/777');
  await expect.poll(() => storedKeys(worker), { timeout: 15_000 }).toEqual(['strava:777']);
  const options = await openExtensionPage('options.html');
  expect(await roundTrip(options)).toMatchObject([
    { key: 'strava:777', distanceM: 161_000, movingS: 27 * 3600, elapsedS: 30 * 3600 },
  ]);
});

test('a genuine 30-hour ultra from a FIT file is stored and survives export and import', async ({
  context,
  worker,
  openExtensionPage,
}) => {
  const start = new Date(startOn(3, 5).startMs).toISOString().replace('.000Z', 'Z');
  const fit = simpleActivityFit({
    start,
    sport: 1,
    distance: 161_000,
    timer: 27 * 3600,
    elapsed: 30 * 3600,
    records: 200,
  });
  const html = await fixturePage('strava/upload-select.html', {});
  await context.route('https://www.strava.com/**', (r) =>
    r.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
  const page = await context.newPage();
  await page.goto('https://www.strava.com/upload/select');
  await page.locator('input[type=file][name="files[]"]').setInputFiles(await fileOnDisk('ultra.fit', fit));
  const key = `file:${start}`;
  await expect.poll(() => storedKeys(worker), { timeout: 15_000 }).toEqual([key]);
  const options = await openExtensionPage('options.html');
  const back = await roundTrip(options);
  expect(back).toHaveLength(1);
  expect(back[0]).toMatchObject({ key, elapsedS: 30 * 3600 });
  expect(back[0]!.distanceM).toBeCloseTo(161_000, -2);
});

test('the popup keeps answering while a hostile upload is read', async ({ context, worker, openExtensionPage }) => {
  const hostile = stravaMillionRows(3);
  const html = await fixturePage('strava/upload-select.html', {});
  await context.route('https://www.strava.com/**', (r) =>
    r.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
  const popup = await openExtensionPage('popup.html');
  expect((await ask(popup, { type: 'state/get' })).ok).toBe(true);
  const page = await context.newPage();
  await page.goto('https://www.strava.com/upload/select');
  await page.locator('input[type=file][name="files[]"]').setInputFiles(await fileOnDisk(hostile.name, hostile.bytes));
  // While the upload is read, the background answers the popup's questions, and a popup opened
  // then paints its state (read from the background's copy, without waiting for it); how fast.
  const times: number[] = [];
  const opened: number[] = [];
  for (let i = 0; i < 8; i++) {
    const t0 = Date.now();
    const r = await ask(popup, { type: 'state/get' });
    times.push(Date.now() - t0);
    expect(r.ok).toBe(true);
    const fresh = await openExtensionPage('popup.html');
    await fresh.waitForFunction(() => performance.getEntriesByName('popup-ready').length > 0);
    opened.push(Math.round(await fresh.evaluate(() => performance.getEntriesByName('popup-ready')[0]!.startTime)));
    await fresh.close();
  }
  console.log(
    `during a hostile upload: state/get answered in ms: ${times.join(', ')}; ` +
      `a popup opened painted its state after ms: ${opened.join(', ')}`,
  );
  // The upload ends with a refusal, and nothing is stored.
  await expect
    .poll(async () => JSON.stringify((await ask(popup, { type: 'state/get' })).lastImport ?? ''), { timeout: 20_000 })
    .toContain('strava-export.zip');
  expect(await storedKeys(worker)).toEqual([]);
});
