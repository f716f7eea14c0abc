import type { Activity } from '../activity';
import type { CheckIn } from '../check-in';
import { addDays } from '../local-date';
import type { Settings } from '../settings';
import { selectActivities } from './history-window';
import { checkRuns, SEVERITY_RANK, type SpikeSeverity } from './long-run-spike';
import { WEEK_MIN_ANSWERS, weekPain } from './pain-monitoring';
import { amountOf, measureOf, type Measure } from './run-measure';

// The pain trend of the options page: six weeks of the runner's pain answers, each day's morning
// answer and later one (after running, or later in the day), with that day's running beneath and
// its long-run spikes marked, so a rise can be read against the runs that came before it. The
// spikes are the long-run rule's own (checkRuns: each run against the longest of its 30 days
// before); the weeks are 7-day blocks ending today, as the pain rule's week-on-week comparison
// counts them (pain-monitoring.ts), with the mean of each answered day's highest pain.

export const TREND_WEEKS = 6;
export const TREND_DAYS = TREND_WEEKS * 7;

export type SpikeLevel = Exclude<SpikeSeverity, 'none'>;

export interface TrendDay {
  date: string;
  /** The first answer after waking, before the day's run; null when not given. */
  morning: number | null;
  /** The answer after running or later in the day; null when not given. */
  later: number | null;
  /** The day's running in the series' measure (metres or seconds); 0 when a run has neither; null: no run. */
  run: number | null;
  /** The day's worst long-run spike (caution or above), by how much (%); null when none. */
  spike: { severity: SpikeLevel; pctOver: number } | null;
}

export interface TrendWeek {
  from: string;
  to: string;
  /** Mean of each answered day's highest pain; null when no day was answered. */
  mean: number | null;
  /** Days answered in the block. */
  answered: number;
  /** Enough answers for the pain rule to compare this week with another (WEEK_MIN_ANSWERS). */
  comparable: boolean;
}

export interface PainTrend {
  /** TREND_DAYS days ending today, oldest first. */
  days: TrendDay[];
  /** TREND_WEEKS 7-day blocks ending today, oldest first. */
  weeks: TrendWeek[];
  /** What `run` is in: distance, unless most runs of the window have only a time. */
  measure: Measure;
}

type TrendSettings = Pick<
  Settings,
  'longRunWindowDays' | 'longRunCautionPct' | 'longRunWarningPct' | 'longRunHighPct' | 'runningLoadSports'
>;

/**
 * The first local date of activities the trend needs: its six weeks and, before them, the
 * long-run rule's window, so the first runs shown are judged against their own 30 days before.
 */
export function trendActivitiesFrom(today: string, settings: Pick<Settings, 'longRunWindowDays'>): string {
  return addDays(today, -(TREND_DAYS - 1 + settings.longRunWindowDays));
}

/** The first local date of check-ins the trend shows. */
export function trendFrom(today: string): string {
  return addDays(today, -(TREND_DAYS - 1));
}

/**
 * The six-week series for `today`. `activities` should reach back to trendActivitiesFrom (runs
 * before it only change which runs count as spikes); check-ins outside the six weeks are ignored.
 */
export function painTrend(
  today: string,
  checkIns: readonly CheckIn[],
  activities: readonly Activity[],
  settings: TrendSettings,
): PainTrend {
  const from = trendFrom(today);
  const byDate = new Map<string, CheckIn>();
  for (const c of checkIns) if (c.date >= from && c.date <= today) byDate.set(c.date, c);

  // Each real run once, whatever the input's order or duplicates, as the verdict counts them.
  const running = new Set<string>(settings.runningLoadSports);
  const clean = selectActivities(activities, null, today);
  const runs = clean.filter((a) => running.has(a.sport) && a.localDate >= from);
  const measure = measureOf(runs);
  const runByDate = new Map<string, number>();
  for (const a of runs) runByDate.set(a.localDate, (runByDate.get(a.localDate) ?? 0) + amountOf(a, measure));

  const spikeByDate = new Map<string, TrendDay['spike']>();
  for (const c of checkRuns(today, clean, settings, TREND_DAYS)) {
    if (c.severity === null || c.severity === 'none' || c.pctOver === null) continue;
    // Two runs on one day: the worse, then the larger.
    const seen = spikeByDate.get(c.date);
    const rank = seen ? SEVERITY_RANK[c.severity] - SEVERITY_RANK[seen.severity] : 1;
    if (rank > 0 || (rank === 0 && c.pctOver > seen!.pctOver))
      spikeByDate.set(c.date, { severity: c.severity, pctOver: c.pctOver });
  }

  const days: TrendDay[] = [];
  for (let i = 0; i < TREND_DAYS; i++) {
    const date = addDays(from, i);
    const c = byDate.get(date);
    days.push({
      date,
      morning: c?.morning?.pain ?? null,
      // An answer without its moment (an older record) is read as a later one, never as a settled morning.
      later: c ? (c.later?.pain ?? (c.morning ? null : c.pain)) : null,
      run: runByDate.get(date) ?? null,
      spike: spikeByDate.get(date) ?? null,
    });
  }

  const weeks: TrendWeek[] = [];
  for (let w = 0; w < TREND_WEEKS; w++) {
    const start = addDays(from, 7 * w);
    const { mean, answered } = weekPain(byDate, start);
    weeks.push({ from: start, to: addDays(start, 6), mean, answered, comparable: answered >= WEEK_MIN_ANSWERS });
  }
  return { days, weeks, measure };
}
