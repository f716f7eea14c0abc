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
      lastWeekM: 21_000,
      previousWeekM: 15_000,
      lastWeekRuns: 3,
      previousWeekRuns: 3,
      evaluated: true,
      warning: true,
    });
    expect(v.weeklyRamp.changePct).toBeCloseTo(40, 9);
    const r = v.reasons.find((x) => x.code === 'weekly_ramp');
    // A steep week: ease off (hold the week's distance), never "rest today".
    expect(r).toMatchObject({ level: 'ease_off', lastWeekM: 21_000, previousWeekM: 15_000, holdWeekM: 21_000 });
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
    expect(r.previousWeekM).toBe(10_000);
  });

  it('runs with no distance count as runs and add nothing; rides add nothing', () => {
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
  });

  it('a fortnight-old run is outside both weeks', () => {
    const r = computeWeeklyRamp(TODAY, runs([[14, 50]]), settings());
    expect(r.previousWeekM).toBe(0);
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
