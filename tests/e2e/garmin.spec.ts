import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, fixturePage, test } from './extension-fixture';
import { CORPUS_DIR } from '../paths';
import { answers, collectHipCheckLog } from './page-log';
import { storedKeys } from './storage-probe';
import { needsCorpus } from './needs-corpus';

const CORPUS = path.join(CORPUS_DIR, 'pages/garmin');
const DETAIL = 'garth__test_activity_get.body1__activity-service_activity.json';
const LIST = 'garth__test_activity_list.body0__activitylist-service_activities_search_activities__limit3_start0.json';
const ACTIVITY_ID = '21482825013';
// The list and in-app navigation cases run in both browsers: tests/scenarios.

async function serveGarmin(
  context: import('@playwright/test').BrowserContext,
  viewerId: number | null,
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
      return json(JSON.stringify(viewerId === null ? { displayName: 'viewer' } : { profileId: viewerId }));
    if (url.pathname === `/gc-api/activity-service/activity/${ACTIVITY_ID}`) return json(detail);
    if (url.pathname === '/gc-api/activitylist-service/activities/search/activities') return json(list);
    return route.fulfill({ status: 200, contentType: 'text/html', body: html });
  });
}

needsCorpus('tests/e2e/garmin.spec.ts (it serves Garmin responses of the corpus)');

test("a connection's activity opened on Garmin Connect adds nothing", async ({ context, worker }) => {
  await serveGarmin(context, 999);
  const page = await context.newPage();
  const hipCheckLog = collectHipCheckLog(page);
  await page.goto(`https://connect.garmin.com/app/activity/${ACTIVITY_ID}`);
  await expect(page.locator('#view')).toContainText('Activity: Cuajimalpa');
  // Read for the signed-in athlete 999, who is not its owner: nothing added, and no problem.
  await expect
    .poll(() => answers(hipCheckLog))
    .toContainEqual({ sent: 'garmin-response', answer: { ok: true, added: 0, known: 0, viewerId: '999' } });
  expect(await storedKeys(worker)).toEqual([]);
});

test('the list waits for Garmin to say who is signed in, and the popup is told why', async ({ context, worker }) => {
  await serveGarmin(context, null); // the profile answer names nobody
  const page = await context.newPage();
  await page.goto('https://connect.garmin.com/app/activities');
  await expect(page.locator('#view')).toContainText('Activities: 3');
  await expect
    .poll(() =>
      worker.evaluate(async () =>
        JSON.stringify(
          await (
            globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<unknown> } } } }
          ).chrome.storage.local.get('readProblems'),
        ),
      ),
    )
    .toContain('garmin_viewer_unknown');
  expect(await storedKeys(worker)).toEqual([]);
});

test("the signed-in athlete's list is stored once Garmin names them", async ({ context, worker }) => {
  await serveGarmin(context, 2591602);
  const page = await context.newPage();
  await page.goto('https://connect.garmin.com/app/activities');
  await expect(page.locator('#view')).toContainText('Activities: 3');
  await expect.poll(() => storedKeys(worker)).toHaveLength(3);
});
