import type { ActivityInput, Sport } from '../activity';
import { cadenceCountsSteps, cadenceSpm } from '../cadence';
import { problem, problemDebugText, type Problem } from '../problem-codes';
import {
  decodeFit,
  FIT_EPOCH_S,
  FIT_MIN_ABSOLUTE_TIME,
  fitFileTypeName,
  type FitValue,
  type FitWanted,
} from './fit-decoder';
import {
  ACTIVITY,
  EVENT,
  FILE_ID,
  FIT_FILE,
  FIT_MESG,
  FIT_SPORT_TRANSITION,
  fitSportLabel,
  LAP,
  RECORD,
  SESSION,
  SPORT,
  sportFromFit,
} from './fit-profile';
import { dateOfWallClock } from '../local-date';
import { isoSecond, isValidTimeZone, wallClockToUtc, zoneOffsetMs } from '../time';
import { checkSummary, defaultName, toActivityInput, type SessionSummary } from './summary';
import type { NotActivity, Refused, ActivitiesRead } from './types';
import { normalizeSport } from '../sport';
import { inferSport } from './sport-inference';
import {
  addLeadGap,
  forgetLeadGapsAfter,
  GPS_GLITCH_STEP_M,
  MovingTime,
  STALE_LEAD_GAP_MS,
  staleLeadGap,
  staleLeadWarning,
  startsInStaleLead,
  TrackSteps,
  type LeadGap,
} from './track-summary';

// FIT → activities: one per sport session (a triathlon gives a swim, a ride and a run;
// transitions are not activities). Session messages are trusted first; when a file has none
// (the watch died, the upload was cut), laps and then track points stand in.

const MSG = FIT_MESG;

const WANTED: FitWanted = new Map<number, ReadonlySet<number>>([
  [MSG.fileId, new Set(Object.values(FILE_ID))],
  [MSG.sport, new Set(Object.values(SPORT))],
  [MSG.session, new Set(Object.values(SESSION))],
  [MSG.lap, new Set(Object.values(LAP))],
  // Positions are read only for files whose points carry no distance (withPositions).
  [MSG.record, new Set([RECORD.timestamp, RECORD.distance, RECORD.compressedSpeedDistance])],
  [MSG.event, new Set(Object.values(EVENT))],
  [MSG.activity, new Set(Object.values(ACTIVITY))],
]);

type Fields = ReadonlyMap<number, FitValue>;

/** What onRecord and onEvent read: a stored map or the decoder's live message. */
interface FieldSource {
  get(field: number): FitValue | undefined;
}

interface RecordStats {
  /** The group's first track point among the file's (0 for the first), and how many it holds. */
  firstSeq: number;
  count: number;
  /** Track points with an absolute timestamp. */
  timed: number;
  /** First and last absolute timestamps (FIT seconds), -1 if none. */
  firstTs: number;
  lastTs: number;
  /** First and last relative timestamps (seconds since power-on, clock not set), -1 if none. */
  firstRel: number;
  lastRel: number;
  prevTs: number;
  /** First, largest and latest distance field (cm), -1 if none. */
  firstDist: number;
  lastDist: number;
  prevDist: number;
  /** Distance accumulated from compressed_speed_distance (older footpod watches). */
  compressedDist: number;
  prevCompressed: number;
  /** The path along the positions (m), for track points that carry no distance. */
  steps: TrackSteps;
  pathM: number;
  positions: number;
  /** Moving time estimated from the points. */
  moving: MovingTime;
  /** Gaps of a day or more between absolute times: where a stale leading block may end. */
  gaps: RecordGap[];
}

/** A long gap between track points, with what was counted up to the first point after it. */
interface RecordGap extends LeadGap {
  /** The first point after the gap (FIT seconds). */
  afterTs: number;
  /** The distance field before that point (cm, -1 if none); path, footpod distance and moving time up to it. */
  dist: number;
  pathM: number;
  compressedDist: number;
  movingS: number;
}

interface Group {
  fileType: number | null;
  timeCreated: number | null;
  sessions: Fields[];
  laps: Fields[];
  sports: Fields[];
  activity: Fields | null;
  rec: RecordStats;
  /** The stale leading block of track points to leave out, if any (decided once all are read). */
  cut: RecordGap | null;
  timerOn: number;
  /** Timer start and stop times (FIT seconds), in pairs. */
  timerSpans: number[];
  timerEvents: number;
  messages: number;
  /**
   * For devices whose clock was never set (times are seconds since power-on): what to add to
   * such a time to get the local wall clock, from the activity message's local_timestamp.
   */
  relToWall: number | null;
}

