import type { CheckIn, PainAnswer } from '../check-in';
import { encodeCheckIn, encodeDeletion, encodeMark, encodeRun, type ShardContent } from './shard-format';

// Sync believes a row's own times only as far as this browser can check them: no row can have
// been written after this browser first saw it. Each row (and each answer of a check-in, which a
// later row carries on) is known by a short hash; the background keeps when it was first seen.

/** When this browser first saw each fact, by factKey. */
export type FirstSeen = ReadonlyMap<string, number>;

/** First-seen times kept at most: five browsers' 120 days of runs, marks and check-ins fit. */
export const MAX_FIRST_SEEN = 12_000;

/** A 53-bit hash in base 36: a short stable name for a row (cyrb53). */
function hash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export const runFact = (row: string) => hash(`a${row}`);
export const deletionFact = (row: string) => hash(`d${row}`);
export const markFact = (row: string) => hash(`m${row}`);
export const checkInFact = (row: string) => hash(`h${row}`);
/** One answer slot of a date: a row that carries it on unchanged does not make it newer. */
export const answerFact = (date: string, slot: 'morning' | 'later', a: PainAnswer) =>
  hash(`${slot}${date}|${a.pain}|${Math.floor(a.atMs / 1000)}`);

function checkInFacts(c: CheckIn): string[] {
  const out = [checkInFact(encodeCheckIn(c))];
  if (c.morning) out.push(answerFact(c.date, 'morning', c.morning));
  if (c.later) out.push(answerFact(c.date, 'later', c.later));
  return out;
}

/** Every fact of some shards with the local date it belongs to (for pruning with the window). */
export function factsOf(contents: readonly ShardContent[]): { key: string; date: string }[] {
  const out: { key: string; date: string }[] = [];
  for (const c of contents) {
    for (const r of c.runs) out.push({ key: runFact(encodeRun(r)), date: r.localDate });
    for (const d of c.deletions) out.push({ key: deletionFact(encodeDeletion(d)), date: d.localDate });
    for (const m of c.marks) out.push({ key: markFact(encodeMark(m)), date: m.date });
    for (const h of c.checkIns) for (const key of checkInFacts(h)) out.push({ key, date: h.date });
  }
  return out;
}

export interface SeenEntry {
  ms: number;
  date: string;
}

/**
 * Notes the facts not seen before as seen at `nowMs`, drops those dated before the window and,
 * past the cap, the earliest seen. Returns null when nothing changed (no write needed).
 */
export function noteSeen(
  known: ReadonlyMap<string, SeenEntry>,
  contents: readonly ShardContent[],
  nowMs: number,
  windowStart: string,
): Map<string, SeenEntry> | null {
  const out = new Map<string, SeenEntry>();
  let changed = false;
  for (const [k, e] of known) {
    if (e.date >= windowStart) out.set(k, e);
    else changed = true;
  }
  for (const f of factsOf(contents))
    if (!out.has(f.key) && f.date >= windowStart) {
      out.set(f.key, { ms: nowMs, date: f.date });
      changed = true;
    }
  if (out.size > MAX_FIRST_SEEN) {
    const keep = [...out].sort((a, b) => b[1].ms - a[1].ms || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_FIRST_SEEN);
    return new Map(keep);
  }
  return changed ? out : null;
}

/** The first-seen bounds the merge takes. */
export function boundsOf(known: ReadonlyMap<string, SeenEntry>): FirstSeen {
  return new Map([...known].map(([k, e]) => [k, e.ms]));
}
