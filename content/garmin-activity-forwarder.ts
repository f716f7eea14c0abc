import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isBridgeMessage } from './page-bridge';
import { RESPONSE_KIND, type ObservedResponse } from './page-response-observer';
import { sendToBackground } from './send-to-background';
import { listStopOfStatus } from '../core/catch-up';
import { GARMIN_PROFILE_URL, readGarminViewer } from '../core/sites/garmin/garmin-viewer';
import { responseBody } from '../core/site-response';

// Garmin Connect (https://connect.garmin.com/app/activities, /app/activity/{id}; /modern/* until
// Feb 2026). A single-page app: in-app navigation loads JSON without reloading the page, so we
// pass on the activity JSON its own requests return (garmin-requests.content.ts), whatever the
// URL shows. Only the signed-in athlete's own activities may be recorded: the viewer's profile id
// comes only from the page's own socialProfile response; anything seen before that waits for it
// (the background reports it as a problem meanwhile), and a few at most are kept waiting.

const MAX_WAITING = 50;
// The activity list's own requests (garmin-requests.content.ts): a refusal there ends a catch-up.
const LIST_URL =
  /activitylist-service\/activities\/search\/activities|activity-search-service-[\d.]+\/json\/activities/;

export function watchGarminActivities(ctx: ContentScriptContext): void {
  let viewerId: string | null = null;
  const waiting: ObservedResponse[] = [];

  const forward = async (res: ObservedResponse) => {
    const reply = await sendToBackground({
      type: 'site/data',
      data: { kind: 'garmin-response', url: res.url, status: res.status, text: res.text, viewerId },
    });
    if (!reply?.ok) return;
    if (!reply.waiting) return;
    // The viewer may have become known while this was on its way: send it again now.
    if (viewerId !== null) void forward(res);
    else if (waiting.length < MAX_WAITING) waiting.push(res);
  };
  const learnViewer = (id: string) => {
    viewerId = id;
    for (const res of waiting.splice(0)) void forward(res);
  };

  ctx.addEventListener(window, 'message', (event: MessageEvent) => {
    if (!isBridgeMessage(event, RESPONSE_KIND)) return;
    const res = (event.data as { payload: ObservedResponse }).payload;
    if (res.status !== 200) {
      // Only a refusal that names its reason ends a catch-up; other errors leave it to time out.
      const stop = listStopOfStatus(res.status);
      if (LIST_URL.test(res.url) && stop !== 'http-error') void sendToBackground({ type: 'site/list-end', stop });
      return;
    }
    if (GARMIN_PROFILE_URL.test(res.url)) {
      // The first answer wins: a later one cannot switch whose activities are recorded. A profile
      // is a few kilobytes: the one response parsed here.
      const id = typeof res.text === 'string' ? readGarminViewer(responseBody(res.text)) : null;
      if (id !== null && viewerId === null) learnViewer(id);
      return;
    }
    void forward(res);
  });
}
