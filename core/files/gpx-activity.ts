import { normalizeSport } from '../sport';
import { cadenceSpm } from '../cadence';
import { problem } from '../problem-codes';
import type { Sport } from '../activity';
import { defaultName, type SessionSummary } from './summary';
import {
  addLeadGap,
  FileActivities,
  forgetLeadGapsAfter,
  GPS_GLITCH_STEP_M,
  isTrackJump,
  isLeadGap,
  isPosition,
  movingSeconds,
  staleLeadGap,
  staleLeadWarning,
  TrackSteps,
  type LeadGap,
} from './track-summary';
import type { ActivitiesRead, Refused } from './types';
import { inferSport } from './sport-inference';
import { attr, decodeXmlBytes, scanXmlElements, type XmlElementReader } from './xml-scanner';
import { parseIsoTime } from '../time';

// GPX (Strava, Garmin Connect, phone apps): one activity per track. GPX has no totals, so the
// distance is the sum of great-circle steps between track points within each segment (gaps
// between segments are pauses, not distance), the elapsed time runs from the first to the last
// point, and the moving time is estimated from the points. A stale leading block of points,
// days before the rest, is left out (track-summary.ts). Cadence: the mean of the points' `cad`
// (Garmin's TrackPointExtension, under any prefix) or `cadence` (Cluetrust's gpxdata) above 0.

// Strava's GPX exports give the sport as its numeric activity type id. Seen in real files: 1
// (rides), 9 (runs, corpus), 16 (open-water swims, corpus), 17 (virtual rides, issue #10); the
// others follow the order of Strava's activity types, which these four fit.
export const STRAVA_GPX_TYPES: Record<string, string> = {
  '1': 'Ride',
  '2': 'AlpineSki',
  '3': 'BackcountrySki',
  '4': 'Hike',
  '5': 'IceSkate',
  '6': 'InlineSkate',
  '7': 'NordicSki',
  '8': 'RollerSki',
  '9': 'Run',
  '10': 'Walk',
  '11': 'Workout',
  '12': 'Snowboard',
  '13': 'Snowshoe',
  '14': 'Kitesurf',
  '15': 'Windsurf',
  '16': 'Swim',
  '17': 'VirtualRide',
  '18': 'EBikeRide',
  '19': 'Velomobile',
  '20': 'Canoeing',
  '21': 'Kayaking',
  '22': 'Rowing',
  '23': 'StandUpPaddling',
  '24': 'Surfing',
  '25': 'Crossfit',
  '26': 'Elliptical',
  '27': 'RockClimbing',
  '28': 'StairStepper',
  '29': 'WeightTraining',
  '30': 'Yoga',
  '31': 'Handcycle',
  '32': 'Wheelchair',
  '33': 'VirtualRun',
};

/** The elements whose text is read; only their end tags end it. */
const TEXT_ELEMENTS: ReadonlySet<string> = new Set([
  'time',
  'name',
  'type',
  'activity',
  'sport',
  'activitytype',
  'cad',
  'cadence',
]);

interface Track {
  name?: string;
  type?: string;
  distanceM: number;
  /** Steps left out of the distance as jumps faster than anyone moves (isTrackJump). */
  jumpM: number;
  firstMs: number;
  lastMs: number;
  offsetMin: number | null;
  movingS: number;
  points: number;
  timedPoints: number;
  /** Sum and count of the points' cadence above 0. */
  cadSum: number;
  cadN: number;
  /** Gaps of a day or more between points, with the totals up to the first point after each. */
  gaps: TrackGap[];
}

interface TrackGap extends LeadGap {
  distanceM: number;
  movingS: number;
  cadSum: number;
  cadN: number;
  offsetMin: number | null;
}

export interface GpxReadContext {
  fileName: string;
  timeZone: string;
  nowMs: number;
}

