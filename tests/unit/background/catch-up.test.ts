import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCatchUp, type CatchUpDeps } from '../../../background/catch-up';
import { loadSiteReads } from '../../../background/catch-up-store';
import { handleMessage } from '../../../background/message-router';
import { CATCH_UP, CATCH_UP_URLS, type CatchUpRun, type SiteReads } from '../../../core/catch-up';
import { NOW } from '../activity-fixtures';
import { routerDeps } from './router-deps';
import { stravaRunList } from './strava-list-fixture';

// The catch-up as the background runs it, on fake tabs: what opens, what closes, and the lines
// the popup gets, from the messages the real content scripts send (through the real router).

interface FakeTab {
  id: number;
  url?: string;
  status: string;
}

function world(opts: { reads?: SiteReads; auto?: boolean; failOpen?: 'strava' | 'garmin' } = {}) {
  let now = NOW;
  let run: CatchUpRun | null = null;
  const tabs = new Map<number, FakeTab>();
  const opened: string[] = [];
  const closed: number[] = [];
  const timers: { at: number; fn: () => void }[] = [];
  let nextId = 10;
  let changed = 0;
  const deps: CatchUpDeps = {
    tabs: {
      create: async ({ url, active }) => {
        if (active) throw new Error('a catch-up tab must never take focus');
        if (opts.failOpen && url === CATCH_UP_URLS[opts.failOpen]) throw new Error('no more tabs');
        opened.push(url);
        const id = nextId++;
        tabs.set(id, { id, url: '', status: 'loading' });
        return { id };
      },
      get: async (id) => {
        const t = tabs.get(id);
        if (!t) throw new Error(`No tab with id: ${id}`);
        return { url: t.url, status: t.status };
      },
      remove: async (id) => {
        if (!tabs.delete(id)) throw new Error(`No tab with id: ${id}`);
        closed.push(id);
      },
      query: async () => [...tabs.values()].map((t) => ({ id: t.id, url: t.url })),
    },
    now: () => now,
    loadRun: async () => run,
    saveRun: async (r) => {
      run = structuredClone(r);
    },
    siteReads: async () => opts.reads ?? { strava: null, garmin: null },
    autoCatchUp: async () => opts.auto ?? false,
    later: (ms, fn) => void timers.push({ at: now + ms, fn }),
    alarmAt: async () => {},
    changed: async () => void changed++,
    log: () => {},
  };
  const catchUp = createCatchUp(deps);
  return {
    catchUp,
    deps,
    /** Moves the clock on with no timer run: as after this worker was stopped. */
    skip: (ms: number) => void (now += ms),
    tabs,
    opened,
    closed,
    run: () => run,
    changed: () => changed,
    /** Moves the clock on and runs the timers that came due (the tabs' poll, the time limit). */
    async advance(ms: number) {
      now += ms;
      for (const t of timers.splice(0).filter((x) => (x.at <= now ? true : (timers.push(x), false)))) t.fn();
      await catchUp.poll(); // waits for the queue the timers joined
    },
    tabOf: (site: 'strava' | 'garmin') => run!.tabs.find((t) => t.site === site)?.tabId,
  };
}

const LIST_URL = 'https://www.strava.com/athlete/training_activities?new_activity_only=false&page=1&per_page=20';

/** A Strava list of `n` runs, the newest earlier today (NOW is 2026-11-25 12:00 UTC). */
const stravaList = (n: number) =>
  stravaRunList({ count: n, newest: '2026-11-25', firstId: 5_000_000, perPage: 20, total: n });

const GARMIN_LIST =
  'https://connect.garmin.com/gc-api/activitylist-service/activities/search/activities?limit=20&start=0';
function garminList(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    activityId: 20_000_000 + i,
    activityName: `Garmin run ${i}`,
    startTimeLocal: `2026-11-2${5 - i} 06:30:00`,
    startTimeGMT: `2026-11-2${5 - i} 06:30:00`,
    activityType: { typeKey: 'running' },
    distance: 10000,
    duration: 3000,
    movingDuration: 2950,
    elapsedDuration: 3100,
    ownerId: 77,
  }));
}

const from = (site: 'strava' | 'garmin', tabId: number | undefined) =>
  ({ kind: 'content', site, ...(tabId === undefined ? {} : { tabId }) }) as const;

