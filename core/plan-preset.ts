// The plan questions' answer picks a preset and tunes it. Kept apart from settings.ts so that the
// popup, which asks the questions, does not carry the settings validator in its bundle.

export type PlanPreset = 'beginner' | 'regular' | 'experienced';

/**
 * The preset for the plan questions' answer: up to 3 run days a week is a beginner (at most 2 in
 * a row), 4 to 6 keeps a weekly rest day (regular), 7 is a daily runner (experienced).
 */
export function presetForPlan(runDaysPerWeek: number): PlanPreset {
  if (runDaysPerWeek <= 3) return 'beginner';
  if (runDaysPerWeek <= 6) return 'regular';
  return 'experienced';
}

/**
 * Running days in a row the answer allows before a rest day falls due (0 = no limit): a beginner's
 * 2; for 4 to 6 days a week, as many as the week has runs, so running the whole week's runs in a
 * row makes "rest tomorrow", never red; a daily runner, none. Agrees with each preset's own value
 * where the preset fits the answer exactly (3, 6, 7); tests/unit/core/settings.test.ts checks it.
 */
export function runDayLimitForPlan(runDaysPerWeek: number): number {
  if (runDaysPerWeek <= 3) return 2;
  if (runDaysPerWeek >= 7) return 0;
  return runDaysPerWeek;
}

/** The settings change the plan answer makes: its preset, then the runs aimed for and the limit it says. */
export function planSettingsPatch(runDaysPerWeek: number, usualRestDay: number | null) {
  return {
    preset: presetForPlan(runDaysPerWeek),
    runDaysPerWeek,
    usualRestDay,
    targetRunsPerWeek: runDaysPerWeek,
    maxRunDaysInRow: runDayLimitForPlan(runDaysPerWeek),
  };
}
