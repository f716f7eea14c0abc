// What Hip Check knows of Strava's web site, in one place: host, the pages its scripts run on,
// and dated notes of changes that broke readers before.
//
// 2024-10-30: Strava renamed the activity field `type` to `sport_type` (peers broke for days);
//   the readers take `sport_type` and fall back to `type`.
// "My Activities" (/athlete/training) loads /athlete/training_activities?... as JSON; same-origin
//   requests need `X-Requested-With: XMLHttpRequest`.
// Upload: /upload/select, a plain form; manual entry: /upload/manual, which then opens the new
//   activity's page.

export const STRAVA_HOST = 'www.strava.com';
export const STRAVA_ORIGIN = `https://${STRAVA_HOST}`;
/** Manifest pattern for the whole site (host permission). */
export const STRAVA_MATCH = `${STRAVA_ORIGIN}/*`;

export const STRAVA_PAGES = {
  /** https://www.strava.com/activities/12345678901 (and /overview); not /activities/1/segments/... */
  activity: { matches: [`${STRAVA_ORIGIN}/activities/*`], path: /^\/activities\/(\d+)(?:\/overview)?\/?$/ },
  /** https://www.strava.com/athlete/training ("My Activities") */
  training: { matches: [`${STRAVA_ORIGIN}/athlete/training*`], path: /^\/athlete\/training\/?$/ },
  /** https://www.strava.com/upload/select (files). */
  upload: { matches: [`${STRAVA_ORIGIN}/upload/*`], path: /^\/upload\/select\/?$/ },
};

/** The JSON list behind "My Activities". */
export const STRAVA_TRAINING_ACTIVITIES_URL = `${STRAVA_ORIGIN}/athlete/training_activities`;
