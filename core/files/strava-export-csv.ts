import type { Sport } from '../activity';
import { problem, type Problem } from '../problem-codes';
import { normalizeSport } from '../sport';
import { fieldsToMs } from '../time';
import { checkSummary, toActivityInput, type SessionSummary } from './summary';
import { READ_BUDGET } from './read-budget';
import { FileRefusal, type ArchiveEntryResult, type SingleFileResult } from './types';

// Strava's bulk export ("Download your archive"): activities.csv lists every activity with its
// Strava id, so the thousands of files beside it need not be decoded. Activities keep their
// Strava id (source "strava"), so they merge with what the Strava pages report.
//
// The CSV is written in the account's language: headers, dates ("Mar 19, 2017, 4:49:30 PM",
// "3. 3. 2024 7:00:00"), numbers ("5,01") and activity types ("Běh") may all be localized.
// English headers are read by name; otherwise the column order, stable across exports, is used.
// Columns (English): "Activity ID","Activity Date" (UTC),"Activity Name","Activity Type",
// "Activity Description","Elapsed Time" (s),"Distance" (km, localized), ... "Filename", ...,
// then a second block with "Elapsed Time","Moving Time","Distance" (metres, plain numbers).

export interface StravaRow {
  /** Data row number, 1 for the first row after the header. */
  line: number;
  id: string;
  date: string;
  name: string;
  type: string;
  elapsed: string;
  moving: string;
  distanceKm: string;
  distanceM: string;
  filename: string;
}

interface Columns {
  id: number;
  date: number;
  name: number;
  type: number;
  elapsed: number;
  moving: number;
  distanceKm: number;
  distanceM: number;
  filename: number;
}

const norm = (s: string) =>
  s
    .trim()
    .replace(/^\uFEFF/, '')
    .toLowerCase();

function columnsFromHeader(header: string[]): Columns | null {
  const h = header.map(norm);
  const all = (name: string) => h.flatMap((v, i) => (v === name ? [i] : []));
  const first = (name: string) => all(name)[0] ?? -1;
  const id = first('activity id');
  const date = first('activity date');
  const type = first('activity type');
  if (id >= 0 && date >= 0 && type >= 0) {
    const dist = all('distance');
    return {
      id,
      date,
      name: first('activity name'),
      type,
      elapsed: first('elapsed time'),
      moving: first('moving time'),
      distanceKm: dist.length > 0 ? dist[0]! : -1,
      distanceM: dist.length > 1 ? dist[dist.length - 1]! : -1,
      filename: first('filename'),
    };
  }
  // Localized headers: the column order is the same in every language.
  if (header.length >= 18)
    return { id: 0, date: 1, name: 2, type: 3, elapsed: 5, distanceKm: 6, filename: 12, moving: 16, distanceM: 17 };
  if (header.length >= 7)
    return { id: 0, date: 1, name: 2, type: 3, elapsed: 5, distanceKm: 6, filename: -1, moving: -1, distanceM: -1 };
  return null;
}

/** Collects activities.csv rows as they are parsed (feed it to CsvParser). */
export class StravaCsvCollector {
  rows: StravaRow[] = [];
  private cols: Columns | null = null;
  headerError: Problem | null = null;
  private headerSeen = false;

  onRow = (fields: string[], index: number): void => {
    if (!this.headerSeen) {
      this.headerSeen = true;
      this.cols = columnsFromHeader(fields);
      if (!this.cols) this.headerError = problem('csv_not_strava');
      return;
    }
    const c = this.cols;
    if (!c) return;
    if (this.rows.length >= READ_BUDGET.maxCsvRows)
      throw new FileRefusal(problem('strava_csv_too_many_rows', READ_BUDGET.maxCsvRows));
    const get = (i: number) => (i >= 0 ? (fields[i] ?? '').trim() : '');
    let filename = get(c.filename);
    if (c.filename < 0)
      filename = fields.find((f) => /^activities\/\S+\.(fit|gpx|tcx)(\.gz)?$/i.test(f.trim()))?.trim() ?? '';
    this.rows.push({
      line: index,
      id: get(c.id),
      date: get(c.date),
      name: get(c.name),
      type: get(c.type),
      elapsed: get(c.elapsed),
      moving: get(c.moving),
      distanceKm: get(c.distanceKm),
      distanceM: get(c.distanceM),
      filename,
    });
  };
}

// ---------------------------------------------------------------- dates

