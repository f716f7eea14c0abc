import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isBridgeMessage } from './page-bridge';
import { RESPONSE_KIND, type ObservedResponse } from './page-response-observer';
import { sendToBackground } from './send-to-background';

// Garmin Connect (https://connect.garmin.com/app/activities, /app/activity/{id}; /modern/* until
// Feb 2026). A single-page app: in-app navigation loads JSON without reloading the page, so we
// pass on the activity JSON its own requests return (garmin-requests.content.ts), whatever the
// URL shows. Only the signed-in athlete's own activities may be recorded: the viewer's profile id
// comes from the page's own profile request or, via the background, from the activity list; a
// single activity seen before we know who is signed in waits for it.

const PROFILE_URL = /\/userprofile-service\/socialProfile\/?(\?|$)/;

export function watchGarminActivities(ctx: ContentScriptContext): void {
  let viewerId: string | null = null;
  const waiting: ObservedResponse[] = [];

  const forward = async (res: ObservedResponse) => {
    const reply = await sendToBackground({
      type: 'site/data',
      data: { kind: 'garmin-response', url: res.url, status: res.status, body: res.body, viewerId },
    });
    if (!reply?.ok) return;
    if (reply.waiting) waiting.push(res);
    if (reply.viewerId && viewerId === null) learnViewer(reply.viewerId);
  };
  const learnViewer = (id: string) => {
    viewerId = id;
    for (const res of waiting.splice(0)) void forward(res);
  };

  ctx.addEventListener(window, 'message', (event: MessageEvent) => {
    if (!isBridgeMessage(event, RESPONSE_KIND)) return;
    const res = (event.data as { payload: ObservedResponse }).payload;
    if (res.status !== 200) return;
    if (PROFILE_URL.test(res.url)) {
      const id = (res.body as { profileId?: unknown } | null)?.profileId;
      if ((typeof id === 'number' && Number.isInteger(id)) || (typeof id === 'string' && /^\d+$/.test(id)))
        learnViewer(String(id));
      return;
    }
    void forward(res);
  });
}
