// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../../core/activity';
import {
  comebackConstraints,
  comebackFindings,
  findComeback,
  type Comeback,
  type ComebackFinding,
} from '../../../../core/engine/comeback';
import { breakLookup, historyWindow, selectActivities } from '../../../../core/engine/history-window';
import { composePlan, planDay } from '../../../../core/engine/next-run-plan';
import { addDays } from '../../../../core/local-date';
import { act, settings } from './diary';

const TODAY = '2025-06-15';
const S = settings();

/** Runs of the given km, each [day, km]. */
const runs = (list: [string, number][]) => list.map(([d, km]) => act(d, { km }));

/**
 * Four weeks before a break ending with a run on `last`: each week 8, 8, 12 (the long run) and
 * 8 km on the days 5, 4, 2 and 0 before the week's end. A usual week of 36 km, a usual run of
 * 8 km, the longest 12 km (4 days before `last`).
 */
function fourWeeksTo(last: string): Activity[] {
  return [0, 1, 2, 3].flatMap((w) =>
    runs([
      [addDays(last, -7 * w - 5), 8],
      [addDays(last, -7 * w - 4), 12],
      [addDays(last, -7 * w - 2), 8],
      [addDays(last, -7 * w), 8],
    ]),
  );
}

function comebackOn(day: string, acts: readonly Activity[]): Comeback | null {
  return findComeback(
    day,
    acts.filter((a) => a.localDate <= day),
    S,
  );
}

function findingsOn(day: string, acts: readonly Activity[]): ComebackFinding[] {
  const c = comebackOn(day, acts);
  return c ? comebackFindings(day, c) : [];
}

describe('coming back after three weeks injured', () => {
  // First run back 27 days ago; the last run before the break 22 days before that (21 days off).
  const back = addDays(TODAY, -27);
  const lastBefore = addDays(back, -22);
  const before = fourWeeksTo(lastBefore);
  // 4, 5, then 7 km against a usual 8 km, building over four weeks.
  const careful: [number, number][] = [
    [0, 4],
    [2, 5],
    [4, 7],
    [7, 6],
    [9, 7],
    [11, 8],
    [13, 4],
    [14, 7],
    [16, 8],
    [18, 10],
    [20, 5],
    [21, 8],
    [23, 8],
    [25, 12],
    [27, 8],
  ];
  const carefulActs = [...before, ...runs(careful.map(([d, km]) => [addDays(back, d), km]))];

  it('knows the usual from the 28 days before the break, with their dates', () => {
    const c = comebackOn(TODAY, carefulActs)!;
    expect(c).toMatchObject({
      returnedOn: back,
      lastRunBefore: lastBefore,
      gapDays: 21,
      startsOn: back,
      week: 4,
      measure: 'distance',
      usual: {
        from: addDays(lastBefore, -27),
        to: lastBefore,
        runDays: 16,
        run: 8000,
        week: 36_000,
        longest: 12_000,
        longestDate: addDays(lastBefore, -4),
      },
    });
  });

  it('a careful return (4, 5, 7 km against a usual 8 km, building) is calm every day, before and through the four weeks', () => {
    for (let d = -1; d <= 27; d++) {
      const day = addDays(back, d);
      const f = findingsOn(day, carefulActs);
      expect(
        f.map((x) => [x.code, x.level]),
        day,
      ).toEqual([['comeback', 'calm']]);
      expect(f[0]).toMatchObject({ week: d < 0 ? 1 : Math.floor(d / 7) + 1, gapDays: d < 0 ? 20 : 21 });
    }
    // The day before the first run back: no run back yet, week 1 starts with the next run.
    expect(findingsOn(addDays(back, -1), carefulActs)[0]).toMatchObject({ returnedOn: null, weekCap: 18_000 });
    expect(findingsOn(back, carefulActs)[0]).toMatchObject({
      returnedOn: back,
      weekPct: 50,
      weekCap: 18_000,
      last7: 4000,
      usualRun: 8000,
      usualWeek: 36_000,
      usualTo: lastBefore,
    });
  });

  it("each of the careful runs fits that morning's plan", () => {
    for (const [d, km] of careful) {
      const day = addDays(back, d);
      const c = comebackOn(addDays(day, -1), carefulActs)!;
      // The plan made the day before, for this day, knows every run until then.
      const plan = planDay(day, comebackConstraints(addDays(day, -1), c));
      expect(plan.kind, day).not.toBe('rest');
      expect(plan.maxM!, day).toBeGreaterThanOrEqual(km * 1000 - 1e-6);
      expect(plan.kind).toBe(d < 14 ? 'easy' : 'run');
    }
  });

  it('a reckless return (a full 47 km week with a 15.5 km long run in week 1) is too fast, with a long run too early', () => {
    const start = addDays(TODAY, -6);
    const last = addDays(start, -22);
    // The usual week: 8, 8, 15.5, 8 and 7.5 km, 47 km.
    const week = (end: string, w: number) =>
      runs([
        [addDays(end, -7 * w - 6), 8],
        [addDays(end, -7 * w - 5), 8],
        [addDays(end, -7 * w - 4), 15.5],
        [addDays(end, -7 * w - 2), 8],
        [addDays(end, -7 * w), 7.5],
      ]);
    const acts = [...[0, 1, 2, 3].flatMap((w) => week(last, w)), ...week(TODAY, 0)];
    const c = comebackOn(TODAY, acts)!;
    expect(c.usual).toMatchObject({ week: 47_000, run: 8000, longest: 15_500 });
    const f = comebackFindings(TODAY, c);
    expect(f.map((x) => [x.code, x.level])).toEqual([
      ['comeback_too_fast', 'ease_off'],
      ['comeback_long_run_early', 'ease_off'],
    ]);
    expect(f[0]).toMatchObject({ week: 1, last7: 47_000, weekCap: 23_500, from: start, to: TODAY });
    expect((f[0] as Extract<ComebackFinding, { code: 'comeback_too_fast' }>).pctOver).toBeCloseTo(100, 9);
    expect(f[1]).toMatchObject({ date: addDays(start, 2), daysAgo: 4, run: 15_500, usualRun: 8000, usualTo: last });
    // Already on the day of the long run: 31.5 km in three days is over the 23.5 km cap.
    expect(findingsOn(addDays(start, 2), acts).map((x) => x.code)).toEqual([
      'comeback_too_fast',
      'comeback_long_run_early',
    ]);
    // The first two days, 16 km of 8 km runs: within the plan.
    expect(findingsOn(addDays(start, 1), acts).map((x) => x.code)).toEqual(['comeback']);
  });

  it('after a 10-day gap there is no return mode', () => {
    const last = addDays(TODAY, -15);
    const acts = [...fourWeeksTo(last), ...runs([[addDays(TODAY, -4), 15]])];
    expect(findComeback(TODAY, acts, S)).toBeNull();
    // 14 days off is a break.
    const acts14 = [...fourWeeksTo(addDays(TODAY, -19)), ...runs([[addDays(TODAY, -4), 15]])];
    expect(findComeback(TODAY, acts14, S)).toMatchObject({ gapDays: 14, week: 1 });
  });

  it('five weeks after the return there is no return mode; on day 28 it is week 4', () => {
    expect(comebackOn(addDays(back, 35), carefulActs)).toBeNull();
    expect(comebackOn(addDays(back, 28), carefulActs)).toBeNull();
    expect(comebackOn(addDays(back, 27), carefulActs)?.week).toBe(4);
  });

  it('a new runner whose first run is recent is not coming back', () => {
    expect(
      findComeback(
        TODAY,
        runs([
          [addDays(TODAY, -10), 5],
          [addDays(TODAY, -3), 5],
        ]),
        S,
      ),
    ).toBeNull();
    expect(findComeback(TODAY, [], S)).toBeNull();
  });
});

