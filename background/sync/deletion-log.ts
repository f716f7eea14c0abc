import type { IDBPDatabase } from 'idb';
import type { Activity } from '../../core/activity';
import type { HipCheckDB } from '../activity-db';
import { ActivityStore } from '../activity-store';

/**
 * The store, noting what the runner deletes before it goes: another browser may still hold a
 * copy of a deleted run, and only a deletion with its time keeps that copy from coming back.
 */
export class StoreWithDeletionLog extends ActivityStore {
  constructor(
    db: IDBPDatabase<HipCheckDB>,
    private readonly noteDeleted: (gone: Activity[]) => Promise<void>,
  ) {
    super(db);
  }

  override async delete(keys: readonly string[]): Promise<number> {
    const wanted = new Set(keys);
    const gone = (await this.all()).filter((a) => wanted.has(a.key));
    const n = await super.delete(keys);
    await this.noteDeleted(gone);
    return n;
  }

  override async clear(): Promise<void> {
    const gone = await this.all();
    await super.clear();
    await this.noteDeleted(gone);
  }
}
