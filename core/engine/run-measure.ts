import type { Activity } from '../activity';

// What an amount of running is measured in. Distance is what every rule is written in, but a
// treadmill run without a foot pod has only a time: counted as 0 km, it would make its week look
// smaller than it was and the next one look like a jump. So runs that are compared go by moving
// time (elapsed time when a source has no moving time) when more of them lack a distance than
// lack a time.

export type Measure = 'distance' | 'time';

const positive = (x: number | null): number | null => (x !== null && Number.isFinite(x) && x > 0 ? x : null);

/** The run's distance in metres; null when unknown. */
export function runMetres(a: Activity): number | null {
  return positive(a.distanceM);
}

/** The run's moving time in seconds (elapsed when there is no moving time); null when unknown. */
export function runSeconds(a: Activity): number | null {
  return positive(a.movingS) ?? positive(a.elapsedS);
}

/** Distance, unless more of the runs lack a distance (but have a time) than lack a time. */
export function measureOf(runs: Iterable<Activity>): Measure {
  let noDistance = 0;
  let noTime = 0;
  for (const a of runs) {
    const m = runMetres(a) !== null;
    const s = runSeconds(a) !== null;
    if (!m && s) noDistance++;
    else if (m && !s) noTime++;
  }
  return noDistance > noTime ? 'time' : 'distance';
}

/** The run's amount in the measure: metres or seconds; 0 when unknown. */
export function amountOf(a: Activity, measure: Measure): number {
  return (measure === 'time' ? runSeconds(a) : runMetres(a)) ?? 0;
}
