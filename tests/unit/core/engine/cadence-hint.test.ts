// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../../core/activity';
import { CADENCE_HINT, cadenceHint } from '../../../../core/engine/cadence-hint';
import { addDays } from '../../../../core/local-date';
import { DEFAULT_SETTINGS } from '../../../../core/settings';
import { act, type ActOptions } from './diary';

const TODAY = '2026-06-15';
const RUNNING = DEFAULT_SETTINGS.runningLoadSports;

/** A run `ago` days before today, `km` long, with a cadence (or none). */
const run = (ago: number, km: number, cadenceSpm?: number, o: ActOptions = {}): Activity => ({
  ...act(addDays(TODAY, -ago), { km, ...o }),
  ...(cadenceSpm !== undefined ? { cadenceSpm } : {}),
});

describe('cadence hint', () => {
  it('the median of the easy runs, and 5 % more', () => {
    const acts = [run(1, 6, 160), run(3, 6, 166), run(5, 14, 150), run(9, 6, 162), run(12, 16, 148)];
    // The 14 km and 16 km runs are their weeks’ longest: 160, 162 and 166 are left; median 162.
    expect(cadenceHint(TODAY, acts, RUNNING)).toEqual({ currentSpm: 162, suggestedSpm: 170, runs: 3 });
  });

  it('an even number of easy runs: the middle two averaged, rounded', () => {
    const acts = [run(0, 5, 160), run(1, 5, 163), run(2, 5, 170), run(4, 5, 171), run(6, 12)];
    expect(cadenceHint(TODAY, acts, RUNNING)).toEqual({ currentSpm: 167, suggestedSpm: 175, runs: 4 });
  });

  it('never a fixed target: a runner at 150 is asked for 158, one at 182 for 191', () => {
    const at = (spm: number) => [run(1, 5, spm), run(2, 5, spm), run(3, 5, spm), run(4, 10)];
    expect(cadenceHint(TODAY, at(150), RUNNING)?.suggestedSpm).toBe(158);
    expect(cadenceHint(TODAY, at(182), RUNNING)?.suggestedSpm).toBe(191);
  });

  it('fewer than 3 easy runs with a cadence: no hint', () => {
    expect(cadenceHint(TODAY, [run(1, 5, 160), run(2, 5, 162), run(3, 10, 158)], RUNNING)).toBeNull();
    expect(cadenceHint(TODAY, [run(1, 5), run(2, 5), run(3, 5), run(4, 10)], RUNNING)).toBeNull();
    expect(cadenceHint(TODAY, [], RUNNING)).toBeNull();
  });

  it('a week’s only run is its longest: one run a week never gives a hint', () => {
    expect(cadenceHint(TODAY, [run(0, 5, 160), run(7, 5, 160), run(14, 5, 160), run(21, 5, 160)], RUNNING)).toBeNull();
  });

  it('looks at the last 28 days only, today included', () => {
    const old = [run(28, 5, 140), run(29, 5, 140), run(30, 5, 140), run(31, 10)];
    const recent = [run(27, 5, 170), run(26, 5, 170), run(25, 12)];
    expect(cadenceHint(TODAY, [...old, ...recent], RUNNING)).toBeNull();
    // Today's easy run makes the third: 170, 170, 166.
    const thisWeek = [run(1, 10), run(0, 5, 166)];
    expect(cadenceHint(TODAY, [...old, ...recent, ...thisWeek], RUNNING)).toMatchObject({ currentSpm: 170, runs: 3 });
    // Tomorrow's is not counted today.
    expect(cadenceHint(TODAY, [...recent, run(1, 10), run(-1, 5, 166)], RUNNING)).toBeNull();
    expect(CADENCE_HINT.days).toBe(28);
  });

  it('only running sports count; a walk’s cadence does not', () => {
    const acts = [run(1, 5, 160), run(2, 5, 162), run(3, 5, 120, { sport: 'walk' }), run(4, 10)];
    expect(cadenceHint(TODAY, acts, RUNNING)).toBeNull();
    expect(cadenceHint(TODAY, acts, [...RUNNING, 'walk'])).toMatchObject({ currentSpm: 160, runs: 3 });
  });

  it('runs without a distance are compared by time', () => {
    const acts = [
      run(1, 0, 160, { km: null }),
      run(2, 0, 161, { km: null }),
      run(3, 0, 162, { km: null }),
      { ...run(4, 0, 150, { km: null }), movingS: 5400 },
    ];
    expect(cadenceHint(TODAY, acts, RUNNING)).toEqual({ currentSpm: 161, suggestedSpm: 169, runs: 3 });
  });

  it('one run stored twice counts once', () => {
    const a = run(1, 5, 160);
    const acts = [a, { ...a }, run(2, 5, 170), run(3, 10)];
    expect(cadenceHint(TODAY, acts, RUNNING)).toBeNull();
  });
});
