import { median } from './median';
import type { Activity } from '../activity';
import { addDays, dayOf } from '../local-date';
import { selectActivities } from './history-window';
import { amountOf, measureOf } from './run-measure';

// A cadence hint for the hip (issue 21): a higher step rate shortens the stride and lowers the
// load at each step, at the knee from about +5 % and at the hip from about +10 % (Heiderscheit et
// al., Med Sci Sports Exerc 2011; Lenhart et al., J Orthop Sports Phys Ther 2014). The hint is
// the small first step, 5 %, from the runner's own cadence, never a fixed target such as 180:
// the right cadence depends on height, speed and the runner.
//
// Their cadence is the median of their easy runs of the last 28 days that carry one. Easy is
// kept simple: every run but the longest of its week (rolling 7-day weeks ending today, as the
// weekly ramp counts them), longest by distance, or by time when most runs lack a distance.
// Pace, heart rate and intervals are not looked at. Fewer than 3 such runs say too little.

export const CADENCE_HINT = {
  /** Days looked at, today included: four weeks. */
  days: 28,
  /** Easy runs with a cadence needed for a hint. */
  minRuns: 3,
  /** The suggested rise, in %. */
  risePct: 5,
} as const;

export interface CadenceHint {
  /** The median cadence of the easy runs, whole steps a minute. */
  currentSpm: number;
  /** currentSpm raised by risePct, rounded. */
  suggestedSpm: number;
  /** Easy runs whose cadence the median is taken of. */
  runs: number;
}

/** The hint for `today`, or null without enough easy runs that carry a cadence. */
export function cadenceHint(
  today: string,
  activities: readonly Activity[],
  runningSports: readonly string[],
): CadenceHint | null {
  const running = new Set(runningSports);
  const runs = selectActivities(activities, addDays(today, -(CADENCE_HINT.days - 1)), today).filter((a) =>
    running.has(a.sport),
  );
  const measure = measureOf(runs);
  // The longest run of each week (the first of equals, in the engine's order) is not an easy one.
  const longest = new Map<number, Activity>();
  const t = dayOf(today);
  const weekOf = (a: Activity) => Math.floor((t - dayOf(a.localDate)) / 7);
  for (const a of runs) {
    const w = weekOf(a);
    const l = longest.get(w);
    if (!l || amountOf(a, measure) > amountOf(l, measure)) longest.set(w, a);
  }
  const cadences = runs
    .filter((a) => longest.get(weekOf(a)) !== a && a.cadenceSpm !== undefined)
    .map((a) => a.cadenceSpm!);
  if (cadences.length < CADENCE_HINT.minRuns) return null;
  const currentSpm = Math.round(median(cadences)!);
  return {
    currentSpm,
    suggestedSpm: Math.round(currentSpm * (1 + CADENCE_HINT.risePct / 100)),
    runs: cadences.length,
  };
}
