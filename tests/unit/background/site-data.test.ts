import { readFileSync } from 'node:fs';
import { englishText } from '../../problem-english';
import { problem } from '../../../core/problem-codes';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSiteData } from '../../../background/site-data';
import type { SiteData, SiteDataKind } from '../../../core/messages';
import type { StravaDomSnapshot } from '../../../core/sites/strava/strava-activity-dom';
import type { StravaPageSnapshot } from '../../../core/sites/strava/strava-activity-page';
import { CORPUS_DIR } from '../../paths';
import { describeWithCorpus, itWithCorpus } from '../needs-corpus';
import { NOW } from '../activity-fixtures';

// Real responses live beside the checkout (../shared/corpus), never in the repository.
const CORPUS = CORPUS_DIR;
const loadJson = (rel: string): unknown => JSON.parse(readFileSync(path.join(CORPUS, rel), 'utf8'));

const TZ = 'Europe/London';
const TODAY = '2026-11-25'; // the local date of NOW in London

/** Responses travel as their text (a string body is that text as the page received it); snapshots as objects. */
const data = (kind: SiteDataKind, url: string, body: unknown, viewerId: string | null = null): SiteData =>
  kind === 'strava-training-list' || kind === 'garmin-response'
    ? { kind, url, status: 200, text: typeof body === 'string' ? body : JSON.stringify(body), viewerId }
    : { kind, url, status: 200, body, viewerId };

// ---- Strava activity page --------------------------------------------------------------------

const ACTIVITY_URL = 'https://www.strava.com/activities/12345678901';

const snapshot = (over: Partial<StravaPageSnapshot> = {}): StravaPageSnapshot => ({
  urlActivityId: '12345678901',
  activityId: 12345678901,
  activityAthleteId: 42,
  currentAthleteId: 42,
  activity: {
    id: 12345678901,
    sport_type: 'Run',
    type: 'Run',
    distance: 10_000,
    moving_time: 3000,
    elapsed_time: 3100,
    startDateLocal: Date.parse('2026-11-24T07:15:00Z') / 1000,
    start_date: '2026-11-24T07:15:00Z',
    name: 'Tempo',
  },
  ...over,
});

describe('readSiteData: Strava activity page snapshot', () => {
  it('reads the runner’s own activity as one Strava activity, no problem, empty reply', () => {
    const r = readSiteData(data('strava-activity-snapshot', ACTIVITY_URL, snapshot()), NOW, TZ, TODAY);
    expect(r.problem).toBeNull();
    expect(r.activities).toEqual([
      {
        source: 'strava',
        sourceId: '12345678901',
        startMs: Date.parse('2026-11-24T07:15:00Z'),
        localDate: '2026-11-24',
        sport: 'run',
        sportLabel: 'Run',
        distanceM: 10_000,
        movingS: 3000,
        elapsedS: 3100,
        name: 'Tempo',
      },
    ]);
    expect(r.reply(0)).toEqual({});
    expect(r.reply(1)).toEqual({});
  });

  it('records nothing from a friend’s activity and tells the page so', () => {
    const r = readSiteData(
      data('strava-activity-snapshot', ACTIVITY_URL, snapshot({ activityAthleteId: 7 })),
      NOW,
      TZ,
      TODAY,
    );
    expect(r.activities).toEqual([]);
    expect(r.problem).toBeNull();
    expect(r.reply(0)).toEqual({ notOwn: true });
  });

  it('reports a damaged snapshot as a problem with the reader’s reason', () => {
    const r = readSiteData(
      data('strava-activity-snapshot', ACTIVITY_URL, snapshot({ activity: null })),
      NOW,
      TZ,
      TODAY,
    );
    expect(r.activities).toEqual([]);
    expect(r.problem).toEqual({
      page: 'activity-page',
      reason: problem('site_strava_page', problem('strava_page_no_data')),
    });
    expect(r.reply(0)).toEqual({});
  });

  it('reports a snapshot for another activity than the URL’s', () => {
    const r = readSiteData(
      data('strava-activity-snapshot', ACTIVITY_URL, snapshot({ urlActivityId: '999' })),
      NOW,
      TZ,
      TODAY,
    );
    expect(r.activities).toEqual([]);
    expect(r.problem?.reason).toEqual(
      problem('site_strava_page', problem('strava_page_wrong_activity', '12345678901', '999')),
    );
  });
});

