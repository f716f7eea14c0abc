import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchGarminActivities } from '../content/garmin-activities';

// Garmin Connect is a single-page app: one script for the whole site, reading the activity JSON
// the app itself loads as the runner moves between pages.
export default defineContentScript({
  matches: ['https://connect.garmin.com/*'],
  runAt: 'document_start',
  main(ctx) {
    watchGarminActivities(ctx);
  },
});
