import type { ActivityInput } from '../activity';
import { problemOf, type Problem, type ProblemCode } from '../problem-codes';
import { planImport } from './import-plan';
import type { FileReadResult } from './types';

// Many chosen files (or a whole folder) as one import: files are read a few at a time, so memory
// stays bounded whatever their number; their activities go to `save` in large batches, with at
// most one batch in flight while the next files are read. Pure: the options page passes the
// reader and a save that messages the background; tests and benchmarks pass their own.

/**
 * What became of the files and activities of an import. A new kind (a reader's "needs a sport",
 * an import budget) is added here, to LISTED_KINDS if its files are listed, and to the locales as
 * import_kind_<kind>.
 */
export type ImportOutcomeKind = 'added' | 'merged' | 'known' | 'needs_sport' | 'skipped' | 'refused';
export const OUTCOME_KINDS: readonly ImportOutcomeKind[] = [
  'added',
  'merged',
  'known',
  'needs_sport',
  'skipped',
  'refused',
];
/** Kinds whose files are listed by name (with a reason) in the summary. */
export const LISTED_KINDS = ['needs_sport', 'skipped', 'refused'] as const;
export type ListedKind = (typeof LISTED_KINDS)[number];

export interface ImportItem {
  /** The file (and archive entry) name. */
  item: string;
  kind: ListedKind;
  /** Why, for refusals; skipped files need none (they are not activities). */
  reason: Problem | null;
  /** For "needs a sport": the activity as read, saved once the runner picks its sport. */
  activity?: ActivityInput;
}

/**
 * Readers' warnings the summary says beside the counts, one line per file: those where the reader
 * stored something other than the file says (points left out). The rest (an estimated moving
 * time, a wrong checksum) stays unsaid, or every GPX file would bring a line.
 */
export const TOLD_WARNINGS: ReadonlySet<ProblemCode> = new Set<ProblemCode>(['track_stale_lead']);

/** A told warning about a file (and archive entry) read. */
export interface ImportNote {
  item: string;
  note: Problem;
}

/** Listed files kept for the summary; beyond this only counts grow (a folder may hold thousands). */
export const MAX_LISTED = 1000;
/** Activities per save: few, large IndexedDB transactions, each message well under its cap. */
export const SAVE_BATCH = 1000;
/** Files read at once: overlaps reading a file's bytes with decoding another's, memory still bounded. */
export const READ_AHEAD = 16;

export interface ChosenFile {
  /** The name shown to the runner: a folder import's relative path, else the file name. */
  name: string;
  /**
   * Its size in bytes, when known at no cost. Without every file's size, progress and time left go
   * by files: a browser asks the system for a picked file's size synchronously, about 0.5 ms each.
   */
  size?: number;
}

export interface SaveCounts {
  added: number;
  merged: number;
  /** Already stored from the same source, with the same or newer values. */
  known: number;
  /** Activities the store's own checks refused, by source id. */
  refused?: { sourceId: string; reason: Problem }[];
}

export interface ImportProgress {
  filesDone: number;
  totalFiles: number;
  bytesDone: number;
  totalBytes: number;
  activities: number;
  elapsedMs: number;
}

export interface ImportSummary {
  totalFiles: number;
  filesDone: number;
  /** Activities the readers found (before duplicates are told apart by the store). */
  activities: number;
  counts: Record<ImportOutcomeKind, number>;
  items: ImportItem[];
  /** Listed files left out of `items` beyond MAX_LISTED. */
  unlisted: number;
  /** The readers' TOLD_WARNINGS about files read, at most MAX_LISTED. */
  notes: ImportNote[];
  cancelled: boolean;
  /** Set when a save failed: what was saved before it is kept, the rest was not read. */
  error: Problem | null;
}

/** `F`: the caller's own files (a browser File with its source, say), handed back to `read`. */
export interface ImportStreamOptions<F extends ChosenFile = ChosenFile> {
  read(file: F): Promise<FileReadResult>;
  save(batch: ActivityInput[]): Promise<SaveCounts>;
  now(): number;
  onProgress?(p: ImportProgress): void;
  /** Checked between files: when set, the import stops and keeps what it read and saved. */
  signal?: AbortSignal;
  /** A folder import: files that cannot be activities by their name are skipped unread. */
  folder?: boolean;
  batchSize?: number;
  readAhead?: number;
}

/** Names a folder may hold besides activities (system files, device databases, text...). */
const ACTIVITY_NAME = /\.(fit|gpx|tcx|gz|zip|csv|json)$/i;
const HIDDEN = /(^|[\\/])(\.[^\\/]*|__MACOSX[\\/].*|Thumbs\.db)$/i;

/** Whether a file found in a chosen folder is worth reading at all. */
export function mayBeActivityFile(name: string): boolean {
  return ACTIVITY_NAME.test(name) && !HIDDEN.test(name);
}

export function emptySummary(totalFiles: number): ImportSummary {
  return {
    totalFiles,
    filesDone: 0,
    activities: 0,
    counts: { added: 0, merged: 0, known: 0, needs_sport: 0, skipped: 0, refused: 0 },
    items: [],
    unlisted: 0,
    notes: [],
    cancelled: false,
    error: null,
  };
}

