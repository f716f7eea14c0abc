// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { problem } from '../../../../core/problem-codes';
import { decodeFit, fitCrc, FitFormatError, type FitValue } from '../../../../core/files/fit-decoder';
import { plausibleLocalOffset, readFitActivities } from '../../../../core/files/fit-activity';
import { sportFromFit, fitSportLabel } from '../../../../core/files/fit-profile';
import { concat, FitWriter, fitTime, SESSION_FIELDS, simpleActivityFit, T } from './helpers';

const ctx = { fileName: 'test.fit', timeZone: 'Europe/Paris', nowMs: Date.UTC(2030, 0, 1) };

function collect(bytes: Uint8Array, wanted: Record<number, number[]>) {
  const msgs: { global: number; section: number; fields: Map<number, FitValue> }[] = [];
  const report = decodeFit(bytes, new Map(Object.entries(wanted).map(([k, v]) => [Number(k), new Set(v)])), (m) =>
    msgs.push({ global: m.global, section: m.section, fields: m.toMap() }),
  );
  return { msgs, report };
}

describe('FIT decoder', () => {
  it('computes the FIT CRC (CRC-16/ARC) of the check string', () => {
    expect(fitCrc(new TextEncoder().encode('123456789'), 0, 9)).toBe(0xbb3d);
  });

  it('computes the same CRC four bytes at a time as a bit at a time, at any offset and length', () => {
    const bitwise = (b: Uint8Array, start: number, end: number, crc: number) => {
      for (let i = start; i < end; i++) {
        crc ^= b[i]!;
        for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
      }
      return crc;
    };
    let seed = 7;
    const bytes = Uint8Array.from({ length: 300 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    for (const [start, end, crc] of [
      [0, 300, 0],
      [1, 300, 0],
      [3, 298, 0x1234],
      [5, 8, 0xffff],
      [10, 10, 0xbeef],
      [2, 3, 0],
      [7, 250, 0x8001],
    ] as const)
      expect(fitCrc(bytes, start, end, crc)).toBe(bitwise(bytes, start, end, crc));
  });

  it('refuses bytes without a FIT header', () => {
    expect(() => decodeFit(new Uint8Array(20), new Map(), () => {})).toThrow(FitFormatError);
    expect(() => decodeFit(new TextEncoder().encode('<gpx></gpx>'), new Map(), () => {})).toThrow(/fit_no_signature/);
  });

  it('reads compressed-timestamp headers, rolling over the 5-bit offset', () => {
    const base = fitTime('2020-01-01T10:00:00Z');
    const t0 = base - (base & 0x1f) + 30; // low 5 bits = 30: the next +5 s wraps
    const w = new FitWriter()
      .define(0, 20, [
        [253, 4, T.uint32],
        [5, 4, T.uint32],
      ])
      .data(0, [t0, 100])
      .define(1, 20, [[5, 4, T.uint32]]);
    w.compressed(1, (t0 + 5) & 0x1f, [200]);
    w.compressed(1, (t0 + 20) & 0x1f, [300]);
    w.compressed(1, (t0 + 20) & 0x1f, [400]); // same second again
    const { msgs, report } = collect(w.finish(), { 20: [253, 5] });
    expect(report.warnings).toEqual([]);
    expect(msgs.map((m) => m.fields.get(253))).toEqual([t0, t0 + 5, t0 + 20, t0 + 20]);
    expect(msgs.map((m) => m.fields.get(5))).toEqual([100, 200, 300, 400]);
  });

  it('skips developer fields and reads big-endian messages', () => {
    const t0 = fitTime('2021-05-01T06:00:00Z');
    const w = new FitWriter()
      .define(
        0,
        20,
        [
          [253, 4, T.uint32],
          [5, 4, T.uint32],
        ],
        {
          big: true,
          dev: [
            [0, 3, 0],
            [1, 5, 0],
          ],
        },
      )
      .data(0, [t0, 12345], [1, 2, 3, 4, 5, 6, 7, 8])
      .data(0, [t0 + 1, 12400], [9, 9, 9, 9, 9, 9, 9, 9]);
    const { msgs, report } = collect(w.finish(), { 20: [253, 5] });
    expect(report.warnings).toEqual([]);
    expect(msgs.map((m) => [m.fields.get(253), m.fields.get(5)])).toEqual([
      [t0, 12345],
      [t0 + 1, 12400],
    ]);
  });

  it('treats invalid values as absent and misaligned fields as absent', () => {
    const w = new FitWriter()
      .define(0, 18, [
        [9, 4, T.uint32],
        [7, 3, T.uint32], // 3 bytes for a 4-byte type: malformed
        [5, 1, T.enum],
      ])
      .data(0, [null, 5, 1]);
    const { msgs } = collect(w.finish(), { 18: [9, 7, 5] });
    expect([...msgs[0]!.fields.entries()]).toEqual([[5, 1]]);
  });

  it('reads chained files and reports each section', () => {
    const a = simpleActivityFit({ start: '2020-01-01T10:00:00Z', distance: 1000, timer: 300 });
    const b = simpleActivityFit({ start: '2020-01-02T10:00:00Z', distance: 2000, timer: 600 });
    const { msgs, report } = collect(concat(a, b), { 0: [0], 18: [2] });
    expect(report.sections).toBe(2);
    expect(report.crcOk).toBe(true);
    expect(msgs.filter((m) => m.global === 18).map((m) => m.section)).toEqual([0, 1]);
  });

  it('warns on a wrong CRC but still reads', () => {
    const w = new FitWriter();
    const bytes = simpleActivityFit({ start: '2020-01-01T10:00:00Z', distance: 1000, timer: 300 }, w);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    const { msgs, report } = collect(bytes, { 18: [9] });
    expect(report.crcOk).toBe(false);
    expect(report.warnings.map((w) => w.code)).toContain('fit_checksum');
    expect(msgs).toHaveLength(1);
  });

  it('stops at damage with a warning and keeps what it read', () => {
    const w = new FitWriter()
      .define(0, 20, [[253, 4, T.uint32]])
      .data(0, [fitTime('2020-01-01T00:00:00Z')])
      .raw([0x05, 1, 2, 3]); // data message for an undefined local type
    const { msgs, report } = collect(w.finish(), { 20: [253] });
    expect(msgs).toHaveLength(1);
    expect(report.stoppedEarly).toBe(true);
    expect(report.warnings).toContainEqual(
      expect.objectContaining({ code: 'fit_undefined_local_type', params: [expect.any(Number), 5] }),
    );
  });

  it('reads to the end when the header declares no size, and a truncated file up to the cut', () => {
    const full = simpleActivityFit({ start: '2020-01-01T10:00:00Z', distance: 1000, timer: 300, records: 50 });
    const v = new DataView(full.buffer.slice(0));
    const zeroSize = new Uint8Array(v.buffer);
    new DataView(zeroSize.buffer).setUint32(4, 0, true);
    expect(collect(zeroSize, { 20: [253] }).msgs).toHaveLength(50);
    const cut = full.subarray(0, 14 + 30 + 9 * 20 + 4);
    const r = collect(cut, { 20: [253] });
    expect(r.report.stoppedEarly).toBe(true);
    expect(r.msgs.length).toBeGreaterThan(5);
    expect(r.report.warnings.map((w) => w.code)).toContain('fit_truncated');
  });
});

describe('FIT activities', () => {
  it('reads a run: start, distance, timer and elapsed time, sport, local date from a plausible offset', () => {
    const bytes = simpleActivityFit({
      start: '2024-03-02T23:30:00Z',
      distance: 10000,
      timer: 3000,
      elapsed: 3100,
      localOffset: 3600,
    });
    const r = readFitActivities(bytes, { ...ctx, timeZone: 'America/New_York' });
    expect(r.kind).toBe('activities');
    if (r.kind !== 'activities') return;
    expect(r.activities).toHaveLength(1);
    const a = r.activities[0]!;
    expect(a).toMatchObject({
      source: 'file',
      sourceId: '2024-03-02T23:30:00Z',
      startMs: Date.UTC(2024, 2, 2, 23, 30),
      localDate: '2024-03-03', // +1 h from the file, not New York
      sport: 'run',
      sportLabel: 'running',
      distanceM: 10000,
      movingS: 3000,
      elapsedS: 3100,
    });
  });

  it('ignores a bogus local_timestamp and uses the caller’s time zone', () => {
    for (const offset of [3600 + 7, 20 * 3600, -15 * 3600]) {
      const bytes = simpleActivityFit({
        start: '2024-03-02T23:30:00Z',
        distance: 5000,
        timer: 1500,
        localOffset: offset,
      });
      const r = readFitActivities(bytes, { ...ctx, timeZone: 'America/New_York' });
      expect(r.kind === 'activities' && r.activities[0]!.localDate).toBe('2024-03-02');
    }
  });

  it('accepts quarter-hour offsets such as Nepal (+5:45) and Chatham (+12:45)', () => {
    const act = (offset: number) =>
      new Map<number, FitValue>([
        [253, 1_000_000_000],
        [5, 1_000_000_000 + offset],
      ]);
    expect(plausibleLocalOffset(act(5 * 3600 + 45 * 60))).toBe(20700);
    expect(plausibleLocalOffset(act(12 * 3600 + 45 * 60))).toBe(45900);
    expect(plausibleLocalOffset(act(-9 * 3600 - 30 * 60))).toBe(-34200);
    expect(plausibleLocalOffset(act(1234))).toBeNull();
    expect(plausibleLocalOffset(act(15 * 3600))).toBeNull();
  });

  it('refuses files that are not activities, naming what they hold', () => {
    for (const [type, word] of [
      [2, 'fit_type_settings'],
      [5, 'fit_type_workout'],
      [15, 'fit_type_monitoring'],
      [32, 'fit_type_monitoring_b'],
      [6, 'fit_type_course'],
    ] as const) {
      const w = new FitWriter().define(0, 0, [[0, 1, T.enum]]).data(0, [type]);
      const r = readFitActivities(w.finish(), ctx);
      expect(r.kind).toBe('not-activity');
      expect(r.kind === 'not-activity' && r.reason).toEqual(problem('fit_not_activity', [problem(word)]));
    }
  });

  it('gives one activity per session, skips transitions, and maps sub-sports', () => {
    const t0 = fitTime('2023-09-02T13:00:00Z');
    const w = new FitWriter().define(0, 0, [[0, 1, T.enum]]).data(0, [4]);
    w.define(1, 18, SESSION_FIELDS);
    w.data(1, [t0, 5, 18, 600_000, 600_000, 50_000]); // open-water swim
    w.data(1, [t0 + 600, 3, 0, 120_000, 120_000, 10_000]); // transition
    w.data(1, [t0 + 720, 2, 0, 3_600_000, 3_600_000, 3_000_000]); // ride
    w.data(1, [t0 + 4320, 3, 0, 60_000, 60_000, 5_000]); // transition
    w.data(1, [t0 + 4380, 1, 3, 1_800_000, 1_790_000, 600_000]); // trail run
    const r = readFitActivities(w.finish(), ctx);
    expect(r.kind).toBe('activities');
    if (r.kind !== 'activities') return;
    expect(r.activities.map((a) => a.sport)).toEqual(['swim', 'ride', 'trail_run']);
    expect(r.activities.map((a) => a.sportLabel)).toEqual(['swimming/open_water', 'cycling', 'running/trail']);
    expect(new Set(r.activities.map((a) => a.sourceId)).size).toBe(3);
    expect(r.warnings).toContainEqual(problem('fit_transitions', 2));
  });

  it('falls back on laps, then on track points, when the session is missing', () => {
    const t0 = fitTime('2022-06-01T07:00:00Z');
    const w = new FitWriter().define(0, 0, [[0, 1, T.enum]]).data(0, [4]);
    w.define(1, 19, [
      [253, 4, T.uint32],
      [2, 4, T.uint32],
      [7, 4, T.uint32],
      [8, 4, T.uint32],
      [9, 4, T.uint32],
      [25, 1, T.enum],
    ]);
    w.data(1, [t0 + 300, t0, 300_000, 290_000, 100_000, 1]);
    w.data(1, [t0 + 600, t0 + 300, 300_000, 300_000, 110_000, 1]);
    w.define(2, 20, [
      [253, 4, T.uint32],
      [5, 4, T.uint32],
    ]);
    for (let i = 0; i <= 600; i += 10) w.data(2, [t0 + i, i * 350]);
    const laps = readFitActivities(w.finish(), ctx);
    expect(laps.kind === 'activities' && laps.activities[0]).toMatchObject({
      distanceM: 2100,
      movingS: 590,
      elapsedS: 600,
      sport: 'run',
    });

    // The same, but the track goes on for an hour after the last lap: the watch died.
    for (let i = 610; i <= 3600; i += 10) w.data(2, [t0 + i, i * 350]);
    const recs = readFitActivities(w.finish(), ctx);
    expect(recs.kind === 'activities' && recs.activities[0]).toMatchObject({
      distanceM: 12600,
      elapsedS: 3600,
      sport: 'run',
    });
    expect(recs.kind === 'activities' && recs.warnings.map((w) => w.code)).toContain('fit_totals_from_records');
  });

  it('refuses track points without time, and a file without anything', () => {
    const w = new FitWriter()
      .define(0, 0, [[0, 1, T.enum]])
      .data(0, [4])
      .define(1, 20, [[5, 4, T.uint32]]);
    for (let i = 0; i < 5; i++) w.data(1, [i * 300]);
    const r = readFitActivities(w.finish(), ctx);
    expect(r).toMatchObject({ kind: 'refused' });
    expect(r.kind === 'refused' && r.reason).toEqual(problem('fit_records_no_time'));
    const empty = readFitActivities(
      new FitWriter()
        .define(0, 0, [[0, 1, T.enum]])
        .data(0, [4])
        .finish(),
      ctx,
    );
    expect(empty.kind === 'refused' && empty.reason).toEqual(problem('fit_nothing'));
  });

  it('refuses sessions dated before 1990 or in the future', () => {
    const future = simpleActivityFit({ start: '2031-01-01T00:00:00Z', distance: 1000, timer: 300 });
    const r = readFitActivities(future, ctx);
    expect(r.kind === 'refused' && r.reason.code).toBe('start_in_future');
  });

  it('fixes an elapsed time shorter than the timer time from the session’s end', () => {
    const bytes = simpleActivityFit({ start: '2020-01-01T10:00:00Z', distance: 1000, timer: 3000, elapsed: 3000 });
    // Rewrite elapsed (field 7) to 1000 s: find it by its value.
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    for (let i = 0; i + 4 <= bytes.length; i++)
      if (view.getUint32(i, true) === 3_000_000) {
        view.setUint32(i, 1_000_000, true);
        break;
      }
    const fixed = concat(bytes.subarray(0, bytes.length - 2), new Uint8Array(2));
    const r = readFitActivities(fixed, ctx);
    expect(r.kind === 'activities' && r.activities[0]!.elapsedS).toBe(3000);
  });

  it('drops an implausible elapsed time (a watch left recording for a month)', () => {
    const bytes = simpleActivityFit({
      start: '2020-01-01T10:00:00Z',
      distance: 10000,
      timer: 1500,
      elapsed: 31 * 86400,
    });
    const r = readFitActivities(bytes, ctx);
    expect(r.kind === 'activities' && r.activities[0]).toMatchObject({ movingS: 1500, elapsedS: null });
  });

  it('places relative times (clock never set) through the activity’s local time', () => {
    const rel = 17_000_000; // seconds since power-on
    const wall = fitTime('2012-02-14T08:00:00Z'); // local wall clock as if UTC
    const w = new FitWriter().define(0, 0, [[0, 1, T.enum]]).data(0, [4]);
    w.define(1, 18, [
      [2, 4, T.uint32],
      [5, 1, T.enum],
      [8, 4, T.uint32],
      [9, 4, T.uint32],
    ]).data(1, [rel, 1, 1_800_000, 500_000]);
    w.define(2, 34, [
      [253, 4, T.uint32],
      [5, 4, T.uint32],
    ]).data(2, [rel + 1800, wall + 1800]);
    const r = readFitActivities(w.finish(), { ...ctx, timeZone: 'Europe/Paris' });
    expect(r.kind === 'activities' && r.activities[0]).toMatchObject({
      startMs: Date.UTC(2012, 1, 14, 7),
      localDate: '2012-02-14',
    });
  });
});

describe('FIT sports', () => {
  it('maps sport and sub-sport to Hip Check sports', () => {
    expect(sportFromFit(1, 0)).toBe('run');
    expect(sportFromFit(1, 1)).toBe('treadmill_run');
    expect(sportFromFit(1, 45)).toBe('treadmill_run');
    expect(sportFromFit(1, 3)).toBe('trail_run');
    expect(sportFromFit(1, 58)).toBe('virtual_run');
    expect(sportFromFit(4, 1)).toBe('treadmill_run');
    expect(sportFromFit(2, 58)).toBe('ride');
    expect(sportFromFit(11, 0)).toBe('walk');
    expect(sportFromFit(17, 0)).toBe('hike');
    expect(sportFromFit(10, 20)).toBe('strength');
    expect(sportFromFit(10, 43)).toBe('other');
    expect(sportFromFit(37, 0)).toBe('other');
    expect(sportFromFit('running', 'trail')).toBe('trail_run');
    expect(fitSportLabel(1, 3)).toBe('running/trail');
    expect(fitSportLabel(1, 0)).toBe('running');
    expect(fitSportLabel(200, undefined)).toBe('sport 200');
  });
});
