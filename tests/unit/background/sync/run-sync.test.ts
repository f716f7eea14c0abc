import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DB_VERSION, openActivityDb } from '../../../../background/activity-db';
import { buildPopupState } from '../../../../background/popup-state';
import { CheckInStore } from '../../../../background/check-in-store';
import { StoreWithDeletionLog } from '../../../../background/sync/deletion-log';
import { createRunSync } from '../../../../background/sync/run-sync';
import { loadStatus, noteDeletions, SYNC_ON_KEY } from '../../../../background/sync/sync-local';
import { addDays } from '../../../../core/local-date';
import { DEFAULT_SETTINGS } from '../../../../core/settings';
import { decodeItem, encodeItem, periodOfDate, shardKey, syncRunOf } from '../../../../core/sync/shard-format';
import { decodeNotices, encodeNotices, noticeKey } from '../../../../core/sync/refusal-notice';
import { activityFromInput } from '../../../../core/activity';
import { run } from '../../activity-fixtures';

// The background half of run sync on WXT's fake browser and fake-indexeddb: what it writes, what
// it reads, and that the local history never pays for it.

const NOW = Date.parse('2026-11-25T18:00:00Z');
const TODAY = '2026-11-25';
const TZ = 'UTC';

const runOn = (ago: number, id: string, source: 'strava' | 'garmin' = 'strava', km = 8) => {
  const d = addDays(TODAY, -ago);
  return run({ source, sourceId: id, localDate: d, startMs: Date.parse(`${d}T07:00:00Z`), distanceM: km * 1000 });
};

async function setup(clock: () => number = () => NOW, opts: { checkInsMayLeave?: boolean } = {}) {
  const db = await openActivityDb(DB_VERSION, `sync-${Math.random()}`);
  const store = new StoreWithDeletionLog(db, (gone) => noteDeletions(gone, NOW, TODAY));
  const checkIns = new CheckInStore(db);
  const refresh = vi.fn(async () => {});
  const sync = createRunSync({
    getStore: async () => store,
    getCheckIns: async () => checkIns,
    listRestMarks: async () => [],
    now: clock,
    timeZone: () => TZ,
    refresh,
    ...(opts.checkInsMayLeave === undefined ? {} : { checkInsMayLeave: async () => opts.checkInsMayLeave! }),
  });
  return { store, sync, refresh, checkIns };
}

