import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DB_VERSION, openActivityDb } from '../../../background/activity-db';
import { RESTORE_BATCH } from '../../../background/activity-store';
import { CheckInStore } from '../../../background/check-in-store';
import { RestoreJournal } from '../../../background/restore-journal';
import { listRestMarks, restoreRestMarks, setRestMark } from '../../../background/rest-marks';
import { loadSettings, saveSettings, updateSettings } from '../../../background/settings-store';
import { recoverRestore, stagedRestore, type Parsed, type StagedRestoreDeps } from '../../../background/staged-restore';
import { StoreWithDeletionLog } from '../../../background/sync/deletion-log';
import { reassertRestored } from '../../../background/sync/reassert-restored';
import { keepDeletions, listDeletions, noteDeletions, SYNC_ON_KEY } from '../../../background/sync/sync-local';
import { browser } from 'wxt/browser';
import type { ActivityInput } from '../../../core/activity';
import { makeBackup, parseBackup } from '../../../core/backup-format';
import { checkCheckIn, type CheckIn } from '../../../core/check-in';
import { localDateOf } from '../../../core/local-date';
import { deletionMatches } from '../../../core/same-activity';
import { NOW, run } from '../activity-fixtures';

// A restore is all or nothing: stopped after any batch or any commit step, the next start of the
// worker leaves the runs, check-ins, rest marks and settings exactly as before the restore (before
// the commit point) or exactly as a finished restore leaves them (after it).

const DAY = 86_400_000;
const today = localDateOf(NOW, 'UTC');

beforeEach(() => {
  fakeBrowser.reset();
});

/** Runs every few hours back from NOW, ids from `from`. */
function runs(n: number, from = 0): ActivityInput[] {
  return Array.from({ length: n }, (_, i) => {
    const startMs = NOW - DAY / 2 - (from + i) * 5 * 3_600_000;
    return run({ sourceId: String(10_000 + from + i), startMs, localDate: localDateOf(startMs, 'UTC') });
  });
}

function checkIn(daysAgo: number, pain: number): CheckIn {
  const r = checkCheckIn({ date: localDateOf(NOW - daysAgo * DAY, 'UTC'), pain, atMs: NOW - daysAgo * DAY }, NOW);
  if (!r.ok) throw new Error('fixture check-in');
  return r.value;
}

/** One worker's view of a database: a new one after a stop, as the browser starts it again. */
async function worker(name: string, checkpoint?: StagedRestoreDeps['checkpoint']): Promise<StagedRestoreDeps> {
  const db = await openActivityDb(DB_VERSION, name);
  const store = new StoreWithDeletionLog(db, (gone) => noteDeletions(gone, NOW, today));
  return {
    store,
    journal: new RestoreJournal(db),
    checkIns: new CheckInStore(db),
    loadSettings,
    saveSettings,
    listRestMarks,
    restoreRestMarks,
    reassert: (keys, nowMs) => reassertRestored(store, keys, nowMs, { listDeletions, keepDeletions }),
    checkpoint,
  };
}

/** Everything a restore may change. */
async function snapshot(w: StagedRestoreDeps) {
  return {
    runs: (await w.store.all()).sort((a, b) => (a.key < b.key ? -1 : 1)),
    checkIns: await w.checkIns.all(),
    marks: await listRestMarks(),
    settings: await loadSettings(),
    deletions: await listDeletions(),
  };
}

/** A backup of 700 runs (three batches), check-ins, marks and other settings. */
async function makeParsed(): Promise<Parsed> {
  const source = await worker(`source-${Math.random()}`);
  await source.store.save(runs(700), NOW);
  const backup = makeBackup(
    await source.store.all(),
    { ...(await loadSettings()), units: 'mi', preset: 'beginner' },
    NOW,
    [localDateOf(NOW - 2 * DAY, 'UTC'), localDateOf(NOW - 9 * DAY, 'UTC')],
    [checkIn(1, 4), checkIn(3, 2), checkIn(20, 6)],
  );
  const parsed = parseBackup(JSON.stringify(backup), NOW, await loadSettings());
  if (!parsed.ok) throw new Error('fixture backup');
  return parsed;
}

/** A database with data of its own: runs the backup also holds (one corrected), others, answers, marks. */
async function seeded(name: string): Promise<StagedRestoreDeps> {
  const w = await worker(name);
  await w.store.save([...runs(40, 0).map((r) => ({ ...r, distanceM: null })), ...runs(30, 900)], NOW);
  const first = (await w.store.all())[0]!;
  await w.store.update(first.key, { distanceM: 12_345 }, NOW - DAY);
  await w.checkIns.set(checkIn(1, 7));
  await w.checkIns.set(checkIn(2, 1));
  await setRestMark(localDateOf(NOW - 5 * DAY, 'UTC'), true);
  await updateSettings({ units: 'km' });
  return w;
}

