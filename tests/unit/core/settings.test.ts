import { describe, expect, it } from 'vitest';
import { englishText } from '../../problem-english';
import { DEFAULT_SETTINGS, PRESET_VALUES, settingsFromStored, validateSettingsPatch } from '../../../core/settings';

describe('settings validation', () => {
  it('accepts a valid change and returns the full new settings', () => {
    const r = validateSettingsPatch({ maxRunDaysInRow: 4 }, DEFAULT_SETTINGS);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.maxRunDaysInRow).toBe(4);
      expect(r.value.preset).toBe('custom');
      expect(r.value.longRunCautionPct).toBe(DEFAULT_SETTINGS.longRunCautionPct);
    }
  });

  it.each([
    [{ maxRunDaysInRow: 0 }, 'maxRunDaysInRow', 'between 1 and 30'],
    [{ maxRunDaysInRow: 2.5 }, 'maxRunDaysInRow', 'whole number'],
    [{ maxRunDaysInRow: '5' }, 'maxRunDaysInRow', 'number'],
    [{ weeklyRampWarnPct: Number.NaN }, 'weeklyRampWarnPct', 'number'],
    [{ weeklyRampMinBaseKm: -1 }, 'weeklyRampMinBaseKm', 'between 0 and 1000'],
    [{ units: 'furlongs' }, 'units', 'km'],
    [{ weekStartsOn: 7 }, 'weekStartsOn', 'Sunday'],
    [{ runningLoadSports: [] }, 'runningLoadSports', 'at least one'],
    [{ runningLoadSports: ['run', 'quidditch'] }, 'runningLoadSports', 'list of sports'],
    [{ notifications: 'yes' }, 'notifications', 'true or false'],
    [{ preset: 'elite' }, 'preset', 'beginner'],
    [{ longRunCautionPct: 50 }, 'longRunWarningPct', 'rise'],
    [{ bogus: 1 }, 'settings', 'Unknown setting "bogus"'],
  ])('refuses %j with a message on %s', (patch, field, text) => {
    const r = validateSettingsPatch(patch, DEFAULT_SETTINGS);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const e = r.errors.find((x) => x.field === field);
      expect(englishText(e!.problem)).toContain(text);
    }
  });

  it('refuses non-objects', () => {
    for (const bad of [null, 3, 'x', [1]]) expect(validateSettingsPatch(bad, DEFAULT_SETTINGS).ok).toBe(false);
  });

  it('a preset sets its values', () => {
    const r = validateSettingsPatch({ preset: 'beginner' }, DEFAULT_SETTINGS);
    expect(r.ok && r.value).toMatchObject({ preset: 'beginner', ...PRESET_VALUES.beginner });
  });

  it('never mutates the current settings', () => {
    const current = settingsFromStored({});
    validateSettingsPatch({ runningLoadSports: ['run'] }, current);
    expect(current.runningLoadSports).toEqual(DEFAULT_SETTINGS.runningLoadSports);
  });
});

describe('settings read from storage', () => {
  it('keeps valid stored values and replaces damaged ones with defaults', () => {
    const s = settingsFromStored({
      maxRunDaysInRow: 3,
      weeklyRampWarnPct: -5,
      units: 'mi',
      junk: true,
      preset: 'custom',
    });
    expect(s.maxRunDaysInRow).toBe(3);
    expect(s.weeklyRampWarnPct).toBe(DEFAULT_SETTINGS.weeklyRampWarnPct);
    expect(s.units).toBe('mi');
    expect(s.preset).toBe('custom');
  });

  it('keeps raised long-run levels that only make sense together', () => {
    const s = settingsFromStored({ longRunCautionPct: 40, longRunWarningPct: 60, longRunHighPct: 150 });
    expect([s.longRunCautionPct, s.longRunWarningPct, s.longRunHighPct]).toEqual([40, 60, 150]);
  });

  it('gives defaults for nothing stored', () => {
    expect(settingsFromStored(undefined)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('plan answers and easy days', () => {
  it('stores the plan answers, refuses anything else, and keeps them through storage', () => {
    const r = validateSettingsPatch({ runDaysPerWeek: 6, usualRestDay: 1 }, DEFAULT_SETTINGS);
    expect(r.ok && r.value).toMatchObject({ runDaysPerWeek: 6, usualRestDay: 1 });
    for (const bad of [{ runDaysPerWeek: 0 }, { runDaysPerWeek: 8 }, { usualRestDay: 7 }, { usualRestDay: 'Mon' }])
      expect(validateSettingsPatch(bad, DEFAULT_SETTINGS).ok).toBe(false);
    expect(settingsFromStored({ runDaysPerWeek: 6, usualRestDay: null })).toMatchObject({
      runDaysPerWeek: 6,
      usualRestDay: null,
    });
    expect(settingsFromStored({ runDaysPerWeek: 9 }).runDaysPerWeek).toBeNull();
  });

  it('the presets: regular rests after 6 days, experienced after 13 with 2 easy days, beginner every other day', () => {
    expect(PRESET_VALUES.regular).toMatchObject({ maxRunDaysInRow: 6, minEasyDaysPerWeek: 0 });
    expect(PRESET_VALUES.experienced).toMatchObject({
      maxRunDaysInRow: 13,
      maxDaysWithoutFullRest: 13,
      minEasyDaysPerWeek: 2,
    });
    expect(PRESET_VALUES.beginner.maxRunDaysInRow).toBe(1);
    // Every preset value stays adjustable by hand.
    const r = validateSettingsPatch({ minEasyDaysPerWeek: 3, easyRunPct: 70 }, DEFAULT_SETTINGS);
    expect(r.ok && r.value).toMatchObject({ preset: 'custom', minEasyDaysPerWeek: 3, easyRunPct: 70 });
  });
});
