import { isLocalDate } from './local-date';
import { checkChangeTime, checkDay, latestToday, LIMITS } from './plausibility';
import { problem, type Problem } from './problem-codes';
import { wallClockOf } from './time';

// The daily hip check-in: per local calendar date, where the hip hurts, the red-flag answers, and
// each pain answer with its time. Pain is the runner's own 0-10 rating (0 = none, 10 = worst
// imaginable), the scale of the pain-monitoring model (Silbernagel et al., Am J Sports Med 2007),
// whose rules need to know when an answer was given: the first one after waking ("next morning")
// or one after running or later in the day. So a day keeps two answers, morning and later.

/** Where it hurts: the question a physiotherapist asks first, because it steers the exercises. */
export const PAIN_PLACES = ['outside', 'groin', 'buttock', 'unsure'] as const;
export type PainPlace = (typeof PAIN_PLACES)[number];

/**
 * Red flags: any one of them means stop running and see a GP or physiotherapist. hop, limp and
 * walking are the femoral-neck stress-fracture questions, asked when the pain is in the groin or
 * the front of the hip (or the runner is not sure where); the others are asked wherever it hurts.
 */
export const RED_FLAGS = ['cannot_bear_weight', 'unwell', 'night_or_rest', 'hop', 'limp', 'walking'] as const;
export type RedFlag = (typeof RED_FLAGS)[number];
export const STRESS_FRACTURE_FLAGS: readonly RedFlag[] = ['hop', 'limp', 'walking', 'night_or_rest'];

/** The red-flag questions to ask for a place (all of them when the place is not known). */
export function flagsAskedFor(place: PainPlace | null): RedFlag[] {
  if (place === 'groin' || place === 'unsure' || place === null) return [...RED_FLAGS];
  return RED_FLAGS.filter((f) => f === 'cannot_bear_weight' || f === 'unwell' || f === 'night_or_rest');
}

/** When an answer was given, as the pain-monitoring model reads it. */
export type PainMoment = 'morning' | 'later';

export interface PainAnswer {
  /** 0 to 10, whole numbers. */
  pain: number;
  /** When it was given (ms since epoch). */
  atMs: number;
}

export interface CheckIn {
  /** The local date the answers are for, YYYY-MM-DD. */
  date: string;
  /** The day's latest answer (kept whole so older readers and backups still see a number). */
  pain: number;
  /** The first answer after waking, before the day's run. */
  morning?: PainAnswer;
  /** After the day's run, or later in the day. */
  later?: PainAnswer;
  /** Where it hurts, when said. */
  place?: PainPlace;
  /** The red flags answered yes that day; absent when the questions were not answered that day. */
  flags?: RedFlag[];
  /** When it was last changed. */
  atMs: number;
}

/** One change from the check-in card: a pain (at the background's clock), a place, the red-flag answers. */
export interface CheckInAnswer {
  date: string;
  pain?: number;
  place?: PainPlace;
  flags?: RedFlag[];
}

export const PAIN_MIN = 0;
export const PAIN_MAX = 10;

export type CheckInCheck = { ok: true; value: CheckIn } | { ok: false; error: Problem };
export type AnswerCheck = { ok: true; value: CheckInAnswer } | { ok: false; error: Problem };

const isPain = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= PAIN_MIN && v <= PAIN_MAX;
/** Seconds since 1980 as a number of milliseconds would be before 1980: such a time is in seconds. */
const EARLIEST_S = LIMITS.earliestStartMs / 1000;

/**
 * An answer's or a check-in's time: absent or 0 means "not known" (check-ins of older versions),
 * kept as 0; a time in seconds (a real bug seen in backups) becomes milliseconds; any other time
 * must be a change time (1980 to now). `nowMs` null: a stored record, checked when it came in.
 */
