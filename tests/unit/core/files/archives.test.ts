// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { problem } from '../../../../core/problem-codes';
import { gzipSync } from 'fflate';
import { readZipDirectory, readZipEntry, streamZipEntry } from '../../../../core/files/zip-archive';
import { bytesSource } from '../../../../core/files/source';
import { gunzip } from '../../../../core/files/gzip';
import { parseCsv, CsvParser } from '../../../../core/files/csv';
import { inferDayFirst, parseLocaleNumber, parseStravaDate } from '../../../../core/files/strava-export-csv';
import { GarminSummariesReader, JsonArrayObjects } from '../../../../core/files/garmin-export-summaries';
import { activitiesOf, countOutcome, readActivityFile, readActivityFiles } from '../../../../core/files/import-files';
import { FileRefusal, type ArchiveRead, type RandomAccessSource } from '../../../../core/files/types';
import { itWithCorpus } from '../../needs-corpus';
import { concat, corpusFile, makeZip, simpleActivityFit } from './helpers';

const enc = (s: string) => new TextEncoder().encode(s);
const opts = { timeZone: 'Europe/Paris', nowMs: Date.UTC(2030, 0, 1) };

/** A source that counts the bytes read, to prove archives are not read whole. */
function countingSource(bytes: Uint8Array): RandomAccessSource & { bytesRead: number } {
  const s = {
    size: bytes.length,
    bytesRead: 0,
    async read(offset: number, length: number) {
      const out = bytes.subarray(offset, Math.min(bytes.length, offset + length));
      s.bytesRead += out.length;
      return out;
    },
  };
  return s;
}

describe('zip archives', () => {
  const run = simpleActivityFit({ start: '2024-03-02T07:44:55Z', distance: 19114, timer: 6742 });

  it('lists entries and reads stored and deflated ones', async () => {
    const zip = makeZip([
      { name: 'a.fit', data: run, method: 0 },
      { name: 'dir/b.txt', data: enc('hello '.repeat(1000)), method: 8 },
    ]);
    const src = bytesSource(zip);
    const entries = await readZipDirectory(src);
    expect(entries.map((e) => [e.name, e.method, e.size])).toEqual([
      ['a.fit', 0, run.length],
      ['dir/b.txt', 8, 6000],
    ]);
    expect((await readZipEntry(src, entries[0]!, 1e6)).data).toEqual(run);
    expect(new TextDecoder().decode((await readZipEntry(src, entries[1]!, 1e6)).data)).toBe('hello '.repeat(1000));
  });

  it('reads ZIP64 archives, a comment, and data prepended to the archive', async () => {
    const zip = makeZip([{ name: 'run.fit', data: run }], {
      zip64: true,
      comment: 'exported',
      prefix: enc('MZ self-extractor stub'),
    });
    const src = bytesSource(zip);
    const [e] = await readZipDirectory(src);
    expect(e).toMatchObject({ name: 'run.fit', size: run.length });
    expect((await readZipEntry(src, e!, 1e6)).data).toEqual(run);
  });

  it('finds the directory when data was prepended without fixing the offsets', async () => {
    for (const zip64 of [false, true]) {
      const zip = concat(
        enc('garbage a downloader put in front'),
        makeZip([{ name: 'run.fit', data: run }], { zip64 }),
      );
      const src = bytesSource(zip);
      const [e] = await readZipDirectory(src);
      expect((await readZipEntry(src, e!, 1e6)).data).toEqual(run);
    }
  });

  it('reads only the directory and the entries asked for', async () => {
    const big = new Uint8Array(4 * 1024 * 1024).fill(7);
    const zip = makeZip([
      { name: 'padding.bin', data: big, method: 0 },
      { name: 'run.fit', data: run, method: 0 },
    ]);
    const src = countingSource(zip);
    const entries = await readZipDirectory(src);
    await readZipEntry(src, entries[1]!, 1e6);
    expect(src.bytesRead).toBeLessThan(200_000);
  });

  it('refuses encrypted entries, unknown methods, oversized content and damaged data', async () => {
    const zip = makeZip([
      { name: 'secret.fit', data: run, method: 0, flags: 1 },
      { name: 'x.fit', data: enc('y'.repeat(100000)), method: 8 },
    ]);
    const src = bytesSource(zip);
    const [secret, x] = await readZipDirectory(src);
    await expect(readZipEntry(src, secret!, 1e6)).rejects.toThrow(/zip_entry_encrypted/);
    await expect(readZipEntry(src, { ...x!, method: 12 }, 1e6)).rejects.toThrow(/zip_entry_method/);
    await expect(readZipEntry(src, x!, 1000)).rejects.toThrow(FileRefusal);
    const damaged = zip.slice();
    const data = await readZipDirectory(bytesSource(damaged));
    damaged.fill(0xee, data[1]!.localHeaderOffset + 40, data[1]!.localHeaderOffset + 60);
    await expect(readZipEntry(bytesSource(damaged), data[1]!, 1e6)).rejects.toThrow(
      /zip_entry_corrupt|zip_entry_cut_short/,
    );
  });

  it('refuses a truncated archive (no directory)', async () => {
    const zip = makeZip([{ name: 'a.fit', data: run }]);
    await expect(readZipDirectory(bytesSource(zip.subarray(0, zip.length - 30)))).rejects.toThrow(/directory/);
  });

  it('streams an entry in pieces', async () => {
    let seed = 1;
    const text = Array.from({ length: 60_000 }, () => ((seed = (seed * 48271) % 2147483647), seed.toString(36))).join(
      '\n',
    );
    const zip = makeZip([{ name: 'activities.csv', data: enc(text) }]);
    const src = bytesSource(zip);
    const [e] = await readZipDirectory(src);
    let pieces = 0;
    let size = 0;
    const warning = await streamZipEntry(
      src,
      e!,
      (c) => {
        pieces++;
        size += c.length;
      },
      { maxBytes: 1e8, chunkSize: 4096 },
    );
    expect(warning).toBeUndefined();
    expect(size).toBe(text.length);
    expect(pieces).toBeGreaterThan(1);
  });
});

