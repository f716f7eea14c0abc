import { dayNumber, isLocalDate, weekdayOf } from '../local-date';
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
  | 'single_leg_bridge'
  | 'standing_isometric_abduction';

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
export type IconId = ExerciseId | 'rest_ice' | 'red_flag' | 'positions';

/** The steps and dose done on one side only: the painful leg, never lying on it. */
export interface OneSide {
  stepKeys: readonly string[];
  dose: Dose;
}

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
  /** Done lying on one side: never on the painful side with pain on the outside of the hip. */
  sideLying: boolean;
  /** Deep hip flexion with inward rotation: pinches the front of the hip (groin pain). */
  deepFlexion: boolean;
  /** The version for pain on the outside of the hip, on the painful leg only; null when the steps already fit. */
  oneSide: OneSide | null;
  /** How to make it harder once it is easy (strength work), or null. */
  progressionKey: string | null;
  /** A caution for this runner's hip ("only as deep as stays pain-free"), set by libraryFor, or null. */
  noteKey: string | null;
}

const stepKeys = (prefix: string, n: number) =>
  Object.freeze(Array.from({ length: n }, (_, i) => `${prefix}_step${i + 1}`));

/** Most strength work progresses by sets, then repetitions, then resistance. */
const PROGRESS_REPS = 'hip_progression_reps';

function exercise(
  id: ExerciseId,
  kind: ExerciseKind,
  crossBody: boolean,
  steps: number,
  dose: Dose,
  more: { sideLying?: boolean; deepFlexion?: boolean; oneSide?: readonly string[]; progressionKey?: string } = {},
): Exercise {
  return Object.freeze({
    id,
    kind,
    crossBody,
    nameKey: `hip_ex_${id}_name`,
    targetsKey: `hip_ex_${id}_targets`,
    stepKeys: stepKeys(`hip_ex_${id}`, steps),
    dose: Object.freeze(dose),
    icon: id,
    pictureKey: `hip_ex_${id}_picture`,
    sideLying: more.sideLying ?? false,
    deepFlexion: more.deepFlexion ?? false,
    oneSide: more.oneSide
      ? Object.freeze({ stepKeys: Object.freeze([...more.oneSide]), dose: Object.freeze({ ...dose, perSide: false }) })
      : null,
    progressionKey: kind === 'strength' ? (more.progressionKey ?? PROGRESS_REPS) : null,
    noteKey: null,
  });
}

const STRETCH: Dose = { holdSeconds: 30, sets: 2, perSide: true };

/** Side-lying work for pain on the outside of the hip: on the pain-free side, the painful leg on top, one side only. */
const lyingOnPainFreeSide = (id: ExerciseId) => [
  `hip_ex_${id}_oneside_step1`,
  `hip_ex_${id}_step2`,
  `hip_ex_${id}_step3`,
  'hip_oneside_last',
];

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
  exercise('knee_to_opposite_shoulder', 'mobility', true, 4, STRETCH, { deepFlexion: true }),
  exercise('lunge_twist', 'mobility', false, 4, STRETCH, { deepFlexion: true }),
  exercise('downward_dog', 'mobility', false, 4, { holdSeconds: 30, sets: 2, perSide: false }, { deepFlexion: true }),
  exercise('glute_bridge', 'strength', false, 4, { holdSeconds: null, repsPerSide: 12, sets: 3, perSide: false }),
  exercise(
    'clamshell',
    'strength',
    false,
    4,
    { holdSeconds: null, repsPerSide: 15, sets: 2, perSide: true },
    { sideLying: true, oneSide: lyingOnPainFreeSide('clamshell') },
  ),
  exercise('lateral_step_up', 'strength', false, 5, { holdSeconds: null, repsPerSide: 10, sets: 2, perSide: true }),
  // An isometric hold (LEAP's first stage for the outside of the hip): 5 holds of 30 seconds,
  // building to 45; the pain may be up to 3 or 4 of 10 while pressing.
  exercise(
    'standing_isometric_abduction',
    'strength',
    false,
    4,
    { holdSeconds: 30, sets: 5, perSide: true },
    {
      oneSide: [
        'hip_ex_standing_isometric_abduction_oneside_step1',
        'hip_ex_standing_isometric_abduction_step2',
        'hip_ex_standing_isometric_abduction_step3',
        'hip_ex_standing_isometric_abduction_oneside_step4',
      ],
      progressionKey: 'hip_progression_hold',
    },
  ),
  exercise(
    'side_lying_abduction',
    'strength',
    false,
    4,
    { holdSeconds: null, repsPerSide: 12, sets: 2, perSide: true },
    { sideLying: true, oneSide: lyingOnPainFreeSide('side_lying_abduction') },
  ),
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
  id: 'rest_ice' | 'red_flag' | 'positions';
  icon: IconId;
  titleKey: string;
  /** A sentence before the points, if any. */
  leadKey: string | null;
  pointKeys: readonly string[];
  /** A sentence after the points, if any. */
  closingKey: string | null;
}

