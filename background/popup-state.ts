import { NO_SITE_READS, readToday } from '../core/catch-up';
import { answerMoment } from '../core/check-in';
import { dayKinds, firstRecordedDay, weeklyTotals, weekStartFor } from '../core/engine/calendar-summary';
import { breakLookup, historyWindow, selectActivities } from '../core/engine/history-window';
import { TREND_DAYS } from '../core/engine/pain-trend';
import { rollingWeeks } from '../core/engine/weekly-chart';
import { lastRunRead } from '../core/last-run-read';
import { addDays, localDateOf } from '../core/local-date';
import type { Settings } from '../core/settings';
import { computeVerdict } from '../core/engine/verdict';
import type { ActivityStore } from './activity-store';
import type { CheckInStore } from './check-in-store';
import type { PopupState } from '../core/protocol';
import type { StoredProblem } from '../core/messages';

/** Weeks of history the popup reads (strip, weekly chart, recent activities, last run read). */
export const POPUP_WEEKS = 12;
/** Activities listed under "Recent activities". */
export const RECENT_SHOWN = 5;

export type { PopupState };

/**
 * Everything the popup and badge show, from two indexed reads (three after a long break): the
 * cost follows the engine's window, never the size of the stored history.
 */
/** Check-ins the verdict reads: a year, for red flags not yet cleared. */
export const PAIN_HISTORY_DAYS = 366;
/** Check-ins the popup gets: six weeks, the pain trend's (core/engine/pain-trend.ts), for the strip. */
export { TREND_DAYS };

export async function buildPopupState(
  // With sync on, the store merged with the other browsers' runs (background/sync/run-sync.ts).
  store: Pick<ActivityStore, 'between' | 'before' | 'count' | 'recentImports'>,
  settings: Settings,
  problems: StoredProblem[],
  restMarks: string[],
  nowMs: number,
  timeZone: string,
  locale: string = globalThis.navigator?.language ?? 'en',
  checkInStore: Pick<CheckInStore, 'between'> | null = null,
  fresh: Pick<PopupState, 'siteReads' | 'catchUp'> & { totalCount?: number } = {
    siteReads: NO_SITE_READS,
    catchUp: null,
  },
): Promise<PopupState> {
  const today = localDateOf(nowMs, timeZone);
  const w = historyWindow(today, settings);
  const popupFrom = addDays(today, -(POPUP_WEEKS * 7 - 1));
  const readFrom = w.from < popupFrom ? w.from : popupFrom;
  const activities = await store.between(readFrom, today);
  const lookup = breakLookup(today, settings, activities);
  const beforeBreak = lookup ? await store.before(lookup.before, lookup.limit) : [];
  const marks = restMarks.filter((d) => d >= popupFrom && d <= today);
  // A year of answers: a red flag stays until the runner clears it (one check-in a day at most).
  const answers = checkInStore ? await checkInStore.between(addDays(today, -(PAIN_HISTORY_DAYS - 1)), today) : [];
  const verdict = computeVerdict({ today, settings, activities, beforeBreak, restMarks: marks, checkIns: answers });
  const checkIns = answers.filter((c) => c.date >= addDays(today, -(TREND_DAYS - 1)));
  const runRecordedToday = activities.some(
    (a) => a.localDate === today && settings.runningLoadSports.includes(a.sport),
  );
  const recent = activities.filter((a) => a.localDate >= popupFrom).sort((a, b) => b.startMs - a.startMs);
  // The strip's days before the first record are unknown, not rest. Nothing read that early: one
  // more indexed read (a new user's popup) says whether anything older is stored.
  let recordedFrom = firstRecordedDay([...activities, ...beforeBreak], restMarks, answers);
  if (!lookup && (recordedFrom === null || recordedFrom > addDays(today, -13)))
    recordedFrom = firstRecordedDay(await store.before(readFrom, 1), recordedFrom ? [recordedFrom] : []);
  return {
    today,
    timeZone,
    settings,
    verdict,
    recent: recent.slice(0, RECENT_SHOWN),
    strip: dayKinds(today, recent, settings.runningLoadSports, marks, checkIns, recordedFrom),
    // Cleaned as the verdict cleans its input, so the last two blocks are the ramp rule's numbers.
    weeks: rollingWeeks(today, selectActivities(recent, popupFrom, today), settings.runningLoadSports),
    calendarWeek: weeklyTotals(today, recent, settings.runningLoadSports, 1, weekStartFor(settings, locale))[0]!,
    lastRunRead: lastRunRead(recent, settings.runningLoadSports),
    // Counting reads every record: the background passes the count it kept since the last change.
    totalCount: fresh.totalCount ?? (await store.count()),
    problems,
    lastImport: (await store.recentImports(1))[0] ?? null,
    restMarks: marks,
    runRecordedToday,
    checkIns,
    checkInMoment: answerMoment(
      nowMs,
      timeZone,
      activities.filter((a) => a.localDate === today).map((a) => a.startMs),
    ),
    siteReads: fresh.siteReads,
    catchUp: fresh.catchUp,
    catchUpStale: !runRecordedToday && !readToday(fresh.siteReads, nowMs, timeZone),
  };
}
