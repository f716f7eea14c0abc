import type { Activity } from '../activity';
import { addDays, dayOf } from '../local-date';

// The popup's weekly chart counts weeks exactly as the weekly-ramp rule does (weekly-ramp.ts):
// rolling 7-day blocks ending today, runs of the runner's running sports, runs without a
// distance counted as runs that add nothing. So the last two bars are the two numbers behind a
// ramp warning, and a Sunday long run never drops out of "this week" on Monday.

/** Blocks the popup shows: eight weeks, enough to see a build-up, narrow enough to label. */
export const CHART_WEEKS = 8;

export interface ChartWeek {
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
 * Running distance and runs of the last `weeks` 7-day blocks ending today, oldest first. Blocks
 * before the first run are left out (a new runner sees their own weeks, not empty ones); the
 * block ending today is always there.
 */
export function rollingWeeks(
  today: string,
  activities: readonly Activity[],
  runningSports: readonly string[],
  weeks: number = CHART_WEEKS,
): ChartWeek[] {
  const t = dayOf(today);
  const running = new Set(runningSports);
  const blocks: ChartWeek[] = Array.from({ length: weeks }, (_, i) => {
    const back = weeks - 1 - i;
    return { from: addDays(today, -7 * back - 6), to: addDays(today, -7 * back), metres: 0, runs: 0 };
  });
  for (const a of activities) {
    if (!running.has(a.sport)) continue;
    const ago = t - dayOf(a.localDate);
    if (ago < 0 || ago >= 7 * weeks) continue;
    const block = blocks[weeks - 1 - Math.floor(ago / 7)]!;
    block.runs++;
    if (a.distanceM !== null && Number.isFinite(a.distanceM) && a.distanceM > 0) block.metres += a.distanceM;
  }
  const first = blocks.findIndex((b) => b.runs > 0);
  return blocks.slice(first === -1 ? weeks - 1 : first);
}
