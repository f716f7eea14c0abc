import { defineContentScript } from 'wxt/utils/define-content-script';
import { observeResponses } from '../content/page-response-observer';

// In the page's own JavaScript world on "My Activities": passes the activity lists the page
// loads from /athlete/training_activities to strava.content.ts.
export default defineContentScript({
  matches: ['https://www.strava.com/athlete/training*'],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    observeResponses(/^https:\/\/www\.strava\.com\/athlete\/training_activities(?:\?|$)/);
  },
});
