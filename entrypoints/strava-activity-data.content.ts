import { defineContentScript } from 'wxt/utils/define-content-script';
import { BRIDGE_TAG, STRAVA_SNAPSHOT } from '../content/page-bridge';
import { matchRoute, ROUTES } from '../core/sites/site-routes';

// Runs in the page's own JavaScript world, where Strava's `pageView` lives, and copies the
// activity's plain attributes out. It has no extension APIs and touches nothing on the page.
// Live page: https://www.strava.com/activities/{id} (pageView.activity(), .activityAthlete(),
// window.currentAthlete: Backbone models with .id and .attributes).

interface Model {
  id?: unknown;
  attributes?: unknown;
  get?: (k: string) => unknown;
}

type PageWindow = Window & {
  pageView?: { activity?: () => Model | null; activityAthlete?: () => Model | null };
  currentAthlete?: Model | null;
};

function idOf(m: Model | null | undefined): string | number | null {
  const id = m?.id ?? m?.get?.('id');
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

function plain(v: unknown): Record<string, unknown> | null {
  if (typeof v !== 'object' || v === null) return null;
  const out: Record<string, unknown> = {};
  // Only primitives cross the bridge: no functions, no nested models, nothing that could be large.
  for (const [k, x] of Object.entries(v))
    if (x === null || ['string', 'number', 'boolean'].includes(typeof x)) out[k] = x;
  return out;
}

const safely = <T>(f: () => T): T | null => {
  try {
    return f();
  } catch {
    return null;
  }
};

export default defineContentScript({
  matches: ROUTES.stravaActivityPage.matches,
  world: 'MAIN',
  runAt: 'document_idle',
  main() {
    const id = matchRoute(ROUTES.stravaActivityPage, location.pathname);
    if (!id) return;
    let tries = 0;
    const send = () => {
      const w = window as PageWindow;
      const activity = safely(() => w.pageView?.activity?.() ?? null);
      // Strava builds pageView with inline scripts that may finish after us: wait up to ~5 s.
      if (!activity && tries++ < 10) {
        setTimeout(send, 500);
        return;
      }
      const athlete = safely(() => w.pageView?.activityAthlete?.() ?? null);
      const payload = {
        urlActivityId: id,
        activity: plain(activity?.attributes),
        activityId: idOf(activity),
        activityAthleteId: idOf(athlete),
        currentAthleteId: idOf(w.currentAthlete),
      };
      window.postMessage({ tag: BRIDGE_TAG, kind: STRAVA_SNAPSHOT, payload }, location.origin);
    };
    send();
  },
});
