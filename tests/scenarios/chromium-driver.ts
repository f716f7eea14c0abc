import type { Locator, Page } from '@playwright/test';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extensionWorker, launchWithExtension } from '../e2e/extension-fixture';
import { collectHipCheckLog } from '../e2e/page-log';
import { until, type ChosenFile, type Driver, type DriverPage } from './driver';
import { browserSession, interceptRequests, tabUrls } from './chromium-cdp';
import { SITES, siteServer } from './site-server';

function wrap(page: Page): DriverPage {
  const hipCheckLog = collectHipCheckLog(page);
  const first = (selector: string): Locator => page.locator(selector.replaceAll('>>>', ' ')).first();
  return {
    url: async () => page.url(),
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    click: (s) => first(s).click(),
    press: (key) => page.keyboard.press(key),
    focused: () =>
      page.evaluate(() => {
        const e = document.activeElement;
        if (!e || e === document.body) return null;
        return e.getAttribute('data-testid') ?? e.tagName.toLowerCase();
      }),
    fill: async (s, v) => {
      await first(s).fill(v);
      await first(s).blur();
    },
    select: async (s, v) => void (await first(s).selectOption(v)),
    text: async (s) => ((await first(s).count()) ? first(s).textContent() : null),
    attribute: async (s, n) => ((await first(s).count()) ? first(s).getAttribute(n) : null),
    value: async (s) => ((await first(s).count()) ? first(s).inputValue() : null),
    count: (s) => page.locator(s.replaceAll('>>>', ' ')).count(),
    setFiles: async (s, files: ChosenFile[]) => {
      // Paths, not bytes: from bytes Playwright builds the files in the page and fires untrusted
      // events, which Hip Check rightly ignores; from paths Chromium fires the runner's own.
      const paths: string[] = [];
      for (const f of files) {
        if (typeof f === 'string') paths.push(f);
        else {
          const dir = await mkdtemp(path.join(tmpdir(), 'hip-check-file-'));
          await writeFile(path.join(dir, f.name), f.buffer);
          paths.push(path.join(dir, f.name));
        }
      }
      await first(s).setInputFiles(paths);
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    screenshot: async (file, size) => {
      if (size) await page.setViewportSize(size);
      await page.screenshot({ path: file });
    },
    close: () => page.close(),
    hipCheckLog,
  };
}

/** Debian's Chromium with the built extension in a fresh profile (one per scenario). */
export async function chromiumDriver(): Promise<{ driver: Driver; cleanUp: () => Promise<void> }> {
  const { context, cleanUp } = await launchWithExtension();
  const sites = siteServer();
  // Browser-wide, unlike context.route: also a tab the extension opens is served from its first
  // request. It refuses other hosts too, so launchWithExtension's route goes, and each refusal is logged.
  const cdp = await browserSession(context);
  await interceptRequests(cdp, sites.answer);
  await context.unrouteAll();
  let worker = await extensionWorker(context);
  const id = new URL(worker.url()).host;
  // A stopped worker comes back as a new one on the next event.
  context.on('serviceworker', (w) => (worker = w));
  const driver: Driver = {
    engine: 'chromium',
    serve: sites.serve,
    requestLog: sites.requestLog,
    siteTabs: async () => (await tabUrls(cdp)).filter((u) => SITES.test(u)),
    openPage: async (url) => {
      const page = await context.newPage();
      const wrapped = wrap(page);
      await page.goto(url);
      return wrapped;
    },
    openExtensionPage: async (file) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/${file}`);
      return wrap(page);
    },
    inExtension: async (fn, arg) => {
      if (!context.serviceWorkers().includes(worker)) worker = await extensionWorker(context);
      return worker.evaluate(fn as never, arg) as never;
    },
    unloadBackground: async () => {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      const running = async () =>
        ((await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] }).targetInfos.some(
          (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${id}/`),
        );
      if (!(await running())) throw new Error("Hip Check's service worker is not running");
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await until('the service worker to stop', async () => !(await running()));
      await cdp.detach();
    },
  };
  return { driver, cleanUp };
}
