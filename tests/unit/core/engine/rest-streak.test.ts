// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { computeVerdict, type Reason } from '../../../../core/engine/verdict';
import { act, diary, preset, runAt, settings } from './diary';

// 2025-03-03 is a Monday.
const MON = '2025-03-10';

function verdict(today: string, pattern: string, s = settings()) {
  return computeVerdict({ today, settings: s, activities: diary(today, pattern) });
}

function reason<C extends Reason['code']>(reasons: Reason[], code: C): Extract<Reason, { code: C }> | undefined {
  return reasons.find((r) => r.code === code) as Extract<Reason, { code: C }> | undefined;
}

describe('rest-day streak, as a runner tells it', () => {
  it('ran Monday to Saturday, rested Sunday, ran Monday: streak 1, no warning', () => {
    const v = verdict(MON, 'RRRRRR- R');
    expect(v.streak.runDays).toBe(1);
    expect(v.streak.ranToday).toBe(true);
    expect(v.level).toBe('ok');
    expect(v.reasons.some((r) => r.level === 'warning')).toBe(false);
    expect(v.streak.lastRestDay).toBe('2025-03-09');
    expect(v.streak.daysSinceRestDay).toBe(1);
  });

  it('ran six days in a row, today included: "6 days in a row without a rest day; your limit is 5", a warning', () => {
    const v = verdict('2025-03-08', 'RRRRRR');
    expect(v.streak.runDays).toBe(6);
    expect(v.level).toBe('warning');
    expect(v.title).toBe('warning_rest_tomorrow');
    const r = reason(v.reasons, 'run_streak_over_limit');
    expect(r).toMatchObject({ days: 6, limit: 5, atLeast: false, ranToday: true, restDueOn: '2025-03-09' });
  });

  it('ran six days up to yesterday and not yet today: still a warning, and today is the rest day', () => {
    const v = verdict('2025-03-09', 'RRRRRR -');
    expect(v.streak.runDays).toBe(6);
    expect(v.streak.ranToday).toBe(false);
    expect(v.level).toBe('warning');
    expect(reason(v.reasons, 'run_streak_over_limit')?.restDueOn).toBe('2025-03-09');
    expect(v.title).toBe('warning_rest_today');
    // A full rest would fall due tomorrow: today's rest day is a full one, not two in a row.
    expect(v.plan.today.kind).toBe('full_rest');
  });

  it('ran five days up to yesterday, nothing yet today: a rest day is due today', () => {
    const v = verdict('2025-03-08', 'RRRRR -');
    expect(v.streak.runDays).toBe(5);
    expect(v.level).toBe('calm');
    const r = reason(v.reasons, 'run_streak_at_limit');
    expect(r).toMatchObject({ days: 5, limit: 5, restDueOn: '2025-03-08', ranToday: false });
    expect(v.title).toBe('rest_today');
    expect(v.plan.today).toMatchObject({ kind: 'rest', maxM: null });
    expect(v.plan.next?.date).toBe('2025-03-09');
    expect(v.hipCare.strengthToday).toBe(true);
    expect(v.hipCare.mobilityAfterRun).toBe(false);
  });

  it('ran five days in a row with today: a rest day is due tomorrow', () => {
    const v = verdict('2025-03-07', 'RRRRR');
    expect(v.level).toBe('calm');
    expect(reason(v.reasons, 'run_streak_at_limit')?.restDueOn).toBe('2025-03-08');
    expect(v.hipCare.mobilityAfterRun).toBe(true);
    expect(v.hipCare.strengthToday).toBe(false);
  });

  it('ran three days: ok, and the limit is not mentioned while it is not near', () => {
    const v = verdict('2025-03-05', '-RRR');
    expect(v.level).toBe('ok');
    expect(v.streak.restDueOn).toBe('2025-03-08');
    expect(reason(v.reasons, 'run_streak')).toBeUndefined();
    // Four days: the limit of 5 is near, and said.
    expect(reason(verdict('2025-03-05', '-RRRR').reasons, 'run_streak')).toMatchObject({ days: 4, limit: 5 });
  });

  // Walks and hikes are low impact by default (they leave a full rest day whole): the cross-training
  // in these tests is yoga, rides, swims and strength work.
  it('did yoga, cycled, swam and did strength between runs: those are rest days for the streak, not full rest', () => {
    const v = verdict('2025-03-09', 'RORCRSRG R');
    expect(v.streak.runDays).toBe(1);
    expect(v.streak.activeDays).toBe(9);
    expect(v.streak.fullRestDaysLast7).toBe(0);
    expect(v.streak.restDaysLast7).toBe(4);
    expect(v.level).toBe('warning');
    expect(reason(v.reasons, 'full_rest_over_limit')).toMatchObject({ days: 9, limit: 7, atLeast: false });
  });

  it('seven days of training with cross-training in between: a full rest day is due tomorrow', () => {
    const v = verdict('2025-03-09', '- RRCRRSR');
    expect(v.streak.activeDays).toBe(7);
    expect(v.level).toBe('calm');
    expect(reason(v.reasons, 'full_rest_at_limit')).toMatchObject({ days: 7, limit: 7, restDueOn: '2025-03-10' });
  });

  it('seven days of training up to yesterday, nothing today: a full rest day today, strength work included', () => {
    const v = verdict('2025-03-09', '- RRCRRSR -');
    expect(reason(v.reasons, 'full_rest_at_limit')?.restDueOn).toBe('2025-03-09');
    expect(v.hipCare.fullRestToday).toBe(true);
    expect(v.hipCare.strengthToday).toBe(false);
    expect(v.hipCare.advice[0]?.code).toBe('full_rest');
  });

  it('a walk or a hike between runs leaves a full rest day whole: a watch that logs the dog walk costs nothing', () => {
    const v = verdict('2025-03-09', 'RWRHRWR', settings({ maxRunDaysInRow: 0 }));
    expect(v.streak.runDays).toBe(1);
    expect(v.streak.activeDays).toBe(1);
    // The two walks, the hike and the empty day before the diary.
    expect(v.streak.fullRestDaysLast7).toBe(4);
    expect(v.streak.lastFullRestDay).toBe('2025-03-08');
    expect(v.reasons.some((r) => r.code === 'full_rest_at_limit' || r.code === 'full_rest_over_limit')).toBe(false);
    expect(v.level).toBe('ok');
  });

  it('a walk chosen as running counts as running, and any sport not chosen as low impact breaks full rest', () => {
    const walksRun = settings({ runningLoadSports: ['run', 'walk'], lowImpactSports: ['hike'] });
    expect(verdict('2025-03-09', '-RWR', walksRun).streak).toMatchObject({ runDays: 3, activeDays: 3 });
    const noLowImpact = settings({ lowImpactSports: [] });
    expect(verdict('2025-03-09', '-RWR', noLowImpact).streak).toMatchObject({ runDays: 1, activeDays: 3 });
    const swimsEasy = settings({ lowImpactSports: ['walk', 'hike', 'swim'] });
    expect(verdict('2025-03-09', '-RSR', swimsEasy).streak).toMatchObject({ runDays: 1, activeDays: 1 });
    // "Other" (yoga) still counts: it is not low impact unless chosen.
    expect(verdict('2025-03-09', '-ROR').streak.activeDays).toBe(3);
  });

  it('a limit of 0 is no limit: the streaks are counted, no rest day ever falls due, nothing is red', () => {
    const off = settings({ maxRunDaysInRow: 0, maxDaysWithoutFullRest: 0 });
    const v = verdict('2025-03-20', '-' + 'R'.repeat(40), off);
    expect(v.streak).toMatchObject({ runDays: 40, activeDays: 40, runDayLimit: 0, activeDayLimit: 0 });
    expect(v.streak.restDueOn).toBeNull();
    expect(v.streak.fullRestDueOn).toBeNull();
    expect(v.reasons.some((r) => 'restDueOn' in r)).toBe(false);
    expect(v.plan.today.kind).toBe('done'); // ran today already
    // Not yet run today: a run today stays sensible, whatever the streak.
    const before = verdict('2025-03-20', '-' + 'R'.repeat(40) + '-', off);
    expect(before.streak.runDays).toBe(40);
    expect(['run', 'easy']).toContain(before.plan.today.kind);
    expect(before.hipCare.fullRestToday).toBe(false);
  });

  it('either limit can be off alone', () => {
    const runOff = verdict('2025-03-09', '-RRRRRRR', settings({ maxRunDaysInRow: 0 }));
    expect(runOff.streak.restDueOn).toBeNull();
    expect(reason(runOff.reasons, 'full_rest_over_limit')).toBeUndefined();
    expect(reason(runOff.reasons, 'full_rest_at_limit')).toMatchObject({ days: 7, limit: 7 });
    const fullOff = verdict('2025-03-09', '-RRRRRRR', settings({ maxDaysWithoutFullRest: 0 }));
    expect(fullOff.streak.fullRestDueOn).toBeNull();
    expect(reason(fullOff.reasons, 'run_streak_over_limit')).toMatchObject({ days: 7, limit: 5 });
    expect(fullOff.reasons.some((r) => r.code.startsWith('full_rest'))).toBe(false);
  });

  it('a treadmill, a trail and a virtual run count as running days by default', () => {
    expect(verdict('2025-03-09', '-TLVR').streak.runDays).toBe(4);
  });

  it('with hiking counted as running load, a hike extends the streak', () => {
    const s = settings({ runningLoadSports: ['run', 'hike'] });
    expect(verdict('2025-03-09', '-RHR', s).streak.runDays).toBe(3);
    expect(verdict('2025-03-09', '-RHR').streak.runDays).toBe(1);
  });

  it('with only road runs counted, a treadmill day is a rest day', () => {
    const s = settings({ runningLoadSports: ['run'] });
    expect(verdict('2025-03-09', '-RTR', s).streak.runDays).toBe(1);
  });

  it('two runs on one day make one running day', () => {
    const acts = [...diary('2025-03-09', '-RR'), act('2025-03-09', { hour: 18 })];
    const v = computeVerdict({ today: '2025-03-09', settings: settings(), activities: acts });
    expect(v.streak.runDays).toBe(2);
  });

  it('counts rest days over the completed last 7 and 14 days', () => {
    // Today (the last letter) is not counted: the day is not over.
    const v = verdict('2025-03-15', 'RR-RRCRR -RR-RR R');
    expect(v.streak.restDaysLast7).toBe(2);
    expect(v.streak.restDaysLast14).toBe(4);
    expect(v.streak.fullRestDaysLast7).toBe(2);
    expect(v.streak.fullRestDaysLast14).toBe(3);
    expect(v.streak.lastFullRestDay).toBe('2025-03-12');
    expect(v.streak.daysSinceFullRest).toBe(3);
  });

  it('days since the last rest day, nothing yet today', () => {
    const v = verdict('2025-03-09', '-RRR -');
    expect(v.streak.lastRestDay).toBe('2025-03-05');
    expect(v.streak.daysSinceRestDay).toBe(4);
  });

  it('a streak longer than the history looked at says "at least"', () => {
    const v = verdict('2025-06-30', 'R'.repeat(200));
    expect(v.streak.runDaysAtLeast).toBe(true);
    expect(v.streak.runDays).toBe(v.window.days);
    expect(v.streak.lastRestDay).toBeNull();
    expect(reason(v.reasons, 'run_streak_over_limit')).toMatchObject({ atLeast: true, days: 91 });
  });

  it('a run late in the evening in New York belongs to that day, even for a runner now living in London', () => {
    // 23:30 on Friday in New York is 04:30 on Saturday in London.
    const acts = [runAt('2025-03-06', 7, 0, 'America/New_York'), runAt('2025-03-07', 23, 30, 'America/New_York')];
    expect(acts[1]?.localDate).toBe('2025-03-07');
    const v = computeVerdict({ today: '2025-03-08', settings: settings(), activities: acts });
    expect(v.streak.runDays).toBe(2);
    expect(v.streak.ranToday).toBe(false);
  });

  it('flew from New York to Sydney and ran every morning: one running day per calendar date', () => {
    const acts = [
      runAt('2025-03-01', 7, 0, 'America/New_York'),
      runAt('2025-03-02', 7, 0, 'America/New_York'),
      // The flight crosses the date line: 3 March is spent in the air.
      runAt('2025-03-04', 7, 0, 'Australia/Sydney'),
      runAt('2025-03-05', 7, 0, 'Australia/Sydney'),
    ];
    const v = computeVerdict({ today: '2025-03-05', settings: settings(), activities: acts });
    expect(v.streak.runDays).toBe(2);
    expect(v.streak.lastRestDay).toBe('2025-03-03');
  });
});

