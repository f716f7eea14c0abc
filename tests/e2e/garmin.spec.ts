import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, fixturePage, test } from './extension-fixture';
import { CORPUS_DIR } from '../paths';
import { storedKeys } from './storage-probe';

const CORPUS = path.join(CORPUS_DIR, 'pages/garmin');
const DETAIL = 'garth__test_activity_get.body1__activity-service_activity.json';
const LIST = 'garth__test_activity_list.body0__activitylist-service_activities_search_activities__limit3_start0.json';
const ACTIVITY_ID = '21482825013';
const OWNER = 2591602;

async function serveGarmin(
  context: import('@playwright/test').BrowserContext,
  viewerId: number,
  requests: string[] = [],
) {
  const html = await fixturePage('garmin/app.html', { ACTIVITY_ID });
  const detail = await readFile(path.join(CORPUS, DETAIL), 'utf8');
  const list = await readFile(path.join(CORPUS, LIST), 'utf8');
  await context.route('https://connect.garmin.com/**', (route) => {
    const url = new URL(route.request().url());
    requests.push(url.pathname);
    const json = (body: string) => route.fulfill({ status: 200, contentType: 'application/json', body });
    if (url.pathname === '/gc-api/userprofile-service/socialProfile')
      return json(JSON.stringify({ profileId: viewerId, displayName: 'viewer' }));
    if (url.pathname === `/gc-api/activity-service/activity/${ACTIVITY_ID}`) return json(detail);
    if (url.pathname === '/gc-api/activitylist-service/activities/search/activities') return json(list);
    return route.fulfill({ status: 200, contentType: 'text/html', body: html });
  });
}

test('the activity list Garmin Connect loads is recorded', async ({ context, worker }) => {
  await serveGarmin(context, OWNER);
  const ids = (JSON.parse(await readFile(path.join(CORPUS, LIST), 'utf8')) as { activityId: number }[]).map(
    (a) => `garmin:${a.activityId}`,
  );
  const page = await context.newPage();
  await page.goto('https://connect.garmin.com/app/activities');
  await expect(page.locator('#view')).toContainText('Activities: 3');
  await expect.poll(() => storedKeys(worker)).toEqual(ids.sort());
});

test('an in-app navigation to an activity on Garmin Connect is read', async ({ context, worker }) => {
  const requests: string[] = [];
  await serveGarmin(context, OWNER, requests);
  const page = await context.newPage();
  await page.route('**/gc-api/activitylist-service/**', (r) =>
    r.fulfill({ status: 200, contentType: 'application/json', body: '[]' }),
  );
  await page.goto('https://connect.garmin.com/app/activities');
  await expect(page.locator('#view')).toContainText('Activities: 0');
  expect(await storedKeys(worker)).toEqual([]);
  await page.click('#nav-activity');
  await expect(page).toHaveURL(new RegExp(`/app/activity/${ACTIVITY_ID}$`));
  await expect(page.locator('#view')).toContainText('Activity: Cuajimalpa');
  await expect.poll(() => storedKeys(worker)).toEqual([`garmin:${ACTIVITY_ID}`]);
  expect(requests.filter((p) => p.startsWith('/gc-api/')).length).toBe(2); // profile + activity: we asked nothing ourselves
});

test("a connection's activity opened on Garmin Connect adds nothing", async ({ context, worker }) => {
  await serveGarmin(context, 999);
  const page = await context.newPage();
  await page.goto(`https://connect.garmin.com/app/activity/${ACTIVITY_ID}`);
  await expect(page.locator('#view')).toContainText('Activity: Cuajimalpa');
  await page.waitForTimeout(1500);
  expect(await storedKeys(worker)).toEqual([]);
});
