import type { ActivityInput } from '../../activity';
import { problem, type Problem } from '../../problem-codes';
import { checkActivityInput, LIMITS } from '../../activity-validation';
import { dateOfWallClock, isLocalDate, localDateOf } from '../../local-date';
import { normalizeSport } from '../../sport';
import { isObj, looksLikeHtml, num, presentNum, show, text } from '../../guards';
import { isValidTimeZone, parseInstant, wallClockToUtc } from '../../time';
import { STRAVA_TRAINING_ACTIVITIES_URL } from './strava-site';

// Reads Strava's "My Activities" list, https://www.strava.com/athlete/training. That page loads
// https://www.strava.com/athlete/training_activities?...&page=N (same origin, with
// `X-Requested-With: XMLHttpRequest`) and gets JSON `{models, page, perPage, total}`, newest first.
// The page only ever lists the signed-in athlete's own activities, so there is no owner to check.
// The content script hands this reader the parsed body; it never sees the page itself.
//
// Each model carries display strings in the athlete's locale ("4,0", "36:36", "Fri, 1/29/2016")
// beside raw numbers; only the raw fields are read. Field names as seen 2016-2026:
// - `distance_raw` metres, `moving_time_raw` / `elapsed_time_raw` seconds (2016 corpus onwards).
// - `start_time`: the UTC start, ISO 8601 with a "+0000" offset (no colon), e.g.
//   "2016-01-29T10:21:29+0000". Parsed by hand: engines disagree on "+0000".
// - `start_date_local_raw`: local wall clock as epoch seconds (read as if UTC, it gives the local
//   date and time where the activity started). `start_date` is a localized display string: unused.
//   Without `start_time`, the wall clock is placed in the runner's zone (core/time.ts).
// - sport: `sport_type` since 2024-10-30 ("TrailRun", "MountainBikeRide"); before that only
//   `type` ("Run", "Ride"). That rename broke peers' readers for days, so both are read:
//   `sport_type` first, `type` as fallback.
//
// Nothing here throws on data: a response of the wrong shape is `ok: false` with a reason, a model
// that cannot be read is listed in `skipped` with a reason, and every activity returned has passed
// checkActivityInput (the ranges the background enforces).

export type StravaTrainingResult =
  | {
      ok: true;
      activities: ActivityInput[];
      /** The response's own page number, page size and total count (null if absent). */
      page: number | null;
      perPage: number | null;
      total: number | null;
      /** Models not read; `id` is the model's id, or "#index" when it has none. */
      skipped: { id: string; reason: Problem }[];
    }
  | { ok: false; error: Problem };

/** A non-negative integer count from the response envelope, else null. */
function count(v: unknown): number | null {
  const n = num(v);
  return n !== null && Number.isInteger(n) && n >= 0 ? n : null;
}

/** Why a value is not this endpoint's response, in words for the log and the options page. */
function notTheList(json: unknown): Problem {
  if (json === null || json === undefined || json === '') return problem('strava_list_empty');
  if (typeof json === 'string') return problem(looksLikeHtml(json) ? 'strava_list_web_page' : 'strava_list_plain_text');
  if (Array.isArray(json)) return problem('strava_list_array');
  if (!isObj(json)) return problem('strava_list_not_object', typeof json);
  // Activity streams (/activities/{id}/streams): an object of parallel arrays.
  const streamKeys = ['time', 'distance', 'latlng', 'altitude', 'heartrate', 'cadence', 'velocity_smooth', 'watts'];
  const arrays = streamKeys.filter((k) => Array.isArray(json[k]));
  if (arrays.length >= 2) return problem('strava_list_streams', arrays.join(', '));
  const msg = text(json.message) ?? text(json.error);
  if (msg) return problem('strava_list_error', msg.slice(0, 200));
  return problem('strava_list_no_models');
}

/**
 * Reads one /athlete/training_activities response (the parsed JSON body).
 * `nowMs` is the current time, for refusing starts in the future (tests pass a fixed one).
 * `timeZone` (IANA, the runner's own) only serves if a model lacks one of its two starts: to find
 * the local date of a UTC start, or the instant of a local wall clock.
 */