function newGroup(): Group {
  return {
    fileType: null,
    timeCreated: null,
    sessions: [],
    laps: [],
    sports: [],
    activity: null,
    rec: {
      firstSeq: 0,
      count: 0,
      timed: 0,
      firstTs: -1,
      lastTs: -1,
      firstRel: -1,
      lastRel: -1,
      prevTs: -1,
      firstDist: -1,
      lastDist: -1,
      prevDist: -1,
      compressedDist: 0,
      prevCompressed: -1,
      steps: new TrackSteps(),
      pathM: 0,
      positions: 0,
      moving: new MovingTime(),
      gaps: [],
    },
    cut: null,
    timerOn: -1,
    timerSpans: [],
    timerEvents: 0,
    messages: 0,
    relToWall: null,
  };
}

const num = (v: FitValue | undefined): number | undefined => (typeof v === 'number' ? v : undefined);
const str = (v: FitValue | undefined): string | undefined =>
  typeof v === 'string' ? v.trim() || undefined : undefined;

/** A FIT date_time that is an absolute date (not seconds since power-on), as Unix ms. */
function fitTimeMs(v: FitValue | undefined): number | undefined {
  const t = num(v);
  if (t === undefined || t < FIT_MIN_ABSOLUTE_TIME) return undefined;
  return (t + FIT_EPOCH_S) * 1000;
}

/** Degrees per semicircle, the unit of FIT positions. */
const SEMICIRCLE_DEG = 180 / 2 ** 31;

/** The stale-lead gap in FIT seconds: compared for every track point, so taken from its module once. */
const LEAD_GAP_S = STALE_LEAD_GAP_MS / 1000;

/** Unix ms of an absolute FIT time. */
const fitMs = (t: number): number => (t + FIT_EPOCH_S) * 1000;

/** A FIT cadence: whole cycles a minute plus its fractional part in 1/128, if any. */
function fitCadence(whole: FitValue | undefined, fraction: FitValue | undefined): number | undefined {
  const w = num(whole);
  return w === undefined ? undefined : w + (num(fraction) ?? 0) / 128;
}

/**
 * The cadence of an activity on foot, in steps a minute (core/cadence.ts): FIT counts one foot's
 * strides in a run or a walk (avg_running_cadence, a record's cadence). `strides` is asked only
 * for such sports, as it may read the file again.
 */
function cadenceOf(sport: Sport, strides: () => number | undefined): { cadenceSpm?: number } {
  if (!cadenceCountsSteps(sport)) return {};
  const spm = cadenceSpm(strides(), 'strides', sport);
  return spm === undefined ? {} : { cadenceSpm: spm };
}

function onRecord(g: Group, f: FieldSource): void {
  const r = g.rec;
  r.count++;
  // Metres from the last point: by the distance field, else a footpod's count, else positions
  // (read only then: most files carry a distance, and this runs for every point).
  let step = 0;
  const distBefore = r.prevDist;
  const d = num(f.get(RECORD.distance));
  if (d !== undefined) {
    if (r.firstDist < 0) r.firstDist = d;
    if (d >= r.lastDist) r.lastDist = d;
    if (r.prevDist >= 0) step = (d - r.prevDist) / 100;
    r.prevDist = d;
  } else {
    const c = f.get(RECORD.compressedSpeedDistance);
    if (Array.isArray(c) && c.length >= 3) {
      const cur = ((c[1]! >> 4) | (c[2]! << 4)) & 0xfff;
      if (r.prevCompressed >= 0) {
        step = ((cur - r.prevCompressed + 4096) % 4096) / 16;
        r.compressedDist += step;
      }
      r.prevCompressed = cur;
    }
    const lat = num(f.get(RECORD.positionLat));
    const lon = num(f.get(RECORD.positionLong));
    if (lat !== undefined && lon !== undefined) {
      const m = r.steps.next(lat * SEMICIRCLE_DEG, lon * SEMICIRCLE_DEG);
      if (m < GPS_GLITCH_STEP_M) r.pathM += m;
      r.positions++;
      if (r.prevCompressed < 0) step = m;
    }
  }
  const ts = num(f.get(RECORD.timestamp));
  if (ts !== undefined) {
    const absolute = ts >= FIT_MIN_ABSOLUTE_TIME;
    if (absolute) {
      if (r.firstTs < 0) r.firstTs = ts;
      if (ts >= r.lastTs) r.lastTs = ts;
    } else {
      if (r.firstRel < 0) r.firstRel = ts;
      if (ts >= r.lastRel) r.lastRel = ts;
    }
    if (r.prevTs >= 0) {
      const dt = ts - r.prevTs;
      r.moving.add(dt, step);
      if (dt >= LEAD_GAP_S && absolute && r.prevTs >= FIT_MIN_ABSOLUTE_TIME) {
        addLeadGap(r.gaps, {
          firstMs: fitMs(r.firstTs),
          beforeMs: fitMs(r.prevTs),
          afterMs: fitMs(ts),
          pointsBefore: r.timed,
          afterTs: ts,
          dist: distBefore,
          pathM: r.pathM,
          compressedDist: r.compressedDist,
          movingS: r.moving.seconds,
        });
      } else if (dt < 0 && r.gaps.length > 0) forgetLeadGapsAfter(r.gaps, fitMs(ts));
    }
    if (absolute) r.timed++;
    r.prevTs = ts;
  }
}

