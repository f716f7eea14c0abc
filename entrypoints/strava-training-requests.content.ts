import { defineContentScript } from 'wxt/utils/define-content-script';
import { observeResponses } from '../content/page-response-observer';
import { matchRoute, ROUTES } from '../core/sites/site-routes';

// In the page's own JavaScript world on "My Activities": passes the activity lists the page
// loads from /athlete/training_activities to strava-training.content.ts.
export default defineContentScript({
  matches: ROUTES.stravaTraining.matches,
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    if (matchRoute(ROUTES.stravaTraining, location.pathname) === null) return;
    observeResponses(/^https:\/\/www\.strava\.com\/athlete\/training_activities(?:\?|$)/);
  },
});
