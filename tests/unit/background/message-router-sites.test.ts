import { readFileSync } from 'node:fs';
import { problem, type ProblemCode, type ProblemParams } from '../../../core/problem-codes';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../../background/message-router';
import { listProblems } from '../../../background/read-problems';
import { CORPUS_DIR } from '../../paths';
import { itWithCorpus } from '../needs-corpus';
import { NOW } from '../activity-fixtures';
import { routerDeps } from './router-deps';
import { stravaRunList } from './strava-list-fixture';
import { MAX_RESPONSE_CHARS } from '../../../core/site-response';

const refused = <C extends ProblemCode>(code: C, ...params: ProblemParams[C]) =>
  problem('request_refused', problem(code, ...params));

// Real files live beside the checkout (../shared/corpus), never in the repository.
const CORPUS = CORPUS_DIR;
const base64Of = (rel: string) => readFileSync(path.join(CORPUS, rel)).toString('base64');
const loadJson = (rel: string): unknown => JSON.parse(readFileSync(path.join(CORPUS, rel), 'utf8'));

const page = { kind: 'page' } as const;
const strava = { kind: 'content', site: 'strava' } as const;
const garmin = { kind: 'content', site: 'garmin' } as const;

const LIST_URL = 'https://www.strava.com/athlete/training_activities?new_activity_only=false&page=1&per_page=5';

/** Page 1 of a Strava list of five recent runs, one a day back from 2026-11-24 (NOW is 2026-11-25). */
const recentList = () => stravaRunList({ count: 5, newest: '2026-11-24', firstId: 7_000_000, perPage: 5, total: 30 });

/** As a content script sends it: a response as its text (a string body is that text), a snapshot as an object. */
const siteData = (kind: string, url: string, body: unknown, viewerId: string | null = null) => ({
  type: 'site/data',
  data: kind.startsWith('strava-activity')
    ? { kind, url, status: 200, body, viewerId }
    : { kind, url, status: 200, text: typeof body === 'string' ? body : JSON.stringify(body), viewerId },
});

beforeEach(() => {
  fakeBrowser.reset();
});

