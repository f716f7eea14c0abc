import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, makeBackup, parseBackup } from '../../../core/backup-format';
import { checkCheckIn, checkCheckInAnswer } from '../../../core/check-in';
import { checkActivityInput, checkStoredActivity } from '../../../core/activity-validation';
import { handEntryInput } from '../../../core/hand-entry';
import { LIMITS, MAX_BACKUP_ACTIVITIES } from '../../../core/plausibility';
import { problem } from '../../../core/problem-codes';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { run } from '../activity-fixtures';

// The plausibility checkpoint applied to each kind of record (issue #24): runs, stored runs,
// check-ins and their answers, rest marks and backups, the run form.

const NOW = Date.parse('2026-11-25T12:00:00Z');
const TODAY = '2026-11-25';
const settings = { ...DEFAULT_SETTINGS };
const stored = (id: string, over: Record<string, unknown> = {}) => ({
  key: `strava:${id}`,
  sources: [{ source: 'strava', id }],
  sourceKeys: [`strava:${id}`],
  startMs: NOW - 86_400_000,
  localDate: '2026-11-24',
  sport: 'run',
  sportLabel: 'Run',
  distanceM: 5000,
  movingS: 1500,
  elapsedS: 1600,
  name: 'Run',
  updatedMs: NOW - 1000,
  ...over,
});
const backup = (over: Record<string, unknown>) =>
  JSON.stringify({ ...makeBackup([], settings, NOW), activities: [stored('1')], ...over });

describe('runs', () => {
  it('an impossible pace is refused with its speed', () => {
    expect(checkActivityInput(run({ distanceM: 20_000, movingS: 60, elapsedS: 60 }), NOW)).toEqual({
      ok: false,
      error: problem('too_fast_running', 1200, 43.2),
    });
    expect(checkActivityInput(run(), NOW).ok).toBe(true);
  });

  it("a stored run's change time must be no later than now (9e15 would win over every correction)", () => {
    for (const updatedMs of [9e15, NOW + LIMITS.futureSlackMs + 1, Date.parse('2199-01-01')])
      expect(checkStoredActivity(stored('1', { updatedMs }), NOW).ok, String(updatedMs)).toBe(false);
    for (const updatedMs of [0, -1, Number.NaN, '1'])
      expect(checkStoredActivity(stored('1', { updatedMs }), NOW).ok, String(updatedMs)).toBe(false);
    expect(checkStoredActivity(stored('1', { updatedMs: NOW }), NOW)).toMatchObject({
      ok: true,
      value: { updatedMs: NOW },
    });
    // An older record without one is read now.
    expect(checkStoredActivity(stored('1', { updatedMs: undefined }), NOW)).toMatchObject({
      value: { updatedMs: NOW },
    });
  });
});

describe('check-ins', () => {
  it('dates from 1980 to today', () => {
    for (const date of ['2099-01-01', '9999-12-31', '0100-01-01', '1979-12-31', '2026-11-27'])
      expect(checkCheckIn({ date, pain: 2, atMs: NOW }, NOW).ok, date).toBe(false);
    // Today anywhere on earth: at noon UTC that is the 26th in Kiribati.
    expect(checkCheckIn({ date: '2026-11-26', pain: 2, atMs: NOW }, NOW).ok).toBe(true);
    expect(checkCheckInAnswer({ date: '2026-11-26', pain: 2 }, TODAY)).toEqual({
      ok: false,
      error: problem('day_in_future', '2026-11-26'),
    });
    expect(checkCheckInAnswer({ date: TODAY, pain: 2 }, TODAY).ok).toBe(true);
  });

  it('change times of the check-in and of its answers up to now', () => {
    const future = NOW + 2 * LIMITS.futureSlackMs;
    expect(checkCheckIn({ date: TODAY, pain: 2, atMs: future }, NOW)).toMatchObject({
      ok: false,
      error: { code: 'change_time_in_future' },
    });
    expect(checkCheckIn({ date: TODAY, pain: 2, atMs: NOW, morning: { pain: 1, atMs: 9e15 } }, NOW)).toMatchObject({
      ok: false,
      error: { code: 'change_time_in_future' },
    });
    expect(checkCheckIn({ date: TODAY, pain: 2, atMs: NOW, later: { pain: 1, atMs: -5 } }, NOW)).toMatchObject({
      ok: false,
      error: { code: 'change_time_before_1980' },
    });
  });

  it('a time in seconds is read as seconds; 0 or none stays "not known"', () => {
    const s = Math.floor(NOW / 1000);
    expect(checkCheckIn({ date: TODAY, pain: 2, atMs: s, morning: { pain: 1, atMs: s - 60 } }, NOW)).toMatchObject({
      ok: true,
      value: { atMs: s * 1000, morning: { pain: 1, atMs: (s - 60) * 1000 } },
    });
    expect(checkCheckIn({ date: TODAY, pain: 2 }, NOW)).toMatchObject({ ok: true, value: { atMs: 0 } });
    expect(checkCheckIn({ date: TODAY, pain: 2, atMs: 0 }, NOW)).toMatchObject({ ok: true, value: { atMs: 0 } });
    // Seconds that still land in the future are refused like any other.
    expect(checkCheckIn({ date: TODAY, pain: 2, atMs: s + 86_400 }, NOW).ok).toBe(false);
  });

  it('a stored record (no clock) is read as it is: never hidden by the checks', () => {
    expect(checkCheckIn({ date: '2099-01-01', pain: 2, atMs: 9e15 }, null).ok).toBe(true);
  });
});

