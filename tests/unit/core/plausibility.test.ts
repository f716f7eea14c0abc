import { describe, expect, it } from 'vitest';
import {
  checkChangeTime,
  checkDay,
  checkPace,
  latestToday,
  LIMITS,
  maxDatedRecords,
  MAX_AVERAGE_SPEED_MS,
} from '../../../core/plausibility';
import { problem } from '../../../core/problem-codes';
import { isTrackJump } from '../../../core/files/track-summary';
import { readGpxActivities } from '../../../core/files/gpx-activity';
import { readTcxActivities } from '../../../core/files/tcx-activity';
import type { Sport } from '../../../core/activity';

// The checkpoint every way in shares (issue #24): dates 1980..today, change times up to now plus
// the clock slack, a pace per sport, counts bounded.

const NOW = Date.parse('2026-11-25T12:00:00Z');
const TODAY = '2026-11-25';

describe('a day', () => {
  it.each([
    ['1980-01-01', null],
    ['2000-02-29', null],
    [TODAY, null],
    ['1979-12-31', problem('day_before_1980', '1979-12-31')],
    ['0100-01-01', problem('day_before_1980', '0100-01-01')],
    ['2026-11-26', problem('day_in_future', '2026-11-26')],
    ['2099-01-01', problem('day_in_future', '2099-01-01')],
    ['9999-12-31', problem('day_in_future', '9999-12-31')],
    ['2026-02-30', problem('day_invalid', '"2026-02-30"')],
    [20261125, problem('day_invalid', '20261125')],
  ])('%s', (date, expected) => {
    expect(checkDay(date, TODAY)).toEqual(expected);
  });

  it('today somewhere on earth: UTC+14 is a day ahead from 10:00 UTC on', () => {
    expect(latestToday(Date.parse('2026-11-25T09:59:59Z'))).toBe('2026-11-25');
    expect(latestToday(Date.parse('2026-11-25T10:00:00Z'))).toBe('2026-11-26');
    expect(latestToday(NOW)).toBe('2026-11-26');
  });

  it('at most one dated record a day since 1980', () => {
    expect(maxDatedRecords('1980-01-01')).toBe(1);
    expect(maxDatedRecords('1980-12-31')).toBe(366);
    expect(maxDatedRecords(TODAY)).toBe(17_131);
  });
});

describe('a change time', () => {
  it.each([
    ['now', NOW, null],
    ['one clock slack ahead', NOW + LIMITS.futureSlackMs, null],
    ['1980', LIMITS.earliestStartMs, null],
    ['past the slack', NOW + LIMITS.futureSlackMs + 1, problem('change_time_in_future', '2026-11-25T12:15:00.001Z')],
    ['in 2199', Date.parse('2199-01-01T00:00:00Z'), problem('change_time_in_future', '2199-01-01T00:00:00.000Z')],
    ['9e15', 9e15, problem('change_time_in_future', '9000000000000000')],
    ['0', 0, problem('change_time_before_1980', '1970-01-01T00:00:00.000Z')],
    ['NaN', Number.NaN, problem('change_time_invalid', 'null')],
    ['Infinity', Number.POSITIVE_INFINITY, problem('change_time_invalid', 'null')],
    ['a string', '1764072000000', problem('change_time_invalid', '"1764072000000"')],
  ])('%s', (_, ms, expected) => {
    expect(checkChangeTime(ms, NOW)).toEqual(expected);
  });
});

