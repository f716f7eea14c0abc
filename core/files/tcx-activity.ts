import { normalizeSport } from '../sport';
import { cadenceSpm, type CadenceUnit } from '../cadence';
import { problem } from '../problem-codes';
import { defaultName, type SessionSummary } from './summary';
import { inferSport } from './sport-inference';
import {
  addLeadGap,
  FileActivities,
  forgetLeadGapsAfter,
  GPS_GLITCH_STEP_M,
  isPosition,
  isTrackJump,
  isLeadGap,
  staleLeadGap,
  staleLeadWarning,
  startsInStaleLead,
  TrackSteps,
  type LeadGap,
} from './track-summary';
import type { ActivitiesRead, Refused } from './types';
import { attr, decodeXmlBytes, scanXmlElements, type XmlElementReader } from './xml-scanner';
import { parseIsoTime, type ParsedTime } from '../time';

// TCX (Garmin Connect, Strava, Polar): one activity per <Activity>. Totals come from the laps
// (TotalTimeSeconds is timer time, DistanceMeters the lap's distance), as Garmin writes them;
// track points fill in what laps lack (elapsed time, distance of lap-less files). An activity
// whose start lies with a stale leading block of points, days before the rest, starts after it
// (track-summary.ts). Cadence: the laps' AvgRunCadence (Garmin's extension) weighted by their
// time, else the mean of the points' RunCadence, else of their <Cadence>, else the laps'
// <Cadence> (Polar writes a run's strides there); points at cadence 0 were standing still.

interface Lap {
  start: ParsedTime | null;
  totalS: number | null;
  distanceM: number | null;
  /** LX AvgRunCadence and the lap's own <Cadence>. */
  runCadence: number | null;
  cadence: number | null;
}

/** A sum and a count, for a mean of the points' cadence. */
interface Mean {
  sum: number;
  n: number;
}

interface Act {
  sport: string;
  id: ParsedTime | null;
  laps: Lap[];
  firstPoint: ParsedTime | null;
  lastPointMs: number;
  maxPointDist: number;
  pathM: number;
  /** Steps left out of pathM as jumps faster than anyone moves (isTrackJump). */
  jumpM: number;
  /** The time of the last point with a position: a jump's speed is measured from it. */
  lastPosMs: number | null;
  steps: TrackSteps;
  points: number;
  timedPoints: number;
  /** Gaps of a day or more between points, each with the time (and offset) of the point after it. */
  gaps: (LeadGap & { after: ParsedTime })[];
  /** The points' TPX RunCadence and <Cadence> above 0. */
  runCadence: Mean;
  cadence: Mean;
}

/** The laps' cadence weighted by their time (equally when none has a time), or null. */
function lapCadence(laps: readonly Lap[], of: (l: Lap) => number | null): number | null {
  const withIt = laps.filter((l) => (of(l) ?? 0) > 0);
  if (withIt.length === 0) return null;
  const timed = withIt.every((l) => (l.totalS ?? 0) > 0);
  const weight = (l: Lap) => (timed ? l.totalS! : 1);
  const total = withIt.reduce((s, l) => s + weight(l), 0);
  return withIt.reduce((s, l) => s + of(l)! * weight(l), 0) / total;
}

const mean = (m: Mean): number | null => (m.n > 0 ? m.sum / m.n : null);

/** An activity's cadence and its unit, by the first source that has one (see the header). */
function activityCadence(a: Act): { value: number | null; unit: CadenceUnit } {
  const lx = lapCadence(a.laps, (l) => l.runCadence);
  if (lx !== null) return { value: lx, unit: 'strides' };
  const tpx = mean(a.runCadence);
  if (tpx !== null) return { value: tpx, unit: 'strides' };
  return { value: mean(a.cadence) ?? lapCadence(a.laps, (l) => l.cadence), unit: 'cycles' };
}

export interface TcxReadContext {
  fileName: string;
  timeZone: string;
  nowMs: number;
}