function onEvent(g: Group, f: FieldSource): void {
  // event 0 = timer; event_type 0 = start, 1 = stop, 4 = stop_all, 8/9 = stop_disable(_all).
  if (num(f.get(EVENT.event)) !== 0) return;
  const type = num(f.get(EVENT.eventType));
  const ts = num(f.get(EVENT.timestamp));
  if (ts === undefined || ts < FIT_MIN_ABSOLUTE_TIME) return;
  g.timerEvents++;
  if (type === 0) {
    if (g.timerOn < 0) g.timerOn = ts;
  } else if (type === 1 || type === 4 || type === 8 || type === 9) {
    if (g.timerOn >= 0 && ts >= g.timerOn) g.timerSpans.push(g.timerOn, ts);
    g.timerOn = -1;
  }
}

/** Seconds the timer ran between `first` and `last` (FIT seconds), by the timer events. */
function timerSeconds(g: Group, first: number, last: number): number {
  let total = 0;
  const spans = g.timerSpans;
  for (let i = 0; i < spans.length; i += 2)
    total += Math.max(0, Math.min(spans[i + 1]!, last) - Math.max(spans[i]!, first));
  if (g.timerOn >= 0) total += Math.max(0, last - Math.max(g.timerOn, first));
  return total;
}

export interface FitReadContext {
  fileName: string;
  timeZone: string;
  nowMs: number;
}

/**
 * The local time offset (seconds) from the activity message, when it is plausible: within
 * ±14 h of UTC and a whole number of quarter hours. Real files carry bogus local_timestamps
 * (device clock not set, offsets of a few seconds or of years): those are ignored.
 */
export function plausibleLocalOffset(activity: Fields | null): number | null {
  if (!activity) return null;
  const ts = num(activity.get(ACTIVITY.timestamp));
  const local = num(activity.get(ACTIVITY.localTimestamp));
  if (ts === undefined || local === undefined || ts < FIT_MIN_ABSOLUTE_TIME) return null;
  const offset = local - ts;
  if (Math.abs(offset) > 14 * 3600) return null;
  if (offset % 900 !== 0) return null;
  return offset;
}

function sportOf(g: Group, index: number, f: Fields): { sport?: number; sub?: number } {
  let sport = num(f.get(SESSION.sport));
  let sub = num(f.get(SESSION.subSport));
  if (sport === undefined) {
    // Some writers put the sport only in sport messages (one per session, in order) or laps.
    const sm = g.sports[index] ?? (g.sports.length === 1 ? g.sports[0] : undefined);
    if (sm) {
      sport = num(sm.get(SPORT.sport));
      sub = sub ?? num(sm.get(SPORT.subSport));
    }
  }
  if (sport === undefined && g.sessions.length === 1) {
    const lap = g.laps.find((l) => num(l.get(LAP.sport)) !== undefined);
    if (lap) {
      sport = num(lap.get(LAP.sport));
      sub = sub ?? num(lap.get(LAP.subSport));
    }
  }
  return { sport, sub };
}

function profileName(g: Group, index: number, f: Fields): string | undefined {
  const sm = g.sports[index] ?? (g.sports.length === 1 ? g.sports[0] : undefined);
  return str(f.get(SESSION.sportProfileName)) ?? (sm ? str(sm.get(SPORT.name)) : undefined);
}

function nameFor(sport: SessionSummary['sport'], profile: string | undefined, fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return profile ? (base ? `${profile} (${base})` : profile) : defaultName(sport, fileName);
}

