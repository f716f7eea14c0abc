// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAnswer, checkCheckIn, answerMoment, type CheckIn, type RedFlag } from '../../../../core/check-in';
import { painState } from '../../../../core/engine/pain-monitoring';
import { computeVerdict, PAIN_SHORTER_PCT, type Reason } from '../../../../core/engine/verdict';
import { addDays, dayNumber, localDateOf } from '../../../../core/local-date';
import { act, diary, instantOf, preset } from './diary';

// The pain-monitoring model (Silbernagel et al. 2007) by day and by moment, as a runner reports it.

const TODAY = '2025-06-15';
const SPORTS = ['run', 'trail_run', 'treadmill_run', 'virtual_run'];
const d = (ago: number) => addDays(TODAY, -ago);
const at = (date: string, hour: number) => dayNumber(date) * 86_400_000 + hour * 3_600_000;

/** A day's check-in with a morning answer, a later answer, or both. */
function day(date: string, a: { m?: number; l?: number; place?: CheckIn['place']; flags?: RedFlag[] }): CheckIn {
  const c: CheckIn = { date, pain: (a.l ?? a.m)!, atMs: at(date, a.l !== undefined ? 19 : 7) };
  if (a.m !== undefined) c.morning = { pain: a.m, atMs: at(date, 7) };
  if (a.l !== undefined) c.later = { pain: a.l, atMs: at(date, 19) };
  if (a.place) c.place = a.place;
  if (a.flags) c.flags = a.flags;
  return c;
}

function verdict(checkIns: CheckIn[], pattern = '-RR-RR', today = TODAY) {
  return computeVerdict({ today, settings: preset('regular'), activities: diary(today, pattern), checkIns });
}

const codes = (rs: readonly Reason[]) => rs.map((r) => r.code);

describe('the moment of an answer', () => {
  const tz = 'Europe/Berlin';
  it('before noon and before the day’s run is the morning; after a run or after noon is later', () => {
    const wake = instantOf(TODAY, 6, 45, tz);
    expect(answerMoment(wake, tz, [])).toBe('morning');
    expect(answerMoment(wake, tz, [instantOf(TODAY, 8, 0, tz)])).toBe('morning');
    expect(answerMoment(instantOf(TODAY, 9, 30, tz), tz, [instantOf(TODAY, 8, 0, tz)])).toBe('later');
    expect(answerMoment(instantOf(TODAY, 21, 0, tz), tz, [])).toBe('later');
    // Noon where the runner is, not in UTC.
    expect(answerMoment(instantOf(TODAY, 11, 30, 'America/Los_Angeles'), 'America/Los_Angeles', [])).toBe('morning');
  });

  it('each answer keeps its moment: a second morning answer replaces the first, a later one joins it', () => {
    let r = applyAnswer(null, { date: TODAY, pain: 3 }, at(TODAY, 7), 'morning');
    expect(r).toMatchObject({ ok: true, value: { pain: 3, morning: { pain: 3 } } });
    r = applyAnswer(r.ok ? r.value : null, { date: TODAY, pain: 2 }, at(TODAY, 8), 'morning');
    r = applyAnswer(r.ok ? r.value : null, { date: TODAY, pain: 4, place: 'outside' }, at(TODAY, 19), 'later');
    expect(r.ok && r.value).toMatchObject({
      pain: 4,
      morning: { pain: 2, atMs: at(TODAY, 8) },
      later: { pain: 4, atMs: at(TODAY, 19) },
      place: 'outside',
    });
    // A place or red-flag answers alone keep the pains.
    r = applyAnswer(r.ok ? r.value : null, { date: TODAY, flags: [] }, at(TODAY, 20), 'later');
    expect(r.ok && r.value).toMatchObject({ pain: 4, morning: { pain: 2 }, later: { pain: 4 }, flags: [] });
    expect(applyAnswer(null, { date: TODAY, place: 'groin' }, at(TODAY, 9), 'morning')).toMatchObject({
      ok: false,
      error: { code: 'checkin_pain_first' },
    });
  });

  it('an older check-in reads as a later answer, its two questions as red flags', () => {
    expect(checkCheckIn({ date: TODAY, pain: 4, nightOrRest: true, groinWalking: true, atMs: 5 }, null)).toEqual({
      ok: true,
      value: {
        date: TODAY,
        pain: 4,
        atMs: 5,
        later: { pain: 4, atMs: 5 },
        place: 'groin',
        flags: ['night_or_rest', 'walking'],
      },
    });
    // Answered "no" to both: answered, no flag.
    expect(
      checkCheckIn({ date: TODAY, pain: 1, nightOrRest: false, groinWalking: false, atMs: 5 }, null),
    ).toMatchObject({
      ok: true,
      value: { flags: [] },
    });
    expect(checkCheckIn({ date: TODAY, pain: 1, atMs: 5, place: 'knee' }, null)).toMatchObject({
      ok: false,
      error: { code: 'checkin_place' },
    });
    expect(checkCheckIn({ date: TODAY, pain: 1, atMs: 5, flags: ['hop', 'fever!'] }, null)).toMatchObject({
      ok: false,
      error: { code: 'checkin_flags' },
    });
  });
});

