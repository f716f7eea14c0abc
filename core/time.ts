// The clock: the one ISO date-time parser, the one time-zone offset and the one wall-clock to
// UTC conversion. Every reader, of sites and of files, reads times through these (with the dates
// of local-date.ts); ESLint refuses Date.parse and new Date(text) in core/ so no reader can
// fall back on the engine's own parser, which reads zone-less text in the browser's zone.
//
// A wall clock is a date and time as a clock on the wall showed it, carried as milliseconds
// "as if UTC" (2024-03-10 05:30 is Date.UTC(2024, 2, 10, 5, 30)); an instant is real epoch ms.
// The parser keeps the strictest checks (real calendar day, hour <= 23, second <= 59, offset
// <= 14:59) and the widest spelling ("T" or space, "." or "," fraction, "Z"/"z", "+hh", "+hhmm",
// "+hh:mm").

export interface ParsedTime {
  /** The instant; a text without zone is taken as UTC. */
  ms: number;
  /** Minutes east of UTC when the text gave an explicit non-UTC offset; null for "Z" or none. */
  offsetMin: number | null;
  /** The date and time as written, whatever the zone: the wall clock where it was written. */
  wallMs: number;
  /** True when the text named its zone ("Z" or an offset). */
  zoned: boolean;
}

/**
 * A date and time from calendar fields (month 1-12), as ms "as if UTC"; null when the fields
 * name no real time (31 April, hour 24, second 60).
 */
export function fieldsToMs(y: number, mo: number, d: number, h = 0, mi = 0, sec = 0): number | null {
  const whole = [y, mo, d, h, mi, sec].every(Number.isInteger);
  if (!whole || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, sec);
  if (!Number.isFinite(ms)) return null;
  // Date.UTC rolls 31 April over to 1 May, and reads years 0-99 as 1900-1999: such fields moved.
  const t = new Date(ms);
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? ms : null;
}

const ISO_RE =
  /^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?\s*$/i;

/** An ISO 8601 date-time; a time without zone is taken as UTC. */
export function parseIsoTime(s: string): ParsedTime | null {
  const m = ISO_RE.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const sec = m[6] ? Number(m[6]) : 0;
  const frac = m[7] ? Number(`0.${m[7]}`) : 0;
  const whole = fieldsToMs(y, mo, d, h, mi, sec);
  if (whole === null) return null;
  const wallMs = whole + Math.round(frac * 1000);
  let ms = wallMs;
  let offsetMin: number | null = null;
  const z = m[8];
  if (z && z.toUpperCase() !== 'Z') {
    const sign = z.startsWith('-') ? -1 : 1;
    const digits = z.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 14 || om > 59) return null;
    offsetMin = sign * (oh * 60 + om);
    ms -= offsetMin * 60_000;
    if (offsetMin === 0) offsetMin = null;
  }
  return Number.isFinite(ms) ? { ms, offsetMin, wallMs, zoned: z !== undefined } : null;
}

/** An ISO 8601 instant from a JSON field as epoch ms, or null when it is not one. */
export function parseInstant(v: unknown): number | null {
  return typeof v === 'string' ? (parseIsoTime(v)?.ms ?? null) : null;
}

/**
 * The wall clock written in an ISO 8601 date-time ("2024-03-10 05:30:00", "2024-03-10T05:30:00.0"),
 * as ms "as if UTC"; a zone, if written, is ignored. Null when it is not one.
 */
export function parseWallClock(v: unknown): number | null {
  return typeof v === 'string' ? (parseIsoTime(v)?.wallMs ?? null) : null;
}

/** An instant as ISO 8601 UTC to the second: "2024-03-02T07:44:55Z". */
export function isoSecond(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const wallFormatters = new Map<string, Intl.DateTimeFormat>();

/** The UTC offset (ms) of a time zone at an instant. */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  let f = wallFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallFormatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day, p.hour! % 24, p.minute, p.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The wall clock ("as if UTC" ms) that a time zone shows at an instant. */
export function wallClockOf(ms: number, timeZone: string): number {
  return ms + zoneOffsetMs(ms, timeZone);
}

const DAY_MS = 86_400_000;

/**
 * The instant at which a time zone's clocks show a wall-clock time: the one conversion of local
 * times, used by every reader that has a wall clock and no instant. Throws a RangeError for a zone
 * this runtime does not know (check with isValidTimeZone).
 *
 * Two passes: the offset at the wall time read as if it were UTC is a guess, wrong by the change
 * when a daylight-saving change lies between the two (New York, 2024-03-10 05:30 guessed at -5 h
 * is 10:30Z; the offset there is -4 h, so 09:30Z). The offset re-checked at the guessed instant is
 * right everywhere except within hours of a change, where the wall time may name two instants or
 * none. There the offsets a day before and after (no zone changes twice in two days) settle it:
 * - autumn overlap (New York 2024-11-03 01:30 happens at 05:30Z and again at 06:30Z): the earlier,
 *   the first time the clock showed it (as Temporal's "compatible" and calendar apps do);
 * - spring gap (New York 2024-03-10 02:30 never happens): moved forward by the gap, to the instant
 *   the clock would have shown it without the jump (07:30Z, 03:30 by the new clock).
 */
export function wallClockToUtc(wallMs: number, timeZone: string): number {
  const guess = wallMs - zoneOffsetMs(wallMs, timeZone);
  const utc = wallMs - zoneOffsetMs(guess, timeZone);
  const before = zoneOffsetMs(utc - DAY_MS, timeZone);
  const after = zoneOffsetMs(utc + DAY_MS, timeZone);
  if (before === after) return utc;
  // A change nearby: each offset gives one reading, real if the clock showed that offset then.
  const byOld = wallMs - before;
  const byNew = wallMs - after;
  const oldReal = zoneOffsetMs(byOld, timeZone) === before;
  const newReal = zoneOffsetMs(byNew, timeZone) === after;
  if (oldReal && newReal) return Math.min(byOld, byNew); // overlap
  if (newReal) return byNew;
  return byOld; // the old offset's reading, real or (in a gap) the one moved forward
}

// Asked once per file read: building a formatter costs about 0.3 ms, thousands in a bulk import.
const zoneKnown = new Map<string, boolean>();

/** True when the time zone name (IANA, "Europe/London") is one this runtime knows. */
export function isValidTimeZone(tz: string): boolean {
  let known = zoneKnown.get(tz);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-CA', { timeZone: tz });
      known = true;
    } catch {
      known = false;
    }
    if (zoneKnown.size < 64) zoneKnown.set(tz, known);
  }
  return known;
}
