import type { IDBPDatabase } from 'idb';
import { checkCheckIn, type CheckIn } from '../core/check-in';
import type { HipCheckDB } from './activity-db';

/** The daily hip check-ins in IndexedDB: one per local date, a new answer replaces that day's. */
export class CheckInStore {
  constructor(private readonly db: IDBPDatabase<HipCheckDB>) {}

  async set(c: CheckIn): Promise<void> {
    await this.db.put('checkIns', c);
  }

  /** The check-in of one local date, checked (an older record is read in today's shape), or null. */
  async get(date: string): Promise<CheckIn | null> {
    const raw = await this.db.get('checkIns', date);
    if (raw === undefined) return null;
    const r = checkCheckIn(raw, null);
    return r.ok ? r.value : null;
  }

  /** Check-ins from `from` to `to` (local dates, inclusive), oldest first. */
  async between(from: string, to: string): Promise<CheckIn[]> {
    return readable(await this.db.getAll('checkIns', IDBKeyRange.bound(from, to)));
  }

  async all(): Promise<CheckIn[]> {
    return readable(await this.db.getAll('checkIns'));
  }

  /** A backup's check-ins, in one transaction: each replaces the stored answer of its day. */
  async restore(list: readonly CheckIn[]): Promise<number> {
    const tx = this.db.transaction('checkIns', 'readwrite');
    for (const c of list) void tx.store.put(c);
    await tx.done;
    return list.length;
  }

  async clear(): Promise<void> {
    await this.db.clear('checkIns');
  }
}

/** Stored check-ins in today's shape; one that cannot be read is skipped (and stays stored). */
function readable(list: readonly unknown[]): CheckIn[] {
  const out: CheckIn[] = [];
  for (const raw of list) {
    const r = checkCheckIn(raw, null);
    if (r.ok) out.push(r.value);
  }
  return out;
}
