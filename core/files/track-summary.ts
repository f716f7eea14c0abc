import type { ActivityInput } from '../activity';
import { problem, type Problem } from '../problem-codes';
import { dateOfWallClock } from '../local-date';
import { checkSummary, toActivityInput, type SessionSummary } from './summary';
import type { ActivitiesRead, FileFormat, Refused } from './types';
import { haversineM } from '../geo';

// What the readers of track points share (GPX, TCX, and FIT files read from their records): the
// distance along the points, the moving time they show, and turning per-activity summaries into
// the file's result.

/** A jump of this many metres or more between consecutive points is a GPS glitch, not distance. */
export const GPS_GLITCH_STEP_M = 50_000;

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
