// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { activityFromInput } from '../../../../core/activity';
import { fitsRowFormat, syncRunOf } from '../../../../core/sync/shard-format';
import { historyWithSynced } from '../../../../core/sync/synced-history';
import { NOW, run } from '../../activity-fixtures';

describe('own history with the merged runs', () => {
  const old = activityFromInput(
    run({ sourceId: '1', localDate: '2026-06-01', startMs: Date.parse('2026-06-01T07:00:00Z') }),
    NOW,
  );
  const mine = activityFromInput(run({ sourceId: '2' }), NOW);

  it('keeps own runs before the window; inside it, the merged runs, linked to own records', () => {
    const merged = [
      { ...syncRunOf(mine), sourceKeys: ['garmin:9', 'strava:2'] },
      syncRunOf(
        activityFromInput(run({ sourceId: '3', startMs: mine.startMs + 86_400_000, localDate: '2026-11-21' }), NOW),
      ),
    ];
    const out = historyWithSynced([old, mine], merged, '2026-08-03', fitsRowFormat);
    expect(out.map((a) => a.key)).toEqual(['strava:1', 'strava:2', 'sync:strava:3']);
    // The own record keeps its name; another browser's run has none (names never travel).
    expect(out[1]!.name).toBe('Morning Run');
    expect(out[1]!.sourceKeys).toEqual(['garmin:9', 'strava:2']);
    expect(out[2]!.name).toBe('');
  });

  it('an own run the merge left out (deleted in another browser) is not shown', () => {
    expect(historyWithSynced([mine], [], '2026-08-03', fitsRowFormat)).toEqual([]);
  });
});