/**
 * Hip Check's sport and the file's own label. A file that names no sport anywhere (no session,
 * sport message or lap says one) gets one from its name as GPX and TCX files do, else none: an
 * empty label, and the runner is asked for the sport ("needs a sport", import-stream.ts).
 */
function sportAndLabel(
  sport: number | undefined,
  sub: number | undefined,
  fileName: string,
): { sport: SessionSummary['sport']; label: string } {
  if (sport !== undefined) return { sport: sportFromFit(sport, sub), label: fitSportLabel(sport, sub) };
  const inferred = inferSport([fileName]);
  return inferred === null ? { sport: 'other', label: '' } : { sport: normalizeSport(inferred), label: inferred };
}

interface GroupOutcome {
  summaries: SessionSummary[];
  refusal?: Problem;
}

/**
 * Turns FIT times of one file into instants. Absolute times are UTC. Relative times (clock
 * never set: seconds since power-on) become local wall-clock times through the activity
 * message's local_timestamp, then instants in the caller's time zone.
 */
class Clock {
  usedWall = false;
  constructor(
    private readonly g: Group,
    private readonly timeZone: string,
  ) {}

  ms(v: FitValue | undefined): number | undefined {
    const t = num(v);
    if (t === undefined || t < 0) return undefined;
    if (t >= FIT_MIN_ABSOLUTE_TIME) return (t + FIT_EPOCH_S) * 1000;
    if (this.g.relToWall === null) return undefined;
    this.usedWall = true;
    return wallClockToUtc((t + this.g.relToWall + FIT_EPOCH_S) * 1000, this.timeZone);
  }

  /** The local date of a relative time, known exactly from the wall clock. */
  wallDate(v: FitValue | undefined): string | undefined {
    const t = num(v);
    if (t === undefined || t < 0 || t >= FIT_MIN_ABSOLUTE_TIME || this.g.relToWall === null) return undefined;
    return dateOfWallClock((t + this.g.relToWall + FIT_EPOCH_S) * 1000);
  }

  /** First and last track point times, absolute if any, else relative. */
  recordSpan(): { first: number; last: number } | null {
    const r = this.g.rec;
    if (r.firstTs >= 0) return { first: this.g.cut?.afterTs ?? r.firstTs, last: r.lastTs };
    if (r.firstRel >= 0 && this.g.relToWall !== null) return { first: r.firstRel, last: r.lastRel };
    return null;
  }
}

/** How far a session's start may lie from its track points before the points are believed instead. */
const SESSION_RECORD_SLACK_MS = 3 * 3600 * 1000;

