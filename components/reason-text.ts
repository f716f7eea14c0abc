import type { Reason } from '../core/engine/verdict';
import { formatDate, formatDistance } from './format';
import { t } from './i18n';

// The engine gives each reason a code and its numbers; the words come from _locales so every
// language says the same thing. (The engine's own English `text` is for tests and logs.)

const pct = (x: number) =>
  new Intl.NumberFormat(navigator.language, { maximumFractionDigits: x < 10 ? 1 : 0 }).format(x);

export function reasonText(r: Reason, units: 'km' | 'mi', today: string): string {
  const when = (date: string) => (date === today ? t('whenToday') : t('whenTomorrow'));
  switch (r.code) {
    case 'red_flag_symptoms':
      return t('reason_red_flag');
    case 'run_streak_over_limit':
      return t(r.atLeast ? 'reason_run_streak_over_limit_atleast' : 'reason_run_streak_over_limit', [
        String(r.days),
        String(r.limit),
        when(r.restDueOn),
      ]);
    case 'run_streak_at_limit':
      return t('reason_run_streak_at_limit', [String(r.days), String(r.limit), when(r.restDueOn)]);
    case 'run_streak':
      return t(r.days === 1 ? 'reason_run_streak_one' : 'reason_run_streak', [String(r.days), String(r.limit)]);
    case 'full_rest_over_limit':
      return t(r.atLeast ? 'reason_full_rest_over_limit_atleast' : 'reason_full_rest_over_limit', [
        String(r.days),
        String(r.limit),
        when(r.restDueOn),
      ]);
    case 'full_rest_at_limit':
      return t('reason_full_rest_at_limit', [String(r.days), String(r.limit), when(r.restDueOn)]);
    case 'long_run_spike': {
      const run =
        r.daysAgo === 0 ? t('runToday') : r.daysAgo === 1 ? t('runYesterday') : t('runOn', formatDate(r.date));
      return t(`reason_long_run_spike_${r.severity}`, [
        run,
        formatDistance(r.distanceM, units),
        pct(r.pctOver),
        formatDistance(r.longestM, units),
        String(r.windowDays),
      ]);
    }
    case 'weekly_ramp':
      return t('reason_weekly_ramp', [
        formatDistance(r.lastWeekM, units),
        pct(r.changePct),
        formatDistance(r.previousWeekM, units),
        pct(r.warnPct),
      ]);
    case 'suggested_max':
      return t('reason_suggested_max', [
        formatDistance(r.suggestedMaxM, units),
        formatDistance(r.longestM, units),
        String(r.windowDays),
      ]);
  }
}