// ---- Strava activity page, DOM fallback ------------------------------------------------------

const dom = (over: Partial<StravaDomSnapshot> & { why?: string } = {}): StravaDomSnapshot => ({
  activityId: '777',
  viewerAthleteId: '42',
  ownerAthleteId: '42',
  hasSummary: true,
  hasEditLink: true,
  title: 'Evening Run | Run | Strava',
  datetime: '2026-11-24T18:05:00+01:00',
  distanceText: '10.02',
  distanceUnit: 'kilometers',
  movingText: '52:10',
  elapsedText: '1:01:30',
  ...over,
});

describe('readSiteData: Strava activity page DOM snapshot', () => {
  it('reads the owner’s run from the page text', () => {
    const r = readSiteData(data('strava-activity-dom', 'https://www.strava.com/activities/777', dom()), NOW, TZ, TODAY);
    expect(r.problem).toBeNull();
    expect(r.activities).toEqual([
      {
        source: 'strava',
        sourceId: '777',
        startMs: Date.parse('2026-11-24T17:05:00Z'),
        localDate: '2026-11-24',
        sport: 'run',
        sportLabel: 'Run',
        distanceM: 10020,
        movingS: 3130,
        elapsedS: 3690,
        name: 'Evening Run',
      },
    ]);
    expect(r.reply(0)).toEqual({});
  });

  it('records nothing without the edit link (not the runner’s)', () => {
    const r = readSiteData(
      data('strava-activity-dom', 'https://www.strava.com/activities/777', dom({ hasEditLink: false })),
      NOW,
      TZ,
      TODAY,
    );
    expect([r.activities, r.problem, r.reply(0)]).toEqual([[], null, { notOwn: true }]);
  });

  it('reports an unreadable page, with the content script’s own note first', () => {
    const r = readSiteData(
      data(
        'strava-activity-dom',
        'https://www.strava.com/activities/777',
        dom({ datetime: null, why: 'no-page-view' }),
      ),
      NOW,
      TZ,
      TODAY,
    );
    expect(r.activities).toEqual([]);
    expect(r.problem).toEqual({
      page: 'activity-page',
      reason: problem('site_strava_page_because', problem('strava_page_no_page_view'), problem('strava_dom_no_start')),
    });
  });

  it('reports a junk body without throwing', () => {
    const r = readSiteData(data('strava-activity-dom', 'https://www.strava.com/activities/777', null), NOW, TZ, TODAY);
    expect(r.activities).toEqual([]);
    expect(r.problem?.reason).toEqual(problem('site_strava_page', problem('strava_page_no_id')));
  });
});

// ---- Strava "My Activities" list -------------------------------------------------------------

const LIST_URL = 'https://www.strava.com/athlete/training_activities?new_activity_only=false&page=1';

/** A list page of `n` runs, one a day back from 2026-11-24, as Strava sends it. */
function recentPage(opts: { n?: number; page?: number; perPage?: number; total?: number; firstDaysAgo?: number } = {}) {
  const { n = 5, page = 1, perPage = 5, total = 40, firstDaysAgo = 1 } = opts;
  const models = Array.from({ length: n }, (_, i) => {
    const startMs = Date.parse('2026-11-25T07:00:00Z') - (firstDaysAgo + i) * 86_400_000;
    return {
      id: 9_000_000 + page * 100 + i,
      name: `Run ${i}`,
      type: 'Run',
      sport_type: 'Run',
      start_time: new Date(startMs).toISOString().replace('.000Z', '+0000'),
      start_date_local_raw: startMs / 1000, // London in winter: wall clock = UTC
      distance_raw: 8000 + i,
      moving_time_raw: 2400,
      elapsed_time_raw: 2500,
    };
  });
  return { models, page, perPage, total };
}