/**
 * Rest and ice, in the words of the pain-monitoring model the check-in uses (Silbernagel et al.
 * 2007): pain up to 5 of 10 during or after a run is acceptable if it settles by the next
 * morning; rest from running when it is higher, has not settled, or rises week on week. Ice: 15
 * to 20 minutes, wrapped, up to five times a day for severe pain.
 */
export const REST_AND_ICE: Guidance = Object.freeze({
  id: 'rest_ice',
  icon: 'rest_ice',
  titleKey: 'hip_rest_title',
  leadKey: 'hip_rest_lead',
  pointKeys: Object.freeze([
    'hip_rest_acceptable',
    'hip_rest_when',
    'hip_rest_point2',
    'hip_rest_point3',
    'hip_rest_point4',
  ]),
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

/**
 * Positions that spare the gluteal tendons, for pain on the outside of the hip (LEAP's education):
 * no crossed legs, no standing hanging on one hip, a pillow between the knees lying on the side
 * at night.
 */
export const OUTSIDE_POSITIONS: Guidance = Object.freeze({
  id: 'positions',
  icon: 'positions',
  titleKey: 'hip_positions_title',
  leadKey: null,
  pointKeys: Object.freeze(['hip_positions_point1', 'hip_positions_point2', 'hip_positions_point3']),
  closingKey: null,
});

/** Pain above this, of 10, is more than mild: the safe-first choices below. */
export const MILD_PAIN_MAX = 3;

/** What the exercises must respect for this runner's hip today. */
export interface HipSafety {
  /** Pain on the outside of the hip: the check-in's place, or the options page's switch. */
  outside: boolean;
  /** Pain in the groin or the front of the hip. */
  groin: boolean;
  /** The latest pain answer is above MILD_PAIN_MAX. */
  painful: boolean;
}

/** Why exercises are left out of the library, for the library to say. */
export type HiddenBecause = 'cross_body_outside' | 'cross_body_pain' | 'side_lying_pain' | 'groin_deep_flexion';

export function hipSafety(
  hipCare: Pick<HipCare, 'place' | 'pain' | 'avoidCrossBodyStretches'>,
  settings: Pick<Settings, 'outerHipPain'>,
): HipSafety {
  return {
    // The switch stays a permanent "my pain is on the outside", also when the check-in names
    // another place: the outside's rules then add to that place's.
    outside: settings.outerHipPain || hipCare.avoidCrossBodyStretches || hipCare.place === 'outside',
    groin: hipCare.place === 'groin',
    painful: hipCare.pain !== null && hipCare.pain > MILD_PAIN_MAX,
  };
}

/** No safety rule in force: the library as it is. */
export const ANY_HIP: HipSafety = Object.freeze({ outside: false, groin: false, painful: false });

/** The isometric hold (always first) and the bridges: the outside of the hip's first stage while the pain is above 3. */
const FIRST_STAGE: readonly ExerciseId[] = ['standing_isometric_abduction', 'glute_bridge', 'single_leg_bridge'];

function allowed(e: Exercise, s: HipSafety): boolean {
  if (e.crossBody && (s.outside || s.painful)) return false;
  if (s.outside && s.painful && e.kind === 'strength' && !FIRST_STAGE.includes(e.id)) return false;
  if (s.outside && s.painful && e.sideLying) return false;
  // Knee to opposite shoulder holds the hip in deep flexion, across and turned in: left out.
  if (s.groin && e.deepFlexion && e.crossBody) return false;
  return true;
}

/** An exercise as this hip should do it: on the painful leg only, or only as deep as stays pain-free. */
function adapted(e: Exercise, s: HipSafety): Exercise {
  const oneSide = s.outside && e.oneSide;
  const note = s.groin && e.deepFlexion;
  if (!oneSide && !note) return e;
  return Object.freeze({
    ...e,
    ...(oneSide ? { stepKeys: oneSide.stepKeys, dose: oneSide.dose } : {}),
    noteKey: note ? 'hip_note_pain_free_range' : e.noteKey,
  });
}

/**
 * Every exercise that may be shown for this hip, in the library's order, in the version to do:
 * cross-body stretches left out with pain on the outside of the hip or above 3 of 10, side-lying
 * work on the pain-free side only (and none with pain above 3), deep flexion kept within a
 * pain-free range for the groin.
 */
export function libraryFor(safety: HipSafety): Exercise[] {
  return EXERCISES.filter((e) => allowed(e, safety)).map((e) => adapted(e, safety));
}

/** Why the library shows fewer exercises than it holds, in the order to say it. */
export function hiddenBecause(s: HipSafety): HiddenBecause[] {
  const out: HiddenBecause[] = [];
  if (s.outside) out.push('cross_body_outside');
  else if (s.painful) out.push('cross_body_pain');
  if (s.outside && s.painful) out.push('side_lying_pain');
  if (s.groin) out.push('groin_deep_flexion');
  return out;
}

/**
 * Days with strength work even after a run: Tuesdays and Fridays. Any 7 days in a row hold one of
 * each, so a runner who runs every day still gets strength work twice a week, 3 or 4 days apart;
 * fixed weekdays are simple to explain and the same on every device. Days without a run are
 * strength days anyway.
 */
export const STRENGTH_WEEKDAYS: readonly number[] = Object.freeze([2, 5]);

/** After a run (or none due) on one of the week's strength days: strength work after the run too. */
export function strengthAfterRun(hipCare: HipCare, today: string): boolean {
  return (
    !hipCare.seeClinician &&
    !hipCare.awaitingFlags &&
    !hipCare.fullRestToday &&
    !hipCare.strengthToday &&
    STRENGTH_WEEKDAYS.includes(weekdayOf(today))
  );
}

/** How many of each kind today, in the order shown (mobility first, as the engine's advice). */
export function plannedKinds(hipCare: HipCare, today: string): { mobility: number; strength: number } {
  if (hipCare.seeClinician || hipCare.awaitingFlags) return { mobility: 0, strength: 0 };
  // A full rest day means no training: at most a couple of gentle stretches, no strength work,
  // even after a spike (the extra session belongs to another day of the week).
  if (hipCare.fullRestToday) return { mobility: 2, strength: 0 };
  const extra = hipCare.extraStrength ? 1 : 0;
  if (hipCare.strengthToday && hipCare.mobilityAfterRun) {
    // No run yet: one stretch for after a run, one strength exercise for if there is none.
    return { mobility: 1, strength: 1 + extra };
  }
  if (hipCare.strengthToday) return { mobility: 0, strength: 2 + extra };
  // After a run: one stretch and strength work on the week's strength days, else mobility; plus
  // one strength exercise when an extra strength session is due this week.
  if (strengthAfterRun(hipCare, today)) return { mobility: 1, strength: 1 + extra };
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
 * strength on a day without running and on the week's strength days, one more strength exercise
 * after a long-run spike or a weekly ramp, two gentle stretches on a full rest day, and none when
 * the runner should see a clinician (show RED_FLAGS instead) or has not yet answered today's
 * warning-sign questions. Only what libraryFor(hipSafety(…)) allows, in the version it gives;
 * with pain above 3 on the outside of the hip the isometric hold comes first. The same day always
 * gives the same exercises; the next day moves on through the library.
 */
export function pickExercises(hipCare: HipCare, settings: Pick<Settings, 'outerHipPain'>, today: string): Exercise[] {
  if (!isLocalDate(today)) throw new Error(`today must be a calendar date YYYY-MM-DD, got ${JSON.stringify(today)}`);
  if (hipCare.seeClinician || hipCare.awaitingFlags) return [];
  const safety = hipSafety(hipCare, settings);
  const plan = plannedKinds(hipCare, today);
  const library = libraryFor(safety);
  const day = dayNumber(today);
  const mobility = rotate(
    library.filter((e) => e.kind === 'mobility'),
    plan.mobility,
    day,
  );
  const strengthPool = library.filter((e) => e.kind === 'strength');
  if (safety.outside && safety.painful && plan.strength > 0) {
    const isFirst = (e: Exercise) => e.id === FIRST_STAGE[0];
    return [
      ...mobility,
      ...strengthPool.filter(isFirst),
      ...rotate(
        strengthPool.filter((e) => !isFirst(e)),
        plan.strength - 1,
        day,
      ),
    ];
  }
  return [...mobility, ...rotate(strengthPool, plan.strength, day)];
}

/** Every message key the library and its guidance use. */
export function libraryMessageKeys(): string[] {
  const keys: string[] = ['hip_note_pain_free_range'];
  for (const e of EXERCISES) {
    keys.push(e.nameKey, e.targetsKey, ...e.stepKeys, e.pictureKey);
    if (e.oneSide) keys.push(...e.oneSide.stepKeys.filter((k) => !keys.includes(k)));
    if (e.progressionKey && !keys.includes(e.progressionKey)) keys.push(e.progressionKey);
  }
  for (const g of [REST_AND_ICE, RED_FLAGS, OUTSIDE_POSITIONS]) {
    keys.push(g.titleKey, ...g.pointKeys);
    if (g.leadKey) keys.push(g.leadKey);
    if (g.closingKey) keys.push(g.closingKey);
  }
  return keys;
}
