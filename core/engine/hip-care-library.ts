import { dayNumber, isLocalDate } from '../local-date';
import type { Settings } from '../settings';
import type { HipCare } from './verdict';

// The hip-care library as data, and the choice of two or three exercises for today. Pure: every
// text is a message key (public/_locales/<lang>/messages.json, prefix "hip_"), every number is a
// number for the UI to format in the reader's language.
//
// Doses follow common practice for healthy runners: a static stretch is held for 30 seconds,
// two times on each side (the low end of the usual 2–3); a strength exercise is 2–3 sets of
// 10–15 slow repetitions. Nothing here is a treatment plan; the red-flag notice says when to stop
// and see a GP or physiotherapist instead.
//
// Cross-body stretches. Runners with pain on the outside of the hip (gluteal tendinopathy) are
// advised to avoid positions that pull the thigh across the midline, because they squeeze the
// gluteal tendons against the bone. Marked crossBody here:
//  - figure-four stretch: the crossed leg is pulled towards the chest, flexing and drawing the
//    hip of the stretched side across; the textbook example of what to leave out;
//  - knee to opposite shoulder: a supine glute stretch that pulls the knee across the body.
// Not cross-body:
//  - lunge with a spinal twist, in the version described here (hand on the floor inside the front
//    foot, chest and arm turning towards the front knee): the rotation is through the trunk, the
//    front knee stays over the foot and is if anything pushed outwards, never across. The
//    "revolved" variant with the elbow hooked outside the front knee would press the knee across
//    and count as cross-body; the steps do not describe it;
//  - hip circles, in the version described (the knee circles forwards and out to the side within
//    a comfortable range, not across the standing leg); clamshell and side-lying hip abduction are
//    strength moves that open the hip, not stretches.

export type ExerciseKind = 'mobility' | 'strength';

export type ExerciseId =
  | 'figure_four'
  | 'knee_to_opposite_shoulder'
  | 'kneeling_hip_flexor'
  | 'lunge_twist'
  | 'downward_dog'
  | 'hip_circles'
  | 'clamshell'
  | 'side_lying_abduction'
  | 'lateral_step_up'
  | 'band_side_steps'
  | 'glute_bridge'
  | 'single_leg_bridge';

/** How much of an exercise: a hold, or sets of repetitions. */
export interface Dose {
  /** Seconds to hold each stretch, or null for moving repetitions. */
  holdSeconds: number | null;
  /**
   * Repetitions in a set, on each side when perSide (each direction for side steps). Absent
   * for holds.
   */
  repsPerSide?: number;
  /** Sets of repetitions; for a hold, how many times it is held (on each side when perSide). */
  sets: number;
  /** Done on one side, then the other. */
  perSide: boolean;
}

/** An icon drawn by components/exercise-icons.tsx. */
export type IconId = ExerciseId | 'rest_ice' | 'red_flag';

export interface Exercise {
  id: ExerciseId;
  kind: ExerciseKind;
  /** Pulls the thigh across the body: never shown to a runner with pain on the outside of the hip. */
  crossBody: boolean;
  nameKey: string;
  /** What it works on, in a few words. */
  targetsKey: string;
  /** How to do it, 3 to 5 short steps in order. */
  stepKeys: readonly string[];
  dose: Dose;
  icon: IconId;
  /** A short description of the illustration, for screen readers. */
  pictureKey: string;
}

function exercise(id: ExerciseId, kind: ExerciseKind, crossBody: boolean, steps: number, dose: Dose): Exercise {
  return Object.freeze({
    id,
    kind,
    crossBody,
    nameKey: `hip_ex_${id}_name`,
    targetsKey: `hip_ex_${id}_targets`,
    stepKeys: Object.freeze(Array.from({ length: steps }, (_, i) => `hip_ex_${id}_step${i + 1}`)),
    dose: Object.freeze(dose),
    icon: id,
    pictureKey: `hip_ex_${id}_picture`,
  });
}

const STRETCH: Dose = { holdSeconds: 30, sets: 2, perSide: true };

/**
 * The whole library, mobility first, in the order "Browse all" lists it. The order is also the
 * ring pickExercises rotates through, so neighbours are chosen to mix well: each run of three
 * stretches has one for the buttock, one for the front of the hip and one all-round, and the two
 * cross-body stretches are never picked on the same day.
 */
export const EXERCISES: readonly Exercise[] = Object.freeze([
  exercise('figure_four', 'mobility', true, 4, STRETCH),
  exercise('kneeling_hip_flexor', 'mobility', false, 4, STRETCH),
  // One set of circles forwards and one backwards on each leg.
  exercise('hip_circles', 'mobility', false, 4, { holdSeconds: null, repsPerSide: 10, sets: 2, perSide: true }),
  exercise('knee_to_opposite_shoulder', 'mobility', true, 4, STRETCH),
  exercise('lunge_twist', 'mobility', false, 4, STRETCH),
  exercise('downward_dog', 'mobility', false, 4, { holdSeconds: 30, sets: 2, perSide: false }),
  exercise('glute_bridge', 'strength', false, 4, { holdSeconds: null, repsPerSide: 12, sets: 3, perSide: false }),
  exercise('clamshell', 'strength', false, 4, { holdSeconds: null, repsPerSide: 15, sets: 2, perSide: true }),
  exercise('lateral_step_up', 'strength', false, 5, { holdSeconds: null, repsPerSide: 10, sets: 2, perSide: true }),
  exercise('side_lying_abduction', 'strength', false, 4, {
    holdSeconds: null,
    repsPerSide: 12,
    sets: 2,
    perSide: true,
  }),
  exercise('single_leg_bridge', 'strength', false, 4, { holdSeconds: null, repsPerSide: 10, sets: 2, perSide: true }),
  // Each direction counts as a side: 10 steps one way, 10 back.
  exercise('band_side_steps', 'strength', false, 4, { holdSeconds: null, repsPerSide: 10, sets: 2, perSide: true }),
]);

