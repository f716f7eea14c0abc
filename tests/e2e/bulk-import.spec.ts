import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Worker } from '@playwright/test';
import { runKey, writeRuns } from '../fit-runs';
import { CORPUS_DIR } from '../paths';
import { expect, stravaActivityPage, test } from './extension-fixture';
import { needsCorpus } from './needs-corpus';
import { storedKeys } from './storage-probe';

// Hundreds of files chosen at once, as from a watch's GARMIN/Activity folder: generated one-hour
// FIT runs (about 90 KB each) in a temporary folder, chosen through the options page's inputs.

const STRAVA_ID = 12345678901;
let dir = '';
test.beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hip-check-bulk-'));
});
test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** How many import log entries the background has written. */
function importLogCount(worker: Worker): Promise<number> {
  return worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('hip-check');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    return new Promise<number>((res, rej) => {
      const q = db.transaction('imports').objectStore('imports').count();
      q.onsuccess = () => res(q.result);
      q.onerror = () => rej(q.error);
    });
  });
}

test('500 FIT files chosen at once: every run stored once, one import log; popup and Strava work meanwhile', async ({
  context,
  openExtensionPage,
  worker,
}) => {
  test.setTimeout(180_000);
  const { paths } = await writeRuns(path.join(dir, 'five-hundred'), 500);
  const html = await stravaActivityPage(STRAVA_ID, { NAME: 'Run during an import' });
  await context.route('https://www.strava.com/**', (r) =>
    r.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );

  const options = await openExtensionPage('options.html');
  await options.getByLabel('Import activities').setInputFiles(paths);
  await expect(options.getByTestId('import-progress')).toContainText(/of 500 files read/);
  // While the import runs, the popup answers and a Strava page is read as usual.
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('popup')).toBeVisible({ timeout: 30_000 });
  await popup.close();
  const strava = await context.newPage();
  await strava.goto(`https://www.strava.com/activities/${STRAVA_ID}`);
  await expect.poll(async () => (await storedKeys(worker)).includes(`strava:${STRAVA_ID}`)).toBe(true);

  await expect(options.getByTestId('import-summary')).toHaveText(
    '500 files: 500 added, 0 merged with runs you had, 0 already known.',
    { timeout: 120_000 },
  );
  await expect(options.getByTestId('import-progress')).toHaveCount(0);
  const keys = await storedKeys(worker);
  expect(keys.filter((k) => k.startsWith('file:'))).toEqual(Array.from({ length: 500 }, (_, k) => runKey(k)).sort());
  expect(keys).toHaveLength(501);
  expect(await importLogCount(worker)).toBe(1);
  await expect(options.getByTestId('activity-count')).toContainText('501 activities stored');
});

test('Cancel stops the import and keeps every run saved until then', async ({ openExtensionPage, worker }) => {
  test.setTimeout(180_000);
  const { paths } = await writeRuns(path.join(dir, 'cancel'), 500);
  const options = await openExtensionPage('options.html');
  await options.getByLabel('Import activities').setInputFiles(paths);
  const progress = options.getByTestId('import-progress');
  await expect(progress).toContainText(/[1-9]\d* of 500 files read/);
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(options.getByTestId('data-message')).toContainText(/Import cancelled after \d+ of 500 files/);
  const summary = await options.getByTestId('import-summary').textContent();
  const added = Number(/(\d+) added/.exec(summary ?? '')?.[1]);
  expect(added).toBeGreaterThan(0);
  expect(added).toBeLessThan(500);
  const keys = await storedKeys(worker);
  expect(keys).toHaveLength(added);
  expect(keys).toEqual(Array.from({ length: added }, (_, k) => runKey(k)).sort());
  expect(await importLogCount(worker)).toBe(1);
});

// Chrome lists a chosen folder before the page gets its files, and cancels the choice if another
// tab comes to the front meanwhile; the fixture waits for the install-time welcome tab for that.
test('a whole GARMIN folder: its runs are stored, its other files skipped quietly', async ({
  openExtensionPage,
  worker,
}) => {
  needsCorpus('the GARMIN folder import (its Settings.fit is a corpus file)');
  test.setTimeout(120_000);
  const garmin = path.join(dir, 'watch', 'GARMIN');
  await writeRuns(path.join(garmin, 'Activity'), 20);
  await mkdir(path.join(garmin, 'Settings'), { recursive: true });
  await copyFile(
    path.join(CORPUS_DIR, 'files/python-fitparse__Settings.fit'),
    path.join(garmin, 'Settings', 'Settings.fit'),
  );
  await writeFile(path.join(garmin, 'GarminDevice.xml'), '<Device/>');
  await writeFile(path.join(garmin, 'Activity', '.DS_Store'), 'x');

  const options = await openExtensionPage('options.html');
  await options.getByLabel('Import a folder').setInputFiles(garmin);
  await expect(options.getByTestId('import-summary')).toHaveText(
    '23 files: 20 added, 0 merged with runs you had, 0 already known, 3 files skipped (not activities).',
    { timeout: 90_000 },
  );
  await expect(options.getByTestId('data-message').locator('li')).toHaveCount(3);
  await expect(options.getByTestId('data-message')).toContainText('GARMIN/Settings/Settings.fit: not an activity');
  expect(await storedKeys(worker)).toHaveLength(20);
});
