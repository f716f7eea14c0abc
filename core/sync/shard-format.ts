import { isObj } from '../guards';
import type { Activity, Source, Sport } from '../activity';
import { checkCheckIn, type CheckIn, type PainAnswer, type PainPlace, type RedFlag } from '../check-in';
import { LIMITS } from '../activity-validation';
import { dateFromDayNumber, dayNumber, isLocalDate } from '../local-date';
import { plausibleCadence } from '../cadence';
import { checkChangeTime, checkDay, checkPace, latestToday } from '../plausibility';

// The compact form in which each browser publishes what the verdict needs to storage.sync.
// storage.sync allows 100 KB in all across every browser of the profile, so a run is one short
// string: start, local day, sport, distance, times, last change and source ids, nothing else
// (never a name or a track), and its average cadence beside it. Everything read back is input
// from outside: checked like a message.

/** Format version of an item; a browser ignores items of a version it does not know. */
export const SHARD_VERSION = 1;
/** Every sync item's key starts with this; the browser id and the period follow. */
export const SHARD_PREFIX = 'hcs.';
/** Days one item covers: a new run rewrites one small item, not the browser's whole shard. */
export const PERIOD_DAYS = 5;
/** How far back shards reach; older rows and browsers unseen for this long are ignored. */
export const SYNC_DAYS = 120;

/** A run as shards carry it: values rounded to what the row format keeps (seconds, metres). */
export interface SyncRun {
  /** "source:id" of every source, sorted. */
  sourceKeys: string[];
  startMs: number;
  localDate: string;
  sport: Sport;
  distanceM: number | null;
  movingS: number | null;
  elapsedS: number | null;
  /** Average cadence, whole steps a minute; absent when unknown. Travels in the item's `c` list. */
  cadenceSpm?: number;
  /** Last change of this record (a new source, new values, a correction by hand). */
  updatedMs: number;
  /** Corrected by hand: its values win over uncorrected copies of the run. */
  edited: boolean;
}

/** A run the runner deleted, and when: it hides every older copy of that run. */
export interface SyncDeletion {
  sourceKeys: string[];
  startMs: number;
  localDate: string;
  sport: Sport;
  distanceM: number | null;
  movingS: number | null;
  elapsedS: number | null;
  deletedMs: number;
}

/** "I rested today" set or taken back, and when: the latest word on a date wins. */
export interface SyncMark {
  date: string;
  on: boolean;
  atMs: number;
}

/** What one browser publishes (all its items together, or one item's part). */
export interface ShardContent {
  runs: SyncRun[];
  deletions: SyncDeletion[];
  marks: SyncMark[];
  /** Daily hip check-ins: one a date, the latest answer wins. */
  checkIns: CheckIn[];
}

/**
 * One storage.sync item: runs (a), deletions (d), rest marks (m), hip check-ins (h), the runs'
 * cadences (c). Row lists a version does not know are ignored, so a newer browser can add some
 * without older ones refusing its items.
 */
export interface ShardItem {
  v: number;
  /** When the browser wrote this item, in seconds: newer copies of a key win. */
  s: number;
  a?: string[];
  /**
   * The cadence of each run of `a`, in the same order: base-36 steps a minute, or "" for none.
   * Left out when no run has one. A list apart, not a field of the run row, so browsers that
   * predate it still read the runs; a damaged list loses the cadences, never the runs.
   */
  c?: string[];
  d?: string[];
  m?: string[];
  h?: string[];
}

/** Why an item was ignored; each has its words in _locales as syncBad_<problem>. */
export const SHARD_PROBLEMS = [
  'key',
  'notObject',
  'version',
  'writtenAt',
  'rows',
  'badRun',
  'badDeletion',
  'badMark',
  'badCheckIn',
  'outOfPeriod',
  'tooLarge',
] as const;
export type ShardProblem = (typeof SHARD_PROBLEMS)[number];

export type Decoded =
  | { ok: true; browserId: string; period: number; writtenMs: number; content: ShardContent }
  | { ok: false; problem: ShardProblem; detail: string };

