import type { Activity } from '../activity';
import { dateFromDayNumber, dayOf } from '../local-date';
import type { Settings } from '../settings';

// Long-run spikes: each run against the longest run of the previous 30 days (settings
// .longRunWindowDays). This is the best evidence we have: Frandsen et al., Br J Sports Med 2025,
// 5,205 runners, found the injury risk rose with single sessions longer than the longest run of
// the previous 30 days, by more than 10 %, 30 % and 100 %. Hence "caution", "warning" and "high",
// and today's suggested maximum of 110 % of that longest run.
//
// After 30 or more days without any run the previous 30 days are empty; comparing against
// nothing would call every comeback run fine, so the longest run before the break is used.
//
// Runs with no distance (a treadmill session logged by time only) are runs, so they keep the
// 30-day window from counting as a break, but they have nothing to compare: they are neither
// checked nor used as the longest run.

/** Runs of this many days (today included) are checked and reported. */
export const SPIKE_REPORT_DAYS = 7;

export type SpikeSeverity = 'none' | 'caution' | 'warning' | 'high';

const SEVERITY_RANK: Record<SpikeSeverity, number> = { none: 0, caution: 1, warning: 2, high: 3 };

/** Float noise must not turn "exactly 10 % longer" into "more than 10 %". */
const EPSILON_PCT = 1e-9;

export interface Baseline {
  /** Longest run (metres) the run is compared with; null when there is none with a distance. */
  longestM: number | null;
  longestDate: string | null;
  /** No run in the window: longestM is the longest of the window that ended with the last run before the break. */
  afterBreak: boolean;
}

export interface RunCheck {
  date: string;
  /** 0 = today, 1 = yesterday, ... */
  daysAgo: number;
  distanceM: number | null;
  baseline: Baseline;
  /** How much longer than the baseline, in % (negative when shorter); null when it can't be compared. */
  pctOver: number | null;
  /** Null when it can't be compared: no distance, or no earlier run with one. */
  severity: SpikeSeverity | null;
}

export interface LongRunSpike {
  windowDays: number;
  cautionPct: number;
  warningPct: number;
  highPct: number;
  /** Longest run of the windowDays days before today (or before the break), for today. */
  baseline: Baseline;
  /** Today's suggested maximum: the baseline plus cautionPct (110 % by default). Null without a baseline. */
  suggestedMaxM: number | null;
  /** Every run of the last SPIKE_REPORT_DAYS days, today included, oldest first. */
  recentRuns: RunCheck[];
  /** The recent run with the highest severity (the latest among equals), or null if none reached caution. */
  worst: RunCheck | null;
}

type LongRunSettings = Pick<
  Settings,
  'longRunWindowDays' | 'longRunCautionPct' | 'longRunWarningPct' | 'longRunHighPct' | 'runningLoadSports'
>;

/** Run days in ascending order, with the longest distance of each (null: no run that day had one). */
interface RunDays {
  days: number[];
  longest: (number | null)[];
}

function usableDistance(m: number | null): number | null {
  return m !== null && Number.isFinite(m) && m >= 0 ? m : null;
}

function runDaysOf(activities: readonly Activity[], settings: LongRunSettings): RunDays {
  const running = new Set(settings.runningLoadSports);
  const byDay = new Map<number, number | null>();
  for (const a of activities) {
    if (!running.has(a.sport)) continue;
    const d = dayOf(a.localDate);
    const m = usableDistance(a.distanceM);
    const prev = byDay.get(d);
    if (prev === undefined) byDay.set(d, m);
    else if (m !== null && (prev === null || m > prev)) byDay.set(d, m);
  }
  const days = [...byDay.keys()].sort((x, y) => x - y);
  return { days, longest: days.map((d) => byDay.get(d) ?? null) };
}

