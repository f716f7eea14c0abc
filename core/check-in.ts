import { isLocalDate } from './local-date';
import { problem, type Problem } from './problem-codes';

// The daily hip check-in: one answer per local calendar date, changeable that day. Pain is the
// runner's own 0-10 rating (0 = none, 10 = worst imaginable), the scale of the pain-monitoring
// model (Silbernagel et al., Am J Sports Med 2007). Two yes/no questions catch the red flags.

export interface CheckIn {
  /** The local date the answer is for, YYYY-MM-DD. */
  date: string;
  /** 0 to 10, whole numbers. */
  pain: number;
  /** Pain at night or at rest. */
  nightOrRest: boolean;
  /** Groin pain when walking. */
  groinWalking: boolean;
  /** When it was last changed. */
  atMs: number;
}

export const PAIN_MIN = 0;
export const PAIN_MAX = 10;

export type CheckInCheck = { ok: true; value: CheckIn } | { ok: false; error: Problem };

/** Checks a check-in from a message or a backup; unknown fields are dropped. */
export function checkCheckIn(raw: unknown): CheckInCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, error: problem('checkin_not_object') };
  const r = raw as Record<string, unknown>;
  if (!isLocalDate(r.date)) return { ok: false, error: problem('checkin_no_date') };
  if (typeof r.pain !== 'number' || !Number.isInteger(r.pain) || r.pain < PAIN_MIN || r.pain > PAIN_MAX)
    return { ok: false, error: problem('checkin_pain_range', PAIN_MIN, PAIN_MAX) };
  for (const k of ['nightOrRest', 'groinWalking'] as const) {
    if (r[k] !== undefined && typeof r[k] !== 'boolean')
      return { ok: false, error: problem('checkin_answer_yes_no', k) };
  }
  const atMs = typeof r.atMs === 'number' && Number.isFinite(r.atMs) && r.atMs >= 0 ? r.atMs : 0;
  return {
    ok: true,
    value: {
      date: r.date,
      pain: r.pain,
      nightOrRest: r.nightOrRest === true,
      groinWalking: r.groinWalking === true,
      atMs,
    },
  };
}
