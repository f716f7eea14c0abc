import { SPORT_FAMILY, type Sport } from './activity';

// Running cadence as runners count it: steps per minute of both feet (170, not 85). The one
// place that turns a source's cadence into that, and says which values are believable.
//
// Each source's unit is known from its format, not guessed from the size of the value:
// - 'strides', one foot's steps a minute (about 70-110 for a run): FIT avg_cadence (the
//   profile's avg_running_cadence) and record cadence, with their 1/128 fractional parts; TCX
//   AvgRunCadence and RunCadence (Garmin's run extensions); Strava's average_cadence of a run.
// - 'steps', both feet (about 140-220): Garmin Connect's averageRunningCadenceInStepsPerMinute,
//   its activity summary's averageRunCadence and the old search's WeightedMeanDoubleCadence
//   (the same figures: 111.73 for one trail run in the list and in its summary, 2 x 17.38 in
//   the old search).
// - 'cycles': a cadence field made for pedal turns (TCX <Cadence>, GPX cad) and reused for
//   runs. The schemas say nothing of runs, so it is the one ambiguous unit: every writer seen
//   (Garmin, Strava, Polar) puts one foot's strides in it, and it is read so; only a value no
//   one reaches in strides (over 130 a minute, 260 steps) must be both feet's and is kept as is.
//
// Walks and hikes are read the same way: the same fields count the same steps, and a walk's
// 110-130 steps a minute are kept. Any other sport's cadence counts pedal turns or strokes, not
// steps, and is never read.

/** How a source gives cadence: one foot's steps a minute, both feet's, or a pedalling field (above). */
export type CadenceUnit = 'strides' | 'steps' | 'cycles';

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
  const strides = unit === 'strides' || (unit === 'cycles' && value * 2 <= CADENCE_SPM.max);
  return plausibleCadence(strides ? value * 2 : value);
}
