import type { Activity } from '../activity';
import type { CheckIn } from '../check-in';
import { addDays, dayNumber, isLocalDate } from '../local-date';
import { LIMITS } from '../plausibility';
import {
  decodeItem,
  encodeItem,
  fitsRowFormat,
  itemBytes,
  periodOfDate,
  shardKey,
  SYNC_DAYS,
  syncCheckInOf,
  syncRunOf,
  type ShardContent,
  type ShardItem,
  type SyncDeletion,
  type SyncMark,
  type SyncRun,
} from './shard-format';

// What this browser writes to storage.sync, planned within the browsers' limits.

/** Chrome's and Firefox's storage.sync limits (the smaller of the two where they differ). */
export const SYNC_LIMITS = {
  totalBytes: 102_400,
  itemBytes: 8_192,
  items: 512,
  writesPerMinute: 120,
  writesPerHour: 1_800,
} as const;

/**
 * This browser's own share. Under half the total, so two browsers that both see every run still
 * fit with the settings beside them; items well under 8 KB so a busy day never hits the item cap.
 */
export const OWN_LIMITS = { bytes: 45_000, itemBytes: 7_000, reserveBytes: 10_240, floorBytes: 4_096 } as const;

/** The first local date shards still carry on `today`. */
export function syncWindowStart(today: string): string {
  return addDays(today, -(SYNC_DAYS - 1));
}

/** This browser's rows for the last 120 days; older ones are pruned here. */
export function ownContent(
  activities: readonly Activity[],
  deletions: readonly SyncDeletion[],
  marks: readonly SyncMark[],
  today: string,
  checkIns: readonly CheckIn[] = [],
): ShardContent {
  const from = syncWindowStart(today);
  const inWindow = (d: string) => d >= from && d <= today;
  return {
    runs: activities.filter((a) => inWindow(a.localDate) && fitsRowFormat(a)).map(syncRunOf),
    deletions: deletions.filter((d) => inWindow(d.localDate) && fitsRowFormat(d)),
    marks: marks.filter((m) => inWindow(m.date)),
    checkIns: checkIns.filter((c) => inWindow(c.date)).map(syncCheckInOf),
  };
}

export interface ItemPlan {
  items: Record<string, ShardItem>;
  bytes: number;
  /** Runs left out to stay within the budget: all older than every run kept. */
  droppedRuns: number;
  /** Own rows the others would have refused, sent with a sane time instead. */
  repaired: number;
  /** Own rows the others would refuse even so: left out, so the rest of their item is read. */
  leftOut: number;
}

/**
 * How many bytes this browser may use, given what every other key of storage.sync takes. When
 * other browsers leave less than its share, it still takes a small floor of what is free, so a
 * full space costs it its oldest runs, never all of them.
 */
export function ownBudget(othersBytes: number): number {
  const free = SYNC_LIMITS.totalBytes - othersBytes;
  const share = Math.min(OWN_LIMITS.bytes, free - OWN_LIMITS.reserveBytes);
  return Math.max(0, share, Math.min(OWN_LIMITS.floorBytes, free));
}

type Kind = 'runs' | 'deletions' | 'marks' | 'checkIns';
const KINDS: readonly Kind[] = ['runs', 'deletions', 'marks', 'checkIns'];
const EMPTY = (): ShardContent => ({ runs: [], deletions: [], marks: [], checkIns: [] });

/**
 * The same check every other browser makes (decodeItem), applied to this browser's rows before
 * they go: a row it would refuse makes the whole item refused elsewhere. Such a row is sent with
 * its times made sane (a time before 1980 or after now becomes noon of its day, at most now), or
 * left out when that is not enough.
 */
export function checkOwnRows(
  key: string,
  content: ShardContent,
  nowMs: number,
): { content: ShardContent; repaired: number; leftOut: number } {
  if (decodeItem(key, encodeItem(content, nowMs), nowMs).ok) return { content, repaired: 0, leftOut: 0 };
  const out = EMPTY();
  let repaired = 0;
  let leftOut = 0;
  const readable = <K extends Kind>(kind: K, row: ShardContent[K][number]) => {
    const one = EMPTY();
    (one[kind] as unknown[]).push(row);
    return decodeItem(key, encodeItem(one, nowMs), nowMs).ok;
  };
  for (const kind of KINDS)
    for (const row of content[kind]) {
      if (readable(kind, row)) (out[kind] as unknown[]).push(row);
      else {
        const fixed = saneTimes(kind, row, nowMs);
        if (fixed && readable(kind, fixed)) {
          (out[kind] as unknown[]).push(fixed);
          repaired++;
        } else leftOut++;
      }
    }
  return { content: out, repaired, leftOut };
}

