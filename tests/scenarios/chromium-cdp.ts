// What the Chromium driver needs of the DevTools protocol at the browser level: the Fetch domain on
// the browser's own session, and the list of tabs. Playwright's context.route is set up in a tab
// only once Playwright has attached to it; a tab the extension opens (tabs.create) has by then
// sent its first request to the network. Fetch enabled on the browser session pauses every tab's
// requests, that first one too.
import type { BrowserContext, CDPSession } from '@playwright/test';
import type { Answer } from './site-server';

interface RequestPaused {
  requestId: string;
  request: { url: string; method: string; headers: Record<string, string> };
}

/** The browser's own CDP session (a persistent context still has its Browser). */
export function browserSession(context: BrowserContext): Promise<CDPSession> {
  const browser = context.browser();
  if (!browser) throw new Error('no Browser behind this context');
  return browser.newBrowserCDPSession();
}

/**
 * Pauses every http(s) request of every tab and hands it to `answer`: its response is sent, or
 * the request fails when it returns undefined. Requests of the extension's service worker are not
 * seen.
 */
export async function interceptRequests(cdp: CDPSession, answer: Answer): Promise<void> {
  cdp.on('Fetch.requestPaused', (e: RequestPaused) => {
    const headers = Object.fromEntries(Object.entries(e.request.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const res = answer(e.request.url, e.request.method, headers);
    const body = Buffer.from(res?.body ?? '', 'utf8');
    // The tab may be gone by now (closed by the extension), and its request with it.
    void (
      res
        ? cdp.send('Fetch.fulfillRequest', {
            requestId: e.requestId,
            responseCode: res.status,
            responseHeaders: [
              { name: 'content-type', value: res.contentType },
              { name: 'content-length', value: String(body.length) },
            ],
            body: body.toString('base64'),
          })
        : cdp.send('Fetch.failRequest', { requestId: e.requestId, errorReason: 'BlockedByClient' })
    ).catch(() => {});
  });
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: 'http://*' }, { urlPattern: 'https://*' }] });
}

/** The URL of every tab, as the browser has it (also tabs Playwright has not attached to yet). */
export async function tabUrls(cdp: CDPSession): Promise<string[]> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  return targetInfos.filter((t) => t.type === 'page').map((t) => t.url);
}
