import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { expect, fixturePage, stravaListPage, test } from './extension-fixture';
import { CORPUS_DIR } from '../paths';
import { needsCorpus } from './needs-corpus';
import { backfillsEnded, collectHipCheckLog } from './page-log';
import { storedKeys } from './storage-probe';

const CORPUS = path.join(CORPUS_DIR, 'pages/strava');

async function serveTraining(
  context: BrowserContext,
  pages: Map<number, { status: number; body: string; contentType?: string }>,
  log: { page: number; at: number; xrw: string | undefined }[],
) {
  const html = await fixturePage('strava/training.html', {});
  await context.route('https://www.strava.com/**', (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/athlete/training_activities') {
      const n = Number(url.searchParams.get('page'));
      log.push({ page: n, at: Date.now(), xrw: route.request().headers()['x-requested-with'] });
      const p = pages.get(n) ?? { status: 200, body: JSON.stringify({ models: [], page: n, perPage: 20, total: 0 }) };
      return route.fulfill({ status: p.status, contentType: p.contentType ?? 'application/json', body: p.body });
    }
    return route.fulfill({ status: 200, contentType: 'text/html', body: html });
  });
}

test('My Activities: the list Strava loads is recorded (real 2016 fr-FR response), no backfill for old history', async ({
  context,
  worker,
}) => {
  needsCorpus('"My Activities: the list Strava loads is recorded" (it serves a Strava page of the corpus)');
  const body = await readFile(path.join(CORPUS, 'elevate__rawPage0120161213.json'), 'utf8');
  const log: { page: number; at: number; xrw: string | undefined }[] = [];
  await serveTraining(context, new Map([[1, { status: 200, body }]]), log);
  const page = await context.newPage();
  const hipCheckLog = collectHipCheckLog(page);
  await page.goto('https://www.strava.com/athlete/training');
  const ids = (JSON.parse(body) as { models: { id: number }[] }).models.map((m) => `strava:${m.id}`);
  await expect.poll(() => storedKeys(worker)).toEqual(ids.sort());
  // The backfill ended having fetched nothing: 2016 is far older than the 42 days it fills in.
  await expect.poll(() => backfillsEnded(hipCheckLog)).toEqual([{ fetched: 0, stoppedBy: 'caught up' }]);
  expect(log.map((l) => l.page)).toEqual([1]);
});

test('My Activities: a login page instead of JSON stops the backfill', async ({ context }) => {
  const log: { page: number; at: number; xrw: string | undefined }[] = [];
  const pages = new Map([
    [1, { status: 200, body: JSON.stringify(stravaListPage(1, 20, 100, 0)) }],
    [2, { status: 200, body: '<!doctype html><title>Log In | Strava</title>', contentType: 'text/html' }],
  ]);
  await serveTraining(context, pages, log);
  const page = await context.newPage();
  const hipCheckLog = collectHipCheckLog(page);
  await page.goto('https://www.strava.com/athlete/training');
  await expect
    .poll(() => backfillsEnded(hipCheckLog), { timeout: 15_000 })
    .toEqual([{ fetched: 1, stoppedBy: 'Strava answered with a login page' }]);
  expect(log.map((l) => l.page)).toEqual([1, 2]);
});
