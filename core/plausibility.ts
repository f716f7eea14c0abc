import { SPORT_FAMILY, type Sport, type SportFamily } from './activity';
import { dateFromDayNumber, dayNumber, isLocalDate } from './local-date';
import { problem, type Problem } from './problem-codes';

// The one set of limits every part of Hip Check applies: readers, the message router, the store
// and the backup. Sized for real athletes (multi-day ultras, long rides), so nothing a runner can
// really do is refused anywhere, and nothing past them is ever stored.
export const LIMITS = {
  /** 1,000 km: the longest single sessions (multi-day ultras, long rides) stay under it. */
  maxDistanceM: 1_000_000,
  /** 7 days: a watch left recording longer than that is a broken value. */
  maxDurationS: 7 * 24 * 3600,
  /** Clocks disagree a little; a start more than this far ahead of "now" is in the future. */
  futureSlackMs: 15 * 60 * 1000,
  /** Nothing a runner logs predates GPS watches; 1980 leaves room for hand-entered history. */
  earliestStartMs: Date.UTC(1980, 0, 1),
  maxIdLength: 200,
  maxLabelLength: 100,
  maxNameLength: 500,
  /** Activities one site reading may carry (a list page holds 20-100). */
  maxActivitiesPerSiteMessage: 200,
  /**
   * What a page may send at once (a backfill reads 10 list pages; a Garmin visit a few dozen
   * views), refilled one message per siteMessageRefillMs: a tab left open all day keeps being read.
   */
  siteMessageBurst: 100,
  siteMessageRefillMs: 3_000,
} as const;

// The checks every way in applies with these limits (files, sites, the run form, backups, sync
// rows, the router): each returns the problem a runner reads, or null.

/** The first date anything may be dated (LIMITS.earliestStartMs as a date). */
export const EARLIEST_DATE = '1980-01-01';
const DAY_MS = 86_400_000;
/** The furthest ahead of UTC a time zone is (UTC+14): "today" somewhere on earth. */
const MAX_ZONE_AHEAD_MS = 14 * 3600 * 1000;

/**
 * Average speeds (m/s) no one reaches in a whole activity of each family; null: not checked.
 * Generous on purpose: a refusal must only ever hit a broken value, never a fast athlete.
 */
export const MAX_AVERAGE_SPEED_MS: Readonly<Record<SportFamily, number | null>> = {
  // Bolt's 100 m world record averages 10.4 m/s; no one runs or walks faster over any distance.
  running: 12,
  walking: 12,
  // Tour de France time trials average about 15 m/s; 25 (90 km/h) leaves room for long descents.
  cycling: 25,
  // The 50 m freestyle record averages 2.4 m/s; 5 leaves room for a swim down a river (the Rhine
  // at Basel flows at 2-3 m/s).
  swimming: 5,
  // Skiing, rowing, skating, paragliding...: anything faster than 250 km/h is no sport.
  other: 70,
  // Strength sessions carry no meaningful distance.
  strength: null,
};

/**
 * Below this distance the pace is not checked: a few metres of GPS drift in a short recording
 * weigh nothing in the verdict and must not refuse a real file.
 */
export const MIN_PACE_CHECK_M = 200;

/** The latest date that is "today" anywhere on earth at `nowMs`: bounds dates when no time zone is known. */
export function latestToday(nowMs: number): string {
  return dateFromDayNumber(Math.floor((nowMs + MAX_ZONE_AHEAD_MS) / DAY_MS));
}

/** A local calendar date (check-in, rest mark, run) from 1980-01-01 to `today`. */
export function checkDay(date: unknown, today: string): Problem | null {
  if (!isLocalDate(date)) return problem('day_invalid', JSON.stringify(date ?? null).slice(0, 40));
  if (date < EARLIEST_DATE) return problem('day_before_1980', date);
  if (dayNumber(date) > dayNumber(today)) return problem('day_in_future', date);
  return null;
}

/** A change time (a record's last change, a check-in's answer, a rest mark's): from 1980 to now plus the clock slack. */
export function checkChangeTime(ms: unknown, nowMs: number): Problem | null {
  if (typeof ms !== 'number' || !Number.isFinite(ms))
    return problem('change_time_invalid', JSON.stringify(ms ?? null).slice(0, 40));
  if (ms < LIMITS.earliestStartMs) return problem('change_time_before_1980', new Date(ms).toISOString());
  if (ms > nowMs + LIMITS.futureSlackMs) {
    const shown = Math.abs(ms) < 8.64e15 ? new Date(ms).toISOString() : String(ms);
    return problem('change_time_in_future', shown);
  }
  return null;
}

const TOO_FAST = {
  running: 'too_fast_running',
  walking: 'too_fast_walking',
  cycling: 'too_fast_cycling',
  swimming: 'too_fast_swimming',
  other: 'too_fast_other',
} as const;

const kmh = (ms: number) => Math.round(ms * 36) / 10;

/**
 * An activity's average speed against its sport's limit: distance over the moving time (the
 * elapsed time when there is none). A distance with no time is not checked; with a time of
 * 0 it is refused, as no one covers a distance in no time.
 */
export function checkPace(
  sport: Sport,
  distanceM: number | null,
  movingS: number | null,
  elapsedS: number | null,
): Problem | null {
  const family = SPORT_FAMILY[sport];
  const max = MAX_AVERAGE_SPEED_MS[family];
  if (max === null || family === 'strength' || distanceM === null || !(distanceM >= MIN_PACE_CHECK_M)) return null;
  // A moving time of 0 is a watch whose timer never ran: the elapsed time is the better one then.
  const timeS = movingS === null || (movingS === 0 && elapsedS !== null && elapsedS > 0) ? elapsedS : movingS;
  if (timeS === null) return null;
  if (timeS <= 0) return problem('too_fast_no_time', Math.round(distanceM / 100) / 10);
  const speed = distanceM / timeS;
  return speed > max ? problem(TOO_FAST[family], kmh(speed), kmh(max)) : null;
}

/**
 * How many records a backup may hold. Check-ins and rest marks are one a date, so no more than
 * the days since 1980; runs: 300,000 (ten a day for 80 years) keeps an 80 MB backup readable.
 */
export const MAX_BACKUP_ACTIVITIES = 300_000;

/** The most dated records (check-ins or rest marks) there can be on `today`: one a day since 1980. */
export function maxDatedRecords(today: string): number {
  return dayNumber(today) - dayNumber(EARLIEST_DATE) + 1;
}