describe('gzip', () => {
  it('inflates, checks the CRC, and refuses damage', () => {
    const data = enc('a'.repeat(10000));
    const gz = gzipSync(data, { filename: 'x.fit', mtime: 0 });
    expect(gunzip(gz).data).toEqual(data);
    const badCrc = gz.slice();
    badCrc[badCrc.length - 6] = badCrc[badCrc.length - 6]! ^ 0xff;
    expect(gunzip(badCrc).warning).toEqual(problem('gzip_checksum'));
    expect(() => gunzip(gz.subarray(0, 12))).toThrow(FileRefusal);
    expect(() => gunzip(gz.subarray(0, gz.length - 20))).toThrow(/gzip_corrupt/);
  });

  it('caps what a tiny file may expand to', () => {
    const bomb = gzipSync(new Uint8Array(5_000_000));
    expect(() => gunzip(bomb, 1_000_000)).toThrow(/gzip_expands_too_much/);
  });
});

describe('CSV', () => {
  it('reads quoted fields with commas, quotes and newlines, in any chunking', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\nlines"\n\n1,,3\r4,5,6';
    const expected = [
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['1', '', '3'],
      ['4', '5', '6'],
    ];
    expect(parseCsv(text)).toEqual(expected);
    for (const size of [1, 2, 3, 7]) {
      const rows: string[][] = [];
      const p = new CsvParser((r) => rows.push(r));
      for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size));
      p.end();
      expect(rows).toEqual(expected);
    }
  });
});

