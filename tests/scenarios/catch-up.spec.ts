// Catching up without a visit, in both browsers: the background opens Strava's "My Activities"
// and Garmin Connect's activity list in tabs of their own, the content scripts read them as on a
// visit, and the tabs are closed. The sites are local pages at their real addresses (the drivers
// serve tabs the extension opens too, from their first request).
import { fixturePage, stravaListPage } from '../e2e/extension-fixture';
import { earlierToday } from '../e2e/fixture-dates';
import type { Driver, DriverPage, SiteRequest, SiteResponse } from './driver';
import { storedKeys } from './ext';
import { expect, test } from './fixture';

const html = (body: string): SiteResponse => ({ status: 200, contentType: 'text/html', body });
const json = (status: number, body: unknown): SiteResponse => ({
  status,
  contentType: 'application/json',
  body: JSON.stringify(body),
});

const pad = (n: number) => String(n).padStart(2, '0');
const garminTime = (y: number, mo: number, d: number, h: number, mi: number) =>
  `${y}-${pad(mo + 1)}-${pad(d)} ${pad(h)}:${pad(mi)}:00`;

/** Garmin's list JSON: one run of the signed-in athlete 77, earlier today. */
function garminListToday() {
  const d = new Date(earlierToday());
  return [
    {
      activityId: 30_000_001,
      activityName: 'Morning run (Garmin)',
      startTimeLocal: garminTime(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()),
      startTimeGMT: garminTime(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()),
      activityType: { typeKey: 'running' },
      distance: 6000,
      duration: 1900,
      movingDuration: 1850,
      elapsedDuration: 1950,
      ownerId: 77,
    },
  ];
}

/**
 * Serves both sites. Strava: 'ok' (the training page, and a list of three runs, the newest earlier
 * today), or 'login' (the page sends a signed-out visitor to /login). Garmin: 'ok', or '429' on
 * the activity list.
 */
async function serveSites(driver: Driver, opts: { strava?: 'ok' | 'login'; garmin?: 'ok' | '429' } = {}) {
  const training = await fixturePage('strava/training.html', {});
  const app = await fixturePage('garmin/app.html', { ACTIVITY_ID: '1' });
  const list = stravaListPage(1, 3, 3, 0);
  driver.serve((req: SiteRequest) => {
    const { host, pathname } = req.url;
    if (host === 'www.strava.com') {
      if (pathname === '/login') return html('<!doctype html><title>Log In | Strava</title>');
      if (opts.strava === 'login') return html('<!doctype html><script>location.replace("/login")</script>');
      if (pathname === '/athlete/training_activities') return json(200, list);
      return html(training);
    }
    if (pathname === '/gc-api/userprofile-service/socialProfile') return json(200, { profileId: 77 });
    if (pathname === '/gc-api/activitylist-service/activities/search/activities')
      return opts.garmin === '429' ? json(429, { message: 'Too many requests' }) : json(200, garminListToday());
    return html(app);
  });
}

type Run = { endedMs: number | null; sites: Record<string, { state: string; activities?: number }> } | null;

function catchUpRun(driver: Driver): Promise<Run> {
  return driver.inExtension(async () => {
    const c = (
      globalThis as unknown as {
        chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } };
      }
    ).chrome;
    return ((await c.storage.session.get('catchUp')).catchUp ?? null) as Run;
  });
}

/** What the popup's button sends, sent from one of Hip Check's pages. */
function startCatchUp(page: DriverPage): Promise<{ ok: boolean; started?: boolean }> {
  return page.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; started?: boolean }> } };
      }
    ).chrome.runtime.sendMessage({ type: 'catchup/start', trigger: 'button' }),
  );
}

async function ended(driver: Driver): Promise<Run> {
  await expect.poll(async () => (await catchUpRun(driver))?.endedMs ?? null, { timeout: 60_000 }).not.toBeNull();
  return catchUpRun(driver);
}

const siteRequests = (driver: Driver) =>
  driver
    .requestLog()
    .filter((r) => r.answer !== 'refused')
    .map((r) => new URL(r.url))
    .map((u) => `${u.host === 'www.strava.com' ? 'strava' : 'garmin'} ${u.pathname}`);

test('catching up reads a new Strava run and a new Garmin run, and leaves no tab open', async ({ driver }) => {
  await serveSites(driver);
  const options = await driver.openExtensionPage('options.html');
  expect(await startCatchUp(options)).toMatchObject({ ok: true, started: true });
  const run = await ended(driver);
  expect(run!.sites).toEqual({ strava: { state: 'new', activities: 3 }, garmin: { state: 'new', activities: 1 } });
  const keys = await storedKeys(driver);
  expect(keys).toContain('garmin:30000001');
  expect(keys.filter((k) => k.startsWith('strava:'))).toHaveLength(3);
  await expect.poll(() => driver.siteTabs()).toEqual([]);
  // The two lists and what their pages load: nothing else on either site.
  expect(new Set(siteRequests(driver))).toEqual(
    new Set([
      'strava /athlete/training',
      'strava /athlete/training_activities',
      'garmin /app/activities',
      'garmin /gc-api/userprofile-service/socialProfile',
      'garmin /gc-api/activitylist-service/activities/search/activities',
    ]),
  );

  // Again: nothing new on either site; the first Strava run is known, so one list page only.
  const before = siteRequests(driver).length;
  expect(await startCatchUp(options)).toMatchObject({ ok: true, started: true });
  await expect
    .poll(async () => (await catchUpRun(driver))?.sites, { timeout: 60_000 })
    .toEqual({ strava: { state: 'nothing-new' }, garmin: { state: 'nothing-new' } });
  await expect.poll(() => driver.siteTabs()).toEqual([]);
  expect(
    siteRequests(driver)
      .slice(before)
      .filter((r) => r.includes('training_activities')),
  ).toHaveLength(1);
});

