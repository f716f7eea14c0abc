import type { IDBPDatabase } from 'idb';
import type { CheckIn } from '../core/check-in';
import type { HipCheckDB } from './activity-db';

/** The daily hip check-ins in IndexedDB: one per local date, a new answer replaces that day's. */
export class CheckInStore {
  constructor(private readonly db: IDBPDatabase<HipCheckDB>) {}

  async set(c: CheckIn): Promise<void> {
    await this.db.put('checkIns', c);
  }

  /** Check-ins from `from` to `to` (local dates, inclusive), oldest first. */
  async between(from: string, to: string): Promise<CheckIn[]> {
    return this.db.getAll('checkIns', IDBKeyRange.bound(from, to));
  }

  async all(): Promise<CheckIn[]> {
    return this.db.getAll('checkIns');
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
