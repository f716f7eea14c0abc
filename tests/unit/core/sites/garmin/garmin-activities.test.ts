import { CORPUS_DIR, corpusJson } from '../../../../paths';
import { describeWithCorpus } from '../../../needs-corpus';
import { problem, type ProblemCode } from '../../../../../core/problem-codes';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkActivityInput } from '../../../../../core/activity-validation';
import {
  garminElapsedSeconds,
  garminEndpoint,
  readGarminActivity,
  readGarminActivityList,
  readGarminResponse,
  type GarminActivity,
  type GarminReadResult,
} from '../../../../../core/sites/garmin/garmin-activities';

// Real responses live beside the checkout (../shared/corpus), never in the repository.
const CORPUS = CORPUS_DIR;
const GARMIN = path.join(CORPUS, 'pages/garmin');
const load = (file: string): unknown => corpusJson('pages/garmin', file);
const NOW = Date.parse('2026-11-25T12:00:00Z');
const LIST = problem('garmin_what_list');
const P = 'garmin-connect-export__';

function ok(r: GarminReadResult | null) {
  if (!r?.ok) throw new Error(`expected ok, got ${r ? JSON.stringify(r.error) : 'null'}`);
  return r;
}

type Outcome =
  | { reader: 'list' | 'activity'; activities: number; skipped: number }
  | { reader: 'list' | 'activity'; error: ProblemCode };

// Every file in pages/garmin, the URL its page would have fetched it from (null: it is not
// activity data, or its endpoint is not one the pages use), and what it must give.
const CASES: Record<string, { url: string | null; outcome: Outcome }> = {
  [`${P}activities-list.json`]: {
    url: 'https://connect.garmin.com/gc-api/activitylist-service/activities/search/activities?limit=20&start=0',
    outcome: { reader: 'list', activities: 2, skipped: 1 },
  },
  [`${P}activity-search-service-1.2.json`]: {
    url: 'https://connect.garmin.com/modern/proxy/activity-search-service-1.2/json/activities?start=0&limit=10',
    outcome: { reader: 'list', activities: 1, skipped: 0 },
  },
  [`${P}activityTypes.json`]: {
    url: null,
    outcome: { reader: 'list', error: 'garmin_activity_types' },
  },
  [`${P}activity_154105348_gpx_device_null.json`]: {
    url: '/modern/proxy/activity-service/activity/154105348',
    outcome: { reader: 'activity', activities: 1, skipped: 0 },
  },
  [`${P}activity_2541953812.json`]: {
    url: '/gc-api/activity-service/activity/2541953812',
    outcome: { reader: 'activity', activities: 1, skipped: 0 },
  },
  [`${P}activity_2541953812_overview.json`]: { url: null, outcome: { reader: 'activity', activities: 1, skipped: 0 } },
  [`${P}activity_2541953812_samples.json`]: {
    url: null,
    outcome: {
      reader: 'activity',
      error: 'garmin_samples',
    },
  },
  [`${P}activity_2541953812_zones.json`]: {
    url: null,
    outcome: { reader: 'list', error: 'garmin_hr_zones' },
  },
  [`${P}activity_995784118_gpx_device_0.json`]: {
    url: '/proxy/activity-service/activity/995784118',
    outcome: { reader: 'activity', activities: 1, skipped: 0 },
  },
  [`${P}activity_emoji.json`]: {
    url: 'https://connect.garmin.com/gc-api/activity-service/activity/2958378924',
    outcome: { reader: 'activity', activities: 1, skipped: 0 },
  },
  [`${P}activity_multisport_child.json`]: {
    url: '/gc-api/activity-service/activity/6588349076',
    outcome: { reader: 'activity', activities: 1, skipped: 0 },
  },
  [`${P}activity_multisport_detail.json`]: {
    url: '/gc-api/activity-service/activity/6588349056',
    outcome: { reader: 'activity', activities: 0, skipped: 1 },
  },
  [`${P}activity_multisport_overview.json`]: {
    url: null,
    outcome: { reader: 'activity', activities: 0, skipped: 1 },
  },
  [`${P}activitylist-service.json`]: {
    url: '/modern/proxy/activitylist-service/activities/search/activities?start=0&limit=1',
    outcome: { reader: 'list', activities: 1, skipped: 0 },
  },
  [`${P}device_856399.json`]: {
    url: null,
    outcome: { reader: 'activity', error: 'garmin_device' },
  },
  [`${P}userstats.json`]: {
    url: null,
    outcome: { reader: 'activity', error: 'garmin_statistics' },
  },
  'garth__test_activity_get.body0__activitylist-service_activities_search_activities__limit1_start0.json': {
    url: 'https://connectapi.garmin.com/activitylist-service/activities/search/activities?limit=1&start=0',
    outcome: { reader: 'list', activities: 1, skipped: 0 },
  },
  'garth__test_activity_get.body1__activity-service_activity.json': {
    url: 'https://connectapi.garmin.com/activity-service/activity/21482825013',
    outcome: { reader: 'activity', activities: 1, skipped: 0 },
  },
  'garth__test_activity_list.body0__activitylist-service_activities_search_activities__limit3_start0.json': {
    url: 'https://connectapi.garmin.com/activitylist-service/activities/search/activities?limit=3&start=0',
    outcome: { reader: 'list', activities: 3, skipped: 0 },
  },
  'garth__test_activity_list_pagination.body0__activitylist-service_activities_search_activities__limit2_start0.json': {
    url: 'https://connectapi.garmin.com/activitylist-service/activities/search/activities?limit=2&start=0',
    outcome: { reader: 'list', activities: 2, skipped: 0 },
  },
  'garth__test_activity_list_pagination.body1__activitylist-service_activities_search_activities__limit2_start2.json': {
    url: 'https://connectapi.garmin.com/activitylist-service/activities/search/activities?limit=2&start=2',
    outcome: { reader: 'list', activities: 2, skipped: 0 },
  },
};

