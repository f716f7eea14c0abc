import type { ActivityInput } from '../../activity';
import { problem, type Problem } from '../../problem-codes';
import { checkActivityInput, LIMITS } from '../../activity-validation';
import { dateOfWallClock, localDateOf } from '../../local-date';
import { normalizeSport } from '../../sport';
import { cadenceSpm } from '../../cadence';
import { isObj, looksLikeHtml, num, presentNum, show, text, type Obj } from '../../guards';
import { isValidTimeZone, parseInstant, parseWallClock, wallClockToUtc } from '../../time';
import { GARMIN_ORIGIN } from './garmin-site';

// Reads activities from Garmin Connect's own JSON, as its pages fetch it:
// - pages https://connect.garmin.com/app/activities and /app/activity/{id} (until Feb 2026
//   /modern/activities and /modern/activity/{id}; the site is a single-page app);
// - the list: /gc-api/activitylist-service/activities/search/activities?limit=20&start=0
//   (before 2026 /proxy/... and /modern/proxy/...; connectapi.garmin.com serves the same path
//   without a prefix to Garmin's apps): a JSON array of flat activity summaries;
// - one activity: /gc-api/activity-service/activity/{id} (same prefixes): {activityId, summaryDTO, ...};
// - until about 2018 the list came from /modern/proxy/activity-search-service-1.2/json/activities:
//   {results: {activities: [{activity: {...}}]}} with values as strings with units (`uom`).
// The background hands over the parsed body (core/site-response.ts); this file never sees the page.
//
// Field notes, from real responses 2012-2026 (../shared/corpus/pages/garmin):
// - sport: `activityType.typeKey` in the list, `activityTypeDTO.typeKey` in one activity,
//   `activityType.key` in the 1.2 search.
// - start: `startTimeGMT` (UTC) and `startTimeLocal` (wall clock where it started), as
//   "2021-04-15 09:44:05" in the list and "2021-04-11T09:50:49.0" in summaryDTO; the list also has
//   `beginTimestamp` (epoch ms), null on multisport parents (2021). 1.2: BeginTimestamp.value (ISO,
//   UTC) with the zone as its `uom` ("Europe/Paris").
// - `distance` metres; `duration` (timer time), `movingDuration` seconds in every year.
// - `elapsedDuration`: MILLISECONDS in the list in 2018 and 2021 (2627379.88 for a
//   2627.38 s duration), seconds in the list in 2026 and in summaryDTO in every year
//   (2012-2026). The unit is decided per activity by garminElapsedSeconds, below.
// - owner: list `ownerId` (2018-2026; `ownerProfilePk` beside it in 2018, null); one activity
//   `userProfileId` and `metadataDTO.userInfoDto.userProfilePk`; 1.2 `userId`.
// - multisport: the parent (typeKey "multi_sport", list `parent: true`, detail
//   `isMultiSportParent: true`) sums its parts; the detail lists them in `metadataDTO.childIds`
//   with `childActivityTypes` ("cycling", "transition", "walking", ...); each part is an activity
//   of its own (`parentId` set) at /activity-service/activity/{childId}. The list shows only the
//   parent. Parts are recorded, never the parent; transitions are not activities.
// - cadence, both feet's steps a minute: list `averageRunningCadenceInStepsPerMinute`, one
//   activity's `summaryDTO.averageRunCadence` (111.734375 for the same trail run in both; a run
//   of 7862 `steps` in 57.7 minutes lists 134.6), 1.2 `WeightedMeanDoubleCadence` (34.77 beside
//   a `WeightedMeanRunCadence` of 17 + 0.38 fractional: that one is one foot's, whatever its uom).
//
// Nothing here throws on data: a response of the wrong shape is `ok: false` with a reason, an
// activity that cannot be read is in `skipped` with a reason, and every activity returned has
// passed checkActivityInput (the ranges the background enforces).

