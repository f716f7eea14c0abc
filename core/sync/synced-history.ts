import type { Activity, Source } from '../activity';
import type { SyncRun } from './shard-format';

// The history the verdict sees with sync on: this browser's own records before the sync window,
// and inside it the merged runs of every browser. A merged run that this browser also stores
// keeps the local record's key and name, so the popup's lists stay linked to the history table.

export function activityOfSyncRun(run: SyncRun, local: Activity | undefined): Activity {
  const sources = run.sourceKeys.map((k) => {
    const i = k.indexOf(':');
    return { source: k.slice(0, i) as Source, id: k.slice(i + 1) };
  });
  const changed = local && local.sport !== run.sport;
  const cadenceSpm = run.cadenceSpm ?? local?.cadenceSpm;
  return {
    key: local?.key ?? `sync:${run.sourceKeys[0]}`,
    sources,
    sourceKeys: run.sourceKeys,
    startMs: run.startMs,
    localDate: run.localDate,
    sport: run.sport,
    // Sport labels and names never travel; another browser's run is labelled by its sport.
    sportLabel: local && !changed ? local.sportLabel : run.sport,
    distanceM: run.distanceM,
    movingS: run.movingS,
    elapsedS: run.elapsedS,
    ...(cadenceSpm !== undefined ? { cadenceSpm } : {}),
    name: local?.name ?? '',
    updatedMs: run.updatedMs,
    ...(run.edited ? { edited: true } : {}),
  };
}

/**
 * Own activities (any range) combined with the merged runs: inside [windowStart, …] the merged
 * runs replace the own records, except own records that could not travel in a row.
 */
export function historyWithSynced(
  own: readonly Activity[],
  merged: readonly SyncRun[],
  windowStart: string,
  travels: (a: Activity) => boolean,
): Activity[] {
  const byKey = new Map<string, Activity>();
  for (const a of own) for (const k of a.sourceKeys) byKey.set(k, a);
  const out = own.filter((a) => a.localDate < windowStart || !travels(a));
  for (const r of merged) {
    const local = r.sourceKeys.map((k) => byKey.get(k)).find((a) => a !== undefined);
    out.push(activityOfSyncRun(r, local));
  }
  return out;
}
