import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../e2e/extension-fixture';
import { collectHipCheckLog } from '../e2e/page-log';
import { until, type ChosenFile, type Driver, type DriverPage } from './driver';
import { interceptRequests, tabUrls } from './firefox-bidi';
import { SITES, siteServer } from './site-server';

export const FIREFOX_EXTENSION_DIR = path.join(ROOT, '.output/firefox-mv3');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const IDLE_MS = 3000;

/** One firefox-esr for every scenario: it is slow to start on a loaded machine. */
export function launchFirefox(): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocolTimeout: 120_000,
    // The event page is unloaded after 3 s idle instead of 30 s, so every scenario also proves
    // that nothing depends on the background staying alive.
    extraPrefsFirefox: {
      'extensions.background.idle.timeout': IDLE_MS,
      // A headless browser cannot show the permission doorhanger: optional permissions are
      // granted on request, as a runner clicking "Allow" would.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
}

// The driver reports extension tabs as about:blank, so each page is asked where it is.
const where = (p: Page) => p.evaluate(() => location.href).catch(() => '');

function wrap(page: Page, tmp: string): DriverPage {
  const hipCheckLog = collectHipCheckLog(page);
  const el = async (s: string): Promise<ElementHandle> => {
    const h = await page.waitForSelector(s, { timeout: 10_000 });
    if (!h) throw new Error(`no element ${s}`);
    return h;
  };
  const maybe = (s: string) => page.$(s);
  return {
    url: () => where(page),
    goto: async (url) => void (await page.goto(url)),
    // page.reload() waits for a load event Firefox doesn't report for extension pages.
    reload: async () => {
      await page.evaluate(() => {
        (window as unknown as { stale?: boolean }).stale = true;
        location.reload();
      });
      await until('the page to reload', () =>
        page
          .evaluate(() => !(window as unknown as { stale?: boolean }).stale && document.readyState === 'complete')
          .catch(() => false),
      );
    },
    click: async (s) => (await el(s)).click(),
    press: async (key) => {
      // "Shift+Tab" as Playwright spells it: the modifiers held down around the key.
      const keys = key.split('+');
      const last = keys.pop()!;
      for (const k of keys) await page.keyboard.down(k as never);
      await page.keyboard.press(last as never);
      for (const k of keys.reverse()) await page.keyboard.up(k as never);
    },
    focused: () =>
      page.evaluate(() => {
        const e = document.activeElement;
        if (!e || e === document.body) return null;
        return e.getAttribute('data-testid') ?? e.tagName.toLowerCase();
      }),
    fill: async (s, v) => {
      const h = await el(s);
      await h.evaluate((e) => (e as HTMLInputElement).select());
      await h.type(v);
      await h.evaluate((e) => (e as HTMLElement).blur());
    },
    select: async (s, v) => {
      await el(s);
      await page.select(s, v);
    },
    text: async (s) => (await maybe(s))?.evaluate((e) => e.textContent) ?? null,
    attribute: async (s, n) => (await maybe(s))?.evaluate((e, n) => e.getAttribute(n), n) ?? null,
    value: async (s) => (await maybe(s))?.evaluate((e) => (e as HTMLInputElement).value) ?? null,
    count: async (s) => (await page.$$(s)).length,
    setFiles: async (s, files: ChosenFile[]) => {
      // uploadFile takes paths only: bytes are written to files of the wanted name first.
      const paths: string[] = [];
      for (const f of files) {
        if (typeof f === 'string') paths.push(f);
        else {
          const dir = await mkdtemp(path.join(tmp, 'f-'));
          await writeFile(path.join(dir, f.name), f.buffer);
          paths.push(path.join(dir, f.name));
        }
      }
      await ((await el(s)) as ElementHandle<HTMLInputElement>).uploadFile(...paths);
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg),
    screenshot: async (file, size) => {
      if (size) await page.setViewport(size);
      await page.screenshot({ path: file });
    },
    close: () => page.close(),
    hipCheckLog,
  };
}

/**
 * Installs the Firefox build afresh in an already running firefox-esr (a new install gets a new
 * internal UUID, so nothing stored survives from the scenario before). The driver may not open
 * moz-extension:// pages itself: the tab Hip Check opens on install is the way in, and the
 * extension pages a scenario asks for are opened from it with tabs.create.
 */
export async function firefoxDriver(browser: Browser): Promise<{ driver: Driver; cleanUp: () => Promise<void> }> {
  // Before the install: no request of this scenario, however early, escapes the intercept.
  const sites = siteServer();
  const stopIntercepting = await interceptRequests(browser, sites.answer);
  const tmp = await mkdtemp(path.join(tmpdir(), 'hip-check-ff-'));
  const before = new Set(await browser.pages());
  const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  const known = new Set<Page>();
  // A minute: on a busy machine (a 2-core CI runner with both browsers up) a new tab has taken
  // over 20 s to be listed.
  const find = (what: string, test: (href: string) => boolean) =>
    until(
      `Firefox to open ${what}`,
      async () => {
        for (const p of await browser.pages()) if (!before.has(p) && !known.has(p) && test(await where(p))) return p;
        return undefined;
      },
      60_000,
    );
  // The page Hip Check opens on install (its welcome page) stays open as the way in.
  const home = await find('the page shown on install', (href) => href.startsWith('moz-extension://'));
  known.add(home);

  const driver: Driver = {
    engine: 'firefox',
    serve: sites.serve,
    requestLog: sites.requestLog,
    siteTabs: async () => (await tabUrls(browser)).filter((u) => SITES.test(u)),
    openPage: async (url) => {
      const page = await browser.newPage();
      known.add(page);
      const wrapped = wrap(page, tmp);
      await page.goto(url);
      return wrapped;
    },
    openExtensionPage: async (file) => {
      await home.evaluate(
        (f) =>
          void (
            globalThis as unknown as { chrome: { tabs: { create(o: object): Promise<unknown> } } }
          ).chrome.tabs.create({
            url: `/${f}`,
          }),
        file,
      );
      const page = await find(file, (href) => href.endsWith(`/${file}`));
      known.add(page);
      return wrap(page, tmp);
    },
    inExtension: (fn, arg) => home.evaluate(fn as never, arg),
    // No driver command ends an event page: wait past the idle timeout with nothing going on.
    unloadBackground: () => new Promise((r) => setTimeout(r, IDLE_MS * 2 + 1000)),
  };
  const cleanUp = async () => {
    for (const p of await browser.pages()) if (!before.has(p)) await p.close().catch(() => {});
    await browser.uninstallExtension(id).catch(() => {});
    await stopIntercepting();
    await rm(tmp, { recursive: true, force: true });
  };
  return { driver, cleanUp };
}