describe('site/data through the router', () => {
  it('stores a Strava list page and answers added/known and the next page to fetch', async () => {
    const d = await routerDeps();
    const first = await handleMessage(siteData('strava-training-list', LIST_URL, recentList()), strava, d);
    expect(first).toMatchObject({
      ok: true,
      added: 5,
      known: 0,
      nextUrl: 'https://www.strava.com/athlete/training_activities?new_activity_only=false&page=2&per_page=5',
    });
    expect(await d.store.count()).toBe(5);
    expect((await d.store.all()).map((a) => a.key).sort()).toEqual([
      'strava:7000000',
      'strava:7000001',
      'strava:7000002',
      'strava:7000003',
      'strava:7000004',
    ]);
    expect(d.changes.count).toBe(1);

    // The same page again: all known, so the backfill stops.
    const again = await handleMessage(siteData('strava-training-list', LIST_URL, recentList()), strava, d);
    expect(again).toMatchObject({ ok: true, added: 0, known: 5, unchanged: 5, nextUrl: null });
    expect(await d.store.count()).toBe(5);
  });

  itWithCorpus('stores the signed-in athlete’s Garmin activity list from a Garmin page', async () => {
    const d = await routerDeps();
    const body = loadJson(
      'pages/garmin/garth__test_activity_list.body0__activitylist-service_activities_search_activities__limit3_start0.json',
    );
    const r = await handleMessage(
      siteData(
        'garmin-response',
        'https://connect.garmin.com/gc-api/activitylist-service/activities/search/activities?limit=3&start=0',
        body,
        '2591602',
      ),
      garmin,
      d,
    );
    expect(r).toMatchObject({ ok: true, added: 3, known: 0, viewerId: '2591602' });
    expect((await d.store.all()).map((a) => a.key).sort()).toEqual([
      'garmin:21419635589',
      'garmin:21461718086',
      'garmin:21482825013',
    ]);
  });

  itWithCorpus('stores nothing of a Garmin list before the site says who is signed in, and shows why', async () => {
    const d = await routerDeps();
    const body = loadJson(
      'pages/garmin/garth__test_activity_list.body0__activitylist-service_activities_search_activities__limit3_start0.json',
    );
    const url = 'https://connect.garmin.com/gc-api/activitylist-service/activities/search/activities?limit=3&start=0';
    const r = await handleMessage(siteData('garmin-response', url, body), garmin, d);
    const why = problem('site_garmin', problem('garmin_viewer_unknown'));
    expect(r).toMatchObject({ ok: true, added: 0, waiting: true, problem: why });
    expect(await d.store.all()).toEqual([]);
    expect(await listProblems()).toMatchObject([{ site: 'garmin', page: 'activity-list', reason: why }]);
  });

  describe('a Garmin response travels as its text, read in the background', () => {
    const LIST_API = 'https://connect.garmin.com/gc-api/activitylist-service/activities/search/activities?limit=20';
    const send = (text: unknown) => ({
      type: 'site/data',
      data: { kind: 'garmin-response', url: LIST_API, status: 200, text, viewerId: '77' },
    });
    const run = (over: Record<string, unknown> = {}) => ({
      activityId: 21_000_000_001,
      activityName: 'Morning Run',
      activityType: { typeKey: 'running' },
      startTimeGMT: '2026-11-24 07:00:00',
      startTimeLocal: '2026-11-24 07:00:00',
      distance: 8000,
      duration: 2400,
      movingDuration: 2400,
      ownerId: 77,
      ...over,
    });

    it('parses the text and stores the runs, with the names the list used then and now', async () => {
      const d = await routerDeps();
      // Before 2026 the list's elapsed time was in milliseconds; the reader decides per run.
      const text = JSON.stringify([run(), run({ activityId: 21_000_000_002, elapsedDuration: 2_460_000 })]);
      const r = await handleMessage(send(text), garmin, d);
      expect(r).toMatchObject({ ok: true, added: 2, viewerId: '77' });
      expect((await d.store.all()).map((a) => [a.key, a.elapsedS])).toEqual([
        ['garmin:21000000001', null],
        ['garmin:21000000002', 2460],
      ]);
    });

    it('shows text that is not JSON as the page it is, and stores nothing', async () => {
      for (const [text, why] of [
        ['[{"activityId": 1, "startTimeGMT": ', problem('garmin_not_json')],
        ['<!DOCTYPE html><html><body>Sign in</body></html>', problem('garmin_web_page', problem('garmin_what_list'))],
      ] as const) {
        const d = await routerDeps();
        const r = await handleMessage(send(text), garmin, d);
        const reason = problem('site_garmin', why);
        expect(r).toMatchObject({ ok: true, added: 0, problem: reason });
        expect(await d.store.count()).toBe(0);
        expect(await listProblems()).toMatchObject([{ site: 'garmin', page: 'activity-list', reason }]);
        fakeBrowser.reset();
      }
    });

    it('refuses a text over the size limit before parsing it, and a body that is not text', async () => {
      const d = await routerDeps();
      const huge = `[${JSON.stringify(run())}${' '.repeat(MAX_RESPONSE_CHARS)}]`;
      expect(await handleMessage(send(huge), garmin, d)).toEqual({
        ok: false,
        error: refused('request_site_data_too_large', 5),
      });
      // As older content scripts sent it: an object, not its text.
      for (const text of [[run()], undefined, 42]) {
        expect(await handleMessage(send(text), garmin, d)).toEqual({
          ok: false,
          error: refused('request_site_data_text'),
        });
      }
      expect(await d.store.count()).toBe(0);
      expect(await listProblems()).toEqual([]);
      expect(d.changes.count).toBe(0);
    });
  });

  it('refuses Strava data sent from a Garmin page, and stores nothing', async () => {
    const d = await routerDeps();
    const r = await handleMessage(siteData('strava-training-list', LIST_URL, recentList()), garmin, d);
    expect(r).toEqual({ ok: false, error: refused('request_site_data_wrong_site', 'strava-training-list', 'strava') });
    expect(await d.store.count()).toBe(0);
    expect(d.changes.count).toBe(0);
  });

  it('refuses site data naming a URL on another host', async () => {
    const d = await routerDeps();
    for (const url of [
      'https://evil.example/athlete/training_activities',
      'https://www.strava.com.evil.example/x',
      'http://www.strava.com/athlete/training_activities',
      'https://connect.garmin.com/x',
    ]) {
      const r = await handleMessage(siteData('strava-training-list', url, recentList()), strava, d);
      expect([url, r]).toEqual([url, { ok: false, error: refused('request_site_data_url') }]);
    }
    expect(await d.store.count()).toBe(0);
  });

  it('refuses a kind that is only an inherited property name', async () => {
    const d = await routerDeps();
    for (const kind of ['constructor', '__proto__', 'toString', 'nope']) {
      const r = await handleMessage(siteData(kind, LIST_URL, recentList()), strava, d);
      expect([kind, r]).toEqual([kind, { ok: false, error: refused('request_site_data_kind') }]);
    }
    expect(await d.store.count()).toBe(0);
  });

  it('refuses site data from an extension page', async () => {
    const d = await routerDeps();
    const r = await handleMessage(siteData('strava-training-list', LIST_URL, recentList()), page, d);
    expect(r).toEqual({ ok: false, error: refused('request_unknown_type', 'site/data') });
    expect(await d.store.count()).toBe(0);
  });

  it('records a reader problem (and runs dataChanged) when a list comes back as a login page', async () => {
    const d = await routerDeps();
    const r = await handleMessage(
      siteData('strava-training-list', LIST_URL, '<!DOCTYPE html><html><body>Log in</body></html>'),
      strava,
      d,
    );
    expect(r).toMatchObject({ ok: true, added: 0, known: 0, nextUrl: null });
    const reason = (r as Record<string, unknown>).problem;
    expect(reason).toEqual(problem('site_strava_list', problem('strava_list_web_page')));
    expect(d.changes.count).toBe(1);
    expect(await listProblems()).toEqual([{ site: 'strava', page: 'training', url: LIST_URL, reason, atMs: NOW }]);
    // A good read from Strava clears it.
    await handleMessage(siteData('strava-training-list', LIST_URL, recentList()), strava, d);
    expect(await listProblems()).toEqual([]);
  });

  it('answers notOwn for a friend’s activity page and stores nothing', async () => {
    const d = await routerDeps();
    const snapshot = {
      urlActivityId: '555',
      activityId: 555,
      activityAthleteId: 7,
      currentAthleteId: 42,
      activity: {
        id: 555,
        type: 'Run',
        distance: 5000,
        moving_time: 1500,
        elapsed_time: 1600,
        startDateLocal: Date.parse('2026-11-24T07:00:00Z') / 1000,
      },
    };
    const r = await handleMessage(
      siteData('strava-activity-snapshot', 'https://www.strava.com/activities/555', snapshot),
      strava,
      d,
    );
    expect(r).toEqual({ ok: true, added: 0, known: 0, notOwn: true });
    expect(await d.store.count()).toBe(0);
    expect(d.changes.count).toBe(0);
  });
});