describe('the plan while coming back', () => {
  const before = (back: string) => fourWeeksTo(addDays(back, -22));

  it('constraints cover the next run day: what is left of the week, up to the usual run', () => {
    const back = addDays(TODAY, -2);
    const c = findComeback(
      TODAY,
      [
        ...before(back),
        ...runs([
          [back, 6],
          [TODAY, 6],
        ]),
      ],
      S,
    )!;
    const constraints = comebackConstraints(TODAY, c);
    const plan = composePlan({ today: TODAY, constraints, ranToday: true, restedToday: false });
    expect(plan.today.kind).toBe('done');
    // Week 1: 18 km (half the usual 36), 12 run: 6 km left.
    expect(plan.next).toEqual({
      date: addDays(TODAY, 1),
      kind: 'easy',
      maxM: 6000,
      maxS: null,
      by: 'comeback',
      ref: null,
    });
    // Week 2 (70 %, 25.2 km) starts in 5 days; the first 6 km is then 7 days old: the usual 8 km run.
    expect(planDay(addDays(TODAY, 5), constraints)).toMatchObject({ kind: 'easy', maxM: 8000 });
  });

  it('16 of the 18 km of week 1 used: rest days until week 2, and the plan finds that day', () => {
    const back = addDays(TODAY, -4);
    const c = findComeback(
      TODAY,
      [
        ...before(back),
        ...runs([
          [back, 4],
          [addDays(back, 2), 5],
          [TODAY, 7],
        ]),
      ],
      S,
    )!;
    const constraints = comebackConstraints(TODAY, c);
    expect(planDay(addDays(TODAY, 1), constraints)).toMatchObject({ kind: 'rest', by: 'comeback' });
    expect(planDay(addDays(TODAY, 2), constraints)).toMatchObject({ kind: 'rest', by: 'comeback' });
    const plan = composePlan({ today: TODAY, constraints, ranToday: true, restedToday: false });
    expect(plan.next).toEqual({
      date: addDays(TODAY, 3),
      kind: 'easy',
      maxM: 8000,
      maxS: null,
      by: 'comeback',
      ref: null,
    });
    // Today and the 7 days after, nothing beyond.
    expect(planDay(addDays(TODAY, 7), constraints).by).toBe('comeback');
    expect(planDay(addDays(TODAY, 8), constraints)).toMatchObject({ kind: 'run', by: null });
  });

  it('before the first run back, today is week 1: an easy run up to the usual run', () => {
    const c = findComeback(TODAY, fourWeeksTo(addDays(TODAY, -20)), S)!;
    expect(c).toMatchObject({ returnedOn: null, startsOn: TODAY, gapDays: 19, week: 1 });
    const plan = composePlan({
      today: TODAY,
      constraints: comebackConstraints(TODAY, c),
      ranToday: false,
      restedToday: false,
    });
    expect(plan.today).toEqual({ date: TODAY, kind: 'easy', maxM: 8000, maxS: null, by: 'comeback', ref: null });
  });

  it('weeks 3 and 4 bring the long run back: halfway to the longest before the break, then the longest', () => {
    const start = addDays(TODAY, -14);
    const c = findComeback(TODAY, [...fourWeeksTo(addDays(start, -22)), ...runs([[start, 5]])], S)!;
    expect(c.week).toBe(3);
    const constraints = comebackConstraints(TODAY, c);
    expect(planDay(TODAY, constraints)).toMatchObject({ kind: 'run', maxM: 10_000 });
    expect(planDay(addDays(TODAY, 7), constraints)).toMatchObject({ kind: 'run', maxM: 12_000 });
  });

  it('runs without a distance: the plan is in moving time', () => {
    const treadmill = (d: string, min: number) => ({
      ...act(d, { km: null, sport: 'treadmill_run' }),
      movingS: min * 60,
    });
    const last = addDays(TODAY, -25);
    const before = [0, 1, 2, 3].flatMap((w) => [0, 2, 4].map((k) => treadmill(addDays(last, -7 * w - k), 40)));
    const c = findComeback(TODAY, [...before, treadmill(addDays(TODAY, -2), 30)], S)!;
    expect(c).toMatchObject({ measure: 'time', usual: { run: 2400, week: 7200 } });
    const plan = composePlan({
      today: TODAY,
      constraints: comebackConstraints(TODAY, c),
      ranToday: false,
      restedToday: false,
    });
    // Week 1: 60 of the usual 120 minutes a week, 30 already run.
    expect(plan.today).toEqual({ date: TODAY, kind: 'easy', maxM: null, maxS: 1800, by: 'comeback', ref: null });
  });
});

