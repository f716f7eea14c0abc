import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActivityInput } from '../../../core/activity';
import { readStravaActivityPage } from '../../../core/sites/strava/strava-activity-page';
import { readStravaActivityDom } from '../../../core/sites/strava/strava-activity-dom';
import { readStravaTrainingActivities } from '../../../core/sites/strava/strava-training-activities';
import { readGarminActivity, readGarminActivityList } from '../../../core/sites/garmin/garmin-activities';
import { garminSummaryToEntry } from '../../../core/files/garmin-export-summaries';
import { stravaRowsToEntries } from '../../../core/files/strava-export-csv';
import { readFitActivities } from '../../../core/files/fit-activity';
import { readGpxActivities } from '../../../core/files/gpx-activity';
import { readTcxActivities } from '../../../core/files/tcx-activity';
import { isoSecond } from '../../../core/time';
import { FitWriter, fitTime, simpleActivityFit, T } from './files/helpers';
import {
  arbInstantNearChange,
  expectedInstantOfWall,
  intlDate,
  intlWall,
  intlWallText,
  type Change,
} from './dst-truth';

// Every reader that sees local times, on and around the daylight-saving changes of seven zones in
// three hemispheres (tests/unit/core/dst-truth.ts): a run started at an instant is written as the
// reader's source writes it, and must come back with that instant and the local date Intl gives
// for it where it was run. Where a source gives only the local wall clock, the instant is the
// clock's documented reading (the earlier of an autumn overlap).

const NOW = Date.UTC(2036, 0, 1);
const RUNS = { numRuns: 300 };

/** A run: its start instant near a change, in the change's zone, and how long it lasted. */
const arbRun = fc
  .record({ at: arbInstantNearChange, minutes: fc.integer({ min: 20, max: 150 }) })
  .map(({ at, minutes }) => ({
    ...at,
    tz: at.change.timeZone,
    durationS: minutes * 60,
  }));

