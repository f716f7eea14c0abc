// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../core/local-date';
import { computeVerdict } from '../../../../core/engine/verdict';
import { computeWeeklyRamp } from '../../../../core/engine/weekly-ramp';
import { act, settings } from './diary';

const TODAY = '2025-06-15';

/** Runs of the given km on the given days ago. */
function runs(list: [daysAgo: number, km: number | null][]) {
  return list.map(([ago, km]) => act(addDays(TODAY, -ago), { km }));
}

describe('weekly ramp, as a runner tells it', () => {
  it('ran 15 km the week before and 21 km this week: +40 %, a warning', () => {
    const acts = runs([
      [13, 5],
      [10, 5],
      [8, 5],
      [6, 7],
      [3, 7],
      [0, 7],
    ]);
    const v = computeVerdict({ today: TODAY, settings: settings(), activities: acts });
    expect(v.weeklyRamp).toMatchObject({
      measure: 'distance',
      lastWeekM: 21_000,
      referenceWeekM: 15_000,
      referenceFrom: addDays(TODAY, -13),
      referenceTo: addDays(TODAY, -7),
      lastWeekRuns: 3,
      referenceWeekRuns: 3,
      evaluated: true,
      warning: true,
    });
    expect(v.weeklyRamp.changePct).toBeCloseTo(40, 9);
    const r = v.reasons.find((x) => x.code === 'weekly_ramp');
    // A steep week: ease off (hold the week's distance), never "rest today".
    expect(r).toMatchObject({ level: 'ease_off', measure: 'distance', lastWeek: 21_000, referenceWeek: 15_000 });
    expect(v.level).toBe('ease_off');
    expect(v.title).toBe('ease_off');
    expect(v.hipCare.extraStrength).toBe(true);
    expect(['ramp', 'both']).toContain(v.hipCare.advice.find((a) => a.code === 'extra_strength')?.after);
  });

  it('ran 20 km then 26 km: exactly +30 % is not above the limit', () => {
    const r = computeWeeklyRamp(
      TODAY,
      runs([
        [10, 20],
        [2, 26],
      ]),
      settings(),
    );
    expect(r.evaluated).toBe(true);
    expect(r.warning).toBe(false);
  });

  it('ran 8 km the week before and 20 km this week: the earlier week was under 10 km, so no warning', () => {
    const r = computeWeeklyRamp(
      TODAY,
      runs([
        [9, 8],
        [1, 20],
      ]),
      settings(),
    );
    expect(r.changePct).toBeCloseTo(150, 9);
    expect(r.evaluated).toBe(false);
    expect(r.warning).toBe(false);
  });

  it('exactly 10 km the week before is enough of a base', () => {
    expect(
      computeWeeklyRamp(
        TODAY,
        runs([
          [9, 10],
          [1, 14],
        ]),
        settings(),
      ).warning,
    ).toBe(true);
  });

  it('nothing the week before: no percentage, no warning', () => {
    const r = computeWeeklyRamp(TODAY, runs([[1, 30]]), settings({ weeklyRampMinBaseKm: 0 }));
    expect(r.changePct).toBeNull();
    expect(r.warning).toBe(false);
  });

  it('the 7-day blocks roll: a Sunday long run still counts on Monday', () => {
    const r = computeWeeklyRamp(
      TODAY,
      runs([
        [6, 20],
        [7, 10],
      ]),
      settings(),
    );
    expect(r.lastWeekM).toBe(20_000);
    expect(r.referenceWeekM).toBe(10_000);
  });

  it('runs with no distance count as runs, and the weeks are compared by moving time; rides add nothing', () => {
    const acts = [
      ...runs([
        [1, null],
        [2, 10],
      ]),
      act(addDays(TODAY, -3), { sport: 'ride', km: 50 }),
    ];
    const r = computeWeeklyRamp(TODAY, acts, settings());
    expect(r.lastWeekRuns).toBe(2);
    expect(r.lastWeekM).toBe(10_000);
    expect(r.measure).toBe('time');
    // The diary's runs: 1800 s without a distance, 330 s a km with one.
    expect(r.lastWeekS).toBe(1800 + 3300);
  });

  it('a run 35 days ago is outside all five blocks; one 34 days ago is in the oldest', () => {
    expect(computeWeeklyRamp(TODAY, runs([[35, 50]]), settings()).referenceWeekM).toBe(0);
    expect(computeWeeklyRamp(TODAY, runs([[34, 50]]), settings())).toMatchObject({
      referenceWeekM: 50_000,
      referenceFrom: addDays(TODAY, -34),
      referenceTo: addDays(TODAY, -28),
    });
  });

  it('uses the settings: warn above +50 % from a 20 km base', () => {
    const s = settings({ weeklyRampWarnPct: 50, weeklyRampMinBaseKm: 20 });
    expect(
      computeWeeklyRamp(
        TODAY,
        runs([
          [9, 20],
          [1, 29],
        ]),
        s,
      ).warning,
    ).toBe(false);
    expect(
      computeWeeklyRamp(
        TODAY,
        runs([
          [9, 20],
          [1, 31],
        ]),
        s,
      ).warning,
    ).toBe(true);
    expect(
      computeWeeklyRamp(
        TODAY,
        runs([
          [9, 19],
          [1, 40],
        ]),
        s,
      ).warning,
    ).toBe(false);
  });
});

