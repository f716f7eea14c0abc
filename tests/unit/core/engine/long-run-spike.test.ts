// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../core/local-date';
import { breakLookup, historyWindow, selectActivities } from '../../../../core/engine/history-window';
import { computeLongRunSpike } from '../../../../core/engine/long-run-spike';
import { computeVerdict, type Reason } from '../../../../core/engine/verdict';
import { act, settings } from './diary';

const TODAY = '2025-06-15';

function spikeReasons(reasons: Reason[]) {
  return reasons.filter((r): r is Extract<Reason, { code: 'long_run_spike' }> => r.code === 'long_run_spike');
}

/** A month of easy running with a 9 km and a 10 km long run, then `km` today. */
function monthThen(km: number | null, today = TODAY) {
  return [
    act(addDays(today, -20), { km: 9 }),
    act(addDays(today, -14), { km: 10 }),
    act(addDays(today, -9), { km: 6 }),
    act(addDays(today, -3), { km: 7 }),
    act(today, { km }),
  ];
}

function v(activities: ReturnType<typeof act>[], today = TODAY, s = settings()) {
  return computeVerdict({ today, settings: s, activities });
}

describe('long-run spike, as a runner tells it', () => {
  it('longest run of the month was 10 km: today a run no longer than 11 km', () => {
    const r = v(monthThen(null).slice(0, 4));
    expect(r.longRun.suggestedMaxM).toBeCloseTo(11_000, 6);
    expect(r.longRun.baseline).toMatchObject({ longestM: 10_000, longestDate: '2025-06-01', afterBreak: false });
    expect(r.plan.today).toMatchObject({ date: TODAY, kind: 'run', by: 'longest' });
    expect(r.plan.today.maxM).toBeCloseTo(11_000, 6);
    expect(r.plan.today.ref).toMatchObject({ m: 10_000, date: '2025-06-01', afterBreak: false });
    expect(r.level).toBe('ok');
  });

  it('ran exactly 11 km after a 10 km longest: exactly 10 % longer is not a spike', () => {
    const r = v(monthThen(11));
    expect(r.longRun.recentRuns.at(-1)?.severity).toBe('none');
    expect(spikeReasons(r.reasons)).toEqual([]);
    expect(r.level).toBe('ok');
  });

  it('ran 11.5 km after a 10 km longest: a caution', () => {
    const r = v(monthThen(11.5));
    const [s] = spikeReasons(r.reasons);
    expect(s).toMatchObject({
      severity: 'caution',
      level: 'ease_off',
      thresholdPct: 10,
      daysAgo: 0,
      afterBreak: false,
    });
    expect(s?.pctOver).toBeCloseTo(15, 6);
    expect(r.level).toBe('ease_off');
    expect(r.title).toBe('ease_off');
    // The spike counts only as far as it was allowed (11 km): no long run for a week, and the
    // next run is an easy one no longer than the usual run.
    expect(r.plan.next).toMatchObject({ date: '2025-06-16', kind: 'easy', by: 'usual' });
    expect(r.plan.next!.maxM!).toBeLessThan(11_000);
    expect(r.hipCare.extraStrength).toBe(true);
  });

  it('ran 10.24 km after a 10 km longest, with the caution set at 2 %: a caution at 2.4 %', () => {
    const r = v(monthThen(10.24), TODAY, settings({ longRunCautionPct: 2 }));
    expect(spikeReasons(r.reasons)[0]).toMatchObject({ severity: 'caution', thresholdPct: 2 });
    expect(spikeReasons(r.reasons)[0]?.pctOver).toBeCloseTo(2.4, 6);
  });

  it('ran 13.5 km after a 10 km longest: a warning', () => {
    const r = v(monthThen(13.5));
    expect(spikeReasons(r.reasons)[0]).toMatchObject({ severity: 'warning', level: 'warning', thresholdPct: 30 });
    expect(r.level).toBe('warning');
  });

  it('ran a half marathon after a 10 km longest: high', () => {
    const r = v(monthThen(21.1));
    const [s] = spikeReasons(r.reasons);
    expect(s).toMatchObject({ severity: 'high', level: 'warning', thresholdPct: 100 });
    expect(s?.pctOver).toBeCloseTo(111, 6);
    expect(r.longRun.worst?.severity).toBe('high');
  });

  it("yesterday's 14 km after a 10 km longest is still a warning today", () => {
    const acts = monthThen(14, addDays(TODAY, -1));
    const r = v(acts);
    expect(spikeReasons(r.reasons)[0]).toMatchObject({ level: 'warning', daysAgo: 1 });
    expect(spikeReasons(r.reasons)[0]).toMatchObject({ value: 14_000, date: addDays(TODAY, -1) });
    // A spike never raises its own ceiling: the next long run still builds on the 10 km.
    expect(r.longRun.suggestedMaxM).toBeCloseTo(11_000, 6);
    expect(r.plan.today).toMatchObject({ kind: 'easy' });
    expect(r.plan.today.maxM!).toBeLessThanOrEqual(11_000);
  });

  it('a 14 km run four days ago leaves a caution and extra strength, not a warning', () => {
    const acts = monthThen(14, addDays(TODAY, -4));
    const r = v(acts);
    const [s] = spikeReasons(r.reasons);
    expect(s).toMatchObject({
      severity: 'warning',
      level: 'ease_off',
      daysAgo: 4,
      date: '2025-06-11',
      value: 14_000,
    });
    expect(r.level).toBe('ease_off');
    expect(r.hipCare.extraStrength).toBe(true);
  });

  it('a spike more than a week ago is no longer reported', () => {
    const r = v(monthThen(14, addDays(TODAY, -7)));
    expect(spikeReasons(r.reasons)).toEqual([]);
    expect(r.longRun.recentRuns).toEqual([]);
  });

  it('two runs on one day are each compared with the days before, not with each other', () => {
    const acts = [
      act(addDays(TODAY, -10), { km: 10 }),
      act(TODAY, { km: 5, hour: 7 }),
      act(TODAY, { km: 10.5, hour: 18 }),
    ];
    const r = v(acts);
    expect(r.longRun.recentRuns.map((c) => c.severity)).toEqual(['none', 'none']);
  });

  it('a run compared with a longest run 30 days back, but not 31', () => {
    const s = computeLongRunSpike(
      TODAY,
      [act(addDays(TODAY, -30), { km: 10 }), act(addDays(TODAY, -31), { km: 20 }), act(TODAY, { km: 12 })],
      settings(),
    );
    expect(s.recentRuns[0]?.baseline.longestM).toBe(10_000);
    expect(s.recentRuns[0]?.severity).toBe('caution');
  });

  it('a treadmill run logged by time only counts as a run but is not compared', () => {
    const r = v(monthThen(null));
    // No distance: compared by moving time (30 min against the 10 km run's 55 min), not a spike.
    expect(r.longRun.recentRuns.at(-1)).toMatchObject({ distanceM: null, measure: 'time', severity: 'none' });
    expect(spikeReasons(r.reasons)).toEqual([]);
  });

  it('first run ever: nothing to compare with, no suggested maximum', () => {
    const r = v([act(TODAY, { km: 15 })]);
    expect(r.longRun.recentRuns[0]).toMatchObject({ severity: null, baseline: { longestM: null, afterBreak: false } });
    expect(r.longRun.suggestedMaxM).toBeNull();
    expect(r.level).toBe('ok');
  });

  it('a walk or a ride longer than my runs is not a long run', () => {
    const acts = [
      act(addDays(TODAY, -5), { km: 10 }),
      act(TODAY, { km: 40, sport: 'ride' }),
      act(TODAY, { km: 15, sport: 'walk', hour: 12 }),
    ];
    const r = v(acts);
    expect(r.longRun.recentRuns).toHaveLength(1);
    expect(spikeReasons(r.reasons)).toEqual([]);
  });
});

