import { isLocalDate } from './local-date';

// The one ISO-instant parser and the one time-zone offset: the site readers and the GPX/TCX
// readers used three parsers with different checks before; this one keeps the strictest checks
// (real calendar day, hour <= 23, second <= 59, offset <= 14:59) and the widest spelling
// ("T" or space, "." or "," fraction, "Z"/"z", "+hh", "+hhmm", "+hh:mm").

export interface ParsedTime {
  ms: number;
  /** Minutes east of UTC when the text gave an explicit non-UTC offset; null for "Z" or none. */
  offsetMin: number | null;
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
  if (!isLocalDate(`${m[1]}-${m[2]}-${m[3]}`) || h > 23 || mi > 59 || sec > 59) return null;
  let ms = Date.UTC(y, mo - 1, d, h, mi, sec) + Math.round(frac * 1000);
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
  return Number.isFinite(ms) ? { ms, offsetMin } : null;
}

/** An ISO 8601 instant from a JSON field as epoch ms, or null when it is not one. */
export function parseInstant(v: unknown): number | null {
  return typeof v === 'string' ? (parseIsoTime(v)?.ms ?? null) : null;
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
