import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { daysAgo, earlierToday, localDateAt, startOn, wallClockSeconds } from './fixture-dates';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium with the built extension (or a copy of it), headless, in a fresh profile. Nothing may leave the
 * machine: any request not answered by a test's route fails loudly.
 */
export async function launchWithExtension(
  options: { locale?: string; env?: Record<string, string>; args?: string[]; extensionDir?: string } = {},
) {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'hip-check-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.args ?? []),
    ],
  });
  await context.route(/^https?:\/\/(?!www\.strava\.com|connect\.garmin\.com)/, (r) => r.abort('blockedbyclient'));
  const cleanUp = async () => {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  };
  return { context, cleanUp, userDataDir };
}

/**
 * Waits (at most 10 s) for the first-run tab the background opens on install. Opened after the
 * page under test, it takes the foreground from it, and Chrome then cancels a folder being chosen
 * in that page (the input gets "cancel" and no files; Playwright's setInputFiles waits forever).
 */
async function welcomeTabOpened(context: BrowserContext, extensionId: string): Promise<void> {
  if (welcomed.has(context)) return;
  const url = `chrome-extension://${extensionId}/welcome.html`;
  const deadline = Date.now() + 10_000;
  while (!context.pages().some((p) => p.url() === url) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  welcomed.add(context);
}
const welcomed = new WeakSet<BrowserContext>();

/** The extension's service worker: it may have started before we looked, or start later on a busy machine. */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const deadline = Date.now() + 30_000;
  let worker = context.serviceWorkers()[0];
  while (!worker && Date.now() < deadline) {
    worker = await context.waitForEvent('serviceworker', { timeout: 500 }).catch(() => context.serviceWorkers()[0]);
  }
  if (!worker) throw new Error("Hip Check's service worker did not start within 30 s");
  return worker;
}

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Opens one of the extension's pages (popup.html, options.html) in a tab. */
  openExtensionPage: (file: string) => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context, cleanUp } = await launchWithExtension();
    await use(context);
    await cleanUp();
  },
  worker: async ({ context }, use) => {
    await use(await extensionWorker(context));
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (file) => {
      await welcomeTabOpened(context, extensionId);
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    });
  },
});

export const expect = test.expect;

/** Fills {{KEY}} placeholders of a fixture page. */
export async function fixturePage(rel: string, values: Record<string, string | number>): Promise<string> {
  let html = await readFile(path.join(ROOT, 'tests/fixtures', rel), 'utf8');
  for (const [k, v] of Object.entries(values)) html = html.replaceAll(`{{${k}}}`, String(v));
  return html;
}

/** Today's date in this machine's zone (the browser's), as YYYY-MM-DD. */
export function localToday(): string {
  return daysAgo(0);
}

/**
 * The Strava activity page fixture for a run earlier today (see earlierToday) by the signed-in
 * athlete 42, 8.05 km; `startMs` sets another start.
 */
export function stravaActivityPage(
  id: number,
  over: Record<string, string | number> = {},
  startMs = earlierToday(),
): Promise<string> {
  return fixturePage('strava/activity-page.html', {
    ACTIVITY_ID: id,
    VIEWER_ID: 42,
    OWNER_ID: 42,
    NAME: 'Hip Check fixture run',
    SPORT_TYPE: 'Run',
    DISTANCE_M: 8046.7,
    MOVING_S: 2400,
    ELAPSED_S: 2460,
    // Strava's startDateLocal: the local wall clock written as if it were UTC, in seconds.
    START_LOCAL_S: wallClockSeconds(startMs),
    DATE_TEXT: localDateAt(startMs),
    KM: '8.05',
    ...over,
  });
}

/**
 * A list page shaped like Strava's (see the corpus): runs at 07:00 local on consecutive days going
 * back from `firstDaysAgo` (today's earlier today, before 07:00).
 */
export function stravaListPage(page: number, perPage: number, total: number, firstDaysAgo: number) {
  const models = Array.from({ length: perPage }, (_, i) => {
    const d = new Date(startOn(firstDaysAgo + i, 7).startMs);
    const id = 9_000_000_000 + page * 100 + i;
    return {
      id,
      name: `Run ${id}`,
      type: 'Run',
      sport_type: 'Run',
      display_type: 'Run',
      private: false,
      start_date: d.toLocaleDateString('en-US'),
      start_date_local_raw: wallClockSeconds(d.getTime()),
      start_time: d.toISOString().replace('.000Z', '+0000'),
      distance: '8.0',
      distance_raw: 8000,
      moving_time: '40:00',
      moving_time_raw: 2400,
      elapsed_time: '41:00',
      elapsed_time_raw: 2460,
      activity_url: `https://www.strava.com/activities/${id}`,
    };
  });
  return { models, page, perPage, total };
}
