import { expect, test } from './extension-fixture';
import { runOn, seed } from './seed';
import { storedKeys } from './storage-probe';

test('the history table corrects and deletes activities; corrections survive a new reading', async ({
  openExtensionPage,
  worker,
}) => {
  const options = await openExtensionPage('options.html');
  await seed(options, [runOn(2, 10, 'a'), runOn(1, 8, 'b', 7, 'ride')]);
  await options.getByLabel('Distance units').selectOption('km');
  const table = options.getByTestId('history');
  await expect(table.locator('tbody tr')).toHaveCount(2);

  const ride = table.locator('tr[data-key="strava:b"]');
  await ride.getByRole('button', { name: /^Edit/ }).click();
  await table.locator('tr.editing select').selectOption('run');
  await table.locator('tr.editing').getByLabel('Distance (km)').fill('8,5');
  await table.locator('tr.editing').getByLabel('Moving time (h:mm:ss)').fill('45:10');
  await table.locator('tr.editing').getByRole('button', { name: 'Save' }).click();
  await expect(ride).toContainText('Run');
  await expect(ride).toContainText('8.5 km');
  await expect(ride).toContainText('45:10');
  await expect(ride).toContainText('corrected');

  // Strava's page is read again later: the runner's correction stays.
  await seed(options, [runOn(1, 8, 'b', 7, 'ride')]);
  await options.reload();
  await expect(options.getByTestId('history').locator('tr[data-key="strava:b"]')).toContainText('Run');

  const badTime = options.getByTestId('history').locator('tr[data-key="strava:a"]');
  await badTime.getByRole('button', { name: /^Edit/ }).click();
  await options.locator('tr.editing').getByLabel('Moving time (h:mm:ss)').fill('forty minutes');
  await options.locator('tr.editing').getByRole('button', { name: 'Save' }).click();
  await expect(options.locator('tr.editing [role=alert]')).toContainText('1:02:03');
  await options.locator('tr.editing').getByRole('button', { name: 'Cancel' }).click();

  await options
    .getByTestId('history')
    .locator('tr[data-key="strava:a"]')
    .getByRole('button', { name: /^Delete/ })
    .click();
  // Delete asks first; "Keep it" keeps the run.
  const asked = options.getByTestId('history').locator('tr[data-key="strava:a"]');
  await expect(asked).toContainText('Delete the activity of');
  await asked.getByRole('button', { name: 'Keep it' }).click();
  expect(await storedKeys(worker)).toHaveLength(2);
  await asked.getByRole('button', { name: /^Delete/ }).click();
  await asked.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(options.getByTestId('history').locator('tbody tr')).toHaveCount(1);
  expect(await storedKeys(worker)).toEqual(['strava:b']);
  if (process.env.UPDATE_SCREENSHOTS) await options.screenshot({ path: 'docs/options.png', fullPage: true });
});

test('"Delete all data" asks first, then deletes every activity and keeps the settings', async ({
  openExtensionPage,
  worker,
}) => {
  const options = await openExtensionPage('options.html');
  await seed(options, [runOn(2, 10, 'a'), runOn(1, 8, 'b')]);
  await options.locator('#maxRunDaysInRow').fill('4');
  await options.locator('#maxRunDaysInRow').blur();
  await expect(options.getByLabel('Preset')).toHaveValue('custom');
  await options.getByRole('button', { name: 'Delete all data' }).click();
  await expect(options.getByRole('alertdialog')).toContainText('Delete all 2 activities');
  await options.getByRole('button', { name: 'Cancel' }).click();
  expect(await storedKeys(worker)).toHaveLength(2);
  await options.getByRole('button', { name: 'Delete all data' }).click();
  await options.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(options.getByTestId('activity-count')).toContainText('0 activities');
  expect(await storedKeys(worker)).toEqual([]);
  // The message goes once runs are back (here: a run read from a site).
  const deleted = options.locator('.delete-all [role=status]');
  await expect(deleted).toBeVisible();
  await seed(options, [runOn(0, 5, 'c')]);
  await expect(options.getByTestId('activity-count')).toContainText('1 activity');
  await expect(deleted).toHaveCount(0);
  await options.reload();
  await expect(options.locator('#maxRunDaysInRow')).toHaveValue('4');
});

