import type { Activity } from '../activity';
import type { CheckIn } from '../check-in';
import { addDays, isLocalDate, weekdayOf } from '../local-date';
import type { Settings } from '../settings';
import { computeEasyDays, type EasyDays } from './easy-days';
import { historyWindow, selectActivities, type HistoryWindow } from './history-window';
import {
  breakStart,
  computeLongRunSpike,
  type LongRunSpike,
  type RunCheck,
  type SpikeSeverity,
} from './long-run-spike';
import { painFindings, RED_FLAG_CODES, type PainFinding } from './pain-monitoring';
import { computeRestStreak, type RestStreak } from './rest-streak';
import { computeTrainingLoad, type TrainingLoad } from './training-load';
import { computeWeeklyRamp, type WeeklyRamp } from './weekly-ramp';

// What the popup and the badge say today: one level, a title that names the day its reason
// names, and every reason behind it as a code with its numbers (the words come from _locales).
// Pure: no clock, no time zone, no storage, no English. The caller turns "now" and the user's
// time zone into `today` with localDateOf, and loads historyWindow().
//
// Levels, least to most urgent:
// - ok: nothing due;
// - rest_due: the streak reached the runner's limit: a rest day today or tomorrow. Calm: a rest
//   day the plan expects is good news, not an alarm;
// - ease_off: a weekly ramp, a long-run spike, too few easy days, pain that has not settled:
//   the advice is about distance, never "rest today";
// - warning: a limit was actually passed (a run on a day past the limit, a spike over the warning
//   level), the pain rules, or red flags.
// Acute:chronic load and monotony are information only and never change it.

export type Level = 'ok' | 'rest_due' | 'ease_off' | 'warning';

export const LEVEL_RANK: Readonly<Record<Level, number>> = { ok: 0, rest_due: 1, ease_off: 2, warning: 3 };

/** The popup's heading, naming the day when there is one. */
export type Title =
  | 'all_good'
  | 'rest_today'
  | 'rest_tomorrow'
  | 'ease_off'
  | 'warning'
  | 'warning_rest_today'
  | 'warning_rest_tomorrow'
  | 'see_clinician';

/** Every reason has a stable code and the numbers the UI needs to say it in any language. */
export type Reason =
  | { code: 'red_flag_symptoms'; level: 'warning' }
  | {
      code: 'run_streak_over_limit';
      level: 'warning';
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
      days: number;
      limit: number;
      ranToday: boolean;
      restDueOn: string;
      /** restDueOn is the runner's usual rest day: the plan and the rule agree. */
      usualRestDay: boolean;
    }
  | {
      code: 'run_streak';
      level: 'ok';
      days: number;
      limit: number;
      ranToday: boolean;
      /** When a rest day falls due if the runner runs every day until then. */
      restDueOn: string;
    }
  | {
      code: 'full_rest_over_limit';
      level: 'warning';
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
      days: number;
      limit: number;
      activeToday: boolean;
      restDueOn: string;
      usualRestDay: boolean;
    }
  | { code: 'rested_today'; level: 'ok'; date: string }
  | {
      code: 'long_run_spike';
      /** Warning for a run today or yesterday at severity warning or high; ease_off otherwise. */
      level: 'ease_off' | 'warning';
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
      /** Keep the next long run under this (the next run's suggested maximum); null if unknown. */
      nextLongRunMaxM: number | null;
    }
  | {
      code: 'weekly_ramp';
      level: 'ease_off';
      lastWeekM: number;
      previousWeekM: number;
      changePct: number;
      warnPct: number;
      /** Hold the next 7 days at or under this: the last 7 days' distance. */
      holdWeekM: number;
    }
  | {
      code: 'easy_days_few';
      level: 'ease_off';
      easyDays: number;
      minEasyDays: number;
      /** Make this day's run an easy one, up to easyMaxM. */
      date: string;
      easyMaxM: number;
      usualRunM: number;
    }
  | PainFinding
  | {
      code: 'suggested_max';
      level: 'ok';
      /** The day the maximum is for: today when a run today is sensible, else the next run day. */
      date: string;
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
  /** Red-flag symptoms reported (settings or check-in): see a GP or physiotherapist; nothing else is suggested. */
  seeClinician: boolean;
  /** Today has a run, or may still have one: hip mobility after it. */
  mobilityAfterRun: boolean;
  /** Today has no run (yet) and is not a full rest day: rest days are hip-strength days. */
  strengthToday: boolean;
  /** A full rest day is due today: no training, strength work included. */
  fullRestToday: boolean;
  /** After a long-run spike in the last 7 days or a weekly ramp: an extra strength session this week. */
  extraStrength: boolean;
  /** settings.outerHipPain: no cross-body stretches. */
  avoidCrossBodyStretches: boolean;
  /** The same as codes, in the order to show them; the words come from _locales. */
  advice: { code: HipCareCode; ranToday?: boolean; restToday?: boolean; after?: 'spike' | 'ramp' | 'both' }[];
}

