import { fieldsToMs } from './time';

// Calendar dates as "YYYY-MM-DD" strings. A run belongs to the local date on which it started,
// so dates are computed once, where the run happened, and then compared as plain strings:
// no Date arithmetic across DST changes can add or lose a day.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  return fieldsToMs(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar date of an instant in a time zone (IANA name, e.g. "Europe/London"). */
export function localDateOf(ms: number, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Days since 1970-01-01 for a calendar date; differences of these count calendar days exactly. */
export function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`Not a calendar date: ${JSON.stringify(date)}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000);
}

/** 0 = Sunday ... 6 = Saturday, as Date.getDay() counts. 1970-01-01 was a Thursday. */
export function weekdayOf(date: string): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

// dayNumber parses with a regex; the verdict asks for the same hundred-odd dates hundreds of
// times, so they are remembered (bounded, as the dates move on).
const dayCache = new Map<string, number>();

// The loops go through activities sorted by start, so the date asked for is mostly the last one.
let lastDate = '';
let lastDay = 0;

/** dayNumber, remembered: for the engine's hot loops. */
export function dayOf(date: string): number {
  if (date === lastDate) return lastDay;
  let d = dayCache.get(date);
  if (d === undefined) {
    d = dayNumber(date);
    if (dayCache.size >= 4096) dayCache.clear();
    dayCache.set(date, d);
  }
  lastDate = date;
  lastDay = d;
  return d;
}

export function dateFromDayNumber(n: number): string {
  return dateOfWallClock(n * 86_400_000);
}

export function addDays(date: string, days: number): string {
  return dateFromDayNumber(dayNumber(date) + days);
}

/** The date of a wall clock carried as ms "as if UTC" (see core/time.ts). */
export function dateOfWallClock(wallMs: number): string {
  return new Date(wallMs).toISOString().slice(0, 10);
}

/** The date part of a local wall-clock timestamp such as "2024-05-01 07:12:00" or "2024-05-01T07:12:00". */
export function datePartOfLocalTimestamp(value: string): string | null {
  const d = value.slice(0, 10);
  return isLocalDate(d) ? d : null;
}

/** The time zone the browser runs in (IANA name): the runner's "today" is computed in it. */
export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
