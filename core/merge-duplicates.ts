import { SPORT_FAMILY, sourceKey, type Activity, type ActivityInput, type Source, type SourceRef } from './activity';

// The same run reaches Hip Check several times: the uploaded file, then Strava's page; Garmin,
// then Strava again because Garmin syncs to Strava. Those are one run and must count once.

export const MERGE_START_WINDOW_MS = 10 * 60 * 1000;
export const MERGE_DISTANCE_TOLERANCE = 0.1;

type Comparable = Pick<Activity, 'startMs' | 'sport' | 'distanceM' | 'movingS' | 'elapsedS'> & { sourceKeys: string[] };

function withinTolerance(a: number | null, b: number | null): boolean | null {
  if (a === null || b === null) return null;
  const larger = Math.max(a, b);
  if (larger === 0) return true;
  return Math.abs(a - b) <= MERGE_DISTANCE_TOLERANCE * larger;
}

function sourcesOf(x: Comparable): Map<string, string> {
  const m = new Map<string, string>();
  for (const k of x.sourceKeys) {
    const i = k.indexOf(':');
    m.set(k.slice(0, i), k.slice(i + 1));
  }
  return m;
}

/**
 * Same sport family, starts within 10 minutes, distances within 10 %. Two records that carry
 * different ids from the same source are two runs as far as that source knows, so never merged:
 * that is what keeps a double session on one day apart, and two "I ran today" entries too.
 */
export function isSameActivity(a: Comparable, b: Comparable): boolean {
  if (SPORT_FAMILY[a.sport] !== SPORT_FAMILY[b.sport]) return false;
  if (Math.abs(a.startMs - b.startMs) > MERGE_START_WINDOW_MS) return false;
  const sa = sourcesOf(a);
  for (const [src, id] of sourcesOf(b)) {
    const other = sa.get(src);
    // File ids are start times: the same run as FIT and as GPX may differ by a second.
    if (src !== 'file' && other !== undefined && other !== id) return false;
  }
  const distance = withinTolerance(a.distanceM, b.distanceM);
  if (distance !== null) return distance;
  // Neither distance to compare (yoga, a pool swim with no length): fall back on duration.
  const duration = withinTolerance(a.elapsedS ?? a.movingS, b.elapsedS ?? b.movingS);
  return duration ?? true;
}

function comparableInput(input: ActivityInput): Comparable {
  return { ...input, sourceKeys: [sourceKey(input.source, input.sourceId)] };
}

/** The stored activity this input duplicates, if any; candidates are those starting near it. */
export function findDuplicate(candidates: readonly Activity[], input: ActivityInput): Activity | undefined {
  const key = sourceKey(input.source, input.sourceId);
  const bySource = candidates.find((c) => c.sourceKeys.includes(key));
  if (bySource) return bySource;
  const c = comparableInput(input);
  let best: Activity | undefined;
  for (const cand of candidates) {
    if (!isSameActivity(cand, c)) continue;
    if (!best || Math.abs(cand.startMs - input.startMs) < Math.abs(best.startMs - input.startMs)) best = cand;
  }
  return best;
}

// Which source's values win when they disagree: the sites reflect the runner's own edits
// (a corrected sport or name), files are the raw recording, manual entries are rough.
export const PRIORITY: Record<Source, number> = { garmin: 3, strava: 3, file: 2, manual: 1 };

function bestPriority(a: Activity): number {
  return Math.max(...a.sources.map((s) => PRIORITY[s.source]));
}

/**
 * Folds an input into the stored activity it duplicates. Keeps the stored key and every source
 * id; values come from the higher-priority source, gaps are filled from the other. Re-reading the
 * same source replaces that source's values (the runner may have edited the run on the site).
 */
export function mergeInto(existing: Activity, input: ActivityInput, nowMs: number): Activity {
  const key = sourceKey(input.source, input.sourceId);
  const known = existing.sourceKeys.includes(key);
  // A correction by hand outlasts every later reading of the same run.
  const incomingWins =
    !existing.edited &&
    (known ? PRIORITY[input.source] >= bestPriority(existing) : PRIORITY[input.source] > bestPriority(existing));
  // A corrected record keeps its values as they are, a field cleared by hand included: no gap filling.
  const pick = <T>(mine: T | null, theirs: T | null): T | null =>
    existing.edited ? mine : incomingWins ? (theirs ?? mine) : (mine ?? theirs);
  return {
    key: existing.key,
    sources: known ? existing.sources : [...existing.sources, { source: input.source, id: input.sourceId }],
    sourceKeys: known ? existing.sourceKeys : [...existing.sourceKeys, key],
    startMs: incomingWins ? input.startMs : existing.startMs,
    localDate: incomingWins ? input.localDate : existing.localDate,
    sport: incomingWins ? input.sport : existing.sport,
    sportLabel: incomingWins ? input.sportLabel : existing.sportLabel,
    distanceM: pick(existing.distanceM, input.distanceM),
    movingS: pick(existing.movingS, input.movingS),
    elapsedS: pick(existing.elapsedS, input.elapsedS),
    name: existing.edited ? existing.name : incomingWins ? input.name || existing.name : existing.name || input.name,
    updatedMs: nowMs,
    ...(existing.edited ? { edited: true } : {}),
  };
}

/** The source ids of `incoming` that `into` can take without holding two ids of one source. */
export function joinableSources(into: Pick<Activity, 'sources'>, incoming: readonly SourceRef[]): SourceRef[] {
  const out: SourceRef[] = [];
  const held = [...into.sources];
  for (const s of incoming) {
    if (held.some((h) => h.source === s.source && h.id === s.id)) continue;
    // File ids are start times: one run read as FIT and as GPX may carry two, a second apart.
    if (s.source !== 'file' && held.some((h) => h.source === s.source)) continue;
    held.push(s);
    out.push(s);
  }
  return out;
}
