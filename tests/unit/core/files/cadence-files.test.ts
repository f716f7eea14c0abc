// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { activitiesOf, bytesSource, readActivityFile } from '../../../../core/files';
import { decodeFit } from '../../../../core/files/fit-decoder';
import { readFitActivities } from '../../../../core/files/fit-activity';
import { describeWithCorpus } from '../../needs-corpus';
import { CORPUS_DIR, FitWriter, fitTime, SESSION_FIELDS, T } from './helpers';

// The cadence the file readers find in real files (../shared/corpus), checked against the
// figure worked out here from the file itself: FIT by its session fields or track points, TCX
// and GPX by a pattern search of the text. A run's cadence is one foot's strides a minute in
// every one of these files (about 55-95), stored as both feet's steps.

const NOW = Date.UTC(2026, 11, 1);
const bytes = (rel: string) => new Uint8Array(readFileSync(path.join(CORPUS_DIR, rel)));

async function read(rel: string) {
  const r = await readActivityFile(path.basename(rel), bytesSource(bytes(rel)), { timeZone: 'UTC', nowMs: NOW });
  const acts = activitiesOf(r);
  if (acts.length === 0) throw new Error(`${rel}: no activity`);
  return acts;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** A FIT file's sessions as [sport, avg_cadence + avg_fractional_cadence / 128], by the decoder alone. */
function fitSessionCadences(rel: string): [number | undefined, number | undefined][] {
  const out: [number | undefined, number | undefined][] = [];
  decodeFit(bytes(rel), new Map([[18, new Set([5, 18, 92])]]), (m) => {
    const whole = m.get(18) as number | undefined;
    out.push([
      m.get(5) as number | undefined,
      whole === undefined ? undefined : whole + ((m.get(92) as number) ?? 0) / 128,
    ]);
  });
  return out;
}

/** The mean of a FIT file's track point cadence above 0 (cadence + fractional_cadence / 128). */
function fitRecordCadence(rel: string): number {
  const xs: number[] = [];
  decodeFit(bytes(rel), new Map([[20, new Set([4, 53])]]), (m) => {
    const c = m.get(4) as number | undefined;
    if (c !== undefined && c > 0) xs.push(c + ((m.get(53) as number) ?? 0) / 128);
  });
  return mean(xs);
}

describeWithCorpus('cadence read from real FIT files', () => {
  it.each([
    // file, what the watch wrote (strides), steps a minute
    ['files/sports-lib__6782987395.fit', '79 + 92/128', 159],
    ['files/sports-lib__6860622783.fit', '82 + 105/128 (treadmill)', 166],
    ['files/python-fitparse__garmin-fenix-5-run.fit', '83 + 86/128', 167],
    ['files/sports-lib__6916663933.fit', '92, no fraction', 184],
    ['outside/GoldenCheetah__3386684871.fit', '83 + 56/128', 167],
    ['outside/tormoder-fit__0137001239.fit', '94 + 113/128 (treadmill)', 190],
    ['outside/fit-parser__running-with-developer-data.fit', '79 + 115/128', 160],
  ])('%s: the session’s %s doubled, %i', async (rel, _, spm) => {
    const [a] = await read(rel);
    const [[sport, strides]] = fitSessionCadences(rel) as [[number, number]];
    expect(sport).toBe(1);
    expect(a!.cadenceSpm).toBe(Math.round(strides * 2));
    expect(a!.cadenceSpm).toBe(spm);
  });

  it('a walk’s cadence is read the same way: 61 + 29/128 strides, 122 steps', async () => {
    const [a] = await read('files/python-fitparse__garmin-fenix-5-walk.fit');
    expect(a).toMatchObject({ sport: 'walk', cadenceSpm: 122 });
  });

  it('a triathlon’s run has its own session’s cadence; the swim and the ride have none', async () => {
    const acts = await read('files/muktihari-fit__triathlon_summary_last.fit');
    const runSession = fitSessionCadences('files/muktihari-fit__triathlon_summary_last.fit').find(([s]) => s === 1)!;
    expect(acts.map((a) => [a.sport, a.cadenceSpm])).toEqual([
      ['swim', undefined],
      ['ride', undefined],
      ['run', Math.round(runSession[1]! * 2)],
    ]);
    expect(runSession[1]).toBe(80 + 90 / 128);
  });

  it('without a session cadence, the mean of the track points while stepping (Suunto)', async () => {
    const rel = 'files/GoldenCheetah__Move_2020_01_15_19_27_16_Running.fit';
    expect(fitSessionCadences(rel)).toEqual([[1, undefined]]);
    const [a] = await read(rel);
    expect(a!.cadenceSpm).toBe(Math.round(fitRecordCadence(rel) * 2));
    expect(a!.cadenceSpm).toBe(109);
  });

  it('a ride’s pedalling cadence is no running cadence', async () => {
    const rel = 'files/python-fitparse__Edge810-Vector-2013-08-16-15-35-10.fit';
    expect(fitSessionCadences(rel)[0]![1]).toBe(87);
    expect((await read(rel))[0]).toMatchObject({ sport: 'ride' });
    expect('cadenceSpm' in (await read(rel))[0]!).toBe(false);
  });

  it('a cadence no runner has is left out, the run kept (a 9-hour trail run at 44 strides)', async () => {
    const [a] = await read('outside/sports-lib__6910052863.fit');
    expect(a).toMatchObject({ sport: 'trail_run' });
    expect(a!.cadenceSpm).toBeUndefined();
  });

  it('every run in the corpus that has a cadence has a believable one', async () => {
    let seen = 0;
    for (const rel of [
      'files/elevate__20171011_run_2088390344.fit',
      'outside/elevate__kaiteriteri.fit',
      'outside/GoldenCheetah__HRV-Data.fit',
    ]) {
      const [a] = await read(rel);
      expect(a!.cadenceSpm).toBeGreaterThanOrEqual(110);
      expect(a!.cadenceSpm).toBeLessThanOrEqual(200);
      seen++;
    }
    expect(seen).toBe(3);
  });
});

describe('cadence from FIT track points', () => {
  const t0 = fitTime('2024-05-04T08:00:00Z');
  /** A file of track points only: [time, cadence, fractional cadence]; sport from the name. */
  function points(rows: [number, number | null, number | null][], stale = false): Uint8Array {
    const w = new FitWriter().define(0, 0, [[0, 1, T.enum]]).data(0, [4]);
    w.define(1, 20, [
      [253, 4, T.uint32],
      [5, 4, T.uint32],
      [4, 1, T.uint8],
      [53, 1, T.uint8],
    ]);
    if (stale) for (let i = 0; i < 3; i++) w.data(1, [t0 - 30 * 86400 + i, i * 100, 120, 0]);
    rows.forEach(([t, c, f], i) => w.data(1, [t, 300 * i, c, f]));
    return w.finish();
  }
  const ctx = { fileName: 'morning_run.fit', timeZone: 'UTC', nowMs: NOW };
  const read = (b: Uint8Array) => {
    const r = readFitActivities(b, ctx);
    if (r.kind !== 'activities') throw new Error('not read');
    return r.activities[0]!;
  };
  const minute = Array.from({ length: 60 }, (_, i) => t0 + i);

  it('standing still (cadence 0) is not counted; fractions are', () => {
    const rows = minute.map((t, i): [number, number, number] => (i < 20 ? [t, 0, 0] : [t, 85, 64]));
    expect(read(points(rows)).cadenceSpm).toBe(171);
  });

  it('no cadence anywhere, none stored', () => {
    expect(read(points(minute.map((t) => [t, null, null]))).cadenceSpm).toBeUndefined();
  });

  it('a stale leading block of points is left out', () => {
    const rows = minute.map((t): [number, number, number] => [t, 80, 0]);
    expect(read(points(rows, true)).cadenceSpm).toBe(160);
  });

  it('a session without cadence takes its points’; one with its own keeps it', () => {
    const withSession = (avg: number | null) => {
      const w = new FitWriter().define(0, 0, [[0, 1, T.enum]]).data(0, [4]);
      w.define(1, 20, [
        [253, 4, T.uint32],
        [5, 4, T.uint32],
        [4, 1, T.uint8],
      ]);
      minute.forEach((t, i) => w.data(1, [t, 300 * i, 88]));
      w.define(2, 18, [[253, 4, T.uint32], ...SESSION_FIELDS, [18, 1, T.uint8]]).data(2, [
        t0 + 60,
        t0,
        1,
        0,
        60_000,
        60_000,
        18_000,
        avg,
      ]);
      return w.finish();
    };
    expect(read(withSession(null)).cadenceSpm).toBe(176);
    expect(read(withSession(82)).cadenceSpm).toBe(164);
  });
});

/** Every number in the text of the elements matching `re` (its first group). */
const numbers = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => Number(m[1]));

