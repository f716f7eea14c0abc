import { median } from './median';
import type { Activity } from '../activity';
import { dayPain, latestAnswer, type CheckIn, type PainMoment, type PainPlace, type RedFlag } from '../check-in';
import { addDays } from '../local-date';

// The pain-monitoring model (Silbernagel et al., Am J Sports Med 2007; used for Achilles, patellar
// and hip pain in running): training may go on while pain stays low and settles. Its three rules:
// - pain during or after running up to 5 of 10 is acceptable;
// - it must have settled by the next morning (no higher than the runner's usual morning);
// - it must not rise from week to week.
// Breaking one means ease off (a shorter, easy run; no long run, no speed or hills); above 5 at
// any time, a rest day first. Pain on most days for two weeks: see a GP or physiotherapist (calm:
// the three rules still decide the runs; the referral is what a physiotherapist would ask for).
// Red flags (the runner's answers, kept until they say a sign has gone) mean stop running.
//
// Days are the runner's local calendar dates, and each answer keeps its moment (the morning
// answer before the day's run, or a later one), so an evening answer after a long run is never
// read as the next morning's.

export const PAIN_FINE_MAX = 2;
export const PAIN_ACCEPTABLE_MAX = 5;
/** Referral: pain was there 2 weeks ago and on most days since. */
export const PERSISTENT_DAYS = 14;
/** A week's mean pain this much above the week before's is a rise. */
export const WEEK_RISE = 1;
/** Answered days each week needs before two weeks are compared. */
export const WEEK_MIN_ANSWERS = 3;
/** How far back a said place still counts. */
export const PLACE_DAYS = 14;

export type PainFinding =
  /** Latest answer (today, else yesterday) 0-2. */
  | { code: 'pain_fine'; level: 'ok'; pain: number; date: string; moment: PainMoment }
  /** 3-5 after running or during the day: acceptable if it settles by the next morning. */
  | { code: 'pain_acceptable'; level: 'ok'; pain: number; date: string; moment: PainMoment }
  /** The morning after a run, no higher than the runner's usual morning: settled. */
  | { code: 'pain_settled'; level: 'ok'; pain: number; usualMorning: number | null; date: string; runDate: string }
  /** The morning after a run, higher than the usual morning (and above 2): not settled. */
  | {
      code: 'pain_not_settled';
      level: 'ease_off';
      pain: number;
      /** The median of the morning answers of the 14 days before; null with fewer than two (then 0-2 counts as settled). */
      usualMorning: number | null;
      date: string;
      runDate: string;
    }
  /** Above 5, at any time. */
  | { code: 'pain_high'; level: 'warning'; pain: number; date: string; moment: PainMoment }
  /** This week's mean pain rose by WEEK_RISE or more over the week before's. */
  | { code: 'pain_week_rise'; level: 'ease_off'; weekMean: number; previousWeekMean: number; date: string }
  /** Painful two weeks ago and on most answered days since: see a GP or physiotherapist. */
  | { code: 'pain_persistent'; level: 'calm'; since: string; days: number; date: string }
  /** Red flags answered yes and not cleared: stop running, see a GP or physiotherapist. */
  | { code: 'red_flag'; level: 'warning'; flags: RedFlag[]; since: string; date: string };

export interface PainState {
  /** Most urgent first. */
  findings: PainFinding[];
  /** The latest answer, today's or else yesterday's. */
  latest: { pain: number; date: string; moment: PainMoment } | null;
  /** Where it hurts: the latest place said within PLACE_DAYS days. */
  place: PainPlace | null;
  /** Red flags answered yes and not yet cleared, and since when. */
  redFlags: { flags: RedFlag[]; since: string } | null;
  /** Pain today in the groin or front (or not sure where) and today's red-flag questions not answered. */
  flagsUnanswered: boolean;
  /** A run yesterday with pain after it and no morning answer yet: ask "how is your hip this morning?". */
  morningAfter: string | null;
  /** Days with any pain above 0 within the last 14. */
  painfulDays: number;
}

/** The red flags in force: those of the latest day the questions were answered, since they began. */
function redFlagsOf(sorted: readonly CheckIn[]): PainState['redFlags'] {
  const answered = sorted.filter((c) => c.flags !== undefined);
  const last = answered.at(-1);
  if (!last || last.flags!.length === 0) return null;
  let since = last.date;
  for (let i = answered.length - 2; i >= 0 && answered[i]!.flags!.length > 0; i--) since = answered[i]!.date;
  return { flags: [...last.flags!], since };
}

/** Seven days from `from`: the mean of each answered day's highest pain (null if none), and how many were answered. */
export function weekPain(
  byDate: ReadonlyMap<string, CheckIn>,
  from: string,
): { mean: number | null; answered: number } {
  const xs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const c = byDate.get(addDays(from, i));
    if (c) xs.push(dayPain(c));
  }
  return { mean: xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null, answered: xs.length };
}

/** The week's mean when it has enough answers to be compared with another. */
function weekMean(byDate: ReadonlyMap<string, CheckIn>, from: string): number | null {
  const w = weekPain(byDate, from);
  return w.answered >= WEEK_MIN_ANSWERS ? w.mean : null;
}

/**
 * Everything the pain answers say for today. `checkIns` should reach back at least 20 days, and
 * to the latest day with red-flag answers (a red flag stays until cleared).
 */
