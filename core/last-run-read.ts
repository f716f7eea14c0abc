import type { Activity, Source } from './activity';
import { nameParts } from './files/summary';

// The popup's "Last run read" line: a sign that Hip Check saw the runner's latest run, with where
// it came from. Runs entered by hand in the popup are the runner's own words, not a reading, so
// they are left out; a run seen by several sources names each (Strava and Garmin Connect).

export interface LastRunRead {
  /** Where it was read, first reader first; never "manual". */
  sources: Source[];
  startMs: number;
  localDate: string;
  /** The activity's own name on the site or in the file; empty when it is only a sport's word ("Run"). */
  name: string;
  /** The file it was read from, when its name says so ("run-29.fit"); else empty. */
  file: string;
}

/** The run with the latest start among those a site or file gave, or null. */
export function lastRunRead(activities: readonly Activity[], runningSports: readonly string[]): LastRunRead | null {
  let best: Activity | null = null;
  for (const a of activities) {
    if (!runningSports.includes(a.sport)) continue;
    if (!a.sources.some((s) => s.source !== 'manual')) continue;
    if (best === null || a.startMs > best.startMs) best = a;
  }
  if (best === null) return null;
  const sources = [...new Set(best.sources.map((s) => s.source).filter((s) => s !== 'manual'))];
  const { title, file } = nameParts(best.sport, best.name.trim());
  return { sources, startMs: best.startMs, localDate: best.localDate, name: title, file };
}
