// @vitest-environment node
import { repoPath } from '../../../paths';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EXERCISES,
  exerciseById,
  libraryFor,
  libraryMessageKeys,
  pickExercises,
  plannedKinds,
  RED_FLAGS,
  REST_AND_ICE,
  type Exercise,
  type ExerciseId,
} from '../../../../core/engine/hip-care-library';
import { addDays } from '../../../../core/local-date';
import { computeVerdict } from '../../../../core/engine/verdict';
import { act, diary, settings } from './diary';
import { care } from './care-fixture';

const MESSAGES = JSON.parse(readFileSync(repoPath('public/_locales/en/messages.json'), 'utf8')) as Record<
  string,
  { message: string }
>;
const text = (key: string) => MESSAGES[key]?.message ?? '';

const REQUIRED: ExerciseId[] = [
  'figure_four',
  'kneeling_hip_flexor',
  'lunge_twist',
  'downward_dog',
  'hip_circles',
  'clamshell',
  'side_lying_abduction',
  'lateral_step_up',
  'band_side_steps',
  'glute_bridge',
  'single_leg_bridge',
];

const RUN_DAY = care({ mobilityAfterRun: true });
const REST_DAY = care({ strengthToday: true });
const UNDECIDED = care({ mobilityAfterRun: true, strengthToday: true });
const FULL_REST = care({ fullRestToday: true });
const NO_PAIN = { outerHipPain: false };
const PAIN = { outerHipPain: true };
const DAY = '2025-06-15';

const kinds = (xs: Exercise[]) => xs.map((e) => e.kind);
const count = (xs: Exercise[], kind: Exercise['kind']) => xs.filter((e) => e.kind === kind).length;

const flagsArb = fc.record({
  seeClinician: fc.boolean(),
  mobilityAfterRun: fc.boolean(),
  strengthToday: fc.boolean(),
  fullRestToday: fc.boolean(),
  extraStrength: fc.boolean(),
  avoidCrossBodyStretches: fc.boolean(),
});
const dateArb = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2020-01-01', n));

describe('the library', () => {
  it('holds every exercise the issue names, each once', () => {
    const ids = EXERCISES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of REQUIRED) expect(ids).toContain(id);
    expect(ids.length).toBeGreaterThanOrEqual(REQUIRED.length);
  });

  it('gives every exercise a name, what it targets, 3 to 5 steps, a picture and a sound dose', () => {
    for (const e of EXERCISES) {
      expect(e.nameKey, e.id).toMatch(/^hip_/);
      expect(text(e.targetsKey), e.id).not.toBe('');
      expect(e.stepKeys.length, e.id).toBeGreaterThanOrEqual(3);
      expect(e.stepKeys.length, e.id).toBeLessThanOrEqual(5);
      expect(new Set(e.stepKeys).size).toBe(e.stepKeys.length);
      expect(e.icon).toBe(e.id);
      const d = e.dose;
      expect(Number.isInteger(d.sets) && d.sets >= 1, e.id).toBe(true);
      if (d.holdSeconds !== null) {
        // A static stretch: 30 s, 2 to 3 times.
        expect(e.kind, e.id).toBe('mobility');
        expect(d.holdSeconds).toBe(30);
        expect(d.sets).toBeGreaterThanOrEqual(2);
        expect(d.sets).toBeLessThanOrEqual(3);
        expect(d.repsPerSide).toBeUndefined();
      } else {
        expect(Number.isInteger(d.repsPerSide) && (d.repsPerSide ?? 0) >= 10 && (d.repsPerSide ?? 0) <= 15, e.id).toBe(
          true,
        );
        expect(d.sets).toBeGreaterThanOrEqual(2);
        expect(d.sets).toBeLessThanOrEqual(3);
      }
    }
  });

  it('marks stretches that pull the thigh across the body, and only those', () => {
    const cross = EXERCISES.filter((e) => e.crossBody).map((e) => e.id);
    expect(cross).toEqual(['figure_four', 'knee_to_opposite_shoulder']);
    // The twist turns the trunk, not the hip across the body (see the library's notes).
    expect(exerciseById('lunge_twist').crossBody).toBe(false);
    for (const e of EXERCISES) if (e.crossBody) expect(e.kind).toBe('mobility');
  });

  it('has an English text for every message key it uses, with no stray $ placeholders', () => {
    const keys = libraryMessageKeys();
    expect(keys.length).toBeGreaterThan(60);
    for (const k of keys) {
      expect(k).toMatch(/^hip_[a-z0-9_]+$/);
      expect(text(k), k).not.toBe('');
      expect(text(k), k).not.toMatch(/\$/);
    }
  });

  it('says how to rest and ice: 15 to 20 minutes, wrapped, up to five times a day for severe pain', () => {
    const all = [REST_AND_ICE.titleKey, REST_AND_ICE.leadKey, ...REST_AND_ICE.pointKeys, REST_AND_ICE.closingKey]
      .filter((k): k is string => k !== null)
      .map(text)
      .join(' ');
    expect(all).toMatch(/15 to 20 minutes/);
    expect(all).toMatch(/towel/);
    expect(all).toMatch(/never put it straight on the skin/);
    expect(all).toMatch(/five times a day/);
    expect(all).toMatch(/severe pain/);
  });

  it('names the red flags: groin pain when standing, walking or running, pain at night or at rest, no easing after two weeks', () => {
    const points = RED_FLAGS.pointKeys.map(text);
    expect(points).toHaveLength(3);
    expect(points[0]).toMatch(/groin.*stand, walk or run/);
    expect(points[1]).toMatch(/night.*resting/);
    expect(points[2]).toMatch(/two weeks of rest/);
    expect(text(RED_FLAGS.leadKey ?? '')).toMatch(/Stop running and see a GP or physiotherapist/);
  });

  it('libraryFor leaves out cross-body stretches with pain on the outside of the hip, and nothing else', () => {
    expect(libraryFor(NO_PAIN)).toEqual([...EXERCISES]);
    const withPain = libraryFor(PAIN);
    expect(withPain.some((e) => e.crossBody)).toBe(false);
    expect(withPain.map((e) => e.id)).toEqual(EXERCISES.filter((e) => !e.crossBody).map((e) => e.id));
    expect(withPain.map((e) => e.id)).not.toContain('figure_four');
    for (const id of REQUIRED.filter((i) => i !== 'figure_four')) expect(withPain.map((e) => e.id)).toContain(id);
  });
});

