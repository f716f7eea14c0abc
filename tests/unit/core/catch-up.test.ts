import { describe, expect, it } from 'vitest';
import {
  autoCatchUpDue,
  CATCH_UP,
  listStopOfStatus,
  nextMorning,
  outcomeOfStop,
  readAgo,
  readToday,
  settleSite,
  startRun,
  tabAddressOutcome,
} from '../../../core/catch-up';
import { localDateOf } from '../../../core/local-date';
import { wallClockOf } from '../../../core/time';

const HOUR = 3_600_000;
// A fixed instant: 2026-03-29 10:00 UTC, the day Europe's clocks go forward.
const NOW = Date.parse('2026-03-29T10:00:00Z');

describe('when a site was last read, as the popup says it', () => {
  const tz = 'Europe/Berlin'; // 12:00 local at NOW
  it('today, yesterday (by the calendar, not 24 hours), days ago, never', () => {
    expect(readAgo(NOW - HOUR, NOW, tz)).toEqual({ kind: 'today', atMs: NOW - HOUR });
    // 23:30 local the day before is "yesterday", though only 12.5 hours ago.
    const lateYesterday = Date.parse('2026-03-28T22:30:00Z');
    expect(readAgo(lateYesterday, NOW, tz)).toEqual({ kind: 'yesterday', atMs: lateYesterday });
    expect(readAgo(NOW - 3 * 24 * HOUR, NOW, tz)).toEqual({ kind: 'days', days: 3 });
    expect(readAgo(null, NOW, tz)).toEqual({ kind: 'never' });
  });

  it('a read time from a clock ahead counts as today, never as the future', () => {
    expect(readAgo(NOW + 30 * 24 * HOUR, NOW, tz).kind).toBe('today');
  });

  it('the day follows the runner’s zone: 01:00 in Tokyo is not yet today in New York', () => {
    const at = Date.parse('2026-03-28T16:00:00Z'); // Tokyo 01:00 on the 29th
    const now = Date.parse('2026-03-28T17:00:00Z');
    expect(readAgo(at, now, 'Asia/Tokyo').kind).toBe('today');
    expect(readToday({ strava: at, garmin: null }, now, 'Asia/Tokyo')).toBe(true);
    const nowLater = Date.parse('2026-03-29T05:00:00Z'); // New York 01:00 on the 29th
    expect(readToday({ strava: at, garmin: null }, nowLater, 'America/New_York')).toBe(false);
  });

  it('read today when either list was read today', () => {
    expect(readToday({ strava: null, garmin: null }, NOW, tz)).toBe(false);
    expect(readToday({ strava: NOW - 30 * HOUR, garmin: NOW - HOUR }, NOW, tz)).toBe(true);
  });
});

describe('an automatic catch-up', () => {
  const stale = { strava: NOW - 2 * HOUR, garmin: null };
  it('never when the runner has not turned it on', () => {
    expect(autoCatchUpDue(false, { strava: null, garmin: null }, null, NOW)).toBe(false);
  });

  it('when the last read and the last attempt are both over an hour old', () => {
    expect(autoCatchUpDue(true, stale, null, NOW)).toBe(true);
    expect(autoCatchUpDue(true, { strava: NOW - 59 * 60_000, garmin: null }, null, NOW)).toBe(false);
  });

  it('a signed-out runner is not asked at every opening: the last attempt counts too', () => {
    const attempt = { startedMs: NOW - 10 * 60_000, endedMs: NOW - 9 * 60_000 };
    expect(autoCatchUpDue(true, stale, attempt, NOW)).toBe(false);
    expect(autoCatchUpDue(true, stale, { startedMs: NOW - 2 * HOUR, endedMs: NOW - 2 * HOUR }, NOW)).toBe(true);
  });

  it('not while one runs', () => {
    expect(autoCatchUpDue(true, stale, { startedMs: NOW - 5000, endedMs: null }, NOW)).toBe(false);
  });

  it('a read time far in the future (a clock that was wrong) does not block it for ever', () => {
    expect(autoCatchUpDue(true, { strava: NOW + 100 * 24 * HOUR, garmin: null }, null, NOW)).toBe(true);
  });
});

