import type { Activity } from '../activity';
import { addDays, isLocalDate } from '../local-date';
import { historyWindow, selectActivities, type HistoryWindow } from './history-window';
import {
  breakStart,
  computeLongRunSpike,
  type LongRunSpike,
  type RunCheck,
  type SpikeSeverity,
} from './long-run-spike';
import { computeRestStreak, type RestStreak } from './rest-streak';
import type { Settings } from '../settings';
import { computeTrainingLoad, type TrainingLoad } from './training-load';
import { computeWeeklyRamp, type WeeklyRamp } from './weekly-ramp';

// What the popup and the badge say today: one level, every reason behind it in plain words, and
// the kind of hip care to suggest. Pure: no clock, no time zone, no storage. The caller turns
// "now" and the user's time zone into `today` with localDateOf, and loads historyWindow().
//
// Levels, least to most urgent: ok, caution (a long-run spike to keep in mind), rest_due (a
// rest day is due today or tomorrow), warning (a limit was passed, a big spike or ramp, or
// red-flag symptoms). Acute:chronic load and monotony are information only and never change it.

export type Level = 'ok' | 'caution' | 'rest_due' | 'warning';

export const LEVEL_RANK: Readonly<Record<Level, number>> = { ok: 0, caution: 1, rest_due: 2, warning: 3 };

/** Every reason has a stable code, its numbers (for the UI to re-render it in any language) and an English text. */
export type Reason =
  | { code: 'red_flag_symptoms'; level: 'warning'; text: string }
  | {
      code: 'run_streak_over_limit';
      level: 'warning';
      text: string;
      /** Running days in a row (at least this many when atLeast). */
      days: number;
      atLeast: boolean;
      limit: number;
      ranToday: boolean;
      /** Today, or tomorrow when today already has a run. */
      restDueOn: string;
    }
  | {
      code: 'run_streak_at_limit';
      level: 'rest_due';
      text: string;
      days: number;
      limit: number;
      ranToday: boolean;
      restDueOn: string;
    }
  | {
      code: 'run_streak';
      level: 'ok';
      text: string;
      days: number;
      limit: number;
      ranToday: boolean;
      /** When a rest day falls due if the runner runs every day until then. */
      restDueOn: string;
    }
  | {
      code: 'full_rest_over_limit';
      level: 'warning';
      text: string;
      /** Days in a row with any activity (at least this many when atLeast). */
      days: number;
      atLeast: boolean;
      limit: number;
      activeToday: boolean;
      restDueOn: string;
    }
  | {
      code: 'full_rest_at_limit';
      level: 'rest_due';
      text: string;
      days: number;
      limit: number;
      activeToday: boolean;
      restDueOn: string;
    }
  | {
      code: 'long_run_spike';
      /** Warning for a run today or yesterday at severity warning or high; caution otherwise. */
      level: 'caution' | 'warning';
      text: string;
      severity: Exclude<SpikeSeverity, 'none'>;
      date: string;
      daysAgo: number;
      distanceM: number;
      longestM: number;
      longestDate: string;
      pctOver: number;
      /** The threshold passed: longRunCautionPct, WarningPct or HighPct. */
      thresholdPct: number;
      windowDays: number;
      afterBreak: boolean;
    }
  | {
      code: 'weekly_ramp';
      level: 'warning';
      text: string;
      lastWeekM: number;
      previousWeekM: number;
      changePct: number;
      warnPct: number;
    }
  | {
      code: 'suggested_max';
      level: 'ok';
      text: string;
      suggestedMaxM: number;
      longestM: number;
      longestDate: string;
      cautionPct: number;
      windowDays: number;
      afterBreak: boolean;
    };

export type ReasonCode = Reason['code'];

export type HipCareCode =
  | 'see_clinician'
  | 'mobility_after_run'
  | 'strength_on_rest_day'
  | 'full_rest'
  | 'extra_strength'
  | 'avoid_cross_body_stretches';