/** Index of the first run day >= day. */
function lowerBound(days: readonly number[], day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function longestIn(r: RunDays, fromIdx: number, toIdx: number): { m: number | null; day: number | null } {
  let m: number | null = null;
  let day: number | null = null;
  for (let i = fromIdx; i < toIdx; i++) {
    const x = r.longest[i] ?? null;
    // ">=" so that of equal runs the latest is named: the one the runner remembers.
    if (x !== null && (m === null || x >= m)) {
      m = x;
      day = r.days[i]!;
    }
  }
  return { m, day };
}

function baselineFor(r: RunDays, day: number, windowDays: number): Baseline {
  const from = lowerBound(r.days, day - windowDays);
  const to = lowerBound(r.days, day);
  let afterBreak = false;
  let lo = from;
  let hi = to;
  if (from === to) {
    // No run at all in the window: a break. Use the window that ended with the last run before it.
    if (from === 0) return { longestM: null, longestDate: null, afterBreak: false };
    const last = r.days[from - 1]!;
    afterBreak = true;
    lo = lowerBound(r.days, last - windowDays + 1);
    hi = from;
  }
  const { m, day: d } = longestIn(r, lo, hi);
  return { longestM: m, longestDate: d === null ? null : dateFromDayNumber(d), afterBreak };
}

function severityOf(pct: number, s: LongRunSettings): SpikeSeverity {
  if (pct > s.longRunHighPct + EPSILON_PCT) return 'high';
  if (pct > s.longRunWarningPct + EPSILON_PCT) return 'warning';
  if (pct > s.longRunCautionPct + EPSILON_PCT) return 'caution';
  return 'none';
}

function compareByDistance(distanceM: number | null, baseline: Baseline, s: LongRunSettings) {
  const m = usableDistance(distanceM);
  if (m === null || baseline.longestM === null || baseline.longestM <= 0) return { pctOver: null, severity: null };
  const pctOver = ((m - baseline.longestM) / baseline.longestM) * 100;
  return { pctOver, severity: severityOf(pctOver, s) };
}

/**
 * Checks the runs of the last SPIKE_REPORT_DAYS days and gives today's suggested maximum.
 * `activities` must hold the window (see historyWindow) and, after a break, the runs before it;
 * only running-load sports are looked at. Several runs on one day are each checked on their own
 * against the days before, as sessions were in the study.
 */
export function computeLongRunSpike(
  today: string,
  activities: readonly Activity[],
  settings: LongRunSettings,
): LongRunSpike {
  const t = dayOf(today);
  const w = settings.longRunWindowDays;
  const r = runDaysOf(activities, settings);
  const running = new Set(settings.runningLoadSports);

  const recent: { a: Activity; day: number }[] = [];
  for (const a of activities) {
    if (!running.has(a.sport)) continue;
    const day = dayOf(a.localDate);
    if (day <= t && day > t - SPIKE_REPORT_DAYS) recent.push({ a, day });
  }
  // Oldest first; within a day by start time, then key: the same output whatever the input order.
  recent.sort(
    (x, y) => x.day - y.day || x.a.startMs - y.a.startMs || (x.a.key < y.a.key ? -1 : x.a.key > y.a.key ? 1 : 0),
  );

  const baselines = new Map<number, Baseline>();
  const baselineOn = (day: number): Baseline => {
    let b = baselines.get(day);
    if (!b) {
      b = baselineFor(r, day, w);
      baselines.set(day, b);
    }
    return b;
  };

  const recentRuns: RunCheck[] = recent.map(({ a, day }) => {
    const baseline = baselineOn(day);
    return {
      date: a.localDate,
      daysAgo: t - day,
      distanceM: usableDistance(a.distanceM),
      baseline,
      ...compareByDistance(a.distanceM, baseline, settings),
    };
  });

  let worst: RunCheck | null = null;
  for (const c of recentRuns) {
    if (c.severity === null || c.severity === 'none') continue;
    if (
      !worst ||
      SEVERITY_RANK[c.severity] > SEVERITY_RANK[worst.severity!] ||
      (SEVERITY_RANK[c.severity] === SEVERITY_RANK[worst.severity!] &&
        (c.daysAgo < worst.daysAgo || (c.daysAgo === worst.daysAgo && (c.pctOver ?? 0) > (worst.pctOver ?? 0))))
    ) {
      worst = c;
    }
  }

  const baseline = baselineOn(t);
  const suggestedMaxM =
    baseline.longestM !== null && baseline.longestM > 0
      ? baseline.longestM * (1 + settings.longRunCautionPct / 100)
      : null;

  return {
    windowDays: w,
    cautionPct: settings.longRunCautionPct,
    warningPct: settings.longRunWarningPct,
    highPct: settings.longRunHighPct,
    baseline,
    suggestedMaxM,
    recentRuns,
    worst,
  };
}

/**
 * When a run to check (or today) follows 30+ days without a run, the longest run before the
 * break is needed, and it lies before the history window. Returns the first day of that break:
 * the runs before it are wanted (runsBefore(date, limit)). Null when every check has a run in its
 * window. `activities` must hold the history window.
 */
export function breakStart(today: string, activities: readonly Activity[], settings: LongRunSettings): string | null {
  const t = dayOf(today);
  const w = settings.longRunWindowDays;
  const r = runDaysOf(activities, settings);
  const checks = r.days.filter((d) => d <= t && d > t - SPIKE_REPORT_DAYS);
  checks.push(t);
  for (const day of checks) {
    if (lowerBound(r.days, day - w) === lowerBound(r.days, day)) return dateFromDayNumber(day - w);
  }
  return null;
}