// The URLs Garmin Connect's pages fetch the non-activity files from: none is activity data.
const NOT_ACTIVITY_URLS = [
  'https://connect.garmin.com/gc-api/activity-service/activity/activityTypes',
  'https://connect.garmin.com/modern/proxy/activity-service/activity/activityTypes',
  'https://connect.garmin.com/gc-api/activity-service/activity/2541953812/details?maxChartSize=2000',
  'https://connect.garmin.com/gc-api/activity-service/activity/2541953812/hrTimeInZones',
  'https://connect.garmin.com/gc-api/activity-service/activity/2541953812/splits',
  'https://connect.garmin.com/gc-api/device-service/deviceservice/app-info/856399',
  'https://connect.garmin.com/gc-api/userstats-service/statistics/eschep',
  'https://connect.garmin.com/modern/proxy/userstats-service/statistics/eschep',
  'https://connect.garmin.com/app/activities',
  'https://connect.garmin.com/app/activity/2541953812',
  'https://connect.garmin.com/modern/activity/2541953812',
  'https://evil.example.com/gc-api/activity-service/activity/2541953812',
  'http://connect.garmin.com/gc-api/activity-service/activity/2541953812',
  'not a url at all ::',
];

const all = (r: GarminReadResult): GarminActivity[] => (r.ok ? r.activities : []);
function activity(file: string, id: string): GarminActivity {
  const c = CASES[file]!;
  const r = c.outcome.reader === 'list' ? readGarminActivityList(load(file), NOW) : readGarminActivity(load(file), NOW);
  const a = all(r).find((x) => x.sourceId === id);
  if (!a) throw new Error(`${id} not read from ${file}`);
  return a;
}

