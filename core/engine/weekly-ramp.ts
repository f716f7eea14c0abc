import type { Activity } from '../activity';
import { dayOf } from '../local-date';
import type { Settings } from '../settings';

// Weekly ramp: the last 7 days' running distance against the 7 days before. Nielsen et al.
// (JOSPT 2014) found more distance-related injuries in novice runners who increased their weekly
// distance by more than 30 % than in those who stayed under 10 %; so the default warning is above
// +30 %, and only once the earlier week is big enough (10 km) for a percentage to mean anything.
// No "10 % rule": it failed a randomized trial (Buist et al. 2008) and is not used here.
//
// Rolling 7-day blocks ending today, not calendar weeks: a Sunday long run must not vanish from
// the count on Monday. Runs with no distance count as runs but add 0 km to the sums.

export const RAMP_DAYS = 14;

const EPSILON_PCT = 1e-9;

export interface WeeklyRamp {
  /** Running distance of the 7 days ending today (today included), metres. */
  lastWeekM: number;
  /** Running distance of the 7 days before those, metres. */
  previousWeekM: number;
  lastWeekRuns: number;
  previousWeekRuns: number;
  /** Change in %, null when the earlier week had no distance. */
  changePct: number | null;
  /** The earlier week reached weeklyRampMinBaseKm (and had some distance), so the change was judged. */
  evaluated: boolean;
  /** Judged, and more than weeklyRampWarnPct. */
  warning: boolean;
  warnPct: number;
  minBaseKm: number;
}

export function computeWeeklyRamp(
  today: string,
  activities: readonly Activity[],
  settings: Pick<Settings, 'weeklyRampWarnPct' | 'weeklyRampMinBaseKm' | 'runningLoadSports'>,
): WeeklyRamp {
  const t = dayOf(today);
  const running = new Set(settings.runningLoadSports);
  let lastWeekM = 0;
  let previousWeekM = 0;
  let lastWeekRuns = 0;
  let previousWeekRuns = 0;
  for (const a of activities) {
    if (!running.has(a.sport)) continue;
    const ago = t - dayOf(a.localDate);
    if (ago < 0 || ago >= RAMP_DAYS) continue;
    // Null (unknown) distance: the run happened, its distance adds nothing.
    const m = a.distanceM !== null && Number.isFinite(a.distanceM) && a.distanceM > 0 ? a.distanceM : 0;
    if (ago < 7) {
      lastWeekM += m;
      lastWeekRuns++;
    } else {
      previousWeekM += m;
      previousWeekRuns++;
    }
  }
  const changePct = previousWeekM > 0 ? ((lastWeekM - previousWeekM) / previousWeekM) * 100 : null;
  const evaluated = changePct !== null && previousWeekM >= settings.weeklyRampMinBaseKm * 1000;
  return {
    lastWeekM,
    previousWeekM,
    lastWeekRuns,
    previousWeekRuns,
    changePct,
    evaluated,
    warning: evaluated && changePct > settings.weeklyRampWarnPct + EPSILON_PCT,
    warnPct: settings.weeklyRampWarnPct,
    minBaseKm: settings.weeklyRampMinBaseKm,
  };
}