describe('staged restore', () => {
  it('stopped at any batch or commit step, the next start restores all or nothing', async () => {
    const parsed = await makeParsed();
    const storage = structuredClone(await fakeBrowser.storage.local.get(null));
    const sync = structuredClone(await fakeBrowser.storage.sync.get(null));
    const reset = async () => {
      fakeBrowser.reset();
      await fakeBrowser.storage.local.set(storage);
      await fakeBrowser.storage.sync.set(sync);
    };

    // The finished restore, and every step at which a stopped worker may leave it.
    const steps: string[] = [];
    const ref = await seeded(`ref-${Math.random()}`);
    const refBefore = await snapshot(ref);
    const done = await stagedRestore(parsed, NOW, { ...ref, checkpoint: (s) => void steps.push(s) });
    expect(done).toMatchObject({ ok: true, outcome: { added: 660, merged: 39, unchanged: 1 } });
    const after = await snapshot(ref);
    expect(after).not.toEqual(refBefore);
    expect(steps.filter((s) => s.startsWith('batch'))).toHaveLength(Math.ceil(700 / RESTORE_BATCH));
    expect(steps).toContain('committed');

    for (const stop of steps) {
      await reset();
      const name = `crash-${Math.random()}`;
      const before = await snapshot(await seeded(name));
      let reached!: () => void;
      const stopped = new Promise<void>((resolve) => (reached = resolve));
      // The worker stops at `stop`: its restore never goes on.
      void stagedRestore(
        parsed,
        NOW,
        await worker(name, (s) => (s === stop ? (reached(), new Promise<void>(() => {})) : undefined)),
      );
      await stopped;

      const next = await worker(name);
      const committed = steps.indexOf(stop) >= steps.indexOf('committed');
      expect(await recoverRestore(next, NOW + 1000)).toBe(committed ? 'finished' : 'rolled back');
      const now = await snapshot(next);
      if (committed) expect(now, stop).toEqual(after);
      else expect(now, stop).toEqual(before);
      expect(await next.journal.interrupted(), stop).toBe(committed ? null : NOW + 1000);
      expect(await next.journal.current()).toBeUndefined();

      if (!committed) {
        // Trying again restores it, with the counts of a restore never interrupted.
        const again = await stagedRestore(parsed, NOW, next);
        expect(again).toMatchObject({ ok: true, outcome: { added: 660, merged: 39, unchanged: 1 } });
        expect(await snapshot(next)).toEqual(after);
        expect(await next.journal.interrupted()).toBeNull();
      }
    }
  }, 120_000);

  it('refuses a second restore while one runs, and takes the next once it is done', async () => {
    const parsed = await makeParsed();
    const name = `busy-${Math.random()}`;
    let release!: () => void;
    let reached!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    const atFirst = new Promise<void>((resolve) => (reached = resolve));
    const first = stagedRestore(
      parsed,
      NOW,
      await worker(name, (s) => (s === `batch ${RESTORE_BATCH}` ? (reached(), paused) : undefined)),
    );
    await atFirst;
    expect(await stagedRestore(parsed, NOW, await worker(name))).toEqual({
      ok: false,
      error: { code: 'restore_busy', params: [] },
    });
    release();
    expect(await first).toMatchObject({ ok: true, outcome: { added: 700 } });
    expect(await stagedRestore(parsed, NOW, await worker(name))).toMatchObject({
      ok: true,
      outcome: { added: 0, unchanged: 700 },
    });
  });

  it('a failure in the worker takes the restore back at once', async () => {
    const parsed = await makeParsed();
    const name = `fail-${Math.random()}`;
    const w = await seeded(name);
    const before = await snapshot(w);
    const failing = await worker(name, (s) => {
      if (s === `batch ${2 * RESTORE_BATCH}`) throw new Error('disk full');
    });
    await expect(stagedRestore(parsed, NOW, failing)).rejects.toThrow('disk full');
    expect(await snapshot(w)).toEqual(before);
    expect(await w.journal.current()).toBeUndefined();
  });
});

describe('a restore re-asserts what it restores', () => {
  // Deletions are noted for the other browsers only while sync is on.
  beforeEach(() => browser.storage.local.set({ [SYNC_ON_KEY]: true }));

  it('over the deletions "Delete all data" left for sync, keeping those of other runs', async () => {
    const name = `reassert-${Math.random()}`;
    const w = await worker(name);
    await w.store.save([...runs(20), ...runs(1, 50)], NOW);
    const all = await w.store.all();
    const other = all.find((a) => a.sourceKeys.includes('strava:10050'))!;
    const backup = makeBackup(
      all.filter((a) => a !== other),
      await loadSettings(),
      NOW - DAY,
    );
    await w.store.clear();
    expect(await listDeletions()).toHaveLength(21);

    const parsed = parseBackup(JSON.stringify(backup), NOW + 60_000, await loadSettings());
    if (!parsed.ok) throw new Error('fixture backup');
    expect(await stagedRestore(parsed, NOW + 60_000, w)).toMatchObject({ ok: true, outcome: { added: 20 } });

    const left = await listDeletions();
    expect(left.map((d) => d.sourceKeys)).toEqual([['strava:10050']]);
    // No deletion older than a restored run's change hides it (the sync merge's rule).
    for (const a of await w.store.all()) {
      expect(a.updatedMs).toBe(NOW + 60_000);
      expect(left.some((d) => d.deletedMs > a.updatedMs && deletionMatches(d, a))).toBe(false);
    }
  });

  it('never over a deletion made after the restore began', async () => {
    const w = await worker(`later-${Math.random()}`);
    await w.store.save(runs(3), NOW);
    const backup = makeBackup(await w.store.all(), await loadSettings(), NOW - DAY);
    await w.store.clear(); // deletions noted at NOW
    const parsed = parseBackup(JSON.stringify(backup), NOW - 60_000, await loadSettings());
    if (!parsed.ok) throw new Error('fixture backup');
    await stagedRestore(parsed, NOW - 60_000, w);
    expect(await listDeletions()).toHaveLength(3);
  });
});