describe('hip pain, by day and moment', () => {
  it('pain 0 to 2 is fine: no change to the verdict', () => {
    for (const p of [0, 1, 2]) {
      const v = verdict([day(TODAY, { l: p })]);
      expect(v.level).toBe('ok');
      expect(v.reasons.find((r) => r.code === 'pain_fine')).toMatchObject({ pain: p, date: TODAY });
    }
  });

  it('4 the evening after a Sunday long run, 1 the next morning: settled, never red', () => {
    const v = verdict([day(d(1), { l: 4 }), day(TODAY, { m: 1 })], '-RR-RR');
    expect(v.level).toBe('ok');
    // No usual morning known yet (one morning answer): said so, not "your usual morning (0 of 10)".
    expect(v.reasons.find((r) => r.code.startsWith('pain_'))).toMatchObject({
      code: 'pain_settled',
      pain: 1,
      usualMorning: null,
    });
    // The evening itself: acceptable, check again in the morning.
    const evening = verdict([day(d(1), { m: 0 }), day(TODAY, { l: 4 })], '-RR-RR');
    expect(evening.level).toBe('ok');
    expect(evening.reasons.find((r) => r.code === 'pain_acceptable')).toMatchObject({ pain: 4, moment: 'later' });
    expect(painState(addDays(TODAY, 1), [day(TODAY, { l: 4 })], diary(TODAY, 'RR'), SPORTS).morningAfter).toBe(TODAY);
  });

  it('the morning after a run above the usual morning: not settled, an easy run shorter than usual', () => {
    const mornings = [5, 4, 3, 2].map((ago) => day(d(ago), { m: 1 }));
    const v = verdict([...mornings, day(d(1), { l: 4 }), day(TODAY, { m: 4 })], 'RRRRR-');
    expect(v.level).toBe('ease_off');
    expect(v.reasons[0]).toMatchObject({ code: 'pain_not_settled', pain: 4, usualMorning: 1, runDate: d(1) });
    expect(v.plan.today).toMatchObject({ kind: 'easy', by: 'pain', maxM: (8000 * PAIN_SHORTER_PCT) / 100 });
    // A runner whose usual morning is 3 is settled at 3.
    const usual3 = [5, 4, 3, 2].map((ago) => day(d(ago), { m: 3 }));
    expect(codes(verdict([...usual3, day(TODAY, { m: 3 })], 'RRRRR-').reasons)).toContain('pain_settled');
  });

  it('above 5 at any time: a warning, a rest day from running, then easy runs shorter than usual', () => {
    const v = verdict([day(TODAY, { m: 6 })], 'RRR-RR-');
    expect(v.level).toBe('warning');
    expect(v.reasons[0]).toMatchObject({ code: 'pain_high', pain: 6, moment: 'morning' });
    expect(v.plan.today.kind).toBe('rest');
    expect(v.plan.next).toMatchObject({ date: addDays(TODAY, 1), kind: 'easy', by: 'pain' });
    // After today's run: tomorrow is the rest day.
    const after = verdict([day(TODAY, { l: 7 })], 'RRR-RRR');
    expect(after.plan.next?.date).toBe(addDays(TODAY, 2));
  });

  it('pain rising week on week, with a rest day between: ease off, not "all good"', () => {
    const before = [13, 12, 11, 10, 9].map((ago) => day(d(ago), { l: 2 }));
    const rising = [
      day(d(6), { l: 2 }),
      day(d(5), { l: 3 }),
      day(d(4), { l: 3 }),
      day(d(3), { l: 4 }),
      day(d(1), { l: 4 }),
    ];
    // Today is a rest day with no answer yet: yesterday's 4 and the week's rise.
    const v = verdict([...before, ...rising], 'RRRRR-RRRRR-R-');
    expect(v.level).toBe('ease_off');
    expect(v.reasons.find((r) => r.code === 'pain_week_rise')).toMatchObject({ weekMean: 3.2, previousWeekMean: 2 });
    expect(codes(v.reasons)).not.toContain('pain_acceptable');
    expect(v.plan.today).toMatchObject({ kind: 'easy', by: 'pain' });
  });

  it('referral after two weeks of pain, not on the 8th painful day, and never beside "fine to train"', () => {
    const eight = Array.from({ length: 8 }, (_, i) => day(d(i), { l: 3 }));
    expect(codes(verdict(eight).reasons)).not.toContain('pain_persistent');
    const fourteen = Array.from({ length: 14 }, (_, i) => day(d(i), { l: i % 4 === 0 ? 2 : 4 }));
    fourteen[0] = day(TODAY, { l: 3 });
    const v = verdict(fourteen);
    expect(v.reasons.find((r) => r.code === 'pain_persistent')).toMatchObject({ since: d(13) });
    expect(v.hipCare.referral).toEqual({ code: 'persistent', since: d(13) });
    expect(v.hipCare.seeClinician).toBe(false);
    expect(codes(v.reasons)).not.toContain('pain_fine');
    // Calm: a referral, while the three rules still decide the runs.
    expect(v.level).toBe('calm');
    expect(v.title).not.toBe('all_good');
    // Pain gone today and yesterday: no referral.
    fourteen[0] = day(TODAY, { l: 1 });
    fourteen[1] = day(d(1), { l: 1 });
    expect(verdict(fourteen).hipCare.referral).toBeNull();
  });

  it('a red flag stays until the runner says it has gone, and removes every distance', () => {
    const thursday = day(d(2), { l: 3, place: 'groin', flags: ['hop'] });
    for (const later of [[], [day(d(1), { l: 2 })], [day(TODAY, { m: 1, place: 'groin' })]]) {
      const v = verdict([thursday, ...later]);
      expect(v.title).toBe('see_clinician');
      expect(v.reasons[0]).toMatchObject({ code: 'red_flag', flags: ['hop'], since: d(2) });
      expect(v.plan.today).toMatchObject({ kind: 'stop', maxM: null, maxS: null });
      expect(v.plan.next).toBeNull();
      expect(v.hipCare).toMatchObject({ seeClinician: true, referral: { code: 'red_flags' } });
      expect(codes(v.reasons)).not.toContain('pain_fine');
    }
    const cleared = verdict([thursday, day(TODAY, { m: 1, place: 'groin', flags: [] })]);
    expect(cleared.title).not.toBe('see_clinician');
    expect(codes(cleared.reasons)).not.toContain('red_flag');
  });

  it('each red flag on its own stops running, wherever the pain is', () => {
    for (const f of ['cannot_bear_weight', 'unwell', 'night_or_rest', 'hop', 'limp', 'walking'] as const) {
      const v = verdict([day(TODAY, { l: 1, place: 'outside', flags: [f] })]);
      expect(v.plan.today.kind).toBe('stop');
      expect(v.level).toBe('warning');
    }
  });

  it('groin pain today with the red-flag questions unanswered: no exercise until they are', () => {
    const s = painState(TODAY, [day(TODAY, { m: 3, place: 'groin' })], [], SPORTS);
    expect(s.flagsUnanswered).toBe(true);
    expect(verdict([day(TODAY, { m: 3, place: 'groin' })]).hipCare.awaitingFlags).toBe(true);
    expect(painState(TODAY, [day(TODAY, { m: 3, place: 'groin', flags: [] })], [], SPORTS).flagsUnanswered).toBe(false);
    expect(painState(TODAY, [day(TODAY, { m: 3, place: 'outside' })], [], SPORTS).flagsUnanswered).toBe(false);
  });

  it('the place said lasts 14 days, and the outside of the hip means no cross-body stretches', () => {
    const v = verdict([day(d(3), { l: 3, place: 'outside' }), day(TODAY, { l: 2 })]);
    expect(v.hipCare).toMatchObject({ place: 'outside', avoidCrossBodyStretches: true, pain: 2 });
    expect(verdict([day(d(15), { l: 3, place: 'outside' }), day(TODAY, { l: 2 })]).hipCare.place).toBeNull();
  });

  it('a check-in counts for the local date it was given on, across DST and time zones', () => {
    const spring = instantOf('2025-03-30', 0, 30, 'Europe/London');
    expect(localDateOf(spring, 'Europe/London')).toBe('2025-03-30');
    expect(localDateOf(spring, 'America/New_York')).toBe('2025-03-29');
    const r = painState(
      '2025-03-30',
      [day('2025-03-29', { l: 4 }), day('2025-03-30', { m: 5 })],
      [act('2025-03-29')],
      SPORTS,
    );
    expect(r.findings.at(-1)).toMatchObject({ code: 'pain_not_settled', runDate: '2025-03-29' });
  });

  it('property: "fine" or "acceptable" never stands beside a referral, a red flag or easing off', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            ago: fc.integer({ min: 0, max: 20 }),
            m: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
            l: fc.integer({ min: 0, max: 10 }),
            flag: fc.boolean(),
          }),
          { maxLength: 20 },
        ),
        (list) => {
          const byDate = new Map(
            list.map((c) => [d(c.ago), day(d(c.ago), { m: c.m, l: c.l, flags: c.flag ? ['limp'] : [] })]),
          );
          const v = verdict([...byDate.values()]);
          const cs = codes(v.reasons);
          const calm = cs.includes('pain_fine') || cs.includes('pain_acceptable') || cs.includes('pain_settled');
          if (calm) expect(v.reasons.filter((r) => r.code.startsWith('pain_') && r.level !== 'ok')).toEqual([]);
          if (calm) expect(cs).not.toContain('red_flag');
          if (cs.includes('red_flag')) expect(v.plan.today.kind).toBe('stop');
          if (v.hipCare.referral === null) expect(cs).not.toContain('pain_persistent');
        },
      ),
      { seed: 9, numRuns: 200 },
    );
  });

  it('gait: with hip pain and easy runs that carry a cadence, about 5 % more steps; none without pain or when stopped', () => {
    const runs = diary(TODAY, 'RR-RR-RR-RR-R').map((a, i) => ({ ...a, cadenceSpm: 154 + (i % 3) * 2 }));
    const at = (checkIns: CheckIn[]) =>
      computeVerdict({ today: TODAY, settings: preset('regular'), activities: runs, checkIns }).hipCare.gait;
    expect(at([day(d(3), { l: 3 })])).toMatchObject({ currentSpm: 156, suggestedSpm: 164 });
    expect(at([])).toBeNull();
    expect(at([day(TODAY, { l: 0 })])).toBeNull();
    expect(at([day(TODAY, { l: 3, flags: ['limp'] })])).toBeNull();
  });
});