const SPORT_CODES: Readonly<Record<Sport, string>> = {
  run: 'r',
  trail_run: 't',
  treadmill_run: 'm',
  virtual_run: 'v',
  walk: 'w',
  hike: 'h',
  ride: 'b',
  swim: 's',
  strength: 'g',
  other: 'o',
};
const SPORT_OF_CODE = new Map(Object.entries(SPORT_CODES).map(([s, c]) => [c, s as Sport]));
const SOURCE_CODES: Readonly<Record<Source, string>> = { strava: 's', garmin: 'g', file: 'f', manual: 'm' };
const SOURCE_OF_CODE = new Map(Object.entries(SOURCE_CODES).map(([s, c]) => [c, s as Source]));

export const BROWSER_ID_RE = /^[a-z0-9]{6,16}$/;
const KEY_RE = /^hcs\.([a-z0-9]{6,16})\.(\d{1,6})$/;
const B36 = /^[0-9a-z]{1,12}$/;
/** Rows are short; a longer one is not ours. */
const MAX_ROW = 600;
export const MAX_ROWS_PER_ITEM = 2000;

export function shardKey(browserId: string, period: number): string {
  return `${SHARD_PREFIX}${browserId}.${period}`;
}

export function parseShardKey(key: string): { browserId: string; period: number } | null {
  const m = KEY_RE.exec(key);
  return m ? { browserId: m[1]!, period: Number(m[2]) } : null;
}

export function periodOfDate(date: string): number {
  return Math.floor(dayNumber(date) / PERIOD_DAYS);
}

/** Bytes storage.sync counts for an item: its key plus its value as JSON. */
export function itemBytes(key: string, value: unknown): number {
  return key.length + new TextEncoder().encode(JSON.stringify(value)).length;
}

// ---------------------------------------------------------------------------------------------
// Field codecs. "|" separates fields and " " separates source ids; ids escape both, and "%".

const num36 = (n: number | null) => (n === null ? '' : Math.round(n).toString(36));
function parse36(s: string, max: number): number | null | undefined {
  if (s === '') return null;
  if (!B36.test(s)) return undefined;
  const n = parseInt(s, 36);
  return Number.isSafeInteger(n) && n <= max ? n : undefined;
}
const sec36 = (ms: number) => Math.floor(ms / 1000).toString(36);
const MAX_SEC = Math.floor(Date.UTC(2200, 0, 1) / 1000);
function parseSec(s: string): number | undefined {
  const n = parse36(s, MAX_SEC);
  return n === null || n === undefined || n * 1000 < LIMITS.earliestStartMs ? undefined : n * 1000;
}

const escapeId = (id: string) => id.replace(/[%| ]/g, (c) => encodeURIComponent(c));

function encodeSources(keys: readonly string[]): string {
  return keys
    .map((k) => {
      const i = k.indexOf(':');
      const src = k.slice(0, i) as Source;
      const id = k.slice(i + 1);
      const code = SOURCE_CODES[src];
      // Site ids are long decimal numbers: base 36 with the upper-case code is shorter.
      if (/^[1-9]\d{0,15}$/.test(id) && Number.isSafeInteger(Number(id)))
        return code.toUpperCase() + Number(id).toString(36);
      return code + escapeId(id);
    })
    .join(' ');
}

function decodeSources(s: string): string[] | undefined {
  if (s === '') return undefined;
  const out: string[] = [];
  for (const part of s.split(' ')) {
    const code = part[0] ?? '';
    const src = SOURCE_OF_CODE.get(code.toLowerCase());
    if (!src) return undefined;
    let id: string;
    if (code !== code.toLowerCase()) {
      const n = parse36(part.slice(1), Number.MAX_SAFE_INTEGER);
      if (n === null || n === undefined) return undefined;
      id = String(n);
    } else {
      try {
        id = decodeURIComponent(part.slice(1));
      } catch {
        return undefined;
      }
    }
    if (id === '' || id.length > LIMITS.maxIdLength) return undefined;
    out.push(`${src}:${id}`);
  }
  return [...new Set(out)].sort();
}

