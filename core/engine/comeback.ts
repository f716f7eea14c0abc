import { median } from './median';
import type { Activity } from '../activity';
import { dateFromDayNumber, dayOf } from '../local-date';
import type { Settings } from '../settings';
import { SPIKE_REPORT_DAYS } from './long-run-spike';
import type { Constraint } from './next-run-plan';
import { amountOf, measureOf, type Measure } from './run-measure';

// Coming back after a break. After 14 or more days without a run, what the runner did before the
// break is the usual to build back to, not what the last 30 days hold: those still count the runs
// from before an injury (a full week straight away looked fine) or only the first short runs back
// (a careful 7 km after 4 and 5 km looked like a spike).
//
// The plan is coaching guidance, not trial evidence: coaches' rules of thumb and return-to-run
// protocols after injury agree on starting at about half the usual week after 2-4 weeks off and
// building back over about as long as the break, with easy runs first; no trial has compared
// rates. So, counted in weeks from the first run back (today included):
// - week 1 about 50 % of the usual week, week 2 70 %, week 3 85 %, week 4 100 %;
// - weeks 1-2: easy runs no longer than the usual run, no long run;
// - weeks 3-4: the long run comes back, up to halfway to the longest run before the break in
//   week 3 and up to that longest in week 4.
// The usual is the 28 days ending with the last run before the break: the median run day, a
// quarter of their running, and their longest run, with those dates (never "the last 30 days").
//
// The week's cap is a ceiling for the next run: what is left of it over the 6 days before, so
// that with the run the 7 days stay within it. Too little left for a real run (under 2 km or a
// third of the usual run) is a rest day; with nothing run in those days, a run is always allowed.
// Amber only when the runner goes past the plan: the 7 days since the return over this week's
// cap by more than 10 %, or a run in weeks 1-2 more than 30 % longer than the usual run. Runs no
// longer than the usual run, within the week's cap, are the plan working: calm. The cap is never
// less than one usual run, so a single such run is never too fast.
//
// "Weeks far below the usual" without a full break (a month of one short run a week) is not
// a comeback here: with runs in it, nothing marks where the usual would end, and the weekly
// ramp (weekly-ramp.ts) compares each week with the month before.

/** A break: at least this many days in a row without a run. */
export const RETURN_GAP_DAYS = 14;
/** Return weeks, counted from the first run back. */
export const RETURN_WEEKS = 4;
/** The usual: the days ending with the last run before the break. */
export const PRE_BREAK_DAYS = 28;
/** Each return week's cap, % of the usual week. */
export const RETURN_WEEK_PCT: readonly number[] = [50, 70, 85, 100];
/** Weeks without a long run: runs up to the usual run. */
export const EASY_WEEKS = 2;
/** The 7 days since the return over the week's cap by more than this: too fast. */
export const TOO_FAST_PCT = 10;
/** A run in the easy weeks longer than the usual run by more than this: a long run too early. */
export const LONG_RUN_EARLY_PCT = 30;
/** Less left of the week's cap than this (or a third of the usual run) is a rest day. */
export const MIN_RUN_M = 2000;
/** The same with moving time: 12 minutes. */
export const MIN_RUN_S = 720;
/** Days the constraints cover: today and the 7 the plan looks ahead for the next run day. */
export const COMEBACK_PLAN_DAYS = 8;

const EPSILON = 1e-9;

export type ReturnWeek = 1 | 2 | 3 | 4;

/** Amounts are metres, or seconds of moving time when the comeback's measure is 'time'. */
export interface PreBreakUsual {
  /** The PRE_BREAK_DAYS days ending with the last run before the break. */
  from: string;
  to: string;
  runDays: number;
  /** Median run day. */
  run: number;
  /** A quarter of the running of those 28 days. */
  week: number;
  /** Longest single run, and its date (the latest of equals). */
  longest: number;
  longestDate: string;
}

export interface ComebackRun {
  date: string;
  /** Metres, or seconds with the time measure; 0 when unknown. */
  amount: number;
}

