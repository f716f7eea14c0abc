import type { Activity } from '../activity';
import type { CheckIn, PainPlace } from '../check-in';
import { addDays, isLocalDate, weekdayOf } from '../local-date';
import type { Settings } from '../settings';
import { computeEasyDays, USUAL_DAYS, type EasyDays } from './easy-days';
import { historyWindow, selectActivities, type HistoryWindow } from './history-window';
import {
  breakStart,
  checkRuns,
  computeLongRunSpike,
  longRunCeilings,
  type LongRunSpike,
  type RunCheck,
  type SpikeSeverity,
} from './long-run-spike';
import { comebackConstraints, comebackFindings, findComeback, type Comeback, type ComebackFinding } from './comeback';
import { composePlan, type Constraint, type Plan } from './next-run-plan';
import { raceRecovery, RECOVERY_LOOKBACK_DAYS, type RaceRecovery, type RecoveryReason } from './race-recovery';
import { painState, type PainFinding, type PainState } from './pain-monitoring';
import { cadenceHint, type CadenceHint } from './cadence-hint';
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
// - calm: the plan asks for something the runner expects: a rest day at the streak limit,
//   recovery after a race, a comeback within its steps. Good news, not an alarm;
// - ease_off: a weekly ramp, a long-run spike, too few easy days, pain that has not settled:
//   the advice is about distance, never "rest today";
// - warning: a limit was actually passed (a run on a day past the limit, a spike over the warning
//   level), the pain rules, or red flags.
// Acute:chronic load and monotony are information only and never change it.
//
// The numbers for today and the next run are not in the reasons: every rule adds constraints
// (next-run-plan.ts) and the plan composes them, so one day has one line and one ceiling.

export type Level = 'ok' | 'calm' | 'ease_off' | 'warning';

export const LEVEL_RANK: Readonly<Record<Level, number>> = { ok: 0, calm: 1, ease_off: 2, warning: 3 };

/** The popup's heading, naming the day when there is one. */
export type Title =
  | 'all_good'
  | 'rested_today'
  | 'easy_today'
  | 'easy_next'
  | 'building_up'
  | 'rest_today'
  | 'rest_tomorrow'
  | 'ease_off'
  | 'warning'
  | 'warning_rest_today'
  | 'warning_rest_tomorrow'
  | 'see_clinician'
  /** Pain for two weeks, nothing else to change today: see a GP or physiotherapist. */
  | 'see_physio';

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
      level: 'calm';
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
      level: 'calm';
      days: number;
      limit: number;
      activeToday: boolean;
      restDueOn: string;
      usualRestDay: boolean;
    }
  | { code: 'rested_today'; level: 'ok'; date: string }
  | {
      code: 'long_run_spike';
      /** Warning for a run today or yesterday at severity warning or high, then ease_off; a caution is ease_off, then calm. */
      level: 'calm' | 'ease_off' | 'warning';
      severity: Exclude<SpikeSeverity, 'none'>;
      date: string;
      daysAgo: number;
      /** 'time': a run without a distance, compared by moving time (an estimate). */
      measure: 'distance' | 'time';
      /** The run: metres, or seconds when measure is 'time'. */
      value: number;
      /** The longest run it is compared with, in the same unit. */
      longest: number;
      longestDate: string;
      pctOver: number;
      /** The threshold passed: longRunCautionPct, WarningPct or HighPct. */
      thresholdPct: number;
      windowDays: number;
      afterBreak: boolean;
    }
  | {
      code: 'weekly_ramp';
      level: 'ease_off';
      /** 'time': runs without a distance in the compared weeks, so moving time (seconds) is compared. */
      measure: 'distance' | 'time';
      /** The last 7 days: metres, or seconds when measure is 'time'. */
      lastWeek: number;
      /** The biggest of the four 7-day blocks before, in the same unit. */
      referenceWeek: number;
      changePct: number;
      warnPct: number;
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
  | RecoveryReason
  | ComebackFinding;

export type ReasonCode = Reason['code'];

export type HipCareCode =
  | 'see_clinician'
  | 'mobility_after_run'
  | 'strength_on_rest_day'
  | 'full_rest'
  | 'extra_strength'
  | 'avoid_cross_body_stretches';

/** Why the runner is sent to a GP or physiotherapist, for the notice to name it. */
export type Referral =
  /** Red flags answered yes in the check-in (and not cleared). */
  | { code: 'red_flags'; flags: PainState['redFlags'] & object }
  /** "I have red-flag symptoms" on the options page. */
  | { code: 'settings' }
  /** Pain on most days for two weeks. */
  | { code: 'persistent'; since: string };

export interface HipCare {
  /** Red-flag symptoms reported (settings or check-in): see a GP or physiotherapist; nothing else is suggested. */
  seeClinician: boolean;
  /** Why a GP or physiotherapist: red flags (with seeClinician) or pain for two weeks (exercises go on). */
  referral: Referral | null;
  /** Where the hip hurts (the check-in, else settings.outerHipPain as "outside"), or null. */
  place: PainPlace | null;
  /** The latest pain answer (today or yesterday), or null. */
  pain: number | null;
  /** Groin, front or unsure pain and today's red-flag questions not answered: no new exercise yet. */
  awaitingFlags: boolean;
  /**
   * Hip pain within the last 14 days and easy runs with a cadence: about 5 % more steps a minute
   * at the same easy pace. Null otherwise, and when running is stopped.
   */
  gait: CadenceHint | null;
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
  /** Most urgent first: the facts behind the level (the current streak, pain, a spike, ...). */
  reasons: Reason[];
  /** Today and the next run: what to do, and the one ceiling of each day. */
  plan: Plan;
  hipCare: HipCare;
  streak: RestStreak;
  longRun: LongRunSpike;
  weeklyRamp: WeeklyRamp;
  easyDays: EasyDays;
  /** A race or an ultra still being recovered from. */
  recovery: RaceRecovery | null;
  /** Back after 14+ days without a run, within the 4 weeks of building up. */
  comeback: Comeback | null;
  /** Today's hip check-in, if answered. */
  checkIn: CheckIn | null;
  /** What the pain answers say: the latest answer, the place, red flags in force, the morning question. */
  pain: PainState;
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
// Reasons: the facts, each with its level. No advice distances: those are the plan's.

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
      out.push({ code: 'run_streak_at_limit', level: 'calm', usualRestDay: usual(s.restDueOn), ...base });
      runDue = s.restDueOn;
    } else if (n === lim - 1) {
      // A limit is mentioned only when it is near: the day before it is reached.
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
        : { code: 'full_rest_at_limit', level: 'calm', usualRestDay: usual(s.fullRestDueOn), ...base };
    // Equal limits (a daily runner's 14th day): one day due, and the full rest says it all.
    if (lim === s.runDayLimit && runDue === s.fullRestDueOn) {
      const i = out.findIndex((r) => r.code !== 'run_streak' && r.level === full.level);
      if (i >= 0) out.splice(i, 1);
    }
    out.push(full);
  }
  return out;
}

