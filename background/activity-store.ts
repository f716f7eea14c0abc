import type { SaveOutcome } from '../core/protocol';
import type { IDBPDatabase } from 'idb';
import { activityFromInput, sourceKey, type Activity, type ActivityFacts, type ActivityInput } from '../core/activity';
import { admitActivities, checkStoredActivity } from '../core/activity-validation';
import { joinableSources, mergeInto } from '../core/merge-duplicates';
import { findSame, isHandEntryOnly, startWindow, type Identity } from '../core/same-activity';
import { checkPace, LIMITS } from '../core/plausibility';
import { problem, storedProblem, type Problem } from '../core/problem-codes';
import type { HipCheckDB, ImportRecord } from './activity-db';
import { journalId } from './restore-journal';

export type { SaveOutcome };

/** Runs a restore writes per transaction: a read waits for one batch, about a tenth of a second. */
export const RESTORE_BATCH = 300;

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

// A record is unchanged when every correctable field, its cadence and its sources are as they were.
const SAME_VALUES: readonly (keyof Activity)[] = [...CORRECTABLE, 'cadenceSpm', 'sourceKeys'];

function sameValues(a: Activity, b: Activity): boolean {
  return SAME_VALUES.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/** The startMs range in which a record starting at `startMs` finds its same-start matches. */
function startsNear(startMs: number): IDBKeyRange {
  const w = startWindow(startMs);
  return IDBKeyRange.bound(w.from, w.to);
}

/** Every record holding an id of a run typed by hand ("manual:" sorts before "manual:" + any id). */
const HAND_KEYS = IDBKeyRange.bound('manual:', 'manual:\uffff');

/**
 * The records a batch's save compares an input with, as the save sees them: those stored before
 * it (the index lookups) with this batch's own writes in their place or added. Same-start
 * candidates, and the records of the input's day that the hand-entry link may join.
 */
function candidatesFor(
  stored: readonly Activity[],
  written: ReadonlyMap<string, Activity>,
  writtenOn: ReadonlyMap<string, ReadonlySet<string>>,
  input: Pick<ActivityInput, 'startMs' | 'localDate'>,
): Activity[] {
  const w = startWindow(input.startMs);
  const near = new Map<string, Activity>();
  for (const a of stored) near.set(a.key, written.get(a.key) ?? a);
  for (const k of writtenOn.get(input.localDate) ?? []) near.set(k, written.get(k)!);
  for (const a of written.values()) if (a.startMs >= w.from && a.startMs <= w.to) near.set(a.key, a);
  return [...near.values()]
    .filter((a) => (a.startMs >= w.from && a.startMs <= w.to) || a.localDate === input.localDate)
    .sort((a, b) => a.startMs - b.startMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** What one batch has written so far: its lookups, made before it, cannot see these. */
class BatchWrites {
  readonly written = new Map<string, Activity>();
  /** The keys written per local date. */
  readonly writtenOn = new Map<string, Set<string>>();
  private readonly keyOfSource = new Map<string, string>();

  note(a: Activity): void {
    this.written.set(a.key, a);
    for (const k of a.sourceKeys) this.keyOfSource.set(k, a.key);
    const day = this.writtenOn.get(a.localDate);
    if (day) day.add(a.key);
    else this.writtenOn.set(a.localDate, new Set([a.key]));
  }

  /** The record this batch wrote that holds source key `k`. */
  bySource(k: string): Activity | undefined {
    return this.written.get(this.keyOfSource.get(k) ?? '');
  }
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
    // A run typed by hand joins the recorded run of its day whatever their starts: a hand entry
    // looks up its day's records, and a recorded run the day's hand entries (read once a batch).
    const handEntries = activities.some((a) => a.source !== 'manual')
      ? store.index('sourceKeys').getAll(HAND_KEYS)
      : Promise.resolve([]);
    const lookups = activities.map((input) =>
      Promise.all([
        store.index('sourceKeys').get(sourceKey(input.source, input.sourceId)),
        store.index('startMs').getAll(startsNear(input.startMs)),
        input.source === 'manual' ? store.index('localDate').getAll(input.localDate) : Promise.resolve([]),
      ]),
    );
    for (const l of [handEntries, ...lookups]) l.catch(() => {}); // a failure aborts the transaction: reported once, below
    const handOn = new Map<string, Activity[]>();
    for (const a of await handEntries)
      if (isHandEntryOnly(a)) handOn.set(a.localDate, [...(handOn.get(a.localDate) ?? []), a]);
    const batch = new BatchWrites();
    const { written, writtenOn } = batch;
    const puts: Promise<unknown>[] = [];
    const put = (a: Activity) => {
      batch.note(a);
      puts.push(store.put(a));
    };
    for (let i = 0; i < activities.length; i++) {
      const input = activities[i]!;
      const key = sourceKey(input.source, input.sourceId);
      const [storedKnown, storedNear, storedThatDay] = await lookups[i]!;
      const knownRaw = batch.bySource(key) ?? storedKnown;
      const known = knownRaw && wellFormed(knownRaw, nowMs) ? knownRaw : undefined;
      if (known) out.known++;
      const sameDay = input.source === 'manual' ? storedThatDay : (handOn.get(input.localDate) ?? []);
      const candidates = known
        ? [known]
        : candidatesFor([...storedNear, ...sameDay], written, writtenOn, input).filter((c) => wellFormed(c, nowMs));
      const dup = findSame(candidates, { ...input, sourceKeys: [key] });
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
   *
   * Written in batches of `batchSize`, one transaction each, so that reads (the popup's) wait for
   * one batch, never for the whole backup. With `journal`, each batch also keeps the records it
   * replaces, and the keys it adds, in the restore journal in the same transaction, so that a
   * restore stopped between batches can be taken back (background/restore-journal.ts).
   */
  async restore(
    records: readonly Activity[],
    nowMs: number,
    opts: { batchSize?: number; journal?: boolean; afterBatch?: (done: number) => Promise<void> | void } = {},
  ): Promise<SaveOutcome> {
    const out = emptyOutcome();
    const size = opts.batchSize ?? RESTORE_BATCH;
    for (let i = 0; i < records.length; i += size) {
      await this.restoreBatch(records.slice(i, i + size), nowMs, out, opts.journal === true);
      await opts.afterBatch?.(Math.min(i + size, records.length));
    }
    return out;
  }

  private async restoreBatch(
    records: readonly Activity[],
    nowMs: number,
    out: SaveOutcome,
    journal: boolean,
  ): Promise<void> {
    const tx = this.db.transaction(['activities', 'restoreJournal'], 'readwrite');
    const store = tx.objectStore('activities');
    // Every lookup of the batch at once, as save() does; this batch's own writes are in `written`.
    const lookups = records.map((rec) =>
      Promise.all([
        Promise.all(rec.sourceKeys.map((k) => store.index('sourceKeys').get(k))),
        store.index('startMs').getAll(startsNear(rec.startMs)),
        store.index('localDate').getAll(rec.localDate),
        store.getKey(rec.key),
      ]),
    );
    for (const l of lookups) l.catch(() => {}); // a failure aborts the transaction: reported once, below
    const batch = new BatchWrites();
    const { written, writtenOn } = batch;
    const put = (a: Activity) => batch.note(a);
    for (let i = 0; i < records.length; i++) {
      const rec = records[i]!;
      const [hits, storedNear, storedThatDay, takenKey] = await lookups[i]!;
      let existing: Activity | undefined;
      for (let j = 0; j < rec.sourceKeys.length && !existing; j++) {
        const stored = hits[j];
        const hit = batch.bySource(rec.sourceKeys[j]!) ?? (stored && (written.get(stored.key) ?? stored));
        if (hit && wellFormed(hit, nowMs)) existing = hit;
      }
      existing ??= findSame(
        candidatesFor([...storedNear, ...storedThatDay], written, writtenOn, rec).filter((n) => wellFormed(n, nowMs)),
        rec,
      );
      if (!existing) {
        // A key can only be taken here by a record that has since lost that source (deleted and re-added).
        const taken = takenKey !== undefined || written.has(rec.key);
        const stored = taken ? { ...rec, key: `${rec.key}#${rec.startMs}` } : rec;
        put(stored);
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
          reason: problem('store_source_taken', existing.key),
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
      // Never corrected by hand, so never cleared by hand: a cadence on either side is kept.
      const cadenceSpm = recWins ? (rec.cadenceSpm ?? existing.cadenceSpm) : (existing.cadenceSpm ?? rec.cadenceSpm);
      if (cadenceSpm !== undefined) next.cadenceSpm = cadenceSpm;
      if (sameValues(existing, next) && existing.edited === next.edited) {
        out.unchanged++;
        continue;
      }
      put(next);
      out.merged++;
    }
    const writes = [...written.values()];
    if (journal) {
      // The record each key held before this restore: kept once, by the first batch that writes it.
      const jstore = tx.objectStore('restoreJournal');
      const [noted, before] = await Promise.all([
        Promise.all(writes.map((a) => jstore.getKey(journalId(a.key)))),
        Promise.all(writes.map((a) => store.get(a.key))),
      ]);
      writes.forEach((a, i) => {
        if (noted[i] === undefined) void jstore.put({ id: journalId(a.key), key: a.key, before: before[i] ?? null });
      });
    }
    await Promise.all([...writes.map((a) => store.put(a)), tx.done]);
  }

  /** The records `x` may be the same activity as: by a shared source id, or starting near it. */
  async near(x: Identity): Promise<Activity[]> {
    const tx = this.db.transaction('activities');
    const [byStart, ...byId] = await Promise.all([
      tx.store.index('startMs').getAll(startsNear(x.startMs)),
      ...x.sourceKeys.map((k) => tx.store.index('sourceKeys').getAll(k)),
    ]);
    return [...new Map([...byStart, ...byId.flat()].map((a) => [a.key, a])).values()];
  }

  /** Marks records as changed at `nowMs` (never earlier than they were): a restore re-asserts them. */
  async touch(keys: readonly string[], nowMs: number): Promise<void> {
    const tx = this.db.transaction('activities', 'readwrite');
    const found = await Promise.all(keys.map((k) => tx.store.get(k)));
    for (const a of found) if (a && a.updatedMs < nowMs) void tx.store.put({ ...a, updatedMs: nowMs });
    await tx.done;
  }

  /** Every record a backup can hold; damaged ones are counted instead, so one never breaks an export. */
  async exportable(nowMs: number): Promise<{ activities: Activity[]; damaged: number }> {
    const activities: Activity[] = [];
    let damaged = 0;
    for (const stored of await this.all()) {
      // A change time out of range (written by an older build or a restore of one) would make the
      // whole backup refused on import: exported as the run's start, or now when it lies ahead.
      const t = stored.updatedMs;
      const a =
        typeof t === 'number' && t > nowMs
          ? { ...stored, updatedMs: nowMs }
          : typeof t === 'number' && t < LIMITS.earliestStartMs
            ? { ...stored, updatedMs: stored.startMs }
            : stored;
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
  ): Promise<Activity | Problem | null> {
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
    // A correction is a way in too: 300 km in the run's 25 minutes is a slip of the keys.
    const tooFast = checkPace(next.sport, next.distanceM, next.movingS, next.elapsedS);
    if (tooFast) {
      await tx.done;
      return tooFast;
    }
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

  /** The stored records of these keys (missing ones left out), in the keys' order. */
  async get(keys: readonly string[]): Promise<Activity[]> {
    const tx = this.db.transaction('activities');
    const found = await Promise.all(keys.map((k) => tx.store.get(k)));
    await tx.done;
    return found.filter((a): a is Activity => a !== undefined);
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

  /**
   * Takes one reading back (the popup's "Undo" of a run typed by hand): the record that holds
   * `key` loses that source, and goes only if it had no other. Not a deletion of the activity:
   * the watch's or Strava's copy it was joined with stays, and no deletion is noted for sync
   * (a run typed by hand exists in this browser alone). Returns whether anything changed.
   */
  async withdraw(key: string, nowMs: number): Promise<boolean> {
    const tx = this.db.transaction('activities', 'readwrite');
    const a = await tx.store.index('sourceKeys').get(key);
    if (a?.sourceKeys.length === 1) await tx.store.delete(a.key);
    else if (a)
      await tx.store.put({
        ...a,
        sources: a.sources.filter((s) => sourceKey(s.source, s.id) !== key),
        sourceKeys: a.sourceKeys.filter((k) => k !== key),
        updatedMs: nowMs,
      });
    await tx.done;
    return a !== undefined;
  }

  async logImport(rec: Omit<ImportRecord, 'id'>): Promise<void> {
    await this.db.add('imports', rec);
  }

  async recentImports(limit: number): Promise<ImportRecord[]> {
    const out: ImportRecord[] = [];
    let cursor = await this.db.transaction('imports').store.openCursor(null, 'prev');
    while (cursor && out.length < limit) {
      // Reasons logged by older versions may be English text: read back as codes.
      const rec = cursor.value;
      out.push({ ...rec, refused: rec.refused.map((r) => ({ ...r, reason: storedProblem(r.reason) })) });
      cursor = await cursor.continue();
    }
    return out;
  }
}
