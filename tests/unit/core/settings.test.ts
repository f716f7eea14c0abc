import { describe, expect, it } from 'vitest';
import { englishText } from '../../problem-english';
import { planSettingsPatch, presetForPlan, runDayLimitForPlan } from '../../../core/plan-preset';
import {
  DEFAULT_SETTINGS,
  NUMBER_FIELDS,
  PRESET_VALUES,
  settingsFromStored,
  validateSettingsPatch,
  type Settings,
} from '../../../core/settings';

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
    [{ maxRunDaysInRow: 31 }, 'maxRunDaysInRow', '0 (off) or between 1 and 30'],
    [{ maxRunDaysInRow: -1 }, 'maxRunDaysInRow', '0 (off) or between 1 and 30'],
    [{ maxDaysWithoutFullRest: 61 }, 'maxDaysWithoutFullRest', '0 (off) or between 1 and 60'],
    [{ weeklyRampWarnPct: 0.5 }, 'weeklyRampWarnPct', '0 (off) or between 1 and 500'],
    [{ longRunWindowDays: 0 }, 'longRunWindowDays', 'between 7 and 120'],
    [{ maxRunDaysInRow: 2.5 }, 'maxRunDaysInRow', 'whole number'],
    [{ maxRunDaysInRow: '5' }, 'maxRunDaysInRow', 'number'],
    [{ weeklyRampWarnPct: Number.NaN }, 'weeklyRampWarnPct', 'number'],
    [{ weeklyRampMinBaseKm: -1 }, 'weeklyRampMinBaseKm', 'between 0 and 1000'],
    [{ units: 'furlongs' }, 'units', 'km'],
    [{ weekStartsOn: 7 }, 'weekStartsOn', 'Sunday'],
    [{ runningLoadSports: [] }, 'runningLoadSports', 'at least one'],
    [{ runningLoadSports: ['run', 'quidditch'] }, 'runningLoadSports', 'list of sports'],
    [{ lowImpactSports: ['walk', 'quidditch'] }, 'lowImpactSports', 'list of sports'],
    [{ lowImpactSports: 'walk' }, 'lowImpactSports', 'list of sports'],
    [{ notifications: 'yes' }, 'notifications', 'true or false'],
    [{ autoCatchUp: 1 }, 'autoCatchUp', 'true or false'],
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

  it('0 turns each streak limit, the easy days and the weekly ramp off', () => {
    const offable = NUMBER_FIELDS.filter((f) => f.off).map((f) => f.key);
    expect(offable.sort()).toEqual(
      ['maxDaysWithoutFullRest', 'maxRunDaysInRow', 'minEasyDaysPerWeek', 'weeklyRampWarnPct'].sort(),
    );
    const r = validateSettingsPatch(
      { maxRunDaysInRow: 0, maxDaysWithoutFullRest: 0, weeklyRampWarnPct: 0, minEasyDaysPerWeek: 0 },
      DEFAULT_SETTINGS,
    );
    expect(r.ok && r.value).toMatchObject({
      preset: 'custom',
      maxRunDaysInRow: 0,
      maxDaysWithoutFullRest: 0,
      weeklyRampWarnPct: 0,
      minEasyDaysPerWeek: 0,
    });
    // The old ranges still hold at both ends; a field that cannot be off still refuses 0.
    for (const patch of [{ maxRunDaysInRow: 1 }, { maxRunDaysInRow: 30 }, { maxDaysWithoutFullRest: 60 }])
      expect(validateSettingsPatch(patch, DEFAULT_SETTINGS).ok).toBe(true);
    expect(validateSettingsPatch({ targetRunsPerWeek: 0 }, DEFAULT_SETTINGS).ok).toBe(false);
    // Stored limits that are off stay off.
    expect(settingsFromStored({ maxRunDaysInRow: 0, maxDaysWithoutFullRest: 0, weeklyRampWarnPct: 0 })).toMatchObject({
      maxRunDaysInRow: 0,
      maxDaysWithoutFullRest: 0,
      weeklyRampWarnPct: 0,
    });
    expect(settingsFromStored({ maxRunDaysInRow: 31 }).maxRunDaysInRow).toBe(DEFAULT_SETTINGS.maxRunDaysInRow);
  });

  it('catches up by itself only once the runner turns it on', () => {
    expect(DEFAULT_SETTINGS.autoCatchUp).toBe(false);
    // Settings stored before the option existed, or damaged, leave it off.
    expect(settingsFromStored({ units: 'km' }).autoCatchUp).toBe(false);
    expect(settingsFromStored({ autoCatchUp: 'yes' }).autoCatchUp).toBe(false);
    expect(settingsFromStored({ autoCatchUp: true }).autoCatchUp).toBe(true);
    const r = validateSettingsPatch({ autoCatchUp: true }, DEFAULT_SETTINGS);
    expect(r.ok && r.value.autoCatchUp).toBe(true);
  });

  it('low-impact sports: walks and hikes by default, any list of sports, none at all', () => {
    expect(DEFAULT_SETTINGS.lowImpactSports).toEqual(['walk', 'hike']);
    const r = validateSettingsPatch({ lowImpactSports: ['walk', 'swim', 'walk'] }, DEFAULT_SETTINGS);
    expect(r.ok && r.value.lowImpactSports).toEqual(['walk', 'swim']);
    expect(r.ok && r.value.preset).toBe('regular');
    const none = validateSettingsPatch({ lowImpactSports: [] }, DEFAULT_SETTINGS);
    expect(none.ok && none.value.lowImpactSports).toEqual([]);
  });

  it('refuses a sport that would both count as running and be low impact, on the list that was changed', () => {
    const byRunning = validateSettingsPatch({ runningLoadSports: ['run', 'walk'] }, DEFAULT_SETTINGS);
    expect(byRunning.ok).toBe(false);
    if (!byRunning.ok) {
      expect(byRunning.errors).toEqual([
        { field: 'runningLoadSports', problem: { code: 'settings_sport_in_both', params: [] } },
      ]);
      expect(englishText(byRunning.errors[0]!.problem)).toContain('cannot both count as running and be low impact');
    }
    const byLowImpact = validateSettingsPatch({ lowImpactSports: ['walk', 'run'] }, DEFAULT_SETTINGS);
    expect(!byLowImpact.ok && byLowImpact.errors.map((e) => [e.field, e.problem.code])).toEqual([
      ['lowImpactSports', 'settings_sport_in_both'],
    ]);
    // Moving a sport from one list to the other in one change is fine.
    const moved = validateSettingsPatch(
      { runningLoadSports: ['run', 'walk'], lowImpactSports: ['hike'] },
      DEFAULT_SETTINGS,
    );
    expect(moved.ok && [moved.value.runningLoadSports, moved.value.lowImpactSports]).toEqual([
      ['run', 'walk'],
      ['hike'],
    ]);
  });

  it('settings from before low-impact sports existed: walks counted as running stay so', () => {
    const s = settingsFromStored({ runningLoadSports: ['run', 'walk'], maxRunDaysInRow: 4 });
    expect(s).toMatchObject({ runningLoadSports: ['run', 'walk'], lowImpactSports: ['hike'], maxRunDaysInRow: 4 });
    expect(settingsFromStored({ units: 'mi' }).lowImpactSports).toEqual(['walk', 'hike']);
    expect(settingsFromStored({ lowImpactSports: ['swim'] }).lowImpactSports).toEqual(['swim']);
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

describe('the preset after values typed by hand', () => {
  it('a preset’s values typed back show that preset again, any other value "custom"', () => {
    const edited = validateSettingsPatch({ maxRunDaysInRow: 5 }, DEFAULT_SETTINGS);
    expect(edited.ok && edited.value.preset).toBe('custom');
    if (!edited.ok) return;
    const back = validateSettingsPatch({ maxRunDaysInRow: 6 }, edited.value);
    expect(back.ok && back.value.preset).toBe('regular');
    // All four values of another preset, typed one by one, land on it once the last one is in.
    let s: Settings = { ...DEFAULT_SETTINGS };
    const steps = Object.entries(PRESET_VALUES.beginner);
    steps.forEach(([k, v], i) => {
      const r = validateSettingsPatch({ [k]: v }, s);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      s = r.value;
      if (i === steps.length - 1) expect(s.preset).toBe('beginner');
    });
    // A value outside the four plan values leaves the preset as it was.
    const other = validateSettingsPatch({ easyRunPct: 70 }, { ...DEFAULT_SETTINGS, preset: 'custom' });
    expect(other.ok && other.value.preset).toBe('custom');
  });

  it('the values a plan answer tuned count as its preset, typed back by hand', () => {
    const planned = validateSettingsPatch(planSettingsPatch(4, null), DEFAULT_SETTINGS);
    expect(planned.ok && planned.value).toMatchObject({ preset: 'regular', maxRunDaysInRow: 4, targetRunsPerWeek: 4 });
    if (!planned.ok) return;
    const edited = validateSettingsPatch({ maxRunDaysInRow: 5 }, planned.value);
    expect(edited.ok && edited.value.preset).toBe('custom');
    if (!edited.ok) return;
    const back = validateSettingsPatch({ maxRunDaysInRow: 4 }, edited.value);
    expect(back.ok && back.value.preset).toBe('regular');
  });

  it('a preset chosen by name is kept as chosen', () => {
    const r = validateSettingsPatch({ preset: 'custom', maxRunDaysInRow: 6 }, DEFAULT_SETTINGS);
    expect(r.ok && r.value.preset).toBe('custom');
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
  it('the plan answer sets the runs aimed for and the streak limit: 1-3 days 2, 4-6 as many, 7 none', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(runDayLimitForPlan)).toEqual([2, 2, 2, 4, 5, 6, 0]);
    // Where the preset fits the answer exactly, the plan's limit is the preset's own.
    for (const n of [1, 2, 3, 6, 7])
      expect(runDayLimitForPlan(n)).toBe(PRESET_VALUES[presetForPlan(n)].maxRunDaysInRow);
    for (let n = 1; n <= 7; n++) {
      const r = validateSettingsPatch(planSettingsPatch(n, 1), DEFAULT_SETTINGS);
      expect(r.ok && r.value).toMatchObject({
        preset: presetForPlan(n),
        runDaysPerWeek: n,
        usualRestDay: 1,
        targetRunsPerWeek: n,
        maxRunDaysInRow: runDayLimitForPlan(n),
        maxDaysWithoutFullRest: PRESET_VALUES[presetForPlan(n)].maxDaysWithoutFullRest,
        minEasyDaysPerWeek: PRESET_VALUES[presetForPlan(n)].minEasyDaysPerWeek,
      });
    }
  });

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

  // Issue #20: the beginner preset allowed 1 run day in a row (every second run in a row was red),
  // the experienced one 13 (a daily runner was red every day); now 2, and no limit with easy days.
  it('the presets: regular rests after 6 days, beginner after 2, experienced has no streak limit but 2 easy days', () => {
    expect(PRESET_VALUES.regular).toEqual({
      maxRunDaysInRow: 6,
      maxDaysWithoutFullRest: 13,
      targetRunsPerWeek: 6,
      minEasyDaysPerWeek: 0,
    });
    expect(PRESET_VALUES.experienced).toEqual({
      maxRunDaysInRow: 0,
      maxDaysWithoutFullRest: 0,
      targetRunsPerWeek: 7,
      minEasyDaysPerWeek: 2,
    });
    expect(PRESET_VALUES.beginner).toEqual({
      maxRunDaysInRow: 2,
      maxDaysWithoutFullRest: 6,
      targetRunsPerWeek: 3,
      minEasyDaysPerWeek: 0,
    });
    // Choosing a preset sets its values, the limits that are off included.
    const r0 = validateSettingsPatch({ preset: 'experienced' }, DEFAULT_SETTINGS);
    expect(r0.ok && r0.value).toMatchObject({ preset: 'experienced', maxRunDaysInRow: 0, maxDaysWithoutFullRest: 0 });
    // Every preset value stays adjustable by hand.
    const r = validateSettingsPatch({ minEasyDaysPerWeek: 3, easyRunPct: 70 }, DEFAULT_SETTINGS);
    expect(r.ok && r.value).toMatchObject({ preset: 'custom', minEasyDaysPerWeek: 3, easyRunPct: 70 });
  });
});
