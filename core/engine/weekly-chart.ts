import type { Activity } from '../activity';
import { sevenDayBlocks, type WeekBlock } from './weekly-ramp';

// The popup's weekly chart shows the weekly-ramp rule's own blocks (weekly-ramp.ts): rolling
// 7-day blocks ending today, runs of the runner's running sports, runs without a distance counted
// as runs that add nothing. So the last bar and the biggest of the four before it are the two
// numbers behind a ramp warning (in distance), and a Sunday long run never drops out of "this
// week" on Monday.

/** Blocks the popup shows: eight weeks, enough to see a build-up, narrow enough to label. */
export const CHART_WEEKS = 8;

export type ChartWeek = WeekBlock;

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
  const blocks = sevenDayBlocks(today, activities, runningSports, weeks);
  const first = blocks.findIndex((b) => b.runs > 0);
  return blocks.slice(first === -1 ? weeks - 1 : first);
}
