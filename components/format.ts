import type { Settings } from '../core/settings';
import { dateFormat, numberFormat } from './intl-cache';

// Numbers and dates always go through Intl, in the browser's language.
export const M_PER_MILE = 1609.344;

export function unitsFor(settings: Settings, locale: string = navigator.language): 'km' | 'mi' {
  if (settings.units !== 'auto') return settings.units;
  // The countries that still run in miles.
  return /-(US|GB|LR|MM)$/i.test(locale) ? 'mi' : 'km';
}

export function formatDistance(m: number | null, units: 'km' | 'mi', locale: string = navigator.language): string {
  if (m === null) return '–';
  const v = units === 'mi' ? m / M_PER_MILE : m / 1000;
  return `${numberFormat(locale, { maximumFractionDigits: v < 10 ? 2 : 1 }).format(v)} ${units}`;
}

export function formatDuration(s: number | null): string {
  if (s === null) return '–';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = Math.round(s % 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(sec)}` : `${m}:${pad(sec)}`;
}

/** A date in a list that spans years: the year is shown when it is not this year. */
export function formatDateInYear(date: string, thisYear: string, locale: string = navigator.language): string {
  if (date.slice(0, 4) === thisYear) return formatDate(date, locale);
  return dateFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

export function formatDate(date: string, locale: string = navigator.language): string {
  // Noon UTC, formatted in UTC: the calendar date is shown as stored, whatever the zone.
  return dateFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** The weekday's one-letter form in the reader's language ("M", "T"; German "M", "D"). */
export function weekdayLetter(date: string, locale: string = navigator.language): string {
  return dateFormat(locale, { weekday: 'narrow', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** A weekday's full name ("Monday", German "Montag"): 0 is Sunday, as Date.getDay() counts. */
export function weekdayName(day: number, locale: string = navigator.language): string {
  // 1970-01-04 was a Sunday.
  return dateFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(1970, 0, 4 + day, 12));
}

/** A short numeric day and month ("11/23", German "23.11."), for labels under narrow bars. */
export function formatDayMonth(date: string, locale: string = navigator.language): string {
  return dateFormat(locale, { day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}