function spikeReason(c: RunCheck, lr: LongRunSpike): Reason | null {
  if (c.severity === null || c.severity === 'none' || c.pctOver === null) return null;
  const b = c.baseline;
  const time = c.measure === 'time';
  const value = time ? c.durationS : c.distanceM;
  const longest = time ? b.longestS : b.longestM;
  const longestDate = time ? b.longestSDate : b.longestDate;
  if (value === null || longest === null || longestDate === null) return null;
  const threshold = c.severity === 'high' ? lr.highPct : c.severity === 'warning' ? lr.warningPct : lr.cautionPct;
  // Over the warning level, today or yesterday: a limit passed; afterwards, ease off for the
  // rest of the week. A caution (10-30 % over) is amber that day and the next, then calm: a
  // beginner who grows slowly passes 10 % now and then and is not doing anything wrong.
  const level =
    c.severity === 'caution' ? (c.daysAgo <= 1 ? 'ease_off' : 'calm') : c.daysAgo <= 1 ? 'warning' : 'ease_off';
  return {
    code: 'long_run_spike',
    level,
    severity: c.severity,
    date: c.date,
    daysAgo: c.daysAgo,
    measure: c.measure,
    value,
    longest,
    longestDate,
    pctOver: c.pctOver,
    thresholdPct: threshold,
    windowDays: lr.windowDays,
    afterBreak: b.afterBreak,
  };
}