describe('a return after 45 days off', () => {
  // Runs every day for the 28 days before the break; the three oldest are 20 km, the rest 6 km.
  const back = addDays(TODAY, -20);
  const last = addDays(back, -46);
  const before = Array.from({ length: 28 }, (_, i) => act(addDays(last, -i), { km: i >= 25 ? 20 : 6 }));
  const returns: [number, number][] = [
    [0, 4],
    [3, 5],
    [7, 5],
    [10, 6],
    [14, 6],
    [17, 6],
  ];
  const all = [...before, ...runs(returns.map(([d, km]) => [addDays(back, d), km]))];

  it('still knows the usual from before the break: the verdict reads it with breakLookup', () => {
    const w = historyWindow(TODAY, S);
    // The usual's 28 days begin before the window.
    expect(addDays(last, -27) < w.from).toBe(true);
    const windowed = all.filter((a) => a.localDate >= w.from && a.localDate <= w.to);
    const lookup = breakLookup(TODAY, S, windowed);
    expect(lookup).toEqual({ before: w.from, limit: 240 });
    const runsBefore = selectActivities(all, null, addDays(lookup!.before, -1)).reverse().slice(0, lookup!.limit);
    const c = findComeback(TODAY, [...windowed, ...runsBefore], S)!;
    expect(c).toEqual(findComeback(TODAY, all, S));
    expect(c).toMatchObject({ returnedOn: back, gapDays: 45, week: 3 });
    expect(c.usual).toMatchObject({ from: addDays(last, -27), to: last, runDays: 28, week: (3 * 20 + 25 * 6) * 250 });
    // The window alone misses the three oldest days.
    expect(findComeback(TODAY, windowed, S)!.usual.week).toBe(25 * 6 * 250);
  });

  it('no extra read for a runner who ran all along', () => {
    const daily = Array.from({ length: 90 }, (_, i) => act(addDays(TODAY, -i), { km: 8 }));
    expect(breakLookup(TODAY, S, daily)).toBeNull();
  });
});
