// Dates for end-to-end fixtures, always relative to now, in the zone this process runs in. The
// browsers the tests launch inherit the same TZ (scripts/test-all.mjs runs the suites once in a zone
// where it is night and once where it is evening), so "today" here is the extension's today.
// Never "today at 06:30": before dawn that start is in the future, and the store rightly refuses it.

const pad = (n: number) => String(n).padStart(2, '0');

/** The local date (YYYY-MM-DD) of an instant. */
export function localDateAt(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The local date `n` days before today (negative: after). */
export function daysAgo(n: number, now = Date.now()): string {
  const d = new Date(now);
  // Noon: stepping whole days from it never lands on a DST gap or repeat.
  d.setHours(12, 0, 0, 0);
  d.setDate(d.getDate() - n);
  return localDateAt(d.getTime());
}

/**
 * A start earlier today, in whole seconds: two hours ago, or local midnight when two hours ago
 * was still yesterday (at 00:30 a run "of today" started at 00:00, not at 22:30 the day before).
 */
export function earlierToday(now = Date.now()): number {
  const twoHoursAgo = Math.floor((now - 2 * 3_600_000) / 1000) * 1000;
  if (localDateAt(twoHoursAgo) === localDateAt(now)) return twoHoursAgo;
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  return midnight.getTime();
}

/**
 * The start of a run `daysBack` days ago at local `hour` (7.2 is 07:12). A start still to come
 * (today, before that hour) becomes earlierToday(): a fixture's run has always happened already.
 */
export function startOn(daysBack: number, hour: number, now = Date.now()): { startMs: number; localDate: string } {
  const [y, m, d] = daysAgo(daysBack, now).split('-').map(Number) as [number, number, number];
  const at = new Date(y, m - 1, d, Math.floor(hour), Math.round((hour % 1) * 60)).getTime();
  const startMs = at <= now ? at : earlierToday(now);
  return { startMs, localDate: localDateAt(startMs) };
}

/** Strava's "local" seconds (startDateLocal, start_date_local_raw): the local wall clock written as if it were UTC. */
export function wallClockSeconds(ms: number): number {
  return Math.floor((ms - new Date(ms).getTimezoneOffset() * 60_000) / 1000);
}
