import { browser } from 'wxt/browser';
import { CATCH_UP_SITES, NO_SITE_READS, type CatchUpRun, type CatchUpSite, type SiteReads } from '../core/catch-up';
import { isObj } from '../core/guards';

// When each site's list was last read (kept: the popup's freshness line), and the catch-up now
// running (storage.session: a browser restart ends it, and its tabs are closed on the next start).
const READS_KEY = 'siteReads';
const RUN_KEY = 'catchUp';

export async function loadSiteReads(): Promise<SiteReads> {
  const v = (await browser.storage.local.get(READS_KEY))[READS_KEY];
  if (!isObj(v)) return { ...NO_SITE_READS };
  const at = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : null);
  return { strava: at(v.strava), garmin: at(v.garmin) };
}

export async function noteSiteRead(site: CatchUpSite, atMs: number): Promise<void> {
  const reads = await loadSiteReads();
  await browser.storage.local.set({ [READS_KEY]: { ...reads, [site]: atMs } });
}

export async function loadCatchUpRun(): Promise<CatchUpRun | null> {
  const v = (await browser.storage.session.get(RUN_KEY))[RUN_KEY];
  // Only this worker writes it; a shape it does not know (an older version's) is no run.
  if (!isObj(v) || typeof v.startedMs !== 'number' || !isObj(v.sites) || !Array.isArray(v.tabs)) return null;
  if (!CATCH_UP_SITES.every((s) => isObj((v.sites as Record<string, unknown>)[s]))) return null;
  return v as unknown as CatchUpRun;
}

export async function saveCatchUpRun(run: CatchUpRun): Promise<void> {
  await browser.storage.session.set({ [RUN_KEY]: run });
}
