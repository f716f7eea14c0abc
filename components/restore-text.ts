import type { RestoreChanges, SettingChange } from '../core/restore-changes';
import { NUMBER_FIELDS, type Settings } from '../core/settings';
import { weekdayName } from './format';
import { t, tn } from './i18n';
import { numberFormat } from './intl-cache';

// The words for what a restore changed (core/restore-changes.ts gives keys and values).

const number = (n: number) => numberFormat(navigator.language).format(n);

/** The label a runner knows the setting by (the options page's own). */
export function settingLabel(key: keyof Settings): string {
  if (key === 'runDaysPerWeek') return t('planDays');
  if (key === 'usualRestDay') return t('restoreLabelRestDay');
  return t(`setting_${key}`);
}

/** One value of a setting as the options page would show it. */
export function settingValue<K extends keyof Settings>(key: K, value: Settings[K]): string {
  if (value === null) return key === 'usualRestDay' ? t('planRestDayNone') : t('restoreNotSet');
  if (typeof value === 'boolean') return t(value ? 'restoreOn' : 'restoreOff');
  if (Array.isArray(value)) return value.length ? value.map((s) => t(`sport_${s}`)).join(', ') : t('restoreNoSports');
  switch (key) {
    case 'preset':
      return t(`preset_${value as string}`);
    case 'units':
      return t(`units_${value as string}`);
    case 'weekStartsOn':
      return value === 'auto' ? t('weekStart_auto') : weekdayName(value as number);
    case 'usualRestDay':
      return weekdayName(value as number);
  }
  const field = NUMBER_FIELDS.find((f) => f.key === key);
  if (typeof value === 'number' && field) {
    if (field.off && value === 0) return t('restoreOff');
    if (field.unit === '%')
      return numberFormat(navigator.language, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
    if (field.unit === 'days' || field.unit === 'runs') return tn(`unitCount_${field.unit}`, value, [number(value)]);
    return `${number(value)} ${t(`unit_${field.unit}`)}`;
  }
  return String(value);
}

export function settingChangeText(c: SettingChange): string {
  return t('restoreSettingChange', [settingLabel(c.key), settingValue(c.key, c.from), settingValue(c.key, c.to)]);
}

/** The lines of a restore's summary: the source, activities, settings, check-ins, rest marks. */
export function restoreLines(name: string, c: RestoreChanges): { lines: string[]; settings: string[] } {
  const counts = (x: { added: number; replaced?: number; unchanged: number }) =>
    x.replaced === undefined
      ? [number(x.added), number(x.unchanged)]
      : [number(x.added), number(x.replaced), number(x.unchanged)];
  const lines = [t('restoreHead', name), t('restoreActivities', counts(c.activities))];
  if (c.checkIns) lines.push(t('restoreCheckIns', counts(c.checkIns)));
  if (c.restMarks) lines.push(t('restoreRestMarks', counts(c.restMarks)));
  lines.push(t(c.settings.length ? 'restoreSettingsChanged' : 'restoreSettingsSame'));
  return { lines, settings: c.settings.map(settingChangeText) };
}
