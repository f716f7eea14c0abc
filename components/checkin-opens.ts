import type { CheckIn } from '../core/check-in';
import type { PainState } from '../core/engine/pain-monitoring';

/**
 * Whether the popup shows today's check-in open (the question, just below the verdict) or folded
 * to its line: open until today is answered, and while the red-flag questions for today's groin
 * or front-of-hip pain wait for an answer.
 */
export const checkInOpens = (checkIn: CheckIn | null, pain: Pick<PainState, 'flagsUnanswered'>): boolean =>
  checkIn === null || pain.flagsUnanswered;