describe('a pace', () => {
  const MILE = 1609.344;
  it.each<[string, Sport, number | null, number | null, number | null, string | null]>([
    ['300 miles in a minute', 'run', 300 * MILE, 60, null, 'too_fast_running'],
    ['20 km in 60 s', 'trail_run', 20_000, 60, 60, 'too_fast_running'],
    ['a 2:00:35 marathon', 'run', 42_195, 7235, 7235, null],
    ['10 km in 50 minutes', 'run', 10_000, 3000, 3100, null],
    ['a walk at running speed, 5 km in 30 minutes', 'walk', 5000, 1800, 1800, null],
    ['a hike by car, 100 km in an hour', 'hike', 100_000, 3600, 3600, 'too_fast_walking'],
    ['a 180 km ride in 4 hours', 'ride', 180_000, 14_400, 15_000, null],
    ['a ride at 200 km/h', 'ride', 200_000, 3600, 3600, 'too_fast_cycling'],
    ['a 1500 m swim in 14:30', 'swim', 1500, 870, 870, null],
    ['10 km swum in 10 minutes', 'swim', 10_000, 600, 600, 'too_fast_swimming'],
    ['a flight logged as "other"', 'other', 900_000, 3600, 3600, 'too_fast_other'],
    ['strength with a distance', 'strength', 900_000, 60, 60, null],
    ['a distance with no time', 'run', 20_000, null, null, null],
    ['no distance', 'run', null, 60, 60, null],
    ['a moving time of 0 with an elapsed time', 'run', 10_000, 0, 3000, null],
    ['a moving time of 0 with a fast elapsed time', 'run', 10_000, 0, 60, 'too_fast_running'],
    ['GPS drift under 200 m in no time', 'run', 150, 0, 0, null],
  ])('%s', (_, sport, distanceM, movingS, elapsedS, code) => {
    expect(checkPace(sport, distanceM, movingS, elapsedS)?.code ?? null).toBe(code);
  });

  it('names the speed and the limit, in km/h', () => {
    expect(checkPace('run', 20_000, 60, null)).toEqual(problem('too_fast_running', 1200, 43.2));
    expect(checkPace('ride', 200_000, 3600, null)).toEqual(problem('too_fast_cycling', 200, 90));
    expect(checkPace('run', 5000, 0, 0)).toEqual(problem('too_fast_no_time', 5));
    expect(checkPace('run', 5000, 0, null)).toEqual(problem('too_fast_no_time', 5));
  });

  it('just over a limit is refused, just under is not, in every checked family', () => {
    const sports: Sport[] = ['run', 'walk', 'ride', 'swim', 'other'];
    for (const sport of sports) {
      const max =
        MAX_AVERAGE_SPEED_MS[
          sport === 'run'
            ? 'running'
            : sport === 'walk'
              ? 'walking'
              : sport === 'ride'
                ? 'cycling'
                : sport === 'swim'
                  ? 'swimming'
                  : 'other'
        ]!;
      expect(checkPace(sport, max * 1000, 1000, null), sport).toBeNull();
      expect(checkPace(sport, max * 1000 + 10, 1000, null), sport).not.toBeNull();
    }
  });
});

describe('a track jump', () => {
  it.each<[string, number, number | null, boolean]>([
    ['33 km in the same second', 33_000, 0, true],
    ['5 km in a minute', 5000, 60, true],
    ['2 km in a minute (a car, not a jump)', 2000, 60, false],
    ['800 m in the same second (noise, left to the pace check)', 800, 0, false],
    ['60 km with no time (the old glitch rule)', 60_000, null, true],
    ['2 km with no time', 2000, null, false],
  ])('%s', (_, stepM, dtS, jump) => {
    expect(isTrackJump(stepM, dtS)).toBe(jump);
  });
});

/** A GPX run: points `stepS` seconds and `stepM` metres apart, due north; at point `jump.at` it jumps `jump.m` in 0 s. */
function gpx(points: number, stepS: number, stepM: number, jump?: { at: number; m: number }): Uint8Array {
  const start = Date.parse('2026-11-20T07:00:00Z');
  let lat = 48;
  const pts: string[] = [];
  for (let k = 0; k < points; k++) {
    if (k > 0) lat += stepM / 111_195;
    const t = start + k * stepS * 1000;
    if (jump?.at === k) {
      pts.push(`<trkpt lat="${lat.toFixed(6)}" lon="2.3"><time>${new Date(t).toISOString()}</time></trkpt>`);
      lat += jump.m / 111_195;
    }
    pts.push(`<trkpt lat="${lat.toFixed(6)}" lon="2.3"><time>${new Date(t).toISOString()}</time></trkpt>`);
  }
  return new TextEncoder().encode(
    `<?xml version="1.0"?><gpx version="1.1" creator="test"><trk><type>running</type><trkseg>${pts.join('')}</trkseg></trk></gpx>`,
  );
}

