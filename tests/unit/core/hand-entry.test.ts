// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handEntryInput, handEntryStart, type RunWhen } from '../../../core/hand-entry';
import { localDateOf } from '../../../core/local-date';
import { problem } from '../../../core/problem-codes';

// When a run typed in the popup started. Every case is computed from an explicit "now", at any
// hour, in zones on both sides of UTC and across daylight-saving changes.

const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Pacific/Kiritimati', 'America/St_Johns'];
const NOW = Date.parse('2026-11-25T12:00:00Z');

const wall = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);

describe('when a run typed by hand started', () => {
  it('"just now": it ended now, so it started its minutes ago', () => {
    const r = handEntryStart({ kind: 'now' }, 40 * 60, NOW, 'Europe/London');
    expect(r).toEqual({ ok: true, value: { startMs: NOW - 40 * 60_000, localDate: '2026-11-25' } });
    expect(handEntryStart({ kind: 'now' }, null, NOW, 'Europe/London')).toMatchObject({ value: { startMs: NOW } });
  });

  it('"this morning": 07:00 local, or earlier when 07:00 has not yet come', () => {
    const berlin = handEntryStart({ kind: 'morning' }, 3000, NOW, 'Europe/Berlin');
    expect(berlin.ok && wall(berlin.value.startMs, 'Europe/Berlin')).toBe('07:00');
    // At 05:30 in Berlin a 30-minute run "this morning" started by 05:00.
    const early = Date.parse('2026-11-25T04:30:00Z');
    const r = handEntryStart({ kind: 'morning' }, 1800, early, 'Europe/Berlin');
    expect(r).toEqual({ ok: true, value: { startMs: early - 1800_000, localDate: '2026-11-25' } });
  });

  it('a time: that time today; a time still to come is refused', () => {
    const r = handEntryStart({ kind: 'at', time: '06:15' }, null, NOW, 'America/New_York');
    expect(r.ok && wall(r.value.startMs, 'America/New_York')).toBe('06:15');
    expect(r.ok && r.value.localDate).toBe('2026-11-25');
    // 12:00Z is 07:00 in New York: 07:30 has not come yet.
    expect(handEntryStart({ kind: 'at', time: '07:30' }, null, NOW, 'America/New_York')).toEqual({
      ok: false,
      error: problem('hand_entry_time_future', '07:30'),
    });
    expect(handEntryStart({ kind: 'at', time: '7:30' }, null, NOW, 'UTC')).toEqual({
      ok: false,
      error: problem('hand_entry_time_invalid'),
    });
  });

  it('a long run "just now" after midnight stays on today', () => {
    const justAfter = Date.parse('2026-11-25T00:20:00Z');
    const r = handEntryStart({ kind: 'now' }, 3600, justAfter, 'UTC');
    expect(r).toEqual({ ok: true, value: { startMs: Date.parse('2026-11-25T00:00:00Z'), localDate: '2026-11-25' } });
  });

  it('on a day the clocks go forward, 07:00 is 07:00 by the new clock', () => {
    // Berlin, 2026-03-29: 02:00 became 03:00 (UTC+2 from then on).
    const r = handEntryStart({ kind: 'morning' }, null, Date.parse('2026-03-29T15:00:00Z'), 'Europe/Berlin');
    expect(r).toMatchObject({
      ok: true,
      value: { startMs: Date.parse('2026-03-29T05:00:00Z'), localDate: '2026-03-29' },
    });
  });

  it('at any hour, in any zone: never in the future, never before today, on today', () => {
    const when: fc.Arbitrary<RunWhen> = fc.oneof(
      fc.constant({ kind: 'now' as const }),
      fc.constant({ kind: 'morning' as const }),
      fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => ({
        kind: 'at' as const,
        time: `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
      })),
    );
    fc.assert(
      fc.property(
        // Any minute of two years, DST changes included.
        fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-12-31T23:59:00Z') }),
        fc.constantFrom(...ZONES),
        when,
        fc.option(fc.integer({ min: 60, max: 86_400 })),
        (nowMs, zone, w, movingS) => {
          const r = handEntryStart(w, movingS, nowMs, zone);
          const today = localDateOf(nowMs, zone);
          if (!r.ok) {
            // Only a named time still to come is refused.
            expect(w.kind).toBe('at');
            return;
          }
          expect(r.value.startMs).toBeLessThanOrEqual(nowMs);
          expect(r.value.localDate).toBe(today);
          expect(localDateOf(r.value.startMs, zone)).toBe(today);
        },
      ),
      { numRuns: 2000, seed: 19 },
    );
  });
});

describe('the run it becomes', () => {
  it('is a run typed by hand, under the form’s id ("another run" marked as such)', () => {
    const entry = {
      formId: 'abcdefgh12',
      another: false,
      when: { kind: 'now' as const },
      distanceM: 8000,
      movingS: 2400,
    };
    expect(handEntryInput(entry, NOW, 'UTC')).toMatchObject({
      ok: true,
      value: {
        source: 'manual',
        sourceId: 'abcdefgh12',
        sport: 'run',
        distanceM: 8000,
        movingS: 2400,
        startMs: NOW - 2400_000,
      },
    });
    expect(handEntryInput({ ...entry, another: true }, NOW, 'UTC')).toMatchObject({
      value: { sourceId: 'another-abcdefgh12' },
    });
  });
});
