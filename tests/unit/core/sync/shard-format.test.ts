// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { activityFromInput } from '../../../../core/activity';
import {
  decodeItem,
  decodeRun,
  encodeItem,
  encodeRun,
  itemBytes,
  periodOfDate,
  shardKey,
  syncDeletionOf,
  syncRunOf,
  type SyncRun,
} from '../../../../core/sync/shard-format';
import { NOW, run } from '../../activity-fixtures';

const a = activityFromInput(
  run({ sourceId: '12345678901', startMs: Date.parse('2026-11-20T07:00:00.400Z'), distanceM: 10_012.6 }),
  NOW,
);
const key = shardKey('abcdef12', periodOfDate(a.localDate));

describe('shard rows', () => {
  it('a run round-trips in about 40 bytes, rounded to seconds and metres, names left out', () => {
    const r = syncRunOf({ ...a, sourceKeys: [...a.sourceKeys, 'file:2026-11-20T07:00:01Z'] });
    const row = encodeRun(r);
    expect(decodeRun(row)).toEqual(r);
    expect(r.distanceM).toBe(10_013);
    expect(r.startMs).toBe(Date.parse('2026-11-20T07:00:00Z'));
    expect(row).not.toContain('Morning');
    expect(encodeRun(syncRunOf(a)).length).toBeLessThanOrEqual(40);
  });

  it('keeps a local date a day off UTC (a run just after midnight in Sydney or before it in Hawaii)', () => {
    for (const localDate of ['2026-11-19', '2026-11-21']) {
      const r = syncRunOf({ ...a, localDate });
      expect(decodeRun(encodeRun(r))).toEqual(r);
    }
  });

  it('refuses rows it cannot fully read', () => {
    const row = encodeRun(syncRunOf(a));
    for (const bad of [
      row + '|x',
      row.replace('|r|', '|?|'),
      row.replace(/\|S\w+$/, '|'),
      'x',
      row.replace('|0|', '|5|'),
    ])
      expect(decodeRun(bad), bad).toBeUndefined();
  });
});

describe('items from other browsers', () => {
  const content = {
    runs: [syncRunOf(a)],
    deletions: [syncDeletionOf({ ...a, sourceKeys: ['strava:9'], startMs: a.startMs + 3_600_000 }, NOW)],
    marks: [{ date: a.localDate, on: true, atMs: NOW }],
    checkIns: [
      {
        date: a.localDate,
        pain: 3,
        place: 'groin' as const,
        flags: ['walking' as const],
        later: { pain: 3, atMs: NOW },
        atMs: NOW,
      },
    ],
  };
  const item = encodeItem(content, NOW);
  const sec = Math.floor(NOW / 1000) * 1000;

  it('decode what encode wrote, with the browser and period from the key', () => {
    const d = decodeItem(key, JSON.parse(JSON.stringify(item)), NOW);
    expect(d).toMatchObject({ ok: true, browserId: 'abcdef12', writtenMs: Math.floor(NOW / 1000) * 1000 });
    if (d.ok)
      expect(d.content).toEqual({
        ...content,
        marks: [{ ...content.marks[0], atMs: sec }],
        checkIns: [{ ...content.checkIns[0], atMs: sec }],
      });
    expect(itemBytes(key, item)).toBeLessThan(300);
  });

  it.each([
    ['a key Hip Check does not write', 'hcs.X.1', item, 'key'],
    ['not an object', key, 'text', 'notObject'],
    ['a newer format', key, { ...item, v: 2 }, 'version'],
    ['written in the future', key, { ...item, s: Math.floor(NOW / 1000) + 10 * 86_400 }, 'writtenAt'],
    ['rows that are not text', key, { ...item, a: [1] }, 'rows'],
    ['a damaged run', key, { ...item, a: ['zz|0|r'] }, 'badRun'],
    ['a damaged deletion', key, { ...item, d: ['zz'] }, 'badDeletion'],
    ['a damaged mark', key, { ...item, m: ['2026-13-01|1|0'] }, 'badMark'],
    ['a pain rating over 10', key, { ...item, h: [`${a.localDate}|11|0|0|0`] }, 'badCheckIn'],
    ['a run of another period', shardKey('abcdef12', periodOfDate(a.localDate) + 3), item, 'outOfPeriod'],
    ['over 8 KB', key, { ...item, x: ['x'.repeat(8200)] }, 'tooLarge'],
  ] as const)('%s is ignored with a reason', (_, k, value, problem) => {
    const d = decodeItem(k, value, NOW);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.problem).toBe(problem);
  });

  it('lists it does not know (from a newer browser) are passed over, not refused', () => {
    expect(decodeItem(key, { ...item, x: ['2026-11-20|3'] }, NOW).ok).toBe(true);
  });

  it('ids with the separators in them survive', () => {
    const r: SyncRun = { ...syncRunOf(a), sourceKeys: ['file:a|b c%d', 'manual:popup-2026-11-20-1'] };
    expect(decodeRun(encodeRun(r))).toEqual(r);
  });
});