export type GarminActivity = ActivityInput & {
  /**
   * Whose activity it is (Garmin user profile id), or null when the response does not say. The
   * caller keeps only the signed-in athlete's: Garmin shows connections' activities too.
   */
  ownerId: string | null;
};

export type GarminReadResult =
  | {
      ok: true;
      activities: GarminActivity[];
      /** Activities not read; `id` is Garmin's activity id, or "#index" when it has none. */
      skipped: { id: string; reason: Problem }[];
    }
  | { ok: false; error: Problem };

/** Garmin ids: positive integers, as numbers or digit strings. */
function idOf(v: unknown): string | null {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return String(v);
  if (typeof v === 'string' && /^\d{1,30}$/.test(v.trim()) && !/^0+$/.test(v.trim())) return v.trim();
  return null;
}

/**
 * Garmin's elapsedDuration in seconds. Its unit changed over the years (milliseconds in the list
 * in 2018 and 2021, seconds in 2026 and in every summaryDTO), and nothing in a response says which.
 * Elapsed time is never shorter than the timer time `duration` (pauses only add to it), so:
 * - compare with the timer time (duration, else movingDuration): a ratio of 100 or more means
 *   milliseconds (read as seconds it would be a 100 times longer outing than the timer ran; real
 *   responses give about 1000 to 1350), below 100 means seconds (real: 1.00 to 2.41);
 * - if the result is then under half the timer time, neither reading is plausible: null;
 * - without a timer time to compare with, the unit cannot be told: null.
 * Negative or non-numeric values are passed on as they are, for the range check to refuse.
 */
export function garminElapsedSeconds(
  raw: number | null,
  durationS: number | null,
  movingS: number | null,
): number | null {
  if (raw === null || !Number.isFinite(raw) || raw < 0) return raw;
  const ref = durationS !== null && durationS > 0 ? durationS : movingS !== null && movingS > 0 ? movingS : null;
  if (ref === null) return null;
  const seconds = raw / ref >= 100 ? raw / 1000 : raw;
  return seconds < ref / 2 ? null : seconds;
}

const isTransition = (typeKey: string) => /transition/i.test(typeKey);

/** One activity's fields, whatever shape the response had. */
interface Fields {
  id: string | null;
  typeKey: string | null;
  isParent: boolean;
  /** Detail only: the parts of a multisport parent, transitions left out. */
  childIds: string[] | null;
  startMs: number | null;
  /** The start as the response gave it, and the field's name, for the reason when it is unreadable. */
  startText: unknown;
  startField: string;
  /** startTimeLocal: the wall clock where it started, as ms "as if UTC". */
  localWallMs: number | null;
  timeZone: string | null;
  distanceM: number | null;
  movingS: number | null;
  elapsedS: number | null;
  /** Steps a minute, both feet. */
  cadence: number | null;
  ownerId: string | null;
  name: string;
}

/** A list item (activitylist-service) or a list-shaped single activity. */
function flatFields(a: Obj): Fields {
  const type = isObj(a.activityType) ? a.activityType : isObj(a.activityTypeDTO) ? a.activityTypeDTO : {};
  const typeKey = text(type.typeKey);
  const duration = presentNum(a.duration);
  const moving = presentNum(a.movingDuration);
  const begin = num(a.beginTimestamp);
  return {
    id: idOf(a.activityId),
    typeKey,
    isParent: a.parent === true || a.isMultiSportParent === true || typeKey === 'multi_sport',
    childIds: null,
    startMs: parseInstant(a.startTimeGMT) ?? begin,
    startText: a.startTimeGMT ?? a.beginTimestamp,
    startField: 'startTimeGMT',
    localWallMs: parseWallClock(a.startTimeLocal),
    timeZone: null,
    distanceM: presentNum(a.distance),
    movingS: moving ?? duration,
    elapsedS: garminElapsedSeconds(presentNum(a.elapsedDuration), duration, moving),
    cadence: presentNum(a.averageRunningCadenceInStepsPerMinute) ?? presentNum(a.averageRunCadence),
    ownerId: idOf(a.ownerId) ?? idOf(a.ownerProfilePk) ?? idOf(a.userProfileId) ?? idOf(a.userProfilePk),
    name: typeof a.activityName === 'string' ? a.activityName : '',
  };
}

