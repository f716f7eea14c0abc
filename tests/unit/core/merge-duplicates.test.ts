import { describe, expect, it } from 'vitest';
import { activityFromInput } from '../../../core/activity';
import { findDuplicate, isSameActivity, mergeInto } from '../../../core/merge-duplicates';
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
    expect(findDuplicate([manual], run({ source: 'manual', sourceId: 'm1', distanceM: null }))?.key).toBe('manual:m1');
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
    expect(findDuplicate([s], run({ startMs: run().startMs + 3600_000 }))?.key).toBe(s.key);
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
