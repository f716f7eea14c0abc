import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchUploads } from '../content/upload-watch';
import { matchRoute, ROUTES } from '../core/sites/site-routes';

export default defineContentScript({
  matches: ROUTES.stravaUpload.matches,
  runAt: 'document_start',
  main(ctx) {
    if (matchRoute(ROUTES.stravaUpload, location.pathname) !== null)
      watchUploads(ctx, () => true, { shadowRoots: false });
  },
});
