import {
  autoCatchUpDue,
  CATCH_UP,
  CATCH_UP_MARK,
  CATCH_UP_SITES,
  CATCH_UP_URLS,
  outcomeOfStop,
  listReadOutcome,
  settleSite,
  startRun,
  tabAddressOutcome,
  type CatchUpRun,
  type CatchUpSite,
  type CatchUpTrigger,
  type ListStop,
  type SiteCatchUp,
  type SiteReads,
} from '../core/catch-up';
import { SITE_ORIGINS } from '../core/sites/site-routes';

// Catching up from Strava and Garmin Connect without a visit: each site's activity list is opened
// in a tab that never takes focus, the content scripts read it as on a visit (with the same
// pacing and stop rules), and the tab is closed as soon as the list is read, the site stops it,
// or after CATCH_UP.timeLimitMs. The run's state lives in storage, not in this worker's memory:
// the worker may be stopped and started again while the tabs load.

export interface CatchUpTabs {
  create(options: { url: string; active: false }): Promise<{ id?: number }>;
  /** Fails for a tab that is gone. `url`: only on the two sites (the host permissions). */
  get(tabId: number): Promise<{ url?: string; status?: string }>;
  remove(tabId: number): Promise<void>;
  /** Every tab whose address Hip Check may see (its two sites'), for leftovers of a restart. */
  query(options: Record<string, never>): Promise<{ id?: number; url?: string }[]>;
}

export interface CatchUpDeps {
  tabs: CatchUpTabs;
  now(): number;
  /** The catch-up now running or last run (storage.session: gone with the browser session). */
  loadRun(): Promise<CatchUpRun | null>;
  saveRun(run: CatchUpRun): Promise<void>;
  siteReads(): Promise<SiteReads>;
  autoCatchUp(): Promise<boolean>;
  /** Calls back after `ms` if this worker still runs (an alarm covers a stopped one). */
  later(ms: number, fn: () => void): void;
  /** An alarm at `whenMs` that calls expire(), in case this worker is stopped meanwhile. */
  alarmAt(whenMs: number): Promise<void>;
  /** The popup's state and the badge are recomputed. */
  changed(): Promise<void>;
  log(message: string): void;
}

/** What a content script in a tab read, as the catch-up needs it. */
export interface TabRead {
  /** The runner's activity list (not one activity), read without a problem. */
  list: boolean;
  added: number;
  problem: boolean;
  /** Garmin: the site has not yet said who is signed in; the list will come again. */
  waiting: boolean;
}

export interface CatchUp {
  start(trigger: CatchUpTrigger): Promise<{ started: boolean; run: CatchUpRun | null }>;
  tabRead(tabId: number | undefined, site: CatchUpSite, read: TabRead): Promise<void>;
  listEnded(tabId: number | undefined, site: CatchUpSite, stop: ListStop): Promise<void>;
  /**
   * Looks where the open tabs have got to (a sign-in page, closed by the runner). Polled while a
   * catch-up runs, instead of a tabs.onUpdated listener that would wake this worker for every tab
   * the runner uses.
   */
  poll(): Promise<void>;
  /** The time limit passed: whatever still reads is closed. */
  expire(): Promise<void>;
  /** On the worker's start: tabs a stopped browser or worker left open are closed. */
  closeLeftovers(): Promise<void>;
}

const POLL_MS = 1000;

