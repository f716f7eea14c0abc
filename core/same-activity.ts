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
  // A loop, not every(): grouping asks this of every record.
  for (const k of x.sourceKeys) if (!k.startsWith(HAND_KEY) || k.startsWith(ANOTHER_KEY)) return false;
  return x.sourceKeys.length > 0;
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

// Marked pure: a page that imports a constant beside these (the popup) then carries no code for them.
const FAMILIES = /* @__PURE__ */ Array.from(new Set(Object.values(SPORT_FAMILY)));
/** Sport → its family's number from 1 (0: a sport the rule does not know, a family of its own). */
const FAMILY_OF = /* @__PURE__ */ new Map(
  Object.entries(SPORT_FAMILY).map(([sport, f]) => [sport, 1 + FAMILIES.indexOf(f)]),
);

/** One bit for each site whose ids `x` holds (Strava, Garmin): two ids of one site are two activities. */
function siteBits(x: Identity): number {
  let bits = 0;
  for (const k of x.sourceKeys) {
    const c = k.charCodeAt(0);
    if (c === 115 && k.startsWith('strava:')) bits |= 1;
    else if (c === 103 && k.startsWith('garmin:')) bits |= 2;
  }
  return bits;
}

/**
 * Groups records into activities: a record joins a group only if it is the same activity as
 * every member, so a Garmin copy lying between two Strava runs cannot bridge them into one. The
 * result depends only on the set of records (the caller's `tiebreak` orders any two that differ),
 * never on their order or on repeats of one, so every browser that holds the same rows sees the
 * same activities. Groups come in the order they were founded; members in grouping order.
 *
 * `ownKey`, if given, names for each record an id that no other record has as its own (the
 * engine's records, one per key): an id held alone by the record that owns it is then shared by
 * no other record unless one holding several ids holds it, and it is looked up only then.
 */
