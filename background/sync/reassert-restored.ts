import { deletionMatches } from '../../core/same-activity';
import type { SyncDeletion } from '../../core/sync/shard-format';
import type { ActivityStore } from '../activity-store';

// A restore is the runner's latest word on the runs it stores: an older deletion of one of them
// (left by "Delete all data" or a deletion, for sync) must not hide it again, here or in the
// runner's other browsers. Such deletions are dropped, and the runs they matched marked changed
// now, so a copy of the deletion another browser still reads is older than the run.

export interface DeletionLog {
  listDeletions(): Promise<SyncDeletion[]>;
  keepDeletions(keep: (d: SyncDeletion) => boolean): Promise<void>;
}

export async function reassertRestored(
  store: Pick<ActivityStore, 'near' | 'touch'>,
  keys: readonly string[],
  nowMs: number,
  log: DeletionLog,
): Promise<void> {
  const deletions = await log.listDeletions();
  if (deletions.length === 0) return;
  const restored = new Set(keys);
  const overruled = new Set<SyncDeletion>();
  const touched = new Set<string>();
  for (const d of deletions) {
    if (d.deletedMs > nowMs) continue; // deleted after the restore began: the runner's later word
    for (const a of await store.near(d))
      if (restored.has(a.key) && deletionMatches(d, a)) {
        overruled.add(d);
        touched.add(a.key);
      }
  }
  if (overruled.size === 0) return;
  // Marked first, then dropped: a worker stopped between the two does both again on its next start.
  await store.touch([...touched], nowMs);
  await log.keepDeletions((d) => ![...overruled].some((o) => sameDeletion(o, d)));
}

function sameDeletion(a: SyncDeletion, b: SyncDeletion): boolean {
  return a.deletedMs === b.deletedMs && a.startMs === b.startMs && a.sourceKeys.join() === b.sourceKeys.join();
}
