import path from 'node:path';
import { expect, fixturePage, test } from './extension-fixture';
import { CORPUS_DIR } from '../paths';
import { storedKeys } from './storage-probe';

const FILES = path.join(CORPUS_DIR, 'files');

test('a FIT file chosen on Strava’s upload page is recorded from the file itself', async ({
  context,
  worker,
  openExtensionPage,
}) => {
  const html = await fixturePage('strava/upload-select.html', {});
  await context.route('https://www.strava.com/**', (r) =>
    r.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
  const page = await context.newPage();
  await page.goto('https://www.strava.com/upload/select');
  await page.locator('input[type=file][name="files[]"]').setInputFiles(path.join(FILES, 'sports-lib__6914538454.fit'));
  await expect(page.locator('#status')).toHaveText('Uploading 1');
  // expected.json: running, start 2021-05-10T18:19:59Z, 4330 m.
  await expect.poll(() => storedKeys(worker)).toEqual(['file:2021-05-10T18:19:59Z']);
  const options = await openExtensionPage('options.html');
  await expect(options.getByTestId('activity-count')).toContainText('1 activity stored');
});

test('a gzipped FIT file chosen in the shadow-DOM input of Garmin’s import page is recorded', async ({
  context,
  worker,
}) => {
  const html = await fixturePage('garmin/import-data.html', {});
  await context.route('https://connect.garmin.com/**', (r) =>
    r.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
  const page = await context.newPage();
  await page.goto('https://connect.garmin.com/app/import-data');
  // A path, as the runner chooses it: files given as buffers arrive with untrusted events.
  await page
    .locator('gc-import-data input[type=file]')
    .setInputFiles(path.join(FILES, 'GoldenCheetah__14582164182.fit.gz'));
  await expect(page.locator('gc-import-data #status')).toHaveText('Importing 1');
  await expect.poll(() => storedKeys(worker).then((k) => k.length)).toBe(1);
  expect((await storedKeys(worker))[0]).toMatch(/^file:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
});

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
