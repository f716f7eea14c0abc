import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchStravaTraining } from '../content/strava-training-backfill';
import { matchRoute, ROUTES } from '../core/sites/site-routes';

export default defineContentScript({
  matches: ROUTES.stravaTraining.matches,
  runAt: 'document_start',
  main(ctx) {
    if (matchRoute(ROUTES.stravaTraining, location.pathname) !== null) watchStravaTraining(ctx);
  },
});