describeWithCorpus('Garmin Connect readers: every real response, 2012-2026', () => {
  it('has a case for every file in pages/garmin', () => {
    expect(
      readdirSync(GARMIN)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.entries(CASES))('%s', (file, { url, outcome }) => {
    const json = load(file);
    const direct = outcome.reader === 'list' ? readGarminActivityList(json, NOW) : readGarminActivity(json, NOW);
    if ('error' in outcome) {
      // Not activity data: both readers say what it is instead.
      for (const r of [readGarminActivityList(json, NOW), readGarminActivity(json, NOW)]) {
        expect(r.ok).toBe(false);
        expect(!r.ok && r.error.code).toBe(outcome.error);
      }
    } else {
      const r = ok(direct);
      expect([r.activities.length, r.skipped.length]).toEqual([outcome.activities, outcome.skipped]);
      for (const a of r.activities) {
        const { ownerId, ...input } = a;
        expect(checkActivityInput(input, NOW)).toEqual({ ok: true, value: input });
        expect(a.source).toBe('garmin');
        expect(ownerId).toMatch(/^\d+$/);
        // Elapsed, when known, is the timer time or more: the unit rule chose plausibly.
        if (a.elapsedS !== null && a.movingS !== null) expect(a.elapsedS).toBeGreaterThanOrEqual(a.movingS * 0.99);
      }
    }
    if (url) expect(readGarminResponse(url, json, NOW)).toEqual(direct);
  });

  it.each(NOT_ACTIVITY_URLS)('readGarminResponse ignores %s', (url) => {
    expect(garminEndpoint(url)).toBeNull();
    expect(readGarminResponse(url, load(`${P}activity_2541953812.json`), NOW)).toBeNull();
  });

  it('reads the 2021 list: a walk and a run, and leaves the multisport parent for its parts', () => {
    const r = ok(readGarminActivityList(load(`${P}activities-list.json`), NOW));
    expect(r.activities).toEqual([
      {
        source: 'garmin',
        sourceId: '6609987243',
        startMs: Date.parse('2021-04-15T09:44:05Z'),
        localDate: '2021-04-15',
        sport: 'walk',
        sportLabel: 'walking',
        distanceM: 3385.43994140625,
        movingS: 2335,
        elapsedS: 2702.589111328125,
        name: 'Walk',
        ownerId: '2836200',
      },
      {
        source: 'garmin',
        sourceId: '6585943400',
        startMs: Date.parse('2021-04-11T05:48:33Z'),
        localDate: '2021-04-11',
        sport: 'run',
        sportLabel: 'running',
        // elapsedDuration 4677150.87890625 is in ms here (4677 s against a 3459 s timer).
        distanceM: 7287.759765625,
        movingS: 3108.290008544922,
        elapsedS: 4677.15087890625,
        // averageRunningCadenceInStepsPerMinute 134.59375; the walk's 68.5 is no believable cadence.
        cadenceSpm: 135,
        name: 'Run',
        ownerId: '2836200',
      },
    ]);
    expect(r.skipped).toEqual([{ id: '6588349056', reason: problem('garmin_skip_multisport') }]);
  });

  it('reads 2018 and 2026 lists, whose elapsedDuration differ in unit', () => {
    // 2018: elapsedDuration 2627379.8828125 (ms) for a duration of 2627.3798828125 s.
    expect(activity(`${P}activitylist-service.json`, '2541953812')).toEqual({
      source: 'garmin',
      sourceId: '2541953812',
      startMs: Date.parse('2018-03-08T11:23:22Z'),
      localDate: '2018-03-08',
      sport: 'other',
      sportLabel: 'cross_country_skiing',
      distanceM: 8225.5302734375,
      movingS: 2614,
      elapsedS: 2627.3798828125,
      name: 'Biel 🏛 Pavillon',
      ownerId: '2836200',
    });
    // 2026: elapsedDuration 2225.44091796875 (s) for a duration of 2223.326904296875 s.
    const listFile =
      'garth__test_activity_list.body0__activitylist-service_activities_search_activities__limit3_start0.json';
    expect(activity(listFile, '21482825013')).toEqual({
      source: 'garmin',
      sourceId: '21482825013',
      startMs: Date.parse('2026-01-08T14:10:21Z'),
      localDate: '2026-01-08',
      sport: 'trail_run',
      sportLabel: 'trail_running',
      distanceM: 4261.18994140625,
      movingS: 2216,
      elapsedS: 2225.44091796875,
      cadenceSpm: 112,
      name: 'Cuajimalpa de Morelos - Base',
      ownerId: '2591602',
    });
    expect(activity(listFile, '21461718086')).toMatchObject({
      startMs: Date.parse('2026-01-06T13:14:18Z'),
      localDate: '2026-01-06',
      sport: 'hike',
      distanceM: 3362.590087890625,
      movingS: 2114,
      elapsedS: 2349.037109375,
    });
    expect(activity(listFile, '21419635589')).toMatchObject({
      sport: 'other',
      sportLabel: 'stand_up_paddleboarding_v2',
      movingS: 2681,
      elapsedS: 3227.382080078125,
    });
    const swim = activity(
      'garth__test_activity_list_pagination.body1__activitylist-service_activities_search_activities__limit2_start2.json',
      '21413444039',
    );
    expect(swim).toMatchObject({
      startMs: Date.parse('2026-01-01T17:39:43Z'),
      localDate: '2026-01-01',
      sport: 'swim',
      sportLabel: 'open_water_swimming',
      distanceM: 263.32000732421875,
      movingS: 370.51100158691406,
      elapsedS: 932.6719970703125,
    });
  });

  it('reads single activities (activity-service) from 2012 to 2026', () => {
    expect(activity(`${P}activity_emoji.json`, '2958378924')).toEqual({
      source: 'garmin',
      sourceId: '2958378924',
      startMs: Date.parse('2018-08-24T10:01:50Z'),
      localDate: '2018-08-24',
      sport: 'run',
      sportLabel: 'running',
      distanceM: 4146.45,
      movingS: 1844,
      elapsedS: 2147.244,
      cadenceSpm: 124,
      name: 'Biel 🏛 Pavillon',
      ownerId: '2836200',
    });
    expect(activity(`${P}activity_154105348_gpx_device_null.json`, '154105348')).toMatchObject({
      startMs: Date.parse('2012-02-27T09:10:06Z'),
      localDate: '2012-02-27',
      sport: 'other',
      sportLabel: 'cross_country_skiing',
      distanceM: 11610,
      movingS: 3887,
      elapsedS: 4177,
      name: 'Stechelberg-Lauterbrunnen',
    });
    expect(activity(`${P}activity_995784118_gpx_device_0.json`, '995784118')).toMatchObject({
      startMs: Date.parse('2015-12-27T12:05:44Z'),
      localDate: '2015-12-27',
      sport: 'other',
      sportLabel: 'uncategorized',
      distanceM: 9943.03,
      movingS: 3543,
      elapsedS: 3620,
    });
    expect(activity('garth__test_activity_get.body1__activity-service_activity.json', '21482825013')).toEqual({
      source: 'garmin',
      sourceId: '21482825013',
      startMs: Date.parse('2026-01-08T14:10:21Z'),
      localDate: '2026-01-08',
      sport: 'trail_run',
      sportLabel: 'trail_running',
      distanceM: 4261.19,
      movingS: 2216,
      elapsedS: 2225.441,
      cadenceSpm: 112,
      name: 'Cuajimalpa de Morelos - Base',
      ownerId: '2591602',
    });
  });

  it('reads the pre-2018 activity-search-service-1.2 shape, units and all', () => {
    expect(activity(`${P}activity-search-service-1.2.json`, '2541953812')).toEqual({
      source: 'garmin',
      sourceId: '2541953812',
      startMs: Date.parse('2018-03-08T11:23:22Z'),
      localDate: '2018-03-08',
      sport: 'other',
      sportLabel: 'cross_country_skiing',
      distanceM: 8225.53,
      movingS: 2614,
      elapsedS: 2627.38,
      name: 'Reckingen Augenstern-Ulrichen Langlauf',
      ownerId: '2836200',
    });
  });

  it('gives the same activity from the list, the overview, the detail and the 1.2 search', () => {
    const fromList = activity(`${P}activitylist-service.json`, '2541953812');
    const others = [
      activity(`${P}activity_2541953812_overview.json`, '2541953812'),
      activity(`${P}activity_2541953812.json`, '2541953812'),
      activity(`${P}activity-search-service-1.2.json`, '2541953812'),
    ];
    for (const a of others) {
      expect([a.startMs, a.localDate, a.movingS]).toEqual([fromList.startMs, fromList.localDate, fromList.movingS]);
      expect(a.distanceM!).toBeCloseTo(fromList.distanceM!, 1);
      expect(a.elapsedS!).toBeCloseTo(fromList.elapsedS!, 1); // ms in the list and overview, s in the others
    }
    const listed = activity(
      'garth__test_activity_get.body0__activitylist-service_activities_search_activities__limit1_start0.json',
      '21482825013',
    );
    const detail = activity('garth__test_activity_get.body1__activity-service_activity.json', '21482825013');
    expect(detail.elapsedS!).toBeCloseTo(listed.elapsedS!, 2);
    expect(detail.distanceM!).toBeCloseTo(listed.distanceM!, 1);
  });

  it('records a multisport part as its own activity, and names the parent’s parts without transitions', () => {
    expect(activity(`${P}activity_multisport_child.json`, '6588349076')).toEqual({
      source: 'garmin',
      sourceId: '6588349076',
      startMs: Date.parse('2021-04-11T10:36:16Z'),
      localDate: '2021-04-11',
      sport: 'walk',
      sportLabel: 'walking',
      distanceM: 4036.26,
      movingS: 4020,
      elapsedS: 5332.783,
      name: 'Bike-Walk-Bike - Gehen',
      ownerId: '2836200',
    });
    const parent = ok(readGarminActivity(load(`${P}activity_multisport_detail.json`), NOW));
    expect(parent.activities).toEqual([]);
    expect(parent.skipped).toEqual([
      {
        id: '6588349056',
        reason: problem('garmin_skip_multisport_parts', 3, '6588349067, 6588349076, 6588349081'),
      },
    ]);
  });

  it('decides the unit of elapsedDuration by comparing with the timer time (the corpus’s evidence)', () => {
    // The 2021 multisport parent: 11183693.120002747 in the list, 11183.693 s in its detail.
    expect(garminElapsedSeconds(11183693.120002747, 10226.370854377747, null)).toBeCloseTo(11183.693, 3);
    expect(garminElapsedSeconds(11183.693, 10226.371, null)).toBe(11183.693);
    expect(garminElapsedSeconds(2627379.8828125, 2627.3798828125, 2614)).toBeCloseTo(2627.38, 2);
    expect(garminElapsedSeconds(932.6719970703125, 387.5870056152344, 370.51100158691406)).toBe(932.6719970703125);
    // Long pauses stay seconds: a 20-minute timer in a 10-hour day.
    expect(garminElapsedSeconds(36_000, 1200, 1100)).toBe(36_000);
    // Moving time stands in when there is no timer time.
    expect(garminElapsedSeconds(4_000_000, null, 3900)).toBe(4000);
    // Neither reading plausible (ms would be a fifth of the timer): unknown.
    expect(garminElapsedSeconds(400_000, 2000, null)).toBeNull();
    expect(garminElapsedSeconds(500, 2000, null)).toBeNull();
    // No timer time to compare with: unknown, rather than a guess.
    expect(garminElapsedSeconds(2627.38, null, null)).toBeNull();
    expect(garminElapsedSeconds(null, 2000, 1900)).toBeNull();
    // Damaged values pass through for the range check to refuse.
    expect(garminElapsedSeconds(-5, 2000, 1900)).toBe(-5);
  });
});

// A list item as Garmin sends it in 2026, cut down to the fields the reader uses.
const item = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  activityId: 21000000001,
  activityName: 'Easy',
  startTimeLocal: '2025-11-23 22:30:00',
  startTimeGMT: '2025-11-24 05:30:00',
  activityType: { typeId: 1, typeKey: 'running', parentTypeId: 17 },
  distance: 8000.5,
  duration: 2700.1,
  elapsedDuration: 2800.2,
  movingDuration: 2650,
  ownerId: 2591602,
  beginTimestamp: Date.parse('2025-11-24T05:30:00Z'),
  parent: false,
  ...over,
});
const detail = (
  summary: Record<string, unknown> = {},
  over: Record<string, unknown> = {},
): Record<string, unknown> => ({
  activityId: 21000000002,
  activityName: 'Track',
  userProfileId: 2591602,
  isMultiSportParent: false,
  activityTypeDTO: { typeId: 1, typeKey: 'track_running' },
  timeZoneUnitDTO: { unitId: 150, unitKey: 'America/Denver', timeZone: 'America/Denver' },
  metadataDTO: { childIds: [], childActivityTypes: [], userInfoDto: { userProfilePk: 2591602 } },
  summaryDTO: {
    startTimeLocal: '2025-11-23T22:30:00.0',
    startTimeGMT: '2025-11-24T05:30:00.0',
    distance: 5000,
    duration: 1500,
    movingDuration: 1490,
    elapsedDuration: 1600,
    ...summary,
  },
  ...over,
});

