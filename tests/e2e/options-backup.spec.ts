import { readFile } from 'node:fs/promises';
import { expect, fixturePage, localToday, test } from './extension-fixture';

test('export a backup from the options page, delete everything, and import it back, twice', async ({
  context,
  openExtensionPage,
}) => {
  const today = localToday();
  const html = await fixturePage('strava/activity-page.html', {
    ACTIVITY_ID: 555,
    VIEWER_ID: 1,
    OWNER_ID: 1,
    NAME: 'Backup run',
    SPORT_TYPE: 'Run',
    DISTANCE_M: 5000,
    MOVING_S: 1500,
    ELAPSED_S: 1500,
    START_LOCAL_S: Date.parse(`${today}T07:00:00Z`) / 1000,
    DATE_TEXT: today,
    KM: '5',
  });
  await context.route('https://www.strava.com/**', (r) =>
    r.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
  const strava = await context.newPage();
  await strava.goto('https://www.strava.com/activities/555');

  const options = await openExtensionPage('options.html');
  await expect(options.getByTestId('activity-count')).toContainText('1 activity stored', { timeout: 15_000 });

  const downloadPromise = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export backup' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^hip-check-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await readFile((await download.path())!, 'utf8');
  const backup = JSON.parse(text);
  expect(backup).toMatchObject({ format: 'hip-check-backup', version: 2, restMarks: [], checkIns: [] });
  expect(backup.activities).toHaveLength(1);

  // Delete everything, then import the file back through the "Import activities" input.
  await options.getByRole('button', { name: 'Delete all data' }).click();
  await options.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(options.getByTestId('activity-count')).toContainText('0 activities');

  const input = options.getByLabel('Import activities');
  const file = { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) };
  await input.setInputFiles(file);
  await expect(options.getByTestId('data-message')).toContainText('backup.json: 1 added');
  await expect(options.getByTestId('activity-count')).toContainText('1 activity stored');
  await input.setInputFiles(file);
  await expect(options.getByTestId('data-message')).toContainText(
    '0 added, 0 merged with runs you had, 1 already known',
  );
  await expect(options.getByTestId('activity-count')).toContainText('1 activity stored');

  await input.setInputFiles({
    name: 'junk.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"nope"}'),
  });
  await expect(options.getByTestId('data-message')).toContainText('junk.json: This is not a Hip Check backup');
  await expect(options.getByTestId('activity-count')).toContainText('1 activity stored');
});

test('an invalid threshold is refused with a message and not stored', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  const field = options.getByLabel(/Running days in a row before a rest day/);
  await field.fill('0');
  await field.blur();
  await expect(options.getByTestId('error-maxRunDaysInRow')).toContainText('between 1 and 30');
  await options.reload();
  await expect(options.getByLabel(/Running days in a row before a rest day/)).toHaveValue('6');
  await options.getByLabel(/Running days in a row before a rest day/).fill('4');
  await options.getByLabel(/Running days in a row before a rest day/).blur();
  await expect(options.getByLabel('Preset')).toHaveValue('custom');
  await options.reload();
  await expect(options.getByLabel(/Running days in a row before a rest day/)).toHaveValue('4');
});
