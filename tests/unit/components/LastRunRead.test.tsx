import { render } from 'preact';
import { speak } from '../speak';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LastRunRead, lastRunWhen } from '../../../components/LastRunRead';
import { chartNumber } from '../../../components/WeeklyChart';

afterEach(() => vi.restoreAllMocks());

// 07:12 in Berlin on 30 November 2026 (UTC+1).
const START = Date.parse('2026-11-30T06:12:00Z');
const run = { sources: ['strava', 'garmin'] as ('strava' | 'garmin')[], startMs: START, localDate: '2026-11-30' };

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

  it('names the run and every source, or only the sources for a run without a name', () => {
    speak('en');
    const root = document.createElement('div');
    render(<LastRunRead last={{ ...run, name: 'Morning Run' }} today="2026-11-30" timeZone="UTC" />, root);
    expect(root.textContent).toMatch(/^Last run read: Morning Run \(Strava, Garmin Connect, today .*6.*12.*\)$/);
    render(<LastRunRead last={{ ...run, name: '' }} today="2026-11-30" timeZone="UTC" />, root);
    expect(root.textContent).toMatch(/^Last run read: Strava, Garmin Connect, today /);
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