export interface HipCare {
  /** Red-flag symptoms reported: stop and see a clinician. Only then; and then nothing else is suggested. */
  seeClinician: boolean;
  /** Today has a run, or may still have one: hip mobility after it. */
  mobilityAfterRun: boolean;
  /** Today has no run (yet) and is not a full rest day: rest days are hip-strength days. */
  strengthToday: boolean;
  /** A full rest day is due today: no training, strength work included. */
  fullRestToday: boolean;
  /** After a long-run spike in the last 7 days or a weekly ramp warning: an extra strength session this week. */
  extraStrength: boolean;
  /** settings.outerHipPain: no cross-body stretches. */
  avoidCrossBodyStretches: boolean;
  /** The same, in plain words, in the order to show them. */
  advice: { code: HipCareCode; text: string }[];
}

export interface Verdict {
  today: string;
  level: Level;
  /** Most urgent first. Ok-level reasons are information (the current streak, today's suggested maximum). */
  reasons: Reason[];
  hipCare: HipCare;
  streak: RestStreak;
  longRun: LongRunSpike;
  weeklyRamp: WeeklyRamp;
  /** Null until 28 days of running history exist (within the window). Information only. */
  load: TrainingLoad | null;
  /** The dates the verdict looked at. */
  window: HistoryWindow;
}

export interface VerdictInput {
  /** The user's local date now, YYYY-MM-DD: localDateOf(Date.now(), timeZone). */
  today: string;
  settings: Settings;
  /** At least every activity of historyWindow(today, settings); anything outside it is ignored. */
  activities: readonly Activity[];
  /** The runs before a break, when breakLookup() asked for them. */
  beforeBreak?: readonly Activity[];
}

// ---------------------------------------------------------------------------------------------
// Words

function fmtKm(m: number): string {
  return `${(m / 1000).toFixed(1)} km`;
}