describe('readSiteData: Strava training list', () => {
  const realPage = () => loadJson('pages/strava/elevate__rawPage0120161213.json');

  itWithCorpus('reads the 20 activities of the real 2016 page; no next page, as they are older than 42 days', () => {
    const r = readSiteData(data('strava-training-list', LIST_URL, realPage()), NOW, TZ, TODAY);
    expect(r.problem).toBeNull();
    expect(r.activities).toHaveLength(20);
    expect(new Set(r.activities.map((a) => a.source))).toEqual(new Set(['strava']));
    expect(r.activities[0]).toMatchObject({
      sourceId: '799672885',
      localDate: '2016-12-11',
      sport: 'run',
      distanceM: 4014.8,
    });
    expect(r.reply(0)).toEqual({ nextUrl: null });
  });

  itWithCorpus(
    'the 42-day cut-off is what stops the real page: it goes on while its oldest run (2016-07-29) is within 42 days',
    () => {
      const within = readSiteData(data('strava-training-list', LIST_URL, realPage()), NOW, TZ, '2016-09-09');
      expect(within.reply(0)).toEqual({
        nextUrl: 'https://www.strava.com/athlete/training_activities?new_activity_only=false&page=2&per_page=20',
      });
      const past = readSiteData(data('strava-training-list', LIST_URL, realPage()), NOW, TZ, '2016-09-10');
      expect(past.reply(0)).toEqual({ nextUrl: null });
    },
  );

  it('asks for page 2 (with per_page) of a recent page when nothing was known yet', () => {
    const r = readSiteData(data('strava-training-list', LIST_URL, recentPage()), NOW, TZ, TODAY);
    expect(r.problem).toBeNull();
    expect(r.activities.map((a) => a.localDate)).toEqual([
      '2026-11-24',
      '2026-11-23',
      '2026-11-22',
      '2026-11-21',
      '2026-11-20',
    ]);
    expect(r.reply(0)).toEqual({
      nextUrl: 'https://www.strava.com/athlete/training_activities?new_activity_only=false&page=2&per_page=5',
    });
  });

  it('stops once any activity of the page was already stored', () => {
    const r = readSiteData(data('strava-training-list', LIST_URL, recentPage()), NOW, TZ, TODAY);
    expect(r.reply(1)).toEqual({ nextUrl: null });
    expect(r.reply(5)).toEqual({ nextUrl: null });
  });

  it('stops on the last page (page × perPage reaches total)', () => {
    const r = readSiteData(data('strava-training-list', LIST_URL, recentPage({ page: 8, total: 40 })), NOW, TZ, TODAY);
    expect(r.activities).toHaveLength(5);
    expect(r.reply(0)).toEqual({ nextUrl: null });
  });

  it('stops when the page’s oldest activity is more than 42 days before today', () => {
    // 2026-11-25 − 42 days = 2026-10-14.
    const old = readSiteData(data('strava-training-list', LIST_URL, recentPage({ firstDaysAgo: 39 })), NOW, TZ, TODAY);
    expect(old.activities.at(-1)?.localDate).toBe('2026-10-13');
    expect(old.reply(0)).toEqual({ nextUrl: null });
    const edge = readSiteData(data('strava-training-list', LIST_URL, recentPage({ firstDaysAgo: 38 })), NOW, TZ, TODAY);
    expect(edge.activities.at(-1)?.localDate).toBe('2026-10-14');
    expect(edge.reply(0)).toEqual({
      nextUrl: 'https://www.strava.com/athlete/training_activities?new_activity_only=false&page=2&per_page=5',
    });
  });

  it('stops on an empty page', () => {
    const r = readSiteData(data('strava-training-list', LIST_URL, recentPage({ n: 0 })), NOW, TZ, TODAY);
    expect([r.activities, r.problem, r.reply(0)]).toEqual([[], null, { nextUrl: null }]);
  });

  it('reports a login page sent instead of the list, and asks for nothing more', () => {
    const html =
      '<!DOCTYPE html><html><head><title>Log In | Strava</title></head><body><form action="/session"></form></body></html>';
    const r = readSiteData(data('strava-training-list', LIST_URL, html), NOW, TZ, TODAY);
    expect(r.activities).toEqual([]);
    expect(r.problem).toEqual({
      page: 'training',
      reason: problem('site_strava_list', problem('strava_list_web_page')),
    });
    expect(r.reply(0)).toEqual({ nextUrl: null });
  });
});

