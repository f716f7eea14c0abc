import type { HipCare } from '../../../../core/engine/verdict';

/** Advice as the engine shapes it: see_clinician alone, or the flags with their codes in order. */
export function care(over: Partial<Omit<HipCare, 'advice'>> = {}): HipCare {
  const f = {
    seeClinician: false,
    referral: null,
    place: null,
    pain: null,
    awaitingFlags: false,
    gait: null,
    mobilityAfterRun: false,
    strengthToday: false,
    fullRestToday: false,
    extraStrength: false,
    avoidCrossBodyStretches: false,
    ...over,
  };
  const advice: HipCare['advice'] = [];
  if (f.seeClinician) advice.push({ code: 'see_clinician' });
  else {
    if (f.fullRestToday) advice.push({ code: 'full_rest' });
    if (f.mobilityAfterRun) advice.push({ code: 'mobility_after_run' });
    if (f.strengthToday) advice.push({ code: 'strength_on_rest_day' });
    if (f.extraStrength) advice.push({ code: 'extra_strength' });
    if (f.avoidCrossBodyStretches) advice.push({ code: 'avoid_cross_body_stretches' });
  }
  return { ...f, advice };
}