function rampReason(r: WeeklyRamp): Reason | null {
  if (!r.warning || r.changePct === null) return null;
  const time = r.measure === 'time';
  return {
    code: 'weekly_ramp',
    level: 'ease_off',
    measure: r.measure,
    lastWeek: time ? r.lastWeekS : r.lastWeekM,
    referenceWeek: time ? r.referenceWeekS : r.referenceWeekM,
    changePct: r.changePct,
    warnPct: r.warnPct,
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

// ---------------------------------------------------------------------------------------------
// Hip care, from the plan's day: the same rest, run or stop the card shows.

function hipCareFor(
  settings: Settings,
  plan: Plan,
  ranToday: boolean,
  spike: boolean,
  ramp: boolean,
  pain: PainState,
  cadence: CadenceHint | null,
): HipCare {
  const persistent = pain.findings.find((f) => f.code === 'pain_persistent');
  const referral: Referral | null = pain.redFlags
    ? { code: 'red_flags', flags: pain.redFlags }
    : settings.redFlagSymptoms
      ? { code: 'settings' }
      : persistent
        ? { code: 'persistent', since: persistent.since }
        : null;
  const place: PainPlace | null = pain.place ?? (settings.outerHipPain ? 'outside' : null);
  const painNow = pain.latest?.pain ?? null;
  const gait = pain.painfulDays > 0 ? cadence : null;
  const about = { referral, place, pain: painNow, awaitingFlags: pain.flagsUnanswered };
  if (plan.today.kind === 'stop') {
    return {
      seeClinician: true,
      ...about,
      gait: null,
      mobilityAfterRun: false,
      strengthToday: false,
      fullRestToday: false,
      extraStrength: false,
      avoidCrossBodyStretches: false,
      advice: [{ code: 'see_clinician' }],
    };
  }
  const kind = plan.today.kind;
  const fullRestToday = kind === 'full_rest';
  const runRestToday = kind === 'rest' || kind === 'rested' || fullRestToday;
  const mobilityAfterRun = ranToday || kind === 'run' || kind === 'easy';
  const strengthToday = !ranToday && !fullRestToday;
  const extraStrength = spike || ramp;
  const avoidCrossBodyStretches = place === 'outside';
  const advice: HipCare['advice'] = [];
  if (fullRestToday) advice.push({ code: 'full_rest' });
  if (mobilityAfterRun) advice.push({ code: 'mobility_after_run', ranToday });
  if (strengthToday) advice.push({ code: 'strength_on_rest_day', restToday: runRestToday });
  if (extraStrength) advice.push({ code: 'extra_strength', after: spike && ramp ? 'both' : spike ? 'spike' : 'ramp' });
  if (avoidCrossBodyStretches) advice.push({ code: 'avoid_cross_body_stretches' });
  return {
    seeClinician: false,
    ...about,
    gait,
    mobilityAfterRun,
    strengthToday,
    fullRestToday,
    extraStrength,
    avoidCrossBodyStretches,
    advice,
  };
}

// ---------------------------------------------------------------------------------------------

function titleFor(level: Level, plan: Plan, today: string, referral: boolean): Title {
  const day = plan.today.kind;
  if (day === 'stop') return 'see_clinician';
  if (day === 'rested') return level === 'warning' ? 'warning' : 'rested_today';
  if (day === 'rest' || day === 'full_rest') return level === 'warning' ? 'warning_rest_today' : 'rest_today';
  const restTomorrow = day === 'done' && (plan.next === null || plan.next.date > addDays(today, 1));
  if (restTomorrow) return level === 'warning' ? 'warning_rest_tomorrow' : 'rest_tomorrow';
  switch (level) {
    case 'warning':
      return 'warning';
    case 'ease_off':
      return 'ease_off';
    default:
      if (day === 'easy') return 'easy_today';
      if (day === 'done' && plan.next?.kind === 'easy') return 'easy_next';
      // Pain for two weeks: never "all good" beside a referral.
      if (referral) return 'see_physio';
      // Calm on a day to run as planned: a comeback's later weeks.
      return level === 'calm' ? 'building_up' : 'all_good';
  }
}

/**
 * The rest days due: a full rest day is a rest day from running too, so the first one due
 * resets both streaks; a rest from running the day before a full rest falls due becomes that
 * full rest day, not two rest days in a row.
 */
function restConstraints(runDue: string | null, fullDue: string | null): Constraint[] {
  if (fullDue !== null && (runDue === null || fullDue <= runDue))
    return [{ kind: 'rest', date: fullDue, full: true, by: 'full_rest' }];
  if (runDue === null) return [];
  if (fullDue !== null && addDays(runDue, 1) === fullDue)
    return [{ kind: 'rest', date: runDue, full: true, by: 'full_rest' }];
  const out: Constraint[] = [{ kind: 'rest', date: runDue, full: false, by: 'run_streak' }];
  if (fullDue !== null) out.push({ kind: 'rest', date: fullDue, full: true, by: 'full_rest' });
  return out;
}

/** A run while the hip settles: this share of the usual run. */
export const PAIN_SHORTER_PCT = 75;

/**
 * Easing off for pain, as the pain-monitoring model asks: above 5, a rest day (today, or
 * tomorrow once today's run is in) and then two easy days; not settled or rising week on week,
 * easy runs shorter than the usual for today and tomorrow. Pain lasting two weeks is a referral,
 * not a constraint: the three rules still decide the runs.
 */
function painConstraints(today: string, pain: readonly PainFinding[], ranToday: boolean, e: EasyDays): Constraint[] {
  const high = pain.some((p) => p.code === 'pain_high');
  const ease = pain.some((p) => p.code === 'pain_not_settled' || p.code === 'pain_week_rise');
  if (!high && !ease) return [];
  const rest = ranToday ? addDays(today, 1) : today;
  const from = high ? addDays(rest, 1) : today;
  const to = high ? addDays(rest, 2) : addDays(today, 1);
  const out: Constraint[] = [];
  if (high) out.push({ kind: 'rest', date: rest, full: false, by: 'pain' });
  out.push({ kind: 'easy', from, to, by: 'pain' });
  if (e.usualRunM !== null || e.usualRunS !== null)
    out.push({
      kind: 'ceiling',
      from,
      to,
      maxM: e.usualRunM !== null ? (e.usualRunM * PAIN_SHORTER_PCT) / 100 : null,
      maxS: e.usualRunS !== null ? (e.usualRunS * PAIN_SHORTER_PCT) / 100 : null,
      by: 'pain',
      ref: { m: e.usualRunM, s: e.usualRunS, date: null, windowDays: USUAL_DAYS, afterBreak: false },
    });
  return out;
}

/** Days of plan the constraints cover, today included: the next run day is always among them. */
const PLAN_DAYS = 8;

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

  // The runs before the window: for the longest run before a break, and a comeback's usual.
  const earlier = selectActivities(all, null, addDays(window.from, -1));
  let forLongRun = inWindow;
  if (earlier.length > 0 && breakStart(today, inWindow, settings) !== null) forLongRun = [...earlier, ...inWindow];
  const comeback = findComeback(today, earlier.length > 0 ? [...earlier, ...inWindow] : inWindow, settings);

  const streak = computeRestStreak(today, inWindow, settings, window.days, restMarks);
  const longRun = computeLongRunSpike(today, forLongRun, settings);
  const weeklyRamp = computeWeeklyRamp(today, inWindow, settings);
  const easyDays = computeEasyDays(today, inWindow, settings, restMarks);
  const load = computeTrainingLoad(today, inWindow, settings);
  const painNow = painState(today, input.checkIns ?? [], inWindow, settings.runningLoadSports);
  const pain = painNow.findings;
  const recovery = raceRecovery(today, checkRuns(today, forLongRun, settings, RECOVERY_LOOKBACK_DAYS), longRun);

  // --- Constraints, from every rule.
  const last = addDays(today, PLAN_DAYS - 1);
  const constraints: Constraint[] = [];
  if (settings.redFlagSymptoms || painNow.redFlags) constraints.push({ kind: 'stop', by: 'clinician' });
  constraints.push(...painConstraints(today, pain, streak.ranToday, easyDays));
  constraints.push(...restConstraints(streak.restDueOn, streak.fullRestDueOn));
  const latestSpike = [...longRun.recentRuns].reverse().find((c) => c.severity !== null && c.severity !== 'none');
  if (latestSpike) {
    // No long run until the spike is a week old (a caution: the day after it).
    const to = addDays(latestSpike.date, latestSpike.severity === 'caution' ? 1 : 6);
    if (to >= today) constraints.push({ kind: 'easy', from: addDays(latestSpike.date, 1), to, by: 'spike' });
  }
  if (recovery) constraints.push({ kind: 'easy', from: addDays(recovery.date, 1), to: recovery.until, by: 'recovery' });
  if (comeback) constraints.push(...comebackConstraints(today, comeback));
  if (easyDays.short && easyDays.easyMaxM !== null)
    constraints.push({
      kind: 'ceiling',
      from: easyDays.nextEasyOn,
      to: easyDays.nextEasyOn,
      maxM: easyDays.easyMaxM,
      maxS: null,
      by: 'easy_days',
      ref: { m: easyDays.usualRunM, s: null, date: null, windowDays: USUAL_DAYS, afterBreak: false },
    });
  if (easyDays.short)
    constraints.push({ kind: 'easy', from: easyDays.nextEasyOn, to: easyDays.nextEasyOn, by: 'easy_days' });
  // Every day's long-run ceiling; on easy days, the usual run as well (the tighter wins).
  for (const c of longRunCeilings(today, forLongRun, settings, PLAN_DAYS)) {
    if (c.maxM === null && c.maxS === null) continue;
    const b = c.baseline;
    constraints.push({
      kind: 'ceiling',
      from: c.date,
      to: c.date,
      maxM: c.maxM,
      maxS: c.maxS,
      by: 'longest',
      ref: {
        m: b.allowedM,
        s: b.allowedS,
        date: b.allowedM !== null ? b.allowedDate : b.longestSDate,
        windowDays: settings.longRunWindowDays,
        afterBreak: b.afterBreak,
      },
    });
  }
  if (easyDays.usualRunM !== null || easyDays.usualRunS !== null) {
    const ref = {
      m: easyDays.usualRunM,
      s: easyDays.usualRunS,
      date: null,
      windowDays: USUAL_DAYS,
      afterBreak: false,
    };
    for (const c of [...constraints]) {
      if (c.kind !== 'easy' || c.to < today) continue;
      const from = c.from < today ? today : c.from;
      const to = c.to > last ? last : c.to;
      constraints.push({
        kind: 'ceiling',
        from,
        to,
        maxM: easyDays.usualRunM,
        maxS: easyDays.usualRunS,
        by: 'usual',
        ref,
      });
    }
  }
  const plan = composePlan({ today, constraints, ranToday: streak.ranToday, restedToday });

  // --- Reasons.
  const reasons: Reason[] = [];
  if (settings.redFlagSymptoms) reasons.push({ code: 'red_flag_symptoms', level: 'warning' });
  reasons.push(...pain.filter((p) => p.level !== 'ok'));
  if (restedToday) reasons.push({ code: 'rested_today', level: 'ok', date: today });
  reasons.push(...streakReasons(streak, settings));
  // Latest run first: the one the runner is thinking of. A race being recovered from is said by
  // its recovery once the day after it is over.
  for (let i = longRun.recentRuns.length - 1; i >= 0; i--) {
    const c = longRun.recentRuns[i]!;
    if (recovery?.date === c.date && c.daysAgo > 1) continue;
    const r = spikeReason(c, longRun);
    if (r) reasons.push(r);
  }
  if (recovery) {
    const limit = easyDays.usualRunM === null ? null : easyDays.usualRunM * (1 + settings.longRunCautionPct / 100);
    const over =
      limit === null
        ? undefined
        : longRun.recentRuns
            .filter((c) => c.date > recovery.date && c.distanceM !== null && c.distanceM > limit)
            .at(-1);
    if (over && limit !== null)
      reasons.push({
        code: 'recovery_run_long',
        level: 'ease_off',
        date: over.date,
        distanceM: over.distanceM!,
        raceDate: recovery.date,
        until: recovery.until,
        maxM: limit,
      });
    else if (recovery.date < today) reasons.push({ code: 'race_recovery', level: 'calm', ...recovery });
  }
  if (comeback) reasons.push(...comebackFindings(today, comeback));
  // The ramp's reference weeks hold the runs before the break: a comeback says it instead.
  const ramp = comeback ? null : rampReason(weeklyRamp);
  if (ramp) reasons.push(ramp);
  const easy = easyReason(easyDays);
  if (easy) reasons.push(easy);
  reasons.push(...pain.filter((p) => p.level === 'ok'));
  // Stable sort: most urgent first, the order above within a level.
  reasons.sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level]);

  let level = reasons.reduce<Level>((acc, r) => (LEVEL_RANK[r.level] > LEVEL_RANK[acc] ? r.level : acc), 'ok');
  // A rest day or an easy day the plan asks for, with nothing else wrong: calm, not "all good".
  if (level === 'ok' && plan.today.kind !== 'rested' && (plan.today.kind === 'rest' || plan.today.kind === 'full_rest'))
    level = 'calm';
  const hipCare = hipCareFor(
    settings,
    plan,
    streak.ranToday,
    longRun.worst !== null,
    weeklyRamp.warning,
    painNow,
    painNow.painfulDays > 0 ? cadenceHint(today, inWindow, settings.runningLoadSports) : null,
  );

  return {
    today,
    level,
    title: titleFor(level, plan, today, hipCare.referral !== null),
    reasons,
    plan,
    hipCare,
    streak,
    longRun,
    weeklyRamp,
    easyDays,
    recovery,
    comeback,
    checkIn: checkIns.find((c) => c.date === today) ?? null,
    pain: painNow,
    load,
    window,
  };
}
