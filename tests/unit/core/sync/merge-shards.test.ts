// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { activityFromInput } from '../../../../core/activity';
import { answerFact, checkInFact, markFact, runFact } from '../../../../core/sync/first-seen';
import { mergeShards } from '../../../../core/sync/merge-shards';
import {
  encodeCheckIn,
  encodeMark,
  encodeRun,
  syncDeletionOf,
  syncRunOf,
  type ShardContent,
  type SyncDeletion,
  type SyncRun,
} from '../../../../core/sync/shard-format';

const T = Date.parse('2026-11-20T07:00:00Z');
const run = (over: Partial<SyncRun>): SyncRun => ({
  sourceKeys: ['strava:1'],
  startMs: T,
  localDate: '2026-11-20',
  sport: 'run',
  distanceM: 10_000,
  movingS: 3000,
  elapsedS: 3100,
  updatedMs: T + 3_600_000,
  edited: false,
  ...over,
});
const del = (r: SyncRun, deletedMs: number): SyncDeletion => {
  const { updatedMs: _u, edited: _e, ...rest } = r;
  return { ...rest, deletedMs };
};
const shard = (over: Partial<ShardContent>): ShardContent => ({
  runs: [],
  deletions: [],
  marks: [],
  checkIns: [],
  ...over,
});

