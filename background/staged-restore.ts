import type { ParsedBackup } from '../core/backup-format';
import type { CheckIn } from '../core/check-in';
import { problem, type Problem } from '../core/problem-codes';
import type { SaveOutcome } from '../core/protocol';
import { restoreChanges, type RestoreChanges } from '../core/restore-changes';
import type { Settings } from '../core/settings';
import type { ActivityStore } from './activity-store';
import type { CheckInStore } from './check-in-store';
import { letReadsIn } from './let-reads-in';
import type { RestoreCommit, RestoreJournal } from './restore-journal';

// A restore, all or nothing and never blocking: the backup is checked whole before this (the
// caller's parseBackup); its runs are written in batches with an undo journal, the popup's reads
// answered between them; check-ins, rest marks and settings land last, after the commit point.

export interface StagedRestoreDeps {
  store: ActivityStore;
  journal: RestoreJournal;
  checkIns: CheckInStore;
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  listRestMarks(): Promise<string[]>;
  restoreRestMarks(dates: readonly string[]): Promise<void>;
  /** The restored runs win over older deletions left for sync (background/sync/restore-reassert.ts). */
  reassert(keys: readonly string[], nowMs: number): Promise<void>;
  /** Called just before the commit point: the popup's stored copy (the state before) no longer holds. */
  beforeCommit?(): Promise<void>;
  /**
   * Called after each batch and each commit step, for tests: a promise that never settles stops
   * the restore there, as a stopped worker does.
   */
  checkpoint?(step: string): Promise<void> | void;
}

export type Parsed = Extract<ParsedBackup, { ok: true }>;

export type StagedOutcome =
  | { ok: true; outcome: SaveOutcome; refused: SaveOutcome['refused']; changes: RestoreChanges }
  | { ok: false; error: Problem };

export async function stagedRestore(parsed: Parsed, nowMs: number, deps: StagedRestoreDeps): Promise<StagedOutcome> {
  if (!(await deps.journal.begin(nowMs))) return { ok: false, error: problem('restore_busy') };
  let committed = false;
  try {
    const outcome = await deps.store.restore(parsed.activities, nowMs, {
      journal: true,
      afterBatch: async (done) => {
        await deps.checkpoint?.(`batch ${done}`);
        await letReadsIn();
      },
    });
    const refused = [...parsed.duplicates, ...outcome.refused];
    // What the restore changes, told to the runner: read before the marks and check-ins go in.
    const changes = restoreChanges({
      activities: outcome,
      settingsBefore: await deps.loadSettings(),
      settingsAfter: parsed.settings,
      checkInsStored: parsed.checkIns.length ? await deps.checkIns.all() : ([] as CheckIn[]),
      checkInsInBackup: parsed.checkIns,
      restMarksStored: parsed.restMarks.length ? await deps.listRestMarks() : [],
      restMarksInBackup: parsed.restMarks,
    });
    const commit: RestoreCommit = {
      nowMs,
      settings: parsed.settings,
      checkIns: parsed.checkIns,
      restMarks: parsed.restMarks,
      keys: outcome.keys,
      log: {
        atMs: nowMs,
        what: 'backup',
        added: outcome.added,
        merged: outcome.merged,
        unchanged: outcome.unchanged,
        refused,
      },
    };
    await deps.beforeCommit?.();
    await deps.journal.commit(commit, nowMs);
    committed = true;
    await deps.checkpoint?.('committed');
    await finish(commit, deps);
    return { ok: true, outcome, refused, changes };
  } catch (e) {
    // Failed in this worker (a full disk, an aborted transaction): taken back now, before the
    // commit point; after it, the next start finishes it.
    if (!committed) await deps.journal.rollBack(nowMs);
    throw e;
  }
}

/** The commit's writes after the runs; each step may run twice (a worker stopped among them). */
async function finish(c: RestoreCommit, deps: StagedRestoreDeps): Promise<void> {
  if (c.checkIns.length) await deps.checkIns.restore(c.checkIns);
  await deps.checkpoint?.('check-ins');
  if (c.restMarks.length) await deps.restoreRestMarks(c.restMarks);
  await deps.checkpoint?.('rest marks');
  await deps.saveSettings(c.settings);
  await deps.checkpoint?.('settings');
  await deps.reassert(c.keys, c.nowMs);
  await deps.checkpoint?.('reasserted');
  await deps.journal.close(c.log);
}

/**
 * On the worker's start: a restore left unfinished is finished when it had committed, else taken
 * back (the options page then says it was interrupted and changed nothing).
 */
export async function recoverRestore(
  deps: StagedRestoreDeps,
  nowMs: number,
): Promise<'none' | 'finished' | 'rolled back'> {
  const r = await deps.journal.current();
  if (!r) return 'none';
  if (r.state === 'committing' && r.commit) {
    await finish(r.commit, deps);
    return 'finished';
  }
  await deps.journal.rollBack(nowMs);
  return 'rolled back';
}
