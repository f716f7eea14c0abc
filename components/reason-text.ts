import type { ComebackFinding } from '../core/engine/comeback';
import type { Reason, Title } from '../core/engine/verdict';
import { dayNumber } from '../core/local-date';
import { formatDate, formatDistance, formatDuration } from './format';
import { t } from './i18n';
import { numberFormat } from './intl-cache';

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

export function titleText(title: Title): string {
  return t(`title_${title}`);
}

/**
 * nextRunShown: the verdict shows the next run's maximum on its own line; a long-run spike then
 * leaves out its advice, which gives the same distance (the engine's next-run maximum).
 */
export function reasonText(r: Reason, units: 'km' | 'mi', today: string, nextRunShown = false): string {
  const when = (date: string) => dayText(date, today);
  const km = (m: number) => formatDistance(m, units);
  switch (r.code) {
    case 'red_flag_symptoms':
      return t('reason_red_flag');
    case 'pain_night_or_rest':
      return t('reason_pain_night_or_rest', [when(r.date)]);
    case 'groin_pain_walking':
      return t('reason_groin_pain_walking', [when(r.date)]);
    case 'pain_persistent':
      return t('reason_pain_persistent', [String(r.days), String(r.windowDays)]);
    case 'pain_high':
      return t('reason_pain_high', [String(r.pain), when(r.date)]);
    case 'pain_rising':
      return t('reason_pain_rising', [String(r.pain), when(r.date), String(r.previousPain), when(r.runDate)]);
    case 'pain_not_settled':
      return t('reason_pain_not_settled', [String(r.pain), when(r.date), String(r.previousPain), when(r.runDate)]);
    case 'pain_acceptable':
      return t('reason_pain_acceptable', [String(r.pain), when(r.date)]);
    case 'pain_fine':
      return t('reason_pain_fine', [String(r.pain), when(r.date)]);
    case 'rested_today':
      return t('reason_rested_today');
    case 'run_streak_over_limit':
      return t(r.atLeast ? 'reason_run_streak_over_limit_atleast' : 'reason_run_streak_over_limit', [
        String(r.days),
        String(r.limit),
        when(r.restDueOn),
      ]);
    case 'run_streak_at_limit':
      return t(r.usualRestDay ? 'reason_run_streak_at_limit_usual' : 'reason_run_streak_at_limit', [
        String(r.days),
        String(r.limit),
        when(r.restDueOn),
      ]);
    // The streak's length is the popup's own line above the reasons: said once, here only the limit.
    case 'run_streak':
      return t('reason_run_streak', [String(r.days), String(r.limit)]);
    case 'full_rest_over_limit':
      return t(r.atLeast ? 'reason_full_rest_over_limit_atleast' : 'reason_full_rest_over_limit', [
        String(r.days),
        String(r.limit),
        when(r.restDueOn),
      ]);
    case 'full_rest_at_limit':
      return t(r.usualRestDay ? 'reason_full_rest_at_limit_usual' : 'reason_full_rest_at_limit', [
        String(r.days),
        String(r.limit),
        when(r.restDueOn),
      ]);
    case 'long_run_spike': {
      const run =
        r.daysAgo === 0 ? t('runToday') : r.daysAgo === 1 ? t('runYesterday') : t('runOn', formatDate(r.date));
      const said = t(`reason_long_run_spike_${r.severity}`, [
        run,
        km(r.distanceM),
        pctOver(r.pctOver, r.thresholdPct),
        km(r.longestM),
        String(r.windowDays),
        pct(r.thresholdPct),
      ]);
      return r.nextLongRunMaxM === null || nextRunShown
        ? said
        : `${said} ${t('advice_next_long_run', km(r.nextLongRunMaxM))}`;
    }
    case 'weekly_ramp':
      return t('reason_weekly_ramp', [
        km(r.lastWeekM),
        pctOver(r.changePct, r.warnPct),
        km(r.previousWeekM),
        pct(r.warnPct),
      ]);
    case 'easy_days_few':
      return t('reason_easy_days_few', [
        String(r.easyDays),
        String(r.minEasyDays),
        when(r.date),
        km(r.easyMaxM),
        km(r.usualRunM),
      ]);
    case 'suggested_max':
      return t(r.date === today ? 'reason_suggested_max' : 'reason_next_run_max', [
        km(r.suggestedMaxM),
        km(r.longestM),
        String(r.windowDays),
        when(r.date),
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
      const run =
        r.daysAgo === 0 ? t('runToday') : r.daysAgo === 1 ? t('runYesterday') : t('runOn', formatDate(r.date));
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