function fmtNum(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

/** A percentage that never reads as the threshold it passed ("10%" for 10.3 % when the rule is "more than 10 %"). */
function fmtPct(pct: number, threshold: number): string {
  const whole = Math.round(pct);
  return whole <= threshold ? pct.toFixed(1) : String(whole);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function dayWord(date: string, today: string): string {
  return date === today ? 'today' : 'tomorrow';
}

function runLabel(c: { date: string; daysAgo: number; distanceM: number }): string {
  if (c.daysAgo === 0) return `Today's run (${fmtKm(c.distanceM)})`;
  if (c.daysAgo === 1) return `Yesterday's run (${fmtKm(c.distanceM)})`;
  return `Your run of ${c.date} (${fmtKm(c.distanceM)})`;
}

const SEVERITY_WORD: Record<Exclude<SpikeSeverity, 'none'>, string> = {
  caution: 'a caution',
  warning: 'a warning',
  high: 'a high spike',
};

// ---------------------------------------------------------------------------------------------
// Reasons

function streakReasons(s: RestStreak, today: string): Reason[] {
  const out: Reason[] = [];
  if (s.runDays > 0 && s.restDueOn !== null) {
    const n = s.runDays;
    const lim = s.runDayLimit;
    const when = dayWord(s.restDueOn, today);
    const base = { days: n, limit: lim, ranToday: s.ranToday, restDueOn: s.restDueOn };
    if (n > lim) {
      out.push({
        code: 'run_streak_over_limit',
        level: 'warning',
        text: `${s.runDaysAtLeast ? 'At least ' : ''}${n} days in a row without a rest day; your limit is ${lim}. Make ${when} a rest day from running.`,
        atLeast: s.runDaysAtLeast,
        ...base,
      });
    } else if (n === lim) {
      out.push({
        code: 'run_streak_at_limit',
        level: 'rest_due',
        text: `${plural(n, 'running day', 'running days')} in a row; your limit is ${lim}, so ${when} is a rest day from running.`,
        ...base,
      });
    } else {
      out.push({
        code: 'run_streak',
        level: 'ok',
        text: `${plural(n, 'running day', 'running days')} in a row; your limit is ${lim}.`,
        ...base,
      });
    }
  }
  if (s.activeDays >= s.activeDayLimit && s.fullRestDueOn !== null) {
    const n = s.activeDays;
    const lim = s.activeDayLimit;
    const when = dayWord(s.fullRestDueOn, today);
    const base = { days: n, limit: lim, activeToday: s.activeToday, restDueOn: s.fullRestDueOn };
    if (n > lim) {
      out.push({
        code: 'full_rest_over_limit',
        level: 'warning',
        text: `${s.activeDaysAtLeast ? 'At least ' : ''}${n} days in a row without a full rest day; your limit is ${lim}. Make ${when} a day with no training at all.`,
        atLeast: s.activeDaysAtLeast,
        ...base,
      });
    } else {
      out.push({
        code: 'full_rest_at_limit',
        level: 'rest_due',
        text: `${plural(n, 'day', 'days')} in a row with training; your limit is ${lim}, so ${when} is a full rest day with no training at all.`,
        ...base,
      });
    }
  }
  return out;
}

function spikeReason(c: RunCheck, lr: LongRunSpike): Reason | null {
  if (c.severity === null || c.severity === 'none' || c.distanceM === null || c.pctOver === null) return null;
  if (c.baseline.longestM === null || c.baseline.longestDate === null) return null;
  const threshold = c.severity === 'high' ? lr.highPct : c.severity === 'warning' ? lr.warningPct : lr.cautionPct;
  const than = c.baseline.afterBreak
    ? `your longest run before your break (${fmtKm(c.baseline.longestM)}, on ${c.baseline.longestDate})`
    : `your longest run of the previous ${lr.windowDays} days (${fmtKm(c.baseline.longestM)})`;
  // The run itself is past once the day after it is over; what remains is recovery, a caution.
  const level = c.severity !== 'caution' && c.daysAgo <= 1 ? 'warning' : 'caution';
  return {
    code: 'long_run_spike',
    level,
    text: `${runLabel({ date: c.date, daysAgo: c.daysAgo, distanceM: c.distanceM })} was ${fmtPct(c.pctOver, threshold)}% longer than ${than}; more than ${fmtNum(threshold)}% is ${SEVERITY_WORD[c.severity]}.`,
    severity: c.severity,
    date: c.date,
    daysAgo: c.daysAgo,
    distanceM: c.distanceM,
    longestM: c.baseline.longestM,
    longestDate: c.baseline.longestDate,
    pctOver: c.pctOver,
    thresholdPct: threshold,
    windowDays: lr.windowDays,
    afterBreak: c.baseline.afterBreak,
  };
}

function rampReason(r: WeeklyRamp): Reason | null {
  if (!r.warning || r.changePct === null) return null;
  return {
    code: 'weekly_ramp',
    level: 'warning',
    text: `You ran ${fmtKm(r.lastWeekM)} in the last 7 days, ${fmtPct(r.changePct, r.warnPct)}% more than the ${fmtKm(r.previousWeekM)} of the 7 days before; more than ${fmtNum(r.warnPct)}% is a warning.`,
    lastWeekM: r.lastWeekM,
    previousWeekM: r.previousWeekM,
    changePct: r.changePct,
    warnPct: r.warnPct,
  };
}

function suggestedMaxReason(lr: LongRunSpike): Reason | null {
  const b = lr.baseline;
  if (lr.suggestedMaxM === null || b.longestM === null || b.longestDate === null) return null;
  const of = b.afterBreak
    ? `your longest run before your break, ${fmtKm(b.longestM)} on ${b.longestDate}`
    : `your longest run of the previous ${lr.windowDays} days, ${fmtKm(b.longestM)}`;
  return {
    code: 'suggested_max',
    level: 'ok',
    text: `Today's suggested maximum is ${fmtKm(lr.suggestedMaxM)}: ${fmtNum(100 + lr.cautionPct)}% of ${of}.`,
    suggestedMaxM: lr.suggestedMaxM,
    longestM: b.longestM,
    longestDate: b.longestDate,
    cautionPct: lr.cautionPct,
    windowDays: lr.windowDays,
    afterBreak: b.afterBreak,
  };
}

// ---------------------------------------------------------------------------------------------
// Hip care

function hipCareFor(settings: Settings, s: RestStreak, today: string, spike: boolean, ramp: boolean): HipCare {
  if (settings.redFlagSymptoms) {
    return {
      seeClinician: true,
      mobilityAfterRun: false,
      strengthToday: false,
      fullRestToday: false,
      extraStrength: false,
      avoidCrossBodyStretches: false,
      advice: [
        {
          code: 'see_clinician',
          text: 'You reported red-flag symptoms: stop running and see a clinician before you run or train again.',
        },
      ],
    };
  }
  const runRestToday = !s.ranToday && s.restDueOn === today;
  const fullRestToday = !s.activeToday && s.fullRestDueOn === today;
  const mobilityAfterRun = s.ranToday || (!runRestToday && !fullRestToday);
  const strengthToday = !s.ranToday && !fullRestToday;
  const extraStrength = spike || ramp;
  const avoidCrossBodyStretches = settings.outerHipPain;
  const advice: HipCare['advice'] = [];
  if (fullRestToday) {
    advice.push({ code: 'full_rest', text: 'Today is a full rest day: no training, strength work included.' });
  }
  if (mobilityAfterRun) {
    advice.push({
      code: 'mobility_after_run',
      text: s.ranToday
        ? "After today's run, a few minutes of gentle hip mobility."
        : 'If you run today, follow it with a few minutes of gentle hip mobility.',
    });
  }
  if (strengthToday) {
    advice.push({
      code: 'strength_on_rest_day',
      text: runRestToday
        ? 'Today is a rest day from running: a good day for hip and glute strength work.'
        : 'If you rest from running today, make it a hip and glute strength day.',
    });
  }
  if (extraStrength) {
    const after =
      spike && ramp
        ? 'a long-run spike and a fast weekly increase'
        : spike
          ? 'a long-run spike'
          : 'a fast weekly increase';
    advice.push({ code: 'extra_strength', text: `After ${after}, add an extra hip strength session this week.` });
  }
  if (avoidCrossBodyStretches) {
    advice.push({
      code: 'avoid_cross_body_stretches',
      text: 'With pain on the outside of the hip, leave out stretches that pull the leg across the body.',
    });
  }
  return {
    seeClinician: false,
    mobilityAfterRun,
    strengthToday,
    fullRestToday,
    extraStrength,
    avoidCrossBodyStretches,
    advice,
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * The whole verdict for today. Identical whatever the order of the activities, and a real
 * activity present twice (same key, or isSameActivity) counts once. Only the history window is
 * used, plus, after a break, the runs before it (from `beforeBreak` or `activities`).
 */
export function computeVerdict(input: VerdictInput): Verdict {
  const { today, settings } = input;
  if (!isLocalDate(today)) throw new Error(`today must be a calendar date YYYY-MM-DD, got ${JSON.stringify(today)}`);
  const window = historyWindow(today, settings);
  const all =
    input.beforeBreak && input.beforeBreak.length > 0 ? [...input.activities, ...input.beforeBreak] : input.activities;
  const inWindow = selectActivities(all, window.from, window.to);

  let forLongRun = inWindow;
  if (breakStart(today, inWindow, settings) !== null) {
    const earlier = selectActivities(all, null, addDays(window.from, -1));
    if (earlier.length > 0) forLongRun = [...earlier, ...inWindow];
  }

  const streak = computeRestStreak(today, inWindow, settings, window.days);
  const longRun = computeLongRunSpike(today, forLongRun, settings);
  const weeklyRamp = computeWeeklyRamp(today, inWindow, settings);
  const load = computeTrainingLoad(today, inWindow, settings);

  const reasons: Reason[] = [];
  if (settings.redFlagSymptoms) {
    reasons.push({
      code: 'red_flag_symptoms',
      level: 'warning',
      text: 'You reported red-flag symptoms: stop running and see a clinician.',
    });
  }
  reasons.push(...streakReasons(streak, today));
  // Latest run first: the one the runner is thinking of.
  for (let i = longRun.recentRuns.length - 1; i >= 0; i--) {
    const r = spikeReason(longRun.recentRuns[i] as RunCheck, longRun);
    if (r) reasons.push(r);
  }
  const ramp = rampReason(weeklyRamp);
  if (ramp) reasons.push(ramp);
  const max = suggestedMaxReason(longRun);
  if (max) reasons.push(max);
  // Stable sort: most urgent first, the order above within a level.
  reasons.sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level]);

  const level = reasons.reduce<Level>((acc, r) => (LEVEL_RANK[r.level] > LEVEL_RANK[acc] ? r.level : acc), 'ok');
  const hipCare = hipCareFor(settings, streak, today, longRun.worst !== null, weeklyRamp.warning);

  return { today, level, reasons, hipCare, streak, longRun, weeklyRamp, load, window };
}
