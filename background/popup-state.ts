import type { Activity } from '../core/activity';
import { dayKinds, weeklyTotals, weekStartFor, type DayKind } from '../core/engine/calendar-summary';
import { breakLookup, historyWindow } from '../core/engine/history-window';
import { addDays, localDateOf } from '../core/local-date';
import type { Settings } from '../core/settings';
import { computeVerdict, type Verdict } from '../core/engine/verdict';
import type { CheckIn } from '../core/check-in';
import type { ImportRecord } from './activity-db';
import type { ActivityStore } from './activity-store';
import type { CheckInStore } from './check-in-store';
import type { StoredProblem } from './read-problems';

/** Weeks of history the popup shows (strip and weekly chart). */
export const POPUP_WEEKS = 12;
/** Activities listed under "Recent activities". */
export const RECENT_SHOWN = 5;

export interface PopupState {
  today: string;
  timeZone: string;
  settings: Settings;
  verdict: Verdict;
  /** The latest few activities, newest first. */
  recent: Activity[];
  /** The last 14 days, oldest first, with rest marks and hip pain. */
  strip: { date: string; kind: DayKind; marked: boolean; pain: number | null }[];
  /** Running distance of the last POPUP_WEEKS weeks, oldest first. */
  weeks: { start: string; metres: number }[];
  totalCount: number;
  problems: StoredProblem[];
  lastImport: ImportRecord | null;
  /** Days the runner marked "I rested today", within the popup's weeks. */
  restMarks: string[];
  /** Today already has a recorded run (whatever the marks say): "I ran today" becomes "add another run". */
  runRecordedToday: boolean;
  /** Hip check-ins of the last 14 days, oldest first. */
  checkIns: CheckIn[];
}

export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Everything the popup and badge show, from two indexed reads (three after a long break): the
 * cost follows the engine's window, never the size of the stored history.
 */
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
): Promise<PopupState> {
  const today = localDateOf(nowMs, timeZone);
  const w = historyWindow(today, settings);
  const popupFrom = addDays(today, -(POPUP_WEEKS * 7 - 1));
  const activities = await store.between(w.from < popupFrom ? w.from : popupFrom, today);
  const lookup = breakLookup(today, settings, activities);
  const beforeBreak = lookup ? await store.before(lookup.before, lookup.limit) : [];
  const marks = restMarks.filter((d) => d >= popupFrom && d <= today);
  const checkIns = checkInStore ? await checkInStore.between(addDays(today, -13), today) : [];
  const verdict = computeVerdict({ today, settings, activities, beforeBreak, restMarks: marks, checkIns });
  const recent = activities.filter((a) => a.localDate >= popupFrom).sort((a, b) => b.startMs - a.startMs);
  return {
    today,
    timeZone,
    settings,
    verdict,
    recent: recent.slice(0, RECENT_SHOWN),
    strip: dayKinds(today, recent, settings.runningLoadSports, marks, checkIns),
    weeks: weeklyTotals(today, recent, settings.runningLoadSports, POPUP_WEEKS, weekStartFor(settings, locale)),
    totalCount: await store.count(),
    problems,
    lastImport: (await store.recentImports(1))[0] ?? null,
    restMarks: marks,
    runRecordedToday: activities.some((a) => a.localDate === today && settings.runningLoadSports.includes(a.sport)),
    checkIns,
  };
}
