import { browser } from 'wxt/browser';
import { isLocalDate } from '../core/local-date';

// "I rested today": days the runner marked as rest. A rest day is simply a day without a run, so
// a mark changes no count; it tells the popup (and the rest-day notification) that today's rest
// is taken, which no site could have said.
const KEY = 'restMarks';
const KEEP = 60;

export async function listRestMarks(): Promise<string[]> {
  const v = (await browser.storage.local.get(KEY))[KEY];
  return Array.isArray(v) ? v.filter(isLocalDate) : [];
}

export async function setRestMark(date: string, on: boolean): Promise<string[]> {
  const marks = new Set(await listRestMarks());
  if (on) marks.add(date);
  else marks.delete(date);
  const kept = [...marks].sort().slice(-KEEP);
  await browser.storage.local.set({ [KEY]: kept });
  return kept;
}

export async function clearRestMarks(): Promise<void> {
  await browser.storage.local.remove(KEY);
}