export function readStravaTrainingActivities(
  json: unknown,
  nowMs: number = Date.now(),
  timeZone?: string,
): StravaTrainingResult {
  if (typeof json === 'string' && /^\s*[{[]/.test(json)) {
    // The caller handed over the text rather than the parsed body: parse it here.
    try {
      json = JSON.parse(json) as unknown;
    } catch {
      return { ok: false, error: problem('strava_list_not_json') };
    }
  }
  if (!isObj(json) || !Array.isArray(json.models)) return { ok: false, error: notTheList(json) };

  const activities: ActivityInput[] = [];
  const skipped: { id: string; reason: Problem }[] = [];
  const seen = new Set<string>();
  json.models.forEach((model: unknown, index: number) => {
    const r = readModel(model, nowMs, timeZone);
    const id = r.id ?? `#${index}`;
    if (!r.ok) {
      skipped.push({ id, reason: r.reason });
    } else if (seen.has(r.activity.sourceId)) {
      skipped.push({ id, reason: problem('site_skip_listed_twice') });
    } else {
      seen.add(r.activity.sourceId);
      activities.push(r.activity);
    }
  });
  return {
    ok: true,
    activities,
    page: count(json.page),
    perPage: count(json.perPage),
    total: count(json.total),
    skipped,
  };
}

type ModelResult =
  { ok: true; id: string; activity: ActivityInput } | { ok: false; id: string | null; reason: Problem };

function readModel(m: unknown, nowMs: number, timeZone: string | undefined): ModelResult {
  if (!isObj(m)) return { ok: false, id: null, reason: problem('site_skip_not_object') };
  const rawId = m.id;
  const id =
    typeof rawId === 'number' && Number.isSafeInteger(rawId) && rawId > 0
      ? String(rawId)
      : typeof rawId === 'string' && /^\d{1,30}$/.test(rawId.trim())
        ? rawId.trim()
        : null;
  if (!id) return { ok: false, id: null, reason: problem('site_skip_no_id') };

  // sport_type since 2024-10-30; type before.
  const label = text(m.sport_type) ?? text(m.type);
  if (!label) return { ok: false, id, reason: problem('site_skip_no_sport', 'sport_type, type') };

  const localWallS = num(m.start_date_local_raw);
  // Without the UTC start, the local wall clock placed in the runner's zone (right unless they travelled).
  const startMs =
    parseInstant(m.start_time) ??
    (localWallS !== null && timeZone && isValidTimeZone(timeZone) ? wallClockToUtc(localWallS * 1000, timeZone) : null);
  if (startMs === null)
    return { ok: false, id, reason: problem('site_skip_no_start', 'start_time', show(m.start_time)) };

  let localDate: string | null = null;
  if (localWallS !== null) {
    const wallMs = localWallS * 1000;
    // Local time is within UTC-12 .. UTC+14 of the start: anything else is not a wall clock for it.
    if (Math.abs(wallMs - startMs) > 15 * 3600_000) {
      return { ok: false, id, reason: problem('strava_skip_local_far') };
    }
    localDate = dateOfWallClock(wallMs);
  } else if (timeZone && isValidTimeZone(timeZone)) {
    localDate = localDateOf(startMs, timeZone);
  }
  if (!localDate || !isLocalDate(localDate))
    return { ok: false, id, reason: problem('site_skip_no_local_date', 'start_date_local_raw') };

  const name = typeof m.name === 'string' ? m.name.slice(0, LIMITS.maxNameLength) : '';
  const candidate: ActivityInput = {
    source: 'strava',
    sourceId: id,
    startMs,
    localDate,
    sport: normalizeSport(label),
    sportLabel: label.slice(0, LIMITS.maxLabelLength),
    distanceM: presentNum(m.distance_raw),
    movingS: presentNum(m.moving_time_raw),
    elapsedS: presentNum(m.elapsed_time_raw),
    name,
  };
  const checked = checkActivityInput(candidate, nowMs);
  if (!checked.ok) return { ok: false, id, reason: checked.error };
  return { ok: true, id, activity: checked.value };
}

/**
 * The URL of page `page` of the list, as the page itself requests it.
 *
 * What the page sends (seen in peers' code, 2016-2025): its filter form as query parameters
 * (`keywords`, `activity_type` or since 2024 `sport_type`, `workout_type`, `commute`,
 * `private_activities`, `trainer`, `gear`, `search_session_id`, `new_activity_only=false`) plus
 * `page`, and `per_page` (20 by default on the page). Pass the page's own request's parameters as
 * `base` to keep its filters and session; without it the URL is the assumed minimum
 * `?new_activity_only=false&page=N&per_page=P`, which the endpoint has answered since 2016.
 * Throws a RangeError for a page below 1 or a page size outside 1..200: that is a caller's bug.
 */
export function stravaTrainingPageUrl(page: number, perPage: number, base?: URLSearchParams): string {
  if (!Number.isInteger(page) || page < 1) throw new RangeError(`page must be a whole number from 1, not ${page}`);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 200)
    throw new RangeError(`perPage must be a whole number from 1 to 200, not ${perPage}`);
  const q = new URLSearchParams(base);
  if (!q.has('new_activity_only')) q.set('new_activity_only', 'false');
  q.set('page', String(page));
  q.set('per_page', String(perPage));
  return `${STRAVA_TRAINING_ACTIVITIES_URL}?${q.toString()}`;
}

/** The next page to request after this response, or null when it was the last (or cannot tell). */
export function nextStravaTrainingPage(r: StravaTrainingResult): number | null {
  if (!r.ok || r.page === null || r.perPage === null || r.perPage === 0 || r.total === null) return null;
  return r.page * r.perPage < r.total ? r.page + 1 : null;
}
