import type { PainMoment, RedFlag } from '../core/check-in';
import type { ComebackFinding } from '../core/engine/comeback';
import type { Reason, Title } from '../core/engine/verdict';
import { dayNumber } from '../core/local-date';
import { formatDate, formatDistance, formatDuration } from './format';
import { t, tn } from './i18n';
import { listFormat, numberFormat } from './intl-cache';

// The engine gives each reason a code and its numbers; the words come from _locales so every
// language says the same thing, with the day each reason applies to and the number behind it.

const pct = (x: number) => numberFormat(navigator.language, { maximumFractionDigits: x < 10 ? 1 : 0 }).format(x);

/** A percentage over a threshold that never reads as the threshold itself (10.3 % over "more than 10 %"). */
const pctOver = (x: number, threshold: number) =>
  Math.round(x) <= threshold
    ? numberFormat(navigator.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x)
    : pct(x);

/** "today", "tomorrow", "yesterday", or the date. */
export function dayText(date: string, today: string): string {
  const diff = dayNumber(date) - dayNumber(today);
  if (diff === 0) return t('whenToday');
  if (diff === 1) return t('whenTomorrow');
  if (diff === -1) return t('whenYesterday');
  return formatDate(date);
}

/** "Today's run", "Yesterday's run", or the run of a date: the run a reason is about. */
function runName(date: string, today: string): string {
  const ago = dayNumber(today) - dayNumber(date);
  return ago === 0 ? t('runToday') : ago === 1 ? t('runYesterday') : t('runOn', formatDate(date));
}

/** A morning answer has its own words (a plain test, so the key lookup sees only keys). */
const inMorning = (m: PainMoment) => m === 'morning';

/** The red flags answered yes, as a list in the reader's language ("pain when hopping and a limp"). */
export function flagList(flags: readonly RedFlag[]): string {
  return listFormat(navigator.language).format(flags.map((f) => t(`flag_${f}`)));
}

export function titleText(title: Title): string {
  return t(`title_${title}`);
}

