import { SPORT_FAMILY, type Sport } from './activity';

// The one rule for "these are the same activity": the store merges a new reading into the record
// it matches, the engine counts each group of records once, the sync merge folds every browser's
// rows into groups, and a deletion row hides the records it matches. All of them call this file;
// no window or tolerance exists anywhere else.
//
// The same run reaches Hip Check several times: the uploaded file, then Strava's page; Garmin,
// then Strava again because Garmin syncs to Strava; "I ran today" typed in the popup, then the
// watch's file hours later.

/** Starts of two readings of one run lie at most this far apart (a watch and a site, a FIT and a GPX). */
export const SAME_START_WINDOW_MS = 10 * 60 * 1000;
/** Distances (or durations) of two readings of one run differ by at most this share of the larger. */
export const SAME_VALUE_TOLERANCE = 0.1;
/**
 * The source id of a run entered with "Add another run today" starts with this: the runner said
 * it is not the run already recorded that day, so it is never joined by the day alone.
 */
export const ANOTHER_RUN_PREFIX = 'another-';

/** What the rule reads of a stored record, a reading, a sync row or a deletion row. */
export interface Identity {
  /** "source:id" of every source that reported it. */
  readonly sourceKeys: readonly string[];
  readonly startMs: number;
  readonly localDate: string;
  readonly sport: Sport;
  readonly distanceM: number | null;
  readonly movingS: number | null;
  readonly elapsedS: number | null;
  /** Corrected by hand: its distance and times are the runner's, no source's, so they are not compared. */
  readonly edited?: boolean;
}

export const sourceOfKey = (key: string): string => key.slice(0, key.indexOf(':'));

const HAND = 'manual';

function sharesSource(a: Identity, b: Identity): boolean {
  return a.sourceKeys.some((k) => b.sourceKeys.includes(k));
}

/**
 * Two ids of one source are two activities as far as that source knows: that keeps a double
 * session on one day apart, and two runs entered by hand. File ids are start times, and the same
 * run read as FIT and as GPX may carry two a second apart, so they never clash. `sites` asks
 * about Strava and Garmin ids alone.
 */
function idsClash(a: Identity, b: Identity, sites: boolean): boolean {
  const mine = new Map<string, string>();
  for (const k of a.sourceKeys) mine.set(sourceOfKey(k), k);
  return b.sourceKeys.some((k) => {
    const src = sourceOfKey(k);
    const other = mine.get(src);
    return src !== 'file' && !(sites && src === HAND) && other !== undefined && other !== k;
  });
}

/** Entered by hand only, and not as "another run": the day alone may join it to a recorded run. */
function joinsByDay(x: Identity): boolean {
  return (
    x.sourceKeys.length > 0 &&
    x.sourceKeys.every((k) => sourceOfKey(k) === HAND && !k.startsWith(`${HAND}:${ANOTHER_RUN_PREFIX}`))
  );
}

/** Recorded by something other than a hand: a file, Strava, Garmin. */
function recorded(x: Identity): boolean {
  return x.sourceKeys.some((k) => sourceOfKey(k) !== HAND);
}

function close(a: number | null, b: number | null): boolean | null {
  if (a === null || b === null) return null;
  const larger = Math.max(a, b);
  if (larger === 0) return true;
  return Math.abs(a - b) <= SAME_VALUE_TOLERANCE * larger;
}

/**
 * Distances within tolerance; without two distances (a treadmill, a pool swim, a run typed with
 * minutes only) durations, like for like first; with nothing to compare, nothing disagrees.
 */
function valuesAgree(a: Identity, b: Identity): boolean {
  return (
    close(a.distanceM, b.distanceM) ??
    close(a.elapsedS, b.elapsedS) ??
    close(a.movingS, b.movingS) ??
    close(a.elapsedS ?? a.movingS, b.elapsedS ?? b.movingS) ??
    true
  );
}

/** The hand-entry link: "I ran today" and the run the watch recorded that day, whatever the start. */
function sameDayByHand(a: Identity, b: Identity): boolean {
  return a.localDate === b.localDate && ((joinsByDay(a) && recorded(b)) || (joinsByDay(b) && recorded(a)));
}

function matches(a: Identity, b: Identity, byDay: boolean): boolean {
  // Two Strava (or Garmin) ids are two runs even when both records hold one Garmin copy (two
  // browsers that joined it to different runs); a shared site id makes one run of two records
  // that each hold a run typed by hand (one in each browser).
  if (idsClash(a, b, true)) return false;
  if (sharesSource(a, b)) return true;
  if (idsClash(a, b, false)) return false;
  if (SPORT_FAMILY[a.sport] !== SPORT_FAMILY[b.sport]) return false;
  if (Math.abs(a.startMs - b.startMs) <= SAME_START_WINDOW_MS)
    // A corrected run's values may now differ from every source's: start and sport family decide.
    return a.edited === true || b.edited === true || valuesAgree(a, b);
  return byDay && sameDayByHand(a, b) && valuesAgree(a, b);
}

