import type { Activity } from '../activity';
import { dateFromDayNumber, dayOf } from '../local-date';
import type { Settings } from '../settings';

// Long-run spikes: each run against the longest run of the previous 30 days (settings
// .longRunWindowDays). This is the best evidence we have: Frandsen et al., Br J Sports Med 2025,
// 5,205 runners, found the injury risk rose with single sessions longer than the longest run of
// the previous 30 days, by more than 10 %, 30 % and 100 %. Hence "caution", "warning" and "high",
// and today's suggested maximum of 110 % of that longest run.
//
// A spike never raises its own ceiling. Spikes are found as the study found them (against the
// plain longest run of the 30 days before), but for the next long run's ceiling a run over the
// warning level (30 %) counts only as the longest run before it: the day after a 21 km run that
// was 50 % over a 14 km longest, the next long run is held at 15.4 km, not 23.1 km; two days
// after a marathon run off a 32 km longest, 35.2 km, not 46.4 km. A long run repeated without
// a warning is the runner's new normal and counts in full.
//
// After 30 or more days without any run the previous 30 days are empty; comparing against
// nothing would call every comeback run fine, so the longest run before the break is used.
//
// Runs with no distance (a treadmill session logged by time only) are compared by moving time
// with the longest moving time of the 30 days before. Nakaoka et al. 2021 found hours and
// kilometres gave similar load ratios, but no study validates a time-based single-run spike: the
// reason says the comparison is an estimate.

/** Runs of this many days (today included) are checked and reported. */
export const SPIKE_REPORT_DAYS = 7;

export type SpikeSeverity = 'none' | 'caution' | 'warning' | 'high';

/** Severities in order, for picking the worst of several runs. */
export const SEVERITY_RANK: Record<SpikeSeverity, number> = { none: 0, caution: 1, warning: 2, high: 3 };

/** Float noise must not turn "exactly 10 % longer" into "more than 10 %". */
const EPSILON_PCT = 1e-9;

export interface Baseline {
  /** Longest run (metres) the run is compared with; null when there is none with a distance. */
  longestM: number | null;
  longestDate: string | null;
  /** Longest moving time (seconds), for runs with no distance. */
  longestS: number | null;
  longestSDate: string | null;
  /** The same as allowed for the ceiling: a run over the warning level counts as the longest before it. */
  allowedM: number | null;
  allowedDate: string | null;
  allowedS: number | null;
  /** No run in the window: longestM is the longest of the window that ended with the last run before the break. */
  afterBreak: boolean;
}

export interface RunCheck {
  date: string;
  /** 0 = today, 1 = yesterday, ... */
  daysAgo: number;
  distanceM: number | null;
  /** Moving time, seconds (elapsed when the source has no moving time). */
  durationS: number | null;
  /** Distance when the run and the baseline have one; time (an estimate) otherwise. */
  measure: 'distance' | 'time';
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
  /** Today's long-run ceiling: the allowed baseline plus cautionPct (110 % by default). Null without a baseline. */
  suggestedMaxM: number | null;
  /** The same in moving time, seconds. */
  suggestedMaxS: number | null;
  /** Every run of the last SPIKE_REPORT_DAYS days, today included, oldest first. */
  recentRuns: RunCheck[];
  /** The recent run with the highest severity (the latest among equals), or null if none reached caution. */
  worst: RunCheck | null;
}

type LongRunSettings = Pick<
  Settings,
  'longRunWindowDays' | 'longRunCautionPct' | 'longRunWarningPct' | 'longRunHighPct' | 'runningLoadSports'
>;

/** Run days in ascending order, with the longest distance and moving time of each. */
interface RunDays {
  days: number[];
  /** The day's longest distance; null: no distance that day. */
  longest: (number | null)[];
  longestS: (number | null)[];
  /** For the ceiling: the day's longest, or the longest before it when it was over the warning level. */
  allowed: (number | null)[];
  allowedDay: (number | null)[];
  allowedS: (number | null)[];
}

function usableDistance(m: number | null): number | null {
  return m !== null && Number.isFinite(m) && m >= 0 ? m : null;
}