export function readGpxActivities(bytes: Uint8Array, ctx: GpxReadContext): ActivitiesRead | Refused {
  const xml = decodeXmlBytes(bytes);
  const tracks: Track[] = [];
  let track: Track | null = null;
  let metaName: string | undefined;
  let sawGpx = false;
  let creator: string | undefined;
  /** Words about the sport found outside a track's <type>: extensions' activity elements. */
  const hints: string[] = [];
  let routes = 0;
  // Current point, and previous position and time in the segment.
  let lat = NaN;
  let lon = NaN;
  let time: number | null = null;
  let timeOffset: number | null = null;
  let cad = NaN;
  let inPoint = false;
  const steps = new TrackSteps();
  let prevTime: number | null = null;
  /** The time of the last point with a position: a jump's speed is measured from it. */
  let prevPosTime: number | null = null;

  const reader: XmlElementReader<'time' | 'name' | 'type' | 'meta-name' | 'hint' | 'cad'> = {
    open(name, parent, attrs, selfClosing) {
      switch (name) {
        case 'gpx':
          sawGpx = true;
          creator = attr(attrs, 'creator');
          break;
        case 'trk':
          track = {
            distanceM: 0,
            jumpM: 0,
            firstMs: Infinity,
            lastMs: -Infinity,
            offsetMin: null,
            movingS: 0,
            points: 0,
            timedPoints: 0,
            cadSum: 0,
            cadN: 0,
            gaps: [],
          };
          tracks.push(track);
          break;
        case 'rte':
          routes++;
          break;
        case 'trkseg':
          steps.restart();
          prevTime = null;
          prevPosTime = null;
          break;
        case 'trkpt':
          lat = Number(attr(attrs, 'lat'));
          lon = Number(attr(attrs, 'lon'));
          time = null;
          cad = NaN;
          inPoint = !selfClosing;
          if (selfClosing) endPoint();
          break;
        case 'cad':
        case 'cadence':
          // Inside the point's extensions, at whatever depth its writer put it.
          if (inPoint) return 'cad';
          break;
        case 'time':
          if (parent === 'trkpt') return 'time';
          break;
        case 'name':
          if (parent === 'trk') return 'name';
          if (parent === 'metadata') return 'meta-name';
          break;
        case 'type':
          if (parent === 'trk') return 'type';
          return 'hint';
        case 'activity':
        case 'sport':
        case 'activitytype':
          return 'hint';
      }
    },
    text(key, v) {
      const t: Track | null = track;
      if (key === 'time') {
        const p = parseIsoTime(v);
        if (p) {
          time = p.ms;
          timeOffset = p.offsetMin;
          if (t?.timedPoints === 0) t.offsetMin = p.offsetMin;
        }
      } else if (key === 'name' && t) t.name = v || undefined;
      else if (key === 'type' && t) t.type = v || undefined;
      else if (key === 'cad') cad = v === '' ? NaN : Number(v);
      else if (key === 'meta-name') metaName = v || undefined;
      else if (key === 'hint' && v && hints.length < 8) hints.push(v.slice(0, 100));
    },
    close(name) {
      if (name === 'trkpt') {
        inPoint = false;
        endPoint();
      } else if (name === 'trk') track = null;
    },
  };

  function endPoint() {
    const t: Track | null = track;
    if (!t) return;
    if (!isPosition(lat, lon) && time === null) return;
    t.points++;
    const step = steps.next(lat, lon);
    const dtS = time !== null && prevPosTime !== null ? (time - prevPosTime) / 1000 : null;
    if (time !== null && isPosition(lat, lon)) prevPosTime = time;
    if (!isTrackJump(step, dtS)) t.distanceM += step;
    else if (step < GPS_GLITCH_STEP_M) t.jumpM += step;
    if (time !== null) {
      if (prevTime !== null) t.movingS += movingSeconds((time - prevTime) / 1000, step);
      // Across segments too: a stale block may be a segment of its own.
      if (t.timedPoints > 0 && isLeadGap(time - t.lastMs)) {
        addLeadGap(t.gaps, {
          firstMs: t.firstMs,
          beforeMs: t.lastMs,
          afterMs: time,
          pointsBefore: t.timedPoints,
          distanceM: t.distanceM,
          movingS: t.movingS,
          cadSum: t.cadSum,
          cadN: t.cadN,
          offsetMin: timeOffset,
        });
      } else if (time < t.lastMs && t.gaps.length > 0) forgetLeadGapsAfter(t.gaps, time);
      t.timedPoints++;
      if (time < t.firstMs) t.firstMs = time;
      if (time > t.lastMs) t.lastMs = time;
    }
    // The latest time so far: a point stepping back in time never makes the same interval count twice.
    if (time !== null) prevTime = prevTime === null ? time : Math.max(prevTime, time);
    // After the gap's totals were taken: this point's cadence is not the stale block's.
    if (cad > 0 && Number.isFinite(cad)) {
      t.cadSum += cad;
      t.cadN++;
    }
  }

  // A text ends only at the end tag of a text element: markup inside it (<name>A <b>B</b></name>) stays text.
  scanXmlElements(xml, reader, TEXT_ELEMENTS);

  if (!sawGpx) return { kind: 'refused', format: 'gpx', reason: problem('gpx_damaged') };
  const usable = tracks.filter((t) => t.timedPoints > 0);
  const dropped: TrackGap[] = [];
  for (const t of usable) {
    const cut = staleLeadGap(t.gaps, t.lastMs, t.timedPoints);
    if (!cut) continue;
    dropped.push(cut);
    t.firstMs = cut.afterMs;
    t.offsetMin = cut.offsetMin;
    t.distanceM -= cut.distanceM;
    t.movingS -= cut.movingS;
    t.cadSum -= cut.cadSum;
    t.cadN -= cut.cadN;
    t.points -= cut.pointsBefore;
    t.timedPoints -= cut.pointsBefore;
  }
  if (usable.length === 0) {
    if (tracks.some((t) => t.points > 0) || routes > 0) {
      return {
        kind: 'refused',
        format: 'gpx',
        reason: problem('gpx_route'),
      };
    }
    return { kind: 'refused', format: 'gpx', reason: problem('gpx_no_points') };
  }

  // Consecutive tracks of the same type less than 30 minutes apart are one activity split at
  // pauses (some apps start a new track on every pause).
  const merged: Track[] = [];
  for (const t of usable.sort((a, b) => a.firstMs - b.firstMs)) {
    const last = merged[merged.length - 1];
    if (last && last.type === t.type && t.firstMs - last.lastMs < 30 * 60_000 && t.firstMs >= last.lastMs) {
      last.distanceM += t.distanceM;
      last.jumpM += t.jumpM;
      last.movingS += t.movingS;
      last.cadSum += t.cadSum;
      last.cadN += t.cadN;
      last.lastMs = t.lastMs;
      last.points += t.points;
      last.timedPoints += t.timedPoints;
    } else merged.push({ ...t });
  }

  const out = new FileActivities('gpx', ctx);
  out.warnings.push(...dropped.map(staleLeadWarning));
  for (const t of merged) {
    const inferred = t.type ? null : inferSport([...hints, t.name, metaName, creator, ctx.fileName]);
    const label = t.type ? (STRAVA_GPX_TYPES[t.type] ?? t.type) : (inferred ?? '');
    const sport: Sport = normalizeSport(label);
    if (!t.type && !inferred) out.warnings.push(problem('gpx_no_sport'));
    // cad is a pedalling field reused for runs: its unit is 'cycles' (core/cadence.ts).
    const spm = cadenceSpm(t.cadN > 0 ? t.cadSum / t.cadN : null, 'cycles', sport);
    const s: SessionSummary = {
      startMs: t.firstMs,
      sport,
      sportLabel: t.type ?? inferred ?? '',
      distanceM: t.distanceM,
      ...(t.jumpM > 0 ? { jumpM: t.jumpM } : {}),
      movingS: t.timedPoints > 1 ? t.movingS : null,
      elapsedS: (t.lastMs - t.firstMs) / 1000,
      ...(spm !== undefined ? { cadenceSpm: spm } : {}),
      name: t.name ?? metaName ?? defaultName(sport, ctx.fileName),
    };
    out.add(s, t.offsetMin, problem('subject_track'));
  }
  if (out.activities.some((a) => a.movingS !== null)) out.warnings.push(problem('gpx_moving_estimated'));
  return out.result(problem('gpx_no_activity'));
}
