import { describe, expect, it } from 'vitest';
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
  const seen = (a: unknown) => parseRequest({ type: 'activities/seen', activities: [a] }, strava, NOW);

  it('accepts a good run from Strava', () => {
    const r = seen(run());
    expect(r.ok && r.value.type === 'activities/seen' && r.value.activities[0]?.sourceId).toBe('1001');
  });

  it.each([
    [{ distanceM: -1 }, 'distance is negative'],
    [{ distanceM: 1_000_001 }, 'over the limit of 1000000 m'],
    [{ elapsedS: 7 * 24 * 3600 + 1 }, 'over the limit of 604800 s'],
    [{ movingS: Number.POSITIVE_INFINITY }, 'moving time must be a number'],
    [{ startMs: NOW + 3600_000 }, 'in the future'],
    [{ startMs: Date.parse('1970-01-02T00:00:00Z'), localDate: '1970-01-02' }, 'before 1980'],
    [{ localDate: '2026-02-30' }, 'not a YYYY-MM-DD date'],
    [{ localDate: '2026-11-25' }, 'does not match the start'],
    [{ sport: 'quidditch' }, 'sport "quidditch"'],
    [{ sourceId: '' }, 'source id is empty'],
    [{ name: 'x'.repeat(501) }, 'name is longer than 500'],
  ])('refuses %j: %s', (over, text) => {
    const r = seen({ ...run(), ...over });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(text);
  });

  it('a Strava page cannot pose as Garmin, a file or a manual entry', () => {
    for (const source of ['garmin', 'file', 'manual'] as const) {
      const r = seen(run({ source }));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toContain(`source "${source}" may not be sent from here`);
    }
  });

  it('web pages cannot ask for the history, settings or a backup', () => {
    for (const type of [
      'state/get',
      'backup/export',
      'backup/import',
      'settings/update',
      'activities/add',
      'activities/delete',
    ]) {
      const r = parseRequest({ type, text: '{}', patch: {}, activities: [], keys: [] }, strava, NOW);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toContain('not accepted from a web page');
    }
  });

  it('drops unknown fields instead of storing them', () => {
    const r = seen({ ...run(), evil: '<script>' });
    expect(r.ok && JSON.stringify(r.value)).not.toContain('evil');
  });

  it('refuses junk', () => {
    for (const junk of [null, 'x', 42, [], { type: 7 }, { type: 'activities/seen', activities: 'no' }]) {
      expect(parseRequest(junk, page, NOW).ok).toBe(false);
    }
    expect(parseRequest({ type: 'state/get' }, { kind: 'unknown', why: 'nope' }, NOW).ok).toBe(false);
  });

  it('caps a message at 5000 activities', () => {
    const many = Array.from({ length: 5001 }, (_, i) => run({ sourceId: String(i) }));
    const r = parseRequest({ type: 'activities/add', activities: many }, page, NOW);
    expect(!r.ok && r.error).toContain('too many activities');
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
    [{ distanceM: -1 }, 'distance is negative'],
    [{ movingS: 700_000 }, 'over the limit of 604800 s'],
    [{ sport: 'quidditch' }, 'sport must be one of'],
    [{ startMs: 0 }, '"startMs" cannot be edited'],
  ])('refuses %j', (patch, text) => {
    const r = parseRequest({ type: 'activities/update', key: 'strava:1', patch }, page, NOW);
    expect(!r.ok && r.error).toContain(text);
  });

  it('is not accepted from a web page', () => {
    expect(parseRequest({ type: 'activities/update', key: 'strava:1', patch: {} }, strava, NOW).ok).toBe(false);
  });
});
