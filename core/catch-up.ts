import { addDays, dayNumber, localDateOf } from './local-date';
import { wallClockToUtc } from './time';
import type { Site } from './messages';
import { GARMIN_ORIGIN } from './sites/garmin/garmin-site';
import { SITE_ORIGINS } from './sites/site-routes';
import { STRAVA_ORIGIN } from './sites/strava/strava-site';

// Catching up: the runner's own activity lists on Strava and Garmin Connect, read in background
// tabs Hip Check opens and closes, without the runner visiting either site. Only the two lists,
// read as a visit would read them (the same content scripts, pacing and stop rules); nothing else.

/** The two sites (core/messages.ts's Site): catch-up reads both. */
export type CatchUpSite = Site;
export const CATCH_UP_SITES: readonly CatchUpSite[] = ['strava', 'garmin'];

/**
 * The fragment marks a tab as Hip Check's own (it never reaches the site's server), so a tab left
 * by a browser restart mid-way is found and closed.
 */
export const CATCH_UP_MARK = '#hipcheck-catch-up';

export const CATCH_UP_URLS: Readonly<Record<CatchUpSite, string>> = {
  strava: `${STRAVA_ORIGIN}/athlete/training${CATCH_UP_MARK}`,
  garmin: `${GARMIN_ORIGIN}/app/activities${CATCH_UP_MARK}`,
};

export const CATCH_UP = {
  /** A tab still reading after this is closed: the site did not answer as expected. */
  timeLimitMs: 45_000,
  /** Automatic catch-up (when the runner turned it on): only when the last read is older. */
  autoAfterMs: 60 * 60 * 1000,
  /** The morning catch-up, local time: after most morning runs have synced from the watch. */
  morningHour: 9,
} as const;

/** How a site's list read ended, as a content script saw it (core/sites/strava/strava-backfill.ts). */
export const LIST_STOPS = [
  'caught-up',
  'page-limit',
  'rate-limited',
  'signed-out',
  'http-error',
  'network-error',
  'not-stored',
] as const;
export type ListStop = (typeof LIST_STOPS)[number];

/** How a refused request for the list itself ends it: 429 slow down, 401/403 signed out, else an error. */
export function listStopOfStatus(status: number): ListStop {
  if (status === 429) return 'rate-limited';
  return status === 401 || status === 403 ? 'signed-out' : 'http-error';
}

/** One site's part of a catch-up, as the popup's line for it says it. */
export type SiteCatchUp =
  | { state: 'reading' }
  | { state: 'new'; activities: number }
  | { state: 'nothing-new' }
  | { state: 'signed-out' }
  | { state: 'rate-limited' }
  | { state: 'unreadable' }
  /** A later page of the list did not come (offline, the connection dropped). */
  | { state: 'unreachable' }
  /** The site answered the list with an error of its own (5xx, 404). */
  | { state: 'site-error' }
  /** Read, but Hip Check did not store it (its background failed): nothing about the site. */
  | { state: 'not-stored' }
  | { state: 'timed-out' }
  | { state: 'closed' }
  | { state: 'not-opened' };

export type CatchUpTrigger = 'button' | 'popup' | 'morning';

export interface CatchUpRun {
  trigger: CatchUpTrigger;
  startedMs: number;
  /** Null while any site is still reading. */
  endedMs: number | null;
  sites: Record<CatchUpSite, SiteCatchUp>;
  /** The tabs this catch-up opened, while open. */
  tabs: { site: CatchUpSite; tabId: number }[];
  /** Activities added so far, per site (a site's list may arrive in several pages). */
  added: Record<CatchUpSite, number>;
  /** A page of the list could not be read: the site's line says so even if the list then ended. */
  unreadable: CatchUpSite[];
}

/** When each site's activity list was last read (a visit or a catch-up), ms; null: never. */
export type SiteReads = Record<CatchUpSite, number | null>;
export const NO_SITE_READS: SiteReads = { strava: null, garmin: null };

export function startRun(trigger: CatchUpTrigger, nowMs: number): CatchUpRun {
  return {
    trigger,
    startedMs: nowMs,
    endedMs: null,
    sites: { strava: { state: 'reading' }, garmin: { state: 'reading' } },
    tabs: [],
    added: { strava: 0, garmin: 0 },
    unreadable: [],
  };
}