const MONTHS: Record<string, number> = {
  jan: 1,
  ene: 1,
  gen: 1,
  feb: 2,
  fev: 2,
  mar: 3,
  mrt: 3,
  apr: 4,
  avr: 4,
  abr: 4,
  may: 5,
  mai: 5,
  mei: 5,
  mag: 5,
  maj: 5,
  jun: 6,
  giu: 6,
  juin: 6,
  jul: 7,
  lug: 7,
  juil: 7,
  aug: 8,
  ago: 8,
  aou: 8,
  sep: 9,
  set: 9,
  oct: 10,
  okt: 10,
  ott: 10,
  out: 10,
  nov: 11,
  dec: 12,
  dez: 12,
  dic: 12,
};

function monthOf(word: string): number | undefined {
  return MONTHS[word.slice(0, 4)] ?? MONTHS[word.slice(0, 3)];
}

interface DateParts {
  nums: string[];
  month?: number;
  pm?: boolean;
  sep: string;
}

function partsOf(s: string): DateParts {
  const t = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b([ap])\.\s?m\.?/g, '$1m');
  const nums = t.match(/\d+/g) ?? [];
  let month: number | undefined;
  let pm: boolean | undefined;
  for (const w of t.match(/[a-z]+/g) ?? []) {
    if (w === 'am') pm = false;
    else if (w === 'pm') pm = true;
    else if (month === undefined && w.length >= 3) month = monthOf(w);
  }
  const sep = /\d+\s*([./-])\s*\d+/.exec(t)?.[1] ?? '';
  return { nums, month, pm, sep };
}

/** For all-numeric dates like 03/04/2017: is the day first? Decided once for the whole file. */
export function inferDayFirst(dates: string[]): boolean {
  let dayFirst = 0;
  let monthFirst = 0;
  let ampm = 0;
  let slash = 0;
  for (const d of dates) {
    const p = partsOf(d);
    if (p.month !== undefined || p.nums.length < 3 || p.nums[0]!.length >= 4) continue;
    const a = Number(p.nums[0]);
    const b = Number(p.nums[1]);
    if (a > 12 && b <= 12) dayFirst++;
    else if (b > 12 && a <= 12) monthFirst++;
    if (p.pm !== undefined) ampm++;
    if (p.sep === '/') slash++;
  }
  if (dayFirst !== monthFirst) return dayFirst > monthFirst;
  // No telling row: US style (month first) writes slashes and AM/PM; the rest of the world
  // puts the day first.
  return !(slash > 0 && ampm > 0);
}

/** An export date (UTC) in any of the languages Strava writes, as Unix ms; null if unreadable. */
export function parseStravaDate(s: string, dayFirst: boolean): number | null {
  const p = partsOf(s);
  const n = p.nums.map(Number);
  let y: number, mo: number, d: number, rest: number[];
  if (p.month !== undefined) {
    const yi = p.nums.findIndex((x) => x.length === 4);
    if (yi < 0) return null;
    y = n[yi]!;
    const others = n.filter((_, i) => i !== yi);
    if (others.length < 1) return null;
    mo = p.month;
    d = others[0]!;
    rest = others.slice(1);
  } else {
    if (n.length < 3) return null;
    if (p.nums[0]!.length === 4) [y, mo, d] = [n[0]!, n[1]!, n[2]!];
    else {
      y = n[2]! < 100 && p.nums[2]!.length <= 2 ? 2000 + n[2]! : n[2]!;
      [d, mo] = dayFirst ? [n[0]!, n[1]!] : [n[1]!, n[0]!];
    }
    rest = n.slice(3);
  }
  let [h = 0, mi = 0, sec = 0] = rest;
  if (p.pm === true && h < 12) h += 12;
  if (p.pm === false && h === 12) h = 0;
  if (y < 1990 || y > 2200) return null;
  // Null for dates that would roll over (31 April).
  return fieldsToMs(y, mo, d, h, mi, sec);
}

