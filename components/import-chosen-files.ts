import { blobSource, readActivityFile, type RandomAccessSource } from '../core/files';
import { ReadBudget } from '../core/files/read-budget';
import { bytesSource } from '../core/files/source';
import {
  emptySummary,
  importStream,
  listItem,
  MAX_LISTED,
  type ImportProgress,
  type ImportSummary,
} from '../core/files/import-stream';
import { ask, type Reply } from '../messaging/ask';
import { readOffThread } from './read-off-thread';
import { piecesOf } from '../core/backup-pieces';
import type { ActivityInput, Sport } from '../core/activity';
import { ProblemError, type Problem } from '../core/problem-codes';
import type { RestoreChanges } from '../core/restore-changes';
import { DEFAULT_RUNNING_LOAD_SPORTS } from '../core/settings';
import type { FileReadResult } from '../core/files/types';

// The options page's "Import activities": the files (or the folder) chosen together are one
// import. Hip Check backups go to the background whole (in pieces past one message's size); activity files and export archives are
// read here, in the page (archives can be larger than any message), a few at a time, and their
// activities sent in large batches; the import log is written once, at the end, which is also
// when the background recomputes the popup, badge and notification.

/**
 * Files up to this size are read whole, in one go: each read of a chosen file is a round trip to
 * the browser (several ms), and a reader reads a file's head before the rest. Larger ones
 * (archives) are read in slices. With READ_AHEAD files at once this bounds what is held.
 */
const READ_WHOLE_BYTES = 4 * 1024 * 1024;

/**
 * A chosen file as a source: streamed whole while it stays small; null once it is larger (read in
 * slices, off the page's thread). Its size is not asked first: for a picked file the browser asks
 * the system synchronously, blocking the page about 0.5 ms a file (1.7 s of a 3,000-file import on
 * a busy machine).
 */
async function smallSource(file: File): Promise<RandomAccessSource | null> {
  const reader = file.stream().getReader();
  const parts: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.length;
    if (n > READ_WHOLE_BYTES) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  if (parts.length === 1) return bytesSource(parts[0]!);
  const bytes = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return bytesSource(bytes);
}