export interface Verdict {
  today: string;
  level: Level;
  title: Title;
  /** Most urgent first. Ok-level reasons are information (the current streak, pain, the suggested maximum). */
  reasons: Reason[];
  /** A run today is still sensible: no rest due today, not marked as rested. */
  runTodaySensible: boolean;
  /** The next run's suggested maximum, and its day (today only when runTodaySensible). */
  nextRun: { date: string; maxM: number } | null;
  hipCare: HipCare;
  streak: RestStreak;
  longRun: LongRunSpike;
  weeklyRamp: WeeklyRamp;
  easyDays: EasyDays;
  /** Today's hip check-in, if answered. */
  checkIn: CheckIn | null;
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
  /** Days the runner marked "I rested today". */
  restMarks?: readonly string[];
  /** Hip check-ins of at least the last 14 days. */
  checkIns?: readonly CheckIn[];
}

// ---------------------------------------------------------------------------------------------
// Reasons

function streakReasons(s: RestStreak, settings: Settings): Reason[] {
  const out: Reason[] = [];
  const usual = (d: string) => settings.usualRestDay !== null && weekdayOf(d) === settings.usualRestDay;
  let runDue: string | null = null;
  if (s.runDays > 0 && s.restDueOn !== null) {
    const n = s.runDays;
    const lim = s.runDayLimit;
    const base = { days: n, limit: lim, ranToday: s.ranToday, restDueOn: s.restDueOn };
    if (n > lim) {
      out.push({ code: 'run_streak_over_limit', level: 'warning', atLeast: s.runDaysAtLeast, ...base });
      runDue = s.restDueOn;
    } else if (n === lim) {
      out.push({ code: 'run_streak_at_limit', level: 'rest_due', usualRestDay: usual(s.restDueOn), ...base });
      runDue = s.restDueOn;
    } else {
      out.push({ code: 'run_streak', level: 'ok', ...base });
    }
  }
  if (s.activeDays >= s.activeDayLimit && s.fullRestDueOn !== null) {
    const n = s.activeDays;
    const lim = s.activeDayLimit;
    const base = { days: n, limit: lim, activeToday: s.activeToday, restDueOn: s.fullRestDueOn };
    const full: Reason =
      n > lim
        ? { code: 'full_rest_over_limit', level: 'warning', atLeast: s.activeDaysAtLeast, ...base }
        : { code: 'full_rest_at_limit', level: 'rest_due', usualRestDay: usual(s.fullRestDueOn), ...base };
    // Equal limits (a daily runner's 14th day): one day due, and the full rest says it all.
    if (lim === s.runDayLimit && runDue === s.fullRestDueOn) {
      const i = out.findIndex((r) => r.code !== 'run_streak' && r.level === full.level);
      if (i >= 0) out.splice(i, 1);
    }
    out.push(full);
  }
  return out;
}

function spikeReason(c: RunCheck, lr: LongRunSpike, nextMax: number | null): Reason | null {
  if (c.severity === null || c.severity === 'none' || c.distanceM === null || c.pctOver === null) return null;
  if (c.baseline.longestM === null || c.baseline.longestDate === null) return null;
  const threshold = c.severity === 'high' ? lr.highPct : c.severity === 'warning' ? lr.warningPct : lr.cautionPct;
  // Over the warning level, today or yesterday: a limit passed. Otherwise, or once the day after
  // it is over, what remains is recovery: ease off.
  const level = c.severity !== 'caution' && c.daysAgo <= 1 ? 'warning' : 'ease_off';
  return {
    code: 'long_run_spike',
    level,
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
    nextLongRunMaxM: nextMax,
  };
}

