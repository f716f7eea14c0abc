import type { Site } from '../messages';
import { GARMIN_ORIGIN, GARMIN_PAGES } from './garmin/garmin-site';
import { STRAVA_ORIGIN, STRAVA_PAGES } from './strava/strava-site';

/** Each site's origin: a content script's messages, and a catch-up tab's address, are checked against it. */
export const SITE_ORIGINS: Readonly<Record<Site, string>> = { strava: STRAVA_ORIGIN, garmin: GARMIN_ORIGIN };

// Which page gets which script: the route table (the sites' own files hold their URLs). Each route names the live URLs it was written
// against, the manifest match patterns that inject its scripts (nothing is injected anywhere
// else), and the path test the script makes before it does anything.

export interface Route {
  /** Manifest match patterns: the pages the route's content scripts are injected into. */
  matches: string[];
  /** The exact paths it acts on; the first group, if any, is the activity id. */
  path: RegExp;
}

export const ROUTES = {
  stravaActivityPage: STRAVA_PAGES.activity,
  stravaTraining: STRAVA_PAGES.training,
  /** /upload/manual needs no script: Strava then opens the new activity's page, which is read. */
  stravaUpload: STRAVA_PAGES.upload,
  garminApp: GARMIN_PAGES.app,
  garminImport: GARMIN_PAGES.import,
} as const satisfies Record<string, Route>;

/** The route's activity id ('' when it has none), or null when the path is not the route's. */
export function matchRoute(route: Route, pathname: string): string | null {
  const m = route.path.exec(pathname);
  return m ? (m[1] ?? '') : null;
}