describe('after a break of 30 days or more', () => {
  // Ran up to 1 May (longest 10 km on 20 April), then six weeks off, back on 15 June with 12 km.
  const before = [
    act('2025-03-30', { km: 16 }),
    act('2025-04-20', { km: 10 }),
    act('2025-04-28', { km: 6 }),
    act('2025-05-01', { km: 8 }),
  ];
  const comeback = act(TODAY, { km: 12 });

  it('came back after six weeks with 12 km; my longest in the month before the break was 10 km: a caution', () => {
    const r = v([...before, comeback]);
    const [s] = spikeReasons(r.reasons);
    expect(s).toMatchObject({ severity: 'caution', afterBreak: true, longest: 10_000, longestDate: '2025-04-20' });
  });

  it('the 16 km run of late March lies more than 30 days before the last run before the break and is not the baseline', () => {
    const r = v([...before, comeback]);
    expect(r.longRun.recentRuns[0]?.baseline.longestM).toBe(10_000);
  });

  it('before running again, today’s suggested maximum comes from before the break', () => {
    const r = v(before);
    expect(r.longRun.baseline).toMatchObject({ longestM: 10_000, longestDate: '2025-04-20', afterBreak: true });
    expect(r.longRun.suggestedMaxM).toBeCloseTo(11_000, 6);
  });

  it('after four months off, the runs before the break lie before the window: the caller reads them with breakLookup', () => {
    const longBefore = [
      act('2024-12-30', { km: 16 }),
      act('2025-01-20', { km: 10 }),
      act('2025-01-28', { km: 6 }),
      act('2025-02-01', { km: 8 }),
    ];
    const all = [...longBefore, comeback];
    const s = settings();
    const w = historyWindow(TODAY, s);
    const windowed = all.filter((a) => a.localDate >= w.from && a.localDate <= w.to);
    const lookup = breakLookup(TODAY, s, windowed);
    // A comeback too (comeback.ts): read from the window's start, which covers the break's runs.
    expect(lookup).toEqual({ before: w.from, limit: 240 });
    const runsBefore = selectActivities(all, null, addDays(lookup!.before, -1)).reverse().slice(0, lookup?.limit);
    const viaLookup = computeVerdict({ today: TODAY, settings: s, activities: windowed, beforeBreak: runsBefore });
    expect(viaLookup).toEqual(computeVerdict({ today: TODAY, settings: s, activities: all }));
    expect(viaLookup.longRun.recentRuns[0]?.baseline).toMatchObject({
      longestM: 10_000,
      longestDate: '2025-01-20',
      afterBreak: true,
    });
    // Without the runs before the break there is nothing to compare with.
    expect(
      computeVerdict({ today: TODAY, settings: s, activities: windowed }).longRun.recentRuns[0]?.severity,
    ).toBeNull();
  });

  it('no lookup is needed when there was a run in the last 30 days', () => {
    const s = settings();
    expect(breakLookup(TODAY, s, [act(addDays(TODAY, -29)), act(TODAY)])).toBeNull();
  });

  it('a run the day after 30 days off uses the break rule; after 29 days off it does not', () => {
    const r30 = computeLongRunSpike(
      TODAY,
      [act(addDays(TODAY, -40), { km: 10 }), act(addDays(TODAY, -31), { km: 5 }), act(TODAY, { km: 9 })],
      settings(),
    );
    expect(r30.recentRuns[0]?.baseline).toMatchObject({ longestM: 10_000, afterBreak: true });
    const r29 = computeLongRunSpike(
      TODAY,
      [act(addDays(TODAY, -40), { km: 10 }), act(addDays(TODAY, -30), { km: 5 }), act(TODAY, { km: 9 })],
      settings(),
    );
    expect(r29.recentRuns[0]?.baseline).toMatchObject({ longestM: 5_000, afterBreak: false });
  });
});
