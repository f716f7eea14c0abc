import type { ListStop } from '../../catch-up';

// When to fetch more of Strava's "My Activities" list. Peers' worst complaint is the runner's own
// account being rate-limited after heavy syncing, so the backfill is small and stops early:
// only while the last 42 days are not yet known, one page every 2 seconds at most, 10 pages a
// visit at most, and never past the first activity already stored.

export const BACKFILL = { days: 42, minIntervalMs: 2000, maxPagesPerVisit: 10 } as const;

/** Why a fetched page ends the backfill at once (rate limit, signed out), or null to go on. */
export function backfillStop(status: number, finalUrl: string, contentType: string): ListStop | null {
  if (status === 429) return 'rate-limited';
  let path = '';
  try {
    path = new URL(finalUrl).pathname;
  } catch {
    // keep the empty path
  }
  if (/^\/(login|session|register)/.test(path) || /html/i.test(contentType)) return 'signed-out';
  if (status !== 200) return 'http-error';
  return null;
}

/** The same, in words for the page's console (and the end-to-end tests that read it). */
export function backfillStopReason(status: number, finalUrl: string, contentType: string): string | null {
  const stop = backfillStop(status, finalUrl, contentType);
  if (stop === 'rate-limited') return 'Strava asked to slow down (HTTP 429)';
  if (stop === 'signed-out') return 'Strava answered with a login page';
  if (stop === 'http-error') return `Strava answered HTTP ${status}`;
  return null;
}