/** Another browser's items for these runs, as its sync would deliver them. */
function otherBrowserItems(id: string, inputs: ReturnType<typeof runOn>[]) {
  const byKey = new Map<string, ReturnType<typeof syncRunOf>[]>();
  for (const i of inputs) {
    const r = syncRunOf(activityFromInput(i, NOW - 60_000));
    const k = shardKey(id, periodOfDate(r.localDate));
    byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  return Object.fromEntries(
    [...byKey].map(([k, runs]) => [k, encodeItem({ runs, deletions: [], marks: [], checkIns: [] }, NOW - 60_000)]),
  );
}

const syncItems = async () => await browser.storage.sync.get<Record<string, unknown>>(null);

beforeEach(() => fakeBrowser.reset());

describe('run sync in the background', () => {
  it('off by default: nothing is written and the history is the store alone', async () => {
    const { store, sync } = await setup();
    await store.save([runOn(0, '1')], NOW);
    await sync.writeNow();
    expect(await syncItems()).toEqual({});
    expect(await sync.history(store, [])).toBeNull();
  });

  it('on: writes only this browser’s items, leaving the settings and other browsers’ items alone', async () => {
    const { store, sync } = await setup();
    await browser.storage.sync.set({
      settings: { preset: 'regular' },
      ...otherBrowserItems('otherone', [runOn(3, '77')]),
    });
    const before = await syncItems();
    await store.save([runOn(0, '1'), runOn(1, '2'), runOn(200, '3')], NOW);
    await browser.storage.local.set({ [SYNC_ON_KEY]: true });
    await sync.writeNow();
    const after = await syncItems();
    for (const [k, v] of Object.entries(before)) expect(after[k]).toEqual(v);
    const mine = Object.keys(after).filter((k) => !(k in before));
    expect(mine.length).toBeGreaterThan(0);
    const id = (await browser.storage.local.get('syncBrowserId')).syncBrowserId as string;
    for (const k of mine) expect(k.startsWith(`hcs.${id}.`)).toBe(true);
    // Two runs of the last 120 days; the one of 200 days ago stays home. No names travel.
    const rows = mine.flatMap((k) => (after[k] as { a?: string[] }).a ?? []);
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(after)).not.toContain('Morning Run');
    expect((await loadStatus())?.browsers).toBe(1);
    // Nothing changed: a second write writes nothing.
    const writes = ((await browser.storage.local.get('syncWrites')).syncWrites as number[]).length;
    await sync.writeNow();
    expect(((await browser.storage.local.get('syncWrites')).syncWrites as number[]).length).toBe(writes);
  });

  it('the popup counts another browser’s runs, and a run both saw once', async () => {
    const { store, sync } = await setup();
    await browser.storage.local.set({ [SYNC_ON_KEY]: true });
    // Here: today and yesterday. There: yesterday again (Garmin's copy) and the two days before.
    await store.save([runOn(0, '100'), runOn(1, '101')], NOW);
    await browser.storage.sync.set(
      otherBrowserItems('otherone', [runOn(1, '9001', 'garmin'), runOn(2, '102'), runOn(3, '103')]),
    );
    const h = await sync.history(store, []);
    expect(h).not.toBeNull();
    const state = await buildPopupState(h!.source, { ...DEFAULT_SETTINGS }, [], h!.restMarks, NOW, TZ);
    expect(state.verdict.streak.runDays).toBe(4);
    expect(state.recent.filter((a) => a.localDate === addDays(TODAY, -1))).toHaveLength(1);
    expect(state.recent.find((a) => a.localDate === addDays(TODAY, -1))!.sourceKeys).toEqual([
      'garmin:9001',
      'strava:101',
    ]);
    // The local history is untouched: two records.
    expect(await store.count()).toBe(2);
  });

  it('a damaged item from another browser is ignored with a notice; the rest still count', async () => {
    const { store, sync } = await setup();
    await browser.storage.local.set({ [SYNC_ON_KEY]: true });
    await store.save([runOn(0, '100')], NOW);
    await browser.storage.sync.set({
      ...otherBrowserItems('otherone', [runOn(1, '101')]),
      [shardKey('otherone', periodOfDate(addDays(TODAY, -30)))]: { v: 1, s: NOW / 1000, a: ['not|a|run'] },
    });
    const h = await sync.history(store, []);
    expect((await h!.source.between(addDays(TODAY, -40), TODAY)).length).toBe(2);
    await sync.writeNow();
    const status = await loadStatus();
    expect(status?.problems).toEqual([expect.objectContaining({ problem: 'badRun', detail: 'not|a|run' })]);
  });

  it('a refused write (over quota) is reported and costs no local run', async () => {
    const { store, sync } = await setup();
    await browser.storage.local.set({ [SYNC_ON_KEY]: true });
    await store.save([runOn(0, '1'), runOn(1, '2')], NOW);
    const spy = vi.spyOn(browser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await sync.writeNow();
    spy.mockRestore();
    expect((await loadStatus())?.refused).toContain('QUOTA_BYTES');
    expect(await store.count()).toBe(2);
    expect(Object.keys(await syncItems())).toEqual([]);
  });

  it('turning off removes this browser’s items only; every local run stays', async () => {
    const { store, sync } = await setup();
    await browser.storage.sync.set(otherBrowserItems('otherone', [runOn(3, '77')]));
    await browser.storage.local.set({ [SYNC_ON_KEY]: true });
    await store.save([runOn(0, '1'), runOn(1, '2')], NOW);
    await sync.writeNow();
    expect(Object.keys(await syncItems()).length).toBeGreaterThan(1);
    await browser.storage.local.set({ [SYNC_ON_KEY]: false });
    await sync.removeOwn();
    expect(Object.keys(await syncItems())).toEqual(Object.keys(otherBrowserItems('otherone', [runOn(3, '77')])));
    expect(await store.count()).toBe(2);
  });

  it('a run deleted here stays deleted although another browser still has it', async () => {
    const { store, sync } = await setup();
    await browser.storage.local.set({ [SYNC_ON_KEY]: true });
    await browser.storage.sync.set(otherBrowserItems('otherone', [runOn(1, '101')]));
    const saved = await store.save([runOn(1, '101'), runOn(0, '100')], NOW);
    expect((await sync.history(store, []))!.source).toBeDefined();
    await store.delete([saved.keys[0]!]);
    const h = await sync.history(store, []);
    const shown = await h!.source.between(addDays(TODAY, -5), TODAY);
    expect(shown.map((a) => a.sourceKeys)).toEqual([['strava:100']]);
  });
});

describe('pruning', () => {
  it('items of periods older than 120 days are left out of the merge, without a notice', async () => {
    const { store, sync } = await setup();
    await browser.storage.local.set({ [SYNC_ON_KEY]: true });
    await browser.storage.sync.set(otherBrowserItems('otherone', [runOn(130, '55')]));
    const h = await sync.history(store, []);
    expect(await h!.source.between(addDays(TODAY, -200), TODAY)).toEqual([]);
    await sync.writeNow();
    expect(await loadStatus()).toMatchObject({ browsers: 0, problems: [] });
  });
});

describe('browsers not heard from', () => {
  it('a browser whose last write is over 120 days old is left out, even with recent-looking rows', async () => {
    const { store, sync } = await setup();
    await browser.storage.local.set({ [SYNC_ON_KEY]: true });
    const items = otherBrowserItems('oldbrowser', [runOn(1, '55')]);
    for (const v of Object.values(items)) (v as { s: number }).s = Math.floor((NOW - 130 * 86_400_000) / 1000);
    await browser.storage.sync.set(items);
    const h = await sync.history(store, []);
    expect(await h!.source.between(addDays(TODAY, -10), TODAY)).toEqual([]);
  });
});

describe('hip check-ins', () => {
  it('travel in this browser’s items, and the latest answer of a day wins in every browser', async () => {
    const { store, sync, checkIns } = await setup();
    await browser.storage.local.set({ [SYNC_ON_KEY]: true });
    await checkIns.set({ date: TODAY, pain: 2, atMs: NOW - 3_600_000 });
    await checkIns.set({ date: addDays(TODAY, -1), pain: 1, atMs: NOW });
    await sync.writeNow();
    const rows = Object.values(await syncItems()).flatMap((v) => (v as { h?: string[] }).h ?? []);
    expect(rows).toHaveLength(2);
    // Another browser answered today later (pain 6), yesterday earlier (pain 4).
    const later = { date: TODAY, pain: 6, flags: ['night_or_rest'], atMs: NOW - 60_000 };
    const earlier = {
      date: addDays(TODAY, -1),
      pain: 4,
      atMs: NOW - 86_400_000,
    };
    const items: Record<string, unknown> = {};
    for (const c of [later, earlier]) {
      const k = shardKey('otherone', periodOfDate(c.date));
      const prev = (items[k] as { h?: string[] } | undefined)?.h ?? [];
      const item = encodeItem({ runs: [], deletions: [], marks: [], checkIns: [c] }, NOW - 60_000);
      items[k] = { ...item, h: [...prev, ...item.h!] };
    }
    await browser.storage.sync.set(items);
    const h = await sync.history(store, []);
    const state = await buildPopupState(
      h!.source,
      { ...DEFAULT_SETTINGS },
      [],
      h!.restMarks,
      NOW,
      TZ,
      'en',
      h!.checkIns,
    );
    expect(Object.fromEntries(state.checkIns.map((c) => [c.date, c.pain]))).toEqual({
      [TODAY]: 6,
      [addDays(TODAY, -1)]: 1,
    });
    // This browser's own answers are as they were.
    expect((await checkIns.all()).map((c) => c.pain).sort()).toEqual([1, 2]);
  });

  it('stay in this browser without consent for health data (Firefox), while runs still travel', async () => {
    const { store, sync, checkIns } = await setup(undefined, { checkInsMayLeave: false });
    await browser.storage.local.set({ [SYNC_ON_KEY]: true });
    await store.save([runOn(0, '1')], NOW);
    await checkIns.set({ date: TODAY, pain: 2, atMs: NOW - 3_600_000 });
    await sync.writeNow();
    const items = Object.values(await syncItems()) as { a?: string[]; h?: string[] }[];
    expect(items.flatMap((v) => v.a ?? [])).toHaveLength(1);
    expect(items.flatMap((v) => v.h ?? [])).toEqual([]);
  });
});

describe('what sync believes', () => {
  it('another browser’s run starting later today is not counted; a check-in claiming 2199 loses to a later answer here', async () => {
    let now = NOW;
    const { store, sync, checkIns } = await setup(() => now);
    await browser.storage.local.set({ [SYNC_ON_KEY]: true });
    const tonight = { ...runOn(0, '300'), startMs: NOW + 3 * 3_600_000 };
    const items = otherBrowserItems('otherone', [tonight]);
    const k = shardKey('otherone', periodOfDate(TODAY));
    const hostile = { date: TODAY, pain: 10, flags: ['night_or_rest' as const], atMs: Date.UTC(2199, 0, 1) };
    items[k] = { ...items[k]!, h: encodeItem({ runs: [], deletions: [], marks: [], checkIns: [hostile] }, NOW).h };
    await browser.storage.sync.set(items);
    // First read: the row is seen now, and believed no later than that.
    expect((await sync.history(store, []))!.checkIns).toBeDefined();
    now = NOW + 60_000;
    await checkIns.set({ date: TODAY, pain: 0, flags: [], atMs: now });
    const h = (await sync.history(store, []))!;
    expect(await h.source.between(addDays(TODAY, -3), TODAY)).toEqual([]);
    expect((await h.checkIns.between(TODAY, TODAY)).map((c) => c.pain)).toEqual([0]);
  });
});

describe('refused items', () => {
  const ME = 'mebrowser01';

  it('an item refused here is named in this browser’s notice key, for its writer', async () => {
    const { store, sync } = await setup();
    await browser.storage.local.set({ [SYNC_ON_KEY]: true, syncBrowserId: ME });
    await store.save([runOn(0, '100')], NOW);
    const bad = shardKey('otherone', periodOfDate(addDays(TODAY, -30)));
    await browser.storage.sync.set({ [bad]: { v: 1, s: NOW / 1000, a: ['not|a|run'] } });
    await sync.writeNow();
    const notice = (await syncItems())[noticeKey(ME)];
    expect(decodeNotices(noticeKey(ME), notice)?.notices).toEqual([
      { browserId: 'otherone', item: bad, problem: 'badRun', detail: 'not|a|run' },
    ]);
    // The other browser mends its item: the notice goes.
    await browser.storage.sync.remove(bad);
    await sync.writeNow();
    expect(Object.keys(await syncItems())).not.toContain(noticeKey(ME));
  });

  it('a browser named in another’s notice shows it and writes its item again, readable', async () => {
    const { store, sync } = await setup();
    await browser.storage.local.set({ [SYNC_ON_KEY]: true, syncBrowserId: ME });
    await store.save([runOn(0, '100')], NOW);
    await sync.writeNow();
    const mine = shardKey(ME, periodOfDate(TODAY));
    // Its item, as an older version wrote it: one row with a change time of 0.
    const stored = (await syncItems())[mine] as { a: string[] };
    const broken = { ...stored, a: [stored.a[0]!.replace(/\|[0-9a-z]+\|S/, '|0|S')] };
    expect(decodeItem(mine, broken, NOW).ok).toBe(false);
    await browser.storage.sync.set({
      [mine]: broken,
      [noticeKey('otherone')]: encodeNotices(
        [{ browserId: ME, item: mine, problem: 'badRun', detail: broken.a[0]!.slice(0, 20) }],
        NOW,
      ),
    });
    await sync.writeNow();
    expect(decodeItem(mine, (await syncItems())[mine], NOW).ok).toBe(true);
    expect((await loadStatus())?.refusedElsewhere).toEqual([
      expect.objectContaining({ from: 'otherone', item: mine, problem: 'badRun' }),
    ]);
  });
});

describe('a full sync space', () => {
  it('another browser filling the space costs this one its oldest runs only, and the notice counts them', async () => {
    const { store, sync } = await setup();
    await browser.storage.local.set({ [SYNC_ON_KEY]: true });
    const runs = [0, 4, 9, 14, 19, 24, 29].map((ago, i) => runOn(ago, String(500 + i)));
    await store.save(runs, NOW);
    await sync.writeNow();
    const rowsSent = async () =>
      Object.entries(await syncItems())
        .filter(([k]) => k.startsWith('hcs.') && !k.startsWith('hcs.otherone'))
        .flatMap(([, v]) => (v as { a?: string[] }).a ?? []).length;
    expect(await rowsSent()).toBe(7);
    // Another browser's items take all but a few KB of the 100 KB.
    const filler: Record<string, unknown> = {};
    for (let i = 0; i < 13; i++)
      filler[shardKey('otherone', periodOfDate(addDays(TODAY, -5 * i)))] = { v: 1, s: NOW / 1000, x: 'x'.repeat(7400) };
    await browser.storage.sync.set(filler);
    await sync.writeNow();
    const sent = await rowsSent();
    const status = await loadStatus();
    expect(sent).toBeGreaterThan(0);
    expect(sent + status!.droppedRuns).toBe(7);
    expect(status!.noRoom).toBe(false);
  });
});