describe('the morning catch-up', () => {
  it('is the next 09:00 on the local clock, today if still ahead, else tomorrow', () => {
    const tz = 'Europe/Berlin';
    const early = Date.parse('2026-06-10T04:00:00Z'); // 06:00 local
    const at = nextMorning(early, tz);
    expect(new Date(wallClockOf(at, tz)).toISOString()).toBe('2026-06-10T09:00:00.000Z');
    const late = Date.parse('2026-06-10T08:00:00Z'); // 10:00 local
    expect(new Date(wallClockOf(nextMorning(late, tz), tz)).toISOString()).toBe('2026-06-11T09:00:00.000Z');
  });

  it('lands at 09:00 across a daylight-saving change (23 hours later, not 24)', () => {
    const tz = 'Europe/Berlin';
    const before = Date.parse('2026-03-28T09:00:00Z'); // 10:00 on the 28th, winter time
    const at = nextMorning(before, tz);
    expect(localDateOf(at, tz)).toBe('2026-03-29');
    expect(new Date(wallClockOf(at, tz)).toISOString()).toBe('2026-03-29T09:00:00.000Z');
    expect(at).toBe(Date.parse('2026-03-29T07:00:00Z')); // summer time, UTC+2
  });

  it(`is ${CATCH_UP.morningHour}:00 in any zone, also far east and west`, () => {
    for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kolkata']) {
      const at = nextMorning(NOW, tz);
      expect(at).toBeGreaterThan(NOW);
      expect(at - NOW).toBeLessThanOrEqual(24 * HOUR);
      expect(new Date(wallClockOf(at, tz)).getUTCHours()).toBe(CATCH_UP.morningHour);
    }
  });
});

describe('a catch-up tab’s address', () => {
  it('a sign-in page or an address on another host (Garmin’s sso) is "not signed in"', () => {
    expect(tabAddressOutcome('strava', 'https://www.strava.com/login')).toEqual({ state: 'signed-out' });
    expect(tabAddressOutcome('strava', 'https://www.strava.com/session/new')).toEqual({ state: 'signed-out' });
    expect(tabAddressOutcome('garmin', 'https://connect.garmin.com/signin/?service=x')).toEqual({
      state: 'signed-out',
    });
    // Hip Check may not see addresses outside the two sites: the browser gives none.
    expect(tabAddressOutcome('garmin', undefined)).toEqual({ state: 'signed-out' });
    expect(tabAddressOutcome('garmin', 'https://sso.garmin.com/portal/sso/en-US/sign-in')).toEqual({
      state: 'signed-out',
    });
  });

  it('the list itself, or a page not yet loaded, goes on', () => {
    expect(tabAddressOutcome('strava', 'https://www.strava.com/athlete/training#hipcheck-catch-up')).toBeNull();
    expect(tabAddressOutcome('garmin', 'https://connect.garmin.com/modern/activities')).toBeNull();
    expect(tabAddressOutcome('garmin', 'about:blank')).toBeNull();
    // A path that merely contains the word is not a sign-in page.
    expect(tabAddressOutcome('strava', 'https://www.strava.com/athletes/loginhelp')).toBeNull();
  });
});

describe('a catch-up’s lines', () => {
  it('a list read to its end says how many activities were new, or nothing new', () => {
    const run = { ...startRun('button', NOW), added: { strava: 2, garmin: 0 } };
    expect(outcomeOfStop(run, 'strava', 'caught-up')).toEqual({ state: 'new', activities: 2 });
    expect(outcomeOfStop(run, 'garmin', 'page-limit')).toEqual({ state: 'nothing-new' });
  });

  it('a page of the list that could not be read says so, even when the list then ended', () => {
    const run = { ...startRun('button', NOW), unreadable: ['strava' as const] };
    expect(outcomeOfStop(run, 'strava', 'caught-up')).toEqual({ state: 'unreadable' });
  });

  it('a refused list request: 429 slows down, 401 and 403 are signed out, anything else an error', () => {
    expect(listStopOfStatus(429)).toBe('rate-limited');
    expect(listStopOfStatus(401)).toBe('signed-out');
    expect(listStopOfStatus(403)).toBe('signed-out');
    expect(listStopOfStatus(500)).toBe('http-error');
    expect(listStopOfStatus(404)).toBe('http-error');
  });

  it('429, sign-in, errors', () => {
    const run = startRun('button', NOW);
    expect(outcomeOfStop(run, 'strava', 'rate-limited')).toEqual({ state: 'rate-limited' });
    expect(outcomeOfStop(run, 'strava', 'signed-out')).toEqual({ state: 'signed-out' });
    // Each says what happened: the network, the site's error, or Hip Check's own failure, never
    // "the site may have changed".
    expect(outcomeOfStop(run, 'garmin', 'network-error')).toEqual({ state: 'unreachable' });
    expect(outcomeOfStop(run, 'garmin', 'http-error')).toEqual({ state: 'site-error' });
    expect(outcomeOfStop(run, 'garmin', 'not-stored')).toEqual({ state: 'not-stored' });
  });

  it('a settled site stays settled; the run ends when both are', () => {
    const run = startRun('button', NOW);
    const one = settleSite(run, 'strava', { state: 'rate-limited' }, NOW + 1);
    expect(one.endedMs).toBeNull();
    expect(settleSite(one, 'strava', { state: 'nothing-new' }, NOW + 2)).toBe(one);
    const both = settleSite(one, 'garmin', { state: 'nothing-new' }, NOW + 3);
    expect(both.endedMs).toBe(NOW + 3);
    expect(both.sites).toEqual({ strava: { state: 'rate-limited' }, garmin: { state: 'nothing-new' } });
  });
});
