import path from 'node:path';
import { CORPUS_DIR } from '../paths';
import { expect, test } from './extension-fixture';
import { storedKeys } from './storage-probe';
import { needsCorpus } from './needs-corpus';
import { watchGpx } from './gpx-file';

const FILES = path.join(CORPUS_DIR, 'files');
const HARD = path.join(CORPUS_DIR, 'hard');

needsCorpus('tests/e2e/import-files.spec.ts (it imports files of the corpus)');

test('Import activities takes several files at once as one import and sums up what became of them', async ({
  openExtensionPage,
  worker,
}) => {
  const options = await openExtensionPage('options.html');
  await options.getByLabel('Import activities').setInputFiles([
    path.join(FILES, 'sports-lib__6914538454.fit'), // a run, 2021-05-10T18:19:59Z
    path.join(FILES, 'GoldenCheetah__10kUNLP2014-Garmin15.fit'), // a 10 km run
    path.join(FILES, 'GoldenCheetah__10kUNLP2014-Garmin15.tcx'), // the same run as TCX
    path.join(FILES, 'python-fitparse__Settings.fit'), // not an activity
    path.join(HARD, 'sports-lib__empty-sessions.fit'), // empty: refused
    path.join(FILES, 'GoldenCheetah__4077461142.zip'), // Garmin "Export Original"
  ]);
  const out = options.getByTestId('data-message');
  // Same start to the second as the FIT: the same file id, so already known rather than merged.
  await expect(options.getByTestId('import-summary')).toHaveText(
    '6 files: 3 added, 0 merged with runs you had, 1 already known, 1 file skipped (not an activity), 1 refused.',
    { timeout: 30_000 },
  );
  const list = out.locator('details');
  await expect(list.locator('summary')).toHaveText('2 files skipped or refused (list)');
  await list.locator('summary').click();
  await expect(list.locator('li', { hasText: 'python-fitparse__Settings.fit' })).toContainText('not an activity');
  await expect(list.locator('li', { hasText: 'sports-lib__empty-sessions.fit' })).toContainText(/empty/i);

  const keys = await storedKeys(worker);
  expect(keys).toContain('file:2021-05-10T18:19:59Z');
  expect(keys).toContain('file:2014-10-11T18:08:45Z');
  expect(keys).toHaveLength(3);

  // The same files again change nothing.
  await options
    .getByLabel('Import activities')
    .setInputFiles([path.join(FILES, 'sports-lib__6914538454.fit'), path.join(FILES, 'GoldenCheetah__4077461142.zip')]);
  await expect(options.getByTestId('import-summary')).toHaveText(
    '2 files: 0 added, 0 merged with runs you had, 2 already known.',
  );
  expect(await storedKeys(worker)).toEqual(keys);
});

test('one file says plainly what became of it: a yoga session is stored but is not a run; a settings file is skipped', async ({
  openExtensionPage,
  worker,
}) => {
  const options = await openExtensionPage('options.html');
  const input = options.getByLabel('Import activities');
  await input.setInputFiles(path.join(FILES, 'garth__12129115726_ACTIVITY.fit')); // yoga, no distance
  const out = options.getByTestId('data-message');
  await expect(options.getByTestId('import-summary')).toHaveText('garth__12129115726_ACTIVITY.fit: 1 added.', {
    timeout: 30_000,
  });
  await expect(out).toContainText('Not a run (Yoga): stored; it counts as training on its day, not as a run.');
  await expect(out).not.toContainText('0 merged');
  expect(await storedKeys(worker)).toHaveLength(1);

  await input.setInputFiles(path.join(FILES, 'python-fitparse__Settings.fit'));
  await expect(options.getByTestId('import-summary')).toHaveText(
    'python-fitparse__Settings.fit: skipped. Not an activity: this FIT file holds settings.',
  );
  await expect(out).not.toContainText('0 added');
});

test('a GPX of 20 km in 60 s is refused with its speed, and nothing is stored', async ({
  openExtensionPage,
  worker,
}) => {
  const options = await openExtensionPage('options.html');
  const startMs = Date.now() - 2 * 3_600_000;
  await options
    .getByLabel('Import activities')
    .setInputFiles([{ name: 'teleport.gpx', mimeType: 'application/gpx+xml', buffer: watchGpx(startMs, 1, 20) }]);
  const out = options.getByTestId('data-message');
  await expect(options.getByTestId('import-summary')).toContainText('teleport.gpx', { timeout: 30_000 });
  // 20 km due north as the watch rounds its points: 1,199.9 km/h.
  await expect(out).toContainText(
    /teleport\.gpx: faster than any runner: 1,(1\d\d|200)(\.\d)? km\/h on average, over the limit of 43\.2 km\/h/,
  );
  await expect(options.getByTestId('import-summary')).not.toContainText('1 added');
  expect(await storedKeys(worker)).toHaveLength(0);
});

test('a GPX of several megabytes is read off the page (in a worker) and stored, its own refusals kept', async ({
  openExtensionPage,
  worker,
}) => {
  const options = await openExtensionPage('options.html');
  const startMs = Date.now() - 5 * 3_600_000;
  // A 10 km run padded past the 4 MB a file may have to be read in the page.
  const run = watchGpx(startMs, 60, 10).toString('utf8');
  const big = Buffer.from(run.replace('<trk>', `<!-- ${'x'.repeat(6 * 1024 * 1024)} --><trk>`));
  const teleport = Buffer.from(
    watchGpx(startMs - 86_400_000, 1, 20)
      .toString('utf8')
      .replace('<trk>', `<!-- ${'x'.repeat(5 * 1024 * 1024)} --><trk>`),
  );
  await options.getByLabel('Import activities').setInputFiles([
    { name: 'big.gpx', mimeType: 'application/gpx+xml', buffer: big },
    { name: 'big-teleport.gpx', mimeType: 'application/gpx+xml', buffer: teleport },
  ]);
  await expect(options.getByTestId('import-summary')).toContainText('1 added', { timeout: 60_000 });
  await expect(options.getByTestId('data-message')).toContainText('big-teleport.gpx: faster than any runner');
  const keys = await storedKeys(worker);
  expect(keys).toHaveLength(1);
  expect(keys[0]).toMatch(/^file:/);
});