/** Adds a listed file (skipped, refused, needing a sport) to a summary, keeping the list bounded. */
export function listItem(
  s: ImportSummary,
  kind: ListedKind,
  item: string,
  reason: Problem | null,
  activity?: ActivityInput,
): void {
  s.counts[kind]++;
  if (s.items.length < MAX_LISTED) s.items.push(activity ? { item, kind, reason, activity } : { item, kind, reason });
  else s.unlisted++;
}

/**
 * An activity whose file names no sport anywhere (a GPX or TCX the readers could not infer one
 * for): stored as "other" it would silently stop counting as a run, so the runner picks it.
 */
export function needsSport(a: ActivityInput): boolean {
  return a.source === 'file' && a.sportLabel === '';
}

/** The TOLD_WARNINGS of a file's (or its entries') activities. */
function toldWarnings(name: string, result: FileReadResult): ImportNote[] {
  const out: ImportNote[] = [];
  const from = (item: string, warnings: readonly Problem[]) => {
    for (const w of warnings) if (TOLD_WARNINGS.has(w.code)) out.push({ item, note: w });
  };
  if (result.kind === 'activities') from(name, result.warnings);
  else if (result.kind === 'archive')
    for (const e of result.entries) if (e.kind === 'activities') from(`${name}: ${e.entry}`, e.warnings);
  return out;
}

/** Files not activities (a settings FIT, an archive's sleep data): their names, for the list. */
function skippedNames(name: string, result: FileReadResult): string[] {
  if (result.kind === 'not-activity') return [name];
  if (result.kind === 'archive')
    return result.entries.filter((e) => e.kind === 'not-activity').map((e) => `${name}: ${e.entry}`);
  return [];
}

export async function importStream<F extends ChosenFile>(
  files: readonly F[],
  opts: ImportStreamOptions<F>,
): Promise<ImportSummary> {
  const started = opts.now();
  const batchSize = opts.batchSize ?? SAVE_BATCH;
  const readAhead = Math.max(1, opts.readAhead ?? READ_AHEAD);
  const summary = emptySummary(files.length);
  const totalBytes = files.every((f) => f.size !== undefined) ? files.reduce((s, f) => s + f.size!, 0) : 0;
  let bytesDone = 0;
  let pending: ActivityInput[] = [];
  // Which file each pending activity came from, to name the store's refusals.
  let fileOf = new Map<string, string>();
  let saving: Promise<void> = Promise.resolve();

  const progress = () =>
    opts.onProgress?.({
      filesDone: summary.filesDone,
      totalFiles: files.length,
      bytesDone,
      totalBytes,
      activities: summary.activities,
      elapsedMs: opts.now() - started,
    });

  // One save at a time; reading goes on meanwhile. A failed save stops the import.
  const flush = async () => {
    await saving;
    if (summary.error || pending.length === 0) return;
    const batch = pending;
    const names = fileOf;
    pending = [];
    fileOf = new Map();
    saving = opts.save(batch).then(
      (c) => {
        summary.counts.added += c.added;
        summary.counts.merged += c.merged;
        summary.counts.known += c.known;
        for (const r of c.refused ?? []) listItem(summary, 'refused', names.get(r.sourceId) ?? r.sourceId, r.reason);
      },
      (e: unknown) => {
        summary.error = problemOf(e);
      },
    );
  };

  const reading = new Map<number, Promise<FileReadResult | null>>();
  const startRead = (i: number) => {
    const f = files[i];
    if (!f || reading.has(i)) return;
    // Skipped unread: null.
    reading.set(i, opts.folder && !mayBeActivityFile(f.name) ? Promise.resolve(null) : opts.read(f));
  };

  progress();
  for (let i = 0; i < files.length; i++) {
    if (opts.signal?.aborted || summary.error) {
      summary.cancelled = !summary.error;
      break;
    }
    for (let j = i; j < i + readAhead; j++) startRead(j);
    const file = files[i]!;
    const result = await reading.get(i)!;
    reading.delete(i);
    if (result === null) listItem(summary, 'skipped', file.name, null);
    else {
      const plan = planImport([{ name: file.name, result }], opts.now());
      for (const name of skippedNames(file.name, result)) listItem(summary, 'skipped', name, null);
      for (const r of plan.refused) listItem(summary, 'refused', r.item, r.reason);
      for (const n of toldWarnings(file.name, result)) if (summary.notes.length < MAX_LISTED) summary.notes.push(n);
      summary.activities += plan.activities.length;
      for (const a of plan.activities) {
        if (needsSport(a)) {
          listItem(summary, 'needs_sport', file.name, null, a);
          continue;
        }
        pending.push(a);
        fileOf.set(a.sourceId, file.name);
      }
      if (pending.length >= batchSize) await flush();
    }
    summary.filesDone++;
    bytesDone += file.size ?? 0;
    progress();
  }
  // Reads started ahead of a cancel are dropped; they hold nothing that needs closing.
  await flush();
  await saving;
  progress();
  return summary;
}

/** Time left by the bytes read so far (by the files, when sizes are unknown), or null while too little is done to tell. */
export function timeLeftMs(p: ImportProgress): number | null {
  const [done, total] = p.totalBytes > 0 ? [p.bytesDone, p.totalBytes] : [p.filesDone, p.totalFiles];
  if (done <= 0 || p.elapsedMs < 500 || total <= 0) return null;
  return Math.max(0, Math.round((p.elapsedMs / done) * (total - done)));
}
