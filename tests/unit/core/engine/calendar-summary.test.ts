import { describe, expect, it } from 'vitest';
import { dayKinds, firstRecordedDay } from '../../../../core/engine/calendar-summary';
import { computeVerdict } from '../../../../core/engine/verdict';
import { addDays } from '../../../../core/local-date';
import { act, settings } from './diary';

const TODAY = '2026-11-25';
const RUNNING = settings().runningLoadSports;
const kinds = (...args: Parameters<typeof dayKinds>) => dayKinds(...args).map((d) => d.kind);

describe('the 14-day strip before the first record', () => {
  it('a new user’s one run today: the 13 days before it are unknown, not rest', () => {
    expect(kinds(TODAY, [act(TODAY)], RUNNING, [])).toEqual([...Array<string>(13).fill('unknown'), 'run']);
  });

  it('no history at all: every day unknown', () => {
    expect(kinds(TODAY, [], RUNNING, [])).toEqual(Array(14).fill('unknown'));
  });

  it('the first record may be a rest mark or a check-in: from it on, a day without training is rest', () => {
    const mark = addDays(TODAY, -5);
    expect(kinds(TODAY, [], RUNNING, [mark])).toEqual([
      ...Array<string>(8).fill('unknown'),
      ...Array<string>(6).fill('rest'),
    ]);
    const checkIn = { date: addDays(TODAY, -2), pain: 3, atMs: 0 } as never;
    expect(kinds(TODAY, [], RUNNING, [], [checkIn])).toEqual([
      ...Array<string>(11).fill('unknown'),
      'rest',
      'rest',
      'rest',
    ]);
  });

  it('a record older than the strip, read or told: no day unknown', () => {
    expect(kinds(TODAY, [act(addDays(TODAY, -30))], RUNNING, [])).toEqual(Array(14).fill('rest'));
    // The caller knows of an older record it did not pass (the store's, before what was read).
    expect(kinds(TODAY, [act(TODAY)], RUNNING, [], [], '2025-01-01')).toEqual([
      ...Array<string>(13).fill('rest'),
      'run',
    ]);
  });

  it('the first recorded day is the earliest of activities, rest marks and check-ins', () => {
    expect(firstRecordedDay([], [])).toBeNull();
    expect(firstRecordedDay([act('2026-11-20')], ['2026-11-22'], [{ date: '2026-11-18' }])).toBe('2026-11-18');
    expect(firstRecordedDay([act('2026-11-20')], ['2026-11-10'])).toBe('2026-11-10');
  });

  it('the verdict reads the same days as before: only the strip says "unknown"', () => {
    const runs = [act(addDays(TODAY, -1)), act(TODAY)];
    const v = computeVerdict({ today: TODAY, settings: settings(), activities: runs, restMarks: [] });
    expect(v.streak.runDays).toBe(2);
    expect(v.level).toBe('ok');
  });
});