describeWithCorpus('cadence read from real TCX files', () => {
  it('laps’ AvgRunCadence weighted by their time (Garmin vívoactive 3)', async () => {
    const rel = 'files/elevate__20181021_run_3106033902.tcx';
    const laps = readFileSync(path.join(CORPUS_DIR, rel), 'utf8')
      .split(/<Lap\b/)
      .slice(1);
    const lapTimes = laps.map((l) => numbers(l, /<TotalTimeSeconds>([\d.]+)</g)[0]!);
    const lapCadences = laps.map((l) => numbers(l, /<(?:\w+:)?AvgRunCadence>([\d.]+)</g)[0]!);
    expect(lapCadences).toEqual([61, 64, 52]);
    const weighted = lapCadences.reduce((s, c, i) => s + c * lapTimes[i]!, 0) / lapTimes.reduce((s, t) => s + t, 0);
    const [a] = await read(rel);
    expect(a!.cadenceSpm).toBe(Math.round(weighted * 2));
    expect(a!.cadenceSpm).toBe(118);
  });

  it('without lap cadence, the points’ RunCadence above 0', async () => {
    const rel = 'files/sports-lib__1604524853.tcx';
    const text = readFileSync(path.join(CORPUS_DIR, rel), 'utf8');
    const stepping = numbers(text, /<(?:\w+:)?RunCadence>([\d.]+)</g).filter((c) => c > 0);
    const [a] = await read(rel);
    expect(a!.cadenceSpm).toBe(Math.round(mean(stepping) * 2));
    expect(a!.cadenceSpm).toBe(139);
  });

  it('Polar’s strides in the points’ <Cadence>', async () => {
    const rel = 'files/sports-lib__6281425038.tcx';
    const text = readFileSync(path.join(CORPUS_DIR, rel), 'utf8');
    const points = [...text.matchAll(/<Trackpoint>([\s\S]*?)<\/Trackpoint>/g)].map((m) => m[1]!);
    const stepping = points.flatMap((p) => numbers(p, /<Cadence>([\d.]+)</g)).filter((c) => c > 0);
    const [a] = await read(rel);
    expect(a!.cadenceSpm).toBe(Math.round(mean(stepping) * 2));
    expect(a!.cadenceSpm).toBe(165);
  });

  it('a ride’s and a ski’s cadence are not read', async () => {
    expect((await read('files/togeojson__garmin_connect.tcx'))[0]).toMatchObject({ sport: 'ride' });
    expect('cadenceSpm' in (await read('files/togeojson__garmin_connect.tcx'))[0]!).toBe(false);
    expect((await read('outside/tcxreader__cross-country-skiing_activity_1.tcx'))[0]!.cadenceSpm).toBeUndefined();
  });
});

