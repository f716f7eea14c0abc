import fc from 'fast-check';

// What the clocks showed, straight from Intl and computed here on its own (not through
// core/time.ts), so the clock's tests compare it with an independent truth: the daylight-saving
// changes of a few zones in three hemispheres, and the wall clock and date at any instant.

/** Europe, North America and the southern hemisphere (whose summer spans the new year). */
export const DST_ZONES = [
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'Australia/Sydney',
  'America/Santiago',
  'Pacific/Auckland',
] as const;

const HOUR = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock a zone shows at an instant, as "YYYY-MM-DDTHH:MM:SS". */
export function intlWallText(ms: number, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour === '24' ? '00' : p.hour}:${p.minute}:${p.second}`;
}

/** The same wall clock as ms "as if UTC" (whole seconds). */
export function intlWall(ms: number, timeZone: string): number {
  return Date.parse(`${intlWallText(ms, timeZone)}Z`);
}

/** The calendar date a zone shows at an instant. */
export const intlDate = (ms: number, timeZone: string): string => intlWallText(ms, timeZone).slice(0, 10);

const offsetAt = (ms: number, timeZone: string) => intlWall(ms, timeZone) - Math.floor(ms / 1000) * 1000;

export interface Change {
  timeZone: string;
  /** The first instant of the new offset. */
  atMs: number;
  beforeMs: number;
  afterMs: number;
}

/** Every offset change of a zone between two instants, found by Intl (weekly steps, then to the second). */
export function offsetChanges(timeZone: string, fromMs: number, toMs: number): Change[] {
  const out: Change[] = [];
  const WEEK = 7 * 24 * HOUR;
  let prev = offsetAt(fromMs, timeZone);
  for (let t = fromMs + WEEK; t <= toMs; t += WEEK) {
    const cur = offsetAt(t, timeZone);
    if (cur === prev) continue;
    let lo = t - WEEK;
    let hi = t;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (offsetAt(mid, timeZone) === prev) lo = mid;
      else hi = mid;
    }
    out.push({ timeZone, atMs: hi, beforeMs: prev, afterMs: cur });
    prev = cur;
  }
  return out;
}

const changeCache = new Map<string, Change[]>();

/** The changes of DST_ZONES from 2005 to 2035 (by each zone's rules as this runtime knows them). */
export function dstChanges(timeZone: string): Change[] {
  let c = changeCache.get(timeZone);
  if (!c) {
    c = offsetChanges(timeZone, Date.UTC(2005, 0, 1), Date.UTC(2035, 0, 1));
    changeCache.set(timeZone, c);
  }
  return c;
}

/** One change of one of the zones, chosen by fast-check. */
export const arbChange: fc.Arbitrary<Change> = fc
  .constantFrom(...DST_ZONES)
  .chain((z) => fc.constantFrom(...dstChanges(z)));

/** An instant within a day and a half of a change (to the second), with its change. */
export const arbInstantNearChange = arbChange.chain((c) =>
  fc.integer({ min: -36 * 3600, max: 36 * 3600 }).map((s) => ({ change: c, ms: c.atMs + s * 1000 })),
);

/**
 * The instant a wall clock names by the clock's documented rule, computed from the change: in an
 * overlap the earlier of the two, in a gap the wall time moved forward by the gap. `ms` is an
 * instant that shows that wall clock (from arbInstantNearChange).
 */
export function expectedInstantOfWall(ms: number, c: Change): number {
  const shift = c.beforeMs - c.afterMs; // > 0: clocks go back, that much of the wall repeats
  if (shift > 0 && ms >= c.atMs && ms < c.atMs + shift) return ms - shift;
  return ms;
}