/**
 * Whether two records are the same activity: never with two Strava or two Garmin ids; always
 * with a shared source id; never with two ids of another source (files aside); else the same
 * sport family and either starts within 10 minutes with distances (else durations) within 10 %,
 * or a run entered by hand and a recorded run of the same local day with distances (else
 * durations) within 10 %, whatever their starts.
 */
export function isSameActivity(a: Identity, b: Identity): boolean {
  return matches(a, b, true);
}

/**
 * Whether a deletion row hides a record: by ids as above, or the record matches what was deleted
 * by start, sport family and values. Never by the day alone: deleting a run typed by hand
 * must not take the watch's run of that day along (the runner may be removing a duplicate), and a
 * record that holds both ids is matched by its key anyway. A deletion of a run corrected by hand
 * carries no distance or times (see syncDeletionOf), so it matches by start and sport family.
 */
export function deletionMatches(deleted: Identity, record: Identity): boolean {
  return matches(deleted, record, false);
}

/** The range of starts in which a record's same-start matches lie (for the store's index lookups). */
export function startWindow(startMs: number): { from: number; to: number } {
  return { from: startMs - SAME_START_WINDOW_MS, to: startMs + SAME_START_WINDOW_MS };
}

/** A run entered by hand (not as "another run") that a recorded run of its day may join: looked up by date. */
export const isHandEntryOnly = joinsByDay;

/** How close `x` is to a group: a shared id, then a start in the window, then the nearest start. */
function closeness(x: Identity, members: readonly Identity[]): [number, number, number] {
  let shared = 1;
  let gap = Infinity;
  for (const m of members) {
    if (sharesSource(x, m)) shared = 0;
    gap = Math.min(gap, Math.abs(x.startMs - m.startMs));
  }
  return [shared, gap <= SAME_START_WINDOW_MS ? 0 : 1, gap];
}

function closer(x: Identity, a: readonly Identity[], b: readonly Identity[]): boolean {
  const ca = closeness(x, a);
  const cb = closeness(x, b);
  for (let i = 0; i < ca.length; i++) if (ca[i] !== cb[i]) return ca[i]! < cb[i]!;
  return false;
}

/**
 * Of the records, the one `x` is the same activity as: the one with its source id, else the
 * closest match. Candidates come in a fixed order (the store's), which settles exact ties.
 */
export function findSame<T extends Identity>(candidates: readonly T[], x: Identity): T | undefined {
  let best: T | undefined;
  for (const c of candidates) if (isSameActivity(c, x) && (!best || closer(x, [c], [best]))) best = c;
  return best;
}

/**
 * The order in which records are grouped: the most merged first (a record holding several ids
 * gathers the stale single-source copies of its run), then by start; `tiebreak` must order any
 * two different records, so the grouping depends on the set of records alone.
 */
function groupOrder<T extends Identity>(tiebreak: (a: T, b: T) => number): (a: T, b: T) => number {
  return (a, b) => b.sourceKeys.length - a.sourceKeys.length || a.startMs - b.startMs || tiebreak(a, b);
}

/**
 * Groups records into activities: a record joins a group only if it is the same activity as
 * every member, so a Garmin copy lying between two Strava runs cannot bridge them into one. The
 * result depends only on the set of records (the caller's `tiebreak` orders any two that differ),
 * never on their order or on repeats of one, so every browser that holds the same rows sees the
 * same activities. Groups come in the order they were founded; members in grouping order.
 */
export function groupSameActivities<T extends Identity>(items: readonly T[], tiebreak: (a: T, b: T) => number): T[][] {
  const sorted = [...items].sort(groupOrder(tiebreak));
  const groups: T[][] = [];
  // Where a group's members are, to find the few groups a record could join: by source id, by
  // start (buckets as wide as the window) and by local date (the hand-entry link).
  const byKey = new Map<string, number[]>();
  const byBucket = new Map<number, number[]>();
  const byDate = new Map<string, number[]>();
  const add = <K>(m: Map<K, number[]>, k: K, g: number) => {
    const list = m.get(k);
    if (!list) m.set(k, [g]);
    else if (list[list.length - 1] !== g && !list.includes(g)) list.push(g);
  };
  const bucket = (ms: number) => Math.floor(ms / SAME_START_WINDOW_MS);
  for (const x of sorted) {
    const near = new Set<number>();
    for (const k of x.sourceKeys) for (const g of byKey.get(k) ?? []) near.add(g);
    const b = bucket(x.startMs);
    for (let i = b - 1; i <= b + 1; i++) for (const g of byBucket.get(i) ?? []) near.add(g);
    for (const g of byDate.get(x.localDate) ?? []) near.add(g);
    let best = -1;
    for (const g of [...near].sort((p, q) => p - q)) {
      const members = groups[g]!;
      if (!members.every((m) => isSameActivity(m, x))) continue;
      if (best < 0 || closer(x, members, groups[best]!)) best = g;
    }
    if (best < 0) {
      best = groups.length;
      groups.push([x]);
    } else groups[best]!.push(x);
    for (const k of x.sourceKeys) add(byKey, k, best);
    add(byBucket, b, best);
    add(byDate, x.localDate, best);
  }
  return groups;
}
