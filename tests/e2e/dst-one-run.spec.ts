import type { Worker } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { oneHourRunFitAt } from '../fit-runs';
import { intlDate, offsetChanges } from '../unit/core/dst-truth';
import { test as base, expect, launchWithExtension, stravaActivityPage } from './extension-fixture';

// A Strava activity page read on a daylight-saving day and the FIT file of the same run are one
// run. The page gives only the local wall clock; the browser runs in New York, so the wall clock
// is placed there. Converted in one pass (the offset at the wall time read as UTC, before the
// change), the page's run started an hour late and stayed a second run beside the file's.

const ZONE = 'America/New_York';
const DAY = 86_400_000;

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context, cleanUp } = await launchWithExtension({ env: { TZ: ZONE } });
    await use(context);
    await cleanUp();
  },
});

/** The last change to daylight-saving time in New York, at least a morning ago (found by Intl, not hard-coded). */
function lastSpringForward() {
  const now = Date.now();
  const changes = offsetChanges(ZONE, now - 400 * DAY, now - 12 * 3_600_000).filter((c) => c.afterMs > c.beforeMs);
  const c = changes.at(-1);
  if (!c) throw new Error(`no change to daylight-saving time in ${ZONE} in the last 400 days`);
  return c;
}

interface StoredRun {
  startMs: number;
  localDate: string;
  sourceKeys: string[];
}

function storedRuns(worker: Worker): Promise<StoredRun[]> {
  return worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('hip-check');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    return new Promise<StoredRun[]>((res, rej) => {
      const q = db.transaction('activities').objectStore('activities').getAll();
      q.onsuccess = () =>
        res(
          (q.result as StoredRun[]).map(({ startMs, localDate, sourceKeys }) => ({ startMs, localDate, sourceKeys })),
        );
      q.onerror = () => rej(q.error);
    });
  });
}

test('a Strava page on a daylight-saving day and the FIT file of the same run are one run', async ({
  context,
  worker,
  openExtensionPage,
}) => {
  expect(await worker.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(ZONE);
  const change = lastSpringForward();
  const day = intlDate(change.atMs, ZONE);
  const wallMs = Date.parse(`${day}T05:30:00Z`); // 05:30 that morning, after the clocks went forward
  const startMs = wallMs - change.afterMs; // 09:30Z (EDT); one pass gave 10:30Z
  const fileKey = `file:${new Date(startMs).toISOString().replace('.000Z', 'Z')}`;

  const html = await stravaActivityPage(4242, {
    START_LOCAL_S: wallMs / 1000,
    DATE_TEXT: day,
    DISTANCE_M: 10000,
    KM: '10.00',
    MOVING_S: 3600,
    ELAPSED_S: 3600,
  });
  await context.route('https://www.strava.com/**', (r) =>
    r.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
  const strava = await context.newPage();
  await strava.goto('https://www.strava.com/activities/4242');
  await expect
    .poll(async () => (await storedRuns(worker)).map((r) => r.sourceKeys), { timeout: 15_000 })
    .toEqual([['strava:4242']]);

  // The watch's file of the same run: the same hour, 10 km, its clock in UTC with New York's offset.
  const options = await openExtensionPage('options.html');
  const dir = await mkdtemp(path.join(tmpdir(), 'hip-check-dst-'));
  try {
    const file = path.join(dir, 'morning-run.fit');
    await writeFile(file, oneHourRunFitAt(startMs, change.afterMs / 1000));
    await options.getByLabel('Import activities').setInputFiles(file);
    // Read and saved (the summary is the positive signal), then what was stored is compared.
    await expect(options.getByTestId('import-summary')).toContainText('morning-run.fit', { timeout: 30_000 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const runs = (await storedRuns(worker)).map((r) => ({ ...r, sourceKeys: r.sourceKeys.sort() }));
  expect(runs).toEqual([{ startMs, localDate: day, sourceKeys: [fileKey, 'strava:4242'].sort() }]);
  await expect(options.getByTestId('import-summary')).toContainText('1 merged with runs you had');
});
