import type { DayPlan } from '../core/engine/next-run-plan';
import { PAIN_SHORTER_PCT } from '../core/engine/verdict';
import { formatDate, formatDistance, formatDuration } from './format';
import { t, tn } from './i18n';
import { dayNumber } from '../core/local-date';
import type { Settings } from '../core/settings';

// One line per day of the plan: what to do and its one ceiling, with what the ceiling comes
// from. The numbers are the plan's; nothing is worked out here.

function dayName(date: string, today: string, next: boolean): string {
  const diff = dayNumber(date) - dayNumber(today);
  const name = diff === 0 ? t('planToday') : diff === 1 ? t('planTomorrow') : formatDate(date);
  if (!next) return name;
  const said = t('plan_next', diff === 1 ? t('whenTomorrow') : formatDate(date));
  // "next run, tomorrow" begins the line: its first letter as a capital in the UI language.
  return said.charAt(0).toLocaleUpperCase() + said.slice(1);
}

function basis(d: DayPlan, units: 'km' | 'mi', settings: Pick<Settings, 'longRunCautionPct' | 'easyRunPct'>) {
  const ref = d.ref;
  const size = (m: number | null, s: number | null) =>
    m !== null ? formatDistance(m, units) : s !== null ? formatDuration(s) : '';
  const pct = String(settings.longRunCautionPct);
  switch (d.by) {
    case 'longest':
      if (!ref) return '';
      if (ref.m === null || d.maxM === null)
        return t('basis_longest_time', [size(null, ref.s), tn('windowBefore', ref.windowDays), pct]);
      return ref.afterBreak
        ? t('basis_longest_break', [size(ref.m, null), '', pct])
        : t('basis_longest', [size(ref.m, null), tn('windowBefore', ref.windowDays), pct]);
    case 'usual':
      return ref ? t('basis_usual', size(d.maxM !== null ? ref.m : null, d.maxM !== null ? null : ref.s)) : '';
    case 'easy_days':
      return ref ? t('basis_easy_days', [size(ref.m, ref.s), String(settings.easyRunPct)]) : '';
    case 'comeback':
      return t('basis_comeback');
    case 'pain':
      return ref ? t('basis_pain', [String(PAIN_SHORTER_PCT), size(ref.m, ref.m === null ? ref.s : null)]) : '';
    default:
      return '';
  }
}

/** The line for one day of the plan; null for a day that needs none (today's run is in, or rested). */
export function planLine(
  d: DayPlan,
  today: string,
  units: 'km' | 'mi',
  settings: Pick<Settings, 'longRunCautionPct' | 'easyRunPct'>,
  next = false,
): string | null {
  const name = dayName(d.date, today, next);
  const max = d.maxM !== null ? formatDistance(d.maxM, units) : d.maxS !== null ? formatDuration(d.maxS) : null;
  switch (d.kind) {
    case 'stop':
      return t('plan_stop');
    case 'rest':
      return t('plan_rest', name);
    case 'full_rest':
      return t('plan_full_rest', name);
    case 'done':
    case 'rested':
      return null;
    case 'easy':
      return max === null ? t('plan_easy', name) : t('plan_easy_max', [name, max, basis(d, units, settings)]);
    case 'run':
      return max === null ? t('plan_run', name) : t('plan_run_max', [name, max, basis(d, units, settings)]);
  }
}
