import { DB_VERSION, openActivityDb } from '../../../background/activity-db';
import { ActivityStore } from '../../../background/activity-store';
import { CheckInStore } from '../../../background/check-in-store';
import type { RouterDeps } from '../../../background/message-router';
import { addProblem, clearProblems, listProblems } from '../../../background/read-problems';
import { listRestMarks, restoreRestMarks } from '../../../background/rest-marks';
import { loadSettings, saveSettings, updateSettings } from '../../../background/settings-store';
import { NOW } from '../activity-fixtures';
import { noteSiteRead } from '../../../background/catch-up-store';
import { keepForUndo, takeForUndo } from '../../../background/deletion-undo';
import { BackupTransfers } from '../../../background/backup-transfer';
import { RestoreJournal } from '../../../background/restore-journal';
import { reassertRestored } from '../../../background/sync/reassert-restored';
import { keepDeletions, listDeletions } from '../../../background/sync/sync-local';

export type SiteRouterDeps = RouterDeps & { changes: { count: number; soon: number } };

/**
 * Router deps on WXT's fake browser and fake-indexeddb (a fresh database each call), as in
 * message-router.test.ts, for the site-capture messages. `changes.count` counts dataChanged calls, `changes.soon` dataChangedSoon ones.
 *
 * Only what site data, uploads, the import log and problem reports use is real. Any other
 * dependency the router grows (popup state, rest marks...) is a function that rejects, so a test
 * that reaches one fails loudly instead of this helper having to track every new member.
 */
export async function routerDeps(
  opts: { now?: number; timeZone?: string; catchUp?: RouterDeps['catchUp'] } = {},
): Promise<SiteRouterDeps> {
  const now = opts.now ?? NOW;
  const timeZone = opts.timeZone ?? 'Europe/London';
  const db = await openActivityDb(DB_VERSION, `router-sites-${Math.random()}`);
  const store = new ActivityStore(db);
  const changes = { count: 0, soon: 0 };
  const base: Partial<RouterDeps> & { changes: { count: number; soon: number } } = {
    store,
    // The backup carries rest marks and check-ins.
    checkIns: new CheckInStore(db),
    journal: new RestoreJournal(db),
    transfers: new BackupTransfers(),
    restoreCheckpoint: undefined,
    reassert: (keys, nowMs) => reassertRestored(store, keys, nowMs, { listDeletions, keepDeletions }),
    listRestMarks,
    restoreRestMarks,
    changes,
    now: () => now,
    timeZone: () => timeZone,
    loadSettings,
    updateSettings,
    saveSettings,
    listProblems,
    addProblem: (p) => addProblem(p, p.atMs),
    clearProblems,
    beforeChange: async () => {},
    beforeBatchChange: async () => {},
    dataChanged: async () => {
      changes.count++;
    },
    dataChangedSoon: () => {
      changes.soon++;
    },
    // Every site message tells the catch-up what its tab read; none runs unless a test passes one.
    catchUp: opts.catchUp ?? {
      start: async () => ({ started: false, run: null }),
      tabRead: async () => {},
      listEnded: async () => {},
    },
    noteSiteRead,
    keepForUndo,
    takeForUndo,
  };
  return new Proxy(base, {
    get(target, key, receiver) {
      // Symbols and `then` stay undefined: the proxy is awaited and must not look like a promise.
      if (typeof key === 'symbol' || key === 'then' || key in target) return Reflect.get(target, key, receiver);
      return () => Promise.reject(new Error(`router dependency ${key} is not part of the site-capture tests`));
    },
  }) as SiteRouterDeps;
}
