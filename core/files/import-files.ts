import type { ActivityInput } from '../activity';
import { problem, type Problem } from '../problem-codes';
import { CsvParser } from './csv';
import { FitFormatError } from './fit-decoder';
import { readFitActivities } from './fit-activity';
import { GARMIN_SUMMARIES_RE, GarminSummariesReader } from './garmin-export-summaries';
import { readGpxActivities } from './gpx-activity';
import { gunzip } from './gzip';
import { sniff } from './sniff';
import { bytesSource, readAll, readExactly } from './source';
import { StravaCsvCollector, stravaRowsToEntries } from './strava-export-csv';
import { isValidTimeZone } from '../time';
import { readTcxActivities } from './tcx-activity';
import {
  FileRefusal,
  MAX_INFLATED_BYTES,
  MAX_SINGLE_FILE_BYTES,
  type ArchiveEntryResult,
  type ArchiveRead,
  type FileReadResult,
  type RandomAccessSource,
  type ReadOptions,
  type SingleFileResult,
} from './types';
import { READ_BUDGET, ReadBudget, yieldToOthers } from './read-budget';
import { readZipDirectory, readZipEntry, streamZipEntry, type ZipEntry } from './zip-archive';
import { errorText } from '../guards';

// The one entry point for activity files and export archives (the upload-page capture and the
// options page's "Import activities" both use it). Pure: no browser API beyond TextDecoder, so
// it runs in a service worker, a page or Node.

export type { FileReadResult, ReadOptions, RandomAccessSource } from './types';

interface Ctx {
  timeZone: string;
  nowMs: number;
  warnings: Problem[];
  onProgress?: (done: number, total: number) => void;
  /** Shared by every file and entry of one import. */
  budget: ReadBudget;
}