test('a Strava sign-in page and Garmin’s 429 stop the catch-up, each with its own line', async ({ driver }) => {
  await serveSites(driver, { strava: 'login', garmin: '429' });
  const options = await driver.openExtensionPage('options.html');
  await startCatchUp(options);
  const run = await ended(driver);
  expect(run!.sites).toEqual({ strava: { state: 'signed-out' }, garmin: { state: 'rate-limited' } });
  expect(await storedKeys(driver)).toEqual([]);
  await expect.poll(() => driver.siteTabs()).toEqual([]);
  const requests = siteRequests(driver);
  expect(requests.filter((r) => r.includes('training_activities'))).toEqual([]);
  expect(requests.filter((r) => r.includes('activitylist-service'))).toHaveLength(1);
});

test('opening the popup alone makes no request to either site', async ({ driver }) => {
  await serveSites(driver);
  const popup = await driver.openExtensionPage('popup.html');
  await expect.poll(() => popup.count('[data-testid="popup"]'), { timeout: 20_000 }).toBe(1);
  // Long enough for a catch-up to have opened its tabs, had the popup started one.
  await new Promise((r) => setTimeout(r, 3000));
  await popup.reload();
  await expect.poll(() => popup.count('[data-testid="popup"]'), { timeout: 20_000 }).toBe(1);
  await new Promise((r) => setTimeout(r, 2000));
  expect(siteRequests(driver)).toEqual([]);
  expect(await driver.siteTabs()).toEqual([]);
  expect(await catchUpRun(driver)).toBeNull();
});

test('a fresh popup says neither site was read today; its button reads both, and the verdict has today’s run', async ({
  driver,
}) => {
  await serveSites(driver);
  const popup = await driver.openExtensionPage('popup.html');
  await expect
    .poll(() => popup.text('[data-testid="site-reads"]'), { timeout: 20_000 })
    .toBe('Strava list never read · Garmin Connect list never read');
  expect(await popup.text('[data-testid="catch-up-stale"]')).toContain(
    'Hip Check has not read Strava or Garmin Connect today: a run from today may be missing.',
  );
  // One button, in the note; opening the popup asked neither site for anything.
  expect(await popup.count('[data-testid="catch-up"]')).toBe(1);
  expect(siteRequests(driver)).toEqual([]);

  await popup.click('[data-testid="catch-up-stale"] [data-testid="catch-up"]');
  await expect
    .poll(() => popup.text('[data-testid="catch-up-strava"]'), { timeout: 60_000 })
    .toBe('Strava: 3 new activities');
  await expect
    .poll(() => popup.text('[data-testid="catch-up-garmin"]'), { timeout: 60_000 })
    .toBe('Garmin Connect: 1 new activity');
  // The note is gone, today is a run day on the strip, and both sites were read today.
  await expect.poll(() => popup.count('[data-testid="catch-up-stale"]')).toBe(0);
  await expect.poll(() => popup.count('[data-testid="verdict"]')).toBe(1);
  const today = await popup.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  expect(await popup.attribute(`[data-testid="day-strip"] li[data-date="${today}"]`, 'data-kind')).toBe('run');
  expect(await popup.text('[data-testid="site-reads"]')).toMatch(
    /^Strava list read today .+ · Garmin Connect list read today .+$/,
  );
  await expect.poll(() => driver.siteTabs()).toEqual([]);
});

test('with automatic catch-up on, opening a stale popup catches up once; opening it again does not', async ({
  driver,
}) => {
  await serveSites(driver);
  const options = await driver.openExtensionPage('options.html');
  const saved = await options.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }
    ).chrome.runtime.sendMessage({ type: 'settings/update', patch: { autoCatchUp: true } }),
  );
  expect(saved).toMatchObject({ ok: true });
  expect(siteRequests(driver)).toEqual([]);

  const popup = await driver.openExtensionPage('popup.html');
  const run = await ended(driver);
  expect(run!.sites).toEqual({ strava: { state: 'new', activities: 3 }, garmin: { state: 'new', activities: 1 } });
  await expect.poll(() => driver.siteTabs()).toEqual([]);
  const documents = () =>
    siteRequests(driver).filter((r) => r === 'strava /athlete/training' || r === 'garmin /app/activities');
  expect(documents()).toHaveLength(2);

  // Read a moment ago: a second opening asks neither site again.
  await popup.reload();
  await expect.poll(() => popup.count('[data-testid="verdict"]'), { timeout: 20_000 }).toBe(1);
  await new Promise((r) => setTimeout(r, 3000));
  expect(documents()).toHaveLength(2);
});