export function exerciseById(id: ExerciseId): Exercise {
  const e = EXERCISES.find((x) => x.id === id);
  if (!e) throw new Error(`No exercise ${JSON.stringify(id)}`);
  return e;
}

/** Guidance that is not an exercise: a title and its points, in order. */
export interface Guidance {
  id: 'rest_ice' | 'red_flag';
  icon: IconId;
  titleKey: string;
  /** A sentence before the points, if any. */
  leadKey: string | null;
  pointKeys: readonly string[];
  /** A sentence after the points, if any. */
  closingKey: string | null;
}

/** Rest and ice: 15 to 20 minutes, wrapped, up to five times a day for severe pain. */
export const REST_AND_ICE: Guidance = Object.freeze({
  id: 'rest_ice',
  icon: 'rest_ice',
  titleKey: 'hip_rest_title',
  leadKey: 'hip_rest_lead',
  pointKeys: Object.freeze(['hip_rest_point1', 'hip_rest_point2', 'hip_rest_point3', 'hip_rest_point4']),
  closingKey: 'hip_rest_closing',
});

/**
 * When to stop running and see a GP or physiotherapist: groin pain when standing, walking or
 * running; pain at night or at rest; pain that does not ease after two weeks of rest.
 */
export const RED_FLAGS: Guidance = Object.freeze({
  id: 'red_flag',
  icon: 'red_flag',
  titleKey: 'hip_redflag_title',
  leadKey: 'hip_redflag_lead',
  pointKeys: Object.freeze(['hip_redflag_point1', 'hip_redflag_point2', 'hip_redflag_point3']),
  closingKey: 'hip_redflag_closing',
});

/** Every exercise that may be shown: cross-body stretches left out with pain on the outside of the hip. */
export function libraryFor(settings: Pick<Settings, 'outerHipPain'>): Exercise[] {
  return EXERCISES.filter((e) => !(settings.outerHipPain && e.crossBody));
}

/** How many of each kind today, in the order shown (mobility first, as the engine's advice). */
export function plannedKinds(hipCare: HipCare): { mobility: number; strength: number } {
  if (hipCare.seeClinician) return { mobility: 0, strength: 0 };
  // A full rest day means no training: at most a couple of gentle stretches, no strength work,
  // even after a spike (the extra session belongs to another day of the week).
  if (hipCare.fullRestToday) return { mobility: 2, strength: 0 };
  const extra = hipCare.extraStrength ? 1 : 0;
  if (hipCare.strengthToday && hipCare.mobilityAfterRun) {
    // No run yet: one stretch for after a run, one strength exercise for if there is none.
    return { mobility: 1, strength: 1 + extra };
  }
  if (hipCare.strengthToday) return { mobility: 0, strength: 2 + extra };
  // After a run (and, for any other combination, the gentlest choice): mobility, plus one
  // strength exercise when an extra strength session is due this week.
  return { mobility: 3 - extra, strength: extra };
}

/** n items of a pool read as a ring, starting where day d's turn begins: consecutive days differ when the pool allows. */
function rotate<T>(pool: readonly T[], n: number, day: number): T[] {
  if (pool.length === 0 || n <= 0) return [];
  const take = Math.min(n, pool.length);
  const start = (((day * take) % pool.length) + pool.length) % pool.length;
  return Array.from({ length: take }, (_, i) => pool[(start + i) % pool.length] as T);
}

/**
 * Two or three exercises for today, from the engine's hip-care advice: mobility after a run,
 * strength on a day without running, one more strength exercise after a long-run spike or a
 * weekly ramp, two gentle stretches on a full rest day, and none when the runner should see a
 * clinician (show RED_FLAGS instead). Never a cross-body stretch with pain on the outside of the
 * hip (settings.outerHipPain or hipCare.avoidCrossBodyStretches). The same day always gives the
 * same exercises; the next day moves on through the library.
 */
export function pickExercises(hipCare: HipCare, settings: Pick<Settings, 'outerHipPain'>, today: string): Exercise[] {
  if (!isLocalDate(today)) throw new Error(`today must be a calendar date YYYY-MM-DD, got ${JSON.stringify(today)}`);
  if (hipCare.seeClinician) return [];
  const plan = plannedKinds(hipCare);
  const allowed = libraryFor({ outerHipPain: settings.outerHipPain || hipCare.avoidCrossBodyStretches });
  const day = dayNumber(today);
  return [
    ...rotate(
      allowed.filter((e) => e.kind === 'mobility'),
      plan.mobility,
      day,
    ),
    ...rotate(
      allowed.filter((e) => e.kind === 'strength'),
      plan.strength,
      day,
    ),
  ];
}

/** Every message key the library and its guidance use. */
export function libraryMessageKeys(): string[] {
  const keys: string[] = [];
  for (const e of EXERCISES) keys.push(e.nameKey, e.targetsKey, ...e.stepKeys, e.pictureKey);
  for (const g of [REST_AND_ICE, RED_FLAGS]) {
    keys.push(g.titleKey, ...g.pointKeys);
    if (g.leadKey) keys.push(g.leadKey);
    if (g.closingKey) keys.push(g.closingKey);
  }
  return keys;
}
