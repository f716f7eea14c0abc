import { bench, describe } from 'vitest';
import { activityFromInput, type Activity } from '../../core/activity';
import { addDays } from '../../core/local-date';
import { mergeShards } from '../../core/sync/merge-shards';
import { itemBytes } from '../../core/sync/shard-format';
import { diffItems, ownBudget, ownContent, planItems, SYNC_LIMITS } from '../../core/sync/shard-plan';

// Bytes run sync takes in storage.sync (100 KB in all, 8 KB an item, 512 items) at 1, 3 and 7
// activities a day for 120 days, each known to Strava and half of them to Garmin too (the
// largest rows real runs make), with a hip check-in every day. Prints one browser's share, two and three browsers that each saw
// every run, the largest item and the items one new run rewrites; then times the merge.
const TODAY = '2026-11-30';
const NOW = Date.parse('2026-11-30T21:00:00Z');

function history(perDay: number, days = 120): Activity[] {
  const out: Activity[] = [];
  for (let ago = 0; ago < days; ago++)
    for (let k = 0; k < perDay; k++) {
      const date = addDays(TODAY, -ago);
      const startMs = Date.parse(`${date}T05:00:00Z`) + k * 2 * 3_600_000 + 1234_000;
      const i = ago * 10 + k;
      let a = activityFromInput(
        {
          source: 'strava',
          sourceId: String(16_245_000_000 + i * 7919),
          startMs,
          localDate: date,
          sport: k % 3 === 2 ? 'ride' : 'run',
          sportLabel: 'Run',
          distanceM: 5000 + ((i * 3137) % 20000) + 0.4,
          movingS: 1500 + ((i * 71) % 6000),
          elapsedS: 1600 + ((i * 71) % 6000),
          name: 'Morning Run',
        },
        NOW - ago * 86_400_000,
      );
      if (i % 2) a = { ...a, sourceKeys: [...a.sourceKeys, `garmin:${19_400_000_000 + i * 104729}`] };
      out.push(a);
    }
  return out;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const checkIns = Array.from({ length: 120 }, (_, ago) => ({
  date: addDays(TODAY, -ago),
  pain: ago % 4,
  atMs: NOW - ago * 86_400_000,
}));
const own = (acts: Activity[]) => ownContent(acts, [], [], TODAY, checkIns);

const rows = [1, 3, 7].map((perDay) => {
  const acts = history(perDay);
  const one = planItems('browseraaa1', own(acts), NOW, ownBudget(0));
  const two = planItems('browserbbb2', own(acts), NOW, ownBudget(one.bytes));
  const three = planItems('browserccc3', own(acts), NOW, ownBudget(one.bytes + two.bytes));
  // One more run today: which items change?
  const more = history(perDay + 1, 1).slice(-1);
  const next = planItems('browseraaa1', own([...acts, ...more]), NOW + 60_000, ownBudget(0));
  const changed = diffItems(one.items, next.items);
  return {
    'activities a day': perDay,
    runs: acts.length,
    'one browser': kb(one.bytes),
    'bytes a run, check-ins incl.': Math.round(one.bytes / acts.length),
    items: Object.keys(one.items).length,
    'largest item': kb(Math.max(...Object.entries(one.items).map(([k, v]) => itemBytes(k, v)))),
    'two browsers': kb(one.bytes + two.bytes),
    'three browsers': kb(one.bytes + two.bytes + three.bytes),
    'runs left out (3rd)': three.droppedRuns,
    'items written for one new run': Object.keys(changed.set).length + changed.remove.length,
  };
});
console.log(
  `\nRun sync in storage.sync (limits: ${kb(SYNC_LIMITS.totalBytes)}, ${kb(SYNC_LIMITS.itemBytes)} an item, ${SYNC_LIMITS.items} items)`,
);
console.table(rows);

describe('merging every browser’s shards (7 activities a day, 120 days)', () => {
  const content = ownContent(history(7), [], [], TODAY);
  bench('merge 2 browsers that each saw all 840 runs', () => {
    mergeShards([content, content]);
  });
});
