// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { activityFromInput, type Activity } from '../../../../core/activity';
import { addDays } from '../../../../core/local-date';
import { decodeItem, itemBytes, periodOfDate, shardKey } from '../../../../core/sync/shard-format';
import { diffItems, OWN_LIMITS, ownBudget, ownContent, planItems, SYNC_LIMITS } from '../../../../core/sync/shard-plan';

const TODAY = '2026-11-30';
const NOW = Date.parse('2026-11-30T21:00:00Z');

function day(date: string, n: number): Activity[] {
  return Array.from({ length: n }, (_, k) =>
    activityFromInput(
      {
        source: 'strava',
        sourceId: `${16_000_000_000 + k}${date.replaceAll('-', '')}`.slice(0, 15),
        startMs: Date.parse(`${date}T00:00:00Z`) + k * 7 * 60_000,
        localDate: date,
        sport: 'run',
        sportLabel: 'Run',
        distanceM: 1000 + k,
        movingS: 300,
        elapsedS: 300,
        name: '',
      },
      NOW,
    ),
  );
}

describe('planning this browser’s items', () => {
  it('a day with dozens of activities keeps its item under the cap, dropping the oldest rows', () => {
    const acts = day(TODAY, 200);
    const plan = planItems('browseraaa1', ownContent(acts, [], [], TODAY), NOW, ownBudget(0));
    for (const [k, v] of Object.entries(plan.items)) expect(itemBytes(k, v)).toBeLessThanOrEqual(OWN_LIMITS.itemBytes);
    expect(plan.droppedRuns).toBeGreaterThan(0);
    const rows = plan.items[shardKey('browseraaa1', periodOfDate(TODAY))]!.a!;
    expect(rows.length + plan.droppedRuns).toBe(200);
    // The latest run of the day is among those kept.
    expect(rows.some((r) => r.endsWith(`S${Number(acts[199]!.sourceKeys[0]!.slice(7)).toString(36)}`))).toBe(true);
  });

  it('with little room left by other browsers, the newest periods stay and the oldest go', () => {
    const acts = Array.from({ length: 120 }, (_, i) => day(addDays(TODAY, -i), 3)).flat();
    const plan = planItems('browseraaa1', ownContent(acts, [], [], TODAY), NOW, 5_000);
    expect(plan.bytes).toBeLessThanOrEqual(5_000);
    expect(Object.keys(plan.items)).toContain(shardKey('browseraaa1', periodOfDate(TODAY)));
    expect(Object.keys(plan.items)).not.toContain(shardKey('browseraaa1', periodOfDate(addDays(TODAY, -110))));
    expect(plan.droppedRuns).toBeGreaterThan(0);
    expect(ownBudget(200_000)).toBe(0);
  });

  it('writes only the items whose rows changed, and removes the ones gone', () => {
    const before = planItems('browseraaa1', ownContent(day(addDays(TODAY, -20), 1), [], [], TODAY), NOW, 45_000);
    const after = planItems('browseraaa1', ownContent(day(TODAY, 1), [], [], TODAY), NOW + 1000, 45_000);
    const d = diffItems(before.items, after.items);
    expect(Object.keys(d.set)).toEqual([shardKey('browseraaa1', periodOfDate(TODAY))]);
    expect(d.remove).toEqual([shardKey('browseraaa1', periodOfDate(addDays(TODAY, -20)))]);
    // The same rows written later are not a change.
    const again = planItems('browseraaa1', ownContent(day(TODAY, 1), [], [], TODAY), NOW + 99_000, 45_000);
    expect(diffItems(after.items, again.items)).toEqual({ set: {}, remove: [] });
  });
});

describe('a full sync space', () => {
  const acts = Array.from({ length: 120 }, (_, i) => day(addDays(TODAY, -i), 2)).flat();
  const content = ownContent(acts, [], [], TODAY);

  it('other browsers leaving less than the share still leave a floor: the newest runs go, the oldest stay home', () => {
    for (const others of [60_000, 90_000, 95_000, 98_000, SYNC_LIMITS.totalBytes - 1_000]) {
      const budget = ownBudget(others);
      expect(budget).toBeGreaterThan(0);
      expect(budget).toBeLessThanOrEqual(SYNC_LIMITS.totalBytes - others);
      const plan = planItems('browseraaa1', content, NOW, budget);
      expect(plan.bytes).toBeLessThanOrEqual(budget);
      const kept = Object.values(plan.items).flatMap((v) => v.a ?? []);
      expect(kept.length).toBeGreaterThan(0);
      // Exactly the runs not sent are counted, and every one is older than every run sent.
      expect(kept.length + plan.droppedRuns).toBe(acts.length);
      const sent = new Set(Object.keys(plan.items).map((k) => Number(k.split('.')[2])));
      const newest = Math.max(...acts.map((a) => periodOfDate(a.localDate)));
      expect(sent.has(newest)).toBe(true);
      for (let p = Math.min(...sent); p <= newest; p++) expect(sent.has(p)).toBe(true);
    }
  });

  it('a space with no room at all plans nothing and counts every run as not sent', () => {
    const plan = planItems('browseraaa1', content, NOW, ownBudget(SYNC_LIMITS.totalBytes));
    expect(plan.items).toEqual({});
    expect(plan.droppedRuns).toBe(acts.length);
  });
});

describe('own rows checked before they go', () => {
  it('a check-in time in seconds and a change time of 0 are sent as sane times; the item is readable', () => {
    const [good, bad] = day(TODAY, 2);
    const zero = { ...bad!, updatedMs: 0 };
    const content = ownContent([good!, zero], [], [], TODAY, [
      { date: TODAY, pain: 3, atMs: Math.floor(NOW / 1000), later: { pain: 3, atMs: Math.floor(NOW / 1000) } },
    ]);
    const plan = planItems('browseraaa1', content, NOW, ownBudget(0));
    expect(plan.repaired).toBe(2);
    expect(plan.leftOut).toBe(0);
    const key = shardKey('browseraaa1', periodOfDate(TODAY));
    const d = decodeItem(key, plan.items[key], NOW);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.content.runs).toHaveLength(2);
    const noon = Date.parse(`${TODAY}T12:00:00Z`);
    expect(d.content.runs.find((r) => r.sourceKeys[0] === zero.sourceKeys[0])!.updatedMs).toBe(noon);
    expect(d.content.checkIns[0]).toMatchObject({ pain: 3, atMs: noon, later: { pain: 3, atMs: noon } });
  });

  it('a row no time can repair is left out, so the rest of its item is read', () => {
    const [good, bad] = day(TODAY, 2);
    const huge = { ...bad!, distanceM: 5e9 };
    const plan = planItems('browseraaa1', ownContent([good!, huge], [], [], TODAY), NOW, ownBudget(0));
    expect(plan.leftOut).toBe(1);
    const key = shardKey('browseraaa1', periodOfDate(TODAY));
    const d = decodeItem(key, plan.items[key], NOW);
    expect(d.ok && d.content.runs.map((r) => r.sourceKeys)).toEqual([good!.sourceKeys]);
  });
});
