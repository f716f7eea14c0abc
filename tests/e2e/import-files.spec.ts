import path from 'node:path';
import { CORPUS_DIR } from '../paths';
import { expect, test } from './extension-fixture';
import { storedKeys } from './storage-probe';

const FILES = path.join(CORPUS_DIR, 'files');
const HARD = path.join(CORPUS_DIR, 'hard');

test('Import activities takes several files at once and says what became of each', async ({
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
  await expect(out.locator('li')).toHaveCount(6, { timeout: 30_000 });
  await expect(out).toContainText('sports-lib__6914538454.fit: 1 added');
  await expect(out).toContainText('GoldenCheetah__10kUNLP2014-Garmin15.fit: 1 added');
  // Same start to the second: the same file id, so already known rather than merged.
  await expect(out).toContainText(
    'GoldenCheetah__10kUNLP2014-Garmin15.tcx: 0 added, 0 merged with runs you had, 1 already known',
  );
  await expect(out).toContainText('python-fitparse__Settings.fit: 0 added');
  await expect(out).toContainText('1 file skipped: not an activity');
  await expect(out.locator('li', { hasText: 'sports-lib__empty-sessions.fit' })).toContainText(/empty/i);
  await expect(out.locator('li', { hasText: 'GoldenCheetah__4077461142.zip' })).toContainText('1 added');

  const keys = await storedKeys(worker);
  expect(keys).toContain('file:2021-05-10T18:19:59Z');
  expect(keys).toContain('file:2014-10-11T18:08:45Z');
  expect(keys).toHaveLength(3);

  // The same files again change nothing.
  await options
    .getByLabel('Import activities')
    .setInputFiles([path.join(FILES, 'sports-lib__6914538454.fit'), path.join(FILES, 'GoldenCheetah__4077461142.zip')]);
  await expect(out.locator('li')).toHaveCount(2);
  await expect(out).toContainText('sports-lib__6914538454.fit: 0 added, 0 merged with runs you had, 1 already known');
  expect(await storedKeys(worker)).toEqual(keys);
});