/** Local day minus the UTC day of the start: -1, 0 or 1 for any time zone on earth. */
function dayOffset(startMs: number, localDate: string): number {
  return dayNumber(localDate) - Math.floor(startMs / 86_400_000);
}

function encodeValues(x: SyncRun | SyncDeletion): string[] {
  return [
    sec36(x.startMs),
    String(dayOffset(x.startMs, x.localDate)),
    SPORT_CODES[x.sport],
    num36(x.distanceM),
    num36(x.movingS),
    num36(x.elapsedS),
  ];
}

type Values = Omit<SyncRun, 'sourceKeys' | 'updatedMs' | 'edited'>;

function decodeValues(f: readonly string[]): Values | undefined {
  const startMs = parseSec(f[0]!);
  const off = f[1];
  const sport = SPORT_OF_CODE.get(f[2]!);
  const distanceM = parse36(f[3]!, LIMITS.maxDistanceM);
  const movingS = parse36(f[4]!, LIMITS.maxDurationS);
  const elapsedS = parse36(f[5]!, LIMITS.maxDurationS);
  if (startMs === undefined || !sport || distanceM === undefined || movingS === undefined || elapsedS === undefined)
    return undefined;
  if (off !== '-1' && off !== '0' && off !== '1') return undefined;
  const localDate = dateFromDayNumber(Math.floor(startMs / 86_400_000) + Number(off));
  return { startMs, localDate, sport, distanceM, movingS, elapsedS };
}

export function encodeRun(r: SyncRun): string {
  return [...encodeValues(r), sec36(r.updatedMs) + (r.edited ? '*' : ''), encodeSources(r.sourceKeys)].join('|');
}

export function decodeRun(row: string): SyncRun | undefined {
  const f = row.split('|');
  if (f.length !== 8) return undefined;
  const v = decodeValues(f);
  const edited = f[6]!.endsWith('*');
  const updatedMs = parseSec(edited ? f[6]!.slice(0, -1) : f[6]!);
  const sourceKeys = decodeSources(f[7]!);
  if (!v || updatedMs === undefined || !sourceKeys) return undefined;
  return { sourceKeys, ...v, updatedMs, edited };
}

export function encodeDeletion(d: SyncDeletion): string {
  return [...encodeValues(d), sec36(d.deletedMs), encodeSources(d.sourceKeys)].join('|');
}

export function decodeDeletion(row: string): SyncDeletion | undefined {
  const f = row.split('|');
  if (f.length !== 8) return undefined;
  const v = decodeValues(f);
  const deletedMs = parseSec(f[6]!);
  const sourceKeys = decodeSources(f[7]!);
  if (!v || deletedMs === undefined || !sourceKeys) return undefined;
  return { sourceKeys, ...v, deletedMs };
}

export function encodeMark(m: SyncMark): string {
  return `${m.date}|${m.on ? 1 : 0}|${sec36(m.atMs)}`;
}

export function decodeMark(row: string): SyncMark | undefined {
  const f = row.split('|');
  if (f.length !== 3 || !isLocalDate(f[0]) || (f[1] !== '0' && f[1] !== '1')) return undefined;
  // Marks made before sync was on carry no time (0): any later word on the date wins.
  const atMs = f[2] === '0' ? 0 : parseSec(f[2]!);
  if (atMs === undefined) return undefined;
  return { date: f[0], on: f[1] === '1', atMs };
}

// A check-in row: date, pain 0-10, pain at night or rest, groin pain walking, when answered; since
// 2026-12 four more fields: the place (a letter), the red flags (a letter each, "-" for none
// answered yes, empty when not asked), the morning and the later answer ("pain.seconds"). The first
// five keep their old meaning so a row stays readable field by field.
const PLACE_LETTER: Readonly<Record<PainPlace, string>> = { outside: 'o', groin: 'g', buttock: 'b', unsure: 'u' };
const FLAG_LETTER: Readonly<Record<RedFlag, string>> = {
  cannot_bear_weight: 'c',
  unwell: 'f',
  night_or_rest: 'n',
  hop: 'h',
  limp: 'l',
  walking: 'w',
};
const byLetter = <K extends string>(m: Readonly<Record<K, string>>) =>
  new Map(Object.entries(m).map(([k, v]) => [v as string, k as K]));