describe('merging shards', () => {
  it('Strava here and Garmin there, 2 minutes and 3 % apart: one run with both ids', () => {
    const m = mergeShards([
      shard({ runs: [run({})] }),
      shard({ runs: [run({ sourceKeys: ['garmin:9'], startMs: T + 120_000, distanceM: 10_300 })] }),
    ]);
    expect(m.runs).toHaveLength(1);
    expect(m.runs[0]!.sourceKeys).toEqual(['garmin:9', 'strava:1']);
  });

  it('two Strava ids are two runs, however close', () => {
    const m = mergeShards([shard({ runs: [run({}), run({ sourceKeys: ['strava:2'], startMs: T + 60_000 })] })]);
    expect(m.runs).toHaveLength(2);
  });

  it('the latest correction wins over an earlier one and over uncorrected copies', () => {
    const a = run({ distanceM: 12_000, edited: true, updatedMs: T + 5 * 3_600_000 });
    const b = run({ sourceKeys: ['garmin:9'], distanceM: 11_000, edited: true, updatedMs: T + 6 * 3_600_000 });
    const m = mergeShards([shard({ runs: [run({})] }), shard({ runs: [a] }), shard({ runs: [b] })]);
    expect(m.runs.map((r) => r.distanceM)).toEqual([11_000]);
  });

  it('a deletion hides older copies; a correction made after it brings the run back', () => {
    const here = run({});
    const gone = del(here, T + 5 * 3_600_000);
    expect(mergeShards([shard({ deletions: [gone] }), shard({ runs: [here] })]).runs).toEqual([]);
    const corrected = run({ distanceM: 9000, edited: true, updatedMs: T + 6 * 3_600_000 });
    expect(mergeShards([shard({ deletions: [gone] }), shard({ runs: [corrected] })]).runs).toHaveLength(1);
  });

  it('rest marks and check-ins: the latest word of each day wins', () => {
    const m = mergeShards([
      shard({
        marks: [{ date: '2026-11-20', on: true, atMs: T }],
        checkIns: [{ date: '2026-11-20', pain: 2, atMs: T }],
      }),
      shard({
        marks: [{ date: '2026-11-20', on: false, atMs: T + 1000 }],
        checkIns: [{ date: '2026-11-20', pain: 5, atMs: T + 1000 }],
      }),
    ]);
    expect(m.restMarks).toEqual([]);
    expect(m.checkIns.map((c) => c.pain)).toEqual([5]);
  });

  it('check-ins: a morning answered in one browser and an evening one in another are both kept', () => {
    const phone = shard({
      checkIns: [{ date: '2026-11-20', pain: 1, atMs: T, morning: { pain: 1, atMs: T }, place: 'outside', flags: [] }],
    });
    const laptop = shard({
      checkIns: [{ date: '2026-11-20', pain: 4, atMs: T + 9e6, later: { pain: 4, atMs: T + 9e6 }, place: 'buttock' }],
    });
    for (const order of [
      [phone, laptop],
      [laptop, phone],
    ])
      expect(mergeShards(order).checkIns).toEqual([
        {
          date: '2026-11-20',
          pain: 4,
          atMs: T + 9e6,
          morning: { pain: 1, atMs: T },
          later: { pain: 4, atMs: T + 9e6 },
          place: 'buttock',
        },
      ]);
  });

  it('deleting a 1.2 km walk at 07:00 leaves the 10 km run at 07:05, here and in the other browser', () => {
    const walk = run({ sourceKeys: ['file:walk'], sport: 'walk', distanceM: 1200, movingS: 900, elapsedS: 960 });
    const runAfter = run({ sourceKeys: ['strava:2'], startMs: T + 5 * 60_000 });
    const gone = del(walk, T + 5 * 3_600_000);
    const m = mergeShards([shard({ deletions: [gone], runs: [runAfter] }), shard({ runs: [walk, runAfter] })]);
    expect(m.runs.map((r) => r.sourceKeys)).toEqual([['strava:2']]);
  });

  it('a Garmin copy between two Strava runs does not join them: two runs', () => {
    const m = mergeShards([
      shard({ runs: [run({}), run({ sourceKeys: ['strava:2'], startMs: T + 8 * 60_000 })] }),
      shard({ runs: [run({ sourceKeys: ['garmin:9'], startMs: T + 4 * 60_000 })] }),
    ]);
    expect(m.runs).toHaveLength(2);
    expect(m.runs.filter((r) => r.sourceKeys.includes('strava:1') && r.sourceKeys.includes('strava:2'))).toEqual([]);
  });

  it('deleting "I ran today" hides the hand entry, not the Strava run of that morning', () => {
    const byHand = run({ sourceKeys: ['manual:form1'], startMs: T + 10 * 3_600_000, elapsedS: null });
    const strava = run({});
    // Before: one run (the hand entry joins the recorded run of its day).
    expect(mergeShards([shard({ runs: [byHand] }), shard({ runs: [strava] })]).runs).toHaveLength(1);
    const m = mergeShards([shard({ deletions: [del(byHand, T + 11 * 3_600_000)] }), shard({ runs: [strava] })]);
    expect(m.runs.map((r) => r.sourceKeys)).toEqual([['strava:1']]);
  });

  it('a run corrected by hand and deleted in one browser is hidden in the other, whose copy is Garmin’s', () => {
    const corrected = activityFromInput(
      {
        source: 'strava',
        sourceId: '1',
        startMs: T,
        localDate: '2026-11-20',
        sport: 'run',
        sportLabel: 'Run',
        distanceM: 10_000,
        movingS: 3000,
        elapsedS: 3100,
        name: '',
      },
      T + 3_600_000,
    );
    const edited = { ...corrected, distanceM: 12_500, edited: true, updatedMs: T + 2 * 3_600_000 };
    const garmin = run({ sourceKeys: ['garmin:9'], startMs: T + 60_000 });
    // Shown as one run while both are there; the correction speaks for it.
    expect(mergeShards([shard({ runs: [syncRunOf(edited)] }), shard({ runs: [garmin] })]).runs).toMatchObject([
      { distanceM: 12_500, sourceKeys: ['garmin:9', 'strava:1'] },
    ]);
    const gone = syncDeletionOf(edited, T + 5 * 3_600_000);
    expect(gone).toMatchObject({ distanceM: null, movingS: null, elapsedS: null });
    expect(mergeShards([shard({ deletions: [gone] }), shard({ runs: [garmin] })]).runs).toEqual([]);
    // A walk that started then is not what was deleted.
    const walk = run({ sourceKeys: ['garmin:8'], sport: 'walk', distanceM: 1200 });
    expect(mergeShards([shard({ deletions: [gone] }), shard({ runs: [walk] })]).runs).toHaveLength(1);
  });
});

