import { CORPUS_DIR, corpusJson } from '../../../../paths';
import { describeWithCorpus, itWithCorpus } from '../../../needs-corpus';
import { PROBLEM_CODES, problem } from '../../../../../core/problem-codes';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkActivityInput } from '../../../../../core/activity-validation';
import { parseInstant as parseStravaInstant } from '../../../../../core/time';
import {
  nextStravaTrainingPage,
  readStravaTrainingActivities,
  stravaTrainingPageUrl,
} from '../../../../../core/sites/strava/strava-training-activities';

// Real responses live beside the checkout (../shared/corpus), never in the repository.
const CORPUS = CORPUS_DIR;
const STRAVA = path.join(CORPUS, 'pages/strava');
const load = (file: string): unknown => corpusJson('pages/strava', file);
const NOW = Date.parse('2026-11-25T12:00:00Z');

// Listed only where the corpus is there (describeWithCorpus).
const corpusFiles = () => {
  const files = readdirSync(STRAVA)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const pageFiles = files.filter((f) => /^elevate__rawPage\d+20161213\.json$/.test(f));
  return { pageFiles, otherFiles: files.filter((f) => !pageFiles.includes(f)) };
};

function read(json: unknown, timeZone?: string) {
  const r = readStravaTrainingActivities(json, NOW, timeZone);
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r;
}

function byId(id: string) {
  for (const f of corpusFiles().pageFiles) {
    const hit = read(load(f)).activities.find((a) => a.sourceId === id);
    if (hit) return hit;
  }
  throw new Error(`activity ${id} not in the corpus`);
}