beforeEach(() => fakeBrowser.reset());

describe('catching up from Strava and Garmin Connect', () => {
  it('opens both lists in tabs that never take focus, reads them through the router, closes both', async () => {
    const w = world();
    const d = await routerDeps({ catchUp: w.catchUp });
    const started = await handleMessage({ type: 'catchup/start', trigger: 'button' }, { kind: 'page' }, d);
    expect(started).toMatchObject({ ok: true, started: true });
    expect(w.opened).toEqual([CATCH_UP_URLS.strava, CATCH_UP_URLS.garmin]);
    const stravaTab = w.tabOf('strava')!;
    const garminTab = w.tabOf('garmin')!;

    // Strava: the page's list, then the content script's end of it.
    const r = await handleMessage(
      {
        type: 'site/data',
        data: {
          kind: 'strava-training-list',
          url: LIST_URL,
          status: 200,
          text: JSON.stringify(stravaList(1)),
          viewerId: null,
        },
      },
      from('strava', stravaTab),
      d,
    );
    expect(r).toMatchObject({ ok: true, added: 1 });
    expect(w.run()!.sites.strava).toEqual({ state: 'reading' }); // the list may go on
    await handleMessage({ type: 'site/list-end', stop: 'caught-up' }, from('strava', stravaTab), d);
    expect(w.run()!.sites.strava).toEqual({ state: 'new', activities: 1 });
    expect(w.tabs.has(stravaTab)).toBe(false);

    // Garmin: the list, which arrives in one response, ends its part at once.
    await handleMessage(
      {
        type: 'site/data',
        data: {
          kind: 'garmin-response',
          url: GARMIN_LIST,
          status: 200,
          text: JSON.stringify(garminList(2)),
          viewerId: '77',
        },
      },
      from('garmin', garminTab),
      d,
    );
    const run = w.run()!;
    expect(run.sites.garmin).toEqual({ state: 'new', activities: 2 });
    expect(run.endedMs).toBe(NOW);
    expect(w.tabs.size).toBe(0);
    expect(w.changed()).toBeGreaterThan(0);
    expect(await d.store.count()).toBe(3);
    // Both lists were read: the popup's freshness line says so.
    expect(await loadSiteReads()).toEqual({ strava: NOW, garmin: NOW });
  });

  it('a list with nothing new says "nothing new"; a visit’s own tab changes no catch-up', async () => {
    const w = world();
    const d = await routerDeps({ catchUp: w.catchUp });
    await w.catchUp.start('button');
    const data = {
      kind: 'strava-training-list',
      url: LIST_URL,
      status: 200,
      text: JSON.stringify(stravaList(1)),
      viewerId: null,
    } as const;
    // The runner's own tab (another id) reads the same run first.
    await handleMessage({ type: 'site/data', data }, from('strava', 999), d);
    await handleMessage({ type: 'site/list-end', stop: 'caught-up' }, from('strava', 999), d);
    expect(w.run()!.sites.strava).toEqual({ state: 'reading' });
    const tab = w.tabOf('strava')!;
    await handleMessage({ type: 'site/data', data }, from('strava', tab), d);
    await handleMessage({ type: 'site/list-end', stop: 'caught-up' }, from('strava', tab), d);
    expect(w.run()!.sites.strava).toEqual({ state: 'nothing-new' });
  });

  it('a message from the other site’s content script in a catch-up tab changes nothing', async () => {
    const w = world();
    await w.catchUp.start('button');
    await w.catchUp.listEnded(w.tabOf('strava'), 'garmin', 'rate-limited');
    expect(w.run()!.sites).toEqual({ strava: { state: 'reading' }, garmin: { state: 'reading' } });
  });

  it('429 and a sign-in page stop a site with their own line; its tab closes', async () => {
    const w = world();
    await w.catchUp.start('button');
    const s = w.tabOf('strava')!;
    await w.catchUp.listEnded(s, 'strava', 'rate-limited');
    expect(w.run()!.sites.strava).toEqual({ state: 'rate-limited' });
    // Garmin sends the tab to its sign-in host, whose address Hip Check may not see.
    const g = w.tabOf('garmin')!;
    w.tabs.set(g, { id: g, url: undefined, status: 'complete' });
    await w.advance(1000);
    expect(w.run()!.sites.garmin).toEqual({ state: 'signed-out' });
    expect(w.tabs.size).toBe(0);
    expect(w.closed).toEqual([s, g]);
  });

  it('a tab still loading (no address yet) is left alone; one the runner closed says so', async () => {
    const w = world();
    await w.catchUp.start('button');
    await w.advance(1000);
    expect(w.run()!.sites).toEqual({ strava: { state: 'reading' }, garmin: { state: 'reading' } });
    w.tabs.delete(w.tabOf('strava')!);
    await w.advance(1000);
    expect(w.run()!.sites.strava).toEqual({ state: 'closed' });
  });

  it(`after ${CATCH_UP.timeLimitMs / 1000} s whatever still reads is closed, as timed out`, async () => {
    const w = world();
    await w.catchUp.start('button');
    for (let i = 0; i < 44; i++) await w.advance(1000);
    expect(w.run()!.endedMs).toBeNull();
    await w.advance(1000);
    expect(w.run()!.sites).toEqual({ strava: { state: 'timed-out' }, garmin: { state: 'timed-out' } });
    expect(w.tabs.size).toBe(0);
  });

  it('the time limit also ends it from the alarm, after the worker was stopped (no timers left)', async () => {
    const w = world();
    await w.catchUp.start('button');
    w.skip(CATCH_UP.timeLimitMs - 1000);
    const nextWorker = createCatchUp(w.deps);
    await nextWorker.expire(); // too early: nothing changes
    expect(w.run()!.endedMs).toBeNull();
    w.skip(2000);
    await nextWorker.expire();
    expect(w.run()!.sites).toEqual({ strava: { state: 'timed-out' }, garmin: { state: 'timed-out' } });
    expect(w.tabs.size).toBe(0);
  });

  it('one at a time: a second press while reading opens nothing more', async () => {
    const w = world();
    await w.catchUp.start('button');
    expect(await w.catchUp.start('button')).toMatchObject({ started: false });
    expect(w.opened).toHaveLength(2);
  });

  it('a tab that cannot be opened is its site’s line; the other site still reads', async () => {
    const w = world({ failOpen: 'garmin' });
    await w.catchUp.start('button');
    expect(w.run()!.sites.garmin).toEqual({ state: 'not-opened' });
    expect(w.opened).toEqual([CATCH_UP_URLS.strava]);
    expect(w.run()!.endedMs).toBeNull();
  });

  it('the popup starts one only when the runner turned it on and the last read is over an hour old', async () => {
    const off = world({ reads: { strava: null, garmin: null }, auto: false });
    expect(await off.catchUp.start('popup')).toMatchObject({ started: false });
    expect(off.opened).toEqual([]);
    const fresh = world({ reads: { strava: NOW - 30 * 60_000, garmin: null }, auto: true });
    expect(await fresh.catchUp.start('popup')).toMatchObject({ started: false });
    expect(fresh.opened).toEqual([]);
    const stale = world({ reads: { strava: NOW - 2 * 3_600_000, garmin: null }, auto: true });
    expect(await stale.catchUp.start('popup')).toMatchObject({ started: true });
    expect(stale.opened).toHaveLength(2);
    // Ended without reading anything (signed out): the next opening does not try again at once.
    await stale.catchUp.listEnded(stale.tabOf('strava'), 'strava', 'signed-out');
    await stale.catchUp.listEnded(stale.tabOf('garmin'), 'garmin', 'signed-out');
    expect(await stale.catchUp.start('popup')).toMatchObject({ started: false });
    expect(stale.opened).toHaveLength(2);
  });

  it('leftover catch-up tabs (a browser restarted mid-way) are closed; the runner’s own tabs never', async () => {
    const w = world();
    w.tabs.set(1, { id: 1, url: CATCH_UP_URLS.strava, status: 'complete' });
    w.tabs.set(2, { id: 2, url: 'https://www.strava.com/athlete/training', status: 'complete' });
    w.tabs.set(3, { id: 3, url: CATCH_UP_URLS.garmin, status: 'complete' });
    w.tabs.set(4, { id: 4, url: undefined, status: 'complete' });
    await w.catchUp.closeLeftovers();
    expect([...w.tabs.keys()]).toEqual([2, 4]);
  });
});