function checkTime(v: unknown, nowMs: number | null): { ms: number } | Problem {
  if (v === undefined || v === null || v === 0) return { ms: 0 };
  const ms = typeof v === 'number' && v >= EARLIEST_S && v < LIMITS.earliestStartMs ? v * 1000 : v;
  if (nowMs === null) return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? { ms } : { ms: 0 };
  return checkChangeTime(ms, nowMs) ?? { ms: ms as number };
}
const isPlace = (v: unknown): v is PainPlace => typeof v === 'string' && (PAIN_PLACES as readonly string[]).includes(v);

function checkFlags(v: unknown): { ok: true; value: RedFlag[] } | { ok: false; error: Problem } {
  if (!Array.isArray(v) || v.length > RED_FLAGS.length) return { ok: false, error: problem('checkin_flags') };
  const out = new Set<RedFlag>();
  for (const f of v) {
    if (typeof f !== 'string' || !(RED_FLAGS as readonly string[]).includes(f))
      return { ok: false, error: problem('checkin_flags') };
    out.add(f as RedFlag);
  }
  // The order of RED_FLAGS, so equal answers compare equal.
  return { ok: true, value: RED_FLAGS.filter((f) => out.has(f)) };
}

function checkAnswer(v: unknown, nowMs: number | null): PainAnswer | null | Problem {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'object' || Array.isArray(v)) return problem('checkin_pain_range', PAIN_MIN, PAIN_MAX);
  const a = v as Record<string, unknown>;
  if (!isPain(a.pain)) return problem('checkin_pain_range', PAIN_MIN, PAIN_MAX);
  const t = checkTime(a.atMs, nowMs);
  return 'code' in t ? t : { pain: a.pain, atMs: t.ms };
}

/**
 * Checks a stored check-in from a backup, a sync shard or the database; unknown fields are
 * dropped. Older check-ins (before 2026-12) had one pain, no time of day and two yes/no questions:
 * the pain becomes a "later" answer (the safe reading: it never counts as a settled morning), "pain
 * at night or at rest" becomes that red flag and "groin pain when walking" the flag "walking" with
 * the place groin.
 */
export function checkCheckIn(raw: unknown, nowMs: number | null): CheckInCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, error: problem('checkin_not_object') };
  const r = raw as Record<string, unknown>;
  if (!isLocalDate(r.date)) return { ok: false, error: problem('checkin_no_date') };
  const dayErr = nowMs === null ? null : checkDay(r.date, latestToday(nowMs));
  if (dayErr) return { ok: false, error: dayErr };
  if (!isPain(r.pain)) return { ok: false, error: problem('checkin_pain_range', PAIN_MIN, PAIN_MAX) };
  for (const k of ['nightOrRest', 'groinWalking'] as const) {
    if (r[k] !== undefined && typeof r[k] !== 'boolean')
      return { ok: false, error: problem('checkin_answer_yes_no', k) };
  }
  if (r.place !== undefined && r.place !== null && !isPlace(r.place))
    return { ok: false, error: problem('checkin_place') };
  const morning = checkAnswer(r.morning, nowMs);
  if (morning && 'code' in morning) return { ok: false, error: morning };
  const later = checkAnswer(r.later, nowMs);
  if (later && 'code' in later) return { ok: false, error: later };
  const time = checkTime(r.atMs, nowMs);
  if ('code' in time) return { ok: false, error: time };
  const atMs = time.ms;
  const value: CheckIn = { date: r.date, pain: r.pain, atMs };
  if (morning) value.morning = morning;
  if (later) value.later = later;
  if (!morning && !later) value.later = { pain: r.pain, atMs };
  // The day's pain is its latest answer.
  const latest = latestAnswer(value);
  value.pain = latest.pain;
  let place = isPlace(r.place) ? r.place : undefined;
  let flags: RedFlag[] | undefined;
  if (r.flags !== undefined && r.flags !== null) {
    const f = checkFlags(r.flags);
    if (!f.ok) return f;
    flags = f.value;
  } else if (r.nightOrRest !== undefined || r.groinWalking !== undefined) {
    // The older card always sent both answers once a pain was chosen: false was a real "no".
    flags = [
      ...(r.nightOrRest === true ? (['night_or_rest'] as const) : []),
      ...(r.groinWalking === true ? (['walking'] as const) : []),
    ];
    if (r.groinWalking === true) place ??= 'groin';
  }
  if (place) value.place = place;
  if (flags) value.flags = flags;
  return { ok: true, value };
}