describeWithCorpus('Strava /athlete/training_activities reader: the real 2016 pages', () => {
  const { pageFiles, otherFiles } = corpusFiles();

  it('finds the seven list pages and the three stream files', () => {
    expect(pageFiles).toHaveLength(7);
    expect(otherFiles.sort()).toEqual([
      'elevate__829770999_stream.json',
      'sports-lib__3156040843.json',
      'sports-lib__3183465494.json',
    ]);
  });

  it.each(pageFiles.map((f, i) => [f, i + 1] as const))('%s: all 20 models read, page %i of 592', (file, page) => {
    const r = read(load(file));
    expect(r.skipped).toEqual([]);
    expect(r.activities).toHaveLength(20);
    expect([r.page, r.perPage, r.total]).toEqual([page, 20, 592]);
    for (const a of r.activities) {
      expect(checkActivityInput(a, NOW)).toEqual({ ok: true, value: a });
      expect(a.source).toBe('strava');
      expect(a.distanceM).not.toBeNull();
      expect(a.movingS! <= a.elapsedS!).toBe(true);
      // Local date is the UTC date, or the day either side (Europe and Quebec in this corpus: same day).
      expect(a.localDate).toBe(new Date(a.startMs).toISOString().slice(0, 10));
    }
  });

  it('reads 140 distinct activities over the seven pages, with the sports Strava named', () => {
    const all = pageFiles.flatMap((f) => read(load(f)).activities);
    expect(new Set(all.map((a) => a.sourceId)).size).toBe(140);
    const count = (pred: (a: (typeof all)[number]) => boolean) => all.filter(pred).length;
    expect(count((a) => a.sport === 'run')).toBe(7);
    expect(count((a) => a.sport === 'ride')).toBe(120); // 98 Ride + 22 VirtualRide
    expect(count((a) => a.sport === 'hike')).toBe(5);
    expect(count((a) => a.sport === 'swim')).toBe(2);
    expect(count((a) => a.sport === 'walk')).toBe(2);
    expect(count((a) => a.sport === 'other')).toBe(4); // 3 AlpineSki + 1 InlineSkate
  });

  it('agrees with expected.json: 442080924 is the Zwift ride in sports-lib__971150603.fit', () => {
    const a = byId('442080924');
    expect(a).toEqual({
      source: 'strava',
      sourceId: '442080924',
      startMs: Date.parse('2015-11-30T17:14:38Z'),
      localDate: '2015-11-30',
      sport: 'ride',
      sportLabel: 'VirtualRide',
      distanceM: 32227.5,
      movingS: 3802,
      elapsedS: 3822,
      name: 'Zwift - Richmond, VA 11/30/2015',
    });
    const expected = (
      corpusJson('expected.json') as {
        files: Record<string, { sessions: { start: string; distance_m: number; elapsed_s: number }[] }>;
      }
    ).files;
    const s = expected['files/sports-lib__971150603.fit']!.sessions[0]!;
    expect(Math.abs(a.startMs - Date.parse(s.start))).toBeLessThanOrEqual(2000);
    expect(Math.abs(a.distanceM! - s.distance_m) / s.distance_m).toBeLessThanOrEqual(0.005);
    expect(Math.abs(a.elapsedS! - s.elapsed_s)).toBeLessThanOrEqual(2);
  });

  it('agrees with expected.json: 549238663 is the 122.5 km ride in elevate__frozen.fit', () => {
    const a = byId('549238663');
    expect(a).toMatchObject({
      startMs: Date.parse('2016-04-18T10:02:57Z'),
      localDate: '2016-04-18',
      sport: 'ride',
      sportLabel: 'Ride',
      distanceM: 122555,
      movingS: 15454,
      elapsedS: 17781,
    });
    // The FIT file's 17778 s elapsed is within the corpus's 0.5 % tolerance of Strava's 17781 s.
    expect(Math.abs(a.elapsedS! - 17778) / 17778).toBeLessThanOrEqual(0.005);
  });

  it('reads runs, a walk and a Canadian hike with values checked by hand', () => {
    expect(byId('799672885')).toEqual({
      source: 'strava',
      sourceId: '799672885',
      startMs: Date.parse('2016-12-11T14:45:50Z'),
      localDate: '2016-12-11',
      sport: 'run',
      sportLabel: 'Run',
      distanceM: 4014.8,
      movingS: 2196,
      elapsedS: 2358,
      name: 'Running back... Hard !',
    });
    expect(byId('639823327')).toMatchObject({
      startMs: Date.parse('2016-07-13T16:33:28Z'),
      sport: 'run',
      distanceM: 10019.6,
      movingS: 4578,
      elapsedS: 4585,
      name: 'Running avec Aurélie ',
    });
    expect(byId('651564771')).toMatchObject({
      startMs: Date.parse('2016-07-24T09:07:08Z'),
      localDate: '2016-07-24',
      sport: 'walk',
      distanceM: 4207.2,
      movingS: 3618,
      elapsedS: 4111,
    });
    // Quebec, UTC-4: local 17:28 on the 16th.
    expect(byId('393874622')).toMatchObject({
      startMs: Date.parse('2015-09-16T21:28:01Z'),
      localDate: '2015-09-16',
      sport: 'hike',
      distanceM: 3053.9,
      movingS: 3076,
      elapsedS: 5745,
    });
    // A pool swim logged with 0 m stays 0 m, not "unknown".
    expect(byId('368210547')).toMatchObject({ sport: 'swim', distanceM: 0, movingS: 1900, elapsedS: 1900 });
  });

  it.each(otherFiles)('%s is an activity stream, refused as such', (file) => {
    const r = readStravaTrainingActivities(load(file), NOW);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('strava_list_streams');
  });
});

// A model as Strava sends it today: sport_type beside type, raw numbers beside display strings.
const model = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 12345678901,
  name: 'Tempo',
  sport_type: 'TrailRun',
  type: 'Run',
  start_date: 'Mon, 11/24/2025',
  start_time: '2025-11-24T06:15:00+0000',
  start_date_local_raw: Date.parse('2025-11-24T07:15:00Z') / 1000,
  distance: '12,3',
  distance_raw: 12345.6,
  moving_time: '1:06:40',
  moving_time_raw: 4000,
  elapsed_time_raw: 4300,
  ...over,
});
const page = (...models: unknown[]) => ({ models, page: 1, perPage: 20, total: models.length });
const without = (key: string) => {
  const m = model();
  delete m[key];
  return m;
};

