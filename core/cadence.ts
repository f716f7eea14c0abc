import { SPORT_FAMILY, type Sport } from './activity';

// Running cadence as runners count it: steps per minute of both feet (170, not 85). The one
// place that turns a source's cadence into that, and says which values are believable.
//
// Each source's unit is known from its format, never guessed from the size of the value:
// - 'strides', one foot's steps per minute (about 70-110 for a run): FIT avg_cadence (the
//   profile's avg_running_cadence) and record cadence, with their 1/128 fractional parts; TCX
//   AvgRunCadence, RunCadence and Cadence; GPX cad; Strava's average_cadence of a run.
// - 'steps', both feet (about 140-220): Garmin Connect's averageRunningCadenceInStepsPerMinute,
//   its activity summary's averageRunCadence and the old search's WeightedMeanDoubleCadence
//   (the same figures: 111.73 for one trail run in the list and in its summary, 2 x 17.38 in
//   the old search).
//
// Walks and hikes are read the same way: the same fields count the same steps, and a walk's
// 110-130 steps a minute are kept. Any other sport's cadence counts pedal turns or strokes, not
// steps, and is never read.

/** How a source gives cadence: one foot's steps a minute, or both feet's. */
export type CadenceUnit = 'strides' | 'steps';

/** Believable steps a minute: below is a walk with stops or a broken sensor, above a sprinter's record. */
export const CADENCE_SPM = { min: 100, max: 260 } as const;

/** Whole steps a minute within CADENCE_SPM, or undefined for anything else (not a number included). */
export function plausibleCadence(spm: unknown): number | undefined {
  if (typeof spm !== 'number' || !Number.isFinite(spm)) return undefined;
  const whole = Math.round(spm);
  return whole >= CADENCE_SPM.min && whole <= CADENCE_SPM.max ? whole : undefined;
}

/** Whether a sport's cadence counts steps (running, walking and hiking). */
export function cadenceCountsSteps(sport: Sport): boolean {
  const family = SPORT_FAMILY[sport];
  return family === 'running' || family === 'walking';
}

/**
 * Steps a minute, both feet, whole, from a source's value in its unit; undefined when the
 * value is missing, zero, implausible, or the sport is not one on foot.
 */
export function cadenceSpm(value: number | null | undefined, unit: CadenceUnit, sport: Sport): number | undefined {
  if (value === null || value === undefined || !Number.isFinite(value) || value <= 0) return undefined;
  if (!cadenceCountsSteps(sport)) return undefined;
  return plausibleCadence(unit === 'strides' ? value * 2 : value);
}