export function reasonText(r: Reason, units: 'km' | 'mi', today: string): string {
  const when = (date: string) => dayText(date, today);
  const km = (m: number) => formatDistance(m, units);
  switch (r.code) {
    case 'red_flag_symptoms':
      return t('reason_red_flag');
    case 'red_flag':
      return t('reason_red_flag_answers', [flagList(r.flags), when(r.since)]);
    case 'pain_persistent':
      return t('reason_pain_persistent', [when(r.since)]);
    case 'pain_week_rise':
      return t('reason_pain_week_rise', [pct(r.weekMean), pct(r.previousWeekMean)]);
    case 'pain_high':
      return t(inMorning(r.moment) ? 'reason_pain_high_morning' : 'reason_pain_high', [String(r.pain), when(r.date)]);
    case 'pain_not_settled':
      return r.usualMorning === null
        ? t('reason_pain_not_settled_first', [String(r.pain), when(r.runDate)])
        : t('reason_pain_not_settled', [String(r.pain), pct(r.usualMorning), when(r.runDate)]);
    case 'pain_settled':
      return r.usualMorning === null
        ? t('reason_pain_settled_first', [String(r.pain), when(r.runDate)])
        : t('reason_pain_settled', [String(r.pain), pct(r.usualMorning), when(r.runDate)]);
    case 'pain_acceptable':
      return t(inMorning(r.moment) ? 'reason_pain_acceptable_morning' : 'reason_pain_acceptable', [
        String(r.pain),
        when(r.date),
      ]);
    case 'pain_fine':
      return t('reason_pain_fine', [String(r.pain), when(r.date)]);
    case 'rested_today':
      return t('reason_rested_today');
    case 'run_streak_over_limit':
      return tn(r.atLeast ? 'reason_run_streak_over_limit_atleast' : 'reason_run_streak_over_limit', r.limit, [
        String(r.days),
        String(r.limit),
        when(r.restDueOn),
      ]);
    case 'run_streak_at_limit':
      return tn(r.usualRestDay ? 'reason_run_streak_at_limit_usual' : 'reason_run_streak_at_limit', r.limit, [
        String(r.days),
        String(r.limit),
        when(r.restDueOn),
      ]);
    // The streak's length is the popup's own line above the reasons: said once, here only the limit.
    case 'run_streak':
      return tn('reason_run_streak', r.limit, [String(r.days), String(r.limit)]);
    case 'full_rest_over_limit':
      return tn(r.atLeast ? 'reason_full_rest_over_limit_atleast' : 'reason_full_rest_over_limit', r.days, [
        String(r.days),
        String(r.limit),
        when(r.restDueOn),
      ]);
    case 'full_rest_at_limit':
      return tn(r.usualRestDay ? 'reason_full_rest_at_limit_usual' : 'reason_full_rest_at_limit', r.days, [
        String(r.days),
        String(r.limit),
        when(r.restDueOn),
      ]);
    case 'long_run_spike': {
      const run = runName(r.date, today);
      const size = (x: number) => (r.measure === 'time' ? formatDuration(x) : km(x));
      const said = t(`reason_long_run_spike_${r.severity}`, [
        run,
        size(r.value),
        pctOver(r.pctOver, r.thresholdPct),
        size(r.longest),
        r.afterBreak ? t('windowBeforeBreak') : tn('windowBefore', r.windowDays),
        pct(r.thresholdPct),
      ]);
      return r.measure === 'time' ? `${said} ${t('reason_spike_time')}` : said;
    }
    case 'weekly_ramp': {
      const size = (x: number) => (r.measure === 'time' ? formatDuration(x) : km(x));
      return t('reason_weekly_ramp', [
        size(r.lastWeek),
        pctOver(r.changePct, r.warnPct),
        size(r.referenceWeek),
        pct(r.warnPct),
      ]);
    }
    case 'comeback':
    case 'comeback_too_fast':
    case 'comeback_long_run_early':
      return comebackText(r, units, today);
    case 'easy_days_few':
      return tn('reason_easy_days_few', r.easyDays, [String(r.easyDays), String(r.minEasyDays)]);
    case 'race_recovery':
      return t('reason_race_recovery', [km(r.distanceM), formatDate(r.date), when(r.until)]);
    case 'recovery_run_long':
      return t('reason_recovery_run_long', [
        runName(r.date, today),
        km(r.distanceM),
        formatDate(r.raceDate),
        km(r.maxM),
        when(r.until),
      ]);
  }
}

/** The comeback rule's reasons (core/engine/comeback.ts), in distance or, for runs without one, moving time. */
export function comebackText(r: ComebackFinding, units: 'km' | 'mi', today: string): string {
  const amount = (x: number) => (r.measure === 'time' ? formatDuration(x) : formatDistance(x, units));
  switch (r.code) {
    case 'comeback':
      return r.returnedOn === null
        ? t('reason_comeback_start', [
            String(r.gapDays),
            amount(r.weekCap),
            amount(r.usualWeek),
            formatDate(r.usualTo),
            amount(r.usualRun),
            pct(r.weekPct),
          ])
        : t('reason_comeback', [
            String(r.gapDays),
            dayText(r.returnedOn, today),
            String(r.week),
            amount(r.weekCap),
            pct(r.weekPct),
            amount(r.usualWeek),
            formatDate(r.usualTo),
          ]);
    case 'comeback_too_fast':
      return t('reason_comeback_too_fast', [
        amount(r.last7),
        pctOver(r.pctOver, r.thresholdPct),
        amount(r.weekCap),
        String(r.week),
        String(r.gapDays),
      ]);
    case 'comeback_long_run_early': {
      const run = runName(r.date, today);
      return t('reason_comeback_long_run_early', [
        run,
        amount(r.run),
        pct(r.thresholdPct),
        amount(r.usualRun),
        String(r.week),
      ]);
    }
  }
}
