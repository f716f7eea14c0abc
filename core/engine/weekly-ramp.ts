import type { Activity } from '../activity';
import { addDays, dayOf } from '../local-date';
import type { Settings } from '../settings';
import { measureOf, runMetres, runSeconds, type Measure } from './run-measure';

// Weekly ramp: the last 7 days' running against the biggest of the four 7-day blocks before them.
// Against the previous block alone, most "steep weeks" were a runner returning to a week they had
// run many times (after a cutback week, a missed run, illness, a holiday, a race); only a week
// above all of the last month's is a real step up.
//
// The evidence is weaker than for single long runs (long-run-spike.ts): Frandsen et al. (Br J
// Sports Med 2025, 5,205 runners) found no association of week-to-week change with injury, and
// Nielsen et al. (JOSPT 2014) found more injuries above +30 % only in novices, with a confidence
// interval that crossed 1. So: a warning above weeklyRampWarnPct (+30 % by default; 0 turns it
// off), and only once the reference week is big enough (weeklyRampMinBaseKm, 10 km) for a
// percentage to mean anything. No "10 % rule": it failed a randomized trial (Buist et al. 2008).
//
// Rolling 7-day blocks ending today, not calendar weeks: a Sunday long run must not vanish from
// the count on Monday. Runs with no distance count as runs; when the blocks compared have such
// runs, they are compared by moving time instead (run-measure.ts), not as 0 km.

/** Days looked at: the last 7 and the four blocks of 7 before them. */
export const RAMP_DAYS = 35;

/** The reference is the biggest of this many blocks before the last. */
export const REFERENCE_BLOCKS = RAMP_DAYS / 7 - 1;

/** With moving time compared, weeklyRampMinBaseKm counts at this many seconds a km (an easy 6:00/km). */
export const MIN_BASE_S_PER_KM = 360;

const EPSILON_PCT = 1e-9;

export interface WeeklyRamp {
  /** What was compared: distance, or moving time when the blocks have runs without a distance. */
  measure: Measure;
  /** Running distance of the 7 days ending today (today included), metres. */
  lastWeekM: number;
  /** Moving time of those 7 days, seconds. */
  lastWeekS: number;
  lastWeekRuns: number;
  /** The biggest (in the measure) of the four 7-day blocks before, the latest of equals: metres. */
  referenceWeekM: number;
  referenceWeekS: number;
  referenceWeekRuns: number;
  /** First and last day of the reference block. */
  referenceFrom: string;
  referenceTo: string;
  /** Change against the reference in %, in the measure; null when the reference had none. */
  changePct: number | null;
  /** The reference reached weeklyRampMinBaseKm (and had some running), so the change was judged. */
  evaluated: boolean;
  /** Judged, weeklyRampWarnPct is not 0 (off), and the change was more than weeklyRampWarnPct. */
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

interface RampBlock extends WeekBlock {
  /** Moving time, seconds. */
  seconds: number;
  /** The block's runs, for choosing the measure. */
  list: Activity[];
}

function blocksOf(
  today: string,
  activities: readonly Activity[],
  runningSports: readonly string[],
  weeks: number,
): RampBlock[] {
  const t = dayOf(today);
  const running = new Set(runningSports);
  const blocks: RampBlock[] = Array.from({ length: weeks }, (_, i) => {
    const back = weeks - 1 - i;
    return {
      from: addDays(today, -7 * back - 6),
      to: addDays(today, -7 * back),
      metres: 0,
      runs: 0,
      seconds: 0,
      list: [],
    };
  });
  for (const a of activities) {
    if (!running.has(a.sport)) continue;
    const ago = t - dayOf(a.localDate);
    if (ago < 0 || ago >= 7 * weeks) continue;
    const block = blocks[weeks - 1 - Math.floor(ago / 7)]!;
    block.runs++;
    block.list.push(a);
    // Null (unknown) distance or time: the run happened, and adds nothing to that sum.
    block.metres += runMetres(a) ?? 0;
    block.seconds += runSeconds(a) ?? 0;
  }
  return blocks;
}

/**
 * The last `weeks` rolling 7-day blocks ending today, oldest first. The ramp compares the last
 * with the biggest of the four before; the popup's weekly chart shows the same blocks
 * (weekly-chart.ts).
 */
export function sevenDayBlocks(
  today: string,
  activities: readonly Activity[],
  runningSports: readonly string[],
  weeks: number,
): WeekBlock[] {
  return blocksOf(today, activities, runningSports, weeks).map(({ from, to, metres, runs }) => ({
    from,
    to,
    metres,
    runs,
  }));
}

export function computeWeeklyRamp(
  today: string,
  activities: readonly Activity[],
  settings: Pick<Settings, 'weeklyRampWarnPct' | 'weeklyRampMinBaseKm' | 'runningLoadSports'>,
): WeeklyRamp {
  const blocks = blocksOf(today, activities, settings.runningLoadSports, RAMP_DAYS / 7);
  const last = blocks[blocks.length - 1]!;
  const measure = measureOf(blocks.flatMap((b) => b.list));
  const size = (b: RampBlock) => (measure === 'time' ? b.seconds : b.metres);
  let reference = blocks[0]!;
  // ">=": of equal blocks the latest, the one the runner remembers.
  for (const b of blocks.slice(1, -1)) if (size(b) >= size(reference)) reference = b;
  const base = size(reference);
  const changePct = base > 0 ? ((size(last) - base) / base) * 100 : null;
  const minBase = settings.weeklyRampMinBaseKm * (measure === 'time' ? MIN_BASE_S_PER_KM : 1000);
  const evaluated = changePct !== null && base >= minBase;
  const warnPct = settings.weeklyRampWarnPct;
  return {
    measure,
    lastWeekM: last.metres,
    lastWeekS: last.seconds,
    lastWeekRuns: last.runs,
    referenceWeekM: reference.metres,
    referenceWeekS: reference.seconds,
    referenceWeekRuns: reference.runs,
    referenceFrom: reference.from,
    referenceTo: reference.to,
    changePct,
    evaluated,
    warning: evaluated && warnPct > 0 && changePct > warnPct + EPSILON_PCT,
    warnPct,
    minBaseKm: settings.weeklyRampMinBaseKm,
  };
}