describe('pickExercises', () => {
  it('after a run: three mobility exercises', () => {
    const xs = pickExercises(RUN_DAY, NO_PAIN, DAY);
    expect(kinds(xs)).toEqual(['mobility', 'mobility', 'mobility']);
  });

  it('on a rest day from running: strength work only', () => {
    const xs = pickExercises(REST_DAY, NO_PAIN, DAY);
    expect(kinds(xs)).toEqual(['strength', 'strength']);
  });

  it('no run yet today: one stretch for after a run, one strength exercise for if there is none', () => {
    expect(kinds(pickExercises(UNDECIDED, NO_PAIN, DAY))).toEqual(['mobility', 'strength']);
  });

  it('after a long-run spike or a weekly ramp: one more strength exercise, on every kind of day but a full rest day', () => {
    for (const base of [RUN_DAY, REST_DAY, UNDECIDED]) {
      const plain = pickExercises(base, NO_PAIN, DAY);
      const extra = pickExercises({ ...base, extraStrength: true }, NO_PAIN, DAY);
      expect(count(extra, 'strength')).toBe(count(plain, 'strength') + 1);
      expect(extra.length).toBeLessThanOrEqual(3);
    }
    expect(kinds(pickExercises(care({ mobilityAfterRun: true, extraStrength: true }), NO_PAIN, DAY))).toEqual([
      'mobility',
      'mobility',
      'strength',
    ]);
    expect(kinds(pickExercises(care({ strengthToday: true, extraStrength: true }), NO_PAIN, DAY))).toEqual([
      'strength',
      'strength',
      'strength',
    ]);
  });

  it('on a full rest day: two gentle stretches at most, no strength work even after a spike', () => {
    for (const extraStrength of [false, true]) {
      const xs = pickExercises({ ...FULL_REST, extraStrength }, NO_PAIN, DAY);
      expect(kinds(xs)).toEqual(['mobility', 'mobility']);
    }
  });

  it('red-flag symptoms: no exercises at all (the red-flag notice instead)', () => {
    expect(pickExercises(care({ seeClinician: true }), NO_PAIN, DAY)).toEqual([]);
    expect(plannedKinds(care({ seeClinician: true, strengthToday: true, mobilityAfterRun: true }))).toEqual({
      mobility: 0,
      strength: 0,
    });
  });

  it('property: 2 or 3 distinct exercises for any advice but see-a-clinician, none for that', () => {
    fc.assert(
      fc.property(flagsArb, fc.boolean(), dateArb, (flags, outerHipPain, today) => {
        const xs = pickExercises(care(flags), { outerHipPain }, today);
        if (flags.seeClinician) return xs.length === 0;
        return xs.length >= 2 && xs.length <= 3 && new Set(xs.map((e) => e.id)).size === xs.length;
      }),
      { numRuns: 2000 },
    );
  });

  it('property: never a cross-body stretch with outer hip pain, whichever way it is reported, on any day', () => {
    fc.assert(
      fc.property(flagsArb, dateArb, fc.constantFrom('setting', 'advice', 'both'), (flags, today, how) => {
        const hc = care({ ...flags, avoidCrossBodyStretches: how !== 'setting' || flags.avoidCrossBodyStretches });
        const s = { outerHipPain: how !== 'advice' };
        return pickExercises(hc, s, today).every((e) => !e.crossBody);
      }),
      { numRuns: 3000 },
    );
  });

  it('every combination of the flags, exhaustively: the counts match the plan and cross-body stays out with pain', () => {
    const names = [
      'seeClinician',
      'mobilityAfterRun',
      'strengthToday',
      'fullRestToday',
      'extraStrength',
      'avoidCrossBodyStretches',
    ] as const;
    for (let bits = 0; bits < 1 << names.length; bits++) {
      const flags = Object.fromEntries(names.map((n, i) => [n, Boolean(bits & (1 << i))])) as Record<
        (typeof names)[number],
        boolean
      >;
      for (const outerHipPain of [false, true]) {
        for (let d = 0; d < 14; d++) {
          const hc = care(flags);
          const xs = pickExercises(hc, { outerHipPain }, addDays(DAY, d));
          const plan = plannedKinds(hc);
          expect(count(xs, 'mobility')).toBe(plan.mobility);
          expect(count(xs, 'strength')).toBe(plan.strength);
          if (outerHipPain || flags.avoidCrossBodyStretches) expect(xs.some((e) => e.crossBody)).toBe(false);
          if (flags.fullRestToday && !flags.seeClinician) expect(count(xs, 'strength')).toBe(0);
        }
      }
    }
  });

  it('is the same for the same day, and moves on the next day', () => {
    for (const hc of [RUN_DAY, REST_DAY, UNDECIDED, FULL_REST, { ...REST_DAY, extraStrength: true }]) {
      for (const s of [NO_PAIN, PAIN]) {
        const ids = (d: string) => pickExercises(hc, s, d).map((e) => e.id);
        expect(ids(DAY)).toEqual(ids(DAY));
        for (let d = 0; d < 30; d++) expect(ids(addDays(DAY, d)), `${d}`).not.toEqual(ids(addDays(DAY, d + 1)));
      }
    }
  });

  it('over a couple of weeks shows every exercise the runner may do', () => {
    for (const [hc, kind] of [
      [RUN_DAY, 'mobility'],
      [REST_DAY, 'strength'],
    ] as const) {
      for (const s of [NO_PAIN, PAIN]) {
        const seen = new Set<string>();
        for (let d = 0; d < 14; d++) for (const e of pickExercises(hc, s, addDays(DAY, d))) seen.add(e.id);
        expect([...seen].sort()).toEqual(
          libraryFor(s)
            .filter((e) => e.kind === kind)
            .map((e) => e.id)
            .sort(),
        );
      }
    }
  });

  it('never picks both cross-body stretches on one day', () => {
    for (const hc of [RUN_DAY, UNDECIDED, FULL_REST, { ...RUN_DAY, extraStrength: true }]) {
      for (let d = 0; d < 60; d++) {
        expect(pickExercises(hc, NO_PAIN, addDays(DAY, d)).filter((e) => e.crossBody).length).toBeLessThanOrEqual(1);
      }
    }
  });

  it('refuses a day that is not a calendar date', () => {
    expect(() => pickExercises(RUN_DAY, NO_PAIN, '2025-02-30')).toThrow(/calendar date/);
    expect(() => pickExercises(RUN_DAY, NO_PAIN, 'today')).toThrow(/calendar date/);
  });
});

