// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { problem } from '../../../../core/problem-codes';
import { readGpxActivities } from '../../../../core/files/gpx-activity';
import { readTcxActivities } from '../../../../core/files/tcx-activity';
import { attr, scanXml } from '../../../../core/files/xml-scanner';
import { haversineM } from '../../../../core/geo';
import { parseIsoTime } from '../../../../core/time';

const ctx = { fileName: 'track.gpx', timeZone: 'UTC', nowMs: Date.UTC(2030, 0, 1) };
const enc = (s: string) => new TextEncoder().encode(s);

function gpx(body: string, type = '<type>running</type>'): Uint8Array {
  return enc(
    `<?xml version="1.0"?>\n<gpx creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Evening &amp; Run</name>${type}${body}</trk></gpx>`,
  );
}

function pt(lat: number, lon: number, time?: string): string {
  return `<trkpt lat="${lat}" lon="${lon}"><ele>10</ele>${time ? `<time>${time}</time>` : ''}</trkpt>`;
}

describe('XML scanner', () => {
  it('reports tags, attributes and text, skipping comments, CDATA and declarations', () => {
    const events: string[] = [];
    const h = {
      wantText: true,
      open: (n: string, a: string) => events.push(`<${n}${attr(a, 'x') ? ` x=${attr(a, 'x')}` : ''}>`),
      close: (n: string) => events.push(`</${n}>`),
      text: (t: string) => t.trim() && events.push(t.trim()),
    };
    scanXml(`<?xml version="1.0"?><!DOCTYPE a><!-- <b> --><ns:a x="1 &gt; 0"><b/>t&amp;u<![CDATA[<raw>]]></ns:a>`, h);
    expect(events).toEqual(['<a x=1 > 0>', '<b>', '</b>', 't&u', '<raw>', '</a>']);
  });

  it('survives cut and malformed input', () => {
    const h = { wantText: true, open: () => {}, close: () => {}, text: () => {} };
    for (const s of ['<a', '<a b="', '<!--', '<![CDATA[x', '<?xml', '</', '<a <b>', '<<<>>>', '&#99999999;'])
      expect(() => scanXml(s, h)).not.toThrow();
  });

  it('parses ISO times with and without offsets', () => {
    expect(parseIsoTime('2017-03-19T16:49:30Z')).toEqual({
      ms: Date.UTC(2017, 2, 19, 16, 49, 30),
      offsetMin: null,
      wallMs: Date.UTC(2017, 2, 19, 16, 49, 30),
      zoned: true,
    });
    expect(parseIsoTime('2017-10-08T14:54:11.250Z')!.ms).toBe(Date.UTC(2017, 9, 8, 14, 54, 11, 250));
    expect(parseIsoTime('2017-03-19T18:49:30+02:00')).toEqual({
      ms: Date.UTC(2017, 2, 19, 16, 49, 30),
      offsetMin: 120,
      wallMs: Date.UTC(2017, 2, 19, 18, 49, 30),
      zoned: true,
    });
    expect(parseIsoTime('2017-03-19 16:49:30')).toMatchObject({ ms: Date.UTC(2017, 2, 19, 16, 49, 30), zoned: false });
    expect(parseIsoTime('yesterday')).toBeNull();
    expect(parseIsoTime('2017-13-19T16:49:30Z')).toBeNull();
  });

  it('measures great-circle distances', () => {
    // One degree of latitude is about 111.2 km.
    expect(haversineM(45, 5, 46, 5)).toBeCloseTo(111_195, -2);
    expect(haversineM(0, 0, 0, 0)).toBe(0);
  });
});

