// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { decodeItem, encodeItem, SHARD_PREFIX, shardKey } from '../../../../core/sync/shard-format';
import {
  decodeNotices,
  encodeNotices,
  MAX_NOTICES,
  noticeKey,
  noticesOf,
  noticeWrite,
} from '../../../../core/sync/refusal-notice';

const NOW = Date.parse('2026-11-30T21:00:00Z');

describe('refusal notices', () => {
  it('round-trip: whose item, which, why and the failing part (with "|" in it)', () => {
    const item = shardKey('otherone', 4100);
    const notices = noticesOf([
      { item, problem: 'badCheckIn', detail: '2026-11-30|3|0|0|t0' },
      { item: 'junk-key', problem: 'key', detail: 'junk-key' },
    ]);
    expect(notices).toEqual([{ browserId: 'otherone', item, problem: 'badCheckIn', detail: '2026-11-30|3|0|0|t0' }]);
    const value = encodeNotices(notices, NOW);
    expect(decodeNotices(noticeKey('mebrowser01'), value)).toEqual({ from: 'mebrowser01', notices });
  });

  it('junk is not read: wrong shapes, unknown problems, a key of another browser than named', () => {
    const key = noticeKey('mebrowser01');
    for (const v of [
      null,
      'x',
      { v: 2, s: 1, n: [] },
      { v: 1, s: 1, n: 'a' },
      { v: 1, s: 1, n: [1] },
      { v: 1, s: 1, n: ['otherone|hcs.otherone.4100|nonsense|x'] },
      { v: 1, s: 1, n: ['otherone|hcs.thirdone.4100|badRun|x'] },
      { v: 1, s: 1, n: ['otherone|hcs.otherone.4100|badRun|%E0%A4%A'] },
      { v: 1, s: 1, n: Array(MAX_NOTICES + 1).fill('otherone|hcs.otherone.4100|badRun|x') },
    ])
      expect(decodeNotices(key, v)).toBeNull();
    expect(decodeNotices('hcn.NO', { v: 1, s: 1, n: [] })).toBeNull();
  });

  it('browsers that predate notices never read the key: it is no shard key, and an unknown field in an item is ignored', () => {
    expect(noticeKey('mebrowser01').startsWith(SHARD_PREFIX)).toBe(false);
    const key = shardKey('otherone', 4100);
    const item = { ...encodeItem({ runs: [], deletions: [], marks: [], checkIns: [] }, NOW), n: ['x'] };
    expect(decodeItem(key, item, NOW).ok).toBe(true);
  });

  it('written only when they change, removed when none are left', () => {
    const planned = encodeNotices(noticesOf([{ item: shardKey('otherone', 1), problem: 'badRun', detail: 'x' }]), NOW);
    expect(noticeWrite(undefined, planned)).toEqual({ kind: 'set', value: planned });
    expect(noticeWrite({ ...planned, s: 5 }, planned)).toEqual({ kind: 'none' });
    expect(noticeWrite(planned, encodeNotices([], NOW))).toEqual({ kind: 'remove' });
    expect(noticeWrite(undefined, encodeNotices([], NOW))).toEqual({ kind: 'none' });
  });
});
