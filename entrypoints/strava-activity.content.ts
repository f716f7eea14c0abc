import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchStravaActivityPage } from '../content/strava-activity-forwarder';
import { matchRoute, ROUTES } from '../core/sites/site-routes';

export default defineContentScript({
  matches: ROUTES.stravaActivityPage.matches,
  runAt: 'document_start',
  main(ctx) {
    const id = matchRoute(ROUTES.stravaActivityPage, location.pathname);
    if (id) watchStravaActivityPage(ctx, id);
  },
});