function rampReason(r: WeeklyRamp): Reason | null {
  if (!r.warning || r.changePct === null) return null;
  return {
    code: 'weekly_ramp',
    level: 'ease_off',
    lastWeekM: r.lastWeekM,
    previousWeekM: r.referenceWeekM,
    changePct: r.changePct,
    warnPct: r.warnPct,
    holdWeekM: r.lastWeekM,
  };
}

function easyReason(e: EasyDays): Reason | null {
  if (!e.short || e.easyMaxM === null || e.usualRunM === null) return null;
  return {
    code: 'easy_days_few',
    level: 'ease_off',
    easyDays: e.easyDays,
    minEasyDays: e.minPerWeek,
    date: e.nextEasyOn,
    easyMaxM: e.easyMaxM,
    usualRunM: e.usualRunM,
  };
}

function suggestedMaxReason(lr: LongRunSpike, date: string): Reason | null {
  const b = lr.baseline;
  if (lr.suggestedMaxM === null || b.longestM === null || b.longestDate === null) return null;
  return {
    code: 'suggested_max',
    level: 'ok',
    date,
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

function hipCareFor(
  settings: Settings,
  s: RestStreak,
  today: string,
  restedToday: boolean,
  redFlag: boolean,
  spike: boolean,
  ramp: boolean,
): HipCare {
  if (redFlag) {
    return {
      seeClinician: true,
      mobilityAfterRun: false,
      strengthToday: false,
      fullRestToday: false,
      extraStrength: false,
      avoidCrossBodyStretches: false,
      advice: [{ code: 'see_clinician' }],
    };
  }
  const runRestToday = restedToday || (!s.ranToday && s.restDueOn === today);
  const fullRestToday = !s.activeToday && !restedToday && s.fullRestDueOn === today;
  const mobilityAfterRun = s.ranToday || (!runRestToday && !fullRestToday);
  const strengthToday = !s.ranToday && !fullRestToday;
  const extraStrength = spike || ramp;
  const avoidCrossBodyStretches = settings.outerHipPain;
  const advice: HipCare['advice'] = [];
  if (fullRestToday) advice.push({ code: 'full_rest' });
  if (mobilityAfterRun) advice.push({ code: 'mobility_after_run', ranToday: s.ranToday });
  if (strengthToday) advice.push({ code: 'strength_on_rest_day', restToday: runRestToday });
  if (extraStrength) advice.push({ code: 'extra_strength', after: spike && ramp ? 'both' : spike ? 'spike' : 'ramp' });
  if (avoidCrossBodyStretches) advice.push({ code: 'avoid_cross_body_stretches' });
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

function titleFor(level: Level, reasons: readonly Reason[], today: string): Title {
  const top = reasons[0];
  const dayOfTop = (r: Reason | undefined): 'today' | 'tomorrow' | null =>
    r && 'restDueOn' in r ? (r.restDueOn === today ? 'today' : 'tomorrow') : null;
  switch (level) {
    case 'ok':
      return 'all_good';
    case 'rest_due':
      return dayOfTop(top) === 'tomorrow' ? 'rest_tomorrow' : 'rest_today';
    case 'ease_off':
      return 'ease_off';
    case 'warning': {
      if (reasons.some((r) => r.code === 'red_flag_symptoms' || (RED_FLAG_CODES as string[]).includes(r.code)))
        return 'see_clinician';
      const d = dayOfTop(top);
      return d === 'today' ? 'warning_rest_today' : d === 'tomorrow' ? 'warning_rest_tomorrow' : 'warning';
    }
  }
}

/**
 * The whole verdict for today. Identical whatever the order of the activities, and a real
 * activity present twice (same key, or the same activity by core/same-activity.ts) counts once.
 * Only the history window is used, plus, after a break, the runs before it (from `beforeBreak` or
 * `activities`).
 */
export function computeVerdict(input: VerdictInput): Verdict {
  const { today, settings } = input;
  if (!isLocalDate(today)) throw new Error(`today must be a calendar date YYYY-MM-DD, got ${JSON.stringify(today)}`);
  const window = historyWindow(today, settings);
  const all =
    input.beforeBreak && input.beforeBreak.length > 0 ? [...input.activities, ...input.beforeBreak] : input.activities;
  const inWindow = selectActivities(all, window.from, window.to);
  const restMarks = (input.restMarks ?? []).filter((d) => isLocalDate(d) && d >= window.from && d <= today);
  const restedToday = restMarks.includes(today);
  const checkIns = (input.checkIns ?? []).filter((c) => c.date >= window.from && c.date <= today);

  let forLongRun = inWindow;
  if (breakStart(today, inWindow, settings) !== null) {
    const earlier = selectActivities(all, null, addDays(window.from, -1));
    if (earlier.length > 0) forLongRun = [...earlier, ...inWindow];
  }

  const streak = computeRestStreak(today, inWindow, settings, window.days, restMarks);
  const longRun = computeLongRunSpike(today, forLongRun, settings);
  const weeklyRamp = computeWeeklyRamp(today, inWindow, settings);
  const easyDays = computeEasyDays(today, inWindow, settings, restMarks);
  const load = computeTrainingLoad(today, inWindow, settings);
  const pain = painFindings(today, checkIns, inWindow, settings.runningLoadSports);

  // A run today is sensible unless the runner rested, already ran, or a rest day is due today.
  const restDueToday =
    (!streak.ranToday && streak.restDueOn === today && streak.runDays >= streak.runDayLimit) ||
    (!streak.activeToday && streak.fullRestDueOn === today && streak.activeDays >= streak.activeDayLimit);
  const runTodaySensible = !restedToday && !streak.ranToday && !restDueToday;
  let nextRunDate = today;
  if (!runTodaySensible) {
    nextRunDate = addDays(today, 1);
    // Ran today up to the limit: tomorrow is the rest day, the next run the day after.
    const dueTomorrow = (d: string | null, n: number, lim: number) => d === nextRunDate && n >= lim;
    if (
      dueTomorrow(streak.restDueOn, streak.runDays, streak.runDayLimit) ||
      dueTomorrow(streak.fullRestDueOn, streak.activeDays, streak.activeDayLimit)
    )
      nextRunDate = addDays(today, 2);
  }
  const nextLongRun = nextRunDate === today ? longRun : computeLongRunSpike(nextRunDate, forLongRun, settings);
  const nextRun = nextLongRun.suggestedMaxM !== null ? { date: nextRunDate, maxM: nextLongRun.suggestedMaxM } : null;

  const reasons: Reason[] = [];
  const redFlagPain = pain.some((p) => (RED_FLAG_CODES as string[]).includes(p.code));
  if (settings.redFlagSymptoms) reasons.push({ code: 'red_flag_symptoms', level: 'warning' });
  reasons.push(...pain.filter((p) => p.level !== 'ok'));
  if (restedToday) reasons.push({ code: 'rested_today', level: 'ok', date: today });
  reasons.push(...streakReasons(streak, settings));
  // Latest run first: the one the runner is thinking of.
  for (let i = longRun.recentRuns.length - 1; i >= 0; i--) {
    const r = spikeReason(longRun.recentRuns[i]!, longRun, nextRun?.maxM ?? null);
    if (r) reasons.push(r);
  }
  const ramp = rampReason(weeklyRamp);
  if (ramp) reasons.push(ramp);
  const easy = easyReason(easyDays);
  if (easy) reasons.push(easy);
  reasons.push(...pain.filter((p) => p.level === 'ok'));
  const max = nextRun ? suggestedMaxReason(nextLongRun, nextRun.date) : null;
  if (max) reasons.push(max);
  // Stable sort: most urgent first, the order above within a level.
  reasons.sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level]);

  const level = reasons.reduce<Level>((acc, r) => (LEVEL_RANK[r.level] > LEVEL_RANK[acc] ? r.level : acc), 'ok');
  const hipCare = hipCareFor(
    settings,
    streak,
    today,
    restedToday,
    settings.redFlagSymptoms || redFlagPain,
    longRun.worst !== null,
    weeklyRamp.warning,
  );

  return {
    today,
    level,
    title: titleFor(level, reasons, today),
    reasons,
    runTodaySensible,
    nextRun,
    hipCare,
    streak,
    longRun,
    weeklyRamp,
    easyDays,
    checkIn: checkIns.find((c) => c.date === today) ?? null,
    load,
    window,
  };
}
