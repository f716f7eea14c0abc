// The plan questions' answer picks a preset. Kept apart from settings.ts so that the popup, which
// asks the questions, does not carry the settings validator in its bundle.

export type PlanPreset = 'beginner' | 'regular' | 'experienced';

/**
 * The preset for the plan questions' answer: up to 3 run days a week is alternate days
 * (beginner), 4 to 6 keeps a weekly rest day (regular), 7 is a daily runner (experienced).
 */
export function presetForPlan(runDaysPerWeek: number): PlanPreset {
  if (runDaysPerWeek <= 3) return 'beginner';
  if (runDaysPerWeek <= 6) return 'regular';
  return 'experienced';
}
