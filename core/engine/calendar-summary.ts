import type { Activity } from '../activity';
import type { CheckIn } from '../check-in';
import { addDays, dayNumber, weekdayOf } from '../local-date';
import type { Settings } from '../settings';

// What the popup draws, computed in the background from the same window the verdict reads, so
// the popup receives a few numbers however dense the history is.

/** "unknown": a day before anything was recorded, which may have been anything but is not known rest. */
export type DayKind = 'run' | 'cross' | 'rest' | 'unknown';

/**
 * The first day Hip Check has a record of: the earliest activity, rest mark or check-in given, or
 * null with none. Days before it are unknown to the strip, not rest (a new user's 13 days before
 * install). The verdict keeps its own reading of such days.
 */
export function firstRecordedDay(
  activities: readonly Pick<Activity, 'localDate'>[],
  restMarks: readonly string[],
  checkIns: readonly Pick<CheckIn, 'date'>[] = [],
): string | null {
  let first: string | null = null;
  const see = (d: string) => {
    if (first === null || d < first) first = d;
  };
  for (const a of activities) see(a.localDate);
  for (const d of restMarks) see(d);
  for (const c of checkIns) see(c.date);
  return first;
}

/**
 * The last 14 days, oldest first: a run day, a day with only other training, a full rest day, or
 * unknown (before `recordedFrom`, the first recorded day; every day when it is null); whether the
 * runner marked it as rest, and its hip check-in's pain.
 */
export function dayKinds(
  today: string,
  activities: readonly Activity[],
  runningSports: readonly string[],
  restMarks: readonly string[],
  checkIns: readonly CheckIn[] = [],
  recordedFrom: string | null = firstRecordedDay(activities, restMarks, checkIns),
): { date: string; kind: DayKind; marked: boolean; pain: number | null }[] {
  const pain = new Map(checkIns.map((c) => [c.date, c.pain]));
  const run = new Set<string>();
  const any = new Set<string>();
  for (const a of activities) {
    any.add(a.localDate);
    if (runningSports.includes(a.sport)) run.add(a.localDate);
  }
  return Array.from({ length: 14 }, (_, i) => {
    const date = addDays(today, i - 13);
    const marked = restMarks.includes(date);
    // A marked day is rest, as the verdict counts it, whatever a site recorded.
    const kind: DayKind = marked
      ? 'rest'
      : run.has(date)
        ? 'run'
        : any.has(date)
          ? 'cross'
          : recordedFrom === null || date < recordedFrom
            ? 'unknown'
            : 'rest';
    return { date, kind, marked, pain: pain.get(date) ?? null };
  });
}

/** Running distance per week for the last `weeks` weeks, oldest first; weeks start on `weekStart` (0 = Sunday). */
export function weeklyTotals(
  today: string,
  activities: readonly Activity[],
  runningSports: readonly string[],
  weeks: number,
  weekStart: number,
): { start: string; metres: number }[] {
  const thisWeek = addDays(today, -((weekdayOf(today) - weekStart + 7) % 7));
  const starts = Array.from({ length: weeks }, (_, i) => addDays(thisWeek, -7 * (weeks - 1 - i)));
  const totals = starts.map((start) => ({ start, metres: 0 }));
  const first = dayNumber(starts[0]!);
  for (const a of activities) {
    if (!runningSports.includes(a.sport) || a.distanceM === null) continue;
    const i = Math.floor((dayNumber(a.localDate) - first) / 7);
    if (i >= 0 && i < weeks && a.localDate <= today) totals[i]!.metres += a.distanceM;
  }
  return totals;
}

/** First day of the week, 0 = Sunday ... 6 = Saturday: the setting, or the browser locale's. */
export function weekStartFor(settings: Settings, locale: string = navigator.language): number {
  if (settings.weekStartsOn !== 'auto') return settings.weekStartsOn;
  try {
    const l = new Intl.Locale(locale) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const first = l.getWeekInfo?.().firstDay ?? l.weekInfo?.firstDay;
    // Intl counts 1 = Monday ... 7 = Sunday.
    if (typeof first === 'number') return first % 7;
  } catch {
    // an odd locale string: fall through
  }
  return 1;
}
