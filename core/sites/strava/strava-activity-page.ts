import type { ActivityInput } from '../../activity';
import { problem, type Problem } from '../../problem-codes';
import { datePartOfLocalTimestamp, dateOfWallClock, localDateOf } from '../../local-date';
import { normalizeSport } from '../../sport';
import { cadenceSpm } from '../../cadence';
import { parseIsoTime, wallClockToUtc } from '../../time';

// Reads a run from a Strava activity page, https://www.strava.com/activities/{id}.
// The page keeps its data in the `pageView` global of its own JavaScript world; a MAIN-world
// script copies the plain attributes out (StravaPageSnapshot) and this reader, which never sees
// the page itself, turns them into an activity. Field names as seen 2016-2026:
// - sport: `sport_type` since 2024-10-30 ("TrailRun"); `type` before ("Run"), kept as fallback.
// - start: `startDateLocal`, local wall-clock as epoch seconds; `start_date` (ISO, UTC) where present.
// - `distance` metres, `moving_time` / `elapsed_time` seconds (camelCase variants also seen).
// - `average_cadence` (as in Strava's API; camelCase too): a run's is one foot's strides a
//   minute, as Strava keeps run cadence (its streams of two corpus runs average 90.0 and 91.7
//   where the watches' FIT files say 90 and 92 strides); Strava's page shows it doubled.

export interface StravaPageSnapshot {
  /** The page's activity id from the URL. */
  urlActivityId: string;
  /** pageView.activity().attributes, copied as plain data; null if the page had none. */
  activity: Record<string, unknown> | null;
  /** pageView.activity().id */
  activityId: string | number | null;
  /** pageView.activityAthlete().id: whose activity this is. */
  activityAthleteId: string | number | null;
  /** currentAthlete.id: who is signed in. */
  currentAthleteId: string | number | null;
}

export type StravaPageResult =
  | { kind: 'activity'; activity: ActivityInput }
  | { kind: 'not-own'; reason: Problem }
  | { kind: 'unreadable'; reason: Problem };

function num(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

function firstNum(a: Record<string, unknown>, ...keys: string[]): number | null {
  for (const k of keys) {
    const n = num(a[k]);
    if (n !== null) return n;
  }
  return null;
}

function firstText(a: Record<string, unknown>, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = a[k];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return null;
}

/**
 * `timeZone` is the runner's own: it only serves when the page gives the local wall-clock start
 * but no UTC start, to place the instant (the date itself always comes from the page).
 */
export function readStravaActivityPage(s: StravaPageSnapshot, timeZone: string): StravaPageResult {
  if (s.currentAthleteId === null || s.currentAthleteId === undefined) {
    return { kind: 'not-own', reason: problem('strava_page_signed_out') };
  }
  if (s.activityAthleteId === null || s.activityAthleteId === undefined) {
    return {
      kind: 'unreadable',
      reason: problem('strava_page_no_owner'),
    };
  }
  if (String(s.activityAthleteId) !== String(s.currentAthleteId)) {
    return { kind: 'not-own', reason: problem('strava_page_other_athlete') };
  }
  const a = s.activity;
  if (!a) return { kind: 'unreadable', reason: problem('strava_page_no_data') };
  const rawId = s.activityId ?? a.id;
  const id = typeof rawId === 'number' || typeof rawId === 'string' ? String(rawId) : '';
  if (!/^\d+$/.test(id)) return { kind: 'unreadable', reason: problem('strava_page_no_id') };
  if (id !== s.urlActivityId)
    return { kind: 'unreadable', reason: problem('strava_page_wrong_activity', id, String(s.urlActivityId)) };

  const label = firstText(a, 'sport_type', 'sportType', 'type');
  if (!label) return { kind: 'unreadable', reason: problem('strava_page_no_sport') };

  const localWallS = firstNum(a, 'startDateLocal', 'start_date_local_raw');
  const localIso = firstText(a, 'start_date_local', 'startDateLocalString');
  const utcText = firstText(a, 'start_date', 'startDate');
  const utcNum = firstNum(a, 'start_time_raw', 'startDateUtc');

  let localDate: string | null = null;
  if (localWallS !== null) localDate = dateOfWallClock(localWallS * 1000);
  else if (localIso) localDate = datePartOfLocalTimestamp(localIso);

  let startMs: number | null = null;
  // Only an ISO instant: elsewhere Strava puts localized dates ("dim. 11/12/2016") in start_date.
  const utcIso = utcText ? parseIsoTime(utcText) : null;
  if (utcIso) startMs = utcIso.ms;
  else if (utcNum !== null) startMs = utcNum * 1000;
  else if (localWallS !== null) {
    // Only the wall clock is known: place it in the runner's zone (right unless they travelled).
    startMs = wallClockToUtc(localWallS * 1000, timeZone);
  }
  if (startMs === null) return { kind: 'unreadable', reason: problem('strava_page_no_start') };
  localDate ??= localDateOf(startMs, timeZone);

  const distanceM = firstNum(a, 'distance', 'distance_raw');
  const movingS = firstNum(a, 'moving_time', 'movingTime', 'moving_time_raw');
  const elapsedS = firstNum(a, 'elapsed_time', 'elapsedTime', 'elapsed_time_raw');
  const sport = normalizeSport(label);
  const cadence = cadenceSpm(firstNum(a, 'average_cadence', 'averageCadence'), 'strides', sport);

  return {
    kind: 'activity',
    activity: {
      source: 'strava',
      sourceId: id,
      startMs,
      localDate,
      sport,
      sportLabel: label,
      distanceM,
      movingS,
      elapsedS,
      ...(cadence !== undefined ? { cadenceSpm: cadence } : {}),
      name: firstText(a, 'name') ?? '',
    },
  };
}
