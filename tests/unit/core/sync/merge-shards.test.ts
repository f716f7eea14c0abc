// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mergeShards } from '../../../../core/sync/merge-shards';
import type { ShardContent, SyncDeletion, SyncRun } from '../../../../core/sync/shard-format';

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
        checkIns: [{ date: '2026-11-20', pain: 2, nightOrRest: false, groinWalking: false, atMs: T }],
      }),
      shard({
        marks: [{ date: '2026-11-20', on: false, atMs: T + 1000 }],
        checkIns: [{ date: '2026-11-20', pain: 5, nightOrRest: false, groinWalking: false, atMs: T + 1000 }],
      }),
    ]);
    expect(m.restMarks).toEqual([]);
    expect(m.checkIns.map((c) => c.pain)).toEqual([5]);
  });
});