function summarizeSessions(
  g: Group,
  bytes: Uint8Array,
  ctx: FitReadContext,
  clock: Clock,
  warnings: Problem[],
): GroupOutcome {
  const out: SessionSummary[] = [];
  let transitions = 0;
  let refusal: Problem | undefined;
  const single = g.sessions.length === 1;
  const span = clock.recordSpan();
  // The session's own average; without one, a lone session's track points tell it.
  const strides = (f: Fields) => () => {
    const own = fitCadence(f.get(SESSION.avgCadence), f.get(SESSION.avgFractionalCadence));
    return own !== undefined && own > 0 ? own : single ? recordCadence(bytes, g) : undefined;
  };
  g.sessions.forEach((f, i) => {
    const { sport, sub } = sportOf(g, i, f);
    if (sport === FIT_SPORT_TRANSITION) {
      transitions++;
      return;
    }
    const elapsedRaw = num(f.get(SESSION.totalElapsedTime));
    const timerRaw = num(f.get(SESSION.totalTimerTime));
    const distRaw = num(f.get(SESSION.totalDistance));
    let elapsedS = elapsedRaw !== undefined ? elapsedRaw / 1000 : null;
    const movingS = timerRaw !== undefined ? timerRaw / 1000 : null;
    const endMs = clock.ms(f.get(SESSION.timestamp));
    let startMs = clock.ms(f.get(SESSION.startTime));
    let localDate = clock.wallDate(f.get(SESSION.startTime));
    if (startMs === undefined && endMs !== undefined && elapsedS !== null) startMs = endMs - elapsedS * 1000;
    if (startMs === undefined && (single || i === 0)) {
      if (span) {
        startMs = clock.ms(span.first);
        localDate = clock.wallDate(span.first);
      } else if (g.timeCreated !== null) startMs = g.timeCreated;
      if (startMs !== undefined) warnings.push(problem('fit_start_from_first_point'));
      if (span && g.cut) warnings.push(staleLeadWarning(g.cut));
    }
    if (startMs === undefined) {
      refusal ??= problem('fit_session_no_start');
      return;
    }
    // A session whose start lies hours or weeks away from its own track points (a clock set
    // late, a watch left on): the points were recorded when the run happened, so they win.
    const recFirst = single && span ? clock.ms(span.first) : undefined;
    const recLast = single && span ? clock.ms(span.last) : undefined;
    if (
      recFirst !== undefined &&
      recLast !== undefined &&
      (startMs < recFirst - SESSION_RECORD_SLACK_MS || startMs > recLast + SESSION_RECORD_SLACK_MS)
    ) {
      // A session that starts with the stale points left out of the track (track-summary.ts).
      const stale = g.cut !== null && startsInStaleLead(startMs, g.cut);
      warnings.push(
        stale
          ? staleLeadWarning(g.cut!)
          : problem('fit_session_far_from_records', isoSecond(startMs), isoSecond(recFirst)),
      );
      startMs = recFirst;
      localDate = clock.wallDate(span!.first);
      elapsedS = (recLast - recFirst) / 1000;
      const { sport: s, label } = sportAndLabel(sport, sub, ctx.fileName);
      const distanceM = distRaw !== undefined ? distRaw / 100 : null;
      out.push({
        startMs,
        sport: s,
        sportLabel: label,
        distanceM,
        movingS: movingS !== null && movingS <= elapsedS + 2 ? movingS : null,
        elapsedS,
        ...cadenceOf(s, strides(f)),
        name: nameFor(s, profileName(g, i, f), ctx.fileName),
        ...(localDate ? { localDate } : {}),
      });
      return;
    }
    // Some writers put a wrong elapsed time (shorter than the timer time): the session's own
    // end, or for a one-session file its last track point, tells the real one.
    const spans: number[] = [];
    if (endMs !== undefined) spans.push((endMs - startMs) / 1000);
    if (single && span) {
      const last = clock.ms(span.last);
      if (last !== undefined) spans.push((last - startMs) / 1000);
    }
    const bestSpan = spans.length > 0 ? Math.max(...spans) : null;
    if (
      movingS !== null &&
      elapsedS !== null &&
      elapsedS < movingS - 2 &&
      bestSpan !== null &&
      bestSpan >= movingS - 2
    ) {
      warnings.push(
        problem('fit_elapsed_below_timer', Math.round(elapsedS), Math.round(movingS), Math.round(bestSpan)),
      );
      elapsedS = bestSpan;
    }
    if (elapsedS === null && bestSpan !== null && bestSpan >= 0) elapsedS = bestSpan;
    let distanceM = distRaw !== undefined ? distRaw / 100 : null;
    if (distanceM === null && single && g.rec.lastDist > 0)
      distanceM = (g.rec.lastDist - Math.max(0, g.rec.firstDist)) / 100;
    const { sport: s, label } = sportAndLabel(sport, sub, ctx.fileName);
    out.push({
      startMs,
      sport: s,
      sportLabel: label,
      distanceM,
      movingS,
      elapsedS,
      ...cadenceOf(s, strides(f)),
      name: nameFor(s, profileName(g, i, f), ctx.fileName),
      ...(localDate ? { localDate } : {}),
    });
  });
  if (transitions > 0) warnings.push(problem('fit_transitions', transitions));
  return { summaries: out, refusal };
}

/** The latest end of the laps, in FIT seconds, or -1. */
function lapsEnd(g: Group): number {
  let end = -1;
  for (const lap of g.laps) {
    const en = num(lap.get(LAP.timestamp));
    const st = num(lap.get(LAP.startTime));
    const el = num(lap.get(LAP.totalElapsedTime));
    if (en !== undefined) end = Math.max(end, en);
    else if (st !== undefined && el !== undefined) end = Math.max(end, st + el / 1000);
  }
  return end;
}

/** True when the track goes on well after the last lap (the file was cut before its laps). */
function recordsOutrunLaps(g: Group): boolean {
  const end = lapsEnd(g);
  const last = g.rec.lastTs >= 0 ? g.rec.lastTs : g.rec.lastRel;
  return last >= 0 && (end < 0 || last - end > 60);
}

