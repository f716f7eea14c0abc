import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchGarminActivities } from '../content/garmin-activity-forwarder';
import { watchUploads } from '../content/upload-watch';
import { matchRoute, ROUTES } from '../core/sites/site-routes';

// Garmin Connect is a single-page app: one script for the whole site, reading the activity JSON
// the app itself loads as the runner moves between pages, and files chosen on the import page.
export default defineContentScript({
  matches: ROUTES.garminApp.matches,
  runAt: 'document_start',
  main(ctx) {
    watchGarminActivities(ctx);
    watchUploads(ctx, () => matchRoute(ROUTES.garminImport, location.pathname) !== null, { shadowRoots: true });
  },
});