/** One activity from activity-service/activity/{id}: {activityId, activityTypeDTO, summaryDTO, metadataDTO, ...}. */
function detailFields(a: Obj, s: Obj): Fields {
  const type = isObj(a.activityTypeDTO) ? a.activityTypeDTO : isObj(a.activityType) ? a.activityType : {};
  const typeKey = text(type.typeKey);
  const meta = isObj(a.metadataDTO) ? a.metadataDTO : {};
  const user = isObj(meta.userInfoDto) ? meta.userInfoDto : {};
  const tz = isObj(a.timeZoneUnitDTO) ? (text(a.timeZoneUnitDTO.timeZone) ?? text(a.timeZoneUnitDTO.unitKey)) : null;
  const duration = presentNum(s.duration);
  const moving = presentNum(s.movingDuration);
  const begin = num(s.beginTimestamp) ?? num(a.beginTimestamp);
  const isParent = a.isMultiSportParent === true || typeKey === 'multi_sport';
  let childIds: string[] | null = null;
  if (isParent && Array.isArray(meta.childIds)) {
    const types: unknown[] | null =
      Array.isArray(meta.childActivityTypes) && meta.childActivityTypes.length === meta.childIds.length
        ? meta.childActivityTypes
        : null;
    childIds = [];
    meta.childIds.forEach((c: unknown, i: number) => {
      const id = idOf(c);
      const t = types ? types[i] : null;
      if (id && !(typeof t === 'string' && isTransition(t))) childIds!.push(id);
    });
  }
  return {
    id: idOf(a.activityId),
    typeKey,
    isParent,
    childIds,
    startMs: parseInstant(s.startTimeGMT) ?? begin,
    startText: s.startTimeGMT ?? begin,
    startField: 'summaryDTO.startTimeGMT',
    localWallMs: parseWallClock(s.startTimeLocal),
    timeZone: tz,
    distanceM: presentNum(s.distance),
    movingS: moving ?? duration,
    elapsedS: garminElapsedSeconds(presentNum(s.elapsedDuration), duration, moving),
    cadence: presentNum(s.averageRunCadence) ?? presentNum(s.averageRunningCadenceInStepsPerMinute),
    ownerId: idOf(a.userProfileId) ?? idOf(user.userProfilePk) ?? idOf(a.ownerId),
    name: typeof a.activityName === 'string' ? a.activityName : '',
  };
}

const DISTANCE_UNITS: Record<string, number> = {
  meter: 1,
  meters: 1,
  kilometer: 1000,
  kilometers: 1000,
  mile: 1609.344,
  miles: 1609.344,
  centimeter: 0.01,
  foot: 0.3048,
  feet: 0.3048,
  yard: 0.9144,
};
const CADENCE_UNITS: Record<string, number> = { stepsperminute: 1 };
const TIME_UNITS: Record<string, number> = {
  second: 1,
  seconds: 1,
  millisecond: 0.001,
  milliseconds: 0.001,
  minute: 60,
  hour: 3600,
};

/** A 1.2 summary measure {value: "8.22553", uom: "kilometer"} in base units; null if absent or of an unknown unit. */
function measure(m: unknown, units: Record<string, number>): number | null {
  if (!isObj(m)) return null;
  const v = num(m.value);
  const uom = typeof m.uom === 'string' ? m.uom.toLowerCase() : '';
  const f = Object.prototype.hasOwnProperty.call(units, uom) ? units[uom] : undefined;
  // Rounded to a millionth, so that "8.22553" km is 8225.53 m, not 8225.529999999999.
  return v === null || f === undefined ? null : Math.round(v * f * 1e6) / 1e6;
}

