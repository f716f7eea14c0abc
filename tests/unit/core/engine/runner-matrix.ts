import type { Activity } from '../../../../core/activity';
import { breakLookup, historyWindow } from '../../../../core/engine/history-window';
import type { DayPlan } from '../../../../core/engine/next-run-plan';
import { computeVerdict, type Verdict } from '../../../../core/engine/verdict';
import { addDays } from '../../../../core/local-date';
import type { Settings } from '../../../../core/settings';
import { POPUP_WEEKS } from '../../../../background/popup-state';
import { YEAR_FROM, YEAR_TO, type RunnerDiary } from './runner-diaries';
import { bound } from '../../../date-sorted';

// The runner matrix: every day of a runner's year judged twice, as the popup would show it in the
// morning (nothing of the day stored yet) and in the evening (all of the day's activities and its
// rest mark in), with the inputs the background worker hands the engine (background/popup-state.ts):
// the history window, the runs before a break when breakLookup asks, the popup's rest marks.

export type MatrixVerdict = Verdict;

export type Colour = 'green' | 'calm' | 'amber' | 'red';
export type When = 'morning' | 'evening';
export type Counts = Record<Colour, number>;

const COLOUR: Readonly<Record<string, Colour>> = {
  ok: 'green',
  calm: 'calm',
  ease_off: 'amber',
  warning: 'red',
};

export function colourOf(level: string): Colour {
  const c = COLOUR[level];
  if (!c) throw new Error(`Unknown verdict level ${level}`);
  return c;
}

export interface RunnerYear {
  id: RunnerDiary['id'];
  /** Every day of the year, in order. */
  dates: string[];
  morning: Colour[];
  evening: Colour[];
  counts: Record<When, Counts>;
}

const zero = (): Counts => ({ green: 0, calm: 0, amber: 0, red: 0 });

export interface JudgeOptions {
  /** Sees every verdict judged. */
  visit?: (v: MatrixVerdict, when: When, date: string) => void;
  /** Changes the runner's settings before judging (to try the current engine with new values). */
  adapt?: (s: Settings) => Settings;
  from?: string;
  to?: string;
}

/**
 * Judges every day from YEAR_FROM to YEAR_TO, morning and evening. The diary's activities are
 * sorted by local date (as the store's index returns them), so each verdict gets its window by
 * binary search, as in tests/bench/verdict.bench.ts.
 */
export function judgeYear(d: RunnerDiary, o: JudgeOptions = {}): RunnerYear {
  const settings = o.adapt ? o.adapt(d.settings) : d.settings;
  const all = d.activities;
  const dates = all.map((a) => a.localDate);
  for (let i = 1; i < dates.length; i++) if (dates[i - 1]! > dates[i]!) throw new Error('Diary is not sorted by date');

  const year: RunnerYear = {
    id: d.id,
    dates: [],
    morning: [],
    evening: [],
    counts: { morning: zero(), evening: zero() },
  };
  for (let today = o.from ?? YEAR_FROM; today <= (o.to ?? YEAR_TO); today = addDays(today, 1)) {
    year.dates.push(today);
    const w = historyWindow(today, settings);
    const popupFrom = addDays(today, -(POPUP_WEEKS * 7 - 1));
    const first = bound(dates, w.from < popupFrom ? w.from : popupFrom, false);
    const yesterday = addDays(today, -1);
    for (const when of ['morning', 'evening'] as const) {
      // In the morning the store holds everything up to yesterday.
      const upTo = when === 'morning' ? yesterday : today;
      const activities = all.slice(first, bound(dates, upTo, true));
      const lookup = breakLookup(today, settings, activities);
      let beforeBreak: Activity[] = [];
      if (lookup) {
        const end = bound(dates, lookup.before, false);
        beforeBreak = all.slice(Math.max(0, end - lookup.limit), end).reverse();
      }
      const restMarks = d.restMarks.filter((m) => m >= popupFrom && m <= upTo);
      const v = computeVerdict({ today, settings, activities, beforeBreak, restMarks });
      const c = colourOf(v.level);
      year[when].push(c);
      year.counts[when][c]++;
      o.visit?.(v, when, today);
    }
  }
  return year;
}

/** The colour of a date's morning or evening verdict. */
export function colourOn(y: RunnerYear, date: string, when: When): Colour {
  const i = y.dates.indexOf(date);
  if (i < 0) throw new Error(`${date} was not judged`);
  return y[when][i]!;
}

/** The dates (with when) judged a colour. */
export function datesColoured(y: RunnerYear, colour: Colour): { date: string; when: When }[] {
  const out: { date: string; when: When }[] = [];
  y.dates.forEach((date, i) => {
    if (y.morning[i] === colour) out.push({ date, when: 'morning' });
    if (y.evening[i] === colour) out.push({ date, when: 'evening' });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// What no verdict may say, whatever the runner did

const NO_CEILING: ReadonlySet<DayPlan['kind']> = new Set(['stop', 'rest', 'full_rest', 'rested', 'done']);

const ceilingOf = (p: DayPlan) => p.maxM ?? p.maxS;

/**
 * Every way the verdict contradicts itself, in words for a test failure; [] when it is coherent.
 * Only the fields that say something to the runner are looked at.
 */
export function contradictions(v: Pick<MatrixVerdict, 'today' | 'level' | 'title' | 'reasons' | 'plan'>): string[] {
  const out: string[] = [];
  const { today, next } = v.plan;
  const days = next ? [today, next] : [today];
  if (today.date !== v.today) out.push(`plan.today is ${today.date}, not the verdict's day ${v.today}`);
  if (today.kind === 'stop') {
    if (next !== null) out.push(`stop, yet a next run on ${next.date}`);
  }
  for (const p of days) {
    if (NO_CEILING.has(p.kind) && (p.maxM !== null || p.maxS !== null))
      out.push(`${p.kind} day ${p.date} carries a ceiling (${p.maxM ?? '-'} m, ${p.maxS ?? '-'} s)`);
    if (p.maxM !== null && p.maxS !== null) out.push(`${p.date} has two ceilings (${p.maxM} m and ${p.maxS} s)`);
  }
  if (next) {
    if (next.date <= today.date) out.push(`next run ${next.date} is not after today ${today.date}`);
    if (next.kind !== 'run' && next.kind !== 'easy') out.push(`next run ${next.date} is a ${next.kind} day`);
  }
  if (v.title === 'all_good' && v.level !== 'ok') out.push(`title all_good at level ${v.level}`);
  if (v.title === 'all_good' && today.kind === 'rested') out.push('title all_good on a rested day');
  if (v.level === 'warning' && !v.reasons.some((r) => r.level === 'warning'))
    out.push('level warning without a warning reason');
  // An easy day is never allowed further than a day run as planned.
  for (const e of days) {
    for (const r of days) {
      if (e.kind !== 'easy' || r.kind !== 'run') continue;
      const sameUnit = (e.maxM !== null && r.maxM !== null) || (e.maxS !== null && r.maxS !== null);
      const ce = ceilingOf(e);
      const cr = ceilingOf(r);
      if (sameUnit && ce !== null && cr !== null && ce > cr)
        out.push(`easy day ${e.date} allows ${ce}, more than run day ${r.date} (${cr})`);
    }
  }
  return out;
}
