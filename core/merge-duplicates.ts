import { SAME_START_WINDOW_MS } from './same-activity';
import { sourceKey, type Activity, type ActivityInput, type Source, type SourceRef } from './activity';

// Folding a new reading into the stored record of the same activity (core/same-activity.ts
// decides which record that is): whose values win, which gaps are filled, which ids are kept.

// Which source's values win when they disagree: the sites reflect the runner's own edits
// (a corrected sport or name), files are the raw recording, runs typed by hand are rough (so the
// watch's file or the site's page of a run entered by hand brings its start, distance and times).
export const PRIORITY: Record<Source, number> = { garmin: 3, strava: 3, file: 2, manual: 1 };

function bestPriority(a: Activity): number {
  return Math.max(...a.sources.map((s) => PRIORITY[s.source]));
}

/**
 * Folds an input into the stored activity it duplicates. Keeps the stored key and every source
 * id; values come from the higher-priority source, gaps are filled from the other. Re-reading the
 * same source replaces that source's values (the runner may have edited the run on the site),
 * except the local date: it was fixed where the run was first read, and a file read again with
 * the browser in another time zone (the same start, another calendar date) must not move it. Only a
 * start moved on the site (further than two readings of one run differ) brings its date along.
 */
export function mergeInto(existing: Activity, input: ActivityInput, nowMs: number): Activity {
  const key = sourceKey(input.source, input.sourceId);
  const known = existing.sourceKeys.includes(key);
  const sameStart = Math.abs(input.startMs - existing.startMs) <= SAME_START_WINDOW_MS;
  // A correction by hand outlasts every later reading of the same run.
  const incomingWins =
    !existing.edited &&
    (known ? PRIORITY[input.source] >= bestPriority(existing) : PRIORITY[input.source] > bestPriority(existing));
  // A corrected record keeps its values as they are, a field cleared by hand included: no gap filling.
  const pick = <T>(mine: T | null, theirs: T | null): T | null =>
    existing.edited ? mine : incomingWins ? (theirs ?? mine) : (mine ?? theirs);
  // No one corrects a cadence by hand: a reading that has one fills the gap, even of a corrected run.
  const cadenceSpm = incomingWins
    ? (input.cadenceSpm ?? existing.cadenceSpm)
    : (existing.cadenceSpm ?? input.cadenceSpm);
  return {
    key: existing.key,
    sources: known ? existing.sources : [...existing.sources, { source: input.source, id: input.sourceId }],
    sourceKeys: known ? existing.sourceKeys : [...existing.sourceKeys, key],
    startMs: incomingWins ? input.startMs : existing.startMs,
    localDate: incomingWins && !(known && sameStart) ? input.localDate : existing.localDate,
    sport: incomingWins ? input.sport : existing.sport,
    sportLabel: incomingWins ? input.sportLabel : existing.sportLabel,
    distanceM: pick(existing.distanceM, input.distanceM),
    movingS: pick(existing.movingS, input.movingS),
    elapsedS: pick(existing.elapsedS, input.elapsedS),
    ...(cadenceSpm !== undefined ? { cadenceSpm } : {}),
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
