import { SPORTS, type Activity, type Source } from '../activity';
import { addDays, isLocalDate } from '../local-date';
import { comebackNeedsEarlier, PRE_BREAK_DAYS } from './comeback';
import { breakStart, SPIKE_REPORT_DAYS } from './long-run-spike';
import { PRIORITY } from '../merge-duplicates';
import { groupSameActivities, sourceOfKey } from '../same-activity';
import { REST_COUNT_DAYS } from './rest-streak';
import type { Settings } from '../settings';
import { LOAD_WINDOW_DAYS } from './training-load';
import { RAMP_DAYS } from './weekly-ramp';

// Which stored activities the verdict needs. The verdict looks at a fixed number of days ending
// today and nothing older (except the runs before a long break), so the caller loads only those
// from IndexedDB and the cost never grows with years of history:
//
//   const w = historyWindow(today, settings);
//   const activities = await store.between(w.from, w.to);          // activitiesBetween
//   const lookup = breakLookup(today, settings, activities);
//   const beforeBreak = lookup ? await store.before(lookup.before, lookup.limit) : []; // runsBefore
//   const verdict = computeVerdict({ today, settings, activities, beforeBreak });

export interface HistoryWindow {
  /** First local date needed, inclusive. */
  from: string;
  /** Last local date needed, inclusive: today. */
  to: string;
  /** Days from `from` to `to`, both counted. */
  days: number;
}

/** Ask for the runs before a break: store.before(before, limit) (runsBefore), newest first. */
export interface BreakLookup {
  /** Runs with a local date strictly before this one. */
  before: string;
  /**
   * How many to read: enough to cover the longest-run window before the break at up to 8
   * activities a day. It counts activities of every sport (the store's read does not filter by
   * sport); the engine keeps the runs.
   */
  limit: number;
}

/** The widest window any part of the verdict uses, in days ending today. */
export function historyWindowDays(
  settings: Pick<Settings, 'longRunWindowDays' | 'maxRunDaysInRow' | 'maxDaysWithoutFullRest'>,
): number {
  return Math.max(
    // Acute:chronic load, including the warm-up of its 28-day average.
    LOAD_WINDOW_DAYS,
    // Each run of the last 7 days against the longest of the 30 days before it.
    SPIKE_REPORT_DAYS + settings.longRunWindowDays,
    // Two 7-day blocks; 14 completed days of rest counts plus today.
    RAMP_DAYS,
    REST_COUNT_DAYS + 1,
    // A streak one past the limit, ending yesterday, must be seen whole with the rest day before
    // it to say "6 days in a row; your limit is 5" rather than "at least 6".
    settings.maxRunDaysInRow + 3,
    settings.maxDaysWithoutFullRest + 3,
  );
}

export function historyWindow(
  today: string,
  settings: Pick<Settings, 'longRunWindowDays' | 'maxRunDaysInRow' | 'maxDaysWithoutFullRest'>,
): HistoryWindow {
  if (!isLocalDate(today)) throw new Error(`today must be a calendar date YYYY-MM-DD, got ${JSON.stringify(today)}`);
  const days = historyWindowDays(settings);
  return { from: addDays(today, -(days - 1)), to: today, days };
}

/**
 * After loading the window: whether the runs before a break of longRunWindowDays (30) days or
 * more are needed, and which. Null (the usual case) when no extra read is needed. A comeback
 * (comeback.ts) whose 28 days before the break begin before the window reads from the window's
 * start, which also covers the long-run rule's need.
 */
export function breakLookup(
  today: string,
  settings: Settings,
  windowActivities: readonly Activity[],
): BreakLookup | null {
  const w = historyWindow(today, settings);
  // Both questions are about which days have a run: two records of one run never change that,
  // so the window is only checked, not deduplicated (the verdict does that once).
  const inWindow = validBetween(windowActivities, w.from, w.to);
  const before = comebackNeedsEarlier(today, inWindow, settings, w.from)
    ? w.from
    : breakStart(today, inWindow, settings);
  return before === null ? null : { before, limit: 8 * Math.max(settings.longRunWindowDays, PRE_BREAK_DAYS) };
}

// ---------------------------------------------------------------------------------------------
// Cleaning the input: the same verdict whatever the order, once per real activity, nothing damaged.