describe('Strava training activities reader: hand-made variants', () => {
  it('reads a 2025 model with sport_type only', () => {
    const r = read(page(without('type')));
    expect(r.activities).toEqual([
      {
        source: 'strava',
        sourceId: '12345678901',
        startMs: Date.parse('2025-11-24T06:15:00Z'),
        localDate: '2025-11-24',
        sport: 'trail_run',
        sportLabel: 'TrailRun',
        distanceM: 12345.6,
        movingS: 4000,
        elapsedS: 4300,
        name: 'Tempo',
      },
    ]);
  });

  it('prefers sport_type to type when both are there, and reads type alone (before 2024-10-30)', () => {
    expect(read(page(model())).activities[0]!.sport).toBe('trail_run');
    const old = read(page(without('sport_type'))).activities[0]!;
    expect([old.sport, old.sportLabel]).toEqual(['run', 'Run']);
    expect(read(page(model({ sport_type: null, type: 'VirtualRun' }))).activities[0]!.sport).toBe('virtual_run');
  });

  it('skips a model with neither sport field, saying so', () => {
    const r = read(page(model({ sport_type: undefined, type: '' })));
    expect(r.skipped).toEqual([{ id: '12345678901', reason: problem('site_skip_no_sport', 'sport_type, type') }]);
  });

  it('gives a null distance when distance_raw is missing, and never reads the localized string', () => {
    const a = read(page(without('distance_raw'))).activities[0]!;
    expect(a.distanceM).toBeNull();
    expect(read(page(model({ moving_time_raw: null, elapsed_time_raw: undefined }))).activities[0]).toMatchObject({
      movingS: null,
      elapsedS: null,
    });
  });

  it('skips damaged models with reasons and keeps the rest', () => {
    const r = read(
      page(
        model({ id: 1, distance_raw: -5 }),
        model({
          id: 2,
          start_time: '2026-12-24T06:15:00+0000',
          start_date_local_raw: Date.parse('2026-12-24T07:15:00Z') / 1000,
        }),
        model({ id: 3, elapsed_time_raw: 700_000 }),
        model({ id: 4, distance_raw: 'far' }),
        model({ id: 5, start_time: 'Mon, 11/24/2025' }),
        model({ id: 6, start_date_local_raw: null }),
        model({ id: 7, start_date_local_raw: Date.parse('2025-11-25T07:15:00Z') / 1000 }),
        model({ id: undefined }),
        'not a model',
        model({ id: 8 }),
      ),
    );
    expect(r.activities.map((a) => a.sourceId)).toEqual(['8']);
    expect(r.skipped).toEqual([
      { id: '1', reason: problem('activity_number_negative', problem('field_distance'), -5) },
      { id: '2', reason: { code: 'activity_start_in_future', params: [expect.any(String)] } },
      { id: '3', reason: problem('activity_number_over_limit', problem('field_elapsed_time'), 700000, 604800) },
      { id: '4', reason: problem('activity_number_invalid', problem('field_distance')) },
      { id: '5', reason: problem('site_skip_no_start', 'start_time', '"Mon, 11/24/2025"') },
      { id: '6', reason: problem('site_skip_no_local_date', 'start_date_local_raw') },
      { id: '7', reason: problem('strava_skip_local_far') },
      { id: '#7', reason: problem('site_skip_no_id') },
      { id: '#8', reason: problem('site_skip_not_object') },
    ]);
  });

  it('takes the local date from the local wall clock, not from UTC', () => {
    // 22:30 on the 23rd in Denver is 05:30 on the 24th UTC.
    const a = read(
      page(
        model({ start_time: '2025-11-24T05:30:00Z', start_date_local_raw: Date.parse('2025-11-23T22:30:00Z') / 1000 }),
      ),
    ).activities[0]!;
    expect([a.startMs, a.localDate]).toEqual([Date.parse('2025-11-24T05:30:00Z'), '2025-11-23']);
  });

  it('keeps the UTC start and the wall clock’s date on a daylight-saving morning (New York, 2024-03-10)', () => {
    const m = model({
      start_time: '2024-03-10T09:30:00+0000',
      start_date_local_raw: Date.parse('2024-03-10T05:30:00Z') / 1000,
    });
    const a = read(page(m), 'America/New_York').activities[0]!;
    expect([a.startMs, a.localDate]).toEqual([Date.parse('2024-03-10T09:30:00Z'), '2024-03-10']);
  });

  it('places the local wall clock in the runner’s zone when the UTC start is gone (New York, 2024-03-10)', () => {
    const m = model({ start_time: undefined, start_date_local_raw: Date.parse('2024-03-10T05:30:00Z') / 1000 });
    const a = read(page(m), 'America/New_York').activities[0]!;
    expect([a.startMs, a.localDate]).toEqual([Date.parse('2024-03-10T09:30:00Z'), '2024-03-10']);
    // Without the runner's zone, or with one this browser does not know, there is no instant.
    expect(read(page(m)).activities).toEqual([]);
    expect(read(page(m), 'Not/AZone').activities).toEqual([]);
  });

  it('falls back to the runner’s time zone only when the local wall clock is gone', () => {
    const m = model({ start_time: '2025-11-24T05:30:00Z', start_date_local_raw: undefined });
    expect(read(page(m), 'America/Denver').activities[0]!.localDate).toBe('2025-11-23');
    expect(read(page(m), 'Not/AZone').skipped[0]!.reason).toEqual(
      problem('site_skip_no_local_date', 'start_date_local_raw'),
    );
  });

  it('accepts ids as digit strings and skips a model listed twice', () => {
    const r = read(page(model({ id: '42' }), model({ id: 42 })));
    expect(r.activities.map((a) => a.sourceId)).toEqual(['42']);
    expect(r.skipped).toEqual([{ id: '42', reason: problem('site_skip_listed_twice') }]);
  });

  it('reads an empty page (past the last one) as no activities', () => {
    expect(read({ models: [], page: 31, perPage: 20, total: 592 })).toMatchObject({
      activities: [],
      skipped: [],
      page: 31,
    });
  });

  it.each([
    [
      '<!DOCTYPE html><html><head><title>Log In | Strava</title></head><body>…</body></html>',
      problem('strava_list_web_page'),
    ],
    ['Too Many Requests', problem('strava_list_plain_text')],
    ['{"models": [', problem('strava_list_not_json')],
    [null, problem('strava_list_empty')],
    [{}, problem('strava_list_no_models')],
    [{ activities: [], page: 1 }, problem('strava_list_no_models')],
    [{ models: 'none' }, problem('strava_list_no_models')],
    [[model()], problem('strava_list_array')],
    [42, problem('strava_list_not_object', 'number')],
    [{ message: 'Authorization Error', errors: [] }, problem('strava_list_error', 'Authorization Error')],
  ])('refuses %j with a clear error', (json, error) => {
    expect(readStravaTrainingActivities(json, NOW)).toEqual({ ok: false, error });
  });

  it('uses the current time when none is given', () => {
    const r = readStravaTrainingActivities(
      page(
        model(),
        model({
          id: 2,
          start_time: '2999-01-01T00:00:00Z',
          start_date_local_raw: Date.parse('2999-01-01T01:00:00Z') / 1000,
        }),
      ),
    );
    expect(r.ok && [r.activities.length, r.skipped.map((s) => s.id)]).toEqual([1, ['2']]);
  });

  it('parses the JSON text if it is handed the text instead of the body', () => {
    expect(read(JSON.stringify(page(model()))).activities).toHaveLength(1);
  });

  it('reads the UTC start in the forms Strava has used', () => {
    expect(parseStravaInstant('2016-01-29T10:21:29+0000')).toBe(Date.parse('2016-01-29T10:21:29Z'));
    expect(parseStravaInstant('2016-01-29T10:21:29Z')).toBe(Date.parse('2016-01-29T10:21:29Z'));
    expect(parseStravaInstant('2016-01-29T11:21:29+01:00')).toBe(Date.parse('2016-01-29T10:21:29Z'));
    expect(parseStravaInstant('2016-01-29T05:21:29.250-0500')).toBe(Date.parse('2016-01-29T10:21:29.250Z'));
    for (const bad of [
      'Fri, 1/29/2016',
      '2016-02-30T10:00:00Z',
      '2016-01-29T25:00:00Z',
      '2016-01-29T10:00:00+1500',
      '',
      1454066489,
    ]) {
      expect(parseStravaInstant(bad)).toBeNull();
    }
  });
});

