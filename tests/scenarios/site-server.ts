import type { LoggedRequest, SiteHandler, SiteResponse } from './driver';

/** What a driver asks of the scenario for each request its browser intercepted: a response, or undefined to refuse it. */
export type Answer = (
  url: string,
  method: string,
  headers: Record<string, string>,
) => Required<SiteResponse> | undefined;

/** The two sites Hip Check reads; a scenario's handlers answer for them, any other host is refused. */
export const SITES = /^https:\/\/(www\.strava\.com|connect\.garmin\.com)\//;

const NO_ICON = { status: 404, contentType: 'text/plain', body: '' };

/**
 * A scenario's site handlers and the log of every request they were asked about: each driver
 * hands the requests its browser intercepts to `answer`, so both answer and log alike.
 */
export function siteServer() {
  const handlers: SiteHandler[] = [];
  const log: LoggedRequest[] = [];
  // The response to send, or undefined: refuse the request (a host other than the two sites).
  const answer: Answer = (url, method, headers) => {
    const at = Date.now();
    // The browser's own favicon requests: neither a page nor Hip Check made them.
    if (SITES.test(url) && new URL(url).pathname === '/favicon.ico') return NO_ICON;
    if (!SITES.test(url)) return void log.push({ url, method, at, answer: 'refused' });
    const req = { url: new URL(url), method, headers };
    // The latest handler first: a scenario overrides what it served before.
    let res: SiteResponse | undefined;
    try {
      for (let i = handlers.length - 1; i >= 0 && !res; i--) res = handlers[i]!(req);
    } catch (e) {
      // Answered, so the tab does not hang, and visibly wrong.
      res = { status: 500, contentType: 'text/plain', body: `handler failed: ${String(e)}` };
    }
    const out = res
      ? { status: res.status ?? 200, contentType: res.contentType ?? 'text/html', body: res.body }
      : { status: 404, contentType: 'text/plain', body: 'not served by this scenario' };
    log.push({ url, method, at, answer: out.status });
    return out;
  };
  return {
    serve: (h: SiteHandler) => void handlers.push(h),
    requestLog: (): LoggedRequest[] => log.map((r) => ({ ...r })),
    answer,
  };
}
