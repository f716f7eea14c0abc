import type { ActivityInput } from '../activity';
import { problem, type Problem } from '../problem-codes';
import { dateOfWallClock } from '../local-date';
import { isoSecond } from '../time';
import { checkSummary, duration, toActivityInput, type SessionSummary } from './summary';
import type { ActivitiesRead, FileFormat, Refused } from './types';
import { haversineM } from '../geo';
import { MAX_AVERAGE_SPEED_MS } from '../plausibility';

// What the readers of track points share (GPX, TCX, and FIT files read from their records): the
// distance along the points, the moving time they show, the stale leading block some watches
// leave before the real start, and turning per-activity summaries into the file's result.

/** A jump of this many metres or more between consecutive points is a GPS glitch, not distance. */
export const GPS_GLITCH_STEP_M = 50_000;
/**
 * A step of a kilometre or more between two timed points covered faster than any sport moves
 * (plausibility.ts, "other") is a jump of the recording (33 km in the same second), not distance.
 * Shorter steps are left to the whole activity's pace check: GPS noise between close points is
 * often fast over a second and evens out.
 */
export const JUMP_MIN_STEP_M = 1000;

/** True for a step between two points that can't have been covered: a glitch or a jump. */
export function isTrackJump(stepM: number, dtS: number | null): boolean {
  if (stepM >= GPS_GLITCH_STEP_M) return true;
  if (dtS === null || stepM < JUMP_MIN_STEP_M) return false;
  return stepM > Math.max(0, dtS) * MAX_AVERAGE_SPEED_MS.other!;
}

/** Points further apart in time than this are a pause, not moving time. */
export const PAUSE_GAP_S = 60;
/** Slower than this between two points counts as standing still. */
export const MOVING_SPEED_MS = 0.3;

/**
 * The moving time between two consecutive track points `dtS` seconds and `stepM` metres apart:
 * all of it, unless it is a pause (over PAUSE_GAP_S) or standing still (under MOVING_SPEED_MS).
 * The one estimate for files that carry no timer (GPX, FIT records without timer events).
 */
export function movingSeconds(dtS: number, stepM: number): number {
  return dtS > 0 && dtS <= PAUSE_GAP_S && stepM >= MOVING_SPEED_MS * dtS ? dtS : 0;
}

/** Moving time summed point by point (movingSeconds), for readers that go through many points. */
export class MovingTime {
  seconds = 0;

  /** Adds the step between two consecutive points `dtS` seconds and `stepM` metres apart. */
  add(dtS: number, stepM: number): void {
    this.seconds += movingSeconds(dtS, stepM);
  }
}

// A stale leading block: a few track points at an old time (a clock not yet right, a recording
// opened days before), then the real activity after a gap of days. Stored from its first point,
// the run lands weeks early (issue #19: a ride on 2021-07-18 stored on 2021-06-20). The rule: a
// gap of at least a day, longer than everything after it, with fewer points before it than after
// it. A paused run (a gap of hours) or a normal start (the first point a few minutes early) never
// meets it; a multi-day recording paused overnight neither.

/** The shortest gap between consecutive points that may cut a stale leading block off. */
export const STALE_LEAD_GAP_MS = 24 * 3600 * 1000;
/** Long gaps remembered per track (the latest ones): real tracks have none or one. */
const MAX_LEAD_GAPS = 8;

/** A long gap between two consecutive timed points; readers add what they need at the cut. */
export interface LeadGap {
  /** The first point's time, the last point before the gap and the first after it (Unix ms). */
  firstMs: number;
  beforeMs: number;
  afterMs: number;
  /** Timed points before the gap. */
  pointsBefore: number;
}

/** True when two consecutive points this far apart (ms) may end a stale leading block. */
export function isLeadGap(dtMs: number): boolean {
  return dtMs >= STALE_LEAD_GAP_MS;
}

/** Remembers a long gap (see isLeadGap), keeping the latest few. */
export function addLeadGap<G extends LeadGap>(gaps: G[], gap: G): void {
  if (gaps.length >= MAX_LEAD_GAPS) gaps.shift();
  gaps.push(gap);
}