/** The run with one site's part settled (a settled part stays as it is), ended when all are. */
export function settleSite(run: CatchUpRun, site: CatchUpSite, outcome: SiteCatchUp, nowMs: number): CatchUpRun {
  if (run.sites[site].state !== 'reading') return run;
  const sites = { ...run.sites, [site]: outcome };
  const ended = CATCH_UP_SITES.every((s) => sites[s].state !== 'reading');
  return { ...run, sites, endedMs: ended ? nowMs : null };
}

/** What a list that was read to its end found. */
export function listReadOutcome(run: CatchUpRun, site: CatchUpSite): SiteCatchUp {
  if (run.unreadable.includes(site)) return { state: 'unreadable' };
  const added = run.added[site];
  return added > 0 ? { state: 'new', activities: added } : { state: 'nothing-new' };
}

/** A content script's end of the list, as the site's line. */
export function outcomeOfStop(run: CatchUpRun, site: CatchUpSite, stop: ListStop): SiteCatchUp {
  switch (stop) {
    case 'caught-up':
    case 'page-limit':
      return listReadOutcome(run, site);
    case 'rate-limited':
      return { state: 'rate-limited' };
    case 'signed-out':
      return { state: 'signed-out' };
    case 'network-error':
      return { state: 'unreachable' };
    case 'http-error':
      return { state: 'site-error' };
    case 'not-stored':
      return { state: 'not-stored' };
  }
}

/**
 * Where a catch-up tab has got to, from its address: a sign-in page, or an address Hip Check may
 * not see (the site sent it to another host, such as Garmin's sign-in at sso.garmin.com), means
 * the runner is not signed in there. Null: still on the list, go on.
 */
export function tabAddressOutcome(site: CatchUpSite, url: string | undefined): SiteCatchUp | null {
  if (url === undefined || url === '') return { state: 'signed-out' };
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol === 'about:') return null; // not yet loaded
  if (u.origin !== SITE_ORIGINS[site]) return { state: 'signed-out' };
  const signIn = site === 'strava' ? /^\/(login|session|register|onboarding)\b/ : /^\/(signin|sign-in|login)\b/;
  return signIn.test(u.pathname) ? { state: 'signed-out' } : null;
}

/** When a site was last read, as the popup says it. */
export type ReadAgo =
  | { kind: 'never' }
  | { kind: 'today'; atMs: number }
  | { kind: 'yesterday'; atMs: number }
  | { kind: 'days'; days: number };

export function readAgo(atMs: number | null, nowMs: number, timeZone: string): ReadAgo {
  if (atMs === null) return { kind: 'never' };
  const today = localDateOf(nowMs, timeZone);
  const day = localDateOf(Math.min(atMs, nowMs), timeZone);
  if (day === today) return { kind: 'today', atMs };
  if (day === addDays(today, -1)) return { kind: 'yesterday', atMs };
  return { kind: 'days', days: dayNumber(today) - dayNumber(day) };
}

/** Either site's list was read today; when neither was, a run from today may not be in the history yet. */
export function readToday(reads: SiteReads, nowMs: number, timeZone: string): boolean {
  const today = localDateOf(nowMs, timeZone);
  return CATCH_UP_SITES.some((s) => reads[s] !== null && localDateOf(reads[s], timeZone) === today);
}

/**
 * Whether an automatic catch-up is due: the runner turned it on, none runs, and neither the lists
 * nor the last attempt are younger than an hour (a signed-out runner is not asked every opening).
 */
export function autoCatchUpDue(
  on: boolean,
  reads: SiteReads,
  last: Pick<CatchUpRun, 'startedMs' | 'endedMs'> | null,
  nowMs: number,
): boolean {
  if (!on) return false;
  if (last?.endedMs === null && nowMs - last.startedMs < CATCH_UP.timeLimitMs * 2) return false;
  const latest = Math.max(reads.strava ?? 0, reads.garmin ?? 0, last?.startedMs ?? 0);
  return nowMs - latest >= CATCH_UP.autoAfterMs || latest > nowMs + CATCH_UP.autoAfterMs;
}

/** The next morning catch-up after `nowMs`: the next CATCH_UP.morningHour:00 on the local clock. */
export function nextMorning(nowMs: number, timeZone: string): number {
  const today = localDateOf(nowMs, timeZone);
  const at = (date: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return wallClockToUtc(Date.UTC(y, m - 1, d, CATCH_UP.morningHour), timeZone);
  };
  const first = at(today);
  return first > nowMs ? first : at(addDays(today, 1));
}
