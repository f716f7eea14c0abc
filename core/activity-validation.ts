import { sourceKey, SOURCES, SPORTS, type Activity, type ActivityInput, type Source } from './activity';
import { problem, type Problem } from './problem-codes';
import { isLocalDate } from './local-date';

// Limits that no real run exceeds; anything past them is a reader bug or a hostile message,
// and is refused before it can reach the database.
export const LIMITS = {
  maxDistanceM: 500_000,
  maxDurationS: 24 * 3600,
  /** Clocks disagree a little; a start more than this far ahead of "now" is in the future. */
  futureSlackMs: 15 * 60 * 1000,
  /** Nothing a runner logs predates GPS watches; 1980 leaves room for hand-entered history. */
  earliestStartMs: Date.UTC(1980, 0, 1),
  maxIdLength: 200,
  maxLabelLength: 100,
  maxNameLength: 500,
} as const;

export type Check<T> = { ok: true; value: T } | { ok: false; error: Problem };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A distance or duration: null, or a finite number from 0 to `max`. The error names `what`. */
export function checkOptionalNumber(v: unknown, what: Problem, max: number): Problem | null {
  if (v === null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v)) return problem('activity_number_invalid', what);
  if (v < 0) return problem('activity_number_negative', what, v);
  if (v > max) return problem('activity_number_over_limit', what, v, max);
  return null;
}

function checkText(v: unknown, what: Problem, max: number, allowEmpty: boolean): Problem | null {
  if (typeof v !== 'string') return problem('activity_text_invalid', what);
  if (!allowEmpty && v.trim() === '') return problem('activity_text_empty', what);
  if (v.length > max) return problem('activity_text_too_long', what, max);
  return null;
}

/** A source name and its id, as an incoming activity or a stored source list carries them. */
function checkSource(source: unknown, id: unknown): Problem | null {
  if (typeof source !== 'string' || !(SOURCES as readonly string[]).includes(source))
    return problem('activity_bad_source', JSON.stringify(source ?? null).slice(0, 40));
  return checkText(id, problem('field_source_id'), LIMITS.maxIdLength, false);
}

/** The checked fields every activity has, copied alone: nothing unexpected rides along into the database. */
function commonFields(v: Record<string, unknown>): Omit<ActivityInput, 'source' | 'sourceId'> {
  return {
    startMs: v.startMs as number,
    localDate: v.localDate as string,
    sport: v.sport as ActivityInput['sport'],
    sportLabel: v.sportLabel as string,
    distanceM: v.distanceM as number | null,
    movingS: v.movingS as number | null,
    elapsedS: v.elapsedS as number | null,
    name: v.name as string,
  };
}

/** The fields every activity must have right, stored or incoming. */
function checkCommon(a: Record<string, unknown>, nowMs: number): Problem | null {
  const startMs = a.startMs;
  if (typeof startMs !== 'number' || !Number.isFinite(startMs)) return problem('activity_start_invalid');
  if (startMs < LIMITS.earliestStartMs) return problem('activity_start_before_1980', new Date(startMs).toISOString());
  if (startMs > nowMs + LIMITS.futureSlackMs)
    return problem('activity_start_in_future', new Date(startMs).toISOString());
  if (!isLocalDate(a.localDate))
    return problem('activity_local_date_invalid', JSON.stringify(a.localDate ?? null).slice(0, 40));
  // Local time is within UTC-12 .. UTC+14 of the start instant, so the dates differ by a day at most.
  const utcDay = Math.floor(startMs / 86_400_000);
  const localDay = Math.round(Date.parse(`${a.localDate}T00:00:00Z`) / 86_400_000);
  if (Math.abs(localDay - utcDay) > 1)
    return problem('activity_local_date_mismatch', a.localDate, new Date(startMs).toISOString());
  if (typeof a.sport !== 'string' || !(SPORTS as readonly string[]).includes(a.sport))
    return problem('activity_sport_unknown', JSON.stringify(a.sport ?? null).slice(0, 40));
  return (
    checkText(a.sportLabel, problem('field_sport_label'), LIMITS.maxLabelLength, true) ??
    checkText(a.name, problem('field_name'), LIMITS.maxNameLength, true) ??
    checkOptionalNumber(a.distanceM, problem('field_distance'), LIMITS.maxDistanceM) ??
    checkOptionalNumber(a.movingS, problem('field_moving_time'), LIMITS.maxDurationS) ??
    checkOptionalNumber(a.elapsedS, problem('field_elapsed_time'), LIMITS.maxDurationS)
  );
}

export function checkActivityInput(v: unknown, nowMs: number): Check<ActivityInput> {
  if (!isObj(v)) return { ok: false, error: problem('activity_not_object') };
  const err = checkSource(v.source, v.sourceId) ?? checkCommon(v, nowMs);
  if (err) return { ok: false, error: err };
  return { ok: true, value: { source: v.source as Source, sourceId: v.sourceId as string, ...commonFields(v) } };
}

/** A stored activity, e.g. from a backup file: the same rules plus its source list. */
export function checkStoredActivity(v: unknown, nowMs: number): Check<Activity> {
  if (!isObj(v)) return { ok: false, error: problem('activity_not_object') };
  if (!Array.isArray(v.sources) || v.sources.length === 0) return { ok: false, error: problem('activity_no_sources') };
  const sources: Activity['sources'] = [];
  for (const s of v.sources) {
    const srcErr = isObj(s) ? checkSource(s.source, s.id) : checkSource(s, undefined);
    if (srcErr) return { ok: false, error: srcErr };
    sources.push({ source: (s as { source: Source }).source, id: (s as { id: string }).id });
  }
  const err = checkCommon(v, nowMs);
  if (err) return { ok: false, error: err };
  const sourceKeys = sources.map((s) => sourceKey(s.source, s.id));
  const key = typeof v.key === 'string' && sourceKeys.includes(v.key) ? v.key : sourceKeys[0]!;
  return {
    ok: true,
    value: {
      key,
      sources,
      sourceKeys,
      ...commonFields(v),
      updatedMs: typeof v.updatedMs === 'number' && Number.isFinite(v.updatedMs) ? v.updatedMs : nowMs,
      ...(v.edited === true ? { edited: true } : {}),
    },
  };
}