/** Four 10 km runs on the first four days of each block, weeks[0] the oldest (28-34 days ago). */
function weeks(...km: number[][]) {
  return km.flatMap((block, i) =>
    block.map((k, j) => act(addDays(TODAY, -7 * (km.length - 1 - i) - 6 + j), { km: k })),
  );
}

describe('weekly ramp against the biggest of the four weeks before', () => {
  it('back to my usual 40 km after a 24 km cutback week: no warning', () => {
    const r = computeWeeklyRamp(
      TODAY,
      weeks([10, 10, 10, 10], [10, 10, 10, 10], [10, 10, 10, 10], [6, 6, 6, 6], [10, 10, 10, 10]),
      settings(),
    );
    // Against the cutback week alone this was +67 %.
    expect(r).toMatchObject({ lastWeekM: 40_000, referenceWeekM: 40_000, evaluated: true, warning: false });
    expect(r.changePct).toBeCloseTo(0, 9);
    // Of equal weeks, the latest is named.
    expect([r.referenceFrom, r.referenceTo]).toEqual([addDays(TODAY, -20), addDays(TODAY, -14)]);
  });

  it('back after a week off ill, a missed run and a holiday: never a warning', () => {
    for (const gap of [[], [10, 10, 10], [5]]) {
      const r = computeWeeklyRamp(
        TODAY,
        weeks([10, 10, 10, 10], [10, 10, 10], gap, [10, 10, 10, 10], [10, 10, 10, 10]),
        settings(),
      );
      expect(r.warning).toBe(false);
    }
  });

  it('45 km after four weeks of 30 to 32 km: above all four by 41 %, a warning', () => {
    const r = computeWeeklyRamp(
      TODAY,
      weeks([8, 8, 7, 7], [8, 8, 8, 8], [8, 8, 7, 7], [8, 8, 8, 7], [12, 11, 11, 11]),
      settings(),
    );
    expect(r).toMatchObject({ lastWeekM: 45_000, referenceWeekM: 32_000, referenceWeekRuns: 4, warning: true });
    expect([r.referenceFrom, r.referenceTo]).toEqual([addDays(TODAY, -27), addDays(TODAY, -21)]);
    expect(r.changePct).toBeCloseTo(40.625, 9);
  });

  it('weeklyRampWarnPct 0 turns the warning off', () => {
    const acts = weeks([10], [10], [10], [10], [10, 10, 10, 10]);
    expect(computeWeeklyRamp(TODAY, acts, settings()).warning).toBe(true);
    const off = computeWeeklyRamp(TODAY, acts, settings({ weeklyRampWarnPct: 0 }));
    expect(off).toMatchObject({ evaluated: true, warning: false, warnPct: 0 });
  });

  it('treadmill runs without a distance are not 0 km weeks: the blocks compare moving time', () => {
    const treadmill = (ago: number) => ({
      ...act(addDays(TODAY, -ago), { km: null, sport: 'treadmill_run' }),
      movingS: 2880,
    });
    // Each earlier week: two 48-minute treadmill runs and one 8 km run outside (44 minutes).
    const earlier = [1, 2, 3, 4].flatMap((w) => [
      treadmill(7 * w),
      treadmill(7 * w + 2),
      act(addDays(TODAY, -7 * w - 4)),
    ]);
    // This week: three 8 km runs outside, 24 km. By distance alone that is +200 % on 8 km.
    const r = computeWeeklyRamp(
      TODAY,
      [
        ...earlier,
        ...runs([
          [0, 8],
          [2, 8],
          [4, 8],
        ]),
      ],
      settings(),
    );
    expect(r).toMatchObject({
      measure: 'time',
      lastWeekM: 24_000,
      lastWeekS: 3 * 2640,
      referenceWeekS: 2 * 2880 + 2640,
    });
    expect(r.changePct).toBeCloseTo(((3 * 2640) / (2 * 2880 + 2640) - 1) * 100, 9);
    expect(r.warning).toBe(false);
  });

  it('by moving time, a real jump still warns, and the 10 km base counts as an hour', () => {
    const tm = (ago: number, min: number) => ({ ...act(addDays(TODAY, -ago), { km: null }), movingS: min * 60 });
    const s = settings();
    const jump = computeWeeklyRamp(TODAY, [tm(10, 30), tm(8, 30), tm(2, 60), tm(1, 60)], s);
    expect(jump).toMatchObject({ measure: 'time', referenceWeekS: 3600, evaluated: true, warning: true });
    expect(jump.changePct).toBeCloseTo(100, 9);
    const small = computeWeeklyRamp(TODAY, [tm(10, 30), tm(8, 29), tm(2, 60), tm(1, 60)], s);
    expect(small.evaluated).toBe(false);
  });
});