export function groupSameActivities<T extends Identity>(
  items: readonly T[],
  tiebreak: (a: T, b: T) => number,
  ownKey?: (x: T) => string,
): T[][] {
  const order = groupOrder(tiebreak);
  const sorted = [...items];
  const count = sorted.length;
  // The engine hands its records already sorted by start: then one pass checks it.
  let inOrder = true;
  for (let i = 1; i < count && inOrder; i++) inOrder = order(sorted[i - 1]!, sorted[i]!) <= 0;
  if (!inOrder) sorted.sort(order);
  const groups: T[][] = [];
  // Per group: the sport families of its members and the sites whose ids they hold (one bit
  // each), and its latest start (members come by start).
  const families = new Int32Array(count);
  const sites = new Int32Array(count);
  const latest = new Float64Array(count);
  // The groups a record could join: those holding one of its ids; for the hand-entry link those
  // of its local date holding a run typed by hand (for a recorded run) or a recorded run (for one
  // typed by hand), lists that exist only when some run was typed by hand; and those with a
  // member that started within the window before it.
  let anyHand = false;
  // The ids worth an index entry: null for all; with `ownKey`, those held by a record that holds
  // more than its own id (no other record holds one of the rest).
  const indexed: Set<string> | null = ownKey ? new Set() : null;
  for (const x of sorted) {
    const keys = x.sourceKeys;
    // 109: "m", as hand entries' ids begin (a glance before joinsByDay reads them all).
    if (!anyHand && keys.length > 0 && keys[0]!.charCodeAt(0) === 109) anyHand = joinsByDay(x);
    if (indexed && (keys.length !== 1 || keys[0] !== ownKey!(x))) for (const k of keys) indexed.add(k);
  }
  // Source id → its group, or its groups when two browsers' copies disagree.
  const byKey = new Map<string, number | number[]>();
  const handOn = new Map<string, number[]>();
  const recordedOn = new Map<string, number[]>();
  const onDate = (m: Map<string, number[]>, k: string, g: number) => {
    const list = m.get(k);
    if (!list) m.set(k, [g]);
    else if (!list.includes(g)) list.push(g);
  };
  // The records by kind (sport family, sites), each kind in start order with, for each place,
  // where its run of equal starts begins, and the first place still in the window. A group that
  // shares no id with a record can take it only if every member is of its sport family and holds
  // no id of a site it holds an id of: only records of such kinds lead to such groups.
  const kinds: { at: number[]; runFrom: number[]; oldest: number }[] = [];
  // Per record, in grouping order: its group.
  const groupOf = new Int32Array(count);
  // The last record that looked at each group: every candidate is weighed once.
  const seenBy = new Int32Array(count).fill(-1);
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
  for (let n = 0; n < count; n++) {
    const x = sorted[n]!;
    const keys = x.sourceKeys;
    let lookUp = indexed === null;
    if (!lookUp && indexed!.size > 0) for (const k of keys) lookUp ||= indexed!.has(k);
    nearCount = 0;
    if (lookUp)
      for (const k of keys) {
        const held = byKey.get(k);
        if (typeof held === 'number') look(held, n);
        else if (held) for (const g of held) look(g, n);
      }
    const byHand = anyHand && joinsByDay(x);
    const isRecorded = anyHand && recorded(x);
    if (byHand) for (const g of recordedOn.get(x.localDate) ?? []) look(g, n);
    if (isRecorded) for (const g of handOn.get(x.localDate) ?? []) look(g, n);
    // The chosen group is the closest (see closeness) of those x is the same activity as, the
    // first founded among equals, so ties go the same way in every browser.
    let best = -1;
    let bestShared = 1;
    let bestOut = 1;
    let bestGap = Infinity;
    for (let i = 0; i < nearCount; i++) {
      const g = near[i]!;
      const members = groups[g]!;
      if (!sameAsAll(members, x)) continue;
      const [shared, out, gap] = closeness(x, members);
      const d = shared - bestShared || out - bestOut || gap - bestGap;
      if (best < 0 || d < 0 || (d === 0 && g < best)) {
        best = g;
        bestShared = shared;
        bestOut = out;
        bestGap = gap;
      }
    }
    // The other groups in the window share no id with x: to x they are [1, 0, gap to their
    // latest start]. Each kind is walked back from its latest start and left at the first start
    // farther than the best so far; within a start, groups go in founding order.
    const family = FAMILY_OF.get(x.sport) ?? 0;
    const xSites = siteBits(x);
    const from = x.startMs - SAME_START_WINDOW_MS;
    for (let s = 0; s < 4 && bestShared === 1; s++) {
      const kind = (s & xSites) === 0 ? kinds[family * 4 + s] : undefined;
      if (!kind) continue;
      const { at, runFrom } = kind;
      while (kind.oldest < at.length && sorted[at[kind.oldest]!]!.startMs < from) kind.oldest++;
      for (let i = at.length - 1; i >= kind.oldest;) {
        if (best >= 0 && bestOut === 0 && x.startMs - sorted[at[i]!]!.startMs > bestGap) break;
        const first = Math.max(runFrom[i]!, kind.oldest);
        for (let r = first; r <= i; r++) {
          const g = groupOf[at[r]!]!;
          if (seenBy[g] === n) continue;
          seenBy[g] = n;
          const gap = x.startMs - latest[g]!;
          if (best >= 0 && bestOut === 0 && (gap > bestGap || (gap === bestGap && g > best))) continue;
          if (families[g] !== 1 << family || (sites[g]! & xSites) !== 0 || !sameAsAll(groups[g]!, x)) continue;
          best = g;
          bestOut = 0;
          bestGap = gap;
        }
        i = first - 1;
      }
    }
    if (best < 0) {
      best = groups.length;
      groups.push([x]);
    } else groups[best]!.push(x);
    families[best]! |= 1 << family;
    sites[best]! |= xSites;
    latest[best] = x.startMs;
    groupOf[n] = best;
    const k = family * 4 + xSites;
    const kind = (kinds[k] ??= { at: [], runFrom: [], oldest: 0 });
    const last = kind.at.length - 1;
    kind.runFrom.push(last >= 0 && sorted[kind.at[last]!]!.startMs === x.startMs ? kind.runFrom[last]! : last + 1);
    kind.at.push(n);
    if (lookUp)
      for (const k of keys) {
        if (indexed !== null && !indexed.has(k)) continue;
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