export interface Comeback {
  /** The first run back; null while there is none yet (week 1 then starts with today). */
  returnedOn: string | null;
  /** The last run before the break. */
  lastRunBefore: string;
  /** Days without a run between the last run before and the first run back (or today). */
  gapDays: number;
  /** Return week 1 starts on this day: returnedOn, or today. */
  startsOn: string;
  week: ReturnWeek;
  /** Distance, or moving time when more of the runs compared lack a distance (run-measure.ts). */
  measure: Measure;
  usual: PreBreakUsual;
  /** Runs from startsOn to today, oldest first. */
  runs: ComebackRun[];
}

interface FindingBase {
  returnedOn: string | null;
  lastRunBefore: string;
  gapDays: number;
  week: ReturnWeek;
  /** Amounts below are metres, or seconds of moving time when 'time'. */
  measure: Measure;
}

export type ComebackFinding =
  /** Within the plan: this week's cap and the usual it comes from. */
  | (FindingBase & {
      code: 'comeback';
      level: 'calm';
      /** This week's cap over any 7 days, and its % of the usual week. */
      weekCap: number;
      weekPct: number;
      /** Run in the 7 days ending today. */
      last7: number;
      usualRun: number;
      usualWeek: number;
      usualFrom: string;
      usualTo: string;
      longest: number;
      longestDate: string;
    })
  /** The 7 days ending today (since the return) over this week's cap by more than TOO_FAST_PCT. */
  | (FindingBase & {
      code: 'comeback_too_fast';
      level: 'ease_off';
      from: string;
      to: string;
      last7: number;
      weekCap: number;
      weekPct: number;
      pctOver: number;
      thresholdPct: number;
    })
  /** A run in weeks 1-2, in the last SPIKE_REPORT_DAYS days, over the usual run by more than LONG_RUN_EARLY_PCT. */
  | (FindingBase & {
      code: 'comeback_long_run_early';
      level: 'ease_off';
      date: string;
      daysAgo: number;
      run: number;
      usualRun: number;
      usualFrom: string;
      usualTo: string;
      thresholdPct: number;
    });

// ---------------------------------------------------------------------------------------------

/** Days with a run in [from, to] (from null: no lower bound), ascending, as day numbers. */
function runDaysOf(runs: readonly Activity[], running: ReadonlySet<string>, from: string | null, to: string): number[] {
  const dates = new Set<string>();
  for (const a of runs) {
    const d = a.localDate;
    if (running.has(a.sport) && d <= to && (from === null || d >= from)) dates.add(d);
  }
  return [...dates].map(dayOf).sort((x, y) => x - y);
}

/**
 * The latest break and the first run back within the return weeks: `prev` the last run before
 * (null: none in `days`), `back` the first run after (null: none yet). Null when not coming back.
 */
function findReturn(days: readonly number[], t: number): { prev: number | null; back: number | null } | null {
  const n = days.length;
  if (n === 0) return { prev: null, back: null };
  // Today is not over: the break runs to yesterday at least.
  if (t - days[n - 1]! - 1 >= RETURN_GAP_DAYS) return { prev: days[n - 1]!, back: null };
  for (let i = n - 1; i >= 0; i--) {
    const back = days[i]!;
    if (back < t - (RETURN_WEEKS * 7 - 1)) return null;
    if (i === 0) return { prev: null, back };
    const prev = days[i - 1]!;
    if (back - prev - 1 >= RETURN_GAP_DAYS) return { prev, back };
  }
  return null;
}

const weekOf = (start: number, day: number) => Math.floor((day - start) / 7) + 1;

/** The return week's cap over any 7 days; never less than one usual run (for a runner of one run a fortnight). */
export function weekCapOf(c: Comeback, week: ReturnWeek): number {
  return Math.max((c.usual.week * RETURN_WEEK_PCT[week - 1]!) / 100, c.usual.run);
}

/** The longest single run the week allows: the usual run in the easy weeks, then up to the longest. */
export function runCeilingOf(c: Comeback, week: ReturnWeek): number {
  const { run, longest } = c.usual;
  if (week <= EASY_WEEKS) return run;
  if (longest <= run) return run;
  return week === RETURN_WEEKS ? longest : run + (longest - run) / 2;
}