/** A number as Strava writes it in the account's locale: "5.01", "5,01", "1,234.5", "1 234,5". */
export function parseLocaleNumber(s: string): number | null {
  let t = s.replace(/[\s\u00a0\u202f']/g, '');
  if (t === '') return null;
  const lastComma = t.lastIndexOf(',');
  const lastDot = t.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    t = lastComma > lastDot ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  } else if (lastComma >= 0) t = t.replace(',', '.');
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

// ---------------------------------------------------------------- activities

// Strava's own (English) activity types, letters only, lower case. A type outside this list is
// a localized name ("Běh", "Course à pied"): its sport is then read from the activity's file.
const ENGLISH_TYPES = new Set(
  (
    'run trailrun virtualrun walk hike ride virtualride ebikeride emountainbikeride mountainbikeride gravelride ' +
    'handcycle velomobile swim weighttraining crossfit workout yoga pilates hiit elliptical stairstepper rowing ' +
    'virtualrow alpineski backcountryski nordicski rollerski snowboard snowshoe iceskate inlineskate skateboard ' +
    'kayaking canoeing kitesurf windsurf surfing standuppaddling sail rockclimbing golf soccer football tennis ' +
    'pickleball padel badminton tabletennis squash racquetball wheelchair other dance'
  ).split(' '),
);

export function isEnglishStravaType(type: string): boolean {
  return ENGLISH_TYPES.has(type.toLowerCase().replace(/[^a-z]/g, ''));
}

export interface StravaRowsContext {
  timeZone: string;
  nowMs: number;
  /** Decodes an activity file of the archive (for rows whose type is localized). */
  readFile?: (path: string) => Promise<SingleFileResult | null>;
  /** Called after each row that needed its file decoded. */
  onFileRead?: () => void;
}

const MAX_FILES_FOR_SPORT = 5000;

export async function stravaRowsToEntries(
  rows: StravaRow[],
  ctx: StravaRowsContext,
): Promise<{ entries: ArchiveEntryResult[]; warnings: Problem[] }> {
  const warnings: Problem[] = [];
  const dayFirst = inferDayFirst(rows.map((r) => r.date));
  const entries: ArchiveEntryResult[] = [];
  const localized = new Map<string, number>();
  let filesRead = 0;
  const seen = new Set<string>();

  for (const r of rows) {
    const entry = r.id ? `activities.csv, activity ${r.id.slice(0, 40)}` : `activities.csv row ${r.line}`;
    if (!/^\d{1,20}$/.test(r.id)) {
      entries.push({
        entry,
        kind: 'refused',
        format: 'csv',
        reason: problem('csv_bad_id', r.id.slice(0, 40)),
      });
      continue;
    }
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    const startMs = parseStravaDate(r.date, dayFirst);
    if (startMs === null) {
      entries.push({
        entry,
        kind: 'refused',
        format: 'csv',
        reason: problem('csv_bad_date', r.date.slice(0, 60)),
      });
      continue;
    }
    let sport: Sport = normalizeSport(r.type);
    if (!isEnglishStravaType(r.type) && r.type !== '') {
      localized.set(r.type, (localized.get(r.type) ?? 0) + 1);
      if (r.filename && ctx.readFile && filesRead < MAX_FILES_FOR_SPORT) {
        filesRead++;
        const fileResult = await ctx.readFile(r.filename).catch(() => null);
        ctx.onFileRead?.();
        if (fileResult?.kind === 'activities' && fileResult.activities.length > 0) {
          // The session of the file that starts nearest the CSV's start.
          const best = [...fileResult.activities].sort(
            (a, b) => Math.abs(a.startMs - startMs) - Math.abs(b.startMs - startMs),
          )[0]!;
          sport = best.sport;
        }
      }
    }
    const moving = parseLocaleNumber(r.moving);
    const elapsed = parseLocaleNumber(r.elapsed);
    let distanceM = parseLocaleNumber(r.distanceM);
    if (distanceM === null) {
      const km = parseLocaleNumber(r.distanceKm);
      // Older exports have only this column, in km, except swims (and rows), written in metres.
      // A value that would be absurd in km (over 1000 km, or faster than 40 m/s) is metres too.
      if (km !== null) {
        const asMetres =
          (sport === 'swim' && km > 30) || km > 1000 || (elapsed !== null && elapsed > 0 && (km * 1000) / elapsed > 40);
        distanceM = asMetres ? km : km * 1000;
      }
    }
    const s: SessionSummary = {
      startMs,
      sport,
      sportLabel: r.type,
      distanceM,
      movingS: moving,
      elapsedS: elapsed,
      name: r.name || 'Strava activity',
    };
    const rowWarnings: Problem[] = [];
    const bad = checkSummary(s, ctx.nowMs, rowWarnings, problem('subject_activity_id', r.id));
    if (bad) {
      entries.push({ entry, kind: 'refused', format: 'csv', reason: bad });
      continue;
    }
    entries.push({
      entry,
      kind: 'activities',
      format: 'csv',
      activities: [toActivityInput(s, ctx.timeZone, 'strava', r.id)],
      warnings: rowWarnings,
    });
  }
  if (localized.size > 0) {
    const examples = [...localized.keys()]
      .slice(0, 3)
      .map((t) => `"${t}"`)
      .join(', ');
    warnings.push(problem(ctx.readFile ? 'csv_sports_localized_read' : 'csv_sports_localized_other', examples));
  }
  return { entries, warnings };
}