const PLACE_OF = byLetter(PLACE_LETTER);
const FLAG_OF = byLetter(FLAG_LETTER);

const encodeAnswer = (a: PainAnswer | undefined) => (a ? `${a.pain}.${sec36(a.atMs)}` : '');

export function encodeCheckIn(c: CheckIn): string {
  const night = c.flags?.includes('night_or_rest') ? 1 : 0;
  const walking = c.flags?.includes('walking') ? 1 : 0;
  const flags = c.flags === undefined ? '' : c.flags.length === 0 ? '-' : c.flags.map((f) => FLAG_LETTER[f]).join('');
  return [
    c.date,
    c.pain,
    night,
    walking,
    sec36(c.atMs),
    c.place ? PLACE_LETTER[c.place] : '',
    flags,
    encodeAnswer(c.morning),
    encodeAnswer(c.later),
  ].join('|');
}

function decodeAnswer(s: string): PainAnswer | null | undefined {
  if (s === '') return null;
  const m = /^(\d{1,2})\.([0-9a-z]{1,12})$/.exec(s);
  if (!m) return undefined;
  const atMs = m[2] === '0' ? 0 : parseSec(m[2]!);
  return atMs === undefined ? undefined : { pain: Number(m[1]), atMs };
}

export function decodeCheckIn(row: string): CheckIn | undefined {
  const f = row.split('|');
  if (
    (f.length !== 5 && f.length !== 9) ||
    !/^\d{1,2}$/.test(f[1]!) ||
    !['0', '1'].includes(f[2]!) ||
    !['0', '1'].includes(f[3]!)
  )
    return undefined;
  const atMs = f[4] === '0' ? 0 : parseSec(f[4]!);
  if (atMs === undefined) return undefined;
  if (f.length === 5) {
    // A row of a version before 2026-12.
    const c = checkCheckIn(
      {
        date: f[0],
        pain: Number(f[1]),
        nightOrRest: f[2] === '1',
        groinWalking: f[3] === '1',
        atMs,
      },
      null,
    );
    return c.ok ? c.value : undefined;
  }
  const place = f[5] === '' ? undefined : PLACE_OF.get(f[5]!);
  if (f[5] !== '' && !place) return undefined;
  let flags: RedFlag[] | undefined;
  if (f[6] !== '') {
    flags = [];
    for (const ch of f[6] === '-' ? '' : f[6]!) {
      const flag = FLAG_OF.get(ch);
      if (!flag) return undefined;
      flags.push(flag);
    }
  }
  const morning = decodeAnswer(f[7]!);
  const later = decodeAnswer(f[8]!);
  if (morning === undefined || later === undefined) return undefined;
  const c = checkCheckIn({ date: f[0], pain: Number(f[1]), atMs, place, flags, morning, later }, null);
  return c.ok ? c.value : undefined;
}

/** A check-in as rows carry it: its times in whole seconds. */
export function syncCheckInOf(c: CheckIn): CheckIn {
  const out: CheckIn = { date: c.date, pain: c.pain, atMs: floorSec(c.atMs) };
  if (c.morning) out.morning = { pain: c.morning.pain, atMs: floorSec(c.morning.atMs) };
  if (c.later) out.later = { pain: c.later.pain, atMs: floorSec(c.later.atMs) };
  if (c.place) out.place = c.place;
  if (c.flags) out.flags = [...c.flags];
  return out;
}

// ---------------------------------------------------------------------------------------------
// From the store's records to shard rows, rounded exactly as the row format rounds them, so a
// browser merges its own runs in the very form the other browsers read them.

