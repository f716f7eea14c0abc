import type { Source } from '../activity';
import { latestAnswer, type CheckIn, type PainAnswer } from '../check-in';
import { PRIORITY } from '../merge-duplicates';
import { deletionMatches, groupSameActivities, sourceOfKey } from '../same-activity';
import { LIMITS } from '../plausibility';
import { answerFact, checkInFact, deletionFact, markFact, runFact, type FirstSeen } from './first-seen';
import { encodeCheckIn, encodeDeletion, encodeMark, encodeRun, type ShardContent, type SyncRun } from './shard-format';

// Every browser's shards, its own included, folded into one history. The result depends only on
// the set of rows and the inputs below: any shards, in any order, any number of times, give the
// same runs, so every browser that has received the same items shows the same streak.
//
// Times are believed only as far as this browser can check them: no row is newer than the moment
// this browser first saw it (`seen`), so a row claiming 2199 ranks as "seen at t" and the
// runner's own later answer, unmarking or correction wins over it.

export interface MergeInputs {
  /** When this browser first saw each row (core/sync/first-seen.ts); rows not in it are believed. */
  seen?: FirstSeen;
  /** Runs starting after this (plus the clock slack) are not counted yet. */
  nowMs?: number;
  /** This browser's own rows: its copy of a run speaks unless a newer hand correction came. */
  own?: ShardContent;
}

export interface MergedShards {
  /** One entry per real-world run, sorted by start. */
  runs: SyncRun[];
  /** Dates whose latest word is "I rested today", sorted. */
  restMarks: string[];
  /** The latest hip check-in of each date, sorted by date. */
  checkIns: CheckIn[];
}

const priority = (r: SyncRun) => Math.max(...r.sourceKeys.map((k) => PRIORITY[sourceOfKey(k) as Source] ?? 0));

type Copy = SyncRun & { row: string; own: boolean };

/** Among copies of one kind: the latest hand correction, else the best source. */
function rank(a: Copy, b: Copy): number {
  if (a.edited !== b.edited) return a.edited ? -1 : 1;
  if (a.edited && a.updatedMs !== b.updatedMs) return b.updatedMs - a.updatedMs;
  const p = priority(b) - priority(a);
  if (p !== 0) return p;
  if (a.sourceKeys.length !== b.sourceKeys.length) return b.sourceKeys.length - a.sourceKeys.length;
  return a.row < b.row ? -1 : a.row > b.row ? 1 : 0;
}

/**
 * Which copy speaks for a run. Where this browser stores the run, its own values speak, unless a
 * foreign hand correction is newer than any own correction: listing more ids or a better source
 * never overrides what this browser holds. Between foreign copies the usual rank holds.
 */
function speakingOrder(members: Copy[]): Copy[] {
  const own = members.filter((m) => m.own);
  if (own.length === 0) return [...members].sort(rank);
  // A source merged here after a correction elsewhere is no action of the runner's: only an own
  // correction can be newer than a foreign one.
  const ownFix = Math.max(-Infinity, ...own.filter((m) => m.edited).map((m) => m.updatedMs));
  const foreign = members.filter((m) => !m.own);
  const newerFix = foreign.filter((m) => m.edited && m.updatedMs > ownFix);
  const rest = foreign.filter((m) => !newerFix.includes(m));
  return [...newerFix.sort(rank), ...own.sort(rank), ...rest.sort(rank)];
}

