import { render } from 'preact';
import type { Source } from '../../../core/activity';
import { speak } from '../speak';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LastRunRead, lastRunWhen } from '../../../components/LastRunRead';
import { chartNumber } from '../../../components/WeeklyChart';

afterEach(() => vi.restoreAllMocks());

// 07:12 in Berlin on 30 November 2026 (UTC+1).
const START = Date.parse('2026-11-30T06:12:00Z');
const run = { sources: ['strava', 'garmin'] as Source[], startMs: START, localDate: '2026-11-30' };

describe('"Last run read"', () => {
  it('says today with the time, yesterday with the time, or the date (with the year when not this one)', () => {
    speak('en');
    expect(lastRunWhen(run, '2026-11-30', 'Europe/Berlin', 'en-GB')).toBe('today 07:12');
    expect(lastRunWhen(run, '2026-12-01', 'Europe/Berlin', 'en-GB')).toBe('yesterday 07:12');
    expect(lastRunWhen(run, '2026-12-05', 'Europe/Berlin', 'en-GB')).toMatch(/^Mon,? 30 Nov$/);
    expect(lastRunWhen(run, '2027-01-05', 'Europe/Berlin', 'en-GB')).toMatch(/^Mon,? 30 Nov 2026$/);
    speak('de');
    expect(lastRunWhen(run, '2026-11-30', 'Europe/Berlin', 'de-DE')).toBe('heute 07:12');
    expect(lastRunWhen(run, '2026-12-01', 'Europe/Berlin', 'de-DE')).toBe('gestern 07:12');
  });

  it('reads as a sentence: its own name, when, then where from, without nested brackets', () => {
    speak('en');
    const root = document.createElement('div');
    const show = (last: Parameters<typeof LastRunRead>[0]['last'], locale = 'en-GB') =>
      render(<LastRunRead last={last} today="2026-12-01" timeZone="UTC" locale={locale} />, root);
    show({ ...run, name: 'Morning Run', file: '' });
    expect(root.textContent).toMatch(/^Last run read: Morning Run, yesterday 0?6:12, from Strava and Garmin Connect$/);
    show({ ...run, localDate: '2026-11-28', name: '', file: '' });
    expect(root.textContent).toMatch(/^Last run read: Sat,? 28 Nov, from Strava and Garmin Connect$/);
    show({ ...run, sources: ['file'], name: '', file: 'run-29.fit' });
    expect(root.textContent).toMatch(/^Last run read: yesterday 0?6:12, from a file \(run-29\.fit\)$/);
    show({ ...run, sources: ['strava', 'file'], name: '', file: '' });
    expect(root.textContent).toMatch(/, from Strava and a file$/);
    expect(root.textContent).not.toMatch(/\(.*\(/);
    speak('de');
    show({ ...run, sources: ['file'], name: 'Hügel', file: 'hills.fit' }, 'de-DE');
    expect(root.textContent).toMatch(/^Zuletzt gelesener Lauf: Hügel, gestern 0?6:12, aus einer Datei \(hills\.fit\)$/);
    show({ ...run, name: '', file: '' }, 'de-DE');
    expect(root.textContent).toMatch(/, aus Strava und Garmin Connect$/);
    render(<LastRunRead last={null} today="2026-11-30" timeZone="UTC" />, root);
    expect(root.textContent).toBe('');
  });
});

describe('weekly chart labels', () => {
  it('a bar’s distance in the runner’s unit, one decimal under 100, in the reader’s language', () => {
    expect(chartNumber(47_250, 'km', 'en-US')).toBe('47.3');
    expect(chartNumber(47_250, 'mi', 'en-US')).toBe('29.4');
    expect(chartNumber(123_456, 'km', 'en-US')).toBe('123');
    expect(chartNumber(10_500, 'km', 'de-DE')).toBe('10,5');
    expect(chartNumber(0, 'km', 'en-US')).toBe('0');
  });
});