describe('GPX', () => {
  it('sums the distance within segments, not across the gap between them', () => {
    const body =
      `<trkseg>${pt(45, 5, '2020-05-01T06:00:00Z')}${pt(45.001, 5, '2020-05-01T06:00:30Z')}</trkseg>` +
      `<trkseg>${pt(46, 5, '2020-05-01T06:10:00Z')}${pt(46.001, 5, '2020-05-01T06:10:30Z')}</trkseg>`;
    const r = readGpxActivities(gpx(body), ctx);
    expect(r.kind).toBe('activities');
    if (r.kind !== 'activities') return;
    const a = r.activities[0]!;
    expect(a.distanceM).toBeCloseTo(2 * 111.2, 0);
    expect(a).toMatchObject({
      sport: 'run',
      sportLabel: 'running',
      name: 'Evening & Run',
      startMs: Date.UTC(2020, 4, 1, 6),
      elapsedS: 630,
      movingS: 60,
    });
  });

  it('reads Strava’s numeric types and the local date of an explicit offset', () => {
    const body = `<trkseg>${pt(45, 5, '2020-05-01T23:30:00-05:00')}${pt(45.001, 5, '2020-05-01T23:31:00-05:00')}</trkseg>`;
    const r = readGpxActivities(gpx(body, '<type>9</type>'), { ...ctx, timeZone: 'Asia/Tokyo' });
    expect(r.kind === 'activities' && r.activities[0]).toMatchObject({
      sport: 'run',
      sportLabel: '9',
      localDate: '2020-05-01',
    });
  });

  it('takes the sport from the track name when the track has no type (gpx-activity.test.ts: the rest)', () => {
    const r = readGpxActivities(
      gpx(`<trkseg>${pt(45, 5, '2020-05-01T06:00:00Z')}${pt(45.01, 5, '2020-05-01T06:05:00Z')}</trkseg>`, ''),
      ctx,
    );
    expect(r.kind === 'activities' && r.activities[0]!.sport).toBe('run');
    expect(r.kind === 'activities' && r.warnings).not.toContainEqual(problem('gpx_no_sport'));
  });

  it('refuses routes, tracks without times and non-GPX XML', () => {
    const route = enc('<gpx><rte><rtept lat="1" lon="2"/></rte></gpx>');
    expect(readGpxActivities(route, ctx)).toMatchObject({ kind: 'refused', reason: problem('gpx_route') });
    const untimed = gpx(`<trkseg>${pt(45, 5)}${pt(45.1, 5)}</trkseg>`);
    expect(readGpxActivities(untimed, ctx)).toMatchObject({
      kind: 'refused',
      reason: problem('gpx_route'),
    });
    expect(readGpxActivities(enc('<kml></kml>'), ctx)).toMatchObject({
      kind: 'refused',
      reason: problem('gpx_damaged'),
    });
  });

  it('reads a file cut in the middle of a point', () => {
    const body = `<trkseg>${pt(45, 5, '2020-05-01T06:00:00Z')}${pt(45.001, 5, '2020-05-01T06:00:30Z')}<trkpt lat="45.002" lon=`;
    const r = readGpxActivities(gpx(body).subarray(0, gpx(body).length - 12), ctx);
    expect(r.kind).toBe('activities');
  });
});

describe('TCX', () => {
  const tcx = (laps: string, sport = 'Running') =>
    enc(
      `<?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities><Activity Sport="${sport}"><Id>2019-04-01T05:00:00Z</Id>${laps}</Activity></Activities></TrainingCenterDatabase>`,
    );
  const lap = (start: string, secs: number, metres: number, pts = '') =>
    `<Lap StartTime="${start}"><TotalTimeSeconds>${secs}</TotalTimeSeconds><DistanceMeters>${metres}</DistanceMeters><Track>${pts}</Track></Lap>`;
  const tp = (time: string, dist: number) =>
    `<Trackpoint><Time>${time}</Time><DistanceMeters>${dist}</DistanceMeters></Trackpoint>`;

  it('sums lap totals; trackpoint distances do not count twice', () => {
    const r = readTcxActivities(
      tcx(
        lap('2019-04-01T05:00:00Z', 300, 1000, tp('2019-04-01T05:00:00Z', 0) + tp('2019-04-01T05:05:00Z', 1000)) +
          lap('2019-04-01T05:06:00Z', 290, 1000.5, tp('2019-04-01T05:10:50Z', 2000.5)),
      ),
      { ...ctx, fileName: 'a.tcx' },
    );
    expect(r.kind === 'activities' && r.activities[0]).toMatchObject({
      sport: 'run',
      distanceM: 2000.5,
      movingS: 590,
      elapsedS: 650,
      startMs: Date.UTC(2019, 3, 1, 5),
    });
  });

  it('maps Biking and Other, and refuses courses', () => {
    expect(readTcxActivities(tcx(lap('2019-04-01T05:00:00Z', 60, 100), 'Biking'), ctx)).toMatchObject({
      kind: 'activities',
      activities: [{ sport: 'ride' }],
    });
    expect(readTcxActivities(tcx(lap('2019-04-01T05:00:00Z', 60, 100), 'Other'), ctx)).toMatchObject({
      kind: 'activities',
      activities: [{ sport: 'other' }],
    });
    const course = enc(
      '<TrainingCenterDatabase><Courses><Course><Name>x</Name></Course></Courses></TrainingCenterDatabase>',
    );
    expect(readTcxActivities(course, ctx)).toMatchObject({ kind: 'refused', reason: problem('tcx_course') });
  });
});