function saneTimes<K extends Kind>(kind: K, row: ShardContent[K][number], nowMs: number): typeof row | null {
  const date = 'date' in row ? row.date : row.localDate;
  if (!isLocalDate(date)) return null;
  const noon = Math.min(dayNumber(date) * 86_400_000 + 43_200_000, nowMs);
  const sane = (t: number) =>
    Number.isFinite(t) && t >= LIMITS.earliestStartMs && t <= nowMs ? Math.floor(t / 1000) * 1000 : noon;
  if (kind === 'runs') {
    const r = row as SyncRun;
    return { ...r, updatedMs: sane(r.updatedMs) };
  }
  if (kind === 'deletions') {
    const d = row as SyncDeletion;
    return { ...d, deletedMs: sane(d.deletedMs) };
  }
  if (kind === 'marks') {
    const m = row as SyncMark;
    return { ...m, atMs: sane(m.atMs) };
  }
  const c = row as CheckIn;
  const fixed: CheckIn = { ...c, atMs: sane(c.atMs) };
  if (c.morning) fixed.morning = { ...c.morning, atMs: sane(c.morning.atMs) };
  if (c.later) fixed.later = { ...c.later, atMs: sane(c.later.atMs) };
  return fixed;
}

/** Splits rows into one item per 5-day period, trimming the oldest rows to fit item and total budgets. */
export function planItems(browserId: string, content: ShardContent, writtenMs: number, budget: number): ItemPlan {
  const byPeriod = new Map<number, ShardContent>();
  const bucket = (date: string) => {
    const p = periodOfDate(date);
    let c = byPeriod.get(p);
    if (!c) byPeriod.set(p, (c = { runs: [], deletions: [], marks: [], checkIns: [] }));
    return c;
  };
  for (const r of content.runs) bucket(r.localDate).runs.push(r);
  for (const d of content.deletions) bucket(d.localDate).deletions.push(d);
  for (const m of content.marks) bucket(m.date).marks.push(m);
  for (const h of content.checkIns) bucket(h.date).checkIns.push(h);

  let droppedRuns = 0;
  let repaired = 0;
  let leftOut = 0;
  const items: Record<string, ShardItem> = {};
  let bytes = 0;
  let full = false;
  // Newest periods first: the verdict needs the recent weeks most. Once a period does not fit
  // whole, it keeps its newest rows that fit and every older period goes, so whatever is dropped
  // is older than everything sent.
  for (const period of [...byPeriod.keys()].sort((a, b) => b - a)) {
    const key = shardKey(browserId, period);
    if (full) {
      droppedRuns += byPeriod.get(period)!.runs.length;
      continue;
    }
    const checked = checkOwnRows(key, byPeriod.get(period)!, writtenMs);
    repaired += checked.repaired;
    leftOut += checked.leftOut;
    const c = checked.content;
    if (!KINDS.some((k) => c[k].length)) continue;
    c.runs.sort((a, b) => a.startMs - b.startMs);
    c.deletions.sort((a, b) => a.deletedMs - b.deletedMs);
    const room = budget - bytes;
    const cap = Math.min(OWN_LIMITS.itemBytes, room);
    let item = encodeItem(c, writtenMs);
    let trimmed = false;
    // A busy day, or the last room of a full space: the oldest rows of the period give way.
    while (itemBytes(key, item) > cap && KINDS.some((k) => c[k].length)) {
      trimmed = true;
      if (c.deletions.length > c.runs.length) c.deletions.shift();
      else if (c.runs.length) {
        c.runs.shift();
        droppedRuns++;
      } else if (c.marks.length) c.marks.shift();
      else c.checkIns.shift();
      item = encodeItem(c, writtenMs);
    }
    if (trimmed && cap < OWN_LIMITS.itemBytes) full = true;
    if (!KINDS.some((k) => c[k].length)) continue;
    items[key] = item;
    bytes += itemBytes(key, item);
  }
  return { items, bytes, droppedRuns, repaired, leftOut };
}

const sameRows = (a: ShardItem, b: ShardItem) =>
  JSON.stringify([a.a, a.c, a.d, a.m, a.h]) === JSON.stringify([b.a, b.c, b.d, b.m, b.h]);

/** The writes that turn this browser's current items into the planned ones: changed items only. */
export function diffItems(
  current: Readonly<Record<string, ShardItem>>,
  planned: Readonly<Record<string, ShardItem>>,
  /** Items to write even with the same rows (another browser could not read the stored copy). */
  force: readonly string[] = [],
): { set: Record<string, ShardItem>; remove: string[] } {
  const set: Record<string, ShardItem> = {};
  for (const [k, v] of Object.entries(planned)) {
    const cur = current[k];
    if (!cur || !sameRows(cur, v) || force.includes(k)) set[k] = v;
  }
  const remove = Object.keys(current)
    .filter((k) => !(k in planned))
    .sort();
  return { set, remove };
}