describe('Strava export dates and numbers', () => {
  it('reads English, European and ISO dates as UTC', () => {
    expect(parseStravaDate('Mar 19, 2017, 4:49:30 PM', false)).toBe(Date.UTC(2017, 2, 19, 16, 49, 30));
    expect(parseStravaDate('Mar 19, 2017, 12:05:00 AM', false)).toBe(Date.UTC(2017, 2, 19, 0, 5, 0));
    expect(parseStravaDate('3. 3. 2024 7:00:00', true)).toBe(Date.UTC(2024, 2, 3, 7));
    expect(parseStravaDate('19 mars 2017 à 16:49:30', true)).toBe(Date.UTC(2017, 2, 19, 16, 49, 30));
    expect(parseStravaDate('19.03.2017, 16:49:30', true)).toBe(Date.UTC(2017, 2, 19, 16, 49, 30));
    expect(parseStravaDate('2017-03-19 16:49:30', true)).toBe(Date.UTC(2017, 2, 19, 16, 49, 30));
    expect(parseStravaDate('19 de dic. de 2021 8:00:00', true)).toBe(Date.UTC(2021, 11, 19, 8));
    expect(parseStravaDate('31/04/2020 10:00:00', true)).toBeNull();
    expect(parseStravaDate('soon', true)).toBeNull();
  });

  it('decides day-first or month-first from the whole file', () => {
    expect(inferDayFirst(['03/04/2020 10:00:00 AM', '05/13/2020 9:00:00 PM'])).toBe(false);
    expect(inferDayFirst(['03/04/2020 10:00:00', '13/05/2020 21:00:00'])).toBe(true);
    expect(inferDayFirst(['03/04/2020 10:00:00 AM'])).toBe(false);
    expect(inferDayFirst(['03.04.2020 10:00:00'])).toBe(true);
  });

  it('reads localized numbers', () => {
    expect(parseLocaleNumber('5.01')).toBe(5.01);
    expect(parseLocaleNumber('5,01')).toBe(5.01);
    expect(parseLocaleNumber('1,234.5')).toBe(1234.5);
    expect(parseLocaleNumber('1.234,5')).toBe(1234.5);
    expect(parseLocaleNumber('1 234,5')).toBe(1234.5);
    expect(parseLocaleNumber('')).toBeNull();
    expect(parseLocaleNumber('n/a')).toBeNull();
  });
});

const STRAVA_HEADER =
  'Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed';

