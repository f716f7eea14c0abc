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
const HAND_KEY = `${HAND}:`;
const ANOTHER_KEY = `${HAND}:${ANOTHER_RUN_PREFIX}`;

function sharesSource(a: Identity, b: Identity): boolean {
  return a.sourceKeys.some((k) => b.sourceKeys.includes(k));
}

/** Whether two keys name the same source ("strava:1", "strava:2"); `colon` is where `a`'s ends. */
function sameSource(a: string, colon: number, b: string): boolean {
  if (b.charCodeAt(colon) !== 58) return false;
  for (let i = 0; i < colon; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

const SITE_CLASH = 0;
const SHARED = 1;
const HAND_CLASH = 2;
const UNRELATED = 3;

/**
 * How the ids of two records relate. Two ids of one source are two activities as far as that
 * source knows: that keeps a double session on one day apart, and two runs entered by hand. File
 * ids are start times, and the same run read as FIT and as GPX may carry two a second apart, so
 * they never clash. Strava and Garmin clashes come first: two browsers that joined one Garmin copy
 * to two different Strava runs still hold two runs. A shared id comes before a clash of hand
 * entries: each browser may have joined its own "I ran today" to the one Strava run.
 */
function idRelation(a: Identity, b: Identity): number {
  let shared = false;
  let handClash = false;
  for (const ka of a.sourceKeys) {
    const colon = ka.indexOf(':');
    for (const kb of b.sourceKeys) {
      if (ka === kb) shared = true;
      else if (sameSource(ka, colon, kb) && !ka.startsWith('file:')) {
        if (!ka.startsWith(HAND_KEY)) return SITE_CLASH;
        handClash = true;
      }
    }
  }
  return shared ? SHARED : handClash ? HAND_CLASH : UNRELATED;
}

/** Entered by hand only, and not as "another run": the day alone may join it to a recorded run. */
function joinsByDay(x: Identity): boolean {
  return x.sourceKeys.length > 0 && x.sourceKeys.every((k) => k.startsWith(HAND_KEY) && !k.startsWith(ANOTHER_KEY));
}

/** Recorded by something other than a hand: a file, Strava, Garmin. */
function recorded(x: Identity): boolean {
  return x.sourceKeys.some((k) => !k.startsWith(HAND_KEY));
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
  const ids = idRelation(a, b);
  if (ids !== UNRELATED) return ids === SHARED;
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
 * The order in which records are grouped: by start, at one start the most merged first (a record
 * holding several ids gathers the stale single-source copies of its run); `tiebreak` must order
 * any two different records, so the grouping depends on the set of records alone.
 */
function groupOrder<T extends Identity>(tiebreak: (a: T, b: T) => number): (a: T, b: T) => number {
  return (a, b) => a.startMs - b.startMs || b.sourceKeys.length - a.sourceKeys.length || tiebreak(a, b);
}

/**
 * Groups records into activities: a record joins a group only if it is the same activity as
 * every member, so a Garmin copy lying between two Strava runs cannot bridge them into one. The
 * result depends only on the set of records (the caller's `tiebreak` orders any two that differ),
 * never on their order or on repeats of one, so every browser that holds the same rows sees the
 * same activities. Groups come in the order they were founded; members in grouping order.
 */
export function groupSameActivities<T extends Identity>(items: readonly T[], tiebreak: (a: T, b: T) => number): T[][] {
  const order = groupOrder(tiebreak);
  const sorted = [...items];
  // The engine hands its records already sorted by start: then one pass checks it.
  let inOrder = true;
  for (let i = 1; i < sorted.length && inOrder; i++) inOrder = order(sorted[i - 1]!, sorted[i]!) <= 0;
  if (!inOrder) sorted.sort(order);
  const groups: T[][] = [];
  // The groups a record could join: those with a member that started within the window before it
  // (records come by start), those holding one of its ids, and for the hand-entry link those of
  // its local date holding a run typed by hand (for a recorded run) or a recorded run (for one
  // typed by hand). The date lists exist only when some run was typed by hand.
  const anyHand = sorted.some(joinsByDay);
  const recentStart: number[] = [];
  const recentGroup: number[] = [];
  let oldest = 0;
  // Source id → its group, or its groups when two browsers' copies disagree.
  const byKey = new Map<string, number | number[]>();
  const handOn = new Map<string, number[]>();
  const recordedOn = new Map<string, number[]>();
  const onDate = (m: Map<string, number[]>, k: string, g: number) => {
    const list = m.get(k);
    if (!list) m.set(k, [g]);
    else if (!list.includes(g)) list.push(g);
  };
  // The last record that looked at each group: every candidate is weighed once.
  const seenBy: number[] = [];
  const near: number[] = [];
  let nearCount = 0;
  const look = (g: number, n: number) => {
    if (seenBy[g] !== n) {
      seenBy[g] = n;
      near[nearCount++] = g;
    }
  };
  const sameAsAll = (members: readonly T[], x: T) => {
    for (const m of members) if (!isSameActivity(m, x)) return false;
    return true;
  };
  for (let n = 0; n < sorted.length; n++) {
    const x = sorted[n]!;
    nearCount = 0;
    while (oldest < recentStart.length && recentStart[oldest]! < x.startMs - SAME_START_WINDOW_MS) oldest++;
    for (let i = oldest; i < recentStart.length; i++) look(recentGroup[i]!, n);
    for (const k of x.sourceKeys) {
      const held = byKey.get(k);
      if (typeof held === 'number') look(held, n);
      else if (held) for (const g of held) look(g, n);
    }
    const byHand = anyHand && joinsByDay(x);
    const isRecorded = anyHand && recorded(x);
    if (byHand) for (const g of recordedOn.get(x.localDate) ?? []) look(g, n);
    if (isRecorded) for (const g of handOn.get(x.localDate) ?? []) look(g, n);
    // Weighed in the order the groups were founded, so ties go the same way in every browser.
    if (nearCount > 1) {
      const lowFirst = near.slice(0, nearCount).sort((p, q) => p - q);
      for (let i = 0; i < nearCount; i++) near[i] = lowFirst[i]!;
    }
    let best = -1;
    for (let i = 0; i < nearCount; i++) {
      const g = near[i]!;
      const members = groups[g]!;
      if (!sameAsAll(members, x)) continue;
      if (best < 0 || closer(x, members, groups[best]!)) best = g;
    }
    if (best < 0) {
      best = groups.length;
      groups.push([x]);
    } else groups[best]!.push(x);
    recentStart.push(x.startMs);
    recentGroup.push(best);
    for (const k of x.sourceKeys) {
      const held = byKey.get(k);
      if (held === undefined) byKey.set(k, best);
      else if (typeof held === 'number') {
        if (held !== best) byKey.set(k, [held, best]);
      } else if (!held.includes(best)) held.push(best);
    }
    if (byHand) onDate(handOn, x.localDate, best);
    if (isRecorded) onDate(recordedOn, x.localDate, best);
  }
  return groups;
}
