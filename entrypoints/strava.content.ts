import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchStravaActivityPage } from '../content/strava-activity-page';
import { watchStravaTraining } from '../content/strava-training-backfill';
import { stravaRoute } from '../core/sites/site-routes';

// Every Strava page loads this; it matches the route table once and does nothing elsewhere.
export default defineContentScript({
  matches: ['https://www.strava.com/*'],
  runAt: 'document_start',
  main(ctx) {
    const hit = stravaRoute(window.location.pathname);
    if (!hit) return;
    if (hit.route === 'activity-page') watchStravaActivityPage(ctx, hit.id);
    else if (hit.route === 'training') watchStravaTraining(ctx);
  },
});
