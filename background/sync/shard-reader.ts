import { browser } from 'wxt/browser';
import {
  decodeItem,
  itemBytes,
  parseShardKey,
  periodOfDate,
  SHARD_PREFIX,
  SYNC_DAYS,
  type ShardContent,
  type ShardItem,
  type ShardProblem,
} from '../../core/sync/shard-format';
import { syncWindowStart } from '../../core/sync/shard-plan';
import { decodeNotices, isNoticeKey, noticeKey, type RefusalNotice } from '../../core/sync/refusal-notice';

// Reads every browser's items from storage.sync. Other browsers' items are checked like any
// input from outside; one that fails is ignored and named in the status, never half-used.

export interface SyncProblem {
  problem: ShardProblem;
  /** The item's key and what in it failed, shown to the runner as they are. */
  item: string;
  detail: string;
}

export interface ShardRead {
  /** This browser's items as they stand in storage.sync (to write only what changed). */
  ownItems: Record<string, ShardItem>;
  others: ShardContent[];
  /** Bytes every other key of storage.sync takes: other browsers' items and the settings. */
  othersBytes: number;
  browsers: number;
  problems: SyncProblem[];
  /** This browser's notice item as it stands in storage.sync. */
  ownNotices: unknown;
  /** Other browsers' notices about this browser's items. */
  aboutOwn: (RefusalNotice & { from: string })[];
}

export function isShardKey(key: string): boolean {
  return key.startsWith(SHARD_PREFIX);
}

export async function readShards(ownId: string, nowMs: number, today: string): Promise<ShardRead> {
  const all = await browser.storage.sync.get<Record<string, unknown>>(null);
  const firstPeriod = periodOfDate(syncWindowStart(today));
  const ownItems: Record<string, ShardItem> = {};
  const problems: SyncProblem[] = [];
  const byBrowser = new Map<string, { writtenMs: number; content: ShardContent }[]>();
  let othersBytes = 0;
  let ownNotices: unknown = undefined;
  const aboutOwn: (RefusalNotice & { from: string })[] = [];
  for (const [key, value] of Object.entries(all)) {
    const k = isShardKey(key) ? parseShardKey(key) : null;
    if (k?.browserId === ownId) {
      ownItems[key] = value as ShardItem;
      continue;
    }
    if (key === noticeKey(ownId)) {
      ownNotices = value;
      continue;
    }
    othersBytes += itemBytes(key, value);
    if (isNoticeKey(key)) {
      // Junk here is ignored quietly: a notice only ever asks this browser to write again.
      const d = decodeNotices(key, value);
      for (const n of d?.notices ?? []) if (n.browserId === ownId) aboutOwn.push({ ...n, from: d!.from });
      continue;
    }
    if (!isShardKey(key)) continue;
    const d = decodeItem(key, value, nowMs);
    if (!d.ok) {
      problems.push({ problem: d.problem, item: key.slice(0, 40), detail: d.detail });
      continue;
    }
    if (d.period < firstPeriod) continue;
    const list = byBrowser.get(d.browserId) ?? [];
    list.push({ writtenMs: d.writtenMs, content: d.content });
    byBrowser.set(d.browserId, list);
  }
  const others: ShardContent[] = [];
  let browsers = 0;
  for (const items of byBrowser.values()) {
    // A browser not heard from for 120 days is gone: its leftovers are pruned from the merge.
    if (Math.max(...items.map((i) => i.writtenMs)) < nowMs - SYNC_DAYS * 86_400_000) continue;
    browsers++;
    for (const i of items) others.push(i.content);
  }
  return { ownItems, others, othersBytes, browsers, problems, ownNotices, aboutOwn };
}
