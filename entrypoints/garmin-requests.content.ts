import { defineContentScript } from 'wxt/utils/define-content-script';
import { observeResponses } from '../content/page-response-observer';
import { ROUTES } from '../core/sites/site-routes';

// In Garmin Connect's own JavaScript world: passes the activity JSON the app requests (and the
// viewer's profile) to garmin.content.ts. Request paths seen 2018-2026: /gc-api/... (2024-),
// /proxy/... and /modern/proxy/... before.
export default defineContentScript({
  matches: ROUTES.garminApp.matches,
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    observeResponses(
      /^https:\/\/connect\.garmin\.com\/(?:gc-api|proxy|modern\/proxy)\/(?:activitylist-service\/activities\/search\/activities|activity-service\/activity\/\d+\/?(?:\?|$)|activity-search-service-[\d.]+\/json\/activities|userprofile-service\/socialProfile\/?(?:\?|$))/,
    );
  },
});