/** Decodes one file held in memory (after gunzip or unzip) by its content. */
function decodeSingle(name: string, bytes: Uint8Array, ctx: Ctx, depth: number): SingleFileResult {
  const kind = sniff(bytes.subarray(0, 4096));
  const fctx = { fileName: baseName(name), timeZone: ctx.timeZone, nowMs: ctx.nowMs };
  switch (kind) {
    case 'empty':
      return { kind: 'refused', format: null, reason: problem('file_empty') };
    case 'fit':
      try {
        return readFitActivities(bytes, fctx);
      } catch (e) {
        if (e instanceof FitFormatError) return { kind: 'refused', format: 'fit', reason: e.problem };
        throw e;
      }
    case 'gpx':
      return readGpxActivities(bytes, fctx);
    case 'tcx':
      return readTcxActivities(bytes, fctx);
    case 'gzip': {
      if (depth >= READ_BUDGET.maxNesting)
        return { kind: 'refused', format: null, reason: problem('file_compressed_too_often') };
      const { data, warning } = gunzip(bytes, undefined, ctx.budget);
      const inner = decodeSingle(name.replace(/\.gz$/i, ''), data, ctx, depth + 1);
      if (warning && inner.kind === 'activities') inner.warnings.unshift(warning);
      if (inner.kind === 'refused' && data.length === 0)
        return { kind: 'refused', format: null, reason: problem('file_gzip_empty') };
      return inner;
    }
    case 'zip':
      return {
        kind: 'refused',
        format: 'zip',
        reason: problem('file_zip_nested'),
      };
    case 'xml':
      return { kind: 'refused', format: null, reason: problem('file_xml_unknown') };
    case 'strava-csv':
    case 'garmin-json':
      return {
        kind: 'refused',
        format: kind === 'strava-csv' ? 'csv' : 'json',
        reason: problem('file_export_list_nested'),
      };
    default:
      return { kind: 'refused', format: null, reason: problem('file_type_unknown') };
  }
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function refusalOf(e: unknown): Problem {
  if (e instanceof FileRefusal) return e.problem;
  // An error no reader foresaw: its own words are the only detail there is.
  const msg = errorText(e);
  return problem('file_unreadable', msg.slice(0, 200));
}

/** Never throws: every failure becomes a refusal with its reason. */
function safeDecode(name: string, bytes: Uint8Array, ctx: Ctx, depth: number): SingleFileResult {
  try {
    return decodeSingle(name, bytes, ctx, depth);
  } catch (e) {
    return { kind: 'refused', format: null, reason: refusalOf(e) };
  }
}

// ---------------------------------------------------------------- archives

function depthOf(path: string): number {
  return path.split('/').length;
}

/** Folders and files that archivers add and that are never activities. */
function isJunk(path: string): boolean {
  return /(^|\/)__MACOSX\//.test(path) || /(^|\/)\.[^/]*$/.test(path) || /(^|\/)Thumbs\.db$/i.test(path);
}

async function readStravaExport(
  source: RandomAccessSource,
  csv: ZipEntry,
  all: ZipEntry[],
  ctx: Ctx,
): Promise<ArchiveRead> {
  const warnings: Problem[] = [];
  const byName = new Map(all.map((e) => [e.name, e]));
  const prefix = csv.name.slice(0, csv.name.length - 'activities.csv'.length);
  const collector = new StravaCsvCollector();
  const parser = new CsvParser(collector.onRow);
  const decoder = new TextDecoder('utf-8');
  let total = csv.compressedSize;
  let done = 0;
  // Parsed in slices with the event loop let through between them: a chunk may be megabytes of rows.
  const feed = async (chunk: Uint8Array) => {
    const text = decoder.decode(chunk, { stream: true });
    const SLICE = 256 * 1024;
    for (let p = 0; p < text.length; p += SLICE) {
      parser.push(text.slice(p, p + SLICE));
      await yieldToOthers();
    }
  };
  const w = await streamZipEntry(source, csv, feed, {
    maxBytes: MAX_INFLATED_BYTES,
    onRead: (n) => ctx.onProgress?.(n, total),
    budget: ctx.budget,
  });
  parser.push(decoder.decode());
  parser.end();
  done = csv.compressedSize;
  if (w) warnings.push(w);
  if (collector.headerError) throw new FileRefusal(collector.headerError);

  // Rows whose sport is localized are resolved from their files: count them for progress.
  const readFile = async (path: string): Promise<SingleFileResult | null> => {
    const entry = byName.get(prefix + path) ?? byName.get(path);
    if (!entry) return null;
    ctx.budget.spendEntries(1);
    const { data } = await readZipEntry(source, entry, MAX_SINGLE_FILE_BYTES, ctx.budget);
    done += entry.compressedSize;
    if (done > total) total = done;
    ctx.onProgress?.(done, total);
    return safeDecode(entry.name, data, ctx, 1);
  };
  const { entries, warnings: rowWarnings } = await stravaRowsToEntries(collector.rows, {
    timeZone: ctx.timeZone,
    nowMs: ctx.nowMs,
    readFile,
  });
  warnings.push(...rowWarnings);
  if (entries.length === 0) warnings.push(problem('csv_no_activity'));
  ctx.onProgress?.(total, total);
  return { kind: 'archive', format: 'strava-export', entries, warnings };
}

async function readGarminExport(source: RandomAccessSource, files: ZipEntry[], ctx: Ctx): Promise<ArchiveRead> {
  const reader = new GarminSummariesReader({ timeZone: ctx.timeZone, nowMs: ctx.nowMs });
  const warnings: Problem[] = [];
  const refused: ArchiveEntryResult[] = [];
  const total = files.reduce((s, f) => s + f.compressedSize, 0);
  let before = 0;
  for (const f of files) {
    try {
      const w = await streamZipEntry(source, f, (c) => reader.push(c), {
        maxBytes: 4 * 1024 * 1024 * 1024,
        onRead: (n) => ctx.onProgress?.(before + n, total),
        budget: ctx.budget,
      });
      if (w) warnings.push(w);
    } catch (e) {
      // An over-budget or damaged summaries file is an outcome the runner sees, not a footnote.
      refused.push({ entry: f.name, kind: 'refused', format: 'json', reason: refusalOf(e) });
    }
    before += f.compressedSize;
  }
  warnings.push(...reader.warnings());
  ctx.onProgress?.(total, total);
  return { kind: 'archive', format: 'garmin-export', entries: [...reader.entries, ...refused], warnings };
}

async function readGenericZip(
  source: RandomAccessSource,
  files: ZipEntry[],
  ctx: Ctx,
  depth: number,
): Promise<ArchiveRead> {
  const entries: ArchiveEntryResult[] = [];
  const warnings: Problem[] = [];
  const total = files.reduce((s, f) => s + f.compressedSize, 0);
  let done = 0;
  for (const f of files) {
    try {
      ctx.budget.spendEntries(1);
      if (f.size > MAX_SINGLE_FILE_BYTES)
        throw new FileRefusal(problem('file_too_large', Math.round(f.size / 1048576)));
      const { data, warning } = await readZipEntry(source, f, MAX_SINGLE_FILE_BYTES, ctx.budget);
      const isZip = sniff(data.subarray(0, 4096)) === 'zip';
      if (isZip && depth + 1 >= READ_BUDGET.maxNesting) throw new FileRefusal(problem('zip_nested_too_deep'));
      if (isZip) {
        const inner = await readArchive(bytesSource(data), { ...ctx, onProgress: undefined }, depth + 1);
        if (inner.kind === 'archive') {
          for (const e of inner.entries) entries.push({ ...e, entry: `${f.name}/${e.entry}` });
          warnings.push(...inner.warnings.map((x) => problem('in_entry', f.name, x)));
        } else entries.push({ ...inner, entry: f.name });
      } else {
        const r = safeDecode(f.name, data, ctx, depth + 1);
        if (warning && r.kind === 'activities') r.warnings.unshift(warning);
        entries.push({ ...r, entry: f.name });
      }
    } catch (e) {
      entries.push({ entry: f.name, kind: 'refused', format: null, reason: refusalOf(e) });
      // Past the import's budget every further entry would say the same: stop here.
      if (ctx.budget.inflated > READ_BUDGET.maxInflatedBytes || ctx.budget.entries > READ_BUDGET.maxEntries) break;
    }
    done += f.compressedSize;
    ctx.onProgress?.(done, total);
  }
  return { kind: 'archive', format: 'zip', entries, warnings };
}

async function readArchive(
  source: RandomAccessSource,
  ctx: Ctx,
  depth: number,
): Promise<ArchiveRead | SingleFileResult> {
  let dir: ZipEntry[];
  try {
    dir = await readZipDirectory(source);
  } catch (e) {
    return { kind: 'refused', format: 'zip', reason: refusalOf(e) };
  }
  const files = dir.filter((e) => !e.isDirectory && !isJunk(e.name));
  if (files.length === 0) return { kind: 'refused', format: 'zip', reason: problem('zip_empty') };
  try {
    const csv = files
      .filter((e) => /(^|\/)activities\.csv$/i.test(e.name))
      .sort((a, b) => depthOf(a.name) - depthOf(b.name))[0];
    if (csv && depthOf(csv.name) <= 2) return await readStravaExport(source, csv, files, ctx);
    const summaries = files.filter((e) => GARMIN_SUMMARIES_RE.test(e.name));
    if (summaries.length > 0) return await readGarminExport(source, summaries, ctx);
    return await readGenericZip(source, files, ctx, depth);
  } catch (e) {
    return { kind: 'refused', format: 'zip', reason: refusalOf(e) };
  }
}

// ---------------------------------------------------------------- entry points

/**
 * Reads one file the user gave: FIT, GPX or TCX (each possibly gzipped), a zip of such files
 * (Garmin Connect's "Export Original"), Strava's bulk export, Garmin's account export, or a
 * bare activities.csv / summarizedActivities.json. Never throws: the result says what was read
 * or why nothing was. The format is told by content, not by `name` (used in messages only).
 */
export async function readActivityFile(
  name: string,
  source: RandomAccessSource,
  opts: ReadOptions,
): Promise<FileReadResult> {
  const warnings: Problem[] = [];
  let timeZone = opts.timeZone;
  if (!isValidTimeZone(timeZone)) {
    warnings.push(problem('file_time_zone_unknown', timeZone));
    timeZone = 'UTC';
  }
  const ctx: Ctx = {
    timeZone,
    nowMs: opts.nowMs ?? Date.now(),
    warnings,
    onProgress: opts.onProgress,
    budget: opts.budget ?? new ReadBudget(),
  };
  try {
    if (source.size === 0) return { kind: 'refused', format: null, reason: problem('file_empty') };
    const head = await readExactly(source, 0, 4096);
    const kind = sniff(head);
    let result: FileReadResult;
    if (kind === 'zip') result = await readArchive(source, ctx, 0);
    else if (kind === 'strava-csv' || kind === 'garmin-json') {
      if (source.size > MAX_INFLATED_BYTES)
        return { kind: 'refused', format: null, reason: problem('file_too_large_to_read') };
      const bytes = await readAll(source);
      result = kind === 'strava-csv' ? await readBareStravaCsv(bytes, ctx) : readBareGarminJson(bytes, ctx);
    } else {
      if (source.size > MAX_SINGLE_FILE_BYTES) {
        return {
          kind: 'refused',
          format: null,
          reason: problem('file_too_large', Math.round(source.size / 1048576)),
        };
      }
      const bytes = await readAll(source);
      ctx.onProgress?.(bytes.length, source.size);
      result = safeDecode(name, bytes, ctx, 0);
    }
    if (warnings.length > 0) {
      if (result.kind === 'activities' || result.kind === 'archive') result.warnings.unshift(...warnings);
    }
    return result;
  } catch (e) {
    return { kind: 'refused', format: null, reason: refusalOf(e) };
  }
}

async function readBareStravaCsv(bytes: Uint8Array, ctx: Ctx): Promise<FileReadResult> {
  const collector = new StravaCsvCollector();
  const parser = new CsvParser(collector.onRow);
  // In steps, so one enormous file never becomes one enormous string.
  const decoder = new TextDecoder('utf-8');
  const STEP = 1024 * 1024;
  for (let p = 0; p < bytes.length; p += STEP) {
    parser.push(decoder.decode(bytes.subarray(p, p + STEP), { stream: true }));
    await yieldToOthers();
  }
  parser.push(decoder.decode());
  parser.end();
  if (collector.headerError) return { kind: 'refused', format: 'csv', reason: collector.headerError };
  const { entries, warnings } = await stravaRowsToEntries(collector.rows, { timeZone: ctx.timeZone, nowMs: ctx.nowMs });
  return { kind: 'archive', format: 'strava-export', entries, warnings };
}

function readBareGarminJson(bytes: Uint8Array, ctx: Ctx): FileReadResult {
  const reader = new GarminSummariesReader({ timeZone: ctx.timeZone, nowMs: ctx.nowMs });
  reader.push(bytes);
  return { kind: 'archive', format: 'garmin-export', entries: reader.entries, warnings: reader.warnings() };
}

export interface NamedSource {
  name: string;
  source: RandomAccessSource;
}

/** Reads several files (the options page's multi-file input), one after the other. */
export async function readActivityFiles(
  files: readonly NamedSource[],
  opts: ReadOptions,
): Promise<{ name: string; result: FileReadResult }[]> {
  const total = files.reduce((s, f) => s + f.source.size, 0);
  let before = 0;
  const out: { name: string; result: FileReadResult }[] = [];
  // One budget for the whole import, however many files make it.
  const budget = opts.budget ?? new ReadBudget();
  for (const f of files) {
    const base = before;
    const result = await readActivityFile(f.name, f.source, {
      ...opts,
      budget,
      onProgress: opts.onProgress
        ? (done, t) => opts.onProgress!(base + (t > 0 ? (done / t) * f.source.size : 0), total)
        : undefined,
    });
    before += f.source.size;
    opts.onProgress?.(before, total);
    out.push({ name: f.name, result });
  }
  return out;
}

/** Every activity a result holds, archives included. */
export function activitiesOf(result: FileReadResult): ActivityInput[] {
  if (result.kind === 'activities') return result.activities;
  if (result.kind === 'archive') return result.entries.flatMap((e) => (e.kind === 'activities' ? e.activities : []));
  return [];
}

export interface ImportCounts {
  /** Activities read (before duplicate detection, which is the store's job). */
  activities: number;
  /** Files or entries that are well-formed but not activities (settings, workouts...). */
  notActivities: number;
  /** Files or entries refused, each with its reason. */
  refused: { entry: string; reason: Problem }[];
}

/** Per-import outcome counts for the user: what was read, what was not an activity, what was refused and why. */
export function countOutcome(results: readonly { name: string; result: FileReadResult }[]): ImportCounts {
  const counts: ImportCounts = { activities: 0, notActivities: 0, refused: [] };
  const add = (entry: string, r: SingleFileResult) => {
    if (r.kind === 'activities') counts.activities += r.activities.length;
    else if (r.kind === 'not-activity') counts.notActivities++;
    else counts.refused.push({ entry, reason: r.reason });
  };
  for (const { name, result } of results) {
    if (result.kind === 'archive') for (const e of result.entries) add(`${name}: ${e.entry}`, e);
    else add(name, result);
  }
  return counts;
}
