import type { IDBPDatabase } from 'idb';
import type { Activity } from '../../core/activity';
import type { HipCheckDB } from '../activity-db';
import { ActivityStore } from '../activity-store';
import { isSyncOn } from './sync-local';

/**
 * The store, noting what the runner deletes before it goes: another browser may still hold a
 * copy of a deleted run, and only a deletion with its time keeps that copy from coming back.
 * Noted only while sync is on: a deletion made with sync off stays in this browser, so turning
 * sync on later neither deletes the other browsers' copies nor hides a run restored since.
 */
export class StoreWithDeletionLog extends ActivityStore {
  constructor(
    db: IDBPDatabase<HipCheckDB>,
    private readonly noteDeleted: (gone: Activity[]) => Promise<void>,
  ) {
    super(db);
  }

  override async delete(keys: readonly string[]): Promise<number> {
    const gone = await this.get([...new Set(keys)]);
    const n = await super.delete(keys);
    if (await isSyncOn()) await this.noteDeleted(gone);
    return n;
  }

  override async clear(): Promise<void> {
    const gone = await this.all();
    await super.clear();
    if (await isSyncOn()) await this.noteDeleted(gone);
  }
}
