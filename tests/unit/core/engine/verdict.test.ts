// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../../core/activity';
import { historyWindow, historyWindowDays, selectActivities } from '../../../../core/engine/history-window';
import { addDays } from '../../../../core/local-date';
import { mergeInto } from '../../../../core/merge-duplicates';
import { computeVerdict, LEVEL_RANK } from '../../../../core/engine/verdict';
import { act, diary, settings } from './diary';

const TODAY = '2025-06-15';

describe('the verdict', () => {
  it('a 6th day in a row that is also a 40 % long-run spike and a 60 % weekly ramp: a warning with every reason, most urgent first', () => {
    const acts = [
      ...diary(addDays(TODAY, -8), 'R-R-R', 5), // 15 km the week before, longest 5 km
      ...diary(addDays(TODAY, -1), 'RRRRR', 3.4),
      act(TODAY, { km: 7 }),
    ];
    const v = computeVerdict({ today: TODAY, settings: settings(), activities: acts });
    expect(v.level).toBe('warning');
    const codes = v.reasons.map((r) => r.code);
    expect(codes).toEqual(['run_streak_over_limit', 'long_run_spike', 'weekly_ramp']);
    // The numbers are the plan's: rest tomorrow, and nothing for today (its run is in).
    expect(v.plan.today.kind).toBe('done');
    expect(v.plan.next?.date).toBe(addDays(TODAY, 2));
    for (let i = 1; i < v.reasons.length; i++) {
      expect(LEVEL_RANK[v.reasons[i - 1]!.level]).toBeGreaterThanOrEqual(LEVEL_RANK[v.reasons[i]!.level]);
    }
    expect(v.title).toBe('warning_rest_tomorrow');
    for (const r of v.reasons) {
      // Codes and numbers only: the words come from _locales.
      expect(Object.values(r).some((x) => typeof x === 'string' && x.includes(' '))).toBe(false);
      for (const val of Object.values(r)) if (typeof val === 'number') expect(Number.isFinite(val)).toBe(true);
    }
    expect(v.hipCare).toMatchObject({
      seeClinician: false,
      mobilityAfterRun: true,
      strengthToday: false,
      extraStrength: true,
    });
    expect(v.hipCare.advice.find((a) => a.code === 'extra_strength')).toEqual({
      code: 'extra_strength',
      after: 'both',
    });
  });

  it('nothing at all stored: ok, no reasons, no load', () => {
    const v = computeVerdict({ today: TODAY, settings: settings(), activities: [] });
    expect(v.level).toBe('ok');
    expect(v.reasons).toEqual([]);
    expect(v.load).toBeNull();
    expect(v.streak.runDays).toBe(0);
    expect(v.longRun.suggestedMaxM).toBeNull();
  });

  it('red-flag symptoms: a warning, and the only advice is to stop and see a clinician', () => {
    const v = computeVerdict({
      today: TODAY,
      settings: settings({ redFlagSymptoms: true, outerHipPain: true }),
      activities: diary(TODAY, 'RR'),
    });
    expect(v.level).toBe('warning');
    expect(v.reasons[0]).toEqual({ code: 'red_flag_symptoms', level: 'warning' });
    expect(v.title).toBe('see_clinician');
    expect(v.hipCare.seeClinician).toBe(true);
    expect(v.hipCare.advice.map((a) => a.code)).toEqual(['see_clinician']);
    expect(v.hipCare.mobilityAfterRun || v.hipCare.strengthToday || v.hipCare.extraStrength).toBe(false);
  });

  it('without red-flag symptoms the clinician is never suggested, whatever the load', () => {
    const v = computeVerdict({ today: TODAY, settings: settings(), activities: diary(TODAY, 'R'.repeat(30), 30) });
    expect(v.level).toBe('warning');
    expect(v.hipCare.seeClinician).toBe(false);
    expect(v.hipCare.advice.some((a) => a.code === 'see_clinician')).toBe(false);
  });

  it('ran today: mobility after the run', () => {
    const v = computeVerdict({ today: TODAY, settings: settings(), activities: diary(TODAY, '-R') });
    expect(v.hipCare.advice.map((a) => a.code)).toEqual(['mobility_after_run']);
    expect(v.hipCare.advice[0]).toEqual({ code: 'mobility_after_run', ranToday: true });
  });

  it('rested yesterday and no run yet today: mobility if I run, strength if I rest', () => {
    const v = computeVerdict({ today: TODAY, settings: settings(), activities: diary(TODAY, 'R--') });
    expect(v.hipCare).toMatchObject({ mobilityAfterRun: true, strengthToday: true, fullRestToday: false });
    expect(v.hipCare.advice).toEqual([
      { code: 'mobility_after_run', ranToday: false },
      { code: 'strength_on_rest_day', restToday: false },
    ]);
  });

  it('pain on the outside of the hip: no cross-body stretches', () => {
    const v = computeVerdict({
      today: TODAY,
      settings: settings({ outerHipPain: true }),
      activities: diary(TODAY, 'R'),
    });
    expect(v.hipCare.avoidCrossBodyStretches).toBe(true);
    expect(v.hipCare.advice.at(-1)?.code).toBe('avoid_cross_body_stretches');
  });

  it('refuses a today that is not a calendar date', () => {
    expect(() => computeVerdict({ today: '2025-6-15', settings: settings(), activities: [] })).toThrow(/calendar date/);
  });

  it('ignores activities dated after today and before the window', () => {
    const w = historyWindow(TODAY, settings());
    // (With a run in the last 30 days: after a break, older runs are used for the long-run comparison.)
    const recent = [act(addDays(TODAY, -20)), act(addDays(TODAY, -5)), act(TODAY)];
    const acts = [act(addDays(TODAY, 1), { km: 30 }), act(addDays(w.from, -1), { km: 30 }), ...recent];
    const v = computeVerdict({ today: TODAY, settings: settings(), activities: acts });
    expect(v).toEqual(computeVerdict({ today: TODAY, settings: settings(), activities: recent }));
  });

  it('leaves out damaged records instead of failing', () => {
    const bad: Activity[] = [
      { ...act(TODAY), localDate: '2025-02-30' },
      { ...act(TODAY), startMs: Number.NaN },
      { ...act(TODAY), sport: 'quidditch' as Activity['sport'] },
    ];
    const v = computeVerdict({
      today: TODAY,
      settings: settings(),
      activities: [...bad, ...diary(addDays(TODAY, -1), 'RR')],
    });
    expect(v.streak.runDays).toBe(2);
    expect(v.streak.ranToday).toBe(false);
  });
});

