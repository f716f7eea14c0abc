import { describe, expect, it } from 'vitest';
import type { CheckIn } from '../../../core/check-in';
import { checkInChanges, restMarkChanges, restoreChanges, settingsChanges } from '../../../core/restore-changes';
import { DEFAULT_SETTINGS, type Settings } from '../../../core/settings';

const base = (): Settings => ({ ...DEFAULT_SETTINGS, runningLoadSports: [...DEFAULT_SETTINGS.runningLoadSports] });
const checkIn = (date: string, pain: number, atMs = 1): CheckIn => ({
  date,
  pain,
  atMs,
});

describe('settingsChanges', () => {
  it('finds nothing when the settings are the same', () => {
    expect(settingsChanges(base(), base())).toEqual([]);
  });

  it('names each changed setting with its old and new value, in the settings order', () => {
    const after = { ...base(), units: 'km' as const, maxRunDaysInRow: 5, usualRestDay: 1, notifications: true };
    expect(settingsChanges({ ...base(), units: 'mi' }, after)).toEqual([
      { key: 'maxRunDaysInRow', from: 6, to: 5 },
      { key: 'usualRestDay', from: null, to: 1 },
      { key: 'units', from: 'mi', to: 'km' },
      { key: 'notifications', from: false, to: true },
    ]);
  });

  it('treats the running sports as a set: another order is no change, another sport is', () => {
    const reordered = { ...base(), runningLoadSports: [...DEFAULT_SETTINGS.runningLoadSports].reverse() };
    expect(settingsChanges(base(), reordered)).toEqual([]);
    const fewer = { ...base(), runningLoadSports: ['run' as const] };
    expect(settingsChanges(base(), fewer)).toEqual([
      { key: 'runningLoadSports', from: DEFAULT_SETTINGS.runningLoadSports, to: ['run'] },
    ]);
  });
});

describe('checkInChanges', () => {
  it('counts new dates as added, other answers as replaced, same answers (at any time) as already there', () => {
    const stored = [checkIn('2026-11-20', 2), checkIn('2026-11-21', 4)];
    const incoming = [checkIn('2026-11-20', 2, 99), checkIn('2026-11-21', 1), checkIn('2026-11-22', 0)];
    expect(checkInChanges(stored, incoming)).toEqual({ added: 1, replaced: 1, unchanged: 1 });
  });

  it('a changed yes/no answer is a replacement', () => {
    expect(
      checkInChanges([checkIn('2026-11-20', 2)], [{ ...checkIn('2026-11-20', 2), flags: ['night_or_rest'] }]),
    ).toEqual({
      added: 0,
      replaced: 1,
      unchanged: 0,
    });
  });
});

describe('restMarkChanges', () => {
  it('counts marks not stored yet, once each', () => {
    expect(restMarkChanges(['2026-11-01'], ['2026-11-01', '2026-11-02', '2026-11-02'])).toEqual({
      added: 1,
      unchanged: 1,
    });
  });
});

describe('restoreChanges', () => {
  it('gathers activities, settings, check-ins and rest marks; none of the last two when the backup has none', () => {
    const r = restoreChanges({
      activities: { added: 2, merged: 1, unchanged: 3 },
      settingsBefore: { ...base(), units: 'mi' },
      settingsAfter: { ...base(), units: 'km' },
      checkInsStored: [],
      checkInsInBackup: [],
      restMarksStored: ['2026-11-01'],
      restMarksInBackup: [],
    });
    expect(r).toEqual({
      activities: { added: 2, replaced: 1, unchanged: 3 },
      settings: [{ key: 'units', from: 'mi', to: 'km' }],
      checkIns: null,
      restMarks: null,
    });
  });
});
