import type { SaveOutcome } from '../core/protocol';
import type { IDBPDatabase } from 'idb';
import { activityFromInput, sourceKey, type Activity, type ActivityFacts, type ActivityInput } from '../core/activity';
import { admitActivities, checkStoredActivity } from '../core/activity-validation';
import {
  findDuplicate,
  isSameActivity,
  joinableSources,
  MERGE_START_WINDOW_MS,
  mergeInto,
} from '../core/merge-duplicates';
import { LIMITS } from '../core/plausibility';
import type { HipCheckDB, ImportRecord } from './activity-db';

export type { SaveOutcome };

const emptyOutcome = (): SaveOutcome => ({
  added: 0,
  merged: 0,
  updated: 0,
  unchanged: 0,
  known: 0,
  keys: [],
  refused: [],
});

/** A stored record the duplicate search can compare: damaged ones (no sourceKeys...) are passed over. */
function wellFormed(a: Activity, nowMs: number): boolean {
  return checkStoredActivity(a, nowMs + LIMITS.futureSlackMs).ok;
}

/** The values a restore copies from a corrected backup record. */
const CORRECTABLE = [
  'startMs',
  'localDate',
  'sport',
  'sportLabel',
  'distanceM',
  'movingS',
  'elapsedS',
  'name',
] as const satisfies readonly (keyof ActivityFacts)[];

// A record is unchanged when every correctable field and its sources are as they were.
const SAME_VALUES: readonly (keyof Activity)[] = [...CORRECTABLE, 'sourceKeys'];

