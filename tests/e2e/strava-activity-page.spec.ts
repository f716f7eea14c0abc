import { expect, fixturePage, test } from './extension-fixture';
import { earlierToday, localDateAt } from './fixture-dates';
import { storedKeys } from './storage-probe';

// The whole path: a Strava activity page at its real URL → content scripts → background →
// IndexedDB → popup.

// The run-on-an-activity-page and friend's-page cases run in both browsers: tests/scenarios.

test('without pageView data the run is read from the page as shown', async ({ context, worker }) => {
  const start = earlierToday();
  const html = await fixturePage('strava/activity-page-dom-only.html', {
    NAME: 'Redesign run',
    SPORT: 'Run',
    DATETIME: new Date(start).toISOString(),
    DATE_TEXT: localDateAt(start),
    EDIT_LINK: '<a href="/activities/321/edit">Edit</a>',
    OWNER_ID: '42',
    ACTIVITY_ID: '321',
    DISTANCE: '7.5',
    UNIT: 'km',
    UNIT_TITLE: 'kilometers',
    MOVING: '37:30',
    ELAPSED: '38:00',
  });
  await context.route('https://www.strava.com/**', (r) =>
    r.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
  const strava = await context.newPage();
  await strava.goto('https://www.strava.com/activities/321');
  await expect.poll(() => storedKeys(worker), { timeout: 15_000 }).toEqual(['strava:321']);
});

test("a page that can't be read says so in the popup", async ({ context, openExtensionPage, worker }) => {
  await context.route('https://www.strava.com/**', (r) =>
    r.fulfill({
      status: 200,
      contentType: 'text/html',
      body: '<!doctype html><title>Strava</title><header><a href="/athletes/42">You</a></header><a href="/activities/654/edit">Edit</a><p>New look!</p>',
    }),
  );
  const strava = await context.newPage();
  await strava.goto('https://www.strava.com/activities/654');
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('problems')).toBeVisible({ timeout: 15_000 });
  await popup.getByTestId('problems').locator('summary').click();
  await expect(popup.getByTestId('problems')).toContainText("Couldn't read your Strava activity page");
  expect(await storedKeys(worker)).toEqual([]);
});