describe('Strava list paging', () => {
  it('builds the URL the page requests, keeping the page’s own filters', () => {
    expect(stravaTrainingPageUrl(2, 20)).toBe(
      'https://www.strava.com/athlete/training_activities?new_activity_only=false&page=2&per_page=20',
    );
    const base = new URLSearchParams(
      'keywords=&sport_type=Run&workout_type=&commute=&private_activities=&trainer=&gear=&search_session_id=abc&new_activity_only=false&page=1',
    );
    const url = new URL(stravaTrainingPageUrl(3, 20, base));
    expect(url.origin + url.pathname).toBe('https://www.strava.com/athlete/training_activities');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      keywords: '',
      sport_type: 'Run',
      workout_type: '',
      commute: '',
      private_activities: '',
      trainer: '',
      gear: '',
      search_session_id: 'abc',
      new_activity_only: 'false',
      page: '3',
      per_page: '20',
    });
    expect(base.get('page')).toBe('1'); // the caller's parameters are not changed
  });

  it('refuses impossible pages (a caller bug)', () => {
    expect(() => stravaTrainingPageUrl(0, 20)).toThrow(RangeError);
    expect(() => stravaTrainingPageUrl(1.5, 20)).toThrow(RangeError);
    expect(() => stravaTrainingPageUrl(1, 0)).toThrow(RangeError);
    expect(() => stravaTrainingPageUrl(1, 1000)).toThrow(RangeError);
  });

  itWithCorpus('knows the real page 5 of 592 is followed by page 6', () => {
    expect(nextStravaTrainingPage(read(load('elevate__rawPage0520161213.json')))).toBe(6);
  });

  it('knows when the last page has been read', () => {
    expect(nextStravaTrainingPage(read({ models: [], page: 30, perPage: 20, total: 592 }))).toBeNull();
    expect(nextStravaTrainingPage(read({ models: [], page: 29, perPage: 20, total: 592 }))).toBe(30);
    expect(nextStravaTrainingPage(read({ models: [] }))).toBeNull();
    expect(nextStravaTrainingPage({ ok: false, error: problem('strava_list_empty') })).toBeNull();
  });
});