describe('backups', () => {
  const ok = (text: string) => parseBackup(text, NOW, settings);

  it.each([
    ['a mark dated tomorrow', ['2026-11-24', '2026-11-27'], 2, '2026-11-27', 'day_in_future'],
    ['a mark in 2099', ['2099-01-01'], 1, '2099-01-01', 'day_in_future'],
    ['a mark in 9999', ['2026-11-24', '2026-11-23', '9999-12-31'], 3, '9999-12-31', 'day_in_future'],
    ['a mark in the year 0100', ['0100-01-01'], 1, '0100-01-01', 'day_before_1980'],
  ] as const)('%s refuses the backup with its line', (_, restMarks, line, date, code) => {
    expect(ok(backup({ restMarks }))).toEqual({
      ok: false,
      error: problem('backup_rest_day_out_of_range', line, problem(code, date)),
    });
  });

  it.each([
    ['dated tomorrow', { date: '2026-11-27', pain: 1, atMs: NOW }, problem('day_in_future', '2026-11-27')],
    ['dated 1800', { date: '1800-06-01', pain: 1, atMs: NOW }, problem('day_before_1980', '1800-06-01')],
    [
      'changed in 2199',
      { date: TODAY, pain: 10, atMs: Date.parse('2199-01-01') },
      problem('change_time_in_future', '2199-01-01T00:00:00.000Z'),
    ],
  ])('a check-in %s refuses the backup with its line', (_, checkIn, error) => {
    expect(ok(backup({ checkIns: [{ date: '2026-11-20', pain: 1, atMs: NOW }, checkIn] }))).toEqual({
      ok: false,
      error: problem('backup_checkin_damaged', 2, error),
    });
  });

  it('a record changed at 9e15 refuses the backup, naming it', () => {
    expect(ok(backup({ activities: [stored('1'), stored('2', { updatedMs: 9e15 })] }))).toEqual({
      ok: false,
      error: problem('backup_activity_damaged', 2, problem('change_time_in_future', '9000000000000000')),
    });
  });

  it('the same date twice among the check-ins refuses the backup, naming both', () => {
    const c = { date: '2026-11-20', pain: 1, atMs: NOW };
    expect(ok(backup({ checkIns: [c, { ...c, date: '2026-11-21' }, { ...c, pain: 9 }] }))).toEqual({
      ok: false,
      error: problem('backup_checkin_repeated', 3, 1, '2026-11-20'),
    });
  });

  it('a date marked twice is one mark', () => {
    expect(ok(backup({ restMarks: ['2026-11-20', '2026-11-20'] }))).toMatchObject({
      ok: true,
      restMarks: ['2026-11-20'],
    });
  });

  it('more records than can be is a refusal of the whole backup, never a cap', () => {
    const days = 17_132; // one a day from 1980-01-01 to 2026-11-26, today in Kiribati
    const marks = Array.from({ length: days + 1 }, () => '2026-11-20');
    expect(ok(backup({ restMarks: marks }))).toEqual({
      ok: false,
      error: problem('backup_too_many_rest_marks', days + 1, days),
    });
    const checkIns = Array.from({ length: days + 1 }, () => ({ date: '2026-11-20', pain: 1 }));
    expect(ok(backup({ checkIns }))).toEqual({ ok: false, error: problem('backup_too_many_checkins', days + 1, days) });
    const activities = { length: MAX_BACKUP_ACTIVITIES + 1 };
    // Refused on its count, before any record is read.
    const text = `{"format":"${BACKUP_FORMAT}","version":2,"restMarks":[],"checkIns":[],"activities":[${Array.from(activities, () => '0').join(',')}]}`;
    expect(ok(text)).toEqual({
      ok: false,
      error: problem('backup_too_many_activities', MAX_BACKUP_ACTIVITIES + 1, MAX_BACKUP_ACTIVITIES),
    });
  });
});

describe('the run form', () => {
  const entry = { formId: 'abcdefgh12', another: false, when: { kind: 'now' } as const };
  it('300 miles in a minute is refused with the speed it would mean', () => {
    expect(handEntryInput({ ...entry, distanceM: 482_803, movingS: 60 }, NOW, 'UTC')).toEqual({
      ok: false,
      error: problem('too_fast_running', 28968.2, 43.2),
    });
    expect(handEntryInput({ ...entry, distanceM: 8000, movingS: 2400 }, NOW, 'UTC').ok).toBe(true);
    // A distance without a time can't be checked and is kept.
    expect(handEntryInput({ ...entry, distanceM: 482_803, movingS: null }, NOW, 'UTC').ok).toBe(true);
  });
});