function summarizeLaps(
  g: Group,
  bytes: Uint8Array,
  ctx: FitReadContext,
  clock: Clock,
  warnings: Problem[],
): GroupOutcome {
  // Consecutive laps of the same sport make one session.
  const runs: Fields[][] = [];
  for (const lap of g.laps) {
    const last = runs[runs.length - 1];
    if (last && num(last[0]!.get(LAP.sport)) === num(lap.get(LAP.sport))) last.push(lap);
    else runs.push([lap]);
  }
  const out: SessionSummary[] = [];
  for (const laps of runs) {
    let sport = num(laps[0]!.get(LAP.sport));
    let sub = num(laps[0]!.get(LAP.subSport));
    if (sport === undefined && g.sports.length > 0) {
      sport = num(g.sports[0]!.get(SPORT.sport));
      sub = sub ?? num(g.sports[0]!.get(SPORT.subSport));
    }
    if (sport === FIT_SPORT_TRANSITION) continue;
    let startMs: number | undefined;
    let startRaw: FitValue | undefined;
    let endMs: number | undefined;
    let dist = 0;
    let hasDist = false;
    let timer = 0;
    let hasTimer = false;
    let elapsedSum = 0;
    for (const lap of laps) {
      const st = clock.ms(lap.get(LAP.startTime));
      if (st !== undefined && (startMs === undefined || st < startMs)) {
        startMs = st;
        startRaw = lap.get(LAP.startTime);
      }
      const en = clock.ms(lap.get(LAP.timestamp));
      if (en !== undefined && (endMs === undefined || en > endMs)) endMs = en;
      const d = num(lap.get(LAP.totalDistance));
      if (d !== undefined) {
        dist += d / 100;
        hasDist = true;
      }
      const t = num(lap.get(LAP.totalTimerTime));
      if (t !== undefined) {
        timer += t / 1000;
        hasTimer = true;
      }
      elapsedSum += (num(lap.get(LAP.totalElapsedTime)) ?? 0) / 1000;
    }
    if (startMs === undefined) continue;
    const { sport: s, label } = sportAndLabel(sport, sub, ctx.fileName);
    const localDate = clock.wallDate(startRaw);
    out.push({
      startMs,
      sport: s,
      sportLabel: label,
      distanceM: hasDist ? dist : null,
      movingS: hasTimer ? timer : null,
      elapsedS: endMs !== undefined && endMs >= startMs ? (endMs - startMs) / 1000 : elapsedSum || null,
      // The track points are one activity's only when the laps are of one sport.
      ...cadenceOf(s, () => (runs.length === 1 ? recordCadence(bytes, g) : undefined)),
      name: nameFor(s, g.sports[0] ? str(g.sports[0].get(SPORT.name)) : undefined, ctx.fileName),
      ...(localDate ? { localDate } : {}),
    });
  }
  if (out.length > 0) warnings.push(problem('fit_totals_from_laps'));
  return { summaries: out, refusal: out.length === 0 ? problem('fit_laps_no_start') : undefined };
}

/**
 * An activity from the track points alone: a file whose watch stopped before writing its
 * summary. Start and end from the points' times (a stale leading block left out), distance from
 * the distance field, a footpod's count or the positions, moving time from the timer events or,
 * without them, estimated from the points as for GPX.
 */
const WANTED_POSITIONS: FitWanted = new Map([
  [
    MSG.record,
    new Set([
      RECORD.timestamp,
      RECORD.distance,
      RECORD.compressedSpeedDistance,
      RECORD.positionLat,
      RECORD.positionLong,
    ]),
  ],
]);

/**
 * A group's track points read again with their positions, for a file whose points carry no
 * distance. The first reading leaves positions out: most files carry a distance, and two more
 * fields cost every point of every file (about 5 % of reading a 1 MB file).
 */
function withPositions(bytes: Uint8Array, g: Group): RecordStats {
  const again = newGroup();
  const { firstSeq, count } = g.rec;
  let seq = 0;
  decodeFit(bytes, WANTED_POSITIONS, (m) => {
    const i = seq++;
    if (i >= firstSeq && i < firstSeq + count) onRecord(again, m);
  });
  again.rec.firstSeq = firstSeq;
  return again.rec;
}

const WANTED_CADENCE: FitWanted = new Map([
  [MSG.record, new Set([RECORD.timestamp, RECORD.cadence, RECORD.fractionalCadence])],
]);

/**
 * The mean cadence (strides a minute) of a group's track points while the runner was stepping
 * (cadence above 0: standing still is not a slower cadence), stale leading points left out.
 * Read in a second pass like the positions, only for an activity on foot whose summary gives
 * none: most files have one, and the first reading stays as lean as it was.
 */
