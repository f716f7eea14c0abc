// Which page gets which reader: one table per site, so that a content script decides in one
// regular-expression test whether it has anything to do on a page, and otherwise does nothing.
// Live URLs each route was written against are noted beside it.

export type StravaRoute = 'activity-page' | 'training' | 'upload';

const STRAVA: readonly [RegExp, StravaRoute][] = [
  // https://www.strava.com/activities/12345678901 (and its /overview tab); not /activities/123/segments/...
  [/^\/activities\/(\d+)(?:\/overview)?\/?$/, 'activity-page'],
  // https://www.strava.com/athlete/training ("My Activities"; JSON from /athlete/training_activities)
  [/^\/athlete\/training\/?$/, 'training'],
  // https://www.strava.com/upload/select (files) and /upload/manual (a hand-entered activity)
  [/^\/upload\/(select|manual)\/?$/, 'upload'],
];

export function stravaRoute(pathname: string): { route: StravaRoute; id: string } | null {
  for (const [re, route] of STRAVA) {
    const m = re.exec(pathname);
    if (m) return { route, id: m[1] ?? '' };
  }
  return null;
}
