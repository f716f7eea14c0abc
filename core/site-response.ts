// A response the page's own request received (Garmin's activity JSON, Strava's list) travels as
// its text: a string crosses from the page's world to the content script and on to the
// background as one copy, where a parsed object is rebuilt field by field at each step on the
// page's own thread. The background parses it, here.

/**
 * Longer texts are not read: the page's world does not pass them on, the background refuses them
 * (request_site_data_too_large). Activity lists are tens of kilobytes.
 */
export const MAX_RESPONSE_CHARS = 5_000_000;

/** What a response's text is to the site readers: its JSON, or its start when it is not JSON. */
export function responseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text.slice(0, 2000); // not JSON (a login page?): the reader says what it is
  }
}