describe('with the engine', () => {
  const TODAY = '2025-03-08';
  const pick = (pattern: string, over = {}) => {
    const st = settings(over);
    const v = computeVerdict({ today: TODAY, settings: st, activities: diary(TODAY, pattern) });
    return { v, xs: pickExercises(v.hipCare, st, TODAY) };
  };

  it('ran today: mobility', () => {
    const { v, xs } = pick('---R');
    expect(v.hipCare.mobilityAfterRun).toBe(true);
    expect(new Set(kinds(xs))).toEqual(new Set(['mobility']));
  });

  it('a rest day from running is due today: strength', () => {
    const { v, xs } = pick('RRRRR -');
    expect(v.hipCare.strengthToday).toBe(true);
    expect(new Set(kinds(xs))).toEqual(new Set(['strength']));
  });

  it('a long run twice the usual today: an extra strength exercise after the stretches', () => {
    const acts = [...diary(addDays(TODAY, -3), 'R-R-R-R', 8), act(TODAY, { km: 16 })];
    const st = settings();
    const v = computeVerdict({ today: TODAY, settings: st, activities: acts });
    expect(v.hipCare.extraStrength).toBe(true);
    expect(kinds(pickExercises(v.hipCare, st, TODAY))).toEqual(['mobility', 'mobility', 'strength']);
  });

  it('outer hip pain reported: never the figure-four, on any of 60 days', () => {
    const st = settings({ outerHipPain: true });
    for (let d = 0; d < 60; d++) {
      const today = addDays(TODAY, d);
      const v = computeVerdict({ today, settings: st, activities: diary(today, 'R') });
      expect(pickExercises(v.hipCare, st, today).map((e) => e.id)).not.toContain('figure_four');
    }
  });

  it('red-flag symptoms: nothing picked', () => {
    expect(pick('RR', { redFlagSymptoms: true }).xs).toEqual([]);
  });
});