// ---- Garmin Connect --------------------------------------------------------------------------

const GARMIN_LIST =
  'pages/garmin/garth__test_activity_list.body0__activitylist-service_activities_search_activities__limit3_start0.json';
const GARMIN_DETAIL = 'pages/garmin/garth__test_activity_get.body1__activity-service_activity.json';
const LIST_API = 'https://connect.garmin.com/gc-api/activitylist-service/activities/search/activities?limit=3&start=0';
const DETAIL_API = 'https://connect.garmin.com/gc-api/activity-service/activity/21482825013';

describe('readSiteData: a damaged Garmin Connect response', () => {
  it('reports a damaged list body as an activity-list problem', () => {
    const r = readSiteData(data('garmin-response', LIST_API, '{"models": [', null), NOW, TZ, TODAY);
    expect(r.activities).toEqual([]);
    expect(r.problem?.page).toBe('activity-list');
    expect(r.problem?.reason.code).toBe('site_garmin');
    expect(r.reply(0)).toEqual({});
  });
});

describeWithCorpus('readSiteData: Garmin Connect responses', () => {
  it('records the signed-in athlete’s activity list', () => {
    const r = readSiteData(data('garmin-response', LIST_API, loadJson(GARMIN_LIST), '2591602'), NOW, TZ, TODAY);
    expect(r.problem).toBeNull();
    expect(r.activities.map((a) => [a.source, a.sourceId, a.sport])).toEqual([
      ['garmin', '21482825013', 'trail_run'],
      ['garmin', '21461718086', 'hike'],
      ['garmin', '21419635589', expect.any(String)],
    ]);
    // The owner id is the background's business only: it is not stored with the activity.
    for (const a of r.activities) expect(a).not.toHaveProperty('ownerId');
    expect(r.reply(0)).toEqual({ viewerId: '2591602' });
  });

  it('stores nothing of a list while the site has not said who is signed in, and says so', () => {
    // The list's own owner ids are page data, not proof of who is signed in.
    const r = readSiteData(data('garmin-response', LIST_API, loadJson(GARMIN_LIST), null), NOW, TZ, TODAY);
    expect(r.activities).toEqual([]);
    expect(r.problem).toEqual({
      page: 'activity-list',
      reason: problem('site_garmin', problem('garmin_viewer_unknown')),
    });
    expect(r.reply(0)).toEqual({ waiting: true });
  });

  it('keeps only the viewer’s activities from a list when the viewer is known to be someone else', () => {
    const r = readSiteData(data('garmin-response', LIST_API, loadJson(GARMIN_LIST), '999'), NOW, TZ, TODAY);
    expect(r.activities).toEqual([]);
    expect(r.reply(0)).toEqual({ viewerId: '999' });
  });

  it('stores nothing of an activity without an owner id, even with the viewer known', () => {
    const body = loadJson(GARMIN_LIST) as Record<string, unknown>[];
    const noOwner = body.map(({ ownerId: _, ...a }) => a);
    const r = readSiteData(data('garmin-response', LIST_API, noOwner, '2591602'), NOW, TZ, TODAY);
    expect(r.activities).toEqual([]);
  });

  it('waits with a single activity while the viewer is unknown, and says so', () => {
    const r = readSiteData(data('garmin-response', DETAIL_API, loadJson(GARMIN_DETAIL), null), NOW, TZ, TODAY);
    expect([r.activities, r.problem, r.reply(0)]).toEqual([
      [],
      { page: 'activity', reason: problem('site_garmin', problem('garmin_viewer_unknown')) },
      { waiting: true },
    ]);
  });

  it('records the viewer’s own single activity', () => {
    const r = readSiteData(data('garmin-response', DETAIL_API, loadJson(GARMIN_DETAIL), '2591602'), NOW, TZ, TODAY);
    expect(r.problem).toBeNull();
    expect(r.activities).toHaveLength(1);
    expect(r.activities[0]).toMatchObject({
      source: 'garmin',
      sourceId: '21482825013',
      sport: 'trail_run',
      localDate: '2026-01-08',
    });
    expect(r.activities[0]).not.toHaveProperty('ownerId');
    expect(r.reply(0)).toEqual({ viewerId: '2591602' });
  });

  it('records nothing of a connection’s activity', () => {
    const r = readSiteData(data('garmin-response', DETAIL_API, loadJson(GARMIN_DETAIL), '999'), NOW, TZ, TODAY);
    expect(r.activities).toEqual([]);
    expect(r.problem).toBeNull();
    expect(r.reply(0)).toEqual({ viewerId: '999' });
  });

  it('ignores responses that are not activity data', () => {
    for (const url of [
      `${DETAIL_API}/details`,
      'https://connect.garmin.com/gc-api/userprofile-service/socialProfile',
      'https://connect.garmin.com/app/activities',
    ]) {
      const r = readSiteData(data('garmin-response', url, loadJson(GARMIN_DETAIL), '2591602'), NOW, TZ, TODAY);
      expect([url, r.activities, r.problem, r.reply(0)]).toEqual([url, [], null, {}]);
    }
  });

  it('reports a detail body for another activity than the URL’s as an activity problem', () => {
    const r = readSiteData(
      data(
        'garmin-response',
        'https://connect.garmin.com/gc-api/activity-service/activity/1',
        loadJson(GARMIN_DETAIL),
        '2591602',
      ),
      NOW,
      TZ,
      TODAY,
    );
    expect(r.activities).toEqual([]);
    expect(r.problem).toEqual({
      page: 'activity',
      reason: problem('site_garmin', problem('garmin_wrong_activity', '21482825013', '1')),
    });
  });
});

