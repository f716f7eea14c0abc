import { describe, expect, it } from 'vitest';
import { problem, problemDebugText } from '../../../core/problem-codes';
import { classifySender, parseRequest } from '../../../core/messages';
import { NOW, run } from '../activity-fixtures';

const EXT = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const strava = { kind: 'content', site: 'strava' } as const;
const page = { kind: 'page' } as const;

describe('who sent a message', () => {
  it('knows our pages, our content scripts on the two sites, and nobody else', () => {
    expect(classifySender({ id: EXT, url: `${ORIGIN}popup.html` }, EXT, ORIGIN)).toEqual({ kind: 'page' });
    expect(classifySender({ id: EXT, url: 'https://www.strava.com/activities/1', tab: {} }, EXT, ORIGIN)).toEqual(
      strava,
    );
    expect(classifySender({ id: EXT, url: 'https://connect.garmin.com/app/activities' }, EXT, ORIGIN)).toEqual({
      kind: 'content',
      site: 'garmin',
    });
    expect(classifySender({ id: 'other-extension', url: `${ORIGIN}popup.html` }, EXT, ORIGIN).kind).toBe('unknown');
    expect(classifySender({ id: EXT, url: 'https://evil.example/strava.com' }, EXT, ORIGIN).kind).toBe('unknown');
    expect(classifySender({ id: EXT, url: 'http://www.strava.com/activities/1' }, EXT, ORIGIN).kind).toBe('unknown');
    expect(classifySender({ id: EXT }, EXT, ORIGIN).kind).toBe('unknown');
  });
});

describe('message validation', () => {
  const add = (a: unknown) => parseRequest({ type: 'activities/add', activities: [a] }, page, NOW);

  it('accepts a good run from an extension page', () => {
    const r = add(run());
    expect(r.ok && r.value.type === 'activities/add' && r.value.activities[0]?.sourceId).toBe('1001');
  });

  // The refusal is a code with its parameters (shown as words by the pages); its debug text pins both.
  it.each([
    [{ distanceM: -1 }, 'activity_number_negative(field_distance, -1)'],
    [{ distanceM: 1_000_001 }, 'activity_number_over_limit(field_distance, 1000001, 1000000)'],
    [{ elapsedS: 7 * 24 * 3600 + 1 }, 'activity_number_over_limit(field_elapsed_time, 604801, 604800)'],
    [{ movingS: Number.POSITIVE_INFINITY }, 'activity_number_invalid(field_moving_time)'],
    [{ startMs: NOW + 3600_000 }, 'activity_start_in_future'],
    [{ startMs: Date.parse('1970-01-02T00:00:00Z'), localDate: '1970-01-02' }, 'activity_start_before_1980'],
    [{ localDate: '2026-02-30' }, 'activity_local_date_invalid'],
    [{ localDate: '2026-11-25' }, 'activity_local_date_mismatch'],
    [{ sport: 'quidditch' }, 'activity_sport_unknown("quidditch")'],
    [{ sourceId: '' }, 'activity_text_empty(field_source_id)'],
    [{ name: 'x'.repeat(501) }, 'activity_text_too_long(field_name, 500)'],
  ])('refuses %j: %s', (over, text) => {
    const r = add({ ...run(), ...over });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(problemDebugText(r.error)).toContain(`request_in_activity(1, ${text}`);
  });

  it('a site page cannot send activities at all: its data goes through the site readers', () => {
    const r = parseRequest({ type: 'activities/add', activities: [run()] }, strava, NOW);
    expect(!r.ok && r.error).toEqual(problem('request_refused', problem('request_not_from_page', 'activities/add')));
  });

  it('web pages cannot ask for the history, settings or a backup', () => {
    for (const type of [
      'state/get',
      'pain/trend',
      'backup/export',
      'backup/import',
      'settings/update',
      'activities/add',
      'activities/delete',
    ]) {
      const r = parseRequest({ type, text: '{}', patch: {}, activities: [], keys: [] }, strava, NOW);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(problemDebugText(r.error)).toContain('request_not_from_page');
    }
  });

  it('pain/trend from a page carries nothing but its type', () => {
    expect(parseRequest({ type: 'pain/trend', from: '1970-01-01', days: 1e9 }, page, NOW)).toEqual({
      ok: true,
      value: { type: 'pain/trend' },
    });
  });

  it('drops unknown fields instead of storing them', () => {
    const r = add({ ...run(), evil: '<script>' });
    expect(r.ok && JSON.stringify(r.value)).not.toContain('evil');
  });

  it('refuses junk', () => {
    for (const junk of [null, 'x', 42, [], { type: 7 }, { type: 'activities/add', activities: 'no' }]) {
      expect(parseRequest(junk, page, NOW).ok).toBe(false);
    }
    expect(
      parseRequest({ type: 'state/get' }, { kind: 'unknown', why: problem('request_foreign_sender') }, NOW).ok,
    ).toBe(false);
  });

  it('caps a message at 5000 activities', () => {
    const many = Array.from({ length: 5001 }, (_, i) => run({ sourceId: String(i) }));
    const r = parseRequest({ type: 'activities/add', activities: many }, page, NOW);
    expect(!r.ok && r.error).toEqual(problem('request_refused', problem('request_too_many_activities', 5001, 5000)));
  });
});

describe('corrections from the history table', () => {
  it('accepts a sport, distance, time and name, and nothing else', () => {
    const r = parseRequest(
      {
        type: 'activities/update',
        key: 'strava:1',
        patch: { sport: 'trail_run', distanceM: 8500, movingS: 2710, name: 'Hills' },
      },
      page,
      NOW,
    );
    expect(r.ok && r.value).toEqual({
      type: 'activities/update',
      key: 'strava:1',
      patch: { sport: 'trail_run', distanceM: 8500, movingS: 2710, name: 'Hills' },
    });
  });

  it.each([
    [{ distanceM: -1 }, 'activity_number_negative(field_distance, -1)'],
    [{ movingS: 700_000 }, 'activity_number_over_limit(field_moving_time, 700000, 604800)'],
    [{ sport: 'quidditch' }, 'request_sport_unknown'],
    [{ startMs: 0 }, 'request_field_not_editable(startMs)'],
  ])('refuses %j', (patch, text) => {
    const r = parseRequest({ type: 'activities/update', key: 'strava:1', patch }, page, NOW);
    expect(!r.ok && problemDebugText(r.error)).toBe(`request_refused(${text})`);
  });

  it('is not accepted from a web page', () => {
    expect(parseRequest({ type: 'activities/update', key: 'strava:1', patch: {} }, strava, NOW).ok).toBe(false);
  });
});
