import type { ActivityInput } from './activity';
import type { Check } from './activity-validation';
import { wallClockToUtc } from './time';
import { dayNumber, localDateOf } from './local-date';
import { checkPace } from './plausibility';
import { problem } from './problem-codes';
import { ANOTHER_RUN_PREFIX } from './same-activity';

// "I ran today", typed in the popup: when the run was, and what it becomes in the store. The
// runner says when ("this morning", "just now", or a time), so the start is not the moment of
// the click; it is never in the future and never before today's midnight, so the run stays on
// today. Whatever its start, it joins the recorded run of the day that arrives later
// (core/same-activity.ts), whose start, distance and times then win.

/** When the run was: this morning, just finished, or started at a local time "HH:MM" today. */
export type RunWhen = { kind: 'morning' } | { kind: 'now' } | { kind: 'at'; time: string };

/** A run typed in the popup's form. */
export interface HandEntry {
  /**
   * Made once per opening of the form: every message of one form (a double click sends two) is
   * the same run, stored once.
   */
  formId: string;
  /** Typed with "Add another run today": not the run already recorded today. */
  another: boolean;
  when: RunWhen;
  distanceM: number | null;
  movingS: number | null;
}

export const FORM_ID_RE = /^[a-z0-9]{8,32}$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** "This morning" without a time: a usual morning run's start. */
const MORNING_MINUTES = 7 * 60;
const DAY_MS = 86_400_000;

/** The source id a form's run is stored under; the popup's "Undo" takes back this one. */
export function handEntryId(entry: Pick<HandEntry, 'formId' | 'another'>): string {
  return entry.another ? `${ANOTHER_RUN_PREFIX}${entry.formId}` : entry.formId;
}

/** Whether a source id is one the form makes (for "Undo"). */
export function isHandEntryId(id: string): boolean {
  return FORM_ID_RE.test(id.startsWith(ANOTHER_RUN_PREFIX) ? id.slice(ANOTHER_RUN_PREFIX.length) : id);
}

/** A local wall-clock time of a date in a time zone, as an instant. */
function localTime(date: string, minutes: number, timeZone: string): number {
  return wallClockToUtc(dayNumber(date) * DAY_MS + minutes * 60_000, timeZone);
}

/** The start of a run typed now: refused only when the runner names a time still to come. */
export function handEntryStart(
  when: RunWhen,
  movingS: number | null,
  nowMs: number,
  timeZone: string,
): Check<{ startMs: number; localDate: string }> {
  const today = localDateOf(nowMs, timeZone);
  const midnight = localTime(today, 0, timeZone);
  // Just finished: it started its minutes ago.
  const justNow = Math.max(midnight, nowMs - (movingS ?? 0) * 1000);
  let startMs: number;
  if (when.kind === 'now') startMs = justNow;
  else if (when.kind === 'morning') startMs = Math.min(localTime(today, MORNING_MINUTES, timeZone), justNow);
  else {
    const m = TIME_RE.exec(when.time);
    if (!m) return { ok: false, error: problem('hand_entry_time_invalid') };
    startMs = localTime(today, Number(m[1]) * 60 + Number(m[2]), timeZone);
    if (startMs > nowMs) return { ok: false, error: problem('hand_entry_time_future', when.time) };
  }
  return { ok: true, value: { startMs: Math.max(midnight, Math.min(startMs, nowMs)), localDate: today } };
}

/** The run as the store takes it (source "manual"), or why not. */
export function handEntryInput(entry: HandEntry, nowMs: number, timeZone: string): Check<ActivityInput> {
  const start = handEntryStart(entry.when, entry.movingS, nowMs, timeZone);
  if (!start.ok) return start;
  // A slip of the keys (300 miles in a minute) is said at once, with the speed it would mean.
  const tooFast = checkPace('run', entry.distanceM, entry.movingS, null);
  if (tooFast) return { ok: false, error: tooFast };
  return {
    ok: true,
    value: {
      source: 'manual',
      sourceId: handEntryId(entry),
      startMs: start.value.startMs,
      localDate: start.value.localDate,
      sport: 'run',
      sportLabel: 'Run (entered by hand)',
      distanceM: entry.distanceM,
      movingS: entry.movingS,
      elapsedS: null,
      name: '',
    },
  };
}