/**
 * Whether the runner is coming back, with the usual from before the break. `activities` must
 * hold the history window and, when comebackNeedsEarlier() says so, the runs before it; only
 * running-load sports count. Null when not coming back, or nothing before the break is known.
 */
export function findComeback(
  today: string,
  activities: readonly Activity[],
  settings: Pick<Settings, 'runningLoadSports'>,
): Comeback | null {
  const t = dayOf(today);
  const running = new Set(settings.runningLoadSports);
  const r = findReturn(runDaysOf(activities, running, null, today), t);
  if (r === null) return null;
  const prev = r.prev;
  if (prev === null) return null;
  const start = r.back ?? t;
  const runs = activities.filter((a) => running.has(a.sport) && a.localDate <= today);
  const before = runs.filter((a) => {
    const d = dayOf(a.localDate);
    return d <= prev && d > prev - PRE_BREAK_DAYS;
  });
  const since = runs
    .filter((a) => dayOf(a.localDate) >= start)
    .sort((x, y) => x.startMs - y.startMs || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const measure = measureOf([...before, ...since]);

  const byDay = new Map<number, number>();
  let longest = 0;
  let longestDay = prev;
  for (const a of before) {
    const d = dayOf(a.localDate);
    const x = amountOf(a, measure);
    byDay.set(d, (byDay.get(d) ?? 0) + x);
    if (x > longest || (x === longest && d > longestDay)) {
      longest = x;
      longestDay = d;
    }
  }
  const days = [...byDay.values()].filter((x) => x > 0);
  if (days.length === 0) return null;
  const total = days.reduce((s, x) => s + x, 0);
  return {
    returnedOn: r.back === null ? null : dateFromDayNumber(r.back),
    lastRunBefore: dateFromDayNumber(prev),
    gapDays: start - prev - 1,
    startsOn: dateFromDayNumber(start),
    week: weekOf(start, t) as ReturnWeek,
    measure,
    usual: {
      from: dateFromDayNumber(prev - PRE_BREAK_DAYS + 1),
      to: dateFromDayNumber(prev),
      runDays: days.length,
      run: median(days)!,
      week: total / (PRE_BREAK_DAYS / 7),
      longest,
      longestDate: dateFromDayNumber(longestDay),
    },
    runs: since.map((a) => ({ date: a.localDate, amount: amountOf(a, measure) })),
  };
}

/**
 * Whether the verdict must read runs from before its history window for a comeback: the usual's
 * 28 days begin before `windowFrom`, or the break reaches back past it (the last run before it is
 * not in the window). `windowActivities`: the window's activities.
 */
export function comebackNeedsEarlier(
  today: string,
  windowActivities: readonly Activity[],
  settings: Pick<Settings, 'runningLoadSports'>,
  windowFrom: string,
): boolean {
  const days = runDaysOf(windowActivities, new Set(settings.runningLoadSports), windowFrom, today);
  const r = findReturn(days, dayOf(today));
  if (!r) return false;
  return r.prev === null || r.prev - PRE_BREAK_DAYS + 1 < dayOf(windowFrom);
}

/** Each day's total, by day number. */
function dayTotals(c: Comeback): Map<number, number> {
  const m = new Map<number, number>();
  for (const r of c.runs) {
    const d = dayOf(r.date);
    m.set(d, (m.get(d) ?? 0) + r.amount);
  }
  return m;
}

function sumOver(totals: Map<number, number>, from: number, to: number): number {
  let s = 0;
  for (const [d, x] of totals) if (d >= from && d <= to) s += x;
  return s;
}

/** Today's reasons: the amber ones when the runner went past the plan, else the calm one. */
export function comebackFindings(today: string, c: Comeback): ComebackFinding[] {
  const t = dayOf(today);
  const start = dayOf(c.startsOn);
  const base: FindingBase = {
    returnedOn: c.returnedOn,
    lastRunBefore: c.lastRunBefore,
    gapDays: c.gapDays,
    week: c.week,
    measure: c.measure,
  };
  const weekCap = weekCapOf(c, c.week);
  const weekPct = RETURN_WEEK_PCT[c.week - 1]!;
  const from = Math.max(start, t - 6);
  const last7 = sumOver(dayTotals(c), from, t);
  const out: ComebackFinding[] = [];
  if (last7 > weekCap * (1 + TOO_FAST_PCT / 100) + EPSILON) {
    out.push({
      ...base,
      code: 'comeback_too_fast',
      level: 'ease_off',
      from: dateFromDayNumber(from),
      to: today,
      last7,
      weekCap,
      weekPct,
      pctOver: (last7 / weekCap - 1) * 100,
      thresholdPct: TOO_FAST_PCT,
    });
  }
  let early: ComebackRun | null = null;
  for (const r of c.runs) {
    const d = dayOf(r.date);
    if (d >= start + EASY_WEEKS * 7 || d <= t - SPIKE_REPORT_DAYS) continue;
    if (r.amount > c.usual.run * (1 + LONG_RUN_EARLY_PCT / 100) + EPSILON && (!early || r.amount >= early.amount))
      early = r;
  }
  if (early) {
    out.push({
      ...base,
      code: 'comeback_long_run_early',
      level: 'ease_off',
      date: early.date,
      daysAgo: t - dayOf(early.date),
      run: early.amount,
      usualRun: c.usual.run,
      usualFrom: c.usual.from,
      usualTo: c.usual.to,
      thresholdPct: LONG_RUN_EARLY_PCT,
    });
  }
  if (out.length > 0) return out;
  return [
    {
      ...base,
      code: 'comeback',
      level: 'calm',
      weekCap,
      weekPct,
      last7,
      usualRun: c.usual.run,
      usualWeek: c.usual.week,
      usualFrom: c.usual.from,
      usualTo: c.usual.to,
      longest: c.usual.longest,
      longestDate: c.usual.longestDate,
    },
  ];
}

/**
 * The plan's constraints for today and the COMEBACK_PLAN_DAYS - 1 days after, up to the end of
 * week 4: each day a ceiling (what is left of its week's cap over the 7 days before it, no more
 * than the week's longest run) or a rest day when too little is left; easy runs in weeks 1-2.
 * Days after today count only the runs known now, so the plan can find the next run day.
 */
export function comebackConstraints(today: string, c: Comeback): Constraint[] {
  const t = dayOf(today);
  const start = dayOf(c.startsOn);
  const last = Math.min(t + COMEBACK_PLAN_DAYS - 1, start + RETURN_WEEKS * 7 - 1);
  const totals = dayTotals(c);
  const minRun = Math.max(c.measure === 'time' ? MIN_RUN_S : MIN_RUN_M, c.usual.run / 3);
  const out: Constraint[] = [];
  for (let d = t; d <= last; d++) {
    const week = weekOf(start, d) as ReturnWeek;
    const date = dateFromDayNumber(d);
    // The day's run completes 7 days: the 6 before it count against the week's cap.
    const done = sumOver(totals, d - 6, d - 1);
    const left = weekCapOf(c, week) - done;
    if (done > 0 && left < minRun - EPSILON) {
      out.push({ kind: 'rest', date, full: false, by: 'comeback' });
      continue;
    }
    // Nothing run in those 6 days: a real run, even when the week's cap is tiny.
    const max = Math.min(Math.max(left, minRun), runCeilingOf(c, week));
    const maxM = c.measure === 'distance' ? max : null;
    const maxS = c.measure === 'time' ? max : null;
    // One range for equal days in a row.
    const prior = out.at(-1);
    if (prior?.kind === 'ceiling' && prior.maxM === maxM && prior.maxS === maxS) prior.to = date;
    else out.push({ kind: 'ceiling', from: date, to: date, maxM, maxS, by: 'comeback' });
  }
  const easyTo = Math.min(last, start + EASY_WEEKS * 7 - 1);
  if (easyTo >= t) out.push({ kind: 'easy', from: today, to: dateFromDayNumber(easyTo), by: 'comeback' });
  return out;
}
