import { blobSource, readActivityFile } from '../core/files';
import type { Problem } from '../core/problem-codes';
import { planImport } from '../core/files/import-plan';
import type { ImportLog } from '../core/messages';
import { ask } from '../messaging/ask';

// The options page's "Import activities": Hip Check backups go to the background whole; activity
// files and export archives are read here, in the page (archives can be larger than any message),
// and only the activities read are sent, in batches.

const BATCH = 2000;

export interface FileOutcome extends ImportLog {
  /** A backup or file refused as a whole (the backup reader still words its errors). */
  error: Problem | string | null;
}

/** JSON that is not a Garmin export list goes to the backup reader, whose errors say what is wrong. */
async function isBackup(file: File): Promise<boolean> {
  const head = await file.slice(0, 4096).text();
  return /^\s*\{/.test(head) && !head.includes('"summarizedActivitiesExport"');
}

type SaveReply = { added: number; merged: number; updated: number; unchanged: number };

export async function importOne(file: File, onProgress: (done: number, total: number) => void): Promise<FileOutcome> {
  const base: FileOutcome = {
    what: file.name,
    added: 0,
    merged: 0,
    unchanged: 0,
    notActivities: 0,
    refused: [],
    error: null,
  };
  if (await isBackup(file)) {
    const r = await ask<SaveReply>({ type: 'backup/import', text: await file.text() });
    return r.ok
      ? { ...base, added: r.added, merged: r.merged + r.updated, unchanged: r.unchanged }
      : { ...base, error: r.error };
  }
  const now = Date.now();
  const result = await readActivityFile(file.name, blobSource(file), {
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    onProgress,
    nowMs: now,
  });
  const plan = planImport([{ name: file.name, result }], now);
  const out: FileOutcome = { ...base, notActivities: plan.notActivities, refused: plan.refused };
  for (let i = 0; i < plan.activities.length; i += BATCH) {
    const r = await ask<SaveReply>({ type: 'activities/add', activities: plan.activities.slice(i, i + BATCH) });
    if (!r.ok) return { ...out, error: r.error };
    out.added += r.added;
    out.merged += r.merged;
    out.unchanged += r.unchanged + r.updated;
  }
  if (plan.activities.length === 0 && plan.notActivities === 0 && plan.refused.length === 1)
    out.error = plan.refused[0]!.reason;
  const { error: _, ...log } = out;
  await ask({ type: 'imports/log', record: log });
  return out;
}