function num(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

function cmpNum(a: number | null | undefined, b: number | null | undefined): number {
  const x = num(a);
  const y = num(b);
  if (x === y) return 0;
  if (x === null) return -1;
  if (y === null) return 1;
  return x < y ? -1 : 1;
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A total order over every field the engine reads, so that sorting removes any trace of input order. */
export function compareActivities(a: Activity, b: Activity): number {
  return (
    cmpNum(a.startMs, b.startMs) ||
    cmpStr(a.localDate, b.localDate) ||
    cmpStr(a.key, b.key) ||
    cmpNum(b.updatedMs, a.updatedMs) ||
    cmpStr(a.sport, b.sport) ||
    cmpNum(a.distanceM, b.distanceM) ||
    cmpNum(a.movingS, b.movingS) ||
    cmpNum(a.elapsedS, b.elapsedS) ||
    cmpStr(String(a.name), String(b.name)) ||
    cmpStr(a.sourceKeys.join(' '), b.sourceKeys.join(' '))
  );
}

function priority(a: Activity): number {
  let p = 0;
  for (const k of a.sourceKeys) p = Math.max(p, PRIORITY[sourceOfKey(k) as Source] ?? 0);
  return p;
}

/**
 * Of two records of one real activity, the one to count: the most merged, then the recorded one
 * over a run typed by hand, then one with a distance.
 */
function preferred(a: Activity, b: Activity): Activity {
  if (a.sourceKeys.length !== b.sourceKeys.length) return a.sourceKeys.length > b.sourceKeys.length ? a : b;
  const pa = priority(a);
  const pb = priority(b);
  if (pa !== pb) return pa > pb ? a : b;
  const da = num(a.distanceM) !== null;
  const db = num(b.distanceM) !== null;
  if (da !== db) return da ? a : b;
  return compareActivities(a, b) <= 0 ? a : b;
}

const KNOWN_SPORTS = /* @__PURE__ */ new Set<string>(SPORTS);
const ownKey = (a: Activity) => a.key;

// isLocalDate builds a Date to check the day exists; the same hundred-odd dates come back on
// every verdict, so the answers are remembered (bounded, as the dates move on).
const validDates = new Map<string, boolean>();
function isValidDate(d: string): boolean {
  let ok = validDates.get(d);
  if (ok === undefined) {
    ok = isLocalDate(d);
    if (validDates.size >= 4096) validDates.clear();
    validDates.set(d, ok);
  }
  return ok;
}

/** The records with a local date in [from, to] and a valid date, start, sport and sources; not deduplicated. */
function validBetween(activities: readonly Activity[], from: string | null, to: string): Activity[] {
  const valid: Activity[] = [];
  // The store hands records by date: the last date's answer is usually the next one's.
  let lastDate: string | null = null;
  let lastValid = false;
  for (const a of activities) {
    const d = a.localDate;
    if (typeof d !== 'string' || d > to || (from !== null && d < from)) continue;
    if (d !== lastDate) {
      lastDate = d;
      lastValid = isValidDate(d);
    }
    if (!lastValid || num(a.startMs) === null || !KNOWN_SPORTS.has(a.sport) || !Array.isArray(a.sourceKeys)) continue;
    valid.push(a);
  }
  return valid;
}

/**
 * The activities with a local date in [from, to] (from null: no lower bound), each real activity
 * once, sorted by compareActivities. The store merges duplicates on import; this collapses any
 * that slipped through (two records with one key, or the same activity by core/same-activity.ts,
 * as the sync merge groups them) so nothing counts twice.
 * Records with an invalid date, start or sport are left out.
 */
export function selectActivities(activities: readonly Activity[], from: string | null, to: string): Activity[] {
  const valid = validBetween(activities, from, to);
  // One record per key. Keys are nearly always distinct: a set of them says so in one pass.
  let once: Activity[] = valid;
  if (new Set(valid.map((a) => a.key)).size < valid.length) {
    const byKey = new Map<string, Activity>();
    for (const a of valid) {
      const seen = byKey.get(a.key);
      if (seen === undefined) byKey.set(a.key, a);
      else {
        // One key, two versions (a stale copy): the later write wins.
        const newer = cmpNum(a.updatedMs, seen.updatedMs);
        if (newer > 0 || (newer === 0 && compareActivities(a, seen) < 0)) byKey.set(a.key, a);
      }
    }
    once = [...byKey.values()];
  }
  const sorted = once.sort(compareActivities);
  // One record per key, now: `key` is each record's own id.
  const groups = groupSameActivities(sorted, compareActivities, ownKey);
  if (groups.length === sorted.length) return sorted;
  // Each group's preferred record is already in place in `sorted`: leave the others out.
  const dropped = new Set<Activity>();
  for (const g of groups) {
    if (g.length < 2) continue;
    const keep = g.reduce(preferred);
    for (const a of g) if (a !== keep) dropped.add(a);
  }
  return sorted.filter((a) => !dropped.has(a));
}
