import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { keepForUndo, takeForUndo } from '../../../background/deletion-undo';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DB_VERSION, openActivityDb } from '../../../background/activity-db';
import { CheckInStore } from '../../../background/check-in-store';
import { handleMessage, type RouterDeps } from '../../../background/message-router';
import { buildPopupState } from '../../../background/popup-state';
import { addProblem, clearProblems, listProblems } from '../../../background/read-problems';
import { clearRestMarks, listRestMarks, restoreRestMarks, setRestMark } from '../../../background/rest-marks';
import { loadSettings, saveSettings, updateSettings } from '../../../background/settings-store';
import { StoreWithDeletionLog } from '../../../background/sync/deletion-log';
import { createRunSync } from '../../../background/sync/run-sync';
import {
  isSyncOn,
  keepDeletions,
  listDeletions,
  noteDeletions,
  noteRestMarks,
  SYNC_ON_KEY,
} from '../../../background/sync/sync-local';
import { reassertRestored } from '../../../background/sync/reassert-restored';
import { RestoreJournal } from '../../../background/restore-journal';
import { BackupTransfers } from '../../../background/backup-transfer';
import { addDays, localDateOf } from '../../../core/local-date';
import { mulberry32 } from '../../seeded-random';
import { run } from '../activity-fixtures';

// Export, "Delete all data", restore: whatever sync did meanwhile (off, on, or turned on after
// the restore), the runner gets back the verdict they had. The background is assembled here as
// entrypoints/background.ts assembles it, on fake-indexeddb and WXT's fake browser.

const NOW = Date.parse('2026-11-25T18:00:00Z');
const TZ = 'UTC';
const TODAY = localDateOf(NOW, TZ);
/** The clock moves on between the runner's steps (a deletion is later than the runs it deletes). */
let clock = NOW;
const page = { kind: 'page' } as const;

async function background() {
  const db = await openActivityDb(DB_VERSION, `agree-${Math.random()}`);
  const store = new StoreWithDeletionLog(db, (gone) => noteDeletions(gone, clock, TODAY));
  const checkIns = new CheckInStore(db);
  const sync = createRunSync({
    getStore: async () => store,
    getCheckIns: async () => checkIns,
    listRestMarks,
    now: () => clock,
    timeZone: () => TZ,
    refresh: async () => {},
  });
  const history = async () => {
    const synced = await sync.history(store, await listRestMarks());
    return { activities: synced?.source ?? store, checkIns: synced?.checkIns ?? checkIns, synced };
  };
  const deps: RouterDeps = {
    store,
    checkIns,
    journal: new RestoreJournal(db),
    transfers: new BackupTransfers(),
    reassert: (keys, nowMs) => reassertRestored(store, keys, nowMs, { listDeletions, keepDeletions }),
    beforeBatchChange: async () => {},
    now: () => clock,
    timeZone: () => TZ,
    loadSettings,
    updateSettings,
    saveSettings,
    listProblems,
    addProblem: (p) => addProblem(p, p.atMs),
    clearProblems,
    setRestMark: async (date, on) => {
      await noteRestMarks([date], on, clock);
      return setRestMark(date, on);
    },
    listRestMarks,
    restoreRestMarks: async (dates) => {
      await noteRestMarks([...dates], true, clock);
      await restoreRestMarks(dates);
    },
    clearRestMarks: async () => {
      if (await isSyncOn()) await noteRestMarks(await listRestMarks(), false, clock);
      await clearRestMarks();
    },
    syncOn: isSyncOn,
    history,
    popupState: async () => {
      const h = await history();
      return buildPopupState(
        h.activities,
        await loadSettings(),
        await listProblems(),
        h.synced?.restMarks ?? (await listRestMarks()),
        clock,
        TZ,
        'en',
        h.checkIns,
      );
    },
    beforeChange: async () => {},
    dataChanged: () => sync.writeNow(),
    dataChangedSoon: () => {},
    catchUp: {
      start: async () => ({ started: false, run: null }),
      tabRead: async () => {},
      listEnded: async () => {},
    },
    keepForUndo,
    takeForUndo,
    noteSiteRead: async () => {},
  };
  const ask = async (msg: unknown) => {
    clock += 60_000;
    const r = (await handleMessage(msg, page, deps)) as { ok: boolean } & Record<string, unknown>;
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    return r;
  };
  return { ask, sync };
}

/** What the runner reads: the verdict with its numbers, the streak strip, the recent runs. */
async function verdictOf(ask: (m: unknown) => Promise<Record<string, unknown>>) {
  const s = (await ask({ type: 'state/get' })) as unknown as Awaited<ReturnType<typeof buildPopupState>>;
  return {
    verdict: s.verdict,
    strip: s.strip,
    recent: s.recent.map((a) => [a.localDate, a.distanceM, a.sport]),
    checkIns: s.checkIns.map((c) => [c.date, c.pain]),
  };
}

/** A seeded history of the last 60 days: runs most days, a few rest marks, today's check-in. */
function history(seed: number) {
  const rnd = mulberry32(seed);
  const runs = [];
  const marks: string[] = [];
  const checkIns: { date: string; pain: number }[] = [];
  for (let ago = 60; ago >= 0; ago--) {
    const date = addDays(TODAY, -ago);
    if (rnd() < 0.75) {
      const km = 4 + Math.round(rnd() * 12);
      runs.push(
        run({
          source: rnd() < 0.5 ? 'strava' : 'garmin',
          sourceId: `${seed}${ago}`,
          localDate: date,
          startMs: Date.parse(`${date}T07:00:00Z`),
          distanceM: km * 1000,
          movingS: km * 330,
          elapsedS: km * 340,
        }),
      );
    } else if (rnd() < 0.5 && ago > 0) marks.push(date);
    // The popup answers for today only; older check-ins come back through the backup alone.
    if (ago === 0) checkIns.push({ date, pain: 1 + Math.floor(rnd() * 4) });
  }
  return { runs, marks, checkIns };
}

beforeEach(() => fakeBrowser.reset());

describe('export, delete all, restore: the same verdict whatever sync did', () => {
  for (const mode of ['off', 'on', 'on later'] as const)
    it(`with sync ${mode}`, async () => {
      for (const seed of [1, 2, 3, 4, 5]) {
        fakeBrowser.reset();
        clock = NOW - 3600_000;
        const { ask, sync } = await background();
        const h = history(seed);
        if (mode === 'on') await browser.storage.local.set({ [SYNC_ON_KEY]: true });
        await ask({ type: 'activities/add', activities: h.runs });
        for (const d of h.marks) await ask({ type: 'rest/mark', date: d, on: true });
        for (const c of h.checkIns) await ask({ type: 'checkin/set', checkIn: c });
        const expected = await verdictOf(ask);
        const backup = (await ask({ type: 'backup/export' })).text as string;

        const deleted = await ask({ type: 'data/delete-all', confirm: 'delete everything' });
        expect(deleted.otherBrowsers).toBe(mode === 'on');
        expect((await verdictOf(ask)).recent).toEqual([]);

        await ask({ type: 'backup/import', text: backup });
        if (mode === 'on later') {
          await browser.storage.local.set({ [SYNC_ON_KEY]: true });
          await sync.writeNow();
        }
        expect(await verdictOf(ask), `seed ${seed}`).toEqual(expected);
      }
    });
});
