import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activityFromInput, type Activity } from '../../../core/activity';
import { mergeInto } from '../../../core/merge-duplicates';
import {
  ANOTHER_RUN_PREFIX,
  deletionMatches,
  findSame,
  groupSameActivities,
  isSameActivity,
} from '../../../core/same-activity';
import { NOW, run } from '../activity-fixtures';

const stored = (over = {}) => activityFromInput(run(over), NOW);
const asComparable = (i: ReturnType<typeof run>) => activityFromInput(i, NOW);

describe('duplicate detection', () => {
  it('the uploaded file and Strava page of one run are the same run', () => {
    const file = stored({
      source: 'file',
      sourceId: 'fit:abc',
      startMs: Date.parse('2026-11-20T07:00:03Z'),
      distanceM: 10_020,
    });
    expect(isSameActivity(file, asComparable(run()))).toBe(true);
  });

  it('Garmin then Strava (synced from Garmin) are the same run', () => {
    const g = stored({ source: 'garmin', sourceId: '987', sportLabel: 'running' });
    expect(isSameActivity(g, asComparable(run({ startMs: run().startMs + 9 * 60_000, distanceM: 9_100 })))).toBe(true);
  });

  it('starts more than 10 minutes apart are two runs', () => {
    expect(
      isSameActivity(
        stored({ source: 'file', sourceId: 'f' }),
        asComparable(run({ startMs: run().startMs + 10 * 60_000 + 1 })),
      ),
    ).toBe(false);
  });

  it('distances more than 10% apart are two runs', () => {
    expect(isSameActivity(stored({ source: 'file', sourceId: 'f' }), asComparable(run({ distanceM: 8_900 })))).toBe(
      false,
    );
  });

  it('a run and a ride at the same time are not merged', () => {
    expect(isSameActivity(stored({ source: 'file', sourceId: 'f', sport: 'ride' }), asComparable(run()))).toBe(false);
  });

  it('a treadmill run and a run are one family', () => {
    expect(isSameActivity(stored({ source: 'file', sourceId: 'f', sport: 'treadmill_run' }), asComparable(run()))).toBe(
      true,
    );
  });

  it('never merges two distinct Strava runs of the same day, even close together', () => {
    const morning = stored({ sourceId: '1' });
    expect(isSameActivity(morning, asComparable(run({ sourceId: '2', startMs: run().startMs + 60_000 })))).toBe(false);
  });

  it('two manual entries are two runs; a manual entry and the synced run of that time are one', () => {
    const manual = stored({ source: 'manual', sourceId: 'm1', distanceM: null, movingS: null, elapsedS: null });
    expect(isSameActivity(manual, asComparable(run({ source: 'manual', sourceId: 'm2', distanceM: null })))).toBe(
      false,
    );
    expect(isSameActivity(manual, asComparable(run({ startMs: run().startMs + 5 * 60_000 })))).toBe(true);
    expect(findSame([manual], asComparable(run({ source: 'manual', sourceId: 'm1', distanceM: null })))?.key).toBe(
      'manual:m1',
    );
  });

  it('the same run as a FIT file and a GPX file (ids a second apart) is one run', () => {
    const fit = stored({ source: 'file', sourceId: '2026-11-20T07:00:00Z' });
    expect(
      isSameActivity(
        fit,
        asComparable(
          run({ source: 'file', sourceId: '2026-11-20T07:00:01Z', startMs: run().startMs + 1000, distanceM: 10_040 }),
        ),
      ),
    ).toBe(true);
  });

  it('finds a known activity by its source id even when the runner changed its start', () => {
    const s = stored();
    expect(findSame([s], asComparable(run({ startMs: run().startMs + 3600_000 })))?.key).toBe(s.key);
  });
});

describe('merging', () => {
  it('keeps every source id and the first key', () => {
    const file = stored({ source: 'file', sourceId: 'fit:abc', name: '' });
    const m = mergeInto(file, run(), NOW + 1);
    expect(m.key).toBe('file:fit:abc');
    expect(m.sourceKeys).toEqual(['file:fit:abc', 'strava:1001']);
    expect(m.name).toBe('Morning Run');
  });

  it('site values (the runner’s edits) win over a file, gaps are filled', () => {
    const file = stored({ source: 'file', sourceId: 'f', sport: 'run', sportLabel: 'running', movingS: null });
    const m = mergeInto(file, run({ sport: 'trail_run', sportLabel: 'TrailRun', movingS: 2900 }), NOW);
    expect(m.sport).toBe('trail_run');
    expect(m.movingS).toBe(2900);
  });

  it('a file does not override the site values', () => {
    const site = stored();
    const m = mergeInto(site, run({ source: 'file', sourceId: 'f', distanceM: 10_050, sportLabel: 'running' }), NOW);
    expect(m.distanceM).toBe(10_000);
    expect(m.sportLabel).toBe('Run');
  });
});