function recordCadence(bytes: Uint8Array, g: Group): number | undefined {
  const { firstSeq, count } = g.rec;
  if (count === 0) return undefined;
  const from = g.cut?.afterTs ?? -1;
  let seq = 0;
  let sum = 0;
  let n = 0;
  decodeFit(bytes, WANTED_CADENCE, (m) => {
    const i = seq++;
    if (i < firstSeq || i >= firstSeq + count) return;
    const ts = num(m.get(RECORD.timestamp));
    if (ts !== undefined && ts >= FIT_MIN_ABSOLUTE_TIME && ts < from) return;
    const c = fitCadence(m.get(RECORD.cadence), m.get(RECORD.fractionalCadence));
    if (c !== undefined && c > 0) {
      sum += c;
      n++;
    }
  });
  return n > 0 ? sum / n : undefined;
}

/** The stale leading block of a group's track points (track-summary.ts), or null. */
function staleCut(r: RecordStats): RecordGap | null {
  return r.firstTs >= 0 ? staleLeadGap(r.gaps, fitMs(r.lastTs), r.timed) : null;
}

function summarizeRecords(
  g: Group,
  bytes: Uint8Array,
  ctx: FitReadContext,
  clock: Clock,
  warnings: Problem[],
): GroupOutcome {
  if (g.rec.lastDist < 0 && g.rec.prevCompressed < 0) {
    g.rec = withPositions(bytes, g);
    g.cut = staleCut(g.rec);
  }
  const r = g.rec;
  const span = clock.recordSpan();
  const startMs = span ? clock.ms(span.first) : undefined;
  if (!span || startMs === undefined) return { summaries: [], refusal: problem('fit_records_no_time') };
  const cut = g.cut;
  const sm = g.sports[0];
  const lap = g.laps.find((l) => num(l.get(LAP.sport)) !== undefined);
  const sport = sm ? num(sm.get(SPORT.sport)) : lap ? num(lap.get(LAP.sport)) : undefined;
  const sub = sm ? num(sm.get(SPORT.subSport)) : lap ? num(lap.get(LAP.subSport)) : undefined;
  const { sport: s, label } = sportAndLabel(sport, sub, ctx.fileName);
  let distanceM: number | null = null;
  if (r.lastDist >= 0) distanceM = (r.lastDist - Math.max(0, cut?.dist ?? 0)) / 100;
  else if (r.prevCompressed >= 0) distanceM = r.compressedDist - (cut?.compressedDist ?? 0);
  else if (r.positions > 1) distanceM = r.pathM - (cut?.pathM ?? 0);
  // Without any distance the points cannot tell moving from standing.
  let movingS: number | null = distanceM !== null ? r.moving.seconds - (cut?.movingS ?? 0) : null;
  if (g.timerEvents > 0) {
    const total = timerSeconds(g, span.first, span.last);
    if (total > 0) movingS = total;
  }
  warnings.push(problem('fit_totals_from_records'));
  if (cut) warnings.push(staleLeadWarning(cut));
  const localDate = clock.wallDate(span.first);
  return {
    summaries: [
      {
        startMs,
        sport: s,
        sportLabel: label,
        distanceM,
        movingS,
        elapsedS: span.last - span.first,
        ...cadenceOf(s, () => recordCadence(bytes, g)),
        name: nameFor(s, sm ? str(sm.get(SPORT.name)) : undefined, ctx.fileName),
        ...(localDate ? { localDate } : {}),
      },
    ],
  };
}

