import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BACKFILL, backfillStop, backfillStopReason } from '../core/sites/strava/strava-backfill';
import { listStopOfStatus, type ListStop } from '../core/catch-up';
import { isBridgeMessage } from './page-bridge';
import { RESPONSE_KIND, type ObservedResponse } from './page-response-observer';
import { sendToBackground } from './send-to-background';
import type { AnswerOf, RequestOf } from '../core/protocol';

// https://www.strava.com/athlete/training ("My Activities"). The page loads its list from
// /athlete/training_activities; we pass each list it loads to the background, which reads and
// stores it and answers with the next page to fetch while the last 42 days are not yet known
// (core/sites/strava/strava-backfill.ts). We fetch those pages as the page itself would, at most one
// every 2 seconds and 10 a visit, and stop at once on HTTP 429 or a login page.

export interface BackfillDeps {
  fetchPage(url: string): Promise<{ status: number; url: string; contentType: string; text: string }>;
  send(req: RequestOf<'site/data'>): Promise<AnswerOf<'site/data'> | undefined>;
  sleep(ms: number): Promise<void>;
  /** Tells the background how the list ended (a catch-up tab is closed on it). */
  ended(stop: ListStop): void;
}

// The list's text: the background parses it (core/site-response.ts).
const listData = (url: string, status: number, text: string) =>
  ({ type: 'site/data', data: { kind: 'strava-training-list', url, status, text, viewerId: null } }) as const;

export async function backfill(
  deps: BackfillDeps,
  first: ObservedResponse,
): Promise<{ fetched: number; stoppedBy: string }> {
  const r = await readList(deps, first);
  deps.ended(r.stop);
  return { fetched: r.fetched, stoppedBy: r.stoppedBy };
}

async function readList(
  deps: BackfillDeps,
  first: ObservedResponse,
): Promise<{ fetched: number; stoppedBy: string; stop: ListStop }> {
  let reply = await deps.send(listData(first.url, first.status, first.text));
  let fetched = 0;
  while (reply?.ok && reply.nextUrl) {
    if (fetched >= BACKFILL.maxPagesPerVisit) return { fetched, stoppedBy: 'page limit', stop: 'page-limit' };
    await deps.sleep(BACKFILL.minIntervalMs);
    const url = new URL(reply.nextUrl, location.href).href;
    let res;
    try {
      res = await deps.fetchPage(url);
    } catch {
      return { fetched, stoppedBy: 'network error', stop: 'network-error' };
    }
    fetched++;
    const stop = backfillStop(res.status, res.url, res.contentType);
    if (stop) return { fetched, stoppedBy: backfillStopReason(res.status, res.url, res.contentType) ?? stop, stop };
    reply = await deps.send(listData(url, res.status, res.text));
  }
  return reply?.ok
    ? { fetched, stoppedBy: 'caught up', stop: 'caught-up' }
    : { fetched, stoppedBy: 'not stored', stop: 'not-stored' };
}

function pageFetch(): typeof fetch {
  // Firefox runs content-script fetch as the extension; content.fetch makes it as the page would.
  const content = (globalThis as { content?: { fetch?: typeof fetch } }).content;
  return content?.fetch ? content.fetch.bind(content) : fetch.bind(globalThis);
}

export function watchStravaTraining(ctx: ContentScriptContext): void {
  let started = false;
  const deps: BackfillDeps = {
    fetchPage: async (url) => {
      const res = await pageFetch()(url, {
        credentials: 'same-origin',
        headers: { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' },
      });
      return {
        status: res.status,
        url: res.url || url,
        contentType: res.headers.get('content-type') ?? '',
        text: await res.text(),
      };
    },
    send: sendToBackground,
    sleep: (ms) => new Promise((r) => ctx.setTimeout(r, ms)),
    ended: (stop) => void sendToBackground({ type: 'site/list-end', stop }),
  };
  ctx.addEventListener(window, 'message', (event: MessageEvent) => {
    if (!isBridgeMessage(event, RESPONSE_KIND)) return;
    const res = (event.data as { payload: ObservedResponse }).payload;
    if (!res.url.includes('/athlete/training_activities')) return;
    if (res.status !== 200) {
      // The page's own first request refused (rate limit, signed out): the list ends here.
      if (!started) deps.ended(listStopOfStatus(res.status));
      started = true;
      return;
    }
    if (started) {
      // The runner paging through the list: record it, but backfill once a visit.
      void deps.send(listData(res.url, res.status, res.text));
      return;
    }
    started = true;
    void backfill(deps, res).then((r) => console.debug('[Hip Check] Strava backfill:', r));
  });
}
