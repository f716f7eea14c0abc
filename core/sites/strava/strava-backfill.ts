// When to fetch more of Strava's "My Activities" list. Peers' worst complaint is the runner's own
// account being rate-limited after heavy syncing, so the backfill is small and stops early:
// only while the last 42 days are not yet known, one page every 2 seconds at most, 10 pages a
// visit at most, and never past the first activity already stored.

export const BACKFILL = { days: 42, minIntervalMs: 2000, maxPagesPerVisit: 10 } as const;

/** Why a fetched page ends the backfill at once (rate limit, signed out), or null to go on. */
export function backfillStopReason(status: number, finalUrl: string, contentType: string): string | null {
  if (status === 429) return 'Strava asked to slow down (HTTP 429)';
  let path = '';
  try {
    path = new URL(finalUrl).pathname;
  } catch {
    // keep the empty path
  }
  if (/^\/(login|session|register)/.test(path) || /html/i.test(contentType)) return 'Strava answered with a login page';
  if (status !== 200) return `Strava answered HTTP ${status}`;
  return null;
}
