// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { activityFromInput } from '../../../../core/activity';
import { mergeShards } from '../../../../core/sync/merge-shards';
import { diffItems } from '../../../../core/sync/shard-plan';
import {
  decodeItem,
  decodeRun,
  encodeItem,
  periodOfDate,
  shardKey,
  syncRunOf,
  type ShardContent,
  type SyncRun,
} from '../../../../core/sync/shard-format';
import { activityOfSyncRun } from '../../../../core/sync/synced-history';
import { NOW, run } from '../../activity-fixtures';

// A run's cadence travels between browsers in a list of its own beside the run rows, so a
// browser that predates it still reads every run, and a damaged list never hides a run.

const at = (h: number) => Date.parse('2026-11-20T07:00:00Z') + h * 3_600_000;
const withCadence = activityFromInput(run({ sourceId: '1', startMs: at(0), cadenceSpm: 172 }), NOW);
const without = activityFromInput(run({ sourceId: '2', startMs: at(4) }), NOW);
const third = activityFromInput(run({ sourceId: '3', startMs: at(8), cadenceSpm: 158 }), NOW);
const content = (runs: SyncRun[]): ShardContent => ({ runs, deletions: [], marks: [], checkIns: [] });
const key = shardKey('abcdef12', periodOfDate('2026-11-20'));

describe('cadence in shard items', () => {
  const item = encodeItem(content([third, without, withCadence].map(syncRunOf)), NOW);

  it('one entry per run row, in the rows’ order, "" for a run without', () => {
    expect(item.a).toHaveLength(3);
    const byRow = new Map(item.a!.map((row, i) => [decodeRun(row)!.sourceKeys[0], item.c![i]]));
    expect(Object.fromEntries(byRow)).toEqual({
      'strava:1': (172).toString(36),
      'strava:2': '',
      'strava:3': (158).toString(36),
    });
  });

  it('round-trips', () => {
    const d = decodeItem(key, JSON.parse(JSON.stringify(item)), NOW);
    expect(d.ok).toBe(true);
    if (d.ok)
      expect(Object.fromEntries(d.content.runs.map((r) => [r.sourceKeys[0], r.cadenceSpm]))).toEqual({
        'strava:1': 172,
        'strava:2': undefined,
        'strava:3': 158,
      });
  });

  it('an item whose runs have none carries no list', () => {
    expect('c' in encodeItem(content([syncRunOf(without)]), NOW)).toBe(false);
  });

  it('the run rows are what a browser without cadences reads (8 fields, unchanged)', () => {
    const plain = encodeItem(
      content([third, without, withCadence].map((a) => syncRunOf({ ...a, cadenceSpm: undefined }))),
      NOW,
    );
    expect(item.a).toEqual(plain.a);
  });

  it.each([
    ['a list of another length', { c: ['4s'] }],
    ['not a list', { c: '4s' }],
  ])('%s loses the cadences, not the runs', (_, over) => {
    const d = decodeItem(key, { ...item, ...over }, NOW);
    expect(d.ok).toBe(true);
    if (d.ok) {
      expect(d.content.runs).toHaveLength(3);
      expect(d.content.runs.every((r) => r.cadenceSpm === undefined)).toBe(true);
    }
  });

  it('an entry that is no believable cadence is left out alone', () => {
    const damaged = item.c!.map((c) => (c === (158).toString(36) ? (30).toString(36) : c));
    const d = decodeItem(key, { ...item, c: damaged }, NOW);
    if (!d.ok) throw new Error('item refused');
    expect(d.content.runs.map((r) => r.cadenceSpm).filter((c) => c !== undefined)).toEqual([172]);
  });

  it('a changed cadence alone rewrites the item', () => {
    const changed = encodeItem(content([syncRunOf({ ...withCadence, cadenceSpm: 174 })]), NOW);
    const before = encodeItem(content([syncRunOf(withCadence)]), NOW);
    expect(diffItems({ [key]: before }, { [key]: changed }).set).toHaveProperty(key);
    expect(diffItems({ [key]: before }, { [key]: before }).set).toEqual({});
  });
});

describe('merging keeps a cadence', () => {
  const r = syncRunOf(withCadence);
  const { cadenceSpm: _, ...bare } = r;

  it('the same row with and without it, in any order: with it', () => {
    for (const order of [
      [content([r]), content([bare])],
      [content([bare]), content([r])],
    ])
      expect(mergeShards(order).runs).toMatchObject([{ cadenceSpm: 172 }]);
  });

  it('two copies that disagree give the same answer in any order', () => {
    const other = { ...r, cadenceSpm: 168 };
    const one = mergeShards([content([r]), content([other])]).runs;
    const two = mergeShards([content([other]), content([r])]).runs;
    expect(one).toEqual(two);
  });

  it('the run speaks with the best copy’s cadence, or another copy’s when it has none', () => {
    const garmin = { ...bare, sourceKeys: ['garmin:9'], startMs: r.startMs + 60_000, cadenceSpm: 166 };
    expect(mergeShards([content([r]), content([garmin])]).runs).toMatchObject([{ cadenceSpm: 172 }]);
    expect(mergeShards([content([bare]), content([garmin])]).runs).toMatchObject([
      { sourceKeys: ['garmin:9', 'strava:1'], cadenceSpm: 166 },
    ]);
  });
});

describe('a merged run as an activity', () => {
  it('takes the run’s cadence, else the own record’s', () => {
    const r = syncRunOf(withCadence);
    expect(activityOfSyncRun(r, undefined).cadenceSpm).toBe(172);
    const { cadenceSpm: _, ...bare } = r;
    expect(activityOfSyncRun(bare, withCadence).cadenceSpm).toBe(172);
    expect('cadenceSpm' in activityOfSyncRun(bare, undefined)).toBe(false);
  });
});
