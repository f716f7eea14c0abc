import { browser } from 'wxt/browser';
import { isLocalDate } from '../core/local-date';

// "I rested today": days the runner marked as rest. The verdict and the badge count a marked day
// as a full rest day at once (the runner's word wins), the notification stays quiet, and the marks
// are in the backup. Every mark is kept: their dates (1980 to today, checked on the way in) bound
// them, and no cap may ever drop the runner's own marks to make room for a restored one.
const KEY = 'restMarks';

export async function listRestMarks(): Promise<string[]> {
  const v = (await browser.storage.local.get(KEY))[KEY];
  return Array.isArray(v) ? v.filter(isLocalDate) : [];
}

export async function setRestMark(date: string, on: boolean): Promise<string[]> {
  const marks = new Set(await listRestMarks());
  if (on) marks.add(date);
  else marks.delete(date);
  const kept = [...marks].sort();
  await browser.storage.local.set({ [KEY]: kept });
  return kept;
}

export async function restoreRestMarks(dates: readonly string[]): Promise<void> {
  const marks = new Set([...(await listRestMarks()), ...dates.filter(isLocalDate)]);
  await browser.storage.local.set({ [KEY]: [...marks].sort() });
}

export async function clearRestMarks(): Promise<void> {
  await browser.storage.local.remove(KEY);
}
