import type { IDBPDatabase } from 'idb';
import type { Activity } from '../core/activity';
import type { CheckIn } from '../core/check-in';
import type { ImportRecord } from '../core/protocol';
import type { Settings } from '../core/settings';
import type { HipCheckDB } from './activity-db';

// The undo journal of a restore (IndexedDB store "restoreJournal"). While a restore writes its
// runs, each batch notes in the same transaction what it replaced and what it added; the restore
// commits by turning its record to "committing" with everything left to write. A worker stopped
// before that point is rolled back on the next start, one stopped after it is finished.

/** What a restore writes at commit, after its runs: each step may be done twice, with the same result. */
export interface RestoreCommit {
  nowMs: number;
  settings: Settings;
  checkIns: CheckIn[];
  restMarks: string[];
  /** The records the restore stored or confirmed: they win over older deletions. */
  keys: string[];
  log: Omit<ImportRecord, 'id'>;
}

export interface RestoreRecord {
  id: 'restore';
  state: 'writing' | 'committing';
  startedMs: number;
  commit?: RestoreCommit;
}

/** A run the restore wrote: the record that key held before it, or null when the restore added it. */
export interface RunEntry {
  id: string;
  key: string;
  before: Activity | null;
}

/** Left by a rollback for the options page: the last restore was interrupted and changed nothing. */
export interface InterruptedNote {
  id: 'interrupted';
  atMs: number;
}

export type JournalEntry = RestoreRecord | RunEntry | InterruptedNote;

export const journalId = (key: string): string => `run:${key}`;
const RUNS = IDBKeyRange.bound('run:', 'run:\uffff');
/** Runs put back per transaction: a rollback leaves the popup's reads room too. */
const ROLLBACK_BATCH = 500;

export class RestoreJournal {
  constructor(private readonly db: IDBPDatabase<HipCheckDB>) {}

  /** Starts a restore; false when one is already under way (its record is there). */
  async begin(nowMs: number): Promise<boolean> {
    const tx = this.db.transaction('restoreJournal', 'readwrite');
    const busy = (await tx.store.getKey('restore')) !== undefined;
    if (!busy) void tx.store.put({ id: 'restore', state: 'writing', startedMs: nowMs });
    await tx.done;
    return !busy;
  }

  async current(): Promise<RestoreRecord | undefined> {
    return (await this.db.get('restoreJournal', 'restore')) as RestoreRecord | undefined;
  }

  /** The commit point: from here on the restore is finished, never taken back. */
  async commit(c: RestoreCommit, startedMs: number): Promise<void> {
    await this.db.put('restoreJournal', { id: 'restore', state: 'committing', startedMs, commit: c });
  }

  /** The end of a restore: its log entry, and the journal emptied (an older interruption's note too). */
  async close(log: Omit<ImportRecord, 'id'>): Promise<void> {
    const tx = this.db.transaction(['imports', 'restoreJournal'], 'readwrite');
    await Promise.all([tx.objectStore('imports').add(log), tx.objectStore('restoreJournal').clear(), tx.done]);
  }

  /**
   * Takes an unfinished restore back: each added run removed, each replaced one put back, in
   * batches that drop their journal entries with them (a rollback stopped half way resumes).
   */
  async rollBack(nowMs: number): Promise<number> {
    let n = 0;
    for (;;) {
      const tx = this.db.transaction(['activities', 'restoreJournal'], 'readwrite');
      const journal = tx.objectStore('restoreJournal');
      const entries = (await journal.getAll(RUNS, ROLLBACK_BATCH)) as RunEntry[];
      for (const e of entries) {
        void (e.before ? tx.objectStore('activities').put(e.before) : tx.objectStore('activities').delete(e.key));
        void journal.delete(e.id);
      }
      if (entries.length === 0) {
        void journal.delete('restore');
        void journal.put({ id: 'interrupted', atMs: nowMs });
      }
      await tx.done;
      n += entries.length;
      if (entries.length === 0) return n;
    }
  }

  /** When the last restore was interrupted and rolled back, or null. */
  async interrupted(): Promise<number | null> {
    const note = (await this.db.get('restoreJournal', 'interrupted')) as InterruptedNote | undefined;
    return note?.atMs ?? null;
  }
}
