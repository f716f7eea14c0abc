import { blobSource, readActivityFile } from '../core/files';
import {
  emptySummary,
  importStream,
  listItem,
  MAX_LISTED,
  type ImportProgress,
  type ImportSummary,
} from '../core/files/import-stream';
import { ask } from '../messaging/ask';

// The options page's "Import activities": the files (or the folder) chosen together are one
// import. Hip Check backups go to the background whole; activity files and export archives are
// read here, in the page (archives can be larger than any message), a few at a time, and their
// activities sent in large batches; the import log is written once, at the end, which is also
// when the background recomputes the popup, badge and notification.

type SaveReply = { added: number; merged: number; updated: number; unchanged: number };

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

export interface ChosenImport {
  files: readonly File[];
  folder: boolean;
  signal: AbortSignal;
  onProgress(p: ImportProgress): void;
}

export async function importChosen({ files, folder, signal, onProgress }: ChosenImport): Promise<ImportSummary> {
  const nowMs = Date.now();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const backups: File[] = [];
  const others: File[] = [];
  for (const f of files) ((await isBackup(f)) ? backups : others).push(f);

  const summary = others.length
    ? await importStream(
        others.map((f) => ({ name: shownName(f), source: blobSource(f) })),
        {
          read: (f) => readActivityFile(f.name, f.source, { timeZone, nowMs }),
          save: async (batch) => {
            const r = await ask<SaveReply>({ type: 'import/save', activities: batch });
            if (!r.ok) throw new Error(r.error);
            return { added: r.added, merged: r.merged, known: r.unchanged + r.updated };
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
          .filter((i) => i.kind === 'refused')
          .slice(0, MAX_LISTED)
          .map((i) => ({ item: i.item, reason: i.reason ?? '' })),
      },
    });
  }

  // Backups are few: each is restored whole (and logged) by the background.
  summary.totalFiles += backups.length;
  for (const b of backups) {
    if (signal.aborted) {
      summary.cancelled = true;
      break;
    }
    const r = await ask<SaveReply>({ type: 'backup/import', text: await b.text() });
    if (r.ok) {
      summary.counts.added += r.added;
      summary.counts.merged += r.merged + r.updated;
      summary.counts.known += r.unchanged;
    } else listItem(summary, 'refused', shownName(b), r.error);
    summary.filesDone++;
  }

  return summary;
}
