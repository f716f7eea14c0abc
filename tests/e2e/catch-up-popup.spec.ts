import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, fixturePage, localToday, stravaListPage, test } from './extension-fixture';
import { startOn } from './fixture-dates';
import { CORPUS_DIR } from '../paths';
import { needsCorpus } from './needs-corpus';

// Issue #22, the popup's side: a runner who never opened Strava or Garmin Connect in this browser
// opens the popup, is told neither was read today, and catches up with one click. The sites are
// served from local pages at their real addresses; nothing else may leave the browser.

const GARMIN_LIST = path.join(
  CORPUS_DIR,
  'pages/garmin/garth__test_activity_list.body0__activitylist-service_activities_search_activities__limit3_start0.json',
);
const GARMIN_VIEWER = 2591602;

const pad = (n: number) => String(n).padStart(2, '0');
/** Garmin's "YYYY-MM-DD HH:MM:SS", from a Date's local or UTC fields. */
const garminTime = (d: Date, utc: boolean) =>
  utc
    ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`
    : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:00`;

/** Garmin's activity list with one run of the viewer's, yesterday at 18:00 (a real entry of the corpus, re-dated). */
async function garminListOfOne(): Promise<string> {
  const [entry] = JSON.parse(await readFile(GARMIN_LIST, 'utf8')) as Record<string, unknown>[];
  const start = new Date(startOn(1, 18).startMs);
  return JSON.stringify([
    {
      ...entry,
      activityId: 31_000_000_001,
      activityName: 'Evening run',
      startTimeLocal: garminTime(start, false),
      startTimeGMT: garminTime(start, true),
      beginTimestamp: start.getTime(),
      ownerId: GARMIN_VIEWER,
    },
  ]);
}

/** Both sites, as the catch-up's tabs meet them; every request either site gets is noted. */
async function serveSites(context: BrowserContext, requests: string[]) {
  const training = await fixturePage('strava/training.html', {});
  await context.route('https://www.strava.com/**', (route) => {
    const url = new URL(route.request().url());
    requests.push(url.href);
    if (url.pathname === '/athlete/training_activities') {
      const page = Number(url.searchParams.get('page'));
      // One run earlier today on the first page; nothing older.
      const body = page === 1 ? stravaListPage(1, 1, 1, 0) : { models: [], page, perPage: 20, total: 1 };
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    }
    return route.fulfill({ status: 200, contentType: 'text/html', body: training });
  });
  const app = await fixturePage('garmin/app.html', { ACTIVITY_ID: '1' });
  const list = await garminListOfOne();
  await context.route('https://connect.garmin.com/**', (route) => {
    const url = new URL(route.request().url());
    requests.push(url.href);
    const json = (body: string) => route.fulfill({ status: 200, contentType: 'application/json', body });
    if (url.pathname === '/gc-api/userprofile-service/socialProfile')
      return json(JSON.stringify({ profileId: GARMIN_VIEWER }));
    if (url.pathname === '/gc-api/activitylist-service/activities/search/activities') return json(list);
    return route.fulfill({ status: 200, contentType: 'text/html', body: app });
  });
}

/**
 * Playwright routes a tab's requests only once it has attached to the tab, and the catch-up's
 * tabs, opened by the extension, load their first address before that: past the routes, to a
 * network error here. Once both have, each is loaded again, now through the routes.
 */
async function reloadCatchUpTabs(context: BrowserContext, extensionPage: Page): Promise<void> {
  await expect
    .poll(() => context.pages().filter((p) => p.url().startsWith('chrome-error:')).length, { timeout: 20_000 })
    .toBe(2);
  await extensionPage.evaluate(async () => {
    const { tabs } = (globalThis as unknown as { chrome: { tabs: ChromeTabs } }).chrome;
    for (const t of await tabs.query({})) if (t.url?.includes('#hipcheck-catch-up')) await tabs.reload(t.id);
  });
}
interface ChromeTabs {
  query(q: object): Promise<{ id: number; url?: string }[]>;
  reload(id: number): Promise<void>;
}

const siteTabs = (context: BrowserContext) =>
  context.pages().filter((p) => /^https:\/\/(www\.strava\.com|connect\.garmin\.com)\//.test(p.url()));

needsCorpus('tests/e2e/catch-up-popup.spec.ts (it serves a Garmin list of the corpus)');

test('a fresh popup says neither site was read today; one click reads both and the verdict has today’s run', async ({
  context,
  openExtensionPage,
}) => {
  test.setTimeout(90_000);
  const requests: string[] = [];
  await serveSites(context, requests);
  const popup = await openExtensionPage('popup.html');

  await expect(popup.getByTestId('site-reads')).toHaveText('Strava never read · Garmin Connect never read');
  const stale = popup.getByTestId('catch-up-stale');
  await expect(stale).toContainText(
    'Hip Check has not read Strava or Garmin Connect today: a run from today may be missing.',
  );
  // One button, in the note.
  await expect(popup.getByTestId('catch-up')).toHaveCount(1);
  await expect(stale.getByTestId('catch-up')).toHaveText('Catch up from Strava and Garmin');
  // Opening the popup asked neither site for anything (automatic catch-up is off).
  expect(requests).toEqual([]);

  await stale.getByTestId('catch-up').click();
  await expect(popup.getByTestId('catch-up')).toBeDisabled();
  await expect(popup.getByTestId('catch-up-running')).toHaveText('Reading Strava and Garmin Connect…');
  await reloadCatchUpTabs(context, popup);
  await expect(popup.getByTestId('catch-up-strava')).toHaveText('Strava: 1 new activity', { timeout: 60_000 });
  await expect(popup.getByTestId('catch-up-garmin')).toHaveText('Garmin Connect: 1 new activity', { timeout: 60_000 });
  await expect(popup.getByTestId('catch-up-running')).toHaveCount(0);

  // The verdict and strip have today's run, the note is gone, and both sites read today.
  await expect(popup.getByTestId('verdict')).toBeVisible();
  await expect(popup.getByTestId('catch-up-stale')).toHaveCount(0);
  await expect(popup.getByTestId('day-strip').locator(`li[data-date="${localToday()}"]`)).toHaveAttribute(
    'data-kind',
    'run',
  );
  await expect(popup.getByTestId('site-reads')).toHaveText(/^Strava read today .+ · Garmin Connect read today .+$/);
  // The button is back, enabled, below the fold.
  await expect(popup.getByTestId('catch-up')).toBeEnabled();
  // Only the two lists (and what their pages load) were asked for, and no tab was left open.
  for (const r of requests)
    expect(r).toMatch(/^https:\/\/(www\.strava\.com\/athlete\/|connect\.garmin\.com\/(app\/|gc-api\/))/);
  await expect.poll(() => siteTabs(context).length).toBe(0);
});