describe('files: a track that jumps', () => {
  const ctx = { fileName: 'run.gpx', timeZone: 'UTC', nowMs: NOW };

  it('a 33 km jump in the same second is left out of a 10 km run, with a warning', () => {
    const r = readGpxActivities(gpx(201, 15, 50, { at: 100, m: 33_000 }), ctx);
    expect(r.kind).toBe('activities');
    if (r.kind !== 'activities') return;
    expect(r.activities[0]!.distanceM).toBeGreaterThan(9900);
    expect(r.activities[0]!.distanceM).toBeLessThan(10_100);
    expect(r.warnings.some((w) => w.code === 'track_jumps_left_out')).toBe(true);
  });

  it('20 km in 60 s is refused with its pace, whether in two points or many', () => {
    for (const [points, stepS, stepM] of [
      [2, 60, 20_000],
      [61, 1, 20_000 / 60],
      [11, 6, 2000],
    ] as const) {
      const r = readGpxActivities(gpx(points, stepS, stepM), ctx);
      expect(r.kind, `${points} points`).toBe('refused');
      if (r.kind === 'refused') expect(r.reason.code).toBe('too_fast_running');
    }
  });

  it('a real run of the same shape is read whole', () => {
    const r = readGpxActivities(gpx(201, 15, 50), ctx);
    expect(r.kind === 'activities' && r.activities[0]!.distanceM).toBeCloseTo(10_000, -2);
    expect(r.kind === 'activities' && r.warnings.some((w) => w.code === 'track_jumps_left_out')).toBe(false);
  });
});

/** A TCX run without distances: points `[seconds, metres north or null for no position]`. */
function tcx(points: readonly (readonly [number, number | null])[]): Uint8Array {
  const start = Date.parse('2026-11-20T07:00:00Z');
  const pts = points
    .map(([sec, north]) => {
      const time = `<Time>${new Date(start + sec * 1000).toISOString()}</Time>`;
      if (north === null) return `<Trackpoint>${time}</Trackpoint>`;
      const lat = (48 + north / 111_195).toFixed(6);
      return `<Trackpoint>${time}<Position><LatitudeDegrees>${lat}</LatitudeDegrees><LongitudeDegrees>2.3</LongitudeDegrees></Position></Trackpoint>`;
    })
    .join('');
  return new TextEncoder().encode(
    `<?xml version="1.0"?><TrainingCenterDatabase><Activities><Activity Sport="Running"><Id>${new Date(start).toISOString()}</Id><Lap StartTime="${new Date(start).toISOString()}"><Track>${pts}</Track></Lap></Activity></Activities></TrainingCenterDatabase>`,
  );
}

describe('files: a TCX track that jumps', () => {
  const ctx = { fileName: 'run.tcx', timeZone: 'UTC', nowMs: NOW };

  it('20 km between two points a minute apart is refused with its pace', () => {
    const r = readTcxActivities(
      tcx([
        [0, 0],
        [60, 20_000],
      ]),
      ctx,
    );
    expect(r.kind === 'refused' && r.reason.code).toBe('too_fast_running');
  });

  it('a 33 km jump in the same second is left out of the path', () => {
    const points: [number, number][] = [];
    for (let k = 0; k <= 200; k++) points.push([k * 15, k * 50 + (k > 100 ? 33_000 : 0)]);
    // The jump: 33 km on in the second of point 100.
    points.splice(101, 0, [1500, 38_000]);
    const r = readTcxActivities(tcx(points), ctx);
    expect(r.kind).toBe('activities');
    if (r.kind === 'activities') expect(r.activities[0]!.distanceM).toBeCloseTo(10_000, -2);
  });

  it('a stretch without positions (a tunnel) is no jump: 2 km after five minutes count', () => {
    const points: [number, number | null][] = [[0, 0]];
    for (let s = 1; s < 300; s++) points.push([s, null]);
    points.push([300, 2000], [600, 4000]);
    const r = readTcxActivities(tcx(points), ctx);
    expect(r.kind === 'activities' && r.activities[0]!.distanceM).toBeCloseTo(4000, -1);
  });
});
