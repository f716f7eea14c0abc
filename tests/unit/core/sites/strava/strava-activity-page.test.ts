import { describe, expect, it } from 'vitest';
import { readStravaActivityPage, type StravaPageSnapshot } from '../../../../../core/sites/strava/strava-activity-page';

const snap = (over: Partial<StravaPageSnapshot> = {}, attrs: Record<string, unknown> = {}): StravaPageSnapshot => ({
  urlActivityId: '12345678901',
  activityId: 12345678901,
  activityAthleteId: 42,
  currentAthleteId: 42,
  activity: {
    id: 12345678901,
    sport_type: 'TrailRun',
    type: 'Run',
    distance: 12345.6,
    moving_time: 4000,
    elapsed_time: 4300,
    startDateLocal: Date.parse('2026-11-24T07:15:00Z') / 1000,
    name: 'Hills',
    ...attrs,
  },
  ...over,
});

describe('Strava activity page reader', () => {
  it('reads the signed-in athlete’s run', () => {
    const r = readStravaActivityPage(snap(), 'Europe/Berlin');
    expect(r).toEqual({
      kind: 'activity',
      activity: {
        source: 'strava',
        sourceId: '12345678901',
        startMs: Date.parse('2026-11-24T06:15:00Z'),
        localDate: '2026-11-24',
        sport: 'trail_run',
        sportLabel: 'TrailRun',
        distanceM: 12345.6,
        movingS: 4000,
        elapsedS: 4300,
        name: 'Hills',
      },
    });
  });

  it('prefers the UTC start when the page has one, and the page’s own local date', () => {
    const r = readStravaActivityPage(
      snap({}, { start_date: '2026-11-23T23:30:00Z', startDateLocal: Date.parse('2026-11-24T10:30:00Z') / 1000 }),
      'Europe/London',
    );
    expect(r.kind === 'activity' && [r.activity.startMs, r.activity.localDate]).toEqual([
      Date.parse('2026-11-23T23:30:00Z'),
      '2026-11-24',
    ]);
  });

  it('places a local start on a daylight-saving morning by that morning’s offset (New York, 2024-03-10)', () => {
    // 05:30 local is 09:30Z (EDT, -4 h); one pass took the offset at 05:30Z (EST, -5 h): 10:30Z.
    const r = readStravaActivityPage(
      snap({}, { startDateLocal: Date.parse('2024-03-10T05:30:00Z') / 1000 }),
      'America/New_York',
    );
    expect(r.kind === 'activity' && [r.activity.startMs, r.activity.localDate]).toEqual([
      Date.parse('2024-03-10T09:30:00Z'),
      '2024-03-10',
    ]);
    // The night before the change, still EST.
    const before = readStravaActivityPage(
      snap({}, { startDateLocal: Date.parse('2024-03-09T23:30:00Z') / 1000 }),
      'America/New_York',
    );
    expect(before.kind === 'activity' && before.activity.startMs).toBe(Date.parse('2024-03-10T04:30:00Z'));
  });

  it('reads an ISO UTC start written with a space or an offset, and no other text', () => {
    const at = (start_date: string) => {
      const r = readStravaActivityPage(snap({}, { start_date }), 'America/New_York');
      return r.kind === 'activity' ? r.activity.startMs : null;
    };
    expect(at('2024-03-10T09:30:00Z')).toBe(Date.parse('2024-03-10T09:30:00Z'));
    expect(at('2024-03-10 05:30:00-04:00')).toBe(Date.parse('2024-03-10T09:30:00Z'));
    // A localized date is not an instant: the wall clock (07:15 on 2026-11-24, EST) stands in.
    expect(at('dim. 11/12/2016')).toBe(Date.parse('2026-11-24T12:15:00Z'));
  });

  it('falls back to the pre-2024-10-30 `type` field', () => {
    const r = readStravaActivityPage(snap({}, { sport_type: undefined, type: 'VirtualRun' }), 'UTC');
    expect(r.kind === 'activity' && r.activity.sport).toBe('virtual_run');
  });

  it('ignores a friend’s activity', () => {
    expect(readStravaActivityPage(snap({ activityAthleteId: 7 }), 'UTC').kind).toBe('not-own');
    expect(readStravaActivityPage(snap({ currentAthleteId: null }), 'UTC').kind).toBe('not-own');
  });

  it.each([
    [{ activity: null }, 'strava_page_no_data'],
    [{ activityAthleteId: null }, 'strava_page_no_owner'],
    [{ urlActivityId: '999' }, 'strava_page_wrong_activity'],
  ])('says why it could not read %j', (over, why) => {
    const r = readStravaActivityPage(snap(over), 'UTC');
    expect(r.kind === 'unreadable' && r.reason.code).toBe(why);
  });

  it('says so when the sport or start is gone (a site change)', () => {
    const noSport = readStravaActivityPage(snap({}, { sport_type: null, type: null }), 'UTC');
    expect(noSport.kind === 'unreadable' && noSport.reason.code).toBe('strava_page_no_sport');
    const noStart = readStravaActivityPage(snap({}, { startDateLocal: null }), 'UTC');
    expect(noStart.kind === 'unreadable' && noStart.reason.code).toBe('strava_page_no_start');
  });
});