// The cases issue 19 reported, against the one rule and its grouping. Times are offsets from a
// fixed start: the rule never reads the clock.
const T = run().startMs;
const rec = (over: Parameters<typeof run>[0] = {}) => activityFromInput(run(over), NOW);
const min = 60_000;
const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const groupKeys = (xs: Activity[]) =>
  groupSameActivities(xs, byKey)
    .map((g) => g.map((a) => a.key).sort())
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));

describe('the cases that went wrong', () => {
  const walk = rec({ source: 'file', sourceId: 'walk', sport: 'walk', distanceM: 1200, movingS: 900, elapsedS: 960 });
  const runAfter = rec({ source: 'file', sourceId: 'run', startMs: T + 5 * min });

  it('a 1.2 km walk at 07:00 and a 10 km run at 07:05 are two activities, and deleting the walk hides only the walk', () => {
    expect(isSameActivity(walk, runAfter)).toBe(false);
    expect(deletionMatches(walk, runAfter)).toBe(false);
    expect(deletionMatches(walk, walk)).toBe(true);
    // The same walk copied by Garmin a minute later is still hit.
    expect(deletionMatches(walk, rec({ ...walkInput(), source: 'garmin', sourceId: '9', startMs: T + min }))).toBe(
      true,
    );
  });

  it('a walk and a run of equal distance minutes apart stay apart (sport family)', () => {
    const longWalk = rec({ source: 'file', sourceId: 'w', sport: 'walk' });
    expect(isSameActivity(longWalk, runAfter)).toBe(false);
    expect(groupKeys([longWalk, runAfter])).toHaveLength(2);
  });

  it('a Garmin copy between two Strava runs joins one of them, never both into one', () => {
    const a = rec({ sourceId: '1' });
    const b = rec({ sourceId: '2', startMs: T + 8 * min });
    const g = rec({ source: 'garmin', sourceId: 'g', startMs: T + 4 * min });
    expect(isSameActivity(a, g) && isSameActivity(b, g)).toBe(true);
    expect(isSameActivity(a, b)).toBe(false);
    for (const order of [
      [a, b, g],
      [g, b, a],
      [b, g, a],
    ]) {
      const groups = groupKeys(order);
      expect(groups).toEqual([['garmin:g', 'strava:1'], ['strava:2']]);
    }
  });

  it('two browsers that joined one Garmin copy to two different Strava runs still hold two runs', () => {
    const here = { ...rec({ sourceId: '1' }), sourceKeys: ['strava:1', 'garmin:g'] };
    const there = { ...rec({ sourceId: '2', startMs: T + 8 * min }), sourceKeys: ['strava:2', 'garmin:g'] };
    expect(isSameActivity(here, there)).toBe(false);
  });

  it('double sessions on one day: two Strava runs, two hand entries, two files hours apart', () => {
    expect(isSameActivity(rec({ sourceId: '1' }), rec({ sourceId: '2', startMs: T + 10 * min }))).toBe(false);
    const m1 = rec({ source: 'manual', sourceId: 'm1' });
    const m2 = rec({ source: 'manual', sourceId: 'm2', startMs: T + 9 * 3600_000 });
    expect(isSameActivity(m1, m2)).toBe(false);
    const f1 = rec({ source: 'file', sourceId: 'f1' });
    const f2 = rec({ source: 'file', sourceId: 'f2', startMs: T + 9 * 3600_000 });
    expect(isSameActivity(f1, f2)).toBe(false);
    expect(groupKeys([f1, f2, rec({ sourceId: '7', startMs: T + 9 * 3600_000 + min })])).toEqual([
      ['file:f1'],
      ['file:f2', 'strava:7'],
    ]);
  });
});