const round = (n: number | null) => (n === null ? null : Math.round(n));
const floorSec = (ms: number) => Math.floor(ms / 1000) * 1000;

export function syncRunOf(a: Activity): SyncRun {
  return {
    sourceKeys: [...new Set(a.sourceKeys)].sort(),
    startMs: floorSec(a.startMs),
    localDate: a.localDate,
    sport: a.sport,
    distanceM: round(a.distanceM),
    movingS: round(a.movingS),
    elapsedS: round(a.elapsedS),
    ...(a.cadenceSpm !== undefined ? { cadenceSpm: a.cadenceSpm } : {}),
    updatedMs: floorSec(a.updatedMs),
    edited: a.edited === true,
  };
}

/**
 * A deletion row of a record. A run corrected by hand travels without its distance and times:
 * they are the runner's, and the other browsers' copies of the run (Garmin's, uncorrected) still
 * carry what the sources said, so the deletion matches them by start and sport family alone.
 */
export function syncDeletionOf(a: Activity, deletedMs: number): SyncDeletion {
  const r = syncRunOf(a);
  return {
    sourceKeys: r.sourceKeys,
    startMs: r.startMs,
    localDate: r.localDate,
    sport: r.sport,
    distanceM: r.edited ? null : r.distanceM,
    movingS: r.edited ? null : r.movingS,
    elapsedS: r.edited ? null : r.elapsedS,
    deletedMs: floorSec(deletedMs),
  };
}

/** Whether a record can travel in a row at all (a local date more than a day off its start cannot). */
export function fitsRowFormat(x: { startMs: number; localDate: string }): boolean {
  const off = dayOffset(x.startMs, x.localDate);
  return off >= -1 && off <= 1 && x.startMs >= LIMITS.earliestStartMs;
}

// ---------------------------------------------------------------------------------------------
// Items

export function encodeItem(content: ShardContent, writtenMs: number): ShardItem {
  const item: ShardItem = { v: SHARD_VERSION, s: Math.floor(writtenMs / 1000) };
  const runs = content.runs
    .map((r) => ({ row: encodeRun(r), cadence: r.cadenceSpm }))
    .sort((x, y) => (x.row < y.row ? -1 : x.row > y.row ? 1 : 0));
  if (runs.length) item.a = runs.map((r) => r.row);
  if (runs.some((r) => r.cadence !== undefined)) item.c = runs.map((r) => num36(r.cadence ?? null));
  if (content.deletions.length) item.d = content.deletions.map(encodeDeletion).sort();
  if (content.marks.length) item.m = content.marks.map(encodeMark).sort();
  if (content.checkIns.length) item.h = content.checkIns.map(encodeCheckIn).sort();
  return item;
}

function rowsOf(v: unknown): string[] | null | undefined {
  if (v === undefined) return null;
  if (!Array.isArray(v) || v.length > MAX_ROWS_PER_ITEM) return undefined;
  if (v.some((r) => typeof r !== 'string' || r.length > MAX_ROW)) return undefined;
  return v as string[];
}

/** Decodes one kind of row; the first row that is damaged or dated outside the item's period refuses the item. */
function decodeRows<T>(
  rows: string[] | null,
  decode: (row: string) => T | undefined,
  dateOf: (r: T) => string,
  problem: ShardProblem,
  inPeriod: (date: string) => boolean,
  believable: (r: T) => boolean,
): T[] | Extract<Decoded, { ok: false }> {
  const out: T[] = [];
  for (const row of rows ?? []) {
    const r = decode(row);
    if (!r || !believable(r)) return { ok: false, problem, detail: row.slice(0, 80) };
    if (!inPeriod(dateOf(r))) return { ok: false, problem: 'outOfPeriod', detail: dateOf(r) };
    out.push(r);
  }
  return out;
}

/** The cadences of an item's runs, or null when the list is missing or does not match the runs. */
function cadencesOf(v: unknown, runs: number): (number | undefined)[] | null {
  if (!Array.isArray(v) || v.length !== runs) return null;
  return v.map((x) => (typeof x === 'string' && x !== '' ? plausibleCadence(parse36(x, 999)) : undefined));
}