describe('the history window', () => {
  it('is 91 days ending today by default (the load window is the widest)', () => {
    expect(historyWindow(TODAY, settings())).toEqual({ from: addDays(TODAY, -90), to: TODAY, days: 91 });
  });

  it('grows with the long-run window: 120 days back for each run of the last week', () => {
    expect(historyWindowDays(settings({ longRunWindowDays: 120 }))).toBe(127);
  });

  it('a verdict from the window alone equals one from ten years of history', () => {
    const tenYears = Array.from({ length: 3650 }, (_, i) => act(addDays(TODAY, -i), { km: 5 + (i % 7) }));
    const w = historyWindow(TODAY, settings());
    const windowOnly = tenYears.filter((a) => a.localDate >= w.from);
    expect(computeVerdict({ today: TODAY, settings: settings(), activities: windowOnly })).toEqual(
      computeVerdict({ today: TODAY, settings: settings(), activities: tenYears }),
    );
  });
});

describe('duplicates count once', () => {
  const base = act(TODAY, { km: 10, id: '1' });

  it('the same record twice', () => {
    expect(selectActivities([base, { ...base }], null, TODAY)).toHaveLength(1);
  });

  it('a stale copy of a record: the later write wins', () => {
    const edited = { ...base, distanceM: 12_000, updatedMs: 5 };
    expect(selectActivities([edited, base], null, TODAY)).toEqual([edited]);
    expect(selectActivities([base, edited], null, TODAY)).toEqual([edited]);
  });

  it('the same run from Garmin and from Strava, three minutes and 2 % apart', () => {
    const garmin = { ...act(TODAY, { km: 10.2, id: 'g1', source: 'garmin' }), startMs: base.startMs + 3 * 60_000 };
    const v = computeVerdict({ today: TODAY, settings: settings(), activities: [garmin, base] });
    expect(v.weeklyRamp.lastWeekRuns).toBe(1);
    expect(v.longRun.recentRuns).toHaveLength(1);
  });

  it('a merged record next to a stale single-source copy: the merged one counts', () => {
    const merged = mergeInto(
      base,
      {
        source: 'garmin',
        sourceId: 'g1',
        startMs: base.startMs + 60_000,
        localDate: TODAY,
        sport: 'run',
        sportLabel: 'running',
        distanceM: 10_100,
        movingS: null,
        elapsedS: null,
        name: '',
      },
      9,
    );
    const staleGarmin = { ...act(TODAY, { km: 10.1, id: 'g1', source: 'garmin' }), startMs: base.startMs + 60_000 };
    const out = selectActivities([staleGarmin, base, merged], null, TODAY);
    expect(out).toHaveLength(1);
    expect(out[0]?.sourceKeys).toEqual(['strava:1', 'garmin:g1']);
  });

  it('a double session (two Strava runs at once) stays two runs', () => {
    const second = act(TODAY, { km: 10, id: '2' });
    expect(selectActivities([base, second], null, TODAY)).toHaveLength(2);
  });

  it('a Garmin copy between two different Strava runs does not bridge them into one', () => {
    const a = act(TODAY, { km: 10, id: 'a', startMs: base.startMs });
    const b = act(TODAY, { km: 10, id: 'b', startMs: base.startMs + 8 * 60_000 });
    const g = act(TODAY, { km: 10, id: 'g', source: 'garmin', startMs: base.startMs + 4 * 60_000 });
    expect(selectActivities([a, b, g], null, TODAY)).toHaveLength(2);
  });
});
