import { browser } from 'wxt/browser';
import type { Activity } from '../core/activity';
import { isObj } from '../core/guards';

// A run deleted in the history can be taken back for a while ("Deleted. Undo"): the records as they
// were are kept in storage.session (this browser session only, never synced), under a token the page
// gets with the deletion's reply.
const KEY = 'undoDeletes';
/** How long a deletion can be undone. */
export const UNDO_DELETE_MS = 10 * 60_000;
const MAX_KEPT = 20;

interface Kept {
  token: string;
  atMs: number;
  records: Activity[];
}

async function kept(nowMs: number): Promise<Kept[]> {
  const v = (await browser.storage.session.get(KEY))[KEY];
  if (!Array.isArray(v)) return [];
  return (v as unknown[]).filter(
    (k): k is Kept =>
      isObj(k) &&
      typeof k.token === 'string' &&
      typeof k.atMs === 'number' &&
      Array.isArray(k.records) &&
      nowMs - k.atMs < UNDO_DELETE_MS &&
      k.atMs <= nowMs,
  );
}

export async function keepForUndo(records: Activity[], nowMs: number): Promise<string | null> {
  if (records.length === 0) return null;
  const token = `${nowMs.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  const all = [{ token, atMs: nowMs, records }, ...(await kept(nowMs))].slice(0, MAX_KEPT);
  await browser.storage.session.set({ [KEY]: all });
  return token;
}

/** The records of a deletion still undoable, taken (once); null when gone or too old. */
export async function takeForUndo(token: string, nowMs: number): Promise<Activity[] | null> {
  const all = await kept(nowMs);
  const found = all.find((k) => k.token === token);
  await browser.storage.session.set({ [KEY]: all.filter((k) => k.token !== token) });
  return found?.records ?? null;
}
