// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readGpxActivities } from '../../../../core/files/gpx-activity';
import { readTcxActivities } from '../../../../core/files/tcx-activity';
import { movingSeconds } from '../../../../core/files/track-summary';
import { problem, problemDebugText } from '../../../../core/problem-codes';

// What the readers of track points share (core/files/track-summary.ts), in GPX and TCX: the
// moving-time estimate, and a stale leading block of points left out (issue #19). FIT files read
// from their points are tested in fit-activity.test.ts.

const NOW = Date.UTC(2026, 10, 30);
const START = Date.UTC(2024, 4, 4, 8);
const DAY_MS = 86_400_000;
const enc = new TextEncoder();
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** A point every 5 s for `minutes`, due north at 3.3 m/s (0.00015° of latitude per step). */
function run(startMs: number, minutes: number, lat0 = 48): { ms: number; lat: number }[] {
  return Array.from({ length: minutes * 12 + 1 }, (_, i) => ({ ms: startMs + i * 5000, lat: lat0 + i * 0.00015 }));
}

function gpx(segments: { ms: number; lat: number }[][]): Uint8Array {
  const seg = (pts: { ms: number; lat: number }[]) =>
    `<trkseg>${pts.map((p) => `<trkpt lat="${p.lat}" lon="2"><time>${iso(p.ms)}</time></trkpt>`).join('')}</trkseg>`;
  return enc.encode(
    `<?xml version="1.0"?><gpx version="1.1" creator="x"><trk><type>running</type>${segments.map(seg).join('')}</trk></gpx>`,
  );
}

function readGpx(bytes: Uint8Array) {
  const r = readGpxActivities(bytes, { fileName: 'track.gpx', timeZone: 'UTC', nowMs: NOW });
  if (r.kind !== 'activities') throw new Error(problemDebugText(r.reason));
  return r;
}

const codes = (r: { warnings: readonly { code: string }[] }) => r.warnings.map((w) => w.code);

describe('moving time from track points', () => {
  it('counts steps of a minute or less at walking pace or faster, nothing else', () => {
    expect(movingSeconds(5, 15)).toBe(5);
    expect(movingSeconds(60, 18)).toBe(60);
    expect(movingSeconds(61, 1000)).toBe(0);
    expect(movingSeconds(5, 1)).toBe(0);
    expect(movingSeconds(0, 10)).toBe(0);
    expect(movingSeconds(-5, 10)).toBe(0);
    expect(movingSeconds(5, NaN)).toBe(0);
  });
});

describe('GPX: a stale leading block of track points', () => {
  const stale = START - 27 * DAY_MS - 20 * 3600_000;
  const lead = run(stale, 0).concat(run(stale + 2000, 0, 48.0001), run(stale + 4000, 0, 48.0002));

  it('is left out, in its own segment or in the same one, with a warning', () => {
    const whole = readGpx(gpx([run(START, 60)])).activities[0]!;
    for (const segments of [[lead, run(START, 60)], [[...lead, ...run(START, 60)]]]) {
      const r = readGpx(gpx(segments));
      expect(r.activities).toHaveLength(1);
      expect(r.activities[0]).toMatchObject({
        startMs: START,
        localDate: '2024-05-04',
        elapsedS: 3600,
        movingS: 3600,
        distanceM: whole.distanceM,
      });
      expect(r.warnings).toContainEqual(
        problem('track_stale_lead', 3, problem('duration_days', 27.8), iso(stale), iso(START)),
      );
    }
  });

  it('keeps a first point five minutes early, and a run paused for two hours', () => {
    const early = readGpx(gpx([[{ ms: START - 300_000, lat: 47.999 }, ...run(START, 60)]]));
    expect(early.activities[0]!.startMs).toBe(START - 300_000);
    const paused = readGpx(gpx([run(START, 10), run(START + 10 * 60_000 + 2 * 3600_000, 30, 48.1)]));
    expect(paused.activities[0]).toMatchObject({ startMs: START, elapsedS: 40 * 60 + 2 * 3600, movingS: 40 * 60 });
    expect([...codes(early), ...codes(paused)]).not.toContain('track_stale_lead');
  });
});

describe('TCX: a stale leading block of track points', () => {
  const stale = START - 27 * DAY_MS;
  function tcx(id: number, points: { ms: number; lat: number }[]): Uint8Array {
    const pts = points
      .map(
        (p) =>
          `<Trackpoint><Time>${iso(p.ms)}</Time><Position><LatitudeDegrees>${p.lat}</LatitudeDegrees><LongitudeDegrees>2</LongitudeDegrees></Position></Trackpoint>`,
      )
      .join('');
    return enc.encode(
      `<?xml version="1.0"?><TrainingCenterDatabase><Activities><Activity Sport="Running"><Id>${iso(id)}</Id>` +
        `<Lap StartTime="${iso(id)}"><TotalTimeSeconds>3600</TotalTimeSeconds><DistanceMeters>11900</DistanceMeters>` +
        `<Track>${pts}</Track></Lap></Activity></Activities></TrainingCenterDatabase>`,
    );
  }
  const read = (bytes: Uint8Array) => {
    const r = readTcxActivities(bytes, { fileName: 'a.tcx', timeZone: 'UTC', nowMs: NOW });
    if (r.kind !== 'activities') throw new Error(problemDebugText(r.reason));
    return r;
  };

  it('moves an activity that starts with it to the rest of the points', () => {
    const r = read(tcx(stale, [...run(stale, 0), ...run(stale + 3000, 0), ...run(START, 60)]));
    expect(r.activities[0]).toMatchObject({ startMs: START, elapsedS: 3600, movingS: 3600, distanceM: 11900 });
    expect(codes(r)).toContain('track_stale_lead');
  });

  it('leaves an activity whose start is right as it is', () => {
    const r = read(tcx(START, [...run(stale, 0), ...run(stale + 3000, 0), ...run(START, 60)]));
    expect(r.activities[0]).toMatchObject({ startMs: START, elapsedS: 3600 });
    expect(codes(r)).not.toContain('track_stale_lead');
  });
});