describe('upload/file through the router', () => {
  const RUN_FIT = 'files/sports-lib__6914538454.fit';

  itWithCorpus('reads a real FIT run uploaded on Strava, stores it and logs the import', async () => {
    const d = await routerDeps();
    const r = await handleMessage(
      { type: 'upload/file', file: { name: 'run.fit', dataBase64: base64Of(RUN_FIT) } },
      strava,
      d,
    );
    expect(r).toMatchObject({ ok: true, added: 1, merged: 0, notActivities: 0, refused: [] });
    const all = await d.store.all();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      key: 'file:2021-05-10T18:19:59Z',
      sport: 'run',
      startMs: Date.parse('2021-05-10T18:19:59Z'),
    });
    expect(Math.abs(all[0]!.distanceM! - 4330)).toBeLessThanOrEqual(0.005 * 4330);
    const [log] = await d.store.recentImports(1);
    expect(log).toMatchObject({
      atMs: NOW,
      what: 'Strava upload: run.fit',
      added: 1,
      merged: 0,
      unchanged: 0,
      notActivities: 0,
      refused: [],
    });
    expect(d.changes.count).toBe(1);
  });

  itWithCorpus('names Garmin Connect in the log for a Garmin upload', async () => {
    const d = await routerDeps();
    await handleMessage({ type: 'upload/file', file: { name: 'run.fit', dataBase64: base64Of(RUN_FIT) } }, garmin, d);
    expect((await d.store.recentImports(1))[0]?.what).toBe('Garmin Connect upload: run.fit');
  });

  itWithCorpus('adds nothing when the same file is uploaded twice', async () => {
    const d = await routerDeps();
    const msg = { type: 'upload/file', file: { name: 'run.fit', dataBase64: base64Of(RUN_FIT) } };
    expect(await handleMessage(msg, strava, d)).toMatchObject({ ok: true, added: 1 });
    expect(await handleMessage(msg, strava, d)).toMatchObject({
      ok: true,
      added: 0,
      merged: 0,
      unchanged: 1,
      known: 1,
    });
    expect(await d.store.count()).toBe(1);
    const logs = await d.store.recentImports(2);
    expect(logs.map((l) => [l.added, l.unchanged])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  itWithCorpus('counts a settings FIT as not an activity and stores nothing', async () => {
    const d = await routerDeps();
    const r = await handleMessage(
      {
        type: 'upload/file',
        file: { name: 'Settings.fit', dataBase64: base64Of('files/python-fitparse__Settings.fit') },
      },
      strava,
      d,
    );
    expect(r).toMatchObject({ ok: true, added: 0, notActivities: 1, refused: [] });
    expect(await d.store.count()).toBe(0);
    expect((await d.store.recentImports(1))[0]).toMatchObject({
      what: 'Strava upload: Settings.fit',
      added: 0,
      notActivities: 1,
    });
  });

  it('refuses data that is not base64, and logs nothing', async () => {
    const d = await routerDeps();
    for (const dataBase64 of ['not base64!', 'QUJD\n', 'QU=JD', '%%%%']) {
      const r = await handleMessage({ type: 'upload/file', file: { name: 'x.fit', dataBase64 } }, strava, d);
      expect([dataBase64, r]).toEqual([dataBase64, { ok: false, error: refused('request_upload_not_base64') }]);
    }
    expect(await d.store.recentImports(5)).toEqual([]);
    expect(d.changes.count).toBe(0);
  });

  it('answers base64-looking data that does not decode with a refused file, stores nothing', async () => {
    const d = await routerDeps();
    const r = await handleMessage({ type: 'upload/file', file: { name: 'x.fit', dataBase64: 'QUJDR' } }, strava, d);
    expect(r).toMatchObject({
      ok: true,
      added: 0,
      notActivities: 0,
      refused: [{ item: 'x.fit', reason: problem('upload_undecodable') }],
    });
    expect(await d.store.count()).toBe(0);
    expect((await d.store.recentImports(1))[0]).toMatchObject({
      what: 'Strava upload: x.fit',
      added: 0,
      refused: [{ item: 'x.fit', reason: problem('upload_undecodable') }],
    });
  });

  it('refuses an upload without a name or data', async () => {
    const d = await routerDeps();
    for (const file of [undefined, { name: 'x.fit' }, { dataBase64: 'QUJD' }, { name: 3, dataBase64: 'QUJD' }]) {
      expect(await handleMessage({ type: 'upload/file', file }, strava, d)).toEqual({
        ok: false,
        error: refused('request_upload_fields'),
      });
    }
  });

  itWithCorpus('refuses an upload sent from an extension page', async () => {
    const d = await routerDeps();
    const r = await handleMessage(
      { type: 'upload/file', file: { name: 'run.fit', dataBase64: base64Of(RUN_FIT) } },
      page,
      d,
    );
    expect(r).toEqual({ ok: false, error: refused('request_unknown_type', 'upload/file') });
    expect(await d.store.count()).toBe(0);
    expect(await d.store.recentImports(1)).toEqual([]);
  });
});

describe('imports/log and problem reports through the router', () => {
  const record = {
    what: 'activities.zip',
    added: 3,
    merged: 1,
    unchanged: 2,
    notActivities: 1,
    refused: [{ item: 'bad.fit', reason: problem('fit_checksum') }],
  };

  it('logs an import from an extension page', async () => {
    const d = await routerDeps();
    expect(await handleMessage({ type: 'imports/log', record }, page, d)).toEqual({ ok: true });
    expect((await d.store.recentImports(1))[0]).toMatchObject({ atMs: NOW, ...record });
    expect(d.changes.count).toBe(1);
  });

  it('refuses negative, fractional or missing counts', async () => {
    const d = await routerDeps();
    for (const bad of [
      { added: -1 },
      { merged: -2 },
      { unchanged: 1.5 },
      { notActivities: -1 },
      { notActivities: undefined },
      { refused: 'none' },
      { what: 5 },
    ]) {
      const r = await handleMessage({ type: 'imports/log', record: { ...record, ...bad } }, page, d);
      expect([bad, r]).toEqual([bad, { ok: false, error: refused('request_import_log') }]);
    }
    expect(await d.store.recentImports(1)).toEqual([]);
    expect(d.changes.count).toBe(0);
  });

  it('refuses an import log from a site page', async () => {
    const d = await routerDeps();
    expect(await handleMessage({ type: 'imports/log', record }, strava, d)).toEqual({
      ok: false,
      error: refused('request_not_from_page', 'imports/log'),
    });
    expect(await d.store.recentImports(1)).toEqual([]);
  });

  it('stores a problem report whose reason is a known code, and runs dataChanged', async () => {
    const d = await routerDeps();
    const report = {
      site: 'garmin',
      page: 'activity',
      url: 'https://connect.garmin.com/app/activity/1',
      reason: problem('strava_page_conflicting_data'),
    };
    expect(await handleMessage({ type: 'problem/report', problem: report }, garmin, d)).toEqual({ ok: true });
    expect(d.changes.count).toBe(1);
    expect(await listProblems()).toEqual([{ ...report, atMs: NOW }]);
  });

  it("clears a site's reading-paused notice at its next reading, and only that one", async () => {
    const d = await routerDeps();
    const url = 'https://connect.garmin.com/app/activity/1';
    const paused = { site: 'garmin', page: 'reading-paused', url, reason: problem('site_reading_paused') };
    const other = { site: 'garmin', page: 'activity', url, reason: problem('strava_page_conflicting_data') };
    const strava = { ...paused, site: 'strava', url: 'https://www.strava.com/athlete/training' };
    for (const p of [other, paused])
      expect(await handleMessage({ type: 'problem/report', problem: p }, garmin, d)).toEqual({ ok: true });
    await handleMessage({ type: 'problem/report', problem: strava }, { kind: 'content', site: 'strava' }, d);
    expect((await listProblems()).map((p) => `${p.site} ${p.page}`).sort()).toEqual([
      'garmin activity',
      'garmin reading-paused',
      'strava reading-paused',
    ]);
    const before = d.changes.count;
    // A reading that stores nothing (the viewer's profile) still shows reading works again.
    await handleMessage(siteData('garmin-response', 'https://connect.garmin.com/gc-api/x', {}), garmin, d);
    expect((await listProblems()).map((p) => `${p.site} ${p.page}`).sort()).toEqual([
      'garmin activity',
      'strava reading-paused',
    ]);
    expect(d.changes.count).toBeGreaterThan(before);
  });

  it('refuses a problem report in words, or about another site than the sender’s', async () => {
    const d = await routerDeps();
    const url = 'https://connect.garmin.com/app/activity/1';
    for (const report of [
      { site: 'garmin', page: 'activity', url, reason: 'no data' },
      { site: 'strava', page: 'activity', url, reason: problem('strava_page_conflicting_data') },
    ]) {
      expect(await handleMessage({ type: 'problem/report', problem: report }, garmin, d)).toEqual({
        ok: false,
        error: refused('request_problem_report'),
      });
    }
    expect(d.changes.count).toBe(0);
    expect(await listProblems()).toEqual([]);
  });
});
