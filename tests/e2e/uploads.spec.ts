import path from 'node:path';
import { expect, fixturePage, test } from './extension-fixture';
import { CORPUS_DIR } from '../paths';
import { storedKeys } from './storage-probe';
import { needsCorpus } from './needs-corpus';

const FILES = path.join(CORPUS_DIR, 'files');

needsCorpus('tests/e2e/uploads.spec.ts (it chooses a FIT file of the corpus)');

test('a file chosen on another Garmin page is not read', async ({ context, worker }) => {
  const html = await fixturePage('garmin/import-data.html', {});
  await context.route('https://connect.garmin.com/**', (r) =>
    r.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
  const page = await context.newPage();
  await page.goto('https://connect.garmin.com/app/settings');
  await page.locator('gc-import-data input[type=file]').setInputFiles(path.join(FILES, 'sports-lib__6914538454.fit'));
  await page.waitForTimeout(1500);
  expect(await storedKeys(worker)).toEqual([]);
});