describe('a run typed by hand', () => {
  // "I ran today" at 18:00; the watch's file of the same morning run arrives later, hours earlier.
  const byHand = rec({
    source: 'manual',
    sourceId: 'form1',
    startMs: T + 11 * 3600_000,
    distanceM: 8000,
    movingS: 2700,
    elapsedS: null,
  });
  const watch = rec({ source: 'file', sourceId: 'watch', distanceM: 8150, movingS: 2650, elapsedS: 2700 });

  it('and the recorded run of its day and similar distance are one run, whatever the starts', () => {
    expect(isSameActivity(byHand, watch)).toBe(true);
    expect(isSameActivity(byHand, { ...watch, distanceM: 5000 })).toBe(false);
    // Without a distance, the minutes decide.
    expect(isSameActivity({ ...byHand, distanceM: null }, watch)).toBe(true);
    expect(isSameActivity({ ...byHand, distanceM: null, movingS: 1800 }, watch)).toBe(false);
    // Another day, another sport family: never.
    expect(isSameActivity(byHand, { ...watch, localDate: '2026-11-19' })).toBe(false);
    expect(isSameActivity(byHand, { ...watch, sport: 'ride' })).toBe(false);
  });

  it('entered as "another run today" is joined by its start only', () => {
    const another = { ...byHand, sourceKeys: [`manual:${ANOTHER_RUN_PREFIX}form2`] };
    expect(isSameActivity(another, watch)).toBe(false);
    expect(isSameActivity({ ...another, startMs: T + 3 * min }, watch)).toBe(true);
  });

  it('joins the recorded run nearest its start on a day of two similar runs', () => {
    const evening = rec({ source: 'garmin', sourceId: 'g2', startMs: T + 10 * 3600_000, distanceM: 8100 });
    const morning = rec({ source: 'garmin', sourceId: 'g1', distanceM: 7900 });
    expect(findSame([morning, evening], byHand)?.key).toBe('garmin:g2');
    expect(findSame([morning, evening], { ...byHand, startMs: T + 30 * min })?.key).toBe('garmin:g1');
    // Grouped, it joins one of the two: two runs, not one.
    expect(groupKeys([byHand, morning, evening])).toHaveLength(2);
  });

  it('is deleted alone: its deletion never hides the recorded run of the day', () => {
    expect(deletionMatches(byHand, watch)).toBe(false);
    // The merged record's deletion carries both ids and hides every copy of either.
    const merged = { ...watch, sourceKeys: ['file:watch', 'manual:form1'] };
    expect(deletionMatches(merged, watch)).toBe(true);
    expect(deletionMatches(merged, byHand)).toBe(true);
  });

  it('two hand entries joined to one Strava run in two browsers are one run', () => {
    const here = { ...watch, sourceKeys: ['manual:a', 'strava:5'] };
    const there = { ...watch, sourceKeys: ['manual:b', 'strava:5'] };
    expect(isSameActivity(here, there)).toBe(true);
  });
});

describe('a run corrected by hand', () => {
  const corrected = { ...rec({ sourceId: '1' }), distanceM: 12_500, edited: true };
  const garminCopy = rec({ source: 'garmin', sourceId: '9', startMs: T + 2 * min });

  it('is still the same run as the copies that carry what the sources said', () => {
    expect(isSameActivity(corrected, garminCopy)).toBe(true);
    expect(isSameActivity(corrected, { ...garminCopy, sport: 'walk' })).toBe(false);
    expect(isSameActivity(corrected, { ...garminCopy, startMs: T + 11 * min })).toBe(false);
  });

  it('deleted in one browser, its deletion (no distance or times) hides the other browser’s copy', () => {
    const deletion = { ...corrected, distanceM: null, movingS: null, elapsedS: null, edited: undefined };
    expect(deletionMatches(deletion, garminCopy)).toBe(true);
    expect(deletionMatches(deletion, { ...garminCopy, sport: 'walk' })).toBe(false);
  });
});

describe('grouping', () => {
  it('depends on the set of records alone: any order, any repeats, the same groups', () => {
    const rowArb = fc.record({
      src: fc.constantFrom('strava', 'garmin', 'file', 'manual' as const),
      id: fc.integer({ min: 1, max: 6 }),
      startMin: fc.integer({ min: 0, max: 40 }),
      km: fc.integer({ min: 8, max: 12 }),
      sport: fc.constantFrom('run', 'trail_run', 'walk' as const),
      edited: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 14 }), fc.array(fc.nat()), (rows, shuffle) => {
        const acts = [
          ...new Map(
            rows.map((r) => {
              const a = rec({
                source: r.src,
                sourceId: String(r.id),
                startMs: T + r.startMin * min,
                distanceM: r.km * 1000,
                sport: r.sport,
              });
              return [a.key, r.edited ? { ...a, edited: true } : a] as const;
            }),
          ).values(),
        ];
        const once = groupKeys(acts);
        const again = [...acts, ...acts]
          .map((a, i) => [shuffle[i] ?? i, a] as const)
          .sort((x, y) => x[0] - y[0])
          .map(([, a]) => a);
        const dedup = [...new Map(again.map((a) => [a.key, a])).values()];
        expect(groupKeys(dedup)).toEqual(once);
        // Every member of a group is the same activity as every other.
        for (const g of groupSameActivities(acts, byKey))
          for (const x of g) for (const y of g) expect(isSameActivity(x, y)).toBe(true);
      }),
      { numRuns: 300, seed: 19 },
    );
  });
});

function walkInput() {
  return run({ source: 'file', sourceId: 'walk', sport: 'walk', distanceM: 1200, movingS: 900, elapsedS: 960 });
}
