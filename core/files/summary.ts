import type { ActivityInput, Sport, Source } from '../activity';
import { localDateOf } from '../local-date';
import { checkPace, LIMITS, MIN_PACE_CHECK_M } from '../plausibility';
import { problem, type Problem } from '../problem-codes';
import { isoSecond } from '../time';

// What every reader produces before it becomes an ActivityInput, and the plausibility rules
// they all share: nothing implausible is stored, and every correction is said in a warning.

/** An ActivityInput without its source and id; sportLabel is the file's own words ("running/trail", "9"). */
export interface SessionSummary extends Pick<
  ActivityInput,
  'startMs' | 'sport' | 'sportLabel' | 'distanceM' | 'movingS' | 'elapsedS' | 'cadenceSpm' | 'name'
> {
  /** The local date where the activity happened, when the file says (trusted offset). */
  localDate?: ActivityInput['localDate'];
  /** Metres of track left out of distanceM as jumps faster than anyone moves (track-summary.ts). */
  jumpM?: number;
}

/** Earliest start accepted from a file: FIT's own epoch (1989-12-31); GPS watches came later. */
export const EARLIEST_FILE_START_MS = Date.UTC(1989, 11, 31);
// The limits are the ones every part of Hip Check applies (plausibility.ts).
export const FUTURE_SLACK_MS = LIMITS.futureSlackMs;
export const MAX_PLAUSIBLE_DURATION_S = LIMITS.maxDurationS;
export const MAX_PLAUSIBLE_DISTANCE_M = LIMITS.maxDistanceM;
/** Names longer than this are cut; no site's name is this long. */
export const MAX_NAME_LENGTH = 200;

/**
 * The id of an activity read from a file: its start instant to the second. The same run read
 * from a bare FIT, from a zip, gzipped, or exported again as TCX/GPX gets the same id, so
 * importing it twice updates one record instead of adding a second.
 */
export function fileSourceId(startMs: number): string {
  return isoSecond(startMs);
}

function roundTo(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

/** A duration as a problem parameter ("27.9 days"), for warnings. */
export function duration(s: number): Problem {
  if (s >= 86400) return problem('duration_days', roundTo(s / 86400, 1));
  if (s >= 3600) return problem('duration_hours', roundTo(s / 3600, 1));
  return problem('duration_seconds', Math.round(s));
}

/**
 * Applies the shared plausibility rules. Returns a refusal when the session can't be kept (no
 * usable start); otherwise fixes or drops implausible values, adding warnings about `what`.
 */
export function checkSummary(
  s: SessionSummary,
  nowMs: number,
  warnings: Problem[],
  what: Problem = problem('subject_activity'),
): Problem | null {
  if (!Number.isFinite(s.startMs)) return problem('start_missing', what);
  if (s.startMs < EARLIEST_FILE_START_MS) return problem('start_before_1990', what, isoSecond(s.startMs));
  if (s.startMs > nowMs + FUTURE_SLACK_MS) return problem('start_in_future', what, isoSecond(s.startMs));
  if (s.distanceM !== null) {
    if (!Number.isFinite(s.distanceM) || s.distanceM < 0) s.distanceM = null;
    else if (s.distanceM > MAX_PLAUSIBLE_DISTANCE_M) {
      warnings.push(problem('distance_implausible', what, Math.round(s.distanceM / 1000)));
      s.distanceM = null;
    } else s.distanceM = roundTo(s.distanceM, 2);
  }
  for (const key of ['movingS', 'elapsedS'] as const) {
    const v = s[key];
    if (v === null) continue;
    if (!Number.isFinite(v) || v < 0) s[key] = null;
    else if (v > MAX_PLAUSIBLE_DURATION_S) {
      warnings.push(problem(key === 'movingS' ? 'moving_implausible' : 'elapsed_implausible', what, duration(v)));
      s[key] = null;
    } else s[key] = roundTo(v, 3);
  }
  if (s.movingS !== null && s.elapsedS !== null && s.movingS > s.elapsedS + 2) {
    warnings.push(problem('elapsed_below_moving', what, duration(s.elapsedS), duration(s.movingS)));
    s.elapsedS = null;
  }
  if (s.jumpM) {
    // Nothing believable left: the recording is its jumps (20 km in a minute), refused with their pace.
    if ((s.distanceM ?? 0) < MIN_PACE_CHECK_M) {
      const whole = checkPace(s.sport, (s.distanceM ?? 0) + s.jumpM, s.movingS, s.elapsedS);
      if (whole) return whole;
    }
    warnings.push(problem('track_jumps_left_out', Math.round(s.jumpM / 100) / 10));
  }
  const tooFast = checkPace(s.sport, s.distanceM, s.movingS, s.elapsedS);
  if (tooFast) return tooFast;
  if (s.name.length > MAX_NAME_LENGTH) s.name = s.name.slice(0, MAX_NAME_LENGTH);
  return null;
}

export function toActivityInput(
  s: SessionSummary,
  timeZone: string,
  source: Source = 'file',
  sourceId?: string,
): ActivityInput {
  return {
    source,
    sourceId: sourceId ?? fileSourceId(s.startMs),
    startMs: s.startMs,
    localDate: s.localDate ?? localDateOf(s.startMs, timeZone),
    sport: s.sport,
    sportLabel: s.sportLabel.slice(0, LIMITS.maxLabelLength),
    distanceM: s.distanceM,
    movingS: s.movingS,
    elapsedS: s.elapsedS,
    ...(s.cadenceSpm !== undefined ? { cadenceSpm: s.cadenceSpm } : {}),
    name: s.name,
  };
}

const SPORT_TITLES: Record<Sport, string> = {
  run: 'Run',
  trail_run: 'Trail run',
  treadmill_run: 'Treadmill run',
  virtual_run: 'Virtual run',
  walk: 'Walk',
  hike: 'Hike',
  ride: 'Ride',
  swim: 'Swim',
  strength: 'Strength',
  other: 'Activity',
};

/** A name for an activity whose file gives none: "Run (14211916346_ACTIVITY.fit)". */
export function defaultName(sport: Sport, fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base ? `${SPORT_TITLES[sport]} (${base})` : SPORT_TITLES[sport];
}

/**
 * A file-made name taken apart: "Run (run-29.fit)" is the file run-29.fit and no title of its own;
 * "Hill repeats (hills.fit)" (a FIT workout's name) keeps its title. Other names are all title.
 */
export function nameParts(sport: Sport, name: string): { title: string; file: string } {
  const m = /^(.*) \(([^()]+\.(?:fit|gpx|tcx)(?:\.gz)?)\)$/i.exec(name);
  const title = m ? m[1]! : name;
  return { title: title === SPORT_TITLES[sport] ? '' : title, file: m ? m[2]! : '' };
}
