import { browser } from 'wxt/browser';
import type { Activity } from '../../core/activity';
import { isLocalDate } from '../../core/local-date';
import { isObj } from '../../core/guards';
import {
  BROWSER_ID_RE,
  decodeDeletion,
  encodeDeletion,
  fitsRowFormat,
  syncDeletionOf,
  type SyncDeletion,
  type SyncMark,
} from '../../core/sync/shard-format';
import { boundsOf, noteSeen, type FirstSeen, type SeenEntry } from '../../core/sync/first-seen';
import type { ShardContent } from '../../core/sync/shard-format';
import { syncWindowStart } from '../../core/sync/shard-plan';
import type { RefusalNotice } from '../../core/sync/refusal-notice';
import type { SyncProblem } from './shard-reader';

// What sync keeps in this browser's storage.local: the opt-in, this browser's random id, the
// deletions and rest-mark changes it must tell the others about, and its status for the options
// page. The options page writes SYNC_ON_KEY itself and reads SYNC_STATUS_KEY.

export const SYNC_ON_KEY = 'syncRuns';
export const SYNC_STATUS_KEY = 'syncStatus';
const ID_KEY = 'syncBrowserId';
const DELETIONS_KEY = 'syncDeletions';
const MARKS_KEY = 'syncMarkLog';
const WRITES_KEY = 'syncWrites';
const FIRST_SEEN_KEY = 'syncFirstSeen';
/** Deletions kept at most; each is one short row. */
const MAX_DELETIONS = 2000;

export async function isSyncOn(): Promise<boolean> {
  return (await browser.storage.local.get(SYNC_ON_KEY))[SYNC_ON_KEY] === true;
}

/** A random id, made once: it names this browser's items and nothing else about it. */
export async function browserId(): Promise<string> {
  const got = (await browser.storage.local.get(ID_KEY))[ID_KEY];
  if (typeof got === 'string' && BROWSER_ID_RE.test(got)) return got;
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const id = [...bytes].map((b) => (b % 36).toString(36)).join('') + Date.now().toString(36).slice(-4);
  await browser.storage.local.set({ [ID_KEY]: id });
  return id;
}

export async function listDeletions(): Promise<SyncDeletion[]> {
  const v = (await browser.storage.local.get(DELETIONS_KEY))[DELETIONS_KEY];
  if (!Array.isArray(v)) return [];
  return v.flatMap((row) => (typeof row === 'string' ? (decodeDeletion(row) ?? []) : []));
}

/** Notes deleted runs of the last 120 days, so that no other browser's copy brings them back. */
export async function noteDeletions(gone: readonly Activity[], nowMs: number, today: string): Promise<void> {
  const from = syncWindowStart(today);
  const fresh = gone.filter((a) => a.localDate >= from && fitsRowFormat(a)).map((a) => syncDeletionOf(a, nowMs));
  if (fresh.length === 0) return;
  const kept = [...(await listDeletions()).filter((d) => d.localDate >= from), ...fresh].slice(-MAX_DELETIONS);
  await browser.storage.local.set({ [DELETIONS_KEY]: kept.map(encodeDeletion) });
}

/** Keeps the deletions `keep` accepts: a restore takes back those of the runs it stored. */
export async function keepDeletions(keep: (d: SyncDeletion) => boolean): Promise<void> {
  const all = await listDeletions();
  const kept = all.filter(keep);
  if (kept.length < all.length) await browser.storage.local.set({ [DELETIONS_KEY]: kept.map(encodeDeletion) });
}

async function markLog(): Promise<SyncMark[]> {
  const v = (await browser.storage.local.get(MARKS_KEY))[MARKS_KEY];
  if (!Array.isArray(v)) return [];
  return (v as unknown[]).filter(
    (m): m is SyncMark => isObj(m) && isLocalDate(m.date) && typeof m.on === 'boolean' && Number.isFinite(m.atMs),
  );
}

