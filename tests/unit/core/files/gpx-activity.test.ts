// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { problem, problemDebugText } from '../../../../core/problem-codes';
import { readGpxActivities } from '../../../../core/files/gpx-activity';

// Real-file fixes of issue #10: Strava's numeric types, time stepping backwards, files that
// give their sport only elsewhere.

const NOW = Date.UTC(2026, 10, 30);
const enc = new TextEncoder();

function gpx(opts: { creator?: string; name?: string; type?: string; ext?: string; times?: number[] }): Uint8Array {
  const times = opts.times ?? [0, 10, 20, 30, 40];
  const pts = times
    .map(
      (s, i) =>
        `<trkpt lat="${48 + i * 0.0003}" lon="2"><time>${new Date(Date.UTC(2026, 0, 1, 7) + s * 1000).toISOString()}</time></trkpt>`,
    )
    .join('');
  return enc.encode(
    `<?xml version="1.0"?><gpx version="1.1" creator="${opts.creator ?? 'x'}"><trk>` +
      (opts.name ? `<name>${opts.name}</name>` : '') +
      (opts.type ? `<type>${opts.type}</type>` : '') +
      (opts.ext ? `<extensions>${opts.ext}</extensions>` : '') +
      `<trkseg>${pts}</trkseg></trk></gpx>`,
  );
}

const read = (bytes: Uint8Array, fileName = 'track.gpx') => {
  const r = readGpxActivities(bytes, { fileName, timeZone: 'UTC', nowMs: NOW });
  if (r.kind !== 'activities') throw new Error(problemDebugText(r.reason));
  return r.activities[0]!;
};

describe('GPX: real-file fixes', () => {
  it.each([
    ['17', 'ride', 'VirtualRide'],
    ['9', 'run', 'Run'],
    ['4', 'hike', 'Hike'],
    ['10', 'walk', 'Walk'],
  ])('reads Strava’s numeric type %s', (type, sport) => {
    expect(read(gpx({ type })).sport).toBe(sport);
  });

  it('never counts more moving time than elapsed when points step back in time', () => {
    const a = read(gpx({ times: [0, 10, 20, 30, 5, 15, 25, 35, 40] }));
    expect(a.elapsedS).toBe(40);
    expect(a.movingS!).toBeLessThanOrEqual(a.elapsedS!);
  });

  it.each([
    [{ creator: 'Urban Biker' }, 'ride'],
    [{ name: 'Morning Run' }, 'run'],
    [{ ext: '<st:activity>walking</st:activity>' }, 'walk'],
    [{ creator: 'TomTom MySports', name: 'Trail run in the hills' }, 'trail_run'],
  ])('infers the sport from what the file says elsewhere: %j', (opts, sport) => {
    expect(read(gpx(opts)).sport).toBe(sport);
  });

  it('infers the sport from the file name', () => {
    expect(read(gpx({}), 'Evening_Run.gpx').sport).toBe('run');
  });

  it('leaves a file that says nothing as "other", with a warning', () => {
    const r = readGpxActivities(gpx({ creator: 'Movescount' }), { fileName: '123.gpx', timeZone: 'UTC', nowMs: NOW });
    expect(r.kind === 'activities' && [r.activities[0]!.sport, r.warnings]).toEqual([
      'other',
      expect.arrayContaining([problem('gpx_no_sport')]),
    ]);
  });
});
