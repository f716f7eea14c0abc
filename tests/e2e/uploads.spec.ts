import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleActivityFit } from '../unit/core/files/helpers';
import { expect, fixturePage, test } from './extension-fixture';
import { startOn } from './fixture-dates';
import { answers, collectHipCheckLog } from './page-log';
import { storedKeys } from './storage-probe';

/** A FIT run of `daysBack` days ago, on disk (a path is chosen as the runner would), and the key it is stored under. */
async function fitRun(daysBack: number): Promise<{ file: string; key: string }> {
  const start = new Date(startOn(daysBack, 7).startMs).toISOString().replace('.000Z', 'Z');
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'hip-check-upload-')), `run-${daysBack}.fit`);
  await writeFile(file, simpleActivityFit({ start, distance: 5000, timer: 1800 }));
  return { file, key: `file:${start}` };
}

test('a file chosen on another Garmin page is not read', async ({ context, worker }) => {
  const html = await fixturePage('garmin/import-data.html', {});
  await context.route('https://connect.garmin.com/**', (r) =>
    r.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
  const [elsewhere, imported] = [await fitRun(2), await fitRun(1)];
  const page = await context.newPage();
  const hipCheckLog = collectHipCheckLog(page);
  await page.goto('https://connect.garmin.com/app/settings');
  await page.locator('gc-import-data input[type=file]').setInputFiles(elsewhere.file);
  // Then, in the same page, the app moves to its import page (a new view, as a single-page app
  // draws it) and the runner chooses another file there: that one is read and stored.
  await page.evaluate(() => {
    history.pushState(null, '', '/app/import-data');
    document.body.replaceChildren(document.createElement('gc-import-data'));
  });
  await page.locator('gc-import-data input[type=file]').setInputFiles(imported.file);
  // One file was sent to the background and answered, the one chosen on the import page, and
  // the file chosen before it was not stored.
  await expect.poll(async () => (await answers(hipCheckLog)).map((a) => a.sent)).toEqual(['upload/file']);
  expect(await storedKeys(worker)).toEqual([imported.key]);
});
