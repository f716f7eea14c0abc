// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { activityFromInput, type Activity } from '../../../../core/activity';
import { addDays } from '../../../../core/local-date';
import { itemBytes, periodOfDate, shardKey } from '../../../../core/sync/shard-format';
import { diffItems, OWN_LIMITS, ownBudget, ownContent, planItems } from '../../../../core/sync/shard-plan';

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