describe('Strava bulk export', () => {
  const csv =
    STRAVA_HEADER +
    '\n' +
    '906581465,"Mar 19, 2017, 4:49:30 PM","Run avec Nico & Mag",Run,"Sunny, then\nrain",1958,"4.59",,,false,,,activities/906581465.gpx,,,1958.0,1946.0,4593.2,4.1\n' +
    '906581466,"Mar 20, 2017, 6:00:00 AM",Morning Ride,Ride,,3600,"30.10",,,false,,,activities/906581466.fit.gz,,,3600.0,3500.0,30100.0,12\n' +
    '906581467,"Mar 21, 2017, 6:00:00 AM",Yoga,Yoga,,1800,0,,,false,,,,,,1800.0,1800.0,0.0,0\n' +
    'oops,"never",x,Run,,1,1,,,,,,,,,,,,\n';

  it('reads activities.csv and keeps Strava ids, without decoding the activity files', async () => {
    const archive = makeZip([
      { name: 'profile.csv', data: enc('x') },
      { name: 'activities.csv', data: enc(csv) },
      { name: 'activities/906581465.gpx', data: enc('not even GPX') },
      { name: 'media/', data: new Uint8Array(0), method: 0 },
    ]);
    const progress: [number, number][] = [];
    const r = (await readActivityFile('export_123.zip', bytesSource(archive), {
      ...opts,
      onProgress: (d, t) => progress.push([d, t]),
    })) as ArchiveRead;
    expect(r).toMatchObject({ kind: 'archive', format: 'strava-export' });
    const acts = activitiesOf(r);
    expect(acts.map((a) => [a.source, a.sourceId, a.sport, a.distanceM, a.movingS, a.elapsedS])).toEqual([
      ['strava', '906581465', 'run', 4593.2, 1946, 1958],
      ['strava', '906581466', 'ride', 30100, 3500, 3600],
      ['strava', '906581467', 'other', 0, 1800, 1800],
    ]);
    expect(acts[0]).toMatchObject({
      startMs: Date.UTC(2017, 2, 19, 16, 49, 30),
      localDate: '2017-03-19',
      name: 'Run avec Nico & Mag',
      sportLabel: 'Run',
    });
    const refused = r.entries.filter((e) => e.kind === 'refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.kind === 'refused' && refused[0]!.reason.code).toBe('csv_bad_id');
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
  });

  it('reads a localized export by column order, the sport from the activity files', async () => {
    const header =
      'ID aktivity,Datum aktivity,Název aktivity,Typ aktivity,Popis aktivity,Uplynulý čas,Vzdálenost,a,b,c,d,e,Název souboru,f,g,Uplynulý čas,Aktivní čas,Vzdálenost,h';
    const fit = simpleActivityFit({ start: '2024-03-03T07:00:00Z', distance: 5010, timer: 1800 });
    const rows =
      '1001,"3. 3. 2024 7:00:00",Ranní běh,Běh,"popis,\nna dva řádky",1850,"5,01",,,,,,activities/1001.fit.gz,,,1850.0,1800.0,5010.0,\n' +
      '1002,"4. 3. 2024 16:00:00",Posilování,Posilování,,1800,,,,,,,,,,1800.0,1800.0,,\n';
    const archive = makeZip([
      { name: 'activities.csv', data: enc(`${header}\n${rows}`) },
      { name: 'activities/1001.fit.gz', data: gzipSync(fit), method: 0 },
    ]);
    const r = (await readActivityFile('export.zip', bytesSource(archive), opts)) as ArchiveRead;
    const acts = activitiesOf(r);
    expect(acts.map((a) => [a.sourceId, a.sport, a.sportLabel, a.distanceM, a.startMs])).toEqual([
      ['1001', 'run', 'Běh', 5010, Date.UTC(2024, 2, 3, 7)],
      ['1002', 'other', 'Posilování', null, Date.UTC(2024, 2, 4, 16)],
    ]);
    expect(r.warnings.map((w) => w.code)).toContain('csv_sports_localized_read');
  });

  it('reads a bare activities.csv given on its own', async () => {
    const r = await readActivityFile('activities.csv', bytesSource(enc(csv)), opts);
    expect(activitiesOf(r)).toHaveLength(3);
  });

  it('reads the km column of older exports, where swims and absurd values are metres', async () => {
    const old =
      'Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Commute,Activity Gear,Filename\n' +
      '1,"Jan 1 2016 10:00:00 AM",a,Run,,1800,5.01,false,,\n' +
      '2,"Jan 2 2016 10:00:00 AM",b,Swim,,1800,1000,false,,\n' +
      '3,"Jan 3 2016 10:00:00 AM",c,Run,,3000,10000,false,,\n' +
      '4,"Jan 4 2016 10:00:00 AM",d,Run,,1800,0.9,false,,\n';
    const r = await readActivityFile('activities.csv', bytesSource(enc(old)), opts);
    expect(activitiesOf(r).map((a) => a.distanceM)).toEqual([5010, 1000, 10000, 900]);
    expect(activitiesOf(r)[0]!.startMs).toBe(Date.UTC(2016, 0, 1, 10));
  });

  it('refuses an activities.csv without a Strava header', async () => {
    const archive = makeZip([{ name: 'activities.csv', data: enc('a,b\n1,2\n') }]);
    expect(await readActivityFile('x.zip', bytesSource(archive), opts)).toMatchObject({
      kind: 'refused',
      reason: problem('csv_not_strava'),
    });
  });
});

describe('Garmin account export', () => {
  const summaries = [
    {
      summarizedActivitiesExport: [
        {
          activityId: 2541953812,
          name: 'Paris Running',
          activityType: 'running',
          sportType: 'RUNNING',
          startTimeGmt: Date.UTC(2018, 1, 24, 23, 30),
          startTimeLocal: Date.UTC(2018, 1, 25, 0, 30),
          distance: 1_002_550,
          duration: 3_100_000,
          elapsedDuration: 3_200_000,
          movingDuration: 3_050_000,
        },
        { activityId: 3, name: 'Tri', activityType: 'multi_sport', childIds: [4, 5], startTimeGmt: 1_600_000_000_000 },
        {
          activityId: 4,
          activityType: { typeKey: 'treadmill_running' },
          startTimeGmt: '2020-09-13 12:26:40',
          startTimeLocal: '2020-09-13 14:26:40',
          distance: 500_000,
          duration: 1_800_000,
        },
        {
          activityId: 6,
          activityType: 'running',
          startTimeGmt: 1_600_000_000_000,
          distance: 5000,
          duration: 1_800_000,
        },
        { name: 'no id' },
      ],
    },
  ];

  it('reads summarizedActivities: centimetres, milliseconds, local dates, Garmin ids', async () => {
    const archive = makeZip([
      {
        name: 'DI_CONNECT/DI-Connect-Fitness/someone@example.com_0_summarizedActivities.json',
        data: enc(JSON.stringify(summaries)),
      },
      {
        name: 'DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip',
        data: new Uint8Array(1000),
        method: 0,
      },
    ]);
    const r = (await readActivityFile('garmin.zip', bytesSource(archive), opts)) as ArchiveRead;
    expect(r.format).toBe('garmin-export');
    const acts = activitiesOf(r);
    expect(acts[0]).toMatchObject({
      source: 'garmin',
      sourceId: '2541953812',
      sport: 'run',
      sportLabel: 'running',
      distanceM: 10025.5,
      movingS: 3100,
      elapsedS: 3200,
      localDate: '2018-02-25',
      name: 'Paris Running',
    });
    expect(acts[1]).toMatchObject({
      sourceId: '4',
      sport: 'treadmill_run',
      distanceM: 5000,
      startMs: Date.UTC(2020, 8, 13, 12, 26, 40),
      localDate: '2020-09-13',
    });
    // 5000 "cm" in 30 minutes would be 2.8 cm/s: that value was metres.
    expect(acts[2]).toMatchObject({ sourceId: '6', distanceM: 5000 });
    expect(r.entries.find((e) => e.kind === 'not-activity')).toMatchObject({
      reason: problem('garmin_export_multisport'),
    });
    expect(r.entries.filter((e) => e.kind === 'refused')).toHaveLength(1);
    expect(r.warnings).toContainEqual(problem('garmin_export_metres'));
  });

  it('cuts objects out of the stream whatever the chunking', () => {
    const bytes = enc(
      JSON.stringify([{ other: [{ a: 1 }], summarizedActivitiesExport: [{ a: '}{"', b: [1, { c: 2 }] }, { a: 2 }] }]),
    );
    for (const size of [1, 3, 1000]) {
      const got: unknown[] = [];
      const s = new JsonArrayObjects('summarizedActivitiesExport', (b) =>
        got.push(JSON.parse(new TextDecoder().decode(b))),
      );
      for (let i = 0; i < bytes.length; i += size) s.push(bytes.subarray(i, i + size));
      expect(got).toEqual([{ a: '}{"', b: [1, { c: 2 }] }, { a: 2 }]);
    }
  });

  it('reads a bare summarizedActivities.json', async () => {
    const r = await readActivityFile('x_summarizedActivities.json', bytesSource(enc(JSON.stringify(summaries))), opts);
    expect(activitiesOf(r)).toHaveLength(3);
    const reader = new GarminSummariesReader(opts);
    reader.push(enc('[{"summarizedActivitiesExport":[{"activityId":1,"startTimeGmt":1600000000000,bad}]}]'));
    expect(reader.warnings().map((w) => w.code)).toContain('garmin_export_unreadable');
  });
});

describe('readActivityFile', () => {
  const run = simpleActivityFit({ start: '2024-03-02T07:44:55Z', distance: 19114, timer: 6742 });

  it('tells formats by content, not by name', async () => {
    const asTxt = await readActivityFile('notes.txt', bytesSource(run), opts);
    expect(asTxt).toMatchObject({ kind: 'activities', format: 'fit' });
    const gz = await readActivityFile('run.fit', bytesSource(gzipSync(run)), opts);
    expect(activitiesOf(gz)[0]!.sourceId).toBe('2024-03-02T07:44:55Z');
  });

  it('gives the same id to a run read bare, gzipped or from a zip', async () => {
    const ids = await Promise.all(
      [run, gzipSync(run), makeZip([{ name: '1_ACTIVITY.fit', data: run }])].map(
        async (b) => activitiesOf(await readActivityFile('x', bytesSource(b), opts))[0]!.sourceId,
      ),
    );
    expect(new Set(ids).size).toBe(1);
  });

  it('refuses empty and unknown files with specific reasons', async () => {
    expect(await readActivityFile('e.fit', bytesSource(new Uint8Array(0)), opts)).toMatchObject({
      kind: 'refused',
      reason: problem('file_empty'),
    });
    expect(await readActivityFile('p.png', bytesSource(enc('\x89PNG....')), opts)).toMatchObject({
      kind: 'refused',
      reason: problem('file_type_unknown'),
    });
    expect(await readActivityFile('e.zip', bytesSource(makeZip([])), opts)).toMatchObject({
      kind: 'refused',
      reason: problem('zip_empty'),
    });
    expect(await readActivityFile('x.xml', bytesSource(enc('<html></html>')), opts)).toMatchObject({
      kind: 'refused',
      reason: problem('file_xml_unknown'),
    });
  });

  it('reports each entry of a zip of several files, skipping archiver junk', async () => {
    const zip = makeZip([
      { name: 'a.fit', data: run },
      { name: '__MACOSX/._a.fit', data: enc('junk') },
      {
        name: 'settings.fit',
        data: simpleActivityFit({ start: '2024-03-02T07:44:55Z', distance: 1, timer: 1, fileType: 2, session: false }),
      },
      { name: 'readme.txt', data: enc('hello') },
      {
        name: 'inner.zip',
        data: makeZip([
          {
            name: 'b.gpx',
            data: enc(
              '<gpx><trk><type>running</type><trkseg><trkpt lat="1" lon="1"><time>2020-01-01T00:00:00Z</time></trkpt><trkpt lat="1.001" lon="1"><time>2020-01-01T00:01:00Z</time></trkpt></trkseg></trk></gpx>',
            ),
          },
        ]),
      },
    ]);
    const r = (await readActivityFile('several.zip', bytesSource(zip), opts)) as ArchiveRead;
    expect(r.entries.map((e) => [e.entry, e.kind])).toEqual([
      ['a.fit', 'activities'],
      ['settings.fit', 'not-activity'],
      ['readme.txt', 'refused'],
      ['inner.zip/b.gpx', 'activities'],
    ]);
    const counts = countOutcome([{ name: 'several.zip', result: r }]);
    expect(counts).toMatchObject({ activities: 2, notActivities: 1 });
    expect(counts.refused[0]).toMatchObject({
      entry: 'several.zip: readme.txt',
      reason: problem('file_type_unknown'),
    });
  });

  it('reads several files with one progress bar, and never throws on a failing source', async () => {
    const failing: RandomAccessSource = {
      size: 100,
      read: async () => {
        throw new Error('disk gone');
      },
    };
    const seen: number[] = [];
    const out = await readActivityFiles(
      [
        { name: 'a.fit', source: bytesSource(run) },
        { name: 'broken', source: failing },
      ],
      { ...opts, onProgress: (d, t) => seen.push(d / t) },
    );
    expect(out[0]!.result.kind).toBe('activities');
    expect(out[1]!.result).toMatchObject({
      kind: 'refused',
      reason: { code: 'file_unreadable', params: [expect.stringMatching(/disk gone/)] },
    });
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((v, i) => i === 0 || v >= seen[i - 1]!)).toBe(true);
  });

  it('falls back on UTC for an unknown time zone, with a warning', async () => {
    const r = await readActivityFile('a.fit', bytesSource(run), { timeZone: 'Mars/Olympus', nowMs: opts.nowMs });
    expect(r.kind === 'activities' && r.warnings[0]!.code).toBe('file_time_zone_unknown');
  });

  itWithCorpus('reads the corpus’s Garmin "Export Original" zips and Strava’s gzipped FIT', async () => {
    const fr955 = await readActivityFile(
      'GarminFR955v18.zip',
      bytesSource(corpusFile('files/GoldenCheetah__GarminFR955v18.zip')),
      opts,
    );
    expect(fr955.kind === 'archive' && fr955.entries.map((e) => e.entry)).toEqual(['14211916346_ACTIVITY.fit']);
    expect(activitiesOf(fr955)[0]).toMatchObject({ sport: 'run', startMs: Date.parse('2024-03-02T07:44:55Z') });
    const gz = await readActivityFile(
      '14582164182.fit.gz',
      bytesSource(corpusFile('files/GoldenCheetah__14582164182.fit.gz')),
      opts,
    );
    expect(activitiesOf(gz)[0]).toMatchObject({ sport: 'ride', sportLabel: 'cycling/virtual_activity' });
    // The same run as FIT and as TCX gets the same id, so importing both keeps one.
    const fit = await readActivityFile(
      'a.fit',
      bytesSource(corpusFile('files/GoldenCheetah__10kUNLP2014-Garmin15.fit')),
      opts,
    );
    const tcx = await readActivityFile(
      'a.tcx',
      bytesSource(corpusFile('files/GoldenCheetah__10kUNLP2014-Garmin15.tcx')),
      opts,
    );
    expect(activitiesOf(fit)[0]!.sourceId).toBe(activitiesOf(tcx)[0]!.sourceId);
    // A FIT chained after a GPX is not a FIT file.
    const odd = await readActivityFile(
      'odd.fit',
      bytesSource(concat(enc('  '), corpusFile('files/python-fitparse__Activity.fit'))),
      opts,
    );
    expect(odd.kind).toBe('refused');
  });
});
