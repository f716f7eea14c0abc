import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fieldsToMs,
  isoSecond,
  isValidTimeZone,
  parseWallClock,
  wallClockOf,
  wallClockToUtc,
  zoneOffsetMs,
} from '../../../core/time';
import { dateOfWallClock, localDateOf } from '../../../core/local-date';
import {
  arbChange,
  arbInstantNearChange,
  DST_ZONES,
  dstChanges,
  expectedInstantOfWall,
  intlDate,
  intlWall,
} from './dst-truth';

const wall = (text: string) => Date.parse(`${text}Z`);
const toUtc = (text: string, tz: string) => isoSecond(wallClockToUtc(wall(text), tz));

describe('wall clock to UTC', () => {
  it('places a wall time on the morning of a spring change by the offset after it (New York, 2024-03-10)', () => {
    // The one-pass conversion took the offset at 05:30Z (-5 h, before the change) and gave 10:30Z.
    expect(toUtc('2024-03-10T05:30:00', 'America/New_York')).toBe('2024-03-10T09:30:00Z');
    expect(toUtc('2024-03-10T01:59:59', 'America/New_York')).toBe('2024-03-10T06:59:59Z');
    expect(toUtc('2024-03-10T03:00:00', 'America/New_York')).toBe('2024-03-10T07:00:00Z');
  });

  it('moves a wall time in a spring gap forward by the gap', () => {
    expect(toUtc('2024-03-10T02:30:00', 'America/New_York')).toBe('2024-03-10T07:30:00Z'); // 03:30 EDT
    expect(toUtc('2024-03-31T02:30:00', 'Europe/Berlin')).toBe('2024-03-31T01:30:00Z'); // 03:30 CEST
    expect(toUtc('2024-03-31T01:30:00', 'Europe/London')).toBe('2024-03-31T01:30:00Z'); // 02:30 BST
    expect(toUtc('2024-10-06T02:30:00', 'Australia/Sydney')).toBe('2024-10-05T16:30:00Z'); // 03:30 AEDT
    expect(toUtc('2024-09-08T00:30:00', 'America/Santiago')).toBe('2024-09-08T04:30:00Z'); // 01:30 -03
  });

  it('takes the earlier of the two instants of a wall time in an autumn overlap, east and west of UTC', () => {
    expect(toUtc('2024-11-03T01:30:00', 'America/New_York')).toBe('2024-11-03T05:30:00Z'); // EDT, not EST
    expect(toUtc('2024-10-27T02:30:00', 'Europe/Berlin')).toBe('2024-10-27T00:30:00Z'); // CEST, not CET
    expect(toUtc('2024-10-27T01:30:00', 'Europe/London')).toBe('2024-10-27T00:30:00Z'); // BST, not GMT
    expect(toUtc('2024-04-07T02:30:00', 'Australia/Sydney')).toBe('2024-04-06T15:30:00Z'); // AEDT, not AEST
    expect(toUtc('2024-04-07T02:30:00', 'Pacific/Auckland')).toBe('2024-04-06T13:30:00Z'); // NZDT, not NZST
    // Chile changes at midnight: 23:30 on the Saturday happens twice.
    expect(toUtc('2024-04-06T23:30:00', 'America/Santiago')).toBe('2024-04-07T02:30:00Z');
  });

  it('finds the DST changes it is tested on in every zone (the test data is not empty)', () => {
    for (const z of DST_ZONES) expect(dstChanges(z).length, z).toBeGreaterThan(40);
  });

  it('round-trips UTC → wall → UTC for every instant near a change that is not the second of an overlap', () => {
    fc.assert(
      fc.property(arbInstantNearChange, ({ change, ms }) => {
        const w = intlWall(ms, change.timeZone);
        expect(wallClockToUtc(w, change.timeZone)).toBe(expectedInstantOfWall(ms, change));
        expect(wallClockOf(ms, change.timeZone)).toBe(w);
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips any instant 1990-2035 in any of the zones, but for the later reading of an overlap', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DST_ZONES),
        fc.integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2035, 0, 1) / 1000 }),
        (tz, s) => {
          const ms = s * 1000;
          const w = intlWall(ms, tz);
          // An earlier instant showing the same wall clock (at most two hours back in these zones).
          const earlier = [1800, 3600, 7200].map((d) => ms - d * 1000).find((t) => intlWall(t, tz) === w);
          expect(wallClockToUtc(w, tz)).toBe(earlier ?? ms);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('gives for a wall time in a gap the instant the clock shows it moved forward by the gap', () => {
    fc.assert(
      fc.property(
        arbChange.filter((c) => c.afterMs > c.beforeMs),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (c, f) => {
          const gap = c.afterMs - c.beforeMs;
          const k = Math.floor((f * gap) / 1000) * 1000;
          const w = c.atMs + c.beforeMs + k; // never shown: the clock jumps over it
          const utc = wallClockToUtc(w, c.timeZone);
          expect(utc).toBe(c.atMs + k);
          expect(intlWall(utc, c.timeZone)).toBe(w + gap);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is the inverse of wallClockOf for every wall time that happens', () => {
    fc.assert(
      fc.property(arbInstantNearChange, ({ change, ms }) => {
        const w = intlWall(ms, change.timeZone);
        expect(wallClockOf(wallClockToUtc(w, change.timeZone), change.timeZone)).toBe(w);
        expect(dateOfWallClock(w)).toBe(intlDate(ms, change.timeZone));
        expect(localDateOf(ms, change.timeZone)).toBe(intlDate(ms, change.timeZone));
      }),
      { numRuns: 1000 },
    );
  });

  it('needs no change at all in zones without daylight saving', () => {
    expect(toUtc('2024-03-10T05:30:00', 'UTC')).toBe('2024-03-10T05:30:00Z');
    expect(toUtc('2024-03-10T05:30:00', 'Asia/Tokyo')).toBe('2024-03-09T20:30:00Z');
    expect(toUtc('2024-03-10T05:30:00', 'Asia/Kolkata')).toBe('2024-03-10T00:00:00Z');
    expect(zoneOffsetMs(Date.UTC(2024, 0, 1), 'Asia/Kathmandu')).toBe(5.75 * 3_600_000);
  });

  it('throws for a zone this runtime does not know, which isValidTimeZone tells first', () => {
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(() => wallClockToUtc(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('parsing', () => {
  it('reads the wall clock as written, with or without a zone', () => {
    expect(parseWallClock('2024-03-10 05:30:00')).toBe(wall('2024-03-10T05:30:00'));
    expect(parseWallClock('2021-04-11T09:50:49.0')).toBe(wall('2021-04-11T09:50:49'));
    expect(parseWallClock('2024-03-10T05:30:00-04:00')).toBe(wall('2024-03-10T05:30:00'));
    expect(parseWallClock('2024-02-30T05:30:00')).toBeNull();
    expect(parseWallClock('10 March 2024')).toBeNull();
    expect(parseWallClock(1710048600)).toBeNull();
  });

  it('builds times from calendar fields only when they name a real time', () => {
    expect(fieldsToMs(2024, 2, 29, 23, 59, 59)).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
    expect(fieldsToMs(2023, 2, 29)).toBeNull();
    expect(fieldsToMs(2024, 4, 31)).toBeNull();
    expect(fieldsToMs(50, 1, 1)).toBeNull(); // Date.UTC would say 1950
    expect(fieldsToMs(2024, 13, 1)).toBeNull();
    expect(fieldsToMs(2024, 1, 1, 24)).toBeNull();
    expect(fieldsToMs(2024, 1, 1, 12, 60)).toBeNull();
    expect(fieldsToMs(2024, 1, 1, 12, 0, 1.5)).toBeNull();
  });

  it('writes instants to the second', () => {
    expect(isoSecond(Date.UTC(2024, 2, 2, 7, 44, 55, 900))).toBe('2024-03-02T07:44:55Z');
  });
});
