// What Hip Check knows of Garmin Connect, in one place: host, the pages its scripts run on, and
// dated notes of changes that broke readers before.
//
// Feb 2026: pages moved from /modern/* to /app/*; both are accepted. It is a single-page app, so
//   scripts run on every page and follow the app's own requests (/gc-api/...), whatever the URL.
// Cloudflare refuses the app's API calls from an extension's service worker: they are observed
//   from the page. `elapsedDuration` is milliseconds in some years' responses, seconds in others.

export const GARMIN_HOST = 'connect.garmin.com';
export const GARMIN_ORIGIN = `https://${GARMIN_HOST}`;
/** Manifest pattern for the whole site (host permission, and every page of the app). */
export const GARMIN_MATCH = `${GARMIN_ORIGIN}/*`;

export const GARMIN_PAGES = {
  /** https://connect.garmin.com/app/* (/modern/* until Feb 2026) */
  app: { matches: [GARMIN_MATCH], path: /^\/(?:app|modern)\// },
  /** https://connect.garmin.com/app/import-data (/modern/import-data before), reached in-app. */
  import: { matches: [GARMIN_MATCH], path: /^\/(?:app|modern)\/import-data\/?$/ },
};
