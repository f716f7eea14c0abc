import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { problem } from '../core/problem-codes';
import { snapshotStravaActivityDom } from '../core/sites/strava/strava-activity-dom';
import type { StravaPageSnapshot } from '../core/sites/strava/strava-activity-page';
import { isBridgeMessage, STRAVA_SNAPSHOT } from './page-bridge';
import { sendToBackground } from './send-to-background';

// https://www.strava.com/activities/{id}: waits for the MAIN-world script's snapshot of
// `pageView`, reads it, and sends the run to the background. Without pageView data it falls back
// to reading the page as shown; if that fails too, the popup is told, so a Strava redesign shows
// up as a notice and not as missing runs.

const WAIT_MS = 15_000;
/** How long a snapshot waits for a second, different one before it is believed. */
const SETTLE_MS = 1000;
const CONFLICT_REASON = problem('strava_page_conflicting_data');

function looksLikeSnapshot(v: unknown): v is StravaPageSnapshot {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  const idLike = (x: unknown) => x === null || typeof x === 'string' || typeof x === 'number';
  return (
    typeof s.urlActivityId === 'string' &&
    (s.activity === null || (typeof s.activity === 'object' && !Array.isArray(s.activity))) &&
    idLike(s.activityId) &&
    idLike(s.activityAthleteId) &&
    idLike(s.currentAthleteId)
  );
}

export function watchStravaActivityPage(ctx: ContentScriptContext, activityId: string): void {
  const url = window.location.href;

  // Without pageView data, the page as shown is copied out and read in the background.
  const fromDom = (why: 'late' | 'no-page-view') =>
    void sendToBackground({
      type: 'site/data',
      data: {
        kind: 'strava-activity-dom',
        url,
        status: 200,
        body: { ...snapshotStravaActivityDom(document, activityId), why },
        viewerId: null,
      },
    });

  let done = false;
  const timer = ctx.setTimeout(() => {
    if (done) return;
    done = true;
    fromDom('late');
  }, WAIT_MS);

  // Any script on the page can post to this window: one snapshot per page load is believed,
  // and only if no different one turns up while it waits; two versions mean nobody is believed.
  let first: { snap: StravaPageSnapshot; text: string } | null = null;
  let conflict = false;
  const settle = () => {
    if (!first || conflict) return;
    const snap = first.snap;
    if (snap.activity === null) return fromDom('no-page-view');
    // The background reads it; a friend's activity is none of our business and is not stored.
    void sendToBackground({
      type: 'site/data',
      data: { kind: 'strava-activity-snapshot', url, status: 200, body: snap, viewerId: null },
    });
  };

  ctx.addEventListener(window, 'message', (event: MessageEvent) => {
    if (!isBridgeMessage(event, STRAVA_SNAPSHOT)) return;
    const snap: unknown = (event.data as { payload: unknown }).payload;
    if (!looksLikeSnapshot(snap) || snap.urlActivityId !== activityId) return;
    // The page's own data must be about the page's own activity.
    if (snap.activityId !== null && String(snap.activityId) !== activityId) return;
    const text = JSON.stringify(snap);
    if (first) {
      if (text !== first.text && !conflict) {
        conflict = true;
        void sendToBackground({
          type: 'problem/report',
          problem: { site: 'strava', page: 'activity-page', url, reason: CONFLICT_REASON },
        });
      }
      return;
    }
    if (done) return;
    done = true;
    clearTimeout(timer);
    first = { snap, text };
    ctx.setTimeout(settle, SETTLE_MS);
  });
}
