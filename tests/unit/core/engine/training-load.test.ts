// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../core/local-date';
import { computeTrainingLoad, LOAD_WINDOW_DAYS } from '../../../../core/engine/training-load';
import { computeVerdict } from '../../../../core/engine/verdict';
import { act, diary, settings } from './diary';

const TODAY = '2025-06-15';

describe('acute:chronic load and monotony, information only', () => {
  it('two weeks of running history: hidden', () => {
    const v = computeVerdict({ today: TODAY, settings: settings(), activities: diary(TODAY, 'R-R-R-R-R-R-R-') });
    expect(v.load).toBeNull();
  });

  it('first run 27 days ago: still hidden; 28 days of history (today counted): shown', () => {
    expect(computeTrainingLoad(TODAY, [act(addDays(TODAY, -26))], settings())).toBeNull();
    expect(computeTrainingLoad(TODAY, [act(addDays(TODAY, -27))], settings())?.historyDays).toBe(28);
  });

  it('walks and rides are not running history', () => {
    expect(
      computeTrainingLoad(TODAY, [act(addDays(TODAY, -60), { sport: 'walk' }), act(TODAY)], settings()),
    ).toBeNull();
  });

  it('5 km every day for three months: acute and chronic near 5 km a day, ratio near 1, monotony undefined', () => {
    const acts = Array.from({ length: 120 }, (_, i) => act(addDays(TODAY, -i), { km: 5 }));
    const l = computeTrainingLoad(TODAY, acts, settings());
    expect(l?.acuteKmPerDay).toBeCloseTo(5, 2);
    // The 28-day average starts from zero 91 days back: within 0.2 % of the true value.
    expect(Math.abs((l?.chronicKmPerDay ?? 0) - 5)).toBeLessThan(0.01);
    expect(l?.acuteChronicRatio).toBeCloseTo(1, 2);
    expect(l?.weekKm).toBeCloseTo(35, 9);
    expect(l?.monotony).toBeNull();
  });

  it("Foster's monotony for a week of 10, 0, 10, 0, 10, 0, 10 km: mean / sd = (40/7) / sd", () => {
    const acts = [0, 2, 4, 6].map((ago) => act(addDays(TODAY, -ago), { km: 10 }));
    acts.push(act(addDays(TODAY, -40), { km: 1 }));
    const l = computeTrainingLoad(TODAY, acts, settings());
    const mean = 40 / 7;
    const sd = Math.sqrt((4 * (10 - mean) ** 2 + 3 * mean ** 2) / 7);
    expect(l?.monotony).toBeCloseTo(mean / sd, 9);
    expect(l?.weekKm).toBeCloseTo(40, 9);
  });

  it('exponentially weighted: one 10 km run today after a quiet month gives acute 10·2/8 and chronic 10·2/29', () => {
    const l = computeTrainingLoad(TODAY, [act(addDays(TODAY, -50), { km: 0 }), act(TODAY, { km: 10 })], settings());
    expect(l?.acuteKmPerDay).toBeCloseTo(2.5, 9);
    expect(l?.chronicKmPerDay).toBeCloseTo(20 / 29, 9);
    expect(l?.acuteChronicRatio).toBeCloseTo(2.5 / (20 / 29), 9);
  });

  it('history older than the load window changes nothing', () => {
    const recent = Array.from({ length: 60 }, (_, i) => act(addDays(TODAY, -i), { km: 4 + (i % 3) }));
    const old = Array.from({ length: 300 }, (_, i) => act(addDays(TODAY, -LOAD_WINDOW_DAYS - i), { km: 30 }));
    expect(computeTrainingLoad(TODAY, [...old, ...recent], settings())).toEqual(
      computeTrainingLoad(TODAY, recent, settings()),
    );
  });

  it('never changes the level: a huge acute:chronic ratio alone is still ok', () => {
    // The older run has no distance, so no long-run spike either.
    const acts = [act(addDays(TODAY, -60), { km: null }), act(TODAY, { km: 5 })];
    const v = computeVerdict({ today: TODAY, settings: settings(), activities: acts });
    expect(v.load?.acuteChronicRatio).toBeGreaterThan(3);
    // Calm, not amber: the only reason is the comeback after 60 days, which is calm within its plan.
    expect(v.level).toBe('calm');
    expect(v.reasons.filter((r) => r.level !== 'ok').map((r) => r.code)).toEqual(['comeback']);
  });
});