export function createCatchUp(deps: CatchUpDeps): CatchUp {
  // Tab events, messages and timers all change the one stored run: one at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  const closeTab = async (tabId: number) => {
    await deps.tabs.remove(tabId).catch(() => undefined); // already closed by the runner
  };

  /** Settles a site's part, closes its tab, and says so when the whole run has ended. */
  const settle = async (run: CatchUpRun, site: CatchUpSite, outcome: SiteCatchUp): Promise<CatchUpRun> => {
    const next = settleSite(run, site, outcome, deps.now());
    if (next === run) return run;
    const tabs = next.tabs.filter((t) => t.site === site);
    const settled = { ...next, tabs: next.tabs.filter((t) => t.site !== site) };
    await deps.saveRun(settled);
    for (const t of tabs) await closeTab(t.tabId);
    deps.log(`catch-up ${site}: ${outcome.state}`);
    if (settled.endedMs !== null) await deps.changed();
    return settled;
  };

  /** The running catch-up's site of this tab, if the tab is one it opened. */
  const ownTab = async (tabId: number | undefined) => {
    if (tabId === undefined) return null;
    const run = await deps.loadRun();
    const tab = run?.endedMs === null ? run.tabs.find((t) => t.tabId === tabId) : undefined;
    return run && tab ? { run, site: tab.site } : null;
  };

  const expireNow = async () => {
    let run = await deps.loadRun();
    if (run?.endedMs !== null) return;
    if (deps.now() < run.startedMs + CATCH_UP.timeLimitMs) return;
    for (const site of CATCH_UP_SITES) run = await settle(run, site, { state: 'timed-out' });
  };

  const this_: CatchUp = {
    start: (trigger) =>
      serial(async () => {
        const now = deps.now();
        const last = await deps.loadRun();
        const running = last?.endedMs === null && now - last.startedMs < CATCH_UP.timeLimitMs * 2;
        if (running) return { started: false, run: last };
        if (trigger !== 'button' && !autoCatchUpDue(await deps.autoCatchUp(), await deps.siteReads(), last, now))
          return { started: false, run: last };
        // A run the worker never finished (stopped mid-way) closes its tabs first.
        if (last?.endedMs === null) for (const t of last.tabs) await closeTab(t.tabId);
        let run = startRun(trigger, now);
        await deps.saveRun(run);
        await deps.alarmAt(now + CATCH_UP.timeLimitMs + 1000);
        deps.later(CATCH_UP.timeLimitMs, () => void serial(expireNow));
        for (const site of CATCH_UP_SITES) {
          try {
            const tab = await deps.tabs.create({ url: CATCH_UP_URLS[site], active: false });
            if (tab.id === undefined) throw new Error('no tab id');
            run = { ...run, tabs: [...run.tabs, { site, tabId: tab.id }] };
            await deps.saveRun(run);
          } catch (e) {
            deps.log(`catch-up ${site}: tab not opened (${(e as Error).message})`);
            run = await settle(run, site, { state: 'not-opened' });
          }
        }
        await deps.changed();
        deps.later(POLL_MS, () => void this_.poll());
        return { started: true, run };
      }),

    tabRead: (tabId, site, read) =>
      serial(async () => {
        const own = await ownTab(tabId);
        if (own?.site !== site) return;
        const run: CatchUpRun = {
          ...own.run,
          added: { ...own.run.added, [site]: own.run.added[site] + read.added },
          unreadable:
            read.problem && !own.run.unreadable.includes(site) ? [...own.run.unreadable, site] : own.run.unreadable,
        };
        await deps.saveRun(run);
        // Garmin's list arrives in one response; Strava's content script says when its list ends.
        if (site === 'garmin' && !read.waiting && (read.list || read.problem))
          await settle(run, site, listReadOutcome(run, site));
      }),

    listEnded: (tabId, site, stop) =>
      serial(async () => {
        const own = await ownTab(tabId);
        if (own?.site === site) await settle(own.run, site, outcomeOfStop(own.run, site, stop));
      }),

    poll: () =>
      serial(async () => {
        let run = await deps.loadRun();
        if (run?.endedMs !== null) return;
        for (const { site, tabId } of run.tabs) {
          const tab = await deps.tabs.get(tabId).catch(() => null);
          // Until loaded, an address not yet known is no sign of anything.
          const outcome: SiteCatchUp | null = !tab
            ? { state: 'closed' }
            : !tab.url && tab.status !== 'complete'
              ? null
              : tabAddressOutcome(site, tab.url);
          if (outcome) run = await settle(run, site, outcome);
        }
        if (run.endedMs === null) deps.later(POLL_MS, () => void this_.poll());
      }),

    expire: () => serial(expireNow),

    closeLeftovers: () =>
      serial(async () => {
        const run = await deps.loadRun();
        const open = new Set(run?.endedMs === null ? run.tabs.map((t) => t.tabId) : []);
        for (const tab of await deps.tabs.query({}).catch(() => [])) {
          const url = tab.url ?? '';
          const ours = CATCH_UP_SITES.some((s) => url.startsWith(SITE_ORIGINS[s])) && url.includes(CATCH_UP_MARK);
          if (ours && tab.id !== undefined && !open.has(tab.id)) await closeTab(tab.id);
        }
        await expireNow();
      }),
  };
  return this_;
}