export function painState(
  today: string,
  checkIns: readonly CheckIn[],
  activities: readonly Activity[],
  runningSports: readonly string[],
): PainState {
  const sorted = checkIns
    .filter((c) => c.date <= today)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const byDate = new Map<string, CheckIn>();
  for (const c of sorted) byDate.set(c.date, c);
  const yesterday = addDays(today, -1);
  const running = new Set(runningSports);
  const ranOn = (d: string) => activities.some((a) => a.localDate === d && running.has(a.sport));
  const findings: PainFinding[] = [];

  const redFlags = redFlagsOf(sorted);
  if (redFlags) findings.push({ code: 'red_flag', level: 'warning', ...redFlags, date: today });

  let place: PainPlace | null = null;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const c = sorted[i]!;
    if (c.date < addDays(today, -(PLACE_DAYS - 1))) break;
    if (c.place) {
      place = c.place;
      break;
    }
  }
  const todays = byDate.get(today);
  const flagsUnanswered =
    todays !== undefined && todays.pain > 0 && (place === 'groin' || place === 'unsure') && todays.flags === undefined;

  let painfulDays = 0;
  for (let i = 0; i < 14; i++) {
    const c = byDate.get(addDays(today, -i));
    if (c && dayPain(c) > 0) painfulDays++;
  }

  const latestDay = todays ?? byDate.get(yesterday);
  let latest: PainState['latest'] = null;
  if (latestDay) {
    const a = latestAnswer(latestDay);
    latest = { pain: a.pain, date: latestDay.date, moment: a === latestDay.morning ? 'morning' : 'later' };
  }
  const yesterdayLater = byDate.get(yesterday)?.later;
  const morningAfter =
    ranOn(yesterday) && yesterdayLater !== undefined && yesterdayLater.pain > PAIN_FINE_MAX && !todays?.morning
      ? yesterday
      : null;
  const state = { latest, place, redFlags, flagsUnanswered, morningAfter, painfulDays };
  if (!latest || !latestDay) return { findings, ...state };

  // Referral: pain at least 3 two weeks ago (or up to four days before, for days not answered), on at least
  // two thirds of the answered days since, and still now (today or yesterday, so a settled morning
  // does not withdraw the referral the evening before gave).
  const start = addDays(today, -(PERSISTENT_DAYS - 1));
  let persistent: PainFinding | null = null;
  const recent = Math.max(...[todays, byDate.get(yesterday)].map((c) => (c ? dayPain(c) : 0)));
  if (recent > PAIN_FINE_MAX) {
    const early = sorted.filter((c) => c.date >= addDays(start, -4) && c.date <= start);
    const since = early.find((c) => dayPain(c) > PAIN_FINE_MAX);
    if (since) {
      const answered = sorted.filter((c) => c.date >= since.date);
      const painful = answered.filter((c) => dayPain(c) > PAIN_FINE_MAX).length;
      if (painful * 3 >= answered.length * 2)
        persistent = { code: 'pain_persistent', level: 'calm', since: since.date, days: painful, date: today };
    }
  }

  const thisWeek = weekMean(byDate, addDays(today, -6));
  const weekBefore = weekMean(byDate, addDays(today, -13));
  const rise =
    thisWeek !== null && weekBefore !== null && thisWeek - weekBefore >= WEEK_RISE && latest.pain > PAIN_FINE_MAX;
  if (rise)
    findings.push({
      code: 'pain_week_rise',
      level: 'ease_off',
      weekMean: Math.round(thisWeek * 10) / 10,
      previousWeekMean: Math.round(weekBefore * 10) / 10,
      date: today,
    });
  if (persistent) findings.push(persistent);

  // "Fine" or "acceptable" only when nothing else says otherwise (a referral included).
  const calm = () => findings.length === 0;

  // Today's morning answer after a run yesterday: the settling rule, against the usual morning.
  const morning = todays?.morning;
  if (latest.pain > PAIN_ACCEPTABLE_MAX) {
    findings.push({ code: 'pain_high', level: 'warning', pain: latest.pain, date: latest.date, moment: latest.moment });
  } else if (morning && ranOn(yesterday) && (latest.moment === 'morning' || morning.pain > PAIN_FINE_MAX)) {
    const before = sorted.filter((c) => c.date < today && c.date >= addDays(today, -14) && c.morning);
    const usualMorning = before.length >= 2 ? median(before.map((c) => c.morning!.pain))! : null;
    if (morning.pain > Math.max(usualMorning ?? 0, PAIN_FINE_MAX))
      findings.push({
        code: 'pain_not_settled',
        level: 'ease_off',
        pain: morning.pain,
        usualMorning,
        date: today,
        runDate: yesterday,
      });
    else if (!persistent && latest.moment === 'morning')
      findings.push({
        code: 'pain_settled',
        level: 'ok',
        pain: morning.pain,
        usualMorning,
        date: today,
        runDate: yesterday,
      });
    else if (calm()) findings.push(latestFinding(latest));
  } else if (calm()) {
    findings.push(latestFinding(latest));
  }
  return { findings, ...state };
}

function latestFinding(latest: NonNullable<PainState['latest']>): PainFinding {
  return latest.pain > PAIN_FINE_MAX
    ? { code: 'pain_acceptable', level: 'ok', ...latest }
    : { code: 'pain_fine', level: 'ok', ...latest };
}
