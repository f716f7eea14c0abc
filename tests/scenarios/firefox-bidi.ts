// What the Firefox driver needs of WebDriver BiDi beyond puppeteer-core's API: an intercept with
// no `contexts`, browser-wide, and the list of tabs. Puppeteer's page.setRequestInterception
// covers only the tab it is called on, so a tab the extension opens (tabs.create) would make its
// first request before the test could intercept it; an intercept made before any such tab exists
// has no race.
import type { Browser } from 'puppeteer-core';
import type { Answer } from './site-server';

/** What puppeteer-core's BiDi connection offers (Browser.connection, not in its public types). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
  on(event: 'network.beforeRequestSent', fn: (e: BeforeRequestSent) => void): unknown;
  off(event: 'network.beforeRequestSent', fn: (e: BeforeRequestSent) => void): unknown;
}

interface BeforeRequestSent {
  isBlocked: boolean;
  intercepts?: string[];
  request: {
    request: string;
    url: string;
    method: string;
    headers: { name: string; value: { type: string; value: string } }[];
  };
}

const bidiOf = (browser: Browser) => (browser as unknown as { connection: BidiConnection }).connection;

/**
 * Blocks every http(s) request of every tab and hands it to `answer`: its response is sent, or the
 * request fails when it returns undefined. Returns the function that lifts the intercept.
 */
export async function interceptRequests(browser: Browser, answer: Answer): Promise<() => Promise<void>> {
  const bidi = bidiOf(browser);
  // Puppeteer subscribes to network events when launched with them on; subscribing here too
  // keeps the intercept working whatever it was launched with (a request never answered hangs).
  const sub = await bidi.send('session.subscribe', { events: ['network.beforeRequestSent'] });
  const { result } = await bidi.send('network.addIntercept', {
    phases: ['beforeRequestSent'],
    urlPatterns: [
      { type: 'pattern', protocol: 'http' },
      { type: 'pattern', protocol: 'https' },
    ],
  });
  const intercept = result.intercept as string;
  const onRequest = (e: BeforeRequestSent) => {
    if (!e.isBlocked || !e.intercepts?.includes(intercept)) return;
    const { request, url, method } = e.request;
    const headers = Object.fromEntries(e.request.headers.map((h) => [h.name.toLowerCase(), h.value.value]));
    const res = answer(url, method, headers);
    const body = Buffer.from(res?.body ?? '', 'utf8');
    // The tab may be gone by now (closed by the extension), and its request with it.
    void (
      res
        ? bidi.send('network.provideResponse', {
            request,
            statusCode: res.status,
            headers: [
              { name: 'content-type', value: { type: 'string', value: res.contentType } },
              { name: 'content-length', value: { type: 'string', value: String(body.length) } },
            ],
            body: { type: 'base64', value: body.toString('base64') },
          })
        : bidi.send('network.failRequest', { request })
    ).catch(() => {});
  };
  bidi.on('network.beforeRequestSent', onRequest);
  return async () => {
    bidi.off('network.beforeRequestSent', onRequest);
    await bidi.send('network.removeIntercept', { intercept }).catch(() => {});
    const subscription = sub.result.subscription;
    if (subscription) await bidi.send('session.unsubscribe', { subscriptions: [subscription] }).catch(() => {});
  };
}

/** The URL of every tab, as the browser has it (puppeteer-core shows extension pages as about:blank). */
export async function tabUrls(browser: Browser): Promise<string[]> {
  const { result } = await bidiOf(browser).send('browsingContext.getTree', { maxDepth: 0 });
  return (result.contexts as { url: string }[]).map((c) => c.url);
}
