import type { Activity } from '../activity';
import { addDays, dayOf } from '../local-date';
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

/** One rolling 7-day block: running distance and runs. */
export interface WeekBlock {
  /** First day of the block, inclusive. */
  from: string;
  /** Last day of the block, inclusive (today for the last block). */
  to: string;
  /** Running distance, metres. */
  metres: number;
  /** Runs (activities of a running sport), with or without a distance. */
  runs: number;
}

/**
 * The last `weeks` rolling 7-day blocks ending today, oldest first. The ramp compares the last
 * two; the popup's weekly chart shows more of the same blocks (weekly-chart.ts).
 */
export function sevenDayBlocks(
  today: string,
  activities: readonly Activity[],
  runningSports: readonly string[],
  weeks: number,
): WeekBlock[] {
  const t = dayOf(today);
  const running = new Set(runningSports);
  const blocks: WeekBlock[] = Array.from({ length: weeks }, (_, i) => {
    const back = weeks - 1 - i;
    return { from: addDays(today, -7 * back - 6), to: addDays(today, -7 * back), metres: 0, runs: 0 };
  });
  for (const a of activities) {
    if (!running.has(a.sport)) continue;
    const ago = t - dayOf(a.localDate);
    if (ago < 0 || ago >= 7 * weeks) continue;
    const block = blocks[weeks - 1 - Math.floor(ago / 7)]!;
    block.runs++;
    // Null (unknown) distance: the run happened, its distance adds nothing.
    if (a.distanceM !== null && Number.isFinite(a.distanceM) && a.distanceM > 0) block.metres += a.distanceM;
  }
  return blocks;
}

export function computeWeeklyRamp(
  today: string,
  activities: readonly Activity[],
  settings: Pick<Settings, 'weeklyRampWarnPct' | 'weeklyRampMinBaseKm' | 'runningLoadSports'>,
): WeeklyRamp {
  const [previous, last] = sevenDayBlocks(today, activities, settings.runningLoadSports, RAMP_DAYS / 7) as [
    WeekBlock,
    WeekBlock,
  ];
  const lastWeekM = last.metres;
  const previousWeekM = previous.metres;
  const changePct = previousWeekM > 0 ? ((lastWeekM - previousWeekM) / previousWeekM) * 100 : null;
  const evaluated = changePct !== null && previousWeekM >= settings.weeklyRampMinBaseKm * 1000;
  return {
    lastWeekM,
    previousWeekM,
    lastWeekRuns: last.runs,
    previousWeekRuns: previous.runs,
    changePct,
    evaluated,
    warning: evaluated && changePct > settings.weeklyRampWarnPct + EPSILON_PCT,
    warnPct: settings.weeklyRampWarnPct,
    minBaseKm: settings.weeklyRampMinBaseKm,
  };
}