test('the history shows name, sport and source, and the year of an older run; a refused edit keeps what was typed', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  const old = { ...runOn(0, 10, 'old'), localDate: '2014-10-11', startMs: Date.UTC(2014, 9, 11, 7) };
  await seed(options, [runOn(1, 8, 'new'), old]);
  const table = options.getByTestId('history');
  const oldRow = table.locator('tr[data-key="strava:old"]');
  await expect(oldRow).toContainText('2014');
  await expect(oldRow).toContainText('Run old');
  await expect(oldRow).toContainText('Strava');
  await expect(table.locator('tr[data-key="strava:new"]')).not.toContainText(String(new Date().getFullYear()));

  await oldRow.getByRole('button', { name: /^Edit/ }).click();
  const box = options.locator('tr.editing').getByLabel(/^Distance/);
  await box.fill('-5');
  await options.locator('tr.editing').getByRole('button', { name: 'Save' }).click();
  await expect(options.locator('tr.editing [role=alert]')).toHaveText('The distance cannot be less than zero.');
  await expect(box).toHaveValue('-5');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  // Past the store's limit: a runner's sentence in the runner's units, not the store's metres.
  await box.fill('5000');
  await options.locator('tr.editing').getByRole('button', { name: 'Save' }).click();
  await expect(options.locator('tr.editing [role=alert]')).toHaveText(
    /^One activity can be at most (1,000 km|621\.4 mi) long\.$/,
  );
});

test('a refused setting stays visible, outlined, with its message; a valid one says Saved; miles where chosen', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  const days = options.locator('#maxRunDaysInRow');
  await expect(days).toBeVisible();
  // 0 is valid: it turns the limit off.
  for (const typed of ['-3', '31', '1000', '2.5']) {
    await days.fill(typed);
    await days.blur();
    await expect(options.getByTestId('error-maxRunDaysInRow')).toBeVisible();
    await expect(days).toHaveValue(typed);
    await expect(days).toHaveAttribute('aria-invalid', 'true');
    expect(await days.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  }
  await days.fill('4');
  await days.blur();
  await expect(options.getByTestId('saved-maxRunDaysInRow')).toHaveText('Saved.');
  await expect(options.getByTestId('error-maxRunDaysInRow')).toHaveCount(0);
  await expect(days).not.toHaveAttribute('aria-invalid', 'true');

  // Miles: the weekly-ramp base is labelled, shown and typed in miles, stored in km.
  await options.getByLabel('Distance units').selectOption('mi');
  const base = options.getByLabel(/Only when last week had at least/);
  await expect(base).toHaveAccessibleName(/\(mi\)/);
  await base.fill('10');
  await base.blur();
  await expect(options.getByTestId('saved-weeklyRampMinBaseKm')).toBeVisible();
  await options.reload();
  await expect(options.getByLabel(/Only when last week had at least/)).toHaveValue('10');
  await options.getByLabel('Distance units').selectOption('km');
  await expect(options.getByLabel(/Only when last week had at least/)).toHaveValue('16.093');
});

test('the automatic catch-up is off until ticked; on, it sets the 09:00 alarm and opens no tab', async ({
  context,
  worker,
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  const box = options.getByLabel('Catch up from Strava and Garmin on its own');
  await expect(box).not.toBeChecked();
  await expect(box).toHaveAccessibleDescription(/“My Activities” list.*once a day at (09|9):00/);
  const morning = () =>
    worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> } };
      };
      const a = await chrome.alarms.get('catch-up-morning');
      return a
        ? { hours: new Date(a.scheduledTime).getHours(), minutes: new Date(a.scheduledTime).getMinutes() }
        : null;
    });
  expect(await morning()).toBeNull();

  await box.check();
  await expect(options.getByTestId('saved-autoCatchUp')).toHaveText('Saved.');
  await expect.poll(morning).toEqual({ hours: 9, minutes: 0 });
  await options.reload();
  await expect(options.getByLabel('Catch up from Strava and Garmin on its own')).toBeChecked();
  // Turning it on asks neither site for anything: only the popup or the alarm would.
  expect(context.pages().filter((p) => /strava\.com|garmin\.com/.test(p.url()))).toEqual([]);

  await options.getByLabel('Catch up from Strava and Garmin on its own').uncheck();
  await expect(options.getByTestId('saved-autoCatchUp')).toHaveText('Saved.');
  await expect.poll(morning).toBeNull();
});