/** JSON that is not a Garmin export list goes to the backup reader, whose errors say what is wrong. */
async function isBackup(file: File): Promise<boolean> {
  if (!/\.json$/i.test(file.name)) return false;
  const head = await file.slice(0, 4096).text();
  return /^\s*\{/.test(head) && !head.includes('"summarizedActivitiesExport"');
}

/** The name a runner recognises: the path inside a chosen folder, else the file's name. */
export function shownName(file: File): string {
  return file.webkitRelativePath || file.name;
}

/** What the import log calls this import: the file, the folder, or how many files. */
function whatOf(files: readonly File[], folder: boolean): string {
  if (files.length === 1) return shownName(files[0]!);
  const top = folder ? files[0]!.webkitRelativePath.split('/')[0] : '';
  return top ? `${top}/ (${files.length} files)` : `${files.length} files`;
}

/** Sports offered for an activity whose file named none: the common ones, one click each. */
export const PICKABLE_SPORTS = [
  'run',
  'trail_run',
  'walk',
  'hike',
  'ride',
  'other',
] as const satisfies readonly Sport[];

/** Stores an activity of the import summary with the sport the runner picked: null, or why not. */
export async function saveWithSport(activity: ActivityInput, sport: Sport): Promise<Problem | null> {
  const r = await ask({ type: 'import/save', activities: [{ ...activity, sport }] });
  if (!r.ok) return r.error;
  return r.refused?.[0]?.reason ?? null;
}

/** Sends a backup to the background, in pieces when it is larger than one message can be. */
export async function restoreBackup(text: string): Promise<Reply<'backup/import'>> {
  const pieces = piecesOf(text);
  if (pieces.length === 1) return ask({ type: 'backup/import', text });
  const upload = crypto.randomUUID();
  for (let index = 0; index < pieces.length; index++) {
    const r = await ask({ type: 'backup/part', upload, index, text: pieces[index]! });
    if (!r.ok) return r;
  }
  return ask({ type: 'backup/import', upload, pieces: pieces.length });
}

export interface ChosenImport {
  files: readonly File[];
  folder: boolean;
  signal: AbortSignal;
  onProgress(p: ImportProgress): void;
}

/**
 * The import's summary, with what each backup restored changed (said apart from the counts), and
 * what the files held, so a one-file import can say it plainly: "not a run (Yoga)", or why a file
 * was not an activity.
 */
export type ChosenSummary = ImportSummary & {
  restores: { name: string; changes: RestoreChanges }[];
  /** Activities read that are not runs (by the default running sports): their sport or label. */
  notRuns: ActivityInput[];
  runs: number;
  /** Why files were not activities (a FIT file of settings), as the readers said it. */
  notActivity: Problem[];
};

/** Notes what a file held: runs, other sports, or why it was not an activity. */
function note(result: FileReadResult, into: Pick<ChosenSummary, 'notRuns' | 'runs' | 'notActivity'>): void {
  const results = result.kind === 'archive' ? result.entries : [result];
  for (const r of results) {
    if (r.kind === 'not-activity' && into.notActivity.length < MAX_NOTED) into.notActivity.push(r.reason);
    if (r.kind !== 'activities') continue;
    for (const a of r.activities) {
      if (DEFAULT_RUNNING_LOAD_SPORTS.includes(a.sport)) into.runs++;
      else if (into.notRuns.length < MAX_NOTED) into.notRuns.push(a);
    }
  }
}
const MAX_NOTED = 20;

export async function importChosen({ files, folder, signal, onProgress }: ChosenImport): Promise<ChosenSummary> {
  const nowMs = Date.now();
  // One read budget (bytes inflated, archive entries) for all the files of this import.
  const budget = new ReadBudget();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const backups: File[] = [];
  const others: File[] = [];
  for (const f of files) ((await isBackup(f)) ? backups : others).push(f);
  const held: Pick<ChosenSummary, 'notRuns' | 'runs' | 'notActivity'> = { notRuns: [], runs: 0, notActivity: [] };

  const summary = others.length
    ? await importStream(
        others.map((file) => ({ name: shownName(file), file })),
        {
          read: async (f) => {
            const small = await smallSource(f.file);
            const opts = { timeZone, nowMs, budget };
            // A larger file is read off the page's thread, which the popup shares.
            const read = await (small
              ? readActivityFile(f.name, small, opts)
              : (readOffThread(f.name, f.file, opts) ?? readActivityFile(f.name, blobSource(f.file), opts)));
            note(read, held);
            return read;
          },
          save: async (batch) => {
            const r = await ask({ type: 'import/save', activities: batch });
            if (!r.ok) throw new ProblemError(r.error);
            return {
              added: r.added,
              merged: r.merged,
              known: r.unchanged + r.updated,
              refused: (r.refused ?? []).map((x) => ({ sourceId: x.item, reason: x.reason })),
            };
          },
          now: () => Date.now(),
          onProgress,
          signal,
          folder,
        },
      )
    : emptySummary(0);

  // One log entry for the whole import; it also tells the background the import is over.
  if (others.length && summary.filesDone > 0) {
    await ask({
      type: 'imports/log',
      record: {
        what: whatOf(others, folder),
        added: summary.counts.added,
        merged: summary.counts.merged,
        unchanged: summary.counts.known,
        notActivities: summary.counts.skipped,
        refused: summary.items
          .flatMap((i) => (i.kind === 'refused' && i.reason ? [{ item: i.item, reason: i.reason }] : []))
          .slice(0, MAX_LISTED),
      },
    });
  }

  // Backups are few: each is restored whole (and logged) by the background.
  const restores: ChosenSummary['restores'] = [];
  summary.totalFiles += backups.length;
  for (const b of backups) {
    if (signal.aborted) {
      summary.cancelled = true;
      break;
    }
    const r = await restoreBackup(await b.text());
    if (r.ok) {
      summary.counts.added += r.added;
      summary.counts.merged += r.merged + r.updated;
      summary.counts.known += r.unchanged;
      for (const x of r.refused ?? []) listItem(summary, 'refused', `${shownName(b)}: ${x.item}`, x.reason);
      restores.push({ name: shownName(b), changes: r.changes });
    } else listItem(summary, 'refused', shownName(b), r.error);
    summary.filesDone++;
  }

  return { ...summary, restores, ...held };
}
