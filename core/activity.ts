// The activity model every part of Hip Check shares. Plain data only: it is stored in
// IndexedDB, sent in messages and written to backups as it is.

export const SOURCES = ['strava', 'garmin', 'file', 'manual'] as const;
export type Source = (typeof SOURCES)[number];

export const SPORTS = [
  'run',
  'trail_run',
  'treadmill_run',
  'virtual_run',
  'walk',
  'hike',
  'ride',
  'swim',
  'strength',
  'other',
] as const;
export type Sport = (typeof SPORTS)[number];

/** Sports that are "the same kind of thing" for duplicate detection. */
export type SportFamily = 'running' | 'walking' | 'cycling' | 'swimming' | 'strength' | 'other';

export const SPORT_FAMILY: Readonly<Record<Sport, SportFamily>> = {
  run: 'running',
  trail_run: 'running',
  treadmill_run: 'running',
  virtual_run: 'running',
  walk: 'walking',
  hike: 'walking',
  ride: 'cycling',
  swim: 'swimming',
  strength: 'strength',
  other: 'other',
};

export interface SourceRef {
  source: Source;
  /** The source's own id (Strava activity id, Garmin activity id, file hash, manual entry id). */
  id: string;
}

/** What is known of one real-world session, whoever read it. */
export interface ActivityFacts {
  /** Start instant, milliseconds since the Unix epoch (UTC). */
  startMs: number;
  /**
   * The local calendar date (YYYY-MM-DD) on which the activity started, where it happened.
   * Sites give it (Strava start_date_local, Garmin startTimeLocal); files may not, and then the
   * user's time zone at import time decides.
   */
  localDate: string;
  sport: Sport;
  /** The site's or file's own label for the sport, kept as it came ("TrailRun", "trail_running"). */
  sportLabel: string;
  distanceM: number | null;
  movingS: number | null;
  elapsedS: number | null;
  /**
   * Average running cadence: whole steps a minute of both feet, absent when unknown
   * (core/cadence.ts turns each source's unit into this and keeps only believable values).
   */
  cadenceSpm?: number;
  name: string;
}

/** What a reader (page, file, manual entry) produces, before it is stored. */
export interface ActivityInput extends ActivityFacts {
  source: Source;
  sourceId: string;
}

/** A stored activity: one real-world session, possibly seen by several sources. */
export interface Activity extends ActivityFacts {
  /** Internal key: the first source that reported it, e.g. "strava:123". Never changes. */
  key: string;
  sources: SourceRef[];
  /** "source:id" of every source, for the multi-entry index that finds known activities. */
  sourceKeys: string[];
  /** When this record was last written (ms since epoch). */
  updatedMs: number;
  /** The runner corrected it by hand: their values win over every source from then on. */
  edited?: boolean;
}

export function sourceKey(source: Source, id: string): string {
  return `${source}:${id}`;
}

export function isRunningSport(sport: Sport): boolean {
  return SPORT_FAMILY[sport] === 'running';
}

/** A session covers ground only with a distance above 0: strength or a gym session has none to show. */
export function coversDistance(a: Pick<ActivityFacts, 'distanceM'>): boolean {
  return a.distanceM !== null && a.distanceM > 0;
}

export function activityFromInput(input: ActivityInput, nowMs: number): Activity {
  const key = sourceKey(input.source, input.sourceId);
  return {
    key,
    sources: [{ source: input.source, id: input.sourceId }],
    sourceKeys: [key],
    startMs: input.startMs,
    localDate: input.localDate,
    sport: input.sport,
    sportLabel: input.sportLabel,
    distanceM: input.distanceM,
    movingS: input.movingS,
    elapsedS: input.elapsedS,
    ...(input.cadenceSpm !== undefined ? { cadenceSpm: input.cadenceSpm } : {}),
    name: input.name,
    updatedMs: nowMs,
  };
}
