import { isObj } from './guards';
import { sourceKey, SOURCES, SPORTS, type Activity, type ActivityInput, type Source, type Sport } from './activity';
import { problem, type Problem } from './problem-codes';
import { dayNumber, isLocalDate } from './local-date';
import { checkChangeTime, checkDay, checkPace, latestToday, LIMITS } from './plausibility';
import { plausibleCadence } from './cadence';

// The checks behind every stored activity, with the one set of limits in plausibility.ts.
export { LIMITS };

export type Check<T> = { ok: true; value: T } | { ok: false; error: Problem };

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

/**
 * The checked fields every activity has, copied alone: nothing unexpected rides along into the
 * database. A cadence that is not a believable number is left out, never a reason to refuse the
 * run: it is an extra, and older backups and readers have none.
 */
function commonFields(v: Record<string, unknown>): Omit<ActivityInput, 'source' | 'sourceId'> {
  const cadenceSpm = plausibleCadence(v.cadenceSpm);
  return {
    startMs: v.startMs as number,
    localDate: v.localDate as string,
    sport: v.sport as ActivityInput['sport'],
    sportLabel: v.sportLabel as string,
    distanceM: v.distanceM as number | null,
    movingS: v.movingS as number | null,
    elapsedS: v.elapsedS as number | null,
    ...(cadenceSpm !== undefined ? { cadenceSpm } : {}),
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
  // No time zone is known here: "today" is the latest date anywhere on earth.
  const dayErr = checkDay(a.localDate, latestToday(nowMs));
  if (dayErr) return dayErr;
  // Local time is within UTC-12 .. UTC+14 of the start instant, so the dates differ by a day at most.
  const utcDay = Math.floor(startMs / 86_400_000);
  const localDay = dayNumber(a.localDate);
  if (Math.abs(localDay - utcDay) > 1)
    return problem('activity_local_date_mismatch', a.localDate, new Date(startMs).toISOString());
  if (typeof a.sport !== 'string' || !(SPORTS as readonly string[]).includes(a.sport))
    return problem('activity_sport_unknown', JSON.stringify(a.sport ?? null).slice(0, 40));
  return (
    checkText(a.sportLabel, problem('field_sport_label'), LIMITS.maxLabelLength, true) ??
    checkText(a.name, problem('field_name'), LIMITS.maxNameLength, true) ??
    checkOptionalNumber(a.distanceM, problem('field_distance'), LIMITS.maxDistanceM) ??
    checkOptionalNumber(a.movingS, problem('field_moving_time'), LIMITS.maxDurationS) ??
    checkOptionalNumber(a.elapsedS, problem('field_elapsed_time'), LIMITS.maxDurationS) ??
    checkPace(a.sport as Sport, a.distanceM as number | null, a.movingS as number | null, a.elapsedS as number | null)
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
    const ref = { source: (s as { source: Source }).source, id: (s as { id: string }).id };
    // One record is one run: two ids of one site are two runs (file ids are start times and may differ by a second).
    if (sources.some((o) => o.source === ref.source && (o.id === ref.id || ref.source !== 'file')))
      return { ok: false, error: problem('activity_duplicate_source', ref.source, ref.id) };
    sources.push(ref);
  }
  const err = checkCommon(v, nowMs);
  if (err) return { ok: false, error: err };
  // A change time ahead of the clock would make this copy win over every later correction.
  // Absent (older records) it is the moment of reading.
  if (v.updatedMs !== undefined) {
    const timeErr = checkChangeTime(v.updatedMs, nowMs);
    if (timeErr) return { ok: false, error: timeErr };
  }
  const sourceKeys = sources.map((s) => sourceKey(s.source, s.id));
  const key = typeof v.key === 'string' && sourceKeys.includes(v.key) ? v.key : sourceKeys[0]!;
  return {
    ok: true,
    value: {
      key,
      sources,
      sourceKeys,
      ...commonFields(v),
      updatedMs: typeof v.updatedMs === 'number' ? v.updatedMs : nowMs,
      ...(v.edited === true ? { edited: true } : {}),
    },
  };
}

export interface Admitted {
  activities: ActivityInput[];
  refused: { sourceId: string; reason: Problem }[];
}

/**
 * The checkpoint every reader's output passes before it is stored (site readers, uploads, files,
 * messages, the store itself): each activity is checked against LIMITS; refused ones are named
 * with their reason, the rest copied field by field so nothing unexpected rides along.
 */
export function admitActivities(inputs: readonly unknown[], nowMs: number): Admitted {
  const out: Admitted = { activities: [], refused: [] };
  for (const v of inputs) {
    const r = checkActivityInput(v, nowMs);
    if (r.ok) out.activities.push(r.value);
    else {
      const id = (v as { sourceId?: unknown } | null)?.sourceId;
      out.refused.push({ sourceId: typeof id === 'string' ? id.slice(0, LIMITS.maxIdLength) : '?', reason: r.error });
    }
  }
  return out;
}
