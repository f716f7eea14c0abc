import { addDays, dayOf } from '../local-date';
import type { LongRunSpike, RunCheck } from './long-run-spike';

// After a race or an ultra: short easy runs and no long run until the recovery days are over.
// "A race or an ultra" is a run of at least a half marathon that was over the warning level
// (30 %) above the runner's longest run of the 30 days before: a marathon after a 32 km
// longest, 50 km after 30 km. The days: one easy day per mile raced, a coaching rule of thumb
// (attributed to Jack Foster, and in the spirit of Higdon's four-week reverse taper after a
// marathon), not a trial result: 13 days after a half marathon, 27 after a marathon.

export const RACE_MIN_M = 21_097.5;
const METRES_PER_MILE = 1_609.344;
/** Recovery is looked for among runs this many days back (an ultra of 60+ km included). */
export const RECOVERY_LOOKBACK_DAYS = 45;

export interface RaceRecovery {
  /** The race or ultra. */
  date: string;
  distanceM: number;
  /** Easy days after it: one per mile. */
  days: number;
  /** Last day of recovery, inclusive. */
  until: string;
}

export type RecoveryReason =
  /** Recovering as planned: calm. */
  | { code: 'race_recovery'; level: 'calm'; date: string; distanceM: number; days: number; until: string }
  /** A run during recovery over the easy ceiling. */
  | {
      code: 'recovery_run_long';
      level: 'ease_off';
      date: string;
      distanceM: number;
      raceDate: string;
      until: string;
      maxM: number;
    };

/** A run that starts a recovery: at least a half marathon and over the warning level. */
export function isRace(c: RunCheck, spike: Pick<LongRunSpike, 'warningPct'>): boolean {
  return c.distanceM !== null && c.distanceM >= RACE_MIN_M && c.pctOver !== null && c.pctOver > spike.warningPct;
}

/**
 * The latest race still in recovery on `today` (its own day does not count as recovery), from
 * runs checked against their baselines (the long-run spike's checks over RECOVERY_LOOKBACK_DAYS).
 */
export function raceRecovery(today: string, checks: readonly RunCheck[], spike: Pick<LongRunSpike, 'warningPct'>) {
  let found: RaceRecovery | null = null;
  for (const c of checks) {
    if (!isRace(c, spike)) continue;
    const days = Math.ceil(c.distanceM! / METRES_PER_MILE);
    const until = addDays(c.date, days);
    if (dayOf(until) < dayOf(today)) continue;
    if (!found || c.date >= found.date) found = { date: c.date, distanceM: c.distanceM!, days, until };
  }
  return found;
}
