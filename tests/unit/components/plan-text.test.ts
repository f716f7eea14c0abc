import { afterEach, describe, expect, it, vi } from 'vitest';
import { planLine } from '../../../components/plan-text';
import type { DayPlan, PlanBasis } from '../../../core/engine/next-run-plan';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { speak as speakIn } from '../speak';

// One line per day of the plan, from the plan's numbers only, in English and German.

function using(lang: 'en' | 'de') {
  speakIn(lang);
  vi.spyOn(navigator, 'language', 'get').mockReturnValue(lang === 'de' ? 'de-DE' : 'en-GB');
}
afterEach(() => vi.restoreAllMocks());

const TODAY = '2025-06-16';
const TOMORROW = '2025-06-17';
const ref = { m: 14_000, s: 5_000, date: '2025-06-01', windowDays: 30, afterBreak: false };
const day = (o: Partial<DayPlan>): DayPlan => ({
  date: TODAY,
  kind: 'run',
  maxM: null,
  maxS: null,
  by: null,
  ref: null,
  ...o,
});
const BASES: PlanBasis[] = ['longest', 'usual', 'easy_days', 'comeback'];

describe('plan lines', () => {
  for (const lang of ['en', 'de'] as const) {
    it(`${lang}: every ceiling says what it comes from, with no empty brackets or placeholders`, () => {
      using(lang);
      for (const by of BASES) {
        for (const kind of ['run', 'easy'] as const) {
          const line = planLine(day({ kind, by, maxM: 15_400, ref }), TODAY, 'km', DEFAULT_SETTINGS)!;
          expect(line, `${kind} ${by}`).toMatch(/15[.,]4 km/);
          expect(line, `${kind} ${by}`).not.toMatch(/\(\s*\)|\$|basis_|plan_/);
        }
      }
    });
  }

  it('names the day, and the next run by its day', () => {
    using('en');
    expect(planLine(day({ kind: 'rest' }), TODAY, 'km', DEFAULT_SETTINGS)).toBe('Today: a rest day from running.');
    expect(
      planLine(
        day({ date: TOMORROW, kind: 'easy', by: 'usual', maxM: 8000, ref: { ...ref, m: 8000 } }),
        TODAY,
        'km',
        DEFAULT_SETTINGS,
        true,
      ),
    ).toBe(
      'Next run, tomorrow: an easy run only, no longer than 8 km (your usual run, 8 km). No long run, hills or speed.',
    );
    using('de');
    expect(planLine(day({ kind: 'full_rest' }), TODAY, 'km', DEFAULT_SETTINGS)).toBe(
      'Heute: ein ganzer Ruhetag, gar kein Training.',
    );
  });

  it('after a break the ceiling names the longest run before it, never "of the last 30 days"', () => {
    using('en');
    const line = planLine(
      day({ by: 'longest', maxM: 11_000, ref: { ...ref, m: 10_000, afterBreak: true } }),
      TODAY,
      'km',
      DEFAULT_SETTINGS,
    )!;
    expect(line).toBe(
      'Today: run as planned, no longer than 11 km (your longest run before your break, 10 km, plus 10%).',
    );
  });

  it('without distances the ceiling is a time; "stop" has no distance; a done or rested day has no line', () => {
    using('en');
    const timed = planLine(
      day({ by: 'longest', maxS: 5_500, ref: { ...ref, m: null } }),
      TODAY,
      'km',
      DEFAULT_SETTINGS,
    )!;
    expect(timed).toMatch(
      /no longer than 1:31:40 \(your longest run of the 30 days before, 1:23:20 of running, plus 10%: an estimate/,
    );
    const stop = planLine(day({ kind: 'stop', by: 'clinician' }), TODAY, 'km', DEFAULT_SETTINGS)!;
    expect(stop).toBe('No running until a GP or physiotherapist has seen your hip.');
    expect(stop).not.toMatch(/\d/);
    expect(planLine(day({ kind: 'done' }), TODAY, 'km', DEFAULT_SETTINGS)).toBeNull();
    expect(planLine(day({ kind: 'rested' }), TODAY, 'km', DEFAULT_SETTINGS)).toBeNull();
  });
});