const offsetText = (offMs: number) => {
  const m = Math.abs(offMs) / 60_000;
  return `${offMs < 0 ? '-' : '+'}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};
const startAndDate = (a: ActivityInput | undefined) => (a ? [isoSecond(a.startMs), a.localDate] : a);
const truth = (ms: number, tz: string) => [isoSecond(ms), intlDate(ms, tz)];
/** What a reader that sees only the wall clock must give: the clock's reading of it. */
const wallTruth = (ms: number, c: Change) => truth(expectedInstantOfWall(ms, c), c.timeZone);
/** True when the zone's offset is the same at both ends of the run (no change during it). */
const noChangeDuring = (ms: number, durationS: number, tz: string) =>
  intlWall(ms, tz) - ms === intlWall(ms + durationS * 1000, tz) - (ms + durationS * 1000);

describe('local times on daylight-saving days, every reader', () => {
  it('Strava activity page: the local wall clock alone, and with the UTC start', () => {
    fc.assert(
      fc.property(arbRun, ({ change, ms, tz }) => {
        const snap = (attrs: Record<string, unknown>) => ({
          urlActivityId: '1',
          activityId: 1,
          activityAthleteId: 42,
          currentAthleteId: 42,
          activity: { id: 1, sport_type: 'Run', distance: 5000, moving_time: 1800, elapsed_time: 1800, ...attrs },
        });
        const read = (attrs: Record<string, unknown>) => {
          const r = readStravaActivityPage(snap(attrs), tz);
          return r.kind === 'activity' ? startAndDate(r.activity) : r;
        };
        const startDateLocal = intlWall(ms, tz) / 1000;
        expect(read({ startDateLocal })).toEqual(wallTruth(ms, change));
        expect(read({ startDateLocal, start_date: isoSecond(ms) })).toEqual(truth(ms, tz));
      }),
      RUNS,
    );
  });

  it('Strava activity page as shown (DOM): a time without zone, with its offset, and in UTC', () => {
    fc.assert(
      fc.property(arbRun, ({ change, ms, tz }) => {
        const read = (datetime: string) => {
          const r = readStravaActivityDom(
            {
              activityId: '777',
              viewerAthleteId: '42',
              ownerAthleteId: '42',
              hasSummary: true,
              hasEditLink: true,
              title: 'Morning Run | Run | Strava',
              datetime,
              distanceText: '5.0',
              distanceUnit: 'km',
              movingText: '30:00',
              elapsedText: '31:00',
            },
            tz,
          );
          return r.kind === 'activity' ? startAndDate(r.activity) : r;
        };
        const wall = intlWallText(ms, tz);
        expect(read(wall)).toEqual(wallTruth(ms, change));
        expect(read(`${wall}${offsetText(intlWall(ms, tz) - ms)}`)).toEqual(truth(ms, tz));
        expect(read(isoSecond(ms))).toEqual(truth(ms, tz));
      }),
      RUNS,
    );
  });

  it('Strava training list: UTC start with the local wall clock, and the wall clock alone', () => {
    fc.assert(
      fc.property(arbRun, ({ change, ms, tz }) => {
        const model = {
          id: 1,
          sport_type: 'Run',
          start_time: isoSecond(ms).replace('Z', '+0000'),
          start_date_local_raw: intlWall(ms, tz) / 1000,
          distance_raw: 5000,
          moving_time_raw: 1800,
          elapsed_time_raw: 1860,
        };
        const read = (m: Record<string, unknown>) => {
          const r = readStravaTrainingActivities({ models: [m] }, NOW, tz);
          return r.ok ? startAndDate(r.activities[0]) : r;
        };
        expect(read(model)).toEqual(truth(ms, tz));
        expect(read({ ...model, start_time: undefined })).toEqual(wallTruth(ms, change));
      }),
      RUNS,
    );
  });

  it('Garmin Connect: the list (UTC and local start), one activity with its own zone and no UTC start', () => {
    fc.assert(
      fc.property(arbRun, ({ change, ms, tz }) => {
        const item = {
          activityId: 1,
          activityType: { typeKey: 'running' },
          startTimeGMT: isoSecond(ms).replace('T', ' ').replace('Z', ''),
          startTimeLocal: intlWallText(ms, tz).replace('T', ' '),
          distance: 5000,
          duration: 1800,
          ownerId: 7,
        };
        const list = readGarminActivityList([item], NOW);
        expect(list.ok && startAndDate(list.activities[0])).toEqual(truth(ms, tz));
        const detail = readGarminActivity(
          {
            activityId: 1,
            activityTypeDTO: { typeKey: 'running' },
            timeZoneUnitDTO: { timeZone: tz },
            summaryDTO: { startTimeLocal: `${intlWallText(ms, tz)}.0`, distance: 5000, duration: 1800 },
          },
          NOW,
        );
        expect(detail.ok && startAndDate(detail.activities[0])).toEqual(wallTruth(ms, change));
      }),
      RUNS,
    );
  });

  it('Garmin account export: the date from startTimeLocal, wherever the runner is now', () => {
    fc.assert(
      fc.property(arbRun, fc.constantFrom('UTC', 'Asia/Tokyo', 'America/Los_Angeles'), ({ ms, tz }, runnerNow) => {
        const e = garminSummaryToEntry(
          {
            activityId: 1,
            activityType: 'running',
            startTimeGmt: ms,
            startTimeLocal: intlWall(ms, tz),
            distance: 500_000,
            duration: 1_800_000,
          },
          { timeZone: runnerNow, nowMs: NOW },
          new Set(),
        );
        expect(e.kind === 'activities' && startAndDate(e.activities[0])).toEqual(truth(ms, tz));
      }),
      RUNS,
    );
  });

  it('Strava export CSV (UTC dates): the date in the runner’s zone', async () => {
    await fc.assert(
      fc.asyncProperty(arbRun, async ({ ms, tz }) => {
        const row = {
          line: 1,
          id: '1',
          date: isoSecond(ms).replace('T', ' ').replace('Z', ''),
          name: 'Run',
          type: 'Run',
          elapsed: '1800',
          moving: '1800',
          distanceKm: '5',
          distanceM: '',
          filename: '',
        };
        const { entries } = await stravaRowsToEntries([row], { timeZone: tz, nowMs: NOW });
        const e = entries[0]!;
        expect(e.kind === 'activities' && startAndDate(e.activities[0])).toEqual(truth(ms, tz));
      }),
      { numRuns: 100 },
    );
  });

  it('FIT with its clock set: UTC times, the date from local_timestamp or the runner’s zone', () => {
    fc.assert(
      fc.property(arbRun, fc.constantFrom('same', 'UTC', 'Asia/Tokyo'), ({ ms, tz, durationS }, where) => {
        const endMs = ms + durationS * 1000;
        const bytes = simpleActivityFit({
          start: isoSecond(ms),
          distance: 5000,
          timer: durationS,
          localOffset: (intlWall(endMs, tz) - endMs) / 1000, // as the watch writes it, at the end
        });
        const runner = where === 'same' ? tz : where;
        const r = readFitActivities(bytes, { fileName: 'run.fit', timeZone: runner, nowMs: NOW });
        const got = r.kind === 'activities' ? startAndDate(r.activities[0]) : r;
        // The file gives the offset at the end only: a runner elsewhere gets the date by it, right
        // unless the clocks changed during the run; a runner in the zone gets it right always.
        if (where === 'same' || noChangeDuring(ms, durationS, tz)) expect(got).toEqual(truth(ms, tz));
        else expect(got).toEqual([isoSecond(ms), intlDate(ms + intlWall(endMs, tz) - endMs, 'UTC')]);
      }),
      RUNS,
    );
  });

  it('FIT whose clock was never set: local times placed in the runner’s zone', () => {
    fc.assert(
      fc.property(arbRun, ({ change, ms, tz, durationS }) => {
        fc.pre(noChangeDuring(ms, durationS, tz));
        const rel = 17_000_000; // seconds since power-on
        const endWall = fitTime(`${intlWallText(ms + durationS * 1000, tz)}Z`);
        const w = new FitWriter().define(0, 0, [[0, 1, T.enum]]).data(0, [4]);
        w.define(1, 18, [
          [2, 4, T.uint32],
          [5, 1, T.enum],
          [8, 4, T.uint32],
          [9, 4, T.uint32],
        ]).data(1, [rel, 1, durationS * 1000, 500_000]);
        w.define(2, 34, [
          [253, 4, T.uint32],
          [5, 4, T.uint32],
        ]).data(2, [rel + durationS, endWall]);
        const r = readFitActivities(w.finish(), { fileName: 'run.fit', timeZone: tz, nowMs: NOW });
        expect(r.kind === 'activities' && startAndDate(r.activities[0])).toEqual(wallTruth(ms, change));
      }),
      RUNS,
    );
  });

  it('GPX and TCX: times with the offset where the run happened, and UTC times in the runner’s zone', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    fc.assert(
      fc.property(arbRun, fc.boolean(), ({ ms, tz, durationS }, withOffset) => {
        const time = (t: number) =>
          withOffset ? `${intlWallText(t, tz)}${offsetText(intlWall(t, tz) - t)}` : isoSecond(t);
        const t0 = time(ms);
        const t1 = time(ms + durationS * 1000);
        const gpx = readGpxActivities(
          enc(
            `<?xml version="1.0"?><gpx creator="t" xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>` +
              `<trkpt lat="45" lon="5"><time>${t0}</time></trkpt><trkpt lat="45.03" lon="5"><time>${t1}</time></trkpt>` +
              `</trkseg></trk></gpx>`,
          ),
          { fileName: 'run.gpx', timeZone: tz, nowMs: NOW },
        );
        expect(gpx.kind === 'activities' && startAndDate(gpx.activities[0])).toEqual(truth(ms, tz));
        const tcx = readTcxActivities(
          enc(
            `<?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">` +
              `<Activities><Activity Sport="Running"><Id>${t0}</Id><Lap StartTime="${t0}"><TotalTimeSeconds>${durationS}</TotalTimeSeconds>` +
              `<DistanceMeters>5000</DistanceMeters><Track><Trackpoint><Time>${t0}</Time></Trackpoint>` +
              `<Trackpoint><Time>${t1}</Time></Trackpoint></Track></Lap></Activity></Activities></TrainingCenterDatabase>`,
          ),
          { fileName: 'run.tcx', timeZone: tz, nowMs: NOW },
        );
        expect(tcx.kind === 'activities' && startAndDate(tcx.activities[0])).toEqual(truth(ms, tz));
      }),
      { numRuns: 150 },
    );
  });

  it('meets both kinds of change (clocks forward and back) in all seven zones', () => {
    // The generator's reach, so that a shrunk generator cannot make the properties above vacuous.
    const seen = new Set<string>();
    fc.assert(
      fc.property(arbRun, ({ change }) => {
        seen.add(`${change.timeZone} ${change.afterMs > change.beforeMs ? 'forward' : 'back'}`);
      }),
      { numRuns: 2000 },
    );
    expect(seen.size).toBe(14);
  });
});
