import type { Source } from '../activity';
import type { CheckIn } from '../check-in';
import { isSameActivity, MERGE_START_WINDOW_MS, PRIORITY } from '../merge-duplicates';
import { encodeCheckIn, encodeRun, type ShardContent, type SyncDeletion, type SyncRun } from './shard-format';

// Every browser's shards, its own included, folded into one history. The result depends only on
// the set of rows: any shards, in any order, any number of times, give the same runs, so every
// browser that has received the same items shows the same streak.

export interface MergedShards {
  /** One entry per real-world run, sorted by start. */
  runs: SyncRun[];
  /** Dates whose latest word is "I rested today", sorted. */
  restMarks: string[];
  /** The latest hip check-in of each date, sorted by date. */
  checkIns: CheckIn[];
}

const sourceOf = (k: string) => k.slice(0, k.indexOf(':')) as Source;
const priority = (r: SyncRun) => Math.max(...r.sourceKeys.map((k) => PRIORITY[sourceOf(k)] ?? 0));

/** Which copy of a run speaks for it: the latest hand correction, else the best source. */
function rank(a: SyncRun & { row: string }, b: SyncRun & { row: string }): number {
  if (a.edited !== b.edited) return a.edited ? -1 : 1;
  if (a.edited && a.updatedMs !== b.updatedMs) return b.updatedMs - a.updatedMs;
  const p = priority(b) - priority(a);
  if (p !== 0) return p;
  if (a.sourceKeys.length !== b.sourceKeys.length) return b.sourceKeys.length - a.sourceKeys.length;
  return a.row < b.row ? -1 : a.row > b.row ? 1 : 0;
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
  return i;
}

/** Two ids from the same source (files aside) are two runs as far as that source knows. */
function idsConflict(a: { sourceKeys: string[] }, b: { sourceKeys: string[] }): boolean {
  const mine = new Map(a.sourceKeys.map((k) => [sourceOf(k), k]));
  return b.sourceKeys.some((k) => {
    const other = mine.get(sourceOf(k));
    return sourceOf(k) !== 'file' && other !== undefined && other !== k;
  });
}

const sameStart = (a: { startMs: number }, b: { startMs: number }) =>
  Math.abs(a.startMs - b.startMs) <= MERGE_START_WINDOW_MS;

/**
 * The store's duplicate rule, except for a run corrected by hand: its distance or sport may now
 * differ from every source's, so it matches on start and source ids alone (two runs do not start
 * within ten minutes of each other).
 */
function sameRun(a: SyncRun, b: SyncRun): boolean {
  if (a.sourceKeys.some((k) => b.sourceKeys.includes(k))) return true;
  if (a.edited || b.edited) return sameStart(a, b) && !idsConflict(a, b);
  return isSameActivity(a, b);
}

/** A deletion is of "the run that started then": the deleted copy may have been corrected. */
function deletes(d: SyncDeletion, r: SyncRun): boolean {
  return d.sourceKeys.some((k) => r.sourceKeys.includes(k)) || (sameStart(d, r) && !idsConflict(d, r));
}

export function mergeShards(contents: readonly ShardContent[]): MergedShards {
  // Set semantics first: the same row delivered twice is one row.
  const byRow = new Map<string, SyncRun & { row: string }>();
  for (const c of contents)
    for (const r of c.runs) {
      const row = encodeRun(r);
      byRow.set(row, { ...r, row });
    }
  const nodes = [...byRow.values()].sort((a, b) => a.startMs - b.startMs || (a.row < b.row ? -1 : 1));

  // Copies of one run: a shared source id, or the store's duplicate rule. Connected components
  // do not depend on the order in which pairs are looked at.
  const parent = nodes.map((_, i) => i);
  const union = (i: number, j: number) => {
    const a = find(parent, i);
    const b = find(parent, j);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  const firstWithKey = new Map<string, number>();
  nodes.forEach((n, i) => {
    for (const k of n.sourceKeys) {
      const j = firstWithKey.get(k);
      if (j === undefined) firstWithKey.set(k, i);
      else union(i, j);
    }
    for (let j = i - 1; j >= 0 && n.startMs - nodes[j]!.startMs <= MERGE_START_WINDOW_MS; j--)
      if (sameRun(n, nodes[j]!)) union(i, j);
  });
  const clusters = new Map<number, (SyncRun & { row: string })[]>();
  nodes.forEach((n, i) => {
    const root = find(parent, i);
    const list = clusters.get(root);
    if (list) list.push(n);
    else clusters.set(root, [n]);
  });

  const deletions = [...new Map(contents.flatMap((c) => c.deletions).map((d) => [JSON.stringify(d), d])).values()];

  const runs: SyncRun[] = [];
  for (const members of clusters.values()) {
    members.sort(rank);
    const lastChange = Math.max(...members.map((m) => m.updatedMs));
    // A deletion hides the run unless some copy changed after it (a correction, a new source).
    const deleted = deletions.some((d) => d.deletedMs > lastChange && members.some((m) => deletes(d, m)));
    if (deleted) continue;
    const w = members[0]!;
    const fill = <K extends 'distanceM' | 'movingS' | 'elapsedS'>(k: K) =>
      members.find((m) => m[k] !== null)?.[k] ?? null;
    runs.push({
      sourceKeys: [...new Set(members.flatMap((m) => m.sourceKeys))].sort(),
      startMs: w.startMs,
      localDate: w.localDate,
      sport: w.sport,
      distanceM: w.distanceM ?? fill('distanceM'),
      movingS: w.movingS ?? fill('movingS'),
      elapsedS: w.elapsedS ?? fill('elapsedS'),
      updatedMs: lastChange,
      edited: members.some((m) => m.edited),
    });
  }
  runs.sort((a, b) => a.startMs - b.startMs || (a.sourceKeys[0]! < b.sourceKeys[0]! ? -1 : 1));

  // Rest marks: the latest word on each date; at equal times "rested" wins.
  const latest = new Map<string, { on: boolean; atMs: number }>();
  for (const c of contents)
    for (const m of c.marks) {
      const cur = latest.get(m.date);
      if (!cur || m.atMs > cur.atMs || (m.atMs === cur.atMs && m.on && !cur.on)) latest.set(m.date, m);
    }
  const restMarks = [...latest]
    .filter(([, v]) => v.on)
    .map(([d]) => d)
    .sort();

  // Check-ins: the latest answer of each date; at equal times the larger row, so the pick never
  // depends on which browser's item came first.
  const answers = new Map<string, { c: CheckIn; row: string }>();
  for (const c of contents)
    for (const x of c.checkIns) {
      const row = encodeCheckIn(x);
      const cur = answers.get(x.date);
      if (!cur || x.atMs > cur.c.atMs || (x.atMs === cur.c.atMs && row > cur.row)) answers.set(x.date, { c: x, row });
    }
  const checkIns = [...answers.values()].map((a) => a.c).sort((a, b) => (a.date < b.date ? -1 : 1));
  return { runs, restMarks, checkIns };
}
