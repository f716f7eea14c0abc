// One small driver interface, two implementations (Chromium through Playwright, firefox-esr
// through puppeteer-core over WebDriver BiDi), so one list of scenarios runs in both browsers.

export type Engine = 'chromium' | 'firefox';

/** A request a page (or its content scripts) made to one of the two sites. */
export interface SiteRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
}

export interface SiteResponse {
  status?: number;
  contentType?: string;
  body: string;
}

/** Answers a request at a real https URL, or returns undefined to let an earlier handler answer. */
export type SiteHandler = (req: SiteRequest) => SiteResponse | undefined;

/**
 * One "[Hip Check] …" line a content script logged on a page: its message and the values logged
 * with it. The background's answer to each page message is logged ("[Hip Check] answer:", what was
 * sent, the answer), so a test can wait until a page was read before it asserts that nothing was stored.
 */
export interface HipCheckLine {
  message: string;
  values: unknown[];
}

/**
 * One http(s) request made in a tab, as the driver answered it: tabs the test opened, tabs the
 * extension opened (tabs.create) and the extension's own pages alike, first (document) request
 * included. Not seen, nor intercepted: requests the extension's background makes itself (at least
 * those of Chromium's service worker).
 */
export interface LoggedRequest {
  url: string;
  method: string;
  /** When the driver saw the request: Date.now() in the test's process. */
  at: number;
  /** The status the scenario's handlers answered (404 when none did), or 'refused': any other host. */
  answer: number | 'refused';
}

/** A file to choose in a file input: a path on disk, or a name and its bytes. */
export type ChosenFile = string | { name: string; mimeType: string; buffer: Buffer };

/**
 * CSS selectors; `a >>> b` finds `b` inside the (open) shadow root of `a`. Both drivers act on the
 * first match and wait up to 10 s for it to appear.
 */
export interface DriverPage {
  url(): Promise<string>;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  click(selector: string): Promise<void>;
  /** Presses a key ("Enter", "Tab", "Escape", "Shift+Tab") where focus is, as the keyboard would. */
  press(key: string): Promise<void>;
  /** The data-testid (or tag name) of the focused element, null when focus is on the page itself. */
  focused(): Promise<string | null>;
  /** Types the value as a person would, then leaves the field (which fires `change`). */
  fill(selector: string, value: string): Promise<void>;
  select(selector: string, value: string): Promise<void>;
  /** The element's textContent (hidden parts included), or null when there is no such element. */
  text(selector: string): Promise<string | null>;
  attribute(selector: string, name: string): Promise<string | null>;
  value(selector: string): Promise<string | null>;
  count(selector: string): Promise<number>;
  setFiles(selector: string, files: ChosenFile[]): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  screenshot(path: string, size?: { width: number; height: number }): Promise<void>;
  close(): Promise<void>;
  /** What Hip Check's content scripts logged on this page since it was opened, reloads included. */
  hipCheckLog(): Promise<HipCheckLine[]>;
}

export interface Driver {
  engine: Engine;
  /**
   * Serves www.strava.com and connect.garmin.com from the test, in every tab (also those the
   * extension opens itself, from their first request on); every other request is refused.
   */
  serve(handler: SiteHandler): void;
  /**
   * Every request to the two sites or any other host since the scenario began, oldest first; not
   * the browser's own /favicon.ico requests (answered 404), which neither a page nor Hip Check makes.
   */
  requestLog(): LoggedRequest[];
  /**
   * The URLs of the open tabs showing a www.strava.com or connect.garmin.com page, however they
   * were opened (driver or extension), so a test can assert that no such tab is left open.
   */
  siteTabs(): Promise<string[]>;
  openPage(url: string): Promise<DriverPage>;
  /** Opens one of Hip Check's own pages (options.html, popup.html) in a tab. */
  openExtensionPage(file: string): Promise<DriverPage>;
  /** Runs code where the extension's APIs and its IndexedDB are reachable (Chromium: the service worker; Firefox: an extension tab). */
  inExtension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * Lets the background go the way the browser ends it when idle: Chromium's service worker is
   * stopped; Firefox's event page is left idle past its (shortened) idle timeout.
   */
  unloadBackground(): Promise<void>;
}

/** Polls until `fn` returns something truthy, or fails with its last value. */
export async function until<T>(
  what: string,
  fn: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 20_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      last = await fn();
      if (last) return last as T;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last: ${String(last)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