/** Reads a FIT file (possibly several chained) into activities, or says why not. */
export function readFitActivities(bytes: Uint8Array, ctx: FitReadContext): ActivitiesRead | NotActivity | Refused {
  const groups: Group[] = [];
  let g = newGroup();
  groups.push(g);
  let records = 0;
  const report = decodeFit(bytes, WANTED, (m) => {
    if (m.global === MSG.fileId) {
      // A new file_id starts a new file (chained FIT); continuation parts of one recording
      // (multi-header files from some Forerunners) carry none.
      if (g.messages > 0 || g.fileType !== null) {
        g = newGroup();
        groups.push(g);
      }
      g.fileType = num(m.get(FILE_ID.type)) ?? null;
      g.timeCreated = fitTimeMs(m.get(FILE_ID.timeCreated)) ?? null;
      g.messages++;
      return;
    }
    g.messages++;
    switch (m.global) {
      case MSG.record:
        if (g.rec.count === 0) g.rec.firstSeq = records;
        records++;
        onRecord(g, m);
        break;
      case MSG.session:
        g.sessions.push(m.toMap());
        break;
      case MSG.lap:
        g.laps.push(m.toMap());
        break;
      case MSG.sport:
        g.sports.push(m.toMap());
        break;
      case MSG.event:
        onEvent(g, m);
        break;
      case MSG.activity:
        g.activity ??= m.toMap();
        break;
    }
  });

  const warnings = [...report.warnings];
  const activities: ActivityInput[] = [];
  const notActivityTypes: Problem[] = [];
  const refusals: Problem[] = [];
  const seen = new Set<string>();
  let duplicates = 0;

  for (const grp of groups) {
    if (grp.messages === 0) continue;
    if (grp.fileType !== null && grp.fileType !== FIT_FILE.activity) {
      notActivityTypes.push(fitFileTypeName(grp.fileType));
      continue;
    }
    // Devices whose clock was never set write times as seconds since power-on; the activity
    // message's local_timestamp (a real local time) then gives the wall clock.
    const actTs = num(grp.activity?.get(ACTIVITY.timestamp));
    const actLocal = num(grp.activity?.get(ACTIVITY.localTimestamp));
    if (
      actTs !== undefined &&
      actTs < FIT_MIN_ABSOLUTE_TIME &&
      actLocal !== undefined &&
      actLocal >= FIT_MIN_ABSOLUTE_TIME
    ) {
      grp.relToWall = actLocal - actTs;
    }
    grp.cut = staleCut(grp.rec);
    const clock = new Clock(grp, ctx.timeZone);
    let outcome: GroupOutcome;
    if (grp.sessions.length > 0) outcome = summarizeSessions(grp, bytes, ctx, clock, warnings);
    else if (grp.laps.length > 0 && !recordsOutrunLaps(grp)) outcome = summarizeLaps(grp, bytes, ctx, clock, warnings);
    else if (grp.rec.count > 0) outcome = summarizeRecords(grp, bytes, ctx, clock, warnings);
    else {
      outcome = {
        summaries: [],
        refusal: report.stoppedEarly ? problem('fit_truncated_nothing') : problem('fit_nothing'),
      };
    }
    if (outcome.refusal && outcome.summaries.length === 0) refusals.push(outcome.refusal);
    if (clock.usedWall) warnings.push(problem('fit_clock_not_set', ctx.timeZone));
    const offset = plausibleLocalOffset(grp.activity);
    // That offset is the one at the activity's end. Where the runner's zone showed it then, the
    // zone dates each start, right also when the clocks changed during the activity.
    const endS = num(grp.activity?.get(ACTIVITY.timestamp));
    const zoneAgrees =
      offset !== null &&
      endS !== undefined &&
      isValidTimeZone(ctx.timeZone) &&
      zoneOffsetMs((endS + FIT_EPOCH_S) * 1000, ctx.timeZone) === offset * 1000;
    for (const s of outcome.summaries) {
      if (offset !== null && !zoneAgrees && !s.localDate) s.localDate = dateOfWallClock(s.startMs + offset * 1000);
      const bad = checkSummary(s, ctx.nowMs, warnings, problem('subject_session'));
      if (bad) {
        refusals.push(bad);
        continue;
      }
      const a = toActivityInput(s, ctx.timeZone);
      if (seen.has(a.sourceId)) {
        duplicates++;
        continue;
      }
      seen.add(a.sourceId);
      activities.push(a);
    }
  }

  if (duplicates > 0) warnings.push(problem('fit_repeated_sessions', duplicates));
  if (activities.length > 0) {
    if (notActivityTypes.length > 0) warnings.push(problem('fit_also_holds', uniqueProblems(notActivityTypes)));
    if (refusals.length > 0) warnings.push(...refusals.map((r) => problem('skipped', r)));
    return { kind: 'activities', format: 'fit', activities, warnings };
  }
  if (notActivityTypes.length > 0 && refusals.length === 0) {
    return {
      kind: 'not-activity',
      format: 'fit',
      reason: problem('fit_not_activity', uniqueProblems(notActivityTypes)),
    };
  }
  if (refusals.length > 0) return { kind: 'refused', format: 'fit', reason: refusals[0]! };
  return {
    kind: 'refused',
    format: 'fit',
    reason: report.stoppedEarly ? problem('fit_truncated_nothing') : problem('file_no_activity'),
  };
}

/** Each problem once, in order of first appearance (a chained file may repeat a file type). */
function uniqueProblems(list: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const key = problemDebugText(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