describe('Strava training activities reader: never throws, never outputs what the background refuses', () => {
  const anyValue = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    fc.double(),
    fc.integer({ min: -1e6, max: 2e9 }),
    fc.string({ maxLength: 30 }),
    fc.constantFrom('Run', 'TrailRun', '2016-01-29T10:21:29+0000', '2099-01-01T00:00:00Z', '12.5', '-3', ''),
    fc.array(fc.jsonValue(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue(), { maxKeys: 3 }),
  );
  // Mostly plausible fields, each sometimes replaced by anything at all (or left out).
  const or = <T>(good: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 4 }, { arbitrary: anyValue, weight: 1 });
  const fuzzModel = fc
    .record({
      startS: fc.noBias(fc.integer({ min: Date.UTC(1975, 0, 1) / 1000, max: NOW / 1000 + 86_400 })),
      offsetS: fc.noBias(fc.integer({ min: -16 * 3600, max: 16 * 3600 })),
      id: or(
        fc.oneof(
          { arbitrary: fc.noBias(fc.integer({ min: 1, max: 99_999_999_999 })), weight: 3 },
          { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
        ),
      ),
      name: or(fc.string({ maxLength: 600 })),
      sport_type: or(fc.constantFrom('Run', 'TrailRun', 'Ride', 'Swim', 'Yoga', 'X'.repeat(150))),
      type: or(fc.constantFrom('Run', 'Ride', 'Walk')),
      distance_raw: or(fc.noBias(fc.double({ min: -10, max: 600_000, noNaN: true }))),
      moving_time_raw: or(fc.noBias(fc.integer({ min: -10, max: 100_000 }))),
      elapsed_time_raw: or(fc.noBias(fc.integer({ min: -10, max: 100_000 }))),
    })
    .map(({ startS, offsetS, ...rest }) => ({
      ...rest,
      start_time: new Date(startS * 1000).toISOString().replace('.000Z', '+0000'),
      start_date_local_raw: startS + offsetS,
    }));

  it('on random JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const r = readStravaTrainingActivities(json, NOW);
        expect(typeof r.ok).toBe('boolean');
      }),
      { seed: 20261125, numRuns: 500 },
    );
  });

  it('on random models, every activity passes the background’s check', () => {
    let read = 0;
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ arbitrary: fuzzModel, weight: 4 }, { arbitrary: fc.jsonValue(), weight: 1 }), {
          maxLength: 8,
        }),
        fc.oneof(anyValue, fc.nat()),
        (models, pageNo) => {
          const r = readStravaTrainingActivities(
            { models, page: pageNo, perPage: pageNo, total: pageNo },
            NOW,
            'Europe/Paris',
          );
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(r.activities.length + r.skipped.length).toBe(models.length);
          read += r.activities.length;
          for (const a of r.activities) expect(checkActivityInput(a, NOW)).toEqual({ ok: true, value: a });
          for (const s of r.skipped) expect(PROBLEM_CODES).toContain(s.reason.code);
        },
      ),
      { seed: 4, numRuns: 1000 },
    );
    // The generator is not so wild that nothing is ever read: the check above has work to do.
    expect(read).toBeGreaterThan(150);
  });
});