/** One activity of the pre-2018 activity-search-service-1.2 (`results.activities[].activity`). */
function legacyFields(a: Obj): Fields {
  const type = isObj(a.activityType) ? a.activityType : {};
  const typeKey = text(type.key) ?? text(type.typeKey);
  const s = isObj(a.activitySummary) ? a.activitySummary : {};
  const begin = isObj(s.BeginTimestamp) ? s.BeginTimestamp : {};
  const millis = num(begin.millis);
  const tz = text(begin.uom) ?? (isObj(a.activityTimeZone) ? text(a.activityTimeZone.key) : null);
  return {
    id: idOf(a.activityId),
    typeKey,
    isParent: a.isParent === true || a.isParent === 'true' || typeKey === 'multi_sport',
    childIds: null,
    startMs: parseInstant(begin.value) ?? millis,
    startText: begin.value,
    startField: 'activitySummary.BeginTimestamp',
    localWallMs: null,
    timeZone: tz,
    distanceM: measure(s.SumDistance, DISTANCE_UNITS),
    movingS: measure(s.SumMovingDuration, TIME_UNITS) ?? measure(s.SumDuration, TIME_UNITS),
    elapsedS: measure(s.SumElapsedDuration, TIME_UNITS),
    cadence: measure(s.WeightedMeanDoubleCadence, CADENCE_UNITS),
    ownerId: idOf(a.userId),
    name: typeof a.activityName === 'string' ? a.activityName : '',
  };
}

type ItemResult =
  { kind: 'activity'; activity: GarminActivity } | { kind: 'skipped'; id: string | null; reason: Problem };

function build(f: Fields, nowMs: number): ItemResult {
  const { id } = f;
  if (!id) return { kind: 'skipped', id: null, reason: problem('site_skip_no_id') };
  if (f.isParent) {
    if (f.childIds === null) {
      return {
        kind: 'skipped',
        id,
        reason: problem('garmin_skip_multisport'),
      };
    }
    return {
      kind: 'skipped',
      id,
      reason:
        f.childIds.length > 0
          ? problem('garmin_skip_multisport_parts', f.childIds.length, f.childIds.join(', '))
          : problem('garmin_skip_multisport_empty'),
    };
  }
  if (!f.typeKey) return { kind: 'skipped', id, reason: problem('site_skip_no_sport', 'activityType.typeKey') };
  if (isTransition(f.typeKey)) return { kind: 'skipped', id, reason: problem('garmin_skip_transition', f.typeKey) };
  const knownZone = f.timeZone !== null && isValidTimeZone(f.timeZone);
  // Without the UTC start, the wall clock placed in the activity's own zone.
  const startMs =
    f.startMs ?? (f.localWallMs !== null && knownZone ? wallClockToUtc(f.localWallMs, f.timeZone!) : null);
  if (startMs === null)
    return { kind: 'skipped', id, reason: problem('site_skip_no_start', f.startField, show(f.startText)) };
  let localDate = f.localWallMs !== null ? dateOfWallClock(f.localWallMs) : null;
  if (!localDate && knownZone) localDate = localDateOf(startMs, f.timeZone!);
  if (!localDate) return { kind: 'skipped', id, reason: problem('site_skip_no_local_date', 'startTimeLocal') };

  const sport = normalizeSport(f.typeKey);
  const cadence = cadenceSpm(f.cadence, 'steps', sport);
  const candidate: ActivityInput = {
    source: 'garmin',
    sourceId: id,
    startMs,
    localDate,
    sport,
    sportLabel: f.typeKey.slice(0, LIMITS.maxLabelLength),
    distanceM: f.distanceM,
    movingS: f.movingS,
    elapsedS: f.elapsedS,
    ...(cadence !== undefined ? { cadenceSpm: cadence } : {}),
    name: f.name.slice(0, LIMITS.maxNameLength),
  };
  const checked = checkActivityInput(candidate, nowMs);
  if (!checked.ok) return { kind: 'skipped', id, reason: checked.error };
  return { kind: 'activity', activity: { ...checked.value, ownerId: f.ownerId } };
}

