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

  it('reads miles and comma decimals', () => {
    const r = readStravaActivityDom(
      doc({ DISTANCE: '6,2', UNIT: 'mi', UNIT_TITLE: 'miles', SPORT: 'Trail Run' }),
      '777',
      'UTC',
    );
    expect(r.kind === 'activity' && [r.activity.distanceM, r.activity.sport]).toEqual([9977.9, 'trail_run']);
  });

  it('records nothing without the edit link (someone else’s activity)', () => {
    expect(readStravaActivityDom(doc({ EDIT_LINK: '' }), '777', 'UTC').kind).toBe('not-own');
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
    for (const junk of [null, 42, {}, { activityId: '1', signedIn: true, hasEditLink: true, title: 7 }]) {
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
