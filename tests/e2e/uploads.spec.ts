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

test("a page script that swaps the chosen file inside the runner's events stores nothing forged", async ({
  context,
  worker,
}) => {
  const mine = await fitRun(1);
  const forgedStart = new Date(startOn(2, 6).startMs).toISOString().replace('.000Z', 'Z');
  const forged = simpleActivityFit({ start: forgedStart, distance: 42_195, timer: 3 * 3600 });
  const html = await fixturePage('strava/upload-select-hostile.html', {
    FORGED_NAME: 'forged-marathon.fit',
    FORGED_BASE64: Buffer.from(forged).toString('base64'),
  });
  await context.route('https://www.strava.com/**', (r) =>
    r.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
  const page = await context.newPage();
  const hipCheckLog = collectHipCheckLog(page);
  await page.goto('https://www.strava.com/upload/select');
  await page.locator('input[type=file][name="files[]"]').setInputFiles(mine.file);
  // The page did swap the file (the site would upload the forged one), yet Hip Check read the
  // runner's own: one upload sent, the runner's run stored, no 42 km run.
  await expect(page.locator('#status')).toHaveText('Swapped');
  await expect.poll(async () => (await answers(hipCheckLog)).map((a) => a.sent)).toEqual(['upload/file']);
  expect(await storedKeys(worker)).toEqual([mine.key]);
});
