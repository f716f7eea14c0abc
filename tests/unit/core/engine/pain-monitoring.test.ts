// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckIn } from '../../../../core/check-in';
import { painFindings } from '../../../../core/engine/pain-monitoring';
import { computeVerdict, type Reason } from '../../../../core/engine/verdict';
import { addDays, localDateOf } from '../../../../core/local-date';
import { act, diary, instantOf, preset } from './diary';

// The pain-monitoring model (Silbernagel et al. 2007) by day, as a runner reports it.

const TODAY = '2025-06-15';
const SPORTS = ['run', 'trail_run', 'treadmill_run', 'virtual_run'];

function pain(date: string, p: number, extra: Partial<CheckIn> = {}): CheckIn {
  return { date, pain: p, nightOrRest: false, groinWalking: false, atMs: 0, ...extra };
}

function verdict(checkIns: CheckIn[], pattern = '-RR-RR', today = TODAY) {
  return computeVerdict({ today, settings: preset('regular'), activities: diary(today, pattern), checkIns });
}

const codes = (rs: readonly Reason[]) => rs.map((r) => r.code);

describe('hip pain, by day', () => {
  it('pain 0 to 2 is fine: no change to the verdict, the number shown', () => {
    for (const p of [0, 1, 2]) {
      const v = verdict([pain(TODAY, p)]);
      expect(v.level).toBe('ok');
      expect(v.reasons.find((r) => r.code === 'pain_fine')).toMatchObject({ pain: p, date: TODAY });
    }
  });

  it('pain 3 to 5 without a run the day before is acceptable: information, not a warning', () => {
    const v = verdict([pain(TODAY, 4)], '-RR-R-');
    expect(v.level).toBe('ok');
    expect(v.reasons.find((r) => r.code === 'pain_acceptable')).toMatchObject({ pain: 4 });
  });

  it('pain above 5 is a warning with the number: ease off', () => {
    const v = verdict([pain(TODAY, 6)]);
    expect(v.level).toBe('warning');
    expect(v.title).toBe('warning');
    expect(v.reasons[0]).toEqual({ code: 'pain_high', level: 'warning', pain: 6, date: TODAY });
  });

  it('higher than the day before, the morning after a run: a warning', () => {
    const v = verdict([pain(addDays(TODAY, -1), 3), pain(TODAY, 4)], '-RRRRR-');
    expect(v.reasons[0]).toEqual({
      code: 'pain_rising',
      level: 'warning',
      pain: 4,
      previousPain: 3,
      date: TODAY,
      runDate: addDays(TODAY, -1),
    });
  });

  it('the same 4 the morning after a run has not settled: ease off, not a warning', () => {
    const v = verdict([pain(addDays(TODAY, -1), 4), pain(TODAY, 4)], '-RRRR-');
    expect(v.level).toBe('ease_off');
    expect(codes(v.reasons)).toContain('pain_not_settled');
  });

  it('4 after the run, 2 the next morning: settled, fine', () => {
    const v = verdict([pain(addDays(TODAY, -1), 4), pain(TODAY, 2)], '-RRRR-');
    expect(v.level).toBe('ok');
    expect(codes(v.reasons)).toContain('pain_fine');
  });

  it('no answer yet today: yesterday’s answer counts, and says it was yesterday', () => {
    const v = verdict([pain(addDays(TODAY, -1), 7)]);
    expect(v.reasons[0]).toMatchObject({ code: 'pain_high', date: addDays(TODAY, -1) });
    expect(v.checkIn).toBeNull();
  });

  it('an answer from two days ago is too old to rule today', () => {
    expect(verdict([pain(addDays(TODAY, -2), 8)]).level).toBe('ok');
  });

  it('pain of 3 or more on 8 of the last 14 days routes to a GP or physiotherapist', () => {
    const days = Array.from({ length: 8 }, (_, i) => pain(addDays(TODAY, -i * 1 - (i > 3 ? 3 : 0)), 3));
    const v = verdict(days, '-R-R-R');
    expect(v.title).toBe('see_clinician');
    expect(v.reasons.find((r) => r.code === 'pain_persistent')).toMatchObject({ days: 8, windowDays: 14 });
    expect(v.hipCare.seeClinician).toBe(true);
    expect(v.hipCare.advice).toEqual([{ code: 'see_clinician' }]);
    // Seven is not "most days".
    expect(verdict(days.slice(1), '-R-R-R').title).not.toBe('see_clinician');
  });

  it('pain at night or at rest, or groin pain when walking: see a GP or physiotherapist, whatever the number', () => {
    for (const flag of ['nightOrRest', 'groinWalking'] as const) {
      const v = verdict([pain(TODAY, 1, { [flag]: true })]);
      expect(v.level).toBe('warning');
      expect(v.title).toBe('see_clinician');
      expect(v.hipCare.seeClinician).toBe(true);
    }
  });

  it('a check-in counts for the local date it was given on, across DST and time zones', () => {
    // 00:30 on the night the clocks go forward in London, and 23:30 in New York the night they go back.
    const spring = instantOf('2025-03-30', 0, 30, 'Europe/London');
    expect(localDateOf(spring, 'Europe/London')).toBe('2025-03-30');
    expect(localDateOf(spring, 'America/New_York')).toBe('2025-03-29');
    const autumn = instantOf('2025-11-02', 23, 30, 'America/New_York');
    expect(localDateOf(autumn, 'America/New_York')).toBe('2025-11-02');
    expect(localDateOf(autumn, 'Europe/London')).toBe('2025-11-03');
    // The answer is stored under the date the background computed; the rules compare dates only.
    const r = painFindings('2025-03-30', [pain('2025-03-29', 3), pain('2025-03-30', 5)], [act('2025-03-29')], SPORTS);
    expect(r.at(-1)).toMatchObject({ code: 'pain_rising', runDate: '2025-03-29' });
    const r2 = painFindings('2025-11-03', [pain('2025-11-02', 5), pain('2025-11-03', 5)], [act('2025-11-02')], SPORTS);
    expect(r2.at(-1)).toMatchObject({ code: 'pain_not_settled' });
  });

  it('property: every finding names today or yesterday, and pain above 5 today is always a warning', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ ago: fc.integer({ min: 0, max: 20 }), p: fc.integer({ min: 0, max: 10 }) }), {
          maxLength: 20,
        }),
        fc.integer({ min: 0, max: 10 }),
        (list, todayPain) => {
          const byDate = new Map(list.map((c) => [addDays(TODAY, -c.ago), pain(addDays(TODAY, -c.ago), c.p)]));
          byDate.set(TODAY, pain(TODAY, todayPain));
          const v = verdict([...byDate.values()]);
          for (const r of v.reasons)
            if (r.code.startsWith('pain_') && r.code !== 'pain_persistent' && 'date' in r)
              expect([TODAY, addDays(TODAY, -1)]).toContain(r.date);
          if (todayPain > 5) expect(v.level).toBe('warning');
          if (todayPain <= 2 && v.level === 'warning') expect(v.title).not.toBe('warning');
        },
      ),
      { seed: 9, numRuns: 200 },
    );
  });
});