function collect(items: { fields: Fields | null; why?: Problem }[], nowMs: number): GarminReadResult {
  const activities: GarminActivity[] = [];
  const skipped: { id: string; reason: Problem }[] = [];
  const seen = new Set<string>();
  items.forEach(({ fields, why }, index) => {
    if (!fields) {
      skipped.push({ id: `#${index}`, reason: why ?? problem('site_skip_not_activity') });
      return;
    }
    const r = build(fields, nowMs);
    if (r.kind === 'skipped') {
      skipped.push({ id: r.id ?? `#${index}`, reason: r.reason });
    } else if (seen.has(r.activity.sourceId)) {
      skipped.push({ id: r.activity.sourceId, reason: problem('site_skip_listed_twice') });
    } else {
      seen.add(r.activity.sourceId);
      activities.push(r.activity);
    }
  });
  return { ok: true, activities, skipped };
}

/** Says what a response that is not activity data is, as specifically as it can. */
function whatItIs(json: unknown, expected: Problem): Problem {
  if (json === null || json === undefined || json === '') return problem('garmin_empty', expected);
  if (typeof json === 'string') return problem(looksLikeHtml(json) ? 'garmin_web_page' : 'garmin_plain_text', expected);
  if (typeof json !== 'object') return problem('garmin_wrong_type', expected, typeof json);
  if (Array.isArray(json)) {
    const first = json.find(isObj);
    if (first && 'typeKey' in first && 'typeId' in first && !('activityId' in first))
      return problem('garmin_activity_types', expected);
    if (first && 'zoneNumber' in first && 'secsInZone' in first) return problem('garmin_hr_zones', expected);
    return problem('garmin_list_no_ids', expected);
  }
  const o = json as Obj;
  if (
    'com.garmin.activity.details.json.ActivityDetails' in o ||
    'metricDescriptors' in o ||
    'activityDetailMetrics' in o ||
    ('measurements' in o && 'metrics' in o)
  ) {
    return problem('garmin_samples', expected);
  }
  if ('userMetrics' in o) return problem('garmin_statistics', expected);
  if ('productDisplayName' in o || 'partNumber' in o || 'applicationKey' in o)
    return problem('garmin_device', expected);
  const msg = text(o.message) ?? text(o.error) ?? text(o.errorMessage);
  if (msg) return problem('garmin_error', expected, msg.slice(0, 200));
  return problem('garmin_changed', expected);
}