function sameValues(a: Activity, b: Activity): boolean {
  return SAME_VALUES.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/** The startMs range in which a duplicate of a run starting at `startMs` can lie. */
function startsNear(startMs: number): IDBKeyRange {
  return IDBKeyRange.bound(startMs - MERGE_START_WINDOW_MS, startMs + MERGE_START_WINDOW_MS);
}

/**
 * The records starting near `startMs` as a batch's save sees them: those stored before it (in
 * the index's order) with this batch's own writes in their place or added.
 */
function nearNow(stored: readonly Activity[], written: ReadonlyMap<string, Activity>, startMs: number): Activity[] {
  const near = new Map<string, Activity>();
  for (const a of stored) near.set(a.key, written.get(a.key) ?? a);
  for (const a of written.values()) if (Math.abs(a.startMs - startMs) <= MERGE_START_WINDOW_MS) near.set(a.key, a);
  return [...near.values()]
    .filter((a) => Math.abs(a.startMs - startMs) <= MERGE_START_WINDOW_MS)
    .sort((a, b) => a.startMs - b.startMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Reads and writes activities; every write merges duplicates in the same transaction. */
export class ActivityStore {
  constructor(private readonly db: IDBPDatabase<HipCheckDB>) {}

  async save(inputs: readonly ActivityInput[], nowMs: number): Promise<SaveOutcome> {
    const out = emptyOutcome();
    // The checkpoint: whatever called, nothing implausible reaches the database.
    const { activities, refused } = admitActivities(inputs, nowMs);
    out.refused = refused.map((r) => ({ item: r.sourceId, reason: r.reason }));
    const tx = this.db.transaction('activities', 'readwrite');
    const store = tx.store;
    // The lookups of the whole batch go out at once: one wait for the database instead of two
    // per activity (a bulk import saves thousands). They see the records as they were before
    // this batch; what the batch itself writes is found in `written`.
    const lookups = activities.map((input) =>
      Promise.all([
        store.index('sourceKeys').get(sourceKey(input.source, input.sourceId)),
        store.index('startMs').getAll(startsNear(input.startMs)),
      ]),
    );
    for (const l of lookups) l.catch(() => {}); // a failure aborts the transaction: reported once, below
    const written = new Map<string, Activity>();
    const writtenBySource = new Map<string, string>();
    const puts: Promise<unknown>[] = [];
    const put = (a: Activity) => {
      written.set(a.key, a);
      for (const k of a.sourceKeys) writtenBySource.set(k, a.key);
      puts.push(store.put(a));
    };
    for (let i = 0; i < activities.length; i++) {
      const input = activities[i]!;
      const key = sourceKey(input.source, input.sourceId);
      const [storedKnown, storedNear] = await lookups[i]!;
      const knownRaw = written.get(writtenBySource.get(key) ?? '') ?? storedKnown;
      const known = knownRaw && wellFormed(knownRaw, nowMs) ? knownRaw : undefined;
      if (known) out.known++;
      const candidates = known
        ? [known]
        : nearNow(storedNear, written, input.startMs).filter((c) => wellFormed(c, nowMs));
      const dup = findDuplicate(candidates, input);
      if (!dup) {
        const fresh = activityFromInput(input, nowMs);
        put(fresh);
        out.added++;
        out.keys.push(fresh.key);
        continue;
      }
      const merged = mergeInto(dup, input, nowMs);
      out.keys.push(dup.key);
      if (sameValues(dup, merged)) {
        out.unchanged++;
        continue;
      }
      put(merged);
      if (dup.sourceKeys.includes(key)) out.updated++;
      else out.merged++;
    }
    await Promise.all([...puts, tx.done]);
    return out;
  }

  /**
   * Takes stored records back (a backup). Idempotent: a record already known by any of its
   * source ids, or matching one as a duplicate, gains the missing source ids. A corrected
   * record's values win over an uncorrected copy (the newer correction when both are), and
   * never are two ids of one source joined into one record.
   */
  async restore(records: readonly Activity[], nowMs: number): Promise<SaveOutcome> {
    const out = emptyOutcome();
    const tx = this.db.transaction('activities', 'readwrite');
    const store = tx.store;
    for (const rec of records) {
      let existing: Activity | undefined;
      for (const k of rec.sourceKeys) {
        const hit = await store.index('sourceKeys').get(k);
        if (hit && wellFormed(hit, nowMs)) {
          existing = hit;
          break;
        }
      }
      if (!existing) {
        const near = await store.index('startMs').getAll(startsNear(rec.startMs));
        existing = near.find((n) => wellFormed(n, nowMs) && isSameActivity(n, rec));
      }
      if (!existing) {
        // A key can only be taken here by a record that has since lost that source (deleted and re-added).
        const taken = await store.get(rec.key);
        const stored = taken ? { ...rec, key: `${rec.key}#${rec.startMs}` } : rec;
        await store.put(stored);
        out.added++;
        out.keys.push(stored.key);
        continue;
      }
      out.keys.push(existing.key);
      const joinable = joinableSources(existing, rec.sources);
      const conflicting = rec.sources.filter(
        (s) => !joinable.includes(s) && !existing.sourceKeys.includes(sourceKey(s.source, s.id)),
      );
      if (conflicting.length)
        out.refused.push({
          item: conflicting.map((s) => sourceKey(s.source, s.id)).join(', '),
          reason: `another stored activity (${existing.key}) already holds an id of that source`,
        });
      const recWins = rec.edited === true && (!existing.edited || rec.updatedMs > existing.updatedMs);
      const next: Activity = {
        ...existing,
        sources: [...existing.sources, ...joinable],
        sourceKeys: [...existing.sourceKeys, ...joinable.map((s) => sourceKey(s.source, s.id))],
      };
      if (recWins) {
        for (const k of CORRECTABLE) (next as unknown as Record<string, unknown>)[k] = rec[k];
        next.edited = true;
        next.updatedMs = rec.updatedMs;
      } else if (!existing.edited) {
        // Only gaps are filled; a field cleared by hand on a corrected record stays clear.
        next.distanceM = existing.distanceM ?? rec.distanceM;
        next.movingS = existing.movingS ?? rec.movingS;
        next.elapsedS = existing.elapsedS ?? rec.elapsedS;
      }
      if (sameValues(existing, next) && existing.edited === next.edited) {
        out.unchanged++;
        continue;
      }
      await store.put(next);
      out.merged++;
    }
    await tx.done;
    return out;
  }

  /** Every record a backup can hold; damaged ones are counted instead, so one never breaks an export. */
  async exportable(nowMs: number): Promise<{ activities: Activity[]; damaged: number }> {
    const activities: Activity[] = [];
    let damaged = 0;
    for (const a of await this.all()) {
      const r = checkStoredActivity(a, nowMs + LIMITS.futureSlackMs);
      if (r.ok) activities.push(r.value);
      else damaged++;
    }
    return { activities, damaged };
  }

  /** Activities whose local date lies in [from, to], both inclusive. */
  between(from: string, to: string): Promise<Activity[]> {
    return this.db.getAllFromIndex('activities', 'localDate', IDBKeyRange.bound(from, to));
  }

  /** Up to `limit` activities dated before `date`, newest first. */
  async before(date: string, limit: number): Promise<Activity[]> {
    const out: Activity[] = [];
    let cursor = await this.db
      .transaction('activities')
      .store.index('localDate')
      .openCursor(IDBKeyRange.upperBound(date, true), 'prev');
    while (cursor && out.length < limit) {
      out.push(cursor.value);
      cursor = await cursor.continue();
    }
    return out;
  }

  /** One page of the history, newest first (the options page's table). */
  async page(offset: number, limit: number): Promise<Activity[]> {
    const out: Activity[] = [];
    let cursor = await this.db.transaction('activities').store.index('startMs').openCursor(null, 'prev');
    if (cursor && offset > 0) cursor = await cursor.advance(offset);
    while (cursor && out.length < limit) {
      out.push(cursor.value);
      cursor = await cursor.continue();
    }
    return out;
  }

  /** A correction by hand: it wins over every source from now on. */
  async update(
    key: string,
    patch: Partial<Pick<Activity, 'sport' | 'distanceM' | 'movingS' | 'name'>>,
    nowMs: number,
  ): Promise<Activity | null> {
    const tx = this.db.transaction('activities', 'readwrite');
    const a = await tx.store.get(key);
    if (!a) {
      await tx.done;
      return null;
    }
    const next: Activity = {
      ...a,
      ...patch,
      sportLabel: patch.sport && patch.sport !== a.sport ? patch.sport : a.sportLabel,
      edited: true,
      updatedMs: nowMs,
    };
    await tx.store.put(next);
    await tx.done;
    return next;
  }

  async clear(): Promise<void> {
    const tx = this.db.transaction(['activities', 'imports'], 'readwrite');
    await Promise.all([tx.objectStore('activities').clear(), tx.objectStore('imports').clear(), tx.done]);
  }

  all(): Promise<Activity[]> {
    return this.db.getAll('activities');
  }

  count(): Promise<number> {
    return this.db.count('activities');
  }

  async delete(keys: readonly string[]): Promise<number> {
    const tx = this.db.transaction('activities', 'readwrite');
    let n = 0;
    for (const k of keys) {
      if (await tx.store.get(k)) {
        await tx.store.delete(k);
        n++;
      }
    }
    await tx.done;
    return n;
  }

  async logImport(rec: Omit<ImportRecord, 'id'>): Promise<void> {
    await this.db.add('imports', rec);
  }

  async recentImports(limit: number): Promise<ImportRecord[]> {
    const out: ImportRecord[] = [];
    let cursor = await this.db.transaction('imports').store.openCursor(null, 'prev');
    while (cursor && out.length < limit) {
      out.push(cursor.value);
      cursor = await cursor.continue();
    }
    return out;
  }
}
