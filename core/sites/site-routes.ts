// Which page gets which script: the route table. Each route names the live URLs it was written
// against, the manifest match patterns that inject its scripts (nothing is injected anywhere
// else), and the path test the script makes before it does anything.

export interface Route {
  /** Manifest match patterns: the pages the route's content scripts are injected into. */
  matches: string[];
  /** The exact paths it acts on; the first group, if any, is the activity id. */
  path: RegExp;
}

export const ROUTES = {
  /** https://www.strava.com/activities/12345678901 (and /overview); not /activities/1/segments/... */
  stravaActivityPage: {
    matches: ['https://www.strava.com/activities/*'],
    path: /^\/activities\/(\d+)(?:\/overview)?\/?$/,
  },
  /** https://www.strava.com/athlete/training ("My Activities"; JSON from /athlete/training_activities) */
  stravaTraining: { matches: ['https://www.strava.com/athlete/training*'], path: /^\/athlete\/training\/?$/ },
  /**
   * https://www.strava.com/upload/select (files). /upload/manual needs no script: after a manual
   * entry Strava opens the new activity's page, which stravaActivityPage reads.
   */
  stravaUpload: { matches: ['https://www.strava.com/upload/*'], path: /^\/upload\/select\/?$/ },
  /**
   * https://connect.garmin.com/app/* (/modern/* until Feb 2026): a single-page app, so its scripts
   * run on every page and follow the app's own requests, whatever the URL shows.
   */
  garminApp: { matches: ['https://connect.garmin.com/*'], path: /^\/(?:app|modern)\// },
  /** https://connect.garmin.com/app/import-data (/modern/import-data before), reached in-app. */
  garminImport: { matches: ['https://connect.garmin.com/*'], path: /^\/(?:app|modern)\/import-data\/?$/ },
} as const satisfies Record<string, Route>;

/** The route's activity id ('' when it has none), or null when the path is not the route's. */
export function matchRoute(route: Route, pathname: string): string | null {
  const m = route.path.exec(pathname);
  return m ? (m[1] ?? '') : null;
}
