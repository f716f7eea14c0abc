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