describe('what the merge believes', () => {
  const Y2199 = Date.UTC(2199, 0, 1);
  const SEEN = T + 4 * 3_600_000;
  const NOW = T + 8 * 3_600_000;

  it('a check-in claiming 2199 counts as seen at t: the runner’s later "0" wins, each slot too', () => {
    const hostile = {
      date: '2026-11-20',
      pain: 10,
      flags: ['night_or_rest' as const, 'walking' as const],
      atMs: Y2199,
      morning: { pain: 10, atMs: Y2199 },
      later: { pain: 10, atMs: Y2199 },
    };
    const mine = {
      date: '2026-11-20',
      pain: 0,
      flags: [],
      atMs: NOW - 60_000,
      morning: { pain: 0, atMs: NOW - 120_000 },
      later: { pain: 0, atMs: NOW - 60_000 },
    };
    const seen = new Map([
      [checkInFact(encodeCheckIn(hostile)), SEEN],
      [answerFact(hostile.date, 'morning', hostile.morning), SEEN],
      [answerFact(hostile.date, 'later', hostile.later), SEEN],
    ]);
    const m = mergeShards([shard({ checkIns: [hostile] })], { own: shard({ checkIns: [mine] }), seen });
    expect(m.checkIns).toEqual([mine]);
    // Unbounded, the old rule: 2199 would win.
    expect(mergeShards([shard({ checkIns: [hostile] }), shard({ checkIns: [mine] })]).checkIns[0]!.pain).toBe(10);
  });

  it('a rest mark claiming 2199 can be undone by the runner', () => {
    const hostile = { date: '2026-11-20', on: true, atMs: Y2199 };
    const undo = { date: '2026-11-20', on: false, atMs: NOW };
    const seen = new Map([[markFact(encodeMark(hostile)), SEEN]]);
    expect(mergeShards([shard({ marks: [hostile] })], { own: shard({ marks: [undo] }), seen }).restMarks).toEqual([]);
  });

  it('a correction to 80 km claiming 2199 gives way to the runner’s fix to 8 km, and a deletion', () => {
    const hostile = run({ sourceKeys: ['garmin:9'], distanceM: 80_000, edited: true, updatedMs: Y2199 });
    const fix = run({ distanceM: 8000, edited: true, updatedMs: NOW });
    const seen = new Map([[runFact(encodeRun(hostile)), SEEN]]);
    const m = mergeShards([shard({ runs: [hostile] })], { own: shard({ runs: [fix] }), seen });
    expect(m.runs.map((r) => r.distanceM)).toEqual([8000]);
    // In a third browser, holding neither, the runner's fix (a real time) wins as well.
    expect(mergeShards([shard({ runs: [hostile] }), shard({ runs: [fix] })], { seen }).runs[0]!.distanceM).toBe(8000);
    // A deletion after the hostile row was seen hides it.
    const gone = del(run({ sourceKeys: ['garmin:9'] }), NOW);
    expect(mergeShards([shard({ runs: [hostile] }), shard({ deletions: [gone] })], { seen }).runs).toEqual([]);
  });

  it('a foreign copy that lists more ids does not replace this browser’s values', () => {
    const mine = run({});
    const theirs = run({ sourceKeys: ['file:x', 'strava:1'], sport: 'walk', distanceM: 500, updatedMs: T + 7e6 });
    const m = mergeShards([shard({ runs: [theirs] })], { own: shard({ runs: [mine] }) });
    expect(m.runs).toMatchObject([{ distanceM: 10_000, sport: 'run', sourceKeys: ['file:x', 'strava:1'] }]);
    // A newer hand correction from there does speak; an older one does not.
    const fix = { ...theirs, sport: 'run' as const, distanceM: 9000, edited: true };
    expect(mergeShards([shard({ runs: [fix] })], { own: shard({ runs: [mine] }) }).runs[0]!.distanceM).toBe(9000);
    // A source merged here after the correction there is no action of the runner's.
    const remerged = run({ sourceKeys: ['garmin:9', 'strava:1'], updatedMs: T + 9e6 });
    expect(mergeShards([shard({ runs: [fix] })], { own: shard({ runs: [remerged] }) }).runs[0]!.distanceM).toBe(9000);
    const stale = { ...fix, updatedMs: T };
    const ownFix = run({ distanceM: 9500, edited: true, updatedMs: T + 1000 });
    expect(mergeShards([shard({ runs: [stale] })], { own: shard({ runs: [ownFix] }) }).runs[0]!.distanceM).toBe(9500);
  });

  it('a run starting later today is not counted until it has started', () => {
    const later = run({ sourceKeys: ['strava:5'], startMs: NOW + 3 * 3_600_000 });
    expect(mergeShards([shard({ runs: [later] })], { nowMs: NOW }).runs).toEqual([]);
    expect(mergeShards([shard({ runs: [later] })], { nowMs: NOW + 3 * 3_600_000 }).runs).toHaveLength(1);
    // Within the clock slack it counts.
    expect(mergeShards([shard({ runs: [later] })], { nowMs: later.startMs - 60_000 }).runs).toHaveLength(1);
  });
});