/**
 * Forgets the gaps that end after `ms`, the time of a point earlier than the one before it: a
 * point whose time jumped years ahead and back (a glitch) is no gap before the rest.
 */
export function forgetLeadGapsAfter(gaps: LeadGap[], ms: number): void {
  for (let i = gaps.length - 1; i >= 0; i--) if (gaps[i]!.afterMs > ms) gaps.splice(i, 1);
}

/**
 * The gap that cuts a stale leading block off a track whose last point is at `lastMs` and which
 * holds `points` timed points, or null: the latest gap that meets the rule above.
 */
export function staleLeadGap<G extends LeadGap>(gaps: readonly G[], lastMs: number, points: number): G | null {
  for (let i = gaps.length - 1; i >= 0; i--) {
    const g = gaps[i]!;
    const gapMs = g.afterMs - g.beforeMs;
    if (gapMs >= STALE_LEAD_GAP_MS && gapMs > lastMs - g.afterMs && g.pointsBefore < points - g.pointsBefore) return g;
  }
  return null;
}

/** True when an activity's own start (a FIT session's, a TCX Id) lies with the stale points, not with the rest. */
export function startsInStaleLead(startMs: number, g: LeadGap): boolean {
  return startMs < (g.beforeMs + g.afterMs) / 2;
}

/** The warning that a stale leading block was left out. */
export function staleLeadWarning(g: LeadGap): Problem {
  return problem(
    'track_stale_lead',
    g.pointsBefore,
    duration((g.afterMs - g.beforeMs) / 1000),
    isoSecond(g.firstMs),
    isoSecond(g.afterMs),
  );
}

/** True for a latitude and longitude (degrees) that are a place on Earth. */
export function isPosition(lat: number, lon: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
}

/** The positions of a track, one after the other: the great-circle step from each to the last valid one. */
export class TrackSteps {
  private lat = NaN;
  private lon = NaN;

  /** Forgets the last position: the next one starts a new stretch (a new GPX segment). */
  restart(): void {
    this.lat = this.lon = NaN;
  }

  /**
   * Metres from the last valid position to this one, which becomes the last; 0 for the first
   * position, and 0 for one that is not a position (passed over: the last one stays).
   */
  next(lat: number, lon: number): number {
    if (!isPosition(lat, lon)) return 0;
    const step = Number.isFinite(this.lat) ? haversineM(this.lat, this.lon, lat, lon) : 0;
    this.lat = lat;
    this.lon = lon;
    return step;
  }
}

/**
 * The activities of one GPX or TCX file, summary by summary: each is checked (checkSummary)
 * and kept as an ActivityInput or skipped with its reason; `warnings` gathers what to tell.
 */
export class FileActivities {
  readonly activities: ActivityInput[] = [];
  readonly warnings: Problem[] = [];
  private readonly skipped: Problem[] = [];

  constructor(
    private readonly format: FileFormat,
    private readonly ctx: { timeZone: string; nowMs: number },
  ) {}

  /** An activity of the file that can't be kept, and why. */
  skip(reason: Problem): void {
    this.skipped.push(reason);
  }

  /**
   * Keeps the summary if checkSummary accepts it (`what` names it in messages), else skips it.
   * `offsetMin`: the file's UTC offset at the start (minutes east), which gives the local date.
   */
  add(s: SessionSummary, offsetMin: number | null, what: Problem): void {
    if (offsetMin !== null) s.localDate = dateOfWallClock(s.startMs + offsetMin * 60_000);
    const bad = checkSummary(s, this.ctx.nowMs, this.warnings, what);
    if (bad) this.skipped.push(bad);
    else this.activities.push(toActivityInput(s, this.ctx.timeZone));
  }

  /**
   * The file's result: its activities, with a "Skipped: …" warning for each one skipped; or,
   * when none was kept, a refusal with the first reason (`none` when nothing was skipped).
   */
  result(none: Problem): ActivitiesRead | Refused {
    if (this.activities.length === 0) return { kind: 'refused', format: this.format, reason: this.skipped[0] ?? none };
    return {
      kind: 'activities',
      format: this.format,
      activities: this.activities,
      warnings: [...this.warnings, ...this.skipped.map((r) => problem('skipped', r))],
    };
  }
}
