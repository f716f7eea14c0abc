import type { Activity } from '../activity';
import type { CheckIn } from '../check-in';
import { addDays } from '../local-date';
import {
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
export const OWN_LIMITS = { bytes: 45_000, itemBytes: 7_000, reserveBytes: 10_240 } as const;

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
  /** Runs left out to stay within the budget (oldest first). */
  droppedRuns: number;
}

/** How many bytes this browser may use, given what the other browsers' items already take. */
export function ownBudget(othersBytes: number): number {
  return Math.max(0, Math.min(OWN_LIMITS.bytes, SYNC_LIMITS.totalBytes - OWN_LIMITS.reserveBytes - othersBytes));
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
  const planned: { period: number; key: string; item: ShardItem; bytes: number }[] = [];
  for (const [period, c] of byPeriod) {
    c.runs.sort((a, b) => a.startMs - b.startMs);
    c.deletions.sort((a, b) => a.deletedMs - b.deletedMs);
    const key = shardKey(browserId, period);
    let item = encodeItem(c, writtenMs);
    // Only a day with dozens of activities gets here: the oldest rows of the period give way.
    while (itemBytes(key, item) > OWN_LIMITS.itemBytes) {
      if (c.deletions.length > c.runs.length) c.deletions.shift();
      else if (c.runs.length) {
        c.runs.shift();
        droppedRuns++;
      } else if (c.marks.length) c.marks.shift();
      else c.checkIns.shift();
      item = encodeItem(c, writtenMs);
    }
    planned.push({ period, key, item, bytes: itemBytes(key, item) });
  }
  // Over the total: whole periods go, oldest first; the verdict needs the recent weeks most.
  planned.sort((a, b) => b.period - a.period);
  const items: Record<string, ShardItem> = {};
  let bytes = 0;
  for (const p of planned) {
    if (bytes + p.bytes > budget) {
      droppedRuns += p.item.a?.length ?? 0;
      continue;
    }
    items[p.key] = p.item;
    bytes += p.bytes;
  }
  return { items, bytes, droppedRuns };
}

const sameRows = (a: ShardItem, b: ShardItem) =>
  JSON.stringify([a.a, a.c, a.d, a.m, a.h]) === JSON.stringify([b.a, b.c, b.d, b.m, b.h]);

/** The writes that turn this browser's current items into the planned ones: changed items only. */
export function diffItems(
  current: Readonly<Record<string, ShardItem>>,
  planned: Readonly<Record<string, ShardItem>>,
): { set: Record<string, ShardItem>; remove: string[] } {
  const set: Record<string, ShardItem> = {};
  for (const [k, v] of Object.entries(planned)) {
    const cur = current[k];
    if (!cur || !sameRows(cur, v)) set[k] = v;
  }
  const remove = Object.keys(current)
    .filter((k) => !(k in planned))
    .sort();
  return { set, remove };
}
