import { BRIDGE_TAG } from './page-bridge';
import { MAX_RESPONSE_CHARS } from '../core/site-response';

// Runs in a page's own JavaScript world. Sites load the runner's activities with their own
// fetch/XHR calls; rather than making requests of our own (which sites rate-limit, and Garmin's
// Cloudflare refuses from an extension), we look at the answers the page already asked for.
// The page's requests are never delayed or altered: responses are cloned and read afterwards,
// and any error here is swallowed so the site keeps working. The text is passed on unparsed:
// the background parses it, off the page's thread (core/site-response.ts).

export const RESPONSE_KIND = 'page-response';

export interface ObservedResponse {
  url: string;
  status: number;
  text: string;
}

function post(url: string, status: number, text: string): void {
  if (text.length > MAX_RESPONSE_CHARS) return;
  const payload: ObservedResponse = { url, status, text };
  window.postMessage({ tag: BRIDGE_TAG, kind: RESPONSE_KIND, payload }, window.location.origin);
}

export function observeResponses(wanted: RegExp): void {
  const absolute = (u: string) => {
    try {
      return new URL(u, window.location.href).href;
    } catch {
      return '';
    }
  };

  const origFetch = window.fetch;
  if (typeof origFetch === 'function') {
    window.fetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
      const p = origFetch.apply(this, args);
      try {
        const input = args[0];
        const url = absolute(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
        if (wanted.test(url)) {
          p.then((res) =>
            res
              .clone()
              .text()
              .then((text) => post(url, res.status, text)),
          ).catch(() => {});
        }
      } catch {
        // never break the page
      }
      return p;
    };
  }

  const origOpen = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    try {
      const url = absolute(String(args[1]));
      if (wanted.test(url)) {
        this.addEventListener('load', () => {
          try {
            const text =
              this.responseType === '' || this.responseType === 'text'
                ? this.responseText
                : this.responseType === 'json'
                  ? JSON.stringify(this.response)
                  : '';
            if (text) post(url, this.status, text);
          } catch {
            // never break the page
          }
        });
      }
    } catch {
      // never break the page
    }
    return (origOpen as (...a: unknown[]) => void).apply(this, args);
  };
}
