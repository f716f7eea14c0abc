import type { ImportRecord } from '../core/protocol';
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Activity } from '../core/activity';
import { checkCheckIn, type CheckIn } from '../core/check-in';
import type { JournalEntry } from './restore-journal';

// The database the background worker owns. Schema changes are migrations: each step upgrades
// from the version before it and keeps every record, and tests open a database written by each
// older version under the current one.

export const DB_NAME = 'hip-check';

export type { ImportRecord };

export interface HipCheckDB extends DBSchema {
  activities: {
    key: string;
    value: Activity;
    indexes: {
      /** "The last N days" is a key range on this index: cost follows the window, not the history. */
      localDate: string;
      /** Finding duplicates: activities starting within minutes of a new one. */
      startMs: number;
      /** Finding a record by any of its sources' ids. */
      sourceKeys: string;
    };
  };
  /** Since version 2: the outcome of each import, shown to the runner. */
  imports: {
    key: number;
    value: ImportRecord;
  };
  /** Since version 3: the daily hip check-ins, one per local date (their shape of 2026-12 since version 4). */
  checkIns: {
    key: string;
    value: CheckIn;
  };
  /**
   * Since version 5: the undo journal of a restore under way (background/restore-journal.ts):
   * its state record and, per run written, the record it replaced or none (an added run).
   */
  restoreJournal: {
    key: string;
    value: JournalEntry;
  };
}

type UpgradeTx = IDBPTransaction<HipCheckDB, StoreNames<HipCheckDB>[], 'versionchange'>;
type Migration = (db: IDBPDatabase<HipCheckDB>, tx: UpgradeTx) => void;

/** MIGRATIONS[n] upgrades a database of version n to n + 1. Never edit a released step; add one. */
export const MIGRATIONS: readonly Migration[] = [
  // 0 → 1: activities and their indexes.
  (db) => {
    const s = db.createObjectStore('activities', { keyPath: 'key' });
    s.createIndex('localDate', 'localDate');
    s.createIndex('startMs', 'startMs');
    s.createIndex('sourceKeys', 'sourceKeys', { multiEntry: true });
  },
  // 1 → 2: the import log.
  (db) => {
    db.createObjectStore('imports', { keyPath: 'id', autoIncrement: true });
  },
  // 2 → 3: hip check-ins, keyed by their local date (one a day; a new answer replaces it).
  (db) => {
    db.createObjectStore('checkIns', { keyPath: 'date' });
  },
  // 3 → 4 (2026-12): check-ins gain a place, red-flag answers and morning/later answers; each
  // older one is rewritten in that shape (its pain a "later" answer, its two questions red
  // flags). A record that cannot be read is left as it was, never deleted.
  (db, tx) => {
    const store = tx.objectStore('checkIns');
    void (async () => {
      for (let cur = await store.openCursor(); cur; cur = await cur.continue()) {
        const r = checkCheckIn(cur.value, null);
        if (r.ok) await cur.update(r.value);
      }
    })();
  },
  // 4 → 5: the restore's undo journal, so a restore stopped half way can be taken back.
  (db) => {
    db.createObjectStore('restoreJournal', { keyPath: 'id' });
  },
];

export const DB_VERSION = MIGRATIONS.length;

export async function openActivityDb(
  version: number = DB_VERSION,
  name: string = DB_NAME,
): Promise<IDBPDatabase<HipCheckDB>> {
  const db: IDBPDatabase<HipCheckDB> = await openDB<HipCheckDB>(name, version, {
    upgrade(upgrading, oldVersion, newVersion, tx) {
      for (let v = oldVersion; v < (newVersion ?? version); v++) MIGRATIONS[v]!(upgrading, tx);
    },
    // A newer worker wants to upgrade: step aside rather than block it.
    blocking() {
      db.close();
    },
  });
  return db;
}