describe('readSiteData: the plausibility checkpoint', () => {
  const withActivity = (attrs: Record<string, unknown>) => snapshot({ activity: { ...snapshot().activity, ...attrs } });

  it.each([
    [{ distance: -5000 }, 'distance (m) is negative'],
    [{ distance: 1e12 }, 'over the limit of 1000000'],
    [{ name: 'x'.repeat(1_000_000) }, 'name is longer than'],
    [{ elapsed_time: 30 * 86400 }, 'over the limit of 604800'],
  ])('stores nothing from an activity page reporting %j, and says why', (attrs, why) => {
    const r = readSiteData(data('strava-activity-snapshot', ACTIVITY_URL, withActivity(attrs)), NOW, TZ, TODAY);
    expect(r.activities).toEqual([]);
    expect(r.problem?.page).toBe('activity-page');
    expect(englishText(r.problem!.reason)).toContain(why);
  });

  it('stores nothing starting in 2099', () => {
    const start = Date.parse('2099-06-01T07:00:00Z');
    const r = readSiteData(
      data(
        'strava-activity-snapshot',
        ACTIVITY_URL,
        withActivity({ startDateLocal: start / 1000, start_date: '2099-06-01T07:00:00Z' }),
      ),
      NOW,
      TZ,
      TODAY,
    );
    expect(r.activities).toEqual([]);
    expect(englishText(r.problem!.reason)).toContain('in the future');
  });

  it('stores a genuine 30-hour, 161 km ultra', () => {
    const r = readSiteData(
      data(
        'strava-activity-snapshot',
        ACTIVITY_URL,
        withActivity({ distance: 161_000, moving_time: 27 * 3600, elapsed_time: 30 * 3600 }),
      ),
      NOW,
      TZ,
      TODAY,
    );
    expect(r.problem).toBeNull();
    expect(r.activities).toMatchObject([{ distanceM: 161_000, movingS: 27 * 3600, elapsedS: 30 * 3600 }]);
  });
});