export function durationOf(a: Activity): number | null {
  for (const s of [a.movingS, a.elapsedS]) if (s !== null && Number.isFinite(s) && s > 0) return s;
  return null;
}

const maxOrNull = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

function runDaysOf(activities: readonly Activity[], settings: LongRunSettings): RunDays {
  const running = new Set(settings.runningLoadSports);
  const byDay = new Map<number, { m: number | null; s: number | null }>();
  for (const a of activities) {
    if (!running.has(a.sport)) continue;
    const d = dayOf(a.localDate);
    const m = usableDistance(a.distanceM);
    const sec = durationOf(a);
    const prev = byDay.get(d);
    if (prev === undefined) byDay.set(d, { m, s: sec });
    else byDay.set(d, { m: maxOrNull(prev.m, m), s: maxOrNull(prev.s, sec) });
  }
  const days = [...byDay.keys()].sort((x, y) => x - y);
  const longest = days.map((d) => byDay.get(d)!.m);
  const longestS = days.map((d) => byDay.get(d)!.s);
  const w = settings.longRunWindowDays;
  const over = 1 + settings.longRunWarningPct / 100;
  const allowed: (number | null)[] = [];
  const allowedDay: (number | null)[] = [];
  const allowedS: (number | null)[] = [];
  let lo = 0;
  for (let i = 0; i < days.length; i++) {
    while (days[lo]! < days[i]! - w) lo++;
    const m = longestIn(longest, days, lo, i);
    const sec = longestIn(longestS, days, lo, i);
    const x = longest[i] ?? null;
    const y = longestS[i] ?? null;
    const spikeM = x !== null && m.m !== null && m.m > 0 && x > m.m * over + 1e-9;
    const spikeS = y !== null && sec.m !== null && sec.m > 0 && y > sec.m * over + 1e-9;
    allowed.push(spikeM ? m.m : x);
    allowedDay.push(spikeM ? m.day : days[i]!);
    allowedS.push(spikeS ? sec.m : y);
  }
  return { days, longest, longestS, allowed, allowedDay, allowedS };
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

function longestIn(values: readonly (number | null)[], days: readonly number[], fromIdx: number, toIdx: number) {
  let m: number | null = null;
  let day: number | null = null;
  for (let i = fromIdx; i < toIdx; i++) {
    const x = values[i] ?? null;
    // ">=" so that of equal runs the latest is named: the one the runner remembers.
    if (x !== null && (m === null || x >= m)) {
      m = x;
      day = days[i]!;
    }
  }
  return { m, day };
}

const NO_BASELINE: Baseline = {
  longestM: null,
  longestDate: null,
  longestS: null,
  longestSDate: null,
  allowedM: null,
  allowedDate: null,
  allowedS: null,
  afterBreak: false,
};

function baselineFor(r: RunDays, day: number, windowDays: number): Baseline {
  const from = lowerBound(r.days, day - windowDays);
  const to = lowerBound(r.days, day);
  let afterBreak = false;
  let lo = from;
  let hi = to;
  if (from === to) {
    // No run at all in the window: a break. Use the window that ended with the last run before it.
    if (from === 0) return NO_BASELINE;
    const last = r.days[from - 1]!;
    afterBreak = true;
    lo = lowerBound(r.days, last - windowDays + 1);
    hi = from;
  }
  const m = longestIn(r.longest, r.days, lo, hi);
  const sec = longestIn(r.longestS, r.days, lo, hi);
  const al = longestIn(r.allowed, r.days, lo, hi);
  const alS = longestIn(r.allowedS, r.days, lo, hi);
  const i = al.day === null ? -1 : lowerBound(r.days, al.day);
  const alDay = i >= 0 ? r.allowedDay[i]! : null;
  return {
    longestM: m.m,
    longestDate: m.day === null ? null : dateFromDayNumber(m.day),
    longestS: sec.m,
    longestSDate: sec.day === null ? null : dateFromDayNumber(sec.day),
    allowedM: al.m,
    allowedDate: alDay === null ? null : dateFromDayNumber(alDay),
    allowedS: alS.m,
    afterBreak,
  };
}

function severityOf(pct: number, s: LongRunSettings): SpikeSeverity {
  if (pct > s.longRunHighPct + EPSILON_PCT) return 'high';
  if (pct > s.longRunWarningPct + EPSILON_PCT) return 'warning';
  if (pct > s.longRunCautionPct + EPSILON_PCT) return 'caution';
  return 'none';
}

function compare(a: Activity, baseline: Baseline, s: LongRunSettings) {
  const m = usableDistance(a.distanceM);
  if (m !== null && baseline.longestM !== null && baseline.longestM > 0) {
    const pctOver = ((m - baseline.longestM) / baseline.longestM) * 100;
    return { measure: 'distance' as const, pctOver, severity: severityOf(pctOver, s) };
  }
  const sec = durationOf(a);
  if ((m === null || m === 0) && sec !== null && baseline.longestS !== null && baseline.longestS > 0) {
    const pctOver = ((sec - baseline.longestS) / baseline.longestS) * 100;
    return { measure: 'time' as const, pctOver, severity: severityOf(pctOver, s) };
  }
  return { measure: 'distance' as const, pctOver: null, severity: null };
}

/**
 * Each run of the last `days` days (today included), oldest first, checked against the longest
 * of its own 30 days before. Several runs on one day are each checked on their own.
 */
export function checkRuns(
  today: string,
  activities: readonly Activity[],
  settings: LongRunSettings,
  days: number,
  runDays?: RunDays,
): RunCheck[] {
  const t = dayOf(today);
  const w = settings.longRunWindowDays;
  const r = runDays ?? runDaysOf(activities, settings);
  const running = new Set(settings.runningLoadSports);
  const recent: { a: Activity; day: number }[] = [];
  for (const a of activities) {
    if (!running.has(a.sport)) continue;
    const day = dayOf(a.localDate);
    if (day <= t && day > t - days) recent.push({ a, day });
  }
  // Oldest first; within a day by start time, then key: the same output whatever the input order.
  recent.sort(
    (x, y) => x.day - y.day || x.a.startMs - y.a.startMs || (x.a.key < y.a.key ? -1 : x.a.key > y.a.key ? 1 : 0),
  );
  const baselines = new Map<number, Baseline>();
  return recent.map(({ a, day }) => {
    let baseline = baselines.get(day);
    if (!baseline) {
      baseline = baselineFor(r, day, w);
      baselines.set(day, baseline);
    }
    return {
      date: a.localDate,
      daysAgo: t - day,
      distanceM: usableDistance(a.distanceM),
      durationS: durationOf(a),
      baseline,
      ...compare(a, baseline, settings),
    };
  });
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
  const recentRuns = checkRuns(today, activities, settings, SPIKE_REPORT_DAYS, r);

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

  const baseline = baselineFor(r, t, w);
  const grow = 1 + settings.longRunCautionPct / 100;
  const suggestedMaxM = baseline.allowedM !== null && baseline.allowedM > 0 ? baseline.allowedM * grow : null;
  const suggestedMaxS = baseline.allowedS !== null && baseline.allowedS > 0 ? baseline.allowedS * grow : null;

  return {
    windowDays: w,
    cautionPct: settings.longRunCautionPct,
    warningPct: settings.longRunWarningPct,
    highPct: settings.longRunHighPct,
    baseline,
    suggestedMaxM,
    suggestedMaxS,
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

export interface DayCeiling {
  date: string;
  baseline: Baseline;
  maxM: number | null;
  maxS: number | null;
}

/** The long-run ceiling of each of `days` days from today on (no runs after today are known). */
export function longRunCeilings(
  today: string,
  activities: readonly Activity[],
  settings: LongRunSettings,
  days: number,
): DayCeiling[] {
  const t = dayOf(today);
  const r = runDaysOf(activities, settings);
  const grow = 1 + settings.longRunCautionPct / 100;
  const out: DayCeiling[] = [];
  for (let i = 0; i < days; i++) {
    const baseline = baselineFor(r, t + i, settings.longRunWindowDays);
    out.push({
      date: dateFromDayNumber(t + i),
      baseline,
      maxM: baseline.allowedM !== null && baseline.allowedM > 0 ? baseline.allowedM * grow : null,
      maxS: baseline.allowedS !== null && baseline.allowedS > 0 ? baseline.allowedS * grow : null,
    });
  }
  return out;
}
