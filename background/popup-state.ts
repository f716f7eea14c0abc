import type { Activity } from '../core/activity';
import { breakLookup, historyWindow } from '../core/history-window';
import { addDays, localDateOf } from '../core/local-date';
import type { Settings } from '../core/settings';
import { computeVerdict, type Verdict } from '../core/verdict';
import type { ImportRecord } from './activity-db';
import type { ActivityStore } from './activity-store';
import type { StoredProblem } from './read-problems';

/** Weeks of history the popup shows (strip and weekly chart). */
export const POPUP_WEEKS = 12;

export interface PopupState {
  today: string;
  timeZone: string;
  settings: Settings;
  verdict: Verdict;
  /** Activities of the last POPUP_WEEKS weeks, newest first. */
  recent: Activity[];
  totalCount: number;
  problems: StoredProblem[];
  lastImport: ImportRecord | null;
}

export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Everything the popup and badge show, from two indexed reads (three after a long break): the
 * cost follows the engine's window, never the size of the stored history.
 */
export async function buildPopupState(
  store: ActivityStore,
  settings: Settings,
  problems: StoredProblem[],
  nowMs: number,
  timeZone: string,
): Promise<PopupState> {
  const today = localDateOf(nowMs, timeZone);
  const w = historyWindow(today, settings);
  const popupFrom = addDays(today, -(POPUP_WEEKS * 7 - 1));
  const activities = await store.between(w.from < popupFrom ? w.from : popupFrom, today);
  const lookup = breakLookup(today, settings, activities);
  const beforeBreak = lookup ? await store.before(lookup.before, lookup.limit) : [];
  const verdict = computeVerdict({ today, settings, activities, beforeBreak });
  const recent = activities.filter((a) => a.localDate >= popupFrom).sort((a, b) => b.startMs - a.startMs);
  return {
    today,
    timeZone,
    settings,
    verdict,
    recent,
    totalCount: await store.count(),
    problems,
    lastImport: (await store.recentImports(1))[0] ?? null,
  };
}