/** The latest change of a rest mark per date, so that taking one back reaches the other browsers. */
export async function noteRestMarks(dates: readonly string[], on: boolean, nowMs: number): Promise<void> {
  const byDate = new Map((await markLog()).map((m) => [m.date, m]));
  for (const date of dates) byDate.set(date, { date, on, atMs: Math.floor(nowMs / 1000) * 1000 });
  const kept = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1)).slice(-200);
  await browser.storage.local.set({ [MARKS_KEY]: kept });
}

/** This browser's rest marks as shard rows: logged changes, and older marks with no time. */
export async function ownMarks(current: readonly string[]): Promise<SyncMark[]> {
  const log = new Map((await markLog()).map((m) => [m.date, m]));
  const out: SyncMark[] = current.map((date) => log.get(date) ?? { date, on: true, atMs: 0 });
  for (const m of log.values()) if (!m.on) out.push(m);
  return out;
}

/**
 * Notes when this browser first saw each row of these shards (its own included) and returns the
 * bounds the merge believes times up to. Stored as [fact, seconds, date] rows, pruned with the
 * 120-day window and capped (core/sync/first-seen.ts).
 */
export async function firstSeenBounds(
  contents: readonly ShardContent[],
  nowMs: number,
  today: string,
): Promise<FirstSeen> {
  const v = (await browser.storage.local.get(FIRST_SEEN_KEY))[FIRST_SEEN_KEY];
  const known = new Map<string, SeenEntry>();
  if (Array.isArray(v))
    for (const e of v as unknown[])
      if (Array.isArray(e) && typeof e[0] === 'string' && Number.isFinite(e[1]) && isLocalDate(e[2]))
        known.set(e[0], { ms: (e[1] as number) * 1000, date: e[2] });
  const next = noteSeen(known, contents, Math.floor(nowMs / 1000) * 1000, syncWindowStart(today));
  if (next)
    await browser.storage.local.set({
      [FIRST_SEEN_KEY]: [...next].map(([k, e]) => [k, Math.floor(e.ms / 1000), e.date]),
    });
  return boundsOf(next ?? known);
}

export async function forgetFirstSeen(): Promise<void> {
  await browser.storage.local.remove(FIRST_SEEN_KEY);
}

export async function pastWrites(): Promise<number[]> {
  const v = (await browser.storage.local.get(WRITES_KEY))[WRITES_KEY];
  return Array.isArray(v) ? v.filter((t): t is number => typeof t === 'number') : [];
}

export async function saveWrites(times: readonly number[]): Promise<void> {
  await browser.storage.local.set({ [WRITES_KEY]: times });
}

/** What the options page shows about sync. Problems are codes with parameters, worded by _locales. */
export interface SyncStatus {
  lastWriteMs: number | null;
  /** Bytes this browser's items take in storage.sync. */
  bytes: number;
  /** Other browsers whose runs are merged in. */
  browsers: number;
  droppedRuns: number;
  /** Other browsers' items that were ignored, and why. */
  problems: SyncProblem[];
  /** The browser's own words when it refused a write (quota, rate), until a write succeeds. */
  refused: string | null;
  /** This browser's items another browser said it refused; they are written again, repaired. */
  refusedElsewhere?: (RefusalNotice & { from: string })[];
  /** Own records the others would refuse even with sane times: kept here, not sent. */
  leftOut?: number;
  /** Other browsers fill the sync space: nothing of this browser's fits; what it sent stays. */
  noRoom?: boolean;
}

export async function loadStatus(): Promise<SyncStatus | null> {
  const v = (await browser.storage.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY];
  return typeof v === 'object' && v !== null ? (v as SyncStatus) : null;
}

export async function saveStatus(patch: Partial<SyncStatus> | null): Promise<void> {
  if (patch === null) {
    await browser.storage.local.remove(SYNC_STATUS_KEY);
    return;
  }
  const cur = (await loadStatus()) ?? {
    lastWriteMs: null,
    bytes: 0,
    browsers: 0,
    droppedRuns: 0,
    problems: [],
    refused: null,
  };
  await browser.storage.local.set({ [SYNC_STATUS_KEY]: { ...cur, ...patch } });
}