describe('Garmin readers: hand-made variants', () => {
  it('takes the local date from startTimeLocal (evening run in Denver, next day in UTC)', () => {
    const a = ok(readGarminActivityList([item()], NOW)).activities[0]!;
    expect([a.startMs, a.localDate, a.sport, a.ownerId]).toEqual([
      Date.parse('2025-11-24T05:30:00Z'),
      '2025-11-23',
      'run',
      '2591602',
    ]);
  });

  it('falls back to beginTimestamp for the start, and to the activity’s own time zone for the date', () => {
    expect(ok(readGarminActivityList([item({ startTimeGMT: null })], NOW)).activities[0]!.startMs).toBe(
      Date.parse('2025-11-24T05:30:00Z'),
    );
    const a = ok(readGarminActivity(detail({ startTimeLocal: undefined }), NOW)).activities[0]!;
    expect([a.localDate, a.sport]).toEqual(['2025-11-23', 'run']);
    const bad = ok(
      readGarminActivity(detail({ startTimeLocal: undefined }, { timeZoneUnitDTO: { timeZone: 'Mars/Olympus' } }), NOW),
    );
    expect(bad.skipped).toEqual([{ id: '21000000002', reason: problem('site_skip_no_local_date', 'startTimeLocal') }]);
  });

  it('places startTimeLocal in the activity’s own zone when no UTC start is given (Denver, 2025-03-09)', () => {
    // 07:30 on the morning clocks went forward is MDT (-6 h): 13:30Z, not 14:30Z.
    const noUtc = { startTimeLocal: '2025-03-09T07:30:00.0', startTimeGMT: null, beginTimestamp: null };
    const a = ok(readGarminActivity(detail(noUtc), NOW)).activities[0]!;
    expect([a.startMs, a.localDate]).toEqual([Date.parse('2025-03-09T13:30:00Z'), '2025-03-09']);
    // A list item names no zone: without a UTC start it is skipped, not guessed.
    const list = ok(readGarminActivityList([item({ startTimeGMT: null, beginTimestamp: null })], NOW));
    expect(list.activities).toEqual([]);
  });

  it('keeps the owner of every activity so that a connection’s activity can be left out', () => {
    expect(ok(readGarminActivityList([item({ ownerId: 777 })], NOW)).activities[0]!.ownerId).toBe('777');
    expect(ok(readGarminActivityList([item({ ownerId: null, ownerProfilePk: 778 })], NOW)).activities[0]!.ownerId).toBe(
      '778',
    );
    expect(ok(readGarminActivityList([item({ ownerId: undefined })], NOW)).activities[0]!.ownerId).toBeNull();
    expect(ok(readGarminActivity(detail({}, { userProfileId: undefined }), NOW)).activities[0]!.ownerId).toBe(
      '2591602',
    );
    expect(
      ok(readGarminActivity(detail({}, { userProfileId: undefined, metadataDTO: {} }), NOW)).activities[0]!.ownerId,
    ).toBeNull();
  });

  it('skips multisport parents and transitions, and records parts listed among other activities', () => {
    const r = ok(
      readGarminActivityList(
        [
          item({ activityId: 1, activityType: { typeKey: 'multi_sport' }, parent: true, elapsedDuration: 11183693 }),
          item({ activityId: 2, activityType: { typeKey: 'lap_swimming' }, parentId: 1 }),
          item({ activityId: 3, activityType: { typeKey: 'transition_v2' }, parentId: 1 }),
          item({ activityId: 4, activityType: { typeKey: 'road_biking' }, parentId: 1 }),
          item({ activityId: 5, activityType: { typeKey: 'running' }, parentId: 1 }),
        ],
        NOW,
      ),
    );
    expect(r.activities.map((a) => [a.sourceId, a.sport])).toEqual([
      ['2', 'swim'],
      ['4', 'ride'],
      ['5', 'run'],
    ]);
    expect(r.skipped).toEqual([
      { id: '1', reason: problem('garmin_skip_multisport') },
      { id: '3', reason: problem('garmin_skip_transition', 'transition_v2') },
    ]);
    // A triathlon parent's detail: the parts to read, transitions left out.
    const tri = ok(
      readGarminActivity(
        detail(
          {},
          {
            activityTypeDTO: { typeKey: 'multi_sport' },
            isMultiSportParent: true,
            metadataDTO: {
              childIds: [11, 12, 13, 14, 15],
              childActivityTypes: ['open_water_swimming', 'transition', 'road_biking', 'transition', 'running'],
            },
          },
        ),
        NOW,
      ),
    );
    expect([tri.activities, tri.skipped[0]?.reason]).toEqual([
      [],
      problem('garmin_skip_multisport_parts', 3, '11, 13, 15'),
    ]);
  });

  it('maps the Garmin typeKeys runners use', () => {
    const sports = [
      'running',
      'trail_running',
      'treadmill_running',
      'indoor_running',
      'virtual_run',
      'street_running',
      'track_running',
      'walking',
      'hiking',
      'cycling',
      'road_biking',
      'indoor_cycling',
      'lap_swimming',
      'open_water_swimming',
      'strength_training',
      'yoga',
      'obstacle_run',
      'e_bike_mountain',
    ].map(
      (typeKey, i) =>
        ok(readGarminActivityList([item({ activityId: i + 1, activityType: { typeKey } })], NOW)).activities[0]!.sport,
    );
    expect(sports).toEqual([
      'run',
      'trail_run',
      'treadmill_run',
      'treadmill_run',
      'virtual_run',
      'run',
      'run',
      'walk',
      'hike',
      'ride',
      'ride',
      'ride',
      'swim',
      'swim',
      'strength',
      'other',
      'run',
      'ride',
    ]);
  });

  it('skips damaged activities with reasons and keeps the rest', () => {
    const r = ok(
      readGarminActivityList(
        [
          item({ activityId: 1, distance: -5 }),
          item({
            activityId: 2,
            startTimeGMT: '2026-12-24 05:30:00',
            startTimeLocal: '2026-12-23 22:30:00',
            beginTimestamp: null,
          }),
          item({ activityId: 3, startTimeGMT: 'yesterday', beginTimestamp: null }),
          item({ activityId: 4, startTimeLocal: '23/11/2025 22:30' }),
          item({ activityId: 5, activityType: null }),
          item({ activityId: 6, movingDuration: 700_000 }),
          item({ activityId: 7, distance: 'far' }),
          item({ activityId: 'x' }),
          7,
          item({
            activityId: 8,
            distance: null,
            movingDuration: null,
            duration: null,
            elapsedDuration: null,
            activityName: null,
          }),
          item({ activityId: 8 }),
        ],
        NOW,
      ),
    );
    expect(r.activities.map((a) => [a.sourceId, a.distanceM, a.movingS, a.elapsedS, a.name])).toEqual([
      ['8', null, null, null, ''],
    ]);
    expect(r.skipped).toEqual([
      { id: '1', reason: problem('activity_number_negative', problem('field_distance'), -5) },
      { id: '2', reason: { code: 'activity_start_in_future', params: [expect.any(String)] } },
      { id: '3', reason: problem('site_skip_no_start', 'startTimeGMT', '"yesterday"') },
      { id: '4', reason: problem('site_skip_no_local_date', 'startTimeLocal') },
      { id: '5', reason: problem('site_skip_no_sport', 'activityType.typeKey') },
      { id: '6', reason: problem('activity_number_over_limit', problem('field_moving_time'), 700000, 604800) },
      { id: '7', reason: problem('activity_number_invalid', problem('field_distance')) },
      { id: '#7', reason: problem('site_skip_no_id') },
      { id: '#8', reason: problem('site_skip_not_object') },
      { id: '8', reason: problem('site_skip_listed_twice') },
    ]);
  });

  it.each([
    ['<!DOCTYPE html><html><body>Sign In</body></html>', problem('garmin_web_page', LIST)],
    ['Forbidden', problem('garmin_plain_text', LIST)],
    ['[{"activityId": 1', problem('garmin_not_json')],
    [null, problem('garmin_empty', LIST)],
    [[{ id: 1, start: 'x' }], problem('garmin_list_no_ids', LIST)],
    [{ activityList: [] }, problem('garmin_changed', LIST)],
    [{ results: { totalFound: 0 } }, problem('garmin_search_changed')],
    [{ message: 'HTTP 401 Unauthorized' }, problem('garmin_error', LIST, 'HTTP 401 Unauthorized')],
  ])('the list reader refuses %j clearly', (json, error) => {
    const r = readGarminActivityList(json, NOW);
    expect(r).toEqual({ ok: false, error });
  });

  it('uses the current time when none is given', () => {
    expect(ok(readGarminActivityList([item()])).activities).toHaveLength(1);
    expect(
      readGarminActivityList([item({ startTimeGMT: '2999-01-01 00:00:00', startTimeLocal: '2999-01-01 01:00:00' })]),
    ).toMatchObject({ ok: true, activities: [] });
    expect(ok(readGarminResponse('/gc-api/activity-service/activity/21000000002', detail())).activities).toHaveLength(
      1,
    );
  });

  it('reads an empty list (past the last page) as nothing, and JSON text as its body', () => {
    expect(readGarminActivityList([], NOW)).toEqual({ ok: true, activities: [], skipped: [] });
    expect(ok(readGarminActivityList(JSON.stringify([item()]), NOW)).activities).toHaveLength(1);
  });

  it('tells a list from a single activity', () => {
    expect(readGarminActivityList(detail(), NOW)).toEqual({
      ok: false,
      error: problem('garmin_single_not_list'),
    });
    expect(readGarminActivity([item()], NOW)).toEqual({
      ok: false,
      error: problem('garmin_list_not_single'),
    });
    expect(readGarminActivity({ activityId: 5, activityName: 'no summary' }, NOW)).toEqual({
      ok: false,
      error: problem('garmin_changed', problem('garmin_what_activity')),
    });
  });

  it('refuses a detail response that is not the activity its URL names', () => {
    expect(readGarminResponse('/gc-api/activity-service/activity/99', detail(), NOW)).toEqual({
      ok: false,
      error: problem('garmin_wrong_activity', '21000000002', '99'),
    });
    expect(
      ok(readGarminResponse('/gc-api/activity-service/activity/21000000002', detail(), NOW)).activities,
    ).toHaveLength(1);
  });

  it('knows the activity-data URLs of every era', () => {
    expect(
      garminEndpoint(
        'https://connect.garmin.com/gc-api/activitylist-service/activities/search/activities?limit=20&start=0',
      ),
    ).toEqual({ kind: 'list' });
    expect(
      garminEndpoint(
        'https://connect.garmin.com/proxy/activitylist-service/activities/search/activities?limit=20&start=40',
      ),
    ).toEqual({ kind: 'list' });
    expect(
      garminEndpoint('/modern/proxy/activitylist-service/activities/search/activities?activityType=running'),
    ).toEqual({ kind: 'list' });
    expect(
      garminEndpoint(
        'https://connect.garmin.com/modern/proxy/activity-search-service-1.2/json/activities?start=0&limit=10',
      ),
    ).toEqual({ kind: 'legacy-search' });
    expect(garminEndpoint('https://connect.garmin.com/gc-api/activity-service/activity/21482825013')).toEqual({
      kind: 'activity',
      id: '21482825013',
    });
    expect(garminEndpoint('https://connect.garmin.cn/modern/proxy/activity-service/activity/21482825013?_=1')).toEqual({
      kind: 'activity',
      id: '21482825013',
    });
    expect(garminEndpoint('/proxy/activity-service/activity/1')).toEqual({ kind: 'activity', id: '1' });
  });
});