export function mergeShards(contents: readonly ShardContent[], inputs: MergeInputs = {}): MergedShards {
  const seen = inputs.seen ?? new Map<string, number>();
  const believe = (claimed: number, fact: string) => Math.min(claimed, seen.get(fact) ?? claimed);
  const ownRows = new Set((inputs.own?.runs ?? []).map(encodeRun));
  const future = (r: SyncRun) => inputs.nowMs !== undefined && r.startMs > inputs.nowMs + LIMITS.futureSlackMs;
  const all = inputs.own ? [...contents, inputs.own] : contents;
  // Set semantics first: the same row delivered twice is one row. Its cadence may come with one
  // copy only (a browser that predates cadences): kept, the larger when copies differ, so the
  // result does not depend on which copy came first.
  const byRow = new Map<string, Copy>();
  for (const c of all)
    for (const r of c.runs) {
      // A run that has not started yet is not counted until it has.
      if (future(r)) continue;
      const row = encodeRun(r);
      const known = byRow.get(row)?.cadenceSpm;
      const cadenceSpm =
        known === undefined || r.cadenceSpm === undefined ? (known ?? r.cadenceSpm) : Math.max(known, r.cadenceSpm);
      const { cadenceSpm: _, ...values } = r;
      const updatedMs = believe(r.updatedMs, runFact(row));
      const copy = { ...values, updatedMs, ...(cadenceSpm !== undefined ? { cadenceSpm } : {}) };
      byRow.set(row, { ...copy, row, own: ownRows.has(row) });
    }
  // Copies of one run, grouped by the one rule (core/same-activity.ts): the groups depend on the
  // set of rows alone, so every browser that holds the same rows sees the same runs.
  const clusters = groupSameActivities([...byRow.values()], (a, b) => (a.row < b.row ? -1 : a.row > b.row ? 1 : 0));

  const deletions = [
    ...new Map(
      all
        .flatMap((c) => c.deletions)
        .map((d) => {
          const row = encodeDeletion(d);
          return [row, { ...d, deletedMs: believe(d.deletedMs, deletionFact(row)) }];
        }),
    ).values(),
  ];

  const runs: SyncRun[] = [];
  for (const members of clusters) {
    members.splice(0, members.length, ...speakingOrder(members));
    const lastChange = Math.max(...members.map((m) => m.updatedMs));
    // A deletion hides the run unless some copy changed after it (a correction, a new source).
    const deleted = deletions.some((d) => d.deletedMs > lastChange && members.some((m) => deletionMatches(d, m)));
    if (deleted) continue;
    const w = members[0]!;
    const fill = <K extends 'distanceM' | 'movingS' | 'elapsedS'>(k: K) =>
      members.find((m) => m[k] !== null)?.[k] ?? null;
    const cadenceSpm = members.find((m) => m.cadenceSpm !== undefined)?.cadenceSpm;
    runs.push({
      sourceKeys: [...new Set(members.flatMap((m) => m.sourceKeys))].sort(),
      startMs: w.startMs,
      localDate: w.localDate,
      sport: w.sport,
      distanceM: w.distanceM ?? fill('distanceM'),
      movingS: w.movingS ?? fill('movingS'),
      elapsedS: w.elapsedS ?? fill('elapsedS'),
      ...(cadenceSpm !== undefined ? { cadenceSpm } : {}),
      updatedMs: lastChange,
      edited: members.some((m) => m.edited),
    });
  }
  runs.sort((a, b) => a.startMs - b.startMs || (a.sourceKeys[0]! < b.sourceKeys[0]! ? -1 : 1));

  // Rest marks: the latest word on each date; at equal times "rested" wins.
  const latest = new Map<string, { on: boolean; atMs: number }>();
  for (const c of all)
    for (const row of c.marks) {
      const m = { ...row, atMs: believe(row.atMs, markFact(encodeMark(row))) };
      const cur = latest.get(m.date);
      if (!cur || m.atMs > cur.atMs || (m.atMs === cur.atMs && m.on && !cur.on)) latest.set(m.date, m);
    }
  const restMarks = [...latest]
    .filter(([, v]) => v.on)
    .map(([d]) => d)
    .sort();

  // Check-ins: the latest check-in of each date gives the place and red flags; at equal times the
  // larger row, so the pick never depends on which browser's item came first. Each answer slot
  // (morning, later) is the latest of that slot in any browser: a morning answered on the phone's
  // browser and an evening one on the laptop are both kept.
  const answers = new Map<string, { c: CheckIn; row: string; slots: Pick<CheckIn, 'morning' | 'later'> }>();
  const newer = (a: PainAnswer | undefined, b: PainAnswer | undefined) =>
    !a ? b : !b ? a : b.atMs > a.atMs || (b.atMs === a.atMs && b.pain > a.pain) ? b : a;
  for (const c of all)
    for (const given of c.checkIns) {
      const row = encodeCheckIn(given);
      const x = believedCheckIn(given, row, believe);
      const cur = answers.get(x.date);
      const slots = { morning: newer(cur?.slots.morning, x.morning), later: newer(cur?.slots.later, x.later) };
      if (!cur || x.atMs > cur.c.atMs || (x.atMs === cur.c.atMs && row > cur.row))
        answers.set(x.date, { c: x, row, slots });
      else cur.slots = slots;
    }
  const checkIns = [...answers.values()]
    .map(({ c, slots }) => {
      const out: CheckIn = { ...c };
      delete out.morning;
      delete out.later;
      if (slots.morning) out.morning = slots.morning;
      if (slots.later) out.later = slots.later;
      out.pain = latestAnswer(out).pain;
      return out;
    })
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  return { runs, restMarks, checkIns };
}

/** A check-in with every time believed no later than its row, or its answer, was first seen. */
function believedCheckIn(c: CheckIn, row: string, believe: (claimed: number, fact: string) => number): CheckIn {
  const out: CheckIn = { ...c, atMs: believe(c.atMs, checkInFact(row)) };
  for (const slot of ['morning', 'later'] as const) {
    const a = c[slot];
    if (a) out[slot] = { ...a, atMs: believe(a.atMs, answerFact(c.date, slot, a)) };
  }
  return out;
}
