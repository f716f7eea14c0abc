// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFitActivities } from '../../../../core/files/fit-activity';
import { needsSport } from '../../../../core/files/import-stream';
import { STALE_LEAD_GAP_MS } from '../../../../core/files/track-summary';
import { problem } from '../../../../core/problem-codes';
import { concat, FitWriter, fitTime, SESSION_FIELDS, T } from './helpers';

// Real-file fixes of issues #10 and #19: a session far from its own track points, files without
// a session read from their track points, and a stale leading block of points left out.

const ctx = { fileName: 'run.fit', timeZone: 'UTC', nowMs: Date.UTC(2026, 10, 30) };
const T0 = fitTime('2024-05-04T08:00:00Z');
const T0_MS = Date.UTC(2024, 4, 4, 8);
const DAY = 86400;

/** An hour of track points over 10 km from T0, after a file_id; the caller adds the rest. */
function recording(): FitWriter {
  const w = new FitWriter().define(0, 0, [[0, 1, T.enum]]).data(0, [4]);
  w.define(1, 20, [
    [253, 4, T.uint32],
    [5, 4, T.uint32],
  ]);
  for (let i = 0; i <= 60; i++) w.data(1, [T0 + i * 60, Math.round((1_000_000 * i) / 60)]);
  return w;
}

/** Track points as [FIT time, distance in cm] (local message 1), after a file_id and nothing else. */
function pointsOnly(points: readonly (readonly [number, number])[]): FitWriter {
  const w = new FitWriter().define(0, 0, [[0, 1, T.enum]]).data(0, [4]);
  w.define(1, 20, [
    [253, 4, T.uint32],
    [5, 4, T.uint32],
  ]);
  for (const [t, d] of points) w.data(1, [t, d]);
  return w;
}

/** `minutes` of track points every 5 s from `t0` at 3 m/s, going on from `distCm`. */
function run(t0: number, minutes: number, distCm = 0): [number, number][] {
  return Array.from({ length: minutes * 12 + 1 }, (_, i) => [t0 + i * 5, distCm + i * 1500] as [number, number]);
}

function activities(bytes: Uint8Array, fileName = ctx.fileName) {
  const r = readFitActivities(bytes, { ...ctx, fileName });
  if (r.kind !== 'activities') throw new Error(`not read: ${JSON.stringify(r)}`);
  return r;
}

const codes = (r: { warnings: readonly { code: string }[] }) => r.warnings.map((w) => w.code);

describe('FIT: real-file fixes', () => {
  it('believes the track points when the session starts weeks before them', () => {
    const w = recording();
    const start = T0 - 27 * 86400;
    w.define(2, 18, [[253, 4, T.uint32], ...SESSION_FIELDS]).data(2, [
      T0 + 3600,
      start,
      1,
      0,
      (3600 + 27 * 86400) * 1000,
      3500 * 1000,
      1_000_000,
    ]);
    const r = readFitActivities(w.finish(), ctx);
    expect(r.kind === 'activities' && r.activities[0]).toMatchObject({
      startMs: Date.UTC(2024, 4, 4, 8),
      localDate: '2024-05-04',
      elapsedS: 3600,
      movingS: 3500,
      distanceM: 10_000,
    });
    expect(r.kind === 'activities' && r.warnings.map((w) => w.code)).toContain('fit_session_far_from_records');
  });
});

describe('FIT without a session, lap or sport: read from its track points', () => {
  // 20 minutes at 3 m/s, 3 minutes standing (points every 5 s, the distance still), 13 minutes more.
  const standing = Array.from(
    { length: 36 },
    (_, i) => [T0 + 20 * 60 + (i + 1) * 5, 20 * 12 * 1500] as [number, number],
  );
  const points = [...run(T0, 20), ...standing, ...run(T0 + 23 * 60 + 5, 13, 20 * 12 * 1500)];
  const last = points[points.length - 1]!;

  it('takes start, distance, elapsed and moving time from the points, and leaves the sport to the runner', () => {
    const r = activities(pointsOnly(points).finish(), 'watch.fit');
    expect(r.activities).toHaveLength(1);
    const a = r.activities[0]!;
    expect(a).toMatchObject({
      startMs: T0_MS,
      localDate: '2024-05-04',
      distanceM: last[1] / 100,
      elapsedS: last[0] - T0,
      // The standstill is no moving time (the GPX rule: slower than 0.3 m/s).
      movingS: 33 * 60,
      sport: 'other',
      sportLabel: '',
    });
    expect(needsSport(a)).toBe(true);
    expect(codes(r)).toContain('fit_totals_from_records');
  });

  /** `steps` points due north, 0.0001° of latitude (11.1 m) every 4 s, with no distance field. */
  function positionsOnly(t0: number, steps: number): Uint8Array {
    const w = new FitWriter().define(0, 0, [[0, 1, T.enum]]).data(0, [4]);
    w.define(1, 20, [
      [253, 4, T.uint32],
      [0, 4, T.sint32],
      [1, 4, T.sint32],
    ]);
    // Semicircles = degrees * 2^31 / 180.
    const semi = (deg: number) => Math.round((deg * 2 ** 31) / 180);
    for (let i = 0; i <= steps; i++) w.data(1, [t0 + i * 4, semi(48 + i * 0.0001), semi(2)]);
    return w.finish();
  }

  it('sums the distance from the positions when the points carry none', () => {
    const a = activities(positionsOnly(T0, 450)).activities[0]!;
    expect(a.distanceM!).toBeCloseTo(450 * 11.12, -1);
    expect(a.elapsedS).toBe(1800);
    expect(a.movingS).toBe(1800);
  });

  it('sums each file of a chained FIT along its own positions', () => {
    const r = activities(concat(positionsOnly(T0, 450), positionsOnly(T0 + DAY, 150)));
    expect(r.activities.map((a) => [a.startMs, Math.round(a.distanceM! / 10), a.elapsedS])).toEqual([
      [T0_MS, 500, 1800],
      [T0_MS + DAY * 1000, 167, 600],
    ]);
  });

  it('uses the timer events when the watch wrote them', () => {
    const w = pointsOnly(points);
    w.define(2, 21, [
      [253, 4, T.uint32],
      [0, 1, T.enum],
      [1, 1, T.enum],
    ]);
    w.data(2, [T0, 0, 0])
      .data(2, [T0 + 20 * 60, 0, 4])
      .data(2, [T0 + 23 * 60 + 5, 0, 0]);
    expect(activities(w.finish()).activities[0]!.movingS).toBe(33 * 60);
  });

  it('takes the sport from the file name as GPX and TCX do, or from a sport message', () => {
    expect(activities(pointsOnly(points).finish(), 'Morning_Run.fit').activities[0]).toMatchObject({
      sport: 'run',
      sportLabel: 'Run',
    });
    const w = pointsOnly(points);
    w.define(2, 12, [
      [0, 1, T.enum],
      [1, 1, T.enum],
    ]).data(2, [2, 0]);
    expect(activities(w.finish()).activities[0]).toMatchObject({ sport: 'ride', sportLabel: 'cycling' });
  });
});