/** Checks one change sent by the check-in card, for a date up to `today`. */
export function checkCheckInAnswer(raw: unknown, today: string): AnswerCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, error: problem('checkin_not_object') };
  const r = raw as Record<string, unknown>;
  if (!isLocalDate(r.date)) return { ok: false, error: problem('checkin_no_date') };
  const dayErr = checkDay(r.date, today);
  if (dayErr) return { ok: false, error: dayErr };
  const value: CheckInAnswer = { date: r.date };
  if (r.pain !== undefined) {
    if (!isPain(r.pain)) return { ok: false, error: problem('checkin_pain_range', PAIN_MIN, PAIN_MAX) };
    value.pain = r.pain;
  }
  if (r.place !== undefined) {
    if (!isPlace(r.place)) return { ok: false, error: problem('checkin_place') };
    value.place = r.place;
  }
  if (r.flags !== undefined) {
    const f = checkFlags(r.flags);
    if (!f.ok) return f;
    value.flags = f.value;
  }
  if (value.pain === undefined && value.place === undefined && value.flags === undefined)
    return { ok: false, error: problem('checkin_nothing') };
  return { ok: true, value };
}

/** The later of a day's answers (the morning one when both have the same time). */
export function latestAnswer(c: Pick<CheckIn, 'morning' | 'later' | 'pain' | 'atMs'>): PainAnswer {
  if (c.morning && c.later) return c.later.atMs >= c.morning.atMs ? c.later : c.morning;
  return c.later ?? c.morning ?? { pain: c.pain, atMs: c.atMs };
}

/** The higher of a day's answers. */
export function dayPain(c: CheckIn): number {
  return Math.max(c.morning?.pain ?? 0, c.later?.pain ?? 0, c.morning || c.later ? 0 : c.pain);
}

/**
 * Whether an answer given now is the morning one: before noon where the runner is, and before
 * any run recorded today has started. Anything else is "later" (after running, or later in the day).
 */
export function answerMoment(atMs: number, timeZone: string, runStartsToday: readonly number[]): PainMoment {
  const hour = Math.floor((((wallClockOf(atMs, timeZone) % 86_400_000) + 86_400_000) % 86_400_000) / 3_600_000);
  if (hour >= 12) return 'later';
  return runStartsToday.some((s) => s <= atMs) ? 'later' : 'morning';
}

/**
 * The day's check-in after one change. A pain is kept as the answer of its moment (a second
 * morning answer replaces the first); a place or red-flag answers replace the day's. A change
 * with no pain on a day with no answer yet is refused: the pain question comes first.
 */
export function applyAnswer(
  stored: CheckIn | null,
  answer: CheckInAnswer,
  atMs: number,
  moment: PainMoment,
): { ok: true; value: CheckIn } | { ok: false; error: Problem } {
  if (stored && stored.date !== answer.date) throw new Error('applyAnswer: the stored check-in is of another day');
  if (answer.pain === undefined && !stored) return { ok: false, error: problem('checkin_pain_first') };
  const next: CheckIn = stored ? { ...stored, atMs } : { date: answer.date, pain: answer.pain!, atMs };
  if (answer.pain !== undefined) next[moment] = { pain: answer.pain, atMs };
  if (answer.place !== undefined) next.place = answer.place;
  if (answer.flags !== undefined) next.flags = [...answer.flags];
  next.pain = latestAnswer(next).pain;
  return { ok: true, value: next };
}

/** The same answers (pains, place, red flags), whenever they were last changed. */
export function sameAnswers(a: CheckIn, b: CheckIn): boolean {
  const key = (c: CheckIn) =>
    JSON.stringify([c.pain, c.morning?.pain ?? null, c.later?.pain ?? null, c.place ?? null, c.flags ?? null]);
  return key(a) === key(b);
}
