import { expect, fixturePage, localToday, test } from './extension-fixture';
import { storedKeys } from './storage-probe';

// The whole path: a Strava activity page at its real URL → content scripts → background →
// IndexedDB → popup.

const ACTIVITY_ID = 12345678901;

function pageValues(over: Record<string, string | number> = {}) {
  const today = localToday();
  // Strava's startDateLocal: the local wall clock written as if it were UTC, in seconds.
  const startLocalS = Date.parse(`${today}T06:30:00Z`) / 1000;
  return {
    ACTIVITY_ID,
    VIEWER_ID: 42,
    OWNER_ID: 42,
    NAME: 'Hip Check fixture run',
    SPORT_TYPE: 'Run',
    DISTANCE_M: 8046.7,
    MOVING_S: 2400,
    ELAPSED_S: 2460,
    START_LOCAL_S: startLocalS,
    DATE_TEXT: today,
    KM: '8.05',
    ...over,
  };
}

test('a run read from a Strava activity page appears in the popup', async ({ context, openExtensionPage, worker }) => {
  const html = await fixturePage('strava/activity-page.html', pageValues());
  await context.route('https://www.strava.com/**', (r) =>
    r.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );

  const popup0 = await openExtensionPage('popup.html');
  await expect(popup0.getByTestId('first-run')).toBeVisible();
  await popup0.close();

  const strava = await context.newPage();
  await strava.goto(`https://www.strava.com/activities/${ACTIVITY_ID}`);

  const popup = await openExtensionPage('popup.html');
  await expect(async () => {
    await popup.reload();
    await expect(popup.locator(`tr[data-key="strava:${ACTIVITY_ID}"]`)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const row = popup.locator(`tr[data-key="strava:${ACTIVITY_ID}"]`);
  await expect(row).toContainText('Run');
  await expect(row).toContainText(/8[.,]05 km|5 mi/);
  await expect(row).toContainText('40:00');
  await expect(popup.getByTestId('streak')).toContainText('1');
  // The toolbar badge counts the days in a row with a run, ending today.
  // `chrome` exists in the service worker, not in this file: reach it through globalThis.
  const badge = () =>
    worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
      ).chrome.action.getBadgeText({}),
    );
  await expect.poll(badge).toBe('1');
});

test("a friend's activity page adds nothing", async ({ context, openExtensionPage, worker }) => {
  const html = await fixturePage('strava/activity-page.html', pageValues({ OWNER_ID: 7 }));
  await context.route('https://www.strava.com/**', (r) =>
    r.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
  const strava = await context.newPage();
  await strava.goto(`https://www.strava.com/activities/${ACTIVITY_ID}`);
  // Give the scripts time to have done something, then check the database directly.
  await strava.waitForTimeout(2000);
  expect(await storedKeys(worker)).toEqual([]);
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('first-run')).toBeVisible();
});

test('without pageView data the run is read from the page as shown', async ({ context, worker }) => {
  const today = localToday();
  const html = await fixturePage('strava/activity-page-dom-only.html', {
    NAME: 'Redesign run',
    SPORT: 'Run',
    DATETIME: `${today}T06:30:00Z`,
    DATE_TEXT: today,
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
