import { describe, expect, it } from 'vitest';
import { makeBackup, parseBackup } from '../../../core/backup-format';
import { checkCheckIn } from '../../../core/check-in';
import { problem } from '../../../core/problem-codes';
import { DEFAULT_SETTINGS } from '../../../core/settings';

// Every refusal of a backup or a check-in is a code with its parameters, never words: the page
// words it in the runner's language (components/problem-text.ts).

const NOW = Date.parse('2026-11-25T12:00:00Z');
const settings = { ...DEFAULT_SETTINGS };
const good = makeBackup([], settings, NOW, ['2026-11-24'], [{ date: '2026-11-24', pain: 2, atMs: NOW }]);
const withOver = (over: Record<string, unknown>) => JSON.stringify({ ...good, ...over });
const stored = (id: string) => ({
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
  updatedMs: NOW,
});

describe('a refused backup says why, as a code', () => {
  it.each([
    ['not JSON', '{', { code: 'backup_not_json' }],
    ['no format', '{"version":2}', problem('backup_no_format')],
    ['no version', withOver({ version: 'two' }), problem('backup_no_version')],
    ['a newer version', withOver({ version: 7 }), problem('backup_newer_version', 7)],
    ['no activities', withOver({ activities: null }), problem('backup_no_activities')],
    ['no rest days', withOver({ restMarks: undefined }), problem('backup_no_rest_or_checkins')],
    [
      'a rest day not a date',
      withOver({ restMarks: ['2026-11-24', 'Monday'] }),
      problem('backup_rest_day_not_date', 2),
    ],
    [
      'a damaged check-in',
      withOver({ checkIns: [{ date: '2026-11-24', pain: 11 }] }),
      problem('backup_checkin_damaged', 1, problem('checkin_pain_range', 0, 10)),
    ],
    [
      'damaged settings',
      withOver({ settings: { ...settings, maxRunDaysInRow: 99 } }),
      problem(
        'backup_settings_damaged',
        'maxRunDaysInRow',
        problem('settings_range_or_off', 1, 30, problem('settings_unit_days')),
      ),
    ],
    [
      'a sport both running and low impact',
      withOver({ settings: { ...settings, runningLoadSports: ['run', 'walk'], lowImpactSports: ['walk'] } }),
      problem('backup_settings_damaged', 'lowImpactSports', problem('settings_sport_in_both')),
    ],
  ])('%s', (_, text, error) => {
    const r = parseBackup(text, NOW, settings);
    expect(r).toMatchObject({ ok: false, error });
  });

  it('the JSON error names the parser’s detail as a parameter, not as the message', () => {
    const r = parseBackup('{', NOW, settings);
    expect(r.ok).toBe(false);
    if (!r.ok && r.error.code === 'backup_not_json') expect(r.error.params[0].length).toBeGreaterThan(0);
    else throw new Error('not the JSON code');
  });

  it('a record that repeats another’s source id is reported with both positions', () => {
    const r = parseBackup(withOver({ activities: [stored('1'), stored('2'), stored('1')] }), NOW, settings);
    expect(r.ok && r.duplicates).toEqual([{ item: 'strava:1', reason: problem('backup_repeats_activity', 3, 1) }]);
  });

  it('a backup from before low-impact sports keeps its walks counted as running, and its limits', () => {
    const old: Record<string, unknown> = { ...settings, runningLoadSports: ['run', 'walk'], maxRunDaysInRow: 4 };
    delete old.lowImpactSports;
    const r = parseBackup(withOver({ settings: old }), NOW, settings);
    expect(r.ok && r.settings).toMatchObject({
      runningLoadSports: ['run', 'walk'],
      lowImpactSports: ['hike'],
      maxRunDaysInRow: 4,
    });
  });

  it('limits turned off and the low-impact sports come back from a backup', () => {
    const mine = {
      ...settings,
      maxRunDaysInRow: 0,
      maxDaysWithoutFullRest: 0,
      lowImpactSports: ['walk' as const, 'swim' as const],
    };
    const r = parseBackup(JSON.stringify(makeBackup([], mine, NOW)), NOW, settings);
    expect(r.ok && r.settings).toMatchObject({
      maxRunDaysInRow: 0,
      maxDaysWithoutFullRest: 0,
      lowImpactSports: ['walk', 'swim'],
    });
  });

  it('a good backup reads back', () => {
    const r = parseBackup(JSON.stringify(good), NOW, settings);
    expect(r).toMatchObject({ ok: true, restMarks: ['2026-11-24'], checkIns: [{ pain: 2 }] });
  });
});

describe('a refused check-in says why, as a code', () => {
  it.each([
    ['not an object', 'yes', problem('checkin_not_object')],
    ['no date', { pain: 2 }, problem('checkin_no_date')],
    ['pain out of range', { date: '2026-11-24', pain: -1 }, problem('checkin_pain_range', 0, 10)],
    ['pain not whole', { date: '2026-11-24', pain: 2.5 }, problem('checkin_pain_range', 0, 10)],
    [
      'an answer not yes or no',
      { date: '2026-11-24', pain: 2, groinWalking: 'no' },
      problem('checkin_answer_yes_no', 'groinWalking'),
    ],
    ['a place unknown', { date: '2026-11-24', pain: 2, place: 'knee' }, problem('checkin_place')],
    ['a red flag unknown', { date: '2026-11-24', pain: 2, flags: ['hop', 'gout'] }, problem('checkin_flags')],
    ['red flags not a list', { date: '2026-11-24', pain: 2, flags: 'hop' }, problem('checkin_flags')],
    [
      'a morning answer out of range',
      { date: '2026-11-24', pain: 2, morning: { pain: 12, atMs: 0 } },
      problem('checkin_pain_range', 0, 10),
    ],
  ])('%s', (_, raw, error) => {
    expect(checkCheckIn(raw, NOW)).toEqual({ ok: false, error });
  });
});

describe('check-ins in backups (issue #21)', () => {
  it('a backup carries the place, the red flags and both answers of a day, and restores them', () => {
    const day = {
      date: '2026-11-24',
      pain: 4,
      morning: { pain: 1, atMs: NOW - 40_000_000 },
      later: { pain: 4, atMs: NOW - 10_000_000 },
      place: 'outside' as const,
      flags: [],
      atMs: NOW - 10_000_000,
    };
    const text = JSON.stringify(makeBackup([], settings, NOW, [], [day]));
    const r = parseBackup(text, NOW, settings);
    expect(r.ok && r.checkIns).toEqual([day]);
  });

  it('an older backup (one pain, two yes/no questions) still imports, its answers read as today’s shape', () => {
    const old = withOver({
      checkIns: [{ date: '2026-11-24', pain: 3, nightOrRest: true, groinWalking: false, atMs: NOW }],
    });
    const r = parseBackup(old, NOW, settings);
    expect(r.ok && r.checkIns).toEqual([
      { date: '2026-11-24', pain: 3, later: { pain: 3, atMs: NOW }, flags: ['night_or_rest'], atMs: NOW },
    ]);
  });
});
