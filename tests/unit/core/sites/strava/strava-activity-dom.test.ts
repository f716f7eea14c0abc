import { repoPath } from '../../../../paths';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  readStravaActivityDom as readSnapshot,
  snapshotStravaActivityDom,
} from '../../../../../core/sites/strava/strava-activity-dom';
import { parseClock, parseLocaleNumber } from '../../../../../core/text-numbers';

const readStravaActivityDom = (d: Document, id: string, tz: string) =>
  readSnapshot(snapshotStravaActivityDom(d, id), tz);

const template = readFileSync(repoPath('tests/fixtures/strava/activity-page-dom-only.html'), 'utf8');

function doc(over: Record<string, string> = {}): Document {
  const values: Record<string, string> = {
    NAME: 'Evening Run',
    SPORT: 'Run',
    DATETIME: '2026-11-24T18:05:00+01:00',
    DATE_TEXT: '6:05 PM on Tuesday, November 24, 2026',
    EDIT_LINK: '<a href="/activities/777/edit">Edit</a>',
    DISTANCE: '10.02',
    UNIT: 'km',
    UNIT_TITLE: 'kilometers',
    MOVING: '52:10',
    ELAPSED: '1:01:30',
    OWNER_ID: '42',
    ACTIVITY_ID: '777',
    ...over,
  };
  let html = template;
  for (const [k, v] of Object.entries(values)) html = html.replaceAll(`{{${k}}}`, v);
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('Strava activity page, DOM fallback', () => {
  it('reads the owner’s run from the page as shown', () => {
    expect(readStravaActivityDom(doc(), '777', 'Europe/Paris')).toEqual({
      kind: 'activity',
      activity: {
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
    });
  });

  it('reads a start without zone as the runner’s wall clock, right on a daylight-saving morning', () => {
    const at = (DATETIME: string, tz = 'America/New_York') => {
      const r = readStravaActivityDom(doc({ DATETIME }), '777', tz);
      return r.kind === 'activity' ? [new Date(r.activity.startMs).toISOString(), r.activity.localDate] : r;
    };
    expect(at('2024-03-10T05:30:00')).toEqual(['2024-03-10T09:30:00.000Z', '2024-03-10']);
    expect(at('2024-03-10T05:30:00-04:00')).toEqual(['2024-03-10T09:30:00.000Z', '2024-03-10']);
    // "Z": the instant is known, the runner's zone gives the date (23:30 on the 9th in New York).
    expect(at('2024-03-10T04:30:00Z')).toEqual(['2024-03-10T04:30:00.000Z', '2024-03-09']);
    // An offset gives the date where the run happened, whatever the runner's zone.
    expect(at('2024-03-10T00:30:00+09:00')).toEqual(['2024-03-09T15:30:00.000Z', '2024-03-10']);
    expect(at('2024-02-30T05:30:00')).toMatchObject({ kind: 'unreadable' });
  });

  it('reads miles and comma decimals', () => {
    const r = readStravaActivityDom(
      doc({ DISTANCE: '6,2', UNIT: 'mi', UNIT_TITLE: 'miles', SPORT: 'Trail Run' }),
      '777',
      'UTC',
    );
    expect(r.kind === 'activity' && [r.activity.distanceM, r.activity.sport]).toEqual([9977.9, 'trail_run']);
  });

  it('records nothing without the edit link in the summary (an edit link elsewhere is no proof)', () => {
    expect(readStravaActivityDom(doc({ EDIT_LINK: '' }), '777', 'UTC').kind).toBe('not-own');
  });

  it('records nothing when the summary links to another athlete, or to none', () => {
    expect(readStravaActivityDom(doc({ OWNER_ID: '7' }), '777', 'UTC').kind).toBe('not-own');
    expect(readStravaActivityDom(doc({ OWNER_ID: 'x' }), '777', 'UTC').kind).toBe('not-own');
  });

  it('reads the date only inside the summary, never an earlier time element', () => {
    expect(readStravaActivityDom(doc({ DATETIME: '' }), '777', 'UTC')).toMatchObject({ kind: 'unreadable' });
  });

  it('refuses a page without the activity summary', () => {
    const d = new DOMParser().parseFromString(
      '<header><a href="/athletes/42">You</a></header><time datetime="2026-11-24T18:05:00Z"></time><a href="/activities/777/edit">Edit</a>',
      'text/html',
    );
    expect(readStravaActivityDom(d, '777', 'UTC')).toMatchObject({ kind: 'unreadable' });
  });

  it.each([
    [{ DATETIME: '' }, 'strava_dom_no_start'],
    [{ UNIT_TITLE: 'furlongs', UNIT: 'fur' }, 'strava_dom_no_distance'],
    [{ MOVING: '—', ELAPSED: '—' }, 'strava_dom_no_time'],
  ])('refuses rather than guess: %j', (over, why) => {
    const r = readStravaActivityDom(doc(over), '777', 'UTC');
    expect(r.kind === 'unreadable' && r.reason.code).toBe(why);
  });

  it('refuses junk snapshots without throwing', () => {
    for (const junk of [
      null,
      42,
      {},
      { activityId: '1', hasSummary: true, viewerAthleteId: '1', ownerAthleteId: '1', hasEditLink: true, title: 7 },
    ]) {
      expect(readSnapshot(junk as never, 'UTC').kind).not.toBe('activity');
    }
  });

  it('parses clocks and numbers strictly', () => {
    expect([parseClock('1:02:03'), parseClock('45:10'), parseClock('58s'), parseClock('1:75')]).toEqual([
      3723,
      2710,
      58,
      null,
    ]);
    expect([
      parseLocaleNumber('12.5'),
      parseLocaleNumber('12,5'),
      parseLocaleNumber('1,234.5'),
      parseLocaleNumber('1.234,5'),
      parseLocaleNumber('abc'),
    ]).toEqual([12.5, 12.5, 1234.5, 1234.5, null]);
  });
});