/** How far ahead of this browser's clock another browser's may run. */
const ITEM_CLOCK_SLACK_MS = 86_400_000;

/**
 * Checks one storage.sync item written by some browser. Any row that fails makes the whole item
 * ignored: a half-understood item could hide runs or resurrect deleted ones.
 */
export function decodeItem(key: string, value: unknown, nowMs: number): Decoded {
  const k = parseShardKey(key);
  if (!k) return { ok: false, problem: 'key', detail: key.slice(0, 60) };
  if (!isObj(value)) return { ok: false, problem: 'notObject', detail: key };
  if (value.v !== SHARD_VERSION) return { ok: false, problem: 'version', detail: String(value.v).slice(0, 20) };
  const s = value.s;
  if (
    typeof s !== 'number' ||
    !Number.isInteger(s) ||
    s * 1000 < LIMITS.earliestStartMs ||
    s * 1000 > nowMs + ITEM_CLOCK_SLACK_MS
  )
    return { ok: false, problem: 'writtenAt', detail: String(s).slice(0, 20) };
  if (itemBytes(key, value) > 8192) return { ok: false, problem: 'tooLarge', detail: key };
  const a = rowsOf(value.a);
  const d = rowsOf(value.d);
  const m = rowsOf(value.m);
  const h = rowsOf(value.h);
  if (a === undefined || d === undefined || m === undefined || h === undefined)
    return { ok: false, problem: 'rows', detail: key };
  const inPeriod = (date: string) => periodOfDate(date) === k.period;
  // The checkpoint every way in passes (plausibility.ts): dates up to today anywhere on earth,
  // change times no later than now (a row from 2199 would win every later answer), believable
  // paces. Another browser's clock may be hours off: its change times get the slack its item's
  // own time gets (ITEM_CLOCK_SLACK_MS), not the one this browser's clock gets.
  const today = latestToday(nowMs);
  const theirNow = nowMs + ITEM_CLOCK_SLACK_MS;
  const dayOk = (date: string) => checkDay(date, today) === null;
  const timeOk = (ms: number) => checkChangeTime(ms, theirNow) === null;
  const runOk = (r: SyncRun) =>
    dayOk(r.localDate) && timeOk(r.updatedMs) && checkPace(r.sport, r.distanceM, r.movingS, r.elapsedS) === null;
  const decoded = decodeRows(a, decodeRun, (r) => r.localDate, 'badRun', inPeriod, runOk);
  if (!Array.isArray(decoded)) return decoded;
  const cadences = cadencesOf(value.c, decoded.length);
  const runs = decoded.map((r, i) => {
    const cadenceSpm = cadences?.[i];
    return cadenceSpm === undefined ? r : { ...r, cadenceSpm };
  });
  const deletions = decodeRows(
    d,
    decodeDeletion,
    (r) => r.localDate,
    'badDeletion',
    inPeriod,
    (r) => dayOk(r.localDate) && timeOk(r.deletedMs),
  );
  if (!Array.isArray(deletions)) return deletions;
  const marks = decodeRows(
    m,
    decodeMark,
    (r) => r.date,
    'badMark',
    inPeriod,
    (r) =>
      // A mark made before sync was on carries no time (0).
      dayOk(r.date) && (r.atMs === 0 || timeOk(r.atMs)),
  );
  if (!Array.isArray(marks)) return marks;
  const checkIns = decodeRows(
    h,
    decodeCheckIn,
    (r) => r.date,
    'badCheckIn',
    inPeriod,
    (r) => dayOk(r.date) && checkCheckIn(r, theirNow).ok,
  );
  if (!Array.isArray(checkIns)) return checkIns;
  const content: ShardContent = { runs, deletions, marks, checkIns };
  return { ok: true, browserId: k.browserId, period: k.period, writtenMs: s * 1000, content };
}
