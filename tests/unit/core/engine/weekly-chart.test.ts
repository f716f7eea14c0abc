// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../core/local-date';
import { CHART_WEEKS, rollingWeeks } from '../../../../core/engine/weekly-chart';
import { computeWeeklyRamp } from '../../../../core/engine/weekly-ramp';
import { act, diary, settings } from './diary';

const TODAY = '2025-06-16'; // a Monday
const RUNNING = settings().runningLoadSports;

describe('weekly chart: rolling 7-day blocks ending today, as the ramp rule counts', () => {
  it('a Sunday long run stays in the block ending on Monday', () => {
    const weeks = rollingWeeks(TODAY, [act(addDays(TODAY, -1), { km: 21 })], RUNNING);
    expect(weeks).toEqual([{ from: '2025-06-10', to: TODAY, metres: 21_000, runs: 1 }]);
  });

  it('eight blocks, oldest first, each with its distance and runs; other sports and the future left out', () => {
    const acts = [
      ...diary(TODAY, 'R-R-R-L'.repeat(8), 10), // 4 runs a week of 10 km
      act(addDays(TODAY, -3), { sport: 'ride', km: 40 }),
      act(addDays(TODAY, -2), { sport: 'walk', km: 5 }),
      act(addDays(TODAY, 1), { km: 30 }),
    ];
    const weeks = rollingWeeks(TODAY, acts, RUNNING);
    expect(weeks).toHaveLength(CHART_WEEKS);
    expect(weeks.map((w) => [w.from, w.to])).toEqual(
      Array.from({ length: 8 }, (_, i) => [addDays(TODAY, -7 * (7 - i) - 6), addDays(TODAY, -7 * (7 - i))]),
    );
    expect(weeks.map((w) => w.metres)).toEqual(Array(8).fill(40_000));
    expect(weeks.map((w) => w.runs)).toEqual(Array(8).fill(4));
  });

  it('a run without a distance counts as a run and adds nothing', () => {
    const weeks = rollingWeeks(TODAY, [act(TODAY, { km: null }), act(addDays(TODAY, -2), { km: 5 })], RUNNING);
    expect(weeks).toEqual([{ from: addDays(TODAY, -6), to: TODAY, metres: 5000, runs: 2 }]);
  });

  it('no empty leading weeks: a history that starts 10 days ago has two blocks; an empty one keeps today’s', () => {
    const weeks = rollingWeeks(TODAY, [act(addDays(TODAY, -10), { km: 6 })], RUNNING);
    expect(weeks.map((w) => [w.to, w.metres, w.runs])).toEqual([
      [addDays(TODAY, -7), 6000, 1],
      [TODAY, 0, 0],
    ]);
    expect(rollingWeeks(TODAY, [], RUNNING)).toEqual([{ from: addDays(TODAY, -6), to: TODAY, metres: 0, runs: 0 }]);
    // An empty block between two with runs stays: it is the runner's own week off.
    expect(
      rollingWeeks(TODAY, [act(addDays(TODAY, -15), { km: 6 }), act(TODAY, { km: 6 })], RUNNING).map((w) => w.runs),
    ).toEqual([1, 0, 1]);
  });

  it('nothing older than the eighth block counts', () => {
    const weeks = rollingWeeks(
      TODAY,
      [act(addDays(TODAY, -56), { km: 30 }), act(addDays(TODAY, -55), { km: 8 })],
      RUNNING,
    );
    expect(weeks).toHaveLength(8);
    expect(weeks[0]).toMatchObject({ from: addDays(TODAY, -55), metres: 8000, runs: 1 });
  });

  it('for any history, the last block is the ramp rule’s last week and its reference week is one of the blocks', () => {
    const day = fc.integer({ min: -3, max: 70 });
    const km = fc.option(fc.integer({ min: 1, max: 40 }), { nil: null });
    const sport = fc.constantFrom('run', 'trail_run', 'treadmill_run', 'ride', 'walk', 'swim' as const);
    fc.assert(
      fc.property(fc.array(fc.tuple(day, km, sport), { maxLength: 60 }), (list) => {
        const acts = list.map(([ago, k, s]) => act(addDays(TODAY, -ago), { km: k, sport: s }));
        const weeks = rollingWeeks(TODAY, acts, RUNNING);
        const ramp = computeWeeklyRamp(TODAY, acts, settings());
        const last = weeks.at(-1)!;
        expect([last.metres, last.runs]).toEqual([ramp.lastWeekM, ramp.lastWeekRuns]);
        // Blocks before the first run are left out of the chart: the reference may be one of them.
        const reference = weeks.find((w) => w.from === ramp.referenceFrom) ?? { metres: 0, runs: 0 };
        expect([reference.metres, reference.runs]).toEqual([ramp.referenceWeekM, ramp.referenceWeekRuns]);
      }),
    );
  });
});
