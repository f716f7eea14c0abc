import { describe, expect, it, vi } from 'vitest';
import { DB_VERSION, openActivityDb } from '../../../background/activity-db';
import { ActivityStore } from '../../../background/activity-store';
import { CheckInStore } from '../../../background/check-in-store';
import { buildPopupState, RECENT_SHOWN } from '../../../background/popup-state';
import { NO_SITE_READS } from '../../../core/catch-up';
import { CHART_WEEKS } from '../../../core/engine/weekly-chart';
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
  it('six days running in a row ending today: a calm rest day tomorrow; the seventh is a warning', async () => {
    const six = await buildPopupState(
      await storeWithDailyRuns(6, '2026-11-25'),
      { ...DEFAULT_SETTINGS },
      [],
      [],
      NOW,
      'UTC',
    );
    expect(six.today).toBe('2026-11-25');
    expect(six.verdict.streak.runDays).toBe(6);
    expect(six.verdict.level).toBe('calm');
    expect(six.verdict.title).toBe('rest_tomorrow');
    expect(six.verdict.reasons[0]).toMatchObject({ code: 'run_streak_at_limit', limit: 6, restDueOn: '2026-11-26' });
    expect(six.runRecordedToday).toBe(true);
    const seven = await buildPopupState(
      await storeWithDailyRuns(7, '2026-11-25'),
      { ...DEFAULT_SETTINGS },
      [],
      [],
      NOW,
      'UTC',
    );
    expect(seven.verdict.level).toBe('warning');
    expect(seven.verdict.reasons[0]).toMatchObject({ code: 'run_streak_over_limit', days: 7, limit: 6 });
  });

  it('a rest mark and a check-in reach the verdict and the strip', async () => {
    const db = await openActivityDb(DB_VERSION, `popup-${Math.random()}`);
    const store = new ActivityStore(db);
    await store.save(
      [1, 2, 3, 4, 5, 6].map((i) => {
        const d = addDays('2026-11-25', -i);
        return run({ sourceId: `m${i}`, localDate: d, startMs: Date.parse(`${d}T07:00:00Z`), distanceM: 8000 });
      }),
      NOW,
    );
    const checkIns = new CheckInStore(db);
    await checkIns.set({ date: '2026-11-25', pain: 7, atMs: NOW });
    const before = await buildPopupState(store, { ...DEFAULT_SETTINGS }, [], [], NOW, 'UTC', 'en', checkIns);
    expect(before.verdict.level).toBe('warning');
    expect(before.verdict.reasons.map((r) => r.code)).toContain('pain_high');
    expect(before.strip.at(-1)).toMatchObject({ date: '2026-11-25', pain: 7 });
    const marked = await buildPopupState(
      store,
      { ...DEFAULT_SETTINGS },
      [],
      ['2026-11-25'],
      NOW,
      'UTC',
      'en',
      checkIns,
    );
    expect(marked.verdict.streak.runDays).toBe(0);
    expect(marked.verdict.reasons.map((r) => r.code)).not.toContain('run_streak_at_limit');
    expect(marked.strip.at(-1)).toMatchObject({ marked: true, kind: 'rest' });
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
    expect(s.weeks).toHaveLength(CHART_WEEKS);
    expect(s.weeks.map((w) => [w.runs, w.metres])).toEqual(Array(CHART_WEEKS).fill([7, 56_000]));
    expect(s.strip.map((d) => d.kind)).toEqual(Array(14).fill('run'));
  });

  it('takes the count the background kept instead of counting the store', async () => {
    const store = await storeWithDailyRuns(3, '2026-11-25');
    const spy = vi.spyOn(store, 'count');
    const s = await buildPopupState(store, { ...DEFAULT_SETTINGS }, [], [], NOW, 'UTC', 'en', null, {
      siteReads: NO_SITE_READS,
      catchUp: null,
      totalCount: 20_000,
    });
    expect(s.totalCount).toBe(20_000);
    expect(spy).not.toHaveBeenCalled();
  });

  it('the chart’s blocks are the weekly-ramp rule’s last and reference weeks', async () => {
    const store = await storeWithDailyRuns(20, '2026-11-25');
    await store.save(
      [
        run({
          sourceId: 'long',
          localDate: '2026-11-22',
          startMs: Date.parse('2026-11-22T08:00:00Z'),
          distanceM: 20_000,
        }),
      ],
      NOW,
    );
    const s = await buildPopupState(store, { ...DEFAULT_SETTINGS }, [], [], NOW, 'UTC');
    const ramp = s.verdict.weeklyRamp;
    expect(s.weeks.at(-1)).toMatchObject({ from: '2026-11-19', to: '2026-11-25', metres: ramp.lastWeekM });
    expect(s.weeks.find((w) => w.from === ramp.referenceFrom)).toMatchObject({ metres: ramp.referenceWeekM });
    expect(s.weeks.at(-1)!.runs).toBe(ramp.lastWeekRuns);
    // Twenty days of runs: three blocks, no empty ones before them.
    expect(s.weeks).toHaveLength(3);
  });

  it('"Last run read": the latest run a site or file gave, with its sources and name', async () => {
    const store = await storeWithDailyRuns(3, '2026-11-25');
    const s = await buildPopupState(store, { ...DEFAULT_SETTINGS }, [], [], NOW, 'UTC');
    expect(s.lastRunRead).toMatchObject({ sources: ['strava'], localDate: '2026-11-25' });
    const empty = await buildPopupState(
      await storeWithDailyRuns(0, '2026-11-25'),
      { ...DEFAULT_SETTINGS },
      [],
      [],
      NOW,
      'UTC',
    );
    expect(empty.lastRunRead).toBeNull();
  });

  it('the strip: days before the first record unknown, older records in the store counted', async () => {
    const fresh = await buildPopupState(
      await storeWithDailyRuns(1, '2026-11-25'),
      { ...DEFAULT_SETTINGS },
      [],
      [],
      NOW,
      'UTC',
    );
    expect(fresh.strip.map((d) => d.kind)).toEqual([...Array<string>(13).fill('unknown'), 'run']);
    const none = await buildPopupState(await storeWithDailyRuns(0, '2026-11-25'), DEFAULT_SETTINGS, [], [], NOW, 'UTC');
    expect(none.strip.map((d) => d.kind)).toEqual(Array(14).fill('unknown'));
    // One run long before anything the popup reads: the strip's days are known rest.
    const old = await storeWithDailyRuns(1, '2026-01-10');
    const back = await buildPopupState(old, { ...DEFAULT_SETTINGS }, [], [], NOW, 'UTC');
    expect(back.strip.map((d) => d.kind)).toEqual(Array(14).fill('rest'));
    // A rest mark from before the strip is a record too.
    const marked = await buildPopupState(
      await storeWithDailyRuns(0, '2026-11-25'),
      DEFAULT_SETTINGS,
      [],
      ['2026-10-01'],
      NOW,
      'UTC',
    );
    expect(marked.strip.map((d) => d.kind)).toEqual(Array(14).fill('rest'));
  });
});