// The beginner preset allows 2 run days in a row (it was 1, which made every second run in a row
// red); the experienced one has no streak limit (it was 13, red on every day of a daily runner).
describe('presets', () => {
  it('beginner: a second run in a row makes tomorrow a rest day, calm, not red', () => {
    const v = verdict('2025-03-09', '-RR', preset('beginner'));
    expect(v.level).toBe('calm');
    expect(v.title).toBe('rest_tomorrow');
    expect(reason(v.reasons, 'run_streak_at_limit')).toMatchObject({ days: 2, limit: 2, restDueOn: '2025-03-10' });
  });

  it('beginner: ran the last two days, not yet today: today is a rest day', () => {
    const v = verdict('2025-03-09', '-RR-', preset('beginner'));
    expect(v.level).toBe('calm');
    expect(reason(v.reasons, 'run_streak_at_limit')).toMatchObject({ days: 2, limit: 2, restDueOn: '2025-03-09' });
  });

  it('beginner: ran three days in a row: warning', () => {
    const v = verdict('2025-03-09', '-RRR', preset('beginner'));
    expect(v.level).toBe('warning');
    expect(reason(v.reasons, 'run_streak_over_limit')).toMatchObject({ days: 3, limit: 2 });
  });

  it('beginner: run, rest, run, rest, with cross-training in between: a full rest day after 6 days of training', () => {
    const v = verdict('2025-03-09', '-RCRCRCR', preset('beginner'));
    expect(v.streak.runDays).toBe(1);
    expect(v.streak.activeDays).toBe(7);
    expect(reason(v.reasons, 'full_rest_over_limit')?.limit).toBe(6);
  });

  it('beginner: run, walk the dog, run, walk...: the walks are full rest days, never red', () => {
    const v = verdict('2025-03-09', '-RWRWRWR', preset('beginner'));
    expect(v.streak).toMatchObject({ runDays: 1, activeDays: 1 });
    expect(v.level).toBe('ok');
  });

  it('regular (the default): 6 running days in a row make a calm rest day; only running the 7th is a warning', () => {
    const six = verdict('2025-03-09', '-RRRRRR', preset('regular'));
    expect(six.level).toBe('calm');
    expect(six.title).toBe('rest_tomorrow');
    const sixUpToYesterday = verdict('2025-03-09', '-RRRRRR-', preset('regular'));
    expect(sixUpToYesterday.title).toBe('rest_today');
    expect(verdict('2025-03-09', '-RRRRRRR', preset('regular')).level).toBe('warning');
  });

  it('experienced: a daily runner is never due a rest day nor red for the streak; its length still counts', () => {
    // (Easy days and the weekly ramp have their own tests.)
    const s = preset('experienced', { minEasyDaysPerWeek: 0, weeklyRampMinBaseKm: 1000 });
    const v = verdict('2025-03-20', 'R'.repeat(365), s);
    expect(v.level).toBe('ok');
    expect(v.streak.runDays).toBeGreaterThanOrEqual(14);
    expect(v.streak.restDueOn).toBeNull();
    expect(v.streak.fullRestDueOn).toBeNull();
  });

  it('equal limits (13 and 13): 13 days in a row are fine, the 14th is one full rest day, running it is a warning', () => {
    const s = settings({
      maxRunDaysInRow: 13,
      maxDaysWithoutFullRest: 13,
      minEasyDaysPerWeek: 0,
      weeklyRampMinBaseKm: 1000,
    });
    expect(verdict('2025-03-20', '-' + 'R'.repeat(12), s).level).toBe('ok');
    const thirteen = verdict('2025-03-20', '-' + 'R'.repeat(13), s);
    expect(thirteen.level).toBe('calm');
    // One reason for the one day: the full rest day covers the rest from running.
    expect(thirteen.reasons.filter((r) => r.level === 'calm').map((r) => r.code)).toEqual(['full_rest_at_limit']);
    expect(verdict('2025-03-20', '-' + 'R'.repeat(14), s).level).toBe('warning');
  });

  it('a limit set by hand wins over any preset', () => {
    expect(verdict('2025-03-09', '-RRR', settings({ preset: 'custom', maxRunDaysInRow: 2 })).level).toBe('warning');
  });
});