describe('FIT: a stale leading block of track points', () => {
  const stale = T0 - 27 * DAY - 20 * 3600;
  const lead: [number, number][] = [
    [stale, 0],
    [stale + 2, 166],
    [stale + 4, 319],
  ];

  it('is left out of a file read from its points, with a warning', () => {
    const r = activities(pointsOnly([...lead, ...run(T0, 60, 1848)]).finish());
    expect(r.activities[0]).toMatchObject({
      startMs: T0_MS,
      localDate: '2024-05-04',
      elapsedS: 3600,
      distanceM: (60 * 12 * 1500 + 1848 - 319) / 100,
      movingS: 3600,
    });
    const gap = problem('duration_days', 27.8);
    expect(r.warnings).toContainEqual(
      problem('track_stale_lead', 3, gap, '2024-04-06T12:00:00Z', '2024-05-04T08:00:00Z'),
    );
  });

  it('moves a session that starts with it to the rest of the points', () => {
    const w = pointsOnly([...lead, ...run(T0, 60, 1848)]);
    // As the real file: the session starts at the stale points and its elapsed time spans the gap.
    w.define(2, 18, [[253, 4, T.uint32], ...SESSION_FIELDS]).data(2, [
      stale,
      stale,
      2,
      0,
      (T0 + 3600 - stale) * 1000,
      3600 * 1000,
      1_082_000,
    ]);
    const r = activities(w.finish());
    expect(r.activities[0]).toMatchObject({
      startMs: T0_MS,
      sport: 'ride',
      distanceM: 10_820,
      movingS: 3600,
      elapsedS: 3600,
    });
    expect(codes(r)).toContain('track_stale_lead');
    expect(codes(r)).not.toContain('fit_session_far_from_records');
  });

  it('keeps a first point five minutes early', () => {
    const r = activities(pointsOnly([[T0 - 300, 0], ...run(T0, 60, 100)]).finish());
    expect(r.activities[0]).toMatchObject({ startMs: T0_MS - 300_000, elapsedS: 3900 });
    expect(codes(r)).not.toContain('track_stale_lead');
  });

  it('keeps every point of a run paused for two hours', () => {
    const r = activities(pointsOnly([...run(T0, 10), ...run(T0 + 10 * 60 + 2 * 3600, 30, 10 * 12 * 1500)]).finish());
    expect(r.activities[0]).toMatchObject({
      startMs: T0_MS,
      elapsedS: 40 * 60 + 2 * 3600,
      movingS: 40 * 60,
      distanceM: 40 * 12 * 15,
    });
    expect(codes(r)).not.toContain('track_stale_lead');
  });

  it('keeps the first day of a recording that holds more points than what follows a long pause', () => {
    const pause = STALE_LEAD_GAP_MS / 1000 + 3600;
    const r = activities(pointsOnly([...run(T0, 60), ...run(T0 + 3600 + pause, 30, 60 * 12 * 1500)]).finish());
    expect(r.activities[0]!.startMs).toBe(T0_MS);
    expect(codes(r)).not.toContain('track_stale_lead');
  });

  it('keeps everything around a single point whose time jumps years ahead', () => {
    const points = run(T0, 60);
    points.splice(100, 0, [T0 + 700 * DAY, 100 * 1500]);
    const r = activities(pointsOnly(points).finish());
    expect(r.activities[0]!.startMs).toBe(T0_MS);
    expect(codes(r)).not.toContain('track_stale_lead');
  });
});