function parseIfText(json: unknown): { json: unknown } | { error: Problem } {
  if (typeof json === 'string' && /^\s*[{[]/.test(json)) {
    try {
      return { json: JSON.parse(json) as unknown };
    } catch {
      return { error: problem('garmin_not_json') };
    }
  }
  return { json };
}

/** Is this one activity (detail or list-shaped)? Then its fields. */
function singleFields(o: Obj): Fields | null {
  if (isObj(o.summaryDTO)) return detailFields(o, o.summaryDTO);
  if ('activityId' in o && ('startTimeGMT' in o || 'startTimeLocal' in o || 'beginTimestamp' in o))
    return flatFields(o);
  if (isObj(o.activity) && 'activitySummary' in o.activity) return legacyFields(o.activity);
  return null;
}

/**
 * Reads an activity list: activitylist-service/activities/search/activities (a JSON array) or the
 * pre-2018 activity-search-service-1.2 ({results: {activities: [{activity}]}}). `nowMs` is the
 * current time, for refusing starts in the future (tests pass a fixed one).
 */
export function readGarminActivityList(input: unknown, nowMs: number = Date.now()): GarminReadResult {
  const p = parseIfText(input);
  if ('error' in p) return { ok: false, error: p.error };
  const json = p.json;
  const what = problem('garmin_what_list');
  if (Array.isArray(json)) {
    if (json.length > 0 && !json.some((a) => isObj(a) && 'activityId' in a))
      return { ok: false, error: whatItIs(json, what) };
    return collect(
      json.map((a) => (isObj(a) ? { fields: flatFields(a) } : { fields: null, why: problem('site_skip_not_object') })),
      nowMs,
    );
  }
  if (isObj(json) && isObj(json.results)) {
    const acts = json.results.activities;
    if (!Array.isArray(acts)) return { ok: false, error: problem('garmin_search_changed') };
    return collect(
      acts.map((w: unknown) => {
        const a = isObj(w) && isObj(w.activity) ? w.activity : w;
        return isObj(a) ? { fields: legacyFields(a) } : { fields: null, why: problem('site_skip_not_object') };
      }),
      nowMs,
    );
  }
  if (isObj(json) && singleFields(json))
    return {
      ok: false,
      error: problem('garmin_single_not_list'),
    };
  return { ok: false, error: whatItIs(json, what) };
}

/**
 * Reads one activity: activity-service/activity/{id} ({activityId, summaryDTO, ...}), or one
 * list-shaped summary. A multisport parent gives no activity; its skip reason names its parts.
 */
export function readGarminActivity(input: unknown, nowMs: number = Date.now()): GarminReadResult {
  const p = parseIfText(input);
  if ('error' in p) return { ok: false, error: p.error };
  const json = p.json;
  if (Array.isArray(json) && json.some((a) => isObj(a) && 'activityId' in a)) {
    return { ok: false, error: problem('garmin_list_not_single') };
  }
  if (isObj(json)) {
    const f = singleFields(json);
    if (f) return collect([{ fields: f }], nowMs);
  }
  return { ok: false, error: whatItIs(json, problem('garmin_what_activity')) };
}

export type GarminEndpoint = { kind: 'list' } | { kind: 'legacy-search' } | { kind: 'activity'; id: string };

const HOSTS = /^(?:connect\.garmin\.com|connect\.garmin\.cn|connectapi\.garmin\.com|connectapi\.garmin\.cn)$/i;
const PREFIX = '(?:/gc-api|/modern/proxy|/proxy)?';
const LIST_RE = new RegExp(`^${PREFIX}/activitylist-service/activities/search/activities/?$`);
const LEGACY_RE = new RegExp(`^${PREFIX}/activity-search-service-1\\.2/json/activities/?$`);
const ACTIVITY_RE = new RegExp(`^${PREFIX}/activity-service/activity/(\\d+)/?$`);

/**
 * Which activity-data endpoint a request URL is (absolute on a Garmin Connect host, or a path),
 * or null for anything else: activity types, zones, samples (/details), splits, user stats,
 * devices, pages.
 */
export function garminEndpoint(url: string): GarminEndpoint | null {
  if (typeof url !== 'string') return null;
  let u: URL;
  try {
    u = new URL(url, GARMIN_ORIGIN);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || !HOSTS.test(u.hostname)) return null;
  const path = u.pathname;
  if (LIST_RE.test(path)) return { kind: 'list' };
  if (LEGACY_RE.test(path)) return { kind: 'legacy-search' };
  const m = ACTIVITY_RE.exec(path);
  if (m) return { kind: 'activity', id: m[1]! };
  return null;
}

/**
 * Reads a response by the URL it came from; null for URLs that are not activity data. For one
 * activity the body must be the activity the URL names.
 */
export function readGarminResponse(url: string, json: unknown, nowMs: number = Date.now()): GarminReadResult | null {
  const e = garminEndpoint(url);
  if (!e) return null;
  if (e.kind !== 'activity') return readGarminActivityList(json, nowMs);
  const r = readGarminActivity(json, nowMs);
  if (r.ok) {
    const bodyId = r.activities[0]?.sourceId ?? r.skipped[0]?.id;
    if (bodyId !== undefined && bodyId !== e.id && !bodyId.startsWith('#')) {
      return { ok: false, error: problem('garmin_wrong_activity', bodyId, e.id) };
    }
  }
  return r;
}