export function readTcxActivities(bytes: Uint8Array, ctx: TcxReadContext): ActivitiesRead | Refused {
  const xml = decodeXmlBytes(bytes);
  const acts: Act[] = [];
  let act: Act | null = null;
  let lap: Lap | null = null;
  let sawRoot = false;
  let courses = 0;
  let ptTime: ParsedTime | null = null;
  let ptLat = NaN;
  let ptLon = NaN;
  let ptDist = NaN;
  let ptRunCad = NaN;
  let ptCad = NaN;
  /** Words about the sport outside the Sport attribute: notes, creator and author names, extensions. */
  const hints: string[] = [];

  const reader: XmlElementReader<
    | 'Id'
    | 'LapTime'
    | 'LapDist'
    | 'PtDist'
    | 'PtTime'
    | 'Lat'
    | 'Lon'
    | 'Hint'
    | 'LapRunCad'
    | 'LapCad'
    | 'PtRunCad'
    | 'PtCad'
  > = {
    open(name, parent, attrs) {
      switch (name) {
        case 'TrainingCenterDatabase':
          sawRoot = true;
          break;
        case 'Course':
          courses++;
          break;
        case 'Activity':
          act = {
            sport: attr(attrs, 'Sport') ?? '',
            id: null,
            laps: [],
            firstPoint: null,
            lastPointMs: -Infinity,
            maxPointDist: -1,
            pathM: 0,
            jumpM: 0,
            lastPosMs: null,
            steps: new TrackSteps(),
            points: 0,
            timedPoints: 0,
            gaps: [],
            runCadence: { sum: 0, n: 0 },
            cadence: { sum: 0, n: 0 },
          };
          acts.push(act);
          break;
        case 'Lap':
          if (act) {
            const st = attr(attrs, 'StartTime');
            lap = {
              start: st ? parseIsoTime(st) : null,
              totalS: null,
              distanceM: null,
              runCadence: null,
              cadence: null,
            };
            act.laps.push(lap);
          }
          break;
        case 'Trackpoint':
          ptTime = null;
          ptLat = ptLon = ptDist = ptRunCad = ptCad = NaN;
          break;
        case 'AvgRunCadence':
          if (parent === 'LX') return 'LapRunCad';
          break;
        case 'RunCadence':
          if (parent === 'TPX') return 'PtRunCad';
          break;
        case 'Cadence':
          if (parent === 'Trackpoint') return 'PtCad';
          if (parent === 'Lap') return 'LapCad';
          break;
        case 'Id':
          if (parent === 'Activity') return 'Id';
          break;
        case 'TotalTimeSeconds':
          if (parent === 'Lap') return 'LapTime';
          break;
        case 'DistanceMeters':
          if (parent === 'Lap') return 'LapDist';
          if (parent === 'Trackpoint') return 'PtDist';
          break;
        case 'Time':
          if (parent === 'Trackpoint') return 'PtTime';
          break;
        case 'LatitudeDegrees':
          if (parent === 'Position') return 'Lat';
          break;
        case 'LongitudeDegrees':
          if (parent === 'Position') return 'Lon';
          break;
        case 'Notes':
          if (parent === 'Activity' || parent === 'Lap') return 'Hint';
          break;
        case 'Name':
          if (parent === 'Creator' || parent === 'Author') return 'Hint';
          break;
        case 'ActivityType':
        case 'Type':
          return 'Hint';
      }
    },
    text(key, v) {
      const a: Act | null = act;
      const l: Lap | null = lap;
      switch (key) {
        case 'Id':
          if (a) a.id = parseIsoTime(v);
          break;
        case 'Hint':
          if (v && hints.length < 8) hints.push(v.slice(0, 100));
          break;
        case 'LapTime':
          if (l && v !== '' && Number.isFinite(Number(v))) l.totalS = Number(v);
          break;
        case 'LapDist':
          if (l && v !== '' && Number.isFinite(Number(v))) l.distanceM = Number(v);
          break;
        case 'PtTime':
          ptTime = parseIsoTime(v);
          break;
        case 'LapRunCad':
          if (l && v !== '' && Number.isFinite(Number(v))) l.runCadence = Number(v);
          break;
        case 'LapCad':
          if (l && v !== '' && Number.isFinite(Number(v))) l.cadence = Number(v);
          break;
        case 'PtRunCad':
          ptRunCad = v === '' ? NaN : Number(v);
          break;
        case 'PtCad':
          ptCad = v === '' ? NaN : Number(v);
          break;
        case 'PtDist':
          ptDist = v === '' ? NaN : Number(v);
          break;
        case 'Lat':
          ptLat = v === '' ? NaN : Number(v);
          break;
        case 'Lon':
          ptLon = v === '' ? NaN : Number(v);
          break;
      }
    },
    close(name) {
      if (name === 'Trackpoint') endPoint();
      else if (name === 'Lap') lap = null;
      else if (name === 'Activity') act = null;
    },
  };

  function endPoint() {
    const a: Act | null = act;
    if (!a) return;
    a.points++;
    const t: ParsedTime | null = ptTime;
    if (t) {
      if (a.firstPoint && isLeadGap(t.ms - a.lastPointMs)) {
        const before = { firstMs: a.firstPoint.ms, beforeMs: a.lastPointMs, pointsBefore: a.timedPoints };
        addLeadGap(a.gaps, { ...before, afterMs: t.ms, after: t });
      } else if (t.ms < a.lastPointMs && a.gaps.length > 0) forgetLeadGapsAfter(a.gaps, t.ms);
      a.timedPoints++;
      if (!a.firstPoint || t.ms < a.firstPoint.ms) a.firstPoint = t;
      if (t.ms > a.lastPointMs) a.lastPointMs = t.ms;
    }
    if (Number.isFinite(ptDist) && ptDist > a.maxPointDist) a.maxPointDist = ptDist;
    if (ptRunCad > 0 && Number.isFinite(ptRunCad)) {
      a.runCadence.sum += ptRunCad;
      a.runCadence.n++;
    }
    if (ptCad > 0 && Number.isFinite(ptCad)) {
      a.cadence.sum += ptCad;
      a.cadence.n++;
    }
    const step = a.steps.next(ptLat, ptLon);
    const dtS = t && a.lastPosMs !== null ? (t.ms - a.lastPosMs) / 1000 : null;
    if (t && isPosition(ptLat, ptLon)) a.lastPosMs = t.ms;
    if (!isTrackJump(step, dtS)) a.pathM += step;
    else if (step < GPS_GLITCH_STEP_M) a.jumpM += step;
  }

  // Any end tag ends a text.
  scanXmlElements(xml, reader);

  if (!sawRoot)
    return {
      kind: 'refused',
      format: 'tcx',
      reason: problem('tcx_damaged'),
    };
  if (acts.length === 0) {
    return {
      kind: 'refused',
      format: 'tcx',
      reason: problem(courses > 0 ? 'tcx_course' : 'tcx_no_activity'),
    };
  }

  const out = new FileActivities('tcx', ctx);
  for (const a of acts) {
    const firstLap = a.laps.find((l) => l.start)?.start ?? null;
    let start = a.id ?? firstLap ?? a.firstPoint;
    if (!start) {
      out.skip(problem('tcx_activity_no_start'));
      continue;
    }
    const cut = staleLeadGap(a.gaps, a.lastPointMs, a.timedPoints);
    if (cut && startsInStaleLead(start.ms, cut)) {
      out.warnings.push(staleLeadWarning(cut));
      start = cut.after;
    }
    let lapDist = 0;
    let hasLapDist = false;
    let lapTime = 0;
    let hasLapTime = false;
    let lapEnd = -Infinity;
    for (const l of a.laps) {
      if (l.distanceM !== null) {
        lapDist += l.distanceM;
        hasLapDist = true;
      }
      if (l.totalS !== null) {
        lapTime += l.totalS;
        hasLapTime = true;
        if (l.start) lapEnd = Math.max(lapEnd, l.start.ms + l.totalS * 1000);
      }
    }
    const endMs = Math.max(lapEnd, a.lastPointMs);
    const distanceM = hasLapDist ? lapDist : a.maxPointDist >= 0 ? a.maxPointDist : a.points > 1 ? a.pathM : null;
    // Jumps matter only when the distance is the points' own path.
    const fromPath = !hasLapDist && a.maxPointDist < 0 && a.points > 1;
    // Sport is required by the schema, yet some apps leave it out or write "Other" for anything.
    const said = a.sport.trim();
    const inferred = said === '' || /^other$/i.test(said) ? inferSport([...hints, ctx.fileName]) : null;
    const label = inferred ?? said;
    if (label === '') out.warnings.push(problem('tcx_no_sport'));
    const sport = normalizeSport(label);
    const cadence = activityCadence(a);
    const spm = cadenceSpm(cadence.value, cadence.unit, sport);
    const s: SessionSummary = {
      startMs: start.ms,
      sport,
      sportLabel: label,
      distanceM,
      ...(fromPath && a.jumpM > 0 ? { jumpM: a.jumpM } : {}),
      movingS: hasLapTime ? lapTime : null,
      elapsedS: Number.isFinite(endMs) && endMs >= start.ms ? (endMs - start.ms) / 1000 : null,
      ...(spm !== undefined ? { cadenceSpm: spm } : {}),
      name: defaultName(sport, ctx.fileName),
    };
    out.add(s, start.offsetMin, problem('subject_activity'));
  }
  return out.result(problem('tcx_no_activity'));
}
