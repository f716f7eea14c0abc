import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CORPUS_DIR } from '../paths';
import { unfinishedRunFit } from '../fit-runs';
import { expect, test } from './extension-fixture';
import { storedKeys } from './storage-probe';
import { needsCorpus } from './needs-corpus';

// A real Strava GPX with no <type> and nothing else naming its sport, under a neutral name (its
// corpus name says "run", which would be inferred): it must not be stored silently as "other".
const GPX = path.join(CORPUS_DIR, 'files/togeojson__run_gpxtpx.gpx');

needsCorpus('tests/e2e/needs-sport.spec.ts (it imports a GPX file of the corpus)');

test('a GPX naming no sport waits in the import summary and is stored with the sport picked', async ({
  openExtensionPage,
  worker,
}) => {
  const options = await openExtensionPage('options.html');
  // By keyboard: the input is disabled while it imports, and focus comes back to it after.
  const input = options.getByLabel('Import activities');
  await input.focus();
  await input.setInputFiles([
    { name: 'greeting-sf.gpx', mimeType: 'application/gpx+xml', buffer: await readFile(GPX) },
  ]);
  await expect(options.getByTestId('import-summary')).toHaveText('greeting-sf.gpx: 1 needs a sport.', {
    timeout: 30_000,
  });
  await expect(input).toBeFocused();
  expect(await storedKeys(worker)).toEqual([]);

  const pick = options.getByTestId('needs-sport');
  await expect(pick).toContainText('does not say which sport');
  await pick.getByRole('button', { name: 'Run', exact: true }).focus();
  await options.keyboard.press('Enter');
  await expect(pick.getByTestId('sport-picked')).toHaveText('saved as Run.');
  // The buttons are gone: focus is on what replaced them, not lost to the page.
  await expect(pick.getByTestId('sport-picked')).toBeFocused();

  const sports = await worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('hip-check');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    return new Promise<string[]>((res, rej) => {
      const q = db.transaction('activities').objectStore('activities').getAll();
      q.onsuccess = () => res((q.result as { sport: string }[]).map((a) => a.sport));
      q.onerror = () => rej(q.error);
    });
  });
  expect(sports).toEqual(['run']);
});

test('a FIT without session or sport waits for its sport; a stale leading block is said in the summary', async ({
  openExtensionPage,
  worker,
}) => {
  // Dated from now: a run that started three hours ago, and a ride of yesterday (to the second).
  const now = Math.floor(Date.now() / 1000) * 1000;
  const unfinished = unfinishedRunFit({ startMs: now - 3 * 3600_000, minutes: 33 });
  const stale = unfinishedRunFit({ startMs: now - 30 * 3600_000, minutes: 60, staleDaysBefore: 27.9, session: true });
  const options = await openExtensionPage('options.html');
  await options.getByLabel('Import activities').setInputFiles([
    { name: 'watch.fit', mimeType: 'application/octet-stream', buffer: Buffer.from(unfinished) },
    { name: 'ride.fit', mimeType: 'application/octet-stream', buffer: Buffer.from(stale) },
  ]);
  await expect(options.getByTestId('import-summary')).toHaveText(/^2 files: 1 added, .*, 1 needs a sport\.$/, {
    timeout: 30_000,
  });
  await expect(options.getByTestId('needs-sport')).toContainText('watch.fit');
  await expect(options.getByTestId('import-notes')).toContainText(
    /^ride\.fit: The track starts with points .* left out/,
  );
  // The ride is stored from its real start, not 27.9 days earlier.
  const key = `file:${new Date(now - 30 * 3600_000).toISOString().replace('.000Z', 'Z')}`;
  expect(await storedKeys(worker)).toEqual([key]);
});