describe('Garmin readers: never throw, never output what the background refuses', () => {
  const anyValue = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    fc.double(),
    fc.integer({ min: -1e6, max: 2e12 }),
    fc.string({ maxLength: 30 }),
    fc.constantFrom(
      'running',
      'multi_sport',
      'transition',
      '2025-11-24 05:30:00',
      '2099-01-01T00:00:00.0',
      'Not/AZone',
      '12.5',
    ),
    fc.array(fc.jsonValue(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue(), { maxKeys: 3 }),
  );
  const or = <T>(good: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 4 }, { arbitrary: anyValue, weight: 1 });
  const when = fc.noBias(fc.integer({ min: Date.UTC(1975, 0, 1), max: NOW + 86_400_000 }));
  const stamp = (ms: number, sep: string) => new Date(ms).toISOString().slice(0, 19).replace('T', sep);
  const common = {
    startMs: when,
    offsetMs: fc.noBias(fc.integer({ min: -16 * 3600_000, max: 16 * 3600_000 })),
    activityId: or(
      fc.oneof(
        { arbitrary: fc.noBias(fc.integer({ min: 1, max: 99_999_999_999 })), weight: 3 },
        { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
      ),
    ),
    activityName: or(fc.string({ maxLength: 600 })),
    typeKey: or(
      fc.constantFrom(
        'running',
        'trail_running',
        'lap_swimming',
        'multi_sport',
        'transition_v2',
        'yoga',
        'x'.repeat(150),
      ),
    ),
    distance: or(fc.noBias(fc.double({ min: -10, max: 600_000, noNaN: true }))),
    duration: or(fc.noBias(fc.double({ min: -10, max: 100_000, noNaN: true }))),
    movingDuration: or(fc.noBias(fc.double({ min: -10, max: 100_000, noNaN: true }))),
    elapsedDuration: or(
      fc.oneof(
        fc.double({ min: -10, max: 100_000, noNaN: true }),
        fc.double({ min: 0, max: 100_000_000, noNaN: true }),
      ),
    ),
    owner: anyValue,
  };
  const listItem = fc.record(common).map(({ startMs, offsetMs, typeKey, owner, ...f }) => ({
    ...f,
    activityType: { typeKey },
    ownerId: owner,
    startTimeGMT: stamp(startMs, ' '),
    startTimeLocal: stamp(startMs + offsetMs, ' '),
  }));
  const detailItem = fc
    .record({ ...common, childIds: anyValue, tz: or(fc.constantFrom('Europe/Paris', 'America/Denver')) })
    .map(({ startMs, offsetMs, typeKey, owner, activityId, activityName, childIds, tz, ...s }) => ({
      activityId,
      activityName,
      userProfileId: owner,
      activityTypeDTO: { typeKey },
      isMultiSportParent: typeKey === 'multi_sport',
      timeZoneUnitDTO: { timeZone: tz },
      metadataDTO: { childIds },
      summaryDTO: {
        ...s,
        startTimeGMT: stamp(startMs, 'T') + '.0',
        startTimeLocal: offsetMs > 15 * 3600_000 ? undefined : stamp(startMs + offsetMs, 'T') + '.0',
      },
    }));

  const check = (r: GarminReadResult, n: number) => {
    expect(r.ok).toBe(true);
    if (!r.ok) return 0;
    expect(r.activities.length + r.skipped.length).toBe(n);
    for (const a of r.activities) {
      const { ownerId, ...input } = a;
      expect(checkActivityInput(input, NOW)).toEqual({ ok: true, value: input });
      expect(ownerId === null || /^\d+$/.test(ownerId)).toBe(true);
    }
    return r.activities.length;
  };

  it('on random JSON, through every entry point', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom(...Object.values(CASES).map((c) => c.url ?? '/x'), '/gc-api/activity-service/activity/1'),
        (json, url) => {
          for (const r of [
            readGarminActivityList(json, NOW),
            readGarminActivity(json, NOW),
            readGarminResponse(url, json, NOW),
          ]) {
            if (r !== null) expect(typeof r.ok).toBe('boolean');
          }
        },
      ),
      { seed: 20261125, numRuns: 500 },
    );
  });

  it('on random lists and details, every activity passes the background’s check', () => {
    let read = 0;
    fc.assert(
      // The first item always has an activityId key, so the response is recognisably a list.
      fc.property(
        listItem,
        fc.array(fc.oneof({ arbitrary: listItem, weight: 4 }, { arbitrary: fc.jsonValue(), weight: 1 }), {
          maxLength: 7,
        }),
        detailItem,
        (first, rest, d) => {
          const items = [first, ...rest];
          read += check(readGarminActivityList(items, NOW), items.length);
          read += check(readGarminActivity(d, NOW), 1);
          read += check(
            readGarminActivityList({ results: { activities: items.map((activity) => ({ activity })) } }, NOW),
            items.length,
          );
        },
      ),
      { seed: 7, numRuns: 700 },
    );
    expect(read).toBeGreaterThan(100);
  });
});
