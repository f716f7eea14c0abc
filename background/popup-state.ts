import type { Activity } from '../core/activity';
import { addDays, localDateOf } from '../core/local-date';
import type { Settings } from '../core/settings';
import type { ActivityStore } from './activity-store';
import type { ImportRecord } from './activity-db';
import type { StoredProblem } from './read-problems';

/** Weeks of history the popup shows (strip and weekly chart). */
export const POPUP_WEEKS = 12;

export interface PopupState {
  today: string;
  timeZone: string;
  settings: Settings;
  /** Activities of the last POPUP_WEEKS weeks, newest first. */
  recent: Activity[];
  totalCount: number;
  problems: StoredProblem[];
  lastImport: ImportRecord | null;
  verdict: { level: 'ok' | 'caution' | 'rest_due' | 'warning'; streak: { runDays: number } };
}

export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export async function buildPopupState(
  store: ActivityStore,
  settings: Settings,
  problems: StoredProblem[],
  nowMs: number,
  timeZone: string,
): Promise<PopupState> {
  const today = localDateOf(nowMs, timeZone);
  const recent = await store.between(addDays(today, -(POPUP_WEEKS * 7 - 1)), today);
  recent.sort((a, b) => b.startMs - a.startMs);
  const runDates = new Set(recent.filter((a) => settings.runningLoadSports.includes(a.sport)).map((a) => a.localDate));
  let runDays = 0;
  while (runDates.has(addDays(today, -runDays))) runDays++;
  return {
    today,
    timeZone,
    settings,
    recent,
    totalCount: await store.count(),
    problems,
    lastImport: (await store.recentImports(1))[0] ?? null,
    verdict: { level: 'ok', streak: { runDays } },
  };
}