describeWithCorpus('cadence read from real GPX files', () => {
  it.each([
    ['files/elevate__20170319_run_906581465.gpx', 'Strava', 159],
    ['files/sports-lib__2067489619.gpx', 'Garmin, ns3 prefix', 135],
    ['outside/sports-lib__garmin.gpx', 'Garmin', 153],
  ])('%s (%s): the points’ cad above 0, doubled: %i', async (rel, _, spm) => {
    const text = readFileSync(path.join(CORPUS_DIR, rel), 'utf8');
    const stepping = numbers(text, /<(?:\w+:)?cad>([\d.]+)</g).filter((c) => c > 0);
    expect(stepping.length).toBeGreaterThan(100);
    const [a] = await read(rel);
    expect(a!.cadenceSpm).toBe(Math.round(mean(stepping) * 2));
    expect(a!.cadenceSpm).toBe(spm);
  });

  it('the same run as FIT and as GPX: both about 120-135 (the FIT session counts stops, the GPX does not)', async () => {
    const [fit] = await read('files/sports-lib__2067489619.fit');
    const [gpx] = await read('files/sports-lib__2067489619.gpx');
    expect(fit!.cadenceSpm).toBe(117);
    expect(Math.abs(gpx!.cadenceSpm! - fit!.cadenceSpm!)).toBeLessThanOrEqual(20);
  });

  it('a virtual ride’s and a swim’s cad are not read', async () => {
    expect((await read('outside/elevate__20160422_virtualride_553573871.gpx'))[0]!.cadenceSpm).toBeUndefined();
    expect((await read('files/sports-lib__4623204522-1.gpx'))[0]!.cadenceSpm).toBeUndefined();
  });
});
