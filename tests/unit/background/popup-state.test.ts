import { describe, expect, it } from 'vitest';
import { DB_VERSION, openActivityDb } from '../../../background/activity-db';
import { ActivityStore } from '../../../background/activity-store';
import { buildPopupState, POPUP_WEEKS, RECENT_SHOWN } from '../../../background/popup-state';
import { addDays } from '../../../core/local-date';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { run } from '../activity-fixtures';

const NOW = Date.parse('2026-11-25T18:00:00Z');

async function storeWithDailyRuns(days: number, endDate: string) {
  const store = new ActivityStore(await openActivityDb(DB_VERSION, `popup-${Math.random()}`));
  const inputs = Array.from({ length: days }, (_, i) => {
    const d = addDays(endDate, -i);
    return run({ sourceId: `r${i}`, localDate: d, startMs: Date.parse(`${d}T07:00:00+14:00`), distanceM: 8000 });
  });
  await store.save(inputs, NOW);
  return store;
}

describe('popup state', () => {
  it('six days running in a row ending today is past the default limit of five', async () => {
    const store = await storeWithDailyRuns(6, '2026-11-25');
    const s = await buildPopupState(store, { ...DEFAULT_SETTINGS }, [], [], NOW, 'Europe/London');
    expect(s.today).toBe('2026-11-25');
    expect(s.verdict.streak.runDays).toBe(6);
    expect(s.verdict.level).toBe('warning');
    expect(s.verdict.reasons[0]!.text).toContain('limit is 5');
  });

  it('uses the runner’s time zone for today', async () => {
    const store = await storeWithDailyRuns(1, '2026-11-26');
    // 18:00 UTC on the 25th is already the 26th in Kiritimati (UTC+14).
    const s = await buildPopupState(store, { ...DEFAULT_SETTINGS }, [], [], NOW, 'Pacific/Kiritimati');
    expect(s.today).toBe('2026-11-26');
    expect(s.verdict.streak.ranToday).toBe(true);
  });

  it('shows only the last weeks, however long the history', async () => {
    const store = await storeWithDailyRuns(400, '2026-11-25');
    const s = await buildPopupState(store, { ...DEFAULT_SETTINGS }, [], [], NOW, 'UTC');
    expect(s.totalCount).toBe(400);
    expect(s.recent).toHaveLength(RECENT_SHOWN);
    expect(s.recent[0]!.localDate).toBe('2026-11-25');
    expect(s.weeks).toHaveLength(POPUP_WEEKS);
    expect(s.strip.map((d) => d.kind)).toEqual(Array(14).fill('run'));
  });
});
