// Issue #23's popup benchmark: the popup's own cost over a blank page of the same extension, with
// 200 and with 20,000 stored activities, and how much it moves while it loads.
//   npm run bench:popup
// Prints figures; passes or fails on nothing but the popup showing its verdict.
//
// Each round opens, in turn (interleaved, so a busy moment of a shared machine falls on all):
//   - a blank HTML page whose one module script writes one word, added to a copy of the built
//     extension for this benchmark only: what any extension page that runs a script pays to load
//     and paint, before doing anything of its own;
//   - the popup, with the background worker running;
//   - the popup again just after the browser stopped the worker (as it does after 30 s idle, so
//     this is how a runner usually opens it).
// Times are from each page's navigation start until its first real content was painted: the
// popup marks "popup-ready" (performance.mark) in an effect once its verdict is on screen (Preact runs effects
// after the next frame); the blank page stamps the same way (a frame, then a task). Pages are
// 360×600, the popup's window.
//
// Layout shift: the sum of every 'layout-shift' entry (buffered, so from the first paint on) until
// the popup is complete: every part it loads later is there and nothing changed for 300 ms.
import type { Page } from '@playwright/test';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { EXTENSION_DIR, extensionWorker, launchWithExtension } from '../e2e/extension-fixture';
import { runOn, seed, type SeedActivity } from '../e2e/seed';

const ROUNDS = Number(process.env.BENCH_POPUP_ROUNDS ?? 12);
const VIEWPORT = { width: 360, height: 600 };

const BLANK_SCRIPT_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hip Check</title>
<script type="module" src="/blank-script.js"></script></head>
<body><p id="app"></p></body></html>`;
const BLANK_SCRIPT_JS = `document.getElementById('app').textContent = 'Hip Check';
requestAnimationFrame(() => setTimeout(() => performance.mark('popup-ready')));`;

/** What the popup shows once complete, with the history seeded here (runs up to yesterday). */
const PARTS = [
  'verdict',
  'today-action',
  'day-strip',
  'last-run-read',
  'hip-care',
  'weekly-chart',
  'recent-activities',
].map((id) => `[data-testid="${id}"]`);
/** The check-in: its question, or its one line once answered. */
const CHECK_IN = '[data-testid="checkin"], [data-testid="checkin-line"]';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function readyMs(page: Page): Promise<number> {
  await page.waitForFunction(() => performance.getEntriesByName('popup-ready').length > 0);
  return page.evaluate(() => performance.getEntriesByName('popup-ready')[0]!.startTime);
}

interface Opening {
  ready: number;
  /** When the popup's script started (its first line), from navigation start. */
  script: number;
  /** From the script's first line: the state read, and the chunks above the fold loaded. */
  state: number;
  parts: number;
  /** From navigation start until the last part was there. */
  complete: number;
  shift: number;
  /** What moved: each shifted element's test id or class. */
  moved: string[];
}

/** Waits for the complete popup and sums its layout shifts since the first paint. */
function settle(page: Page): Promise<Omit<Opening, 'ready' | 'script' | 'state' | 'parts'>> {
  return page.evaluate(
    async ({ parts, checkIn }) => {
      interface Shift extends PerformanceEntry {
        value: number;
        hadRecentInput: boolean;
        sources?: { node?: Node | null }[];
      }
      const shifts: Shift[] = [];
      const observer = new PerformanceObserver((l) => shifts.push(...(l.getEntries() as Shift[])));
      observer.observe({ type: 'layout-shift', buffered: true });
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      const all = () => parts.every((s) => document.querySelector(s)) && document.querySelector(checkIn);
      while (!all()) await frame();
      let complete = performance.now();
      const mo = new MutationObserver(() => (complete = performance.now()));
      mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      while (performance.now() - complete < 300) await new Promise((r) => setTimeout(r, 50));
      mo.disconnect();
      await frame();
      shifts.push(...(observer.takeRecords() as Shift[]));
      observer.disconnect();
      const name = (n: Node | null | undefined) => {
        const e = n instanceof Element ? n : n?.parentElement;
        return e ? (e.getAttribute('data-testid') ?? (e.className || e.tagName.toLowerCase())) : '?';
      };
      const counted = shifts.filter((s) => !s.hadRecentInput);
      return {
        complete,
        shift: counted.reduce((t, s) => t + s.value, 0),
        moved: counted.flatMap((s) => (s.sources ?? []).map((x) => name(x.node))),
      };
    },
    { parts: PARTS, checkIn: CHECK_IN },
  );
}

interface Round {
  script: number;
  warm: Opening;
  cold: Opening;
  /** 'state/get' answered by a worker that was stopped: the popup's way when there is no copy. */
  wake: number;
  /** The cold popup woke the worker (it should never need to). */
  woke: boolean;
}

interface Worker {
  stop(): Promise<void>;
  running(): boolean;
  /** Wakes the worker with the popup's own question; how long the answer took. */
  ask(): Promise<number>;
}

/** One round in one browser: the blank page, the popup with its worker running, then stopped. */
async function round(open: (file: string) => Promise<Page>, worker: Worker): Promise<Round> {
  const blank = async () => {
    const p = await open('blank-script.html');
    const ms = await readyMs(p);
    await p.close();
    return ms;
  };
  const popup = async (): Promise<Opening> => {
    const p = await open('popup.html');
    await expect(p.getByTestId('verdict')).toBeVisible();
    const ready = await readyMs(p);
    const rest = await settle(p);
    const [script, state, parts] = await p.evaluate(() =>
      ['popup-script', 'popup-state', 'popup-parts'].map((m) => performance.getEntriesByName(m)[0]?.startTime ?? NaN),
    );
    await p.close();
    return { ready, script: script!, state: state! - script!, parts: parts! - script!, ...rest };
  };
  await worker.stop();
  const wake = await worker.ask();
  const script = await blank();
  const warm = await popup();
  await worker.stop();
  const cold = await popup();
  return { script, warm, cold, wake, woke: worker.running() };
}

interface Summary {
  script: number;
  warm: number;
  cold: number;
  completeCold: number;
  /** From the popup's script's first line to the verdict painted (worker stopped). */
  own: number;
  state: number;
  parts: number;
  wake: number;
  woke: number;
  shift: number;
  moved: string[];
}

function summary(rows: Round[]): Summary {
  const openings = rows.flatMap((r) => [r.warm, r.cold]);
  return {
    script: median(rows.map((r) => r.script)),
    warm: median(rows.map((r) => r.warm.ready - r.script)),
    cold: median(rows.map((r) => r.cold.ready - r.script)),
    completeCold: median(rows.map((r) => r.cold.complete - r.script)),
    own: median(rows.map((r) => r.cold.ready - r.cold.script)),
    state: median(rows.map((r) => r.cold.state)),
    parts: median(rows.map((r) => r.cold.parts)),
    wake: median(rows.map((r) => r.wake)),
    woke: rows.filter((r) => r.woke).length,
    shift: Math.max(...openings.map((o) => o.shift)),
    moved: [...new Set(openings.flatMap((o) => o.moved))],
  };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
function line(label: string, s: Summary): string {
  return (
    `  ${label}: over the blank page ${ms(s.cold)} (worker stopped), ${ms(s.warm)} (worker running); ` +
    `complete ${ms(s.completeCold)} over it; blank page itself ${ms(s.script)}; ` +
    `from the popup's script's first line ${ms(s.own)} (state read ${ms(s.state)}, parts loaded ${ms(s.parts)})\n` +
    `    'state/get' from a stopped worker (no copy) ${ms(s.wake)}; worker woken by the popup in ${s.woke} of ${ROUNDS}\n` +
    `    layout shift, largest of ${ROUNDS * 2} openings: ${s.shift.toFixed(4)}` +
    (s.moved.length ? ` (moved: ${s.moved.join(', ')})` : '')
  );
}

/** `n` runs, two a day (morning and evening, never merged), ending `fromDaysAgo` days ago. */
function runs(n: number, prefix: string, fromDaysAgo = 1): SeedActivity[] {
  return Array.from({ length: n }, (_, i) =>
    runOn(fromDaysAgo + Math.floor(i / 2), 5 + (i % 7), `${prefix}${i}`, i % 2 ? 18 : 7),
  );
}

/** Bytes of the background's copy of the popup state (what each opening reads). */
function copyBytes(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } };
    };
    return JSON.stringify((await chrome.storage.session.get('popupState')).popupState ?? null).length;
  });
}

/** A browser with its own copy of the extension (and the blank page), holding `n` activities. */
async function browserWith(activities: SeedActivity[]) {
  const dir = await mkdtemp(path.join(tmpdir(), 'hip-check-popup-bench-'));
  await cp(EXTENSION_DIR, dir, { recursive: true });
  await writeFile(path.join(dir, 'blank-script.html'), BLANK_SCRIPT_HTML);
  await writeFile(path.join(dir, 'blank-script.js'), BLANK_SCRIPT_JS);
  const { context, cleanUp } = await launchWithExtension({ extensionDir: dir });
  const extensionId = new URL((await extensionWorker(context)).url()).host;
  const open = async (file: string) => {
    const page = await context.newPage();
    await page.setViewportSize(VIEWPORT);
    await page.goto(`chrome-extension://${extensionId}/${file}`);
    return page;
  };
  const options = await open('options.html');
  await seed(options, activities);
  await options.reload();
  const n = activities.length.toLocaleString('en');
  await expect(options.getByTestId('activity-count')).toContainText(`${n} activities stored`, { timeout: 120_000 });
  await options.close();
  // The first-run tab the install opened.
  for (const p of context.pages()) if (p.url().endsWith('/welcome.html')) await p.close();
  // A page of the extension that stays open: the worker's controls, and the copy's size.
  const control = await open('blank-script.html');
  const cdp = await context.newCDPSession(control);
  const running = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) running.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  const worker: Worker = {
    stop: async () => {
      await cdp.send('ServiceWorker.stopAllWorkers');
      // Stopped, not stopping: nothing of the background may answer the next popup.
      await expect.poll(() => [...running.values()].every((s) => s === 'stopped'), { timeout: 5_000 }).toBe(true);
    },
    running: () => [...running.values()].some((s) => s !== 'stopped'),
    ask: () =>
      control.evaluate(async () => {
        const { chrome } = globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        };
        const t0 = performance.now();
        await chrome.runtime.sendMessage({ type: 'state/get' });
        return performance.now() - t0;
      }),
  };
  const bytes = await copyBytes(control);
  const close = async () => {
    await cleanUp();
    await rm(dir, { recursive: true, force: true });
  };
  return { open, worker, bytes, close };
}

test('popup: cost over a blank extension page with 200 and 20,000 activities, and layout shift (prints)', async () => {
  test.setTimeout(1_200_000);
  // Two browsers side by side, one with 200 activities and one with 20,000 (19,800 more, two a
  // day, older than the same 200: back to about 1999); their openings alternate, so a busy moment
  // of the machine falls on both.
  const small = await browserWith(runs(200, 'a'));
  const large = await browserWith([...runs(200, 'a'), ...runs(19_800, 'b', 101)]);
  const smallRows: Round[] = [];
  const largeRows: Round[] = [];
  // One round to warm up (the first opening compiles the popup's script), not counted.
  for (let i = 0; i <= ROUNDS; i++) {
    const a = await round(small.open, small.worker);
    const b = await round(large.open, large.worker);
    if (i > 0) {
      smallRows.push(a);
      largeRows.push(b);
    }
  }
  await small.close();
  await large.close();
  const s200 = summary(smallRows);
  const s20k = summary(largeRows);
  const ratio = (f: (s: Summary) => number) => (f(s20k) / f(s200)).toFixed(2);
  console.log(
    `popup, median of ${ROUNDS} rounds interleaved between the two browsers, 360×600, ms from navigation start ` +
      `to the verdict painted, over the blank extension page's own:\n` +
      `${line('200 activities', s200)}\n${line('20,000 activities', s20k)}\n` +
      `  20,000 / 200: ${ratio((s) => s.cold)} (worker stopped), ${ratio((s) => s.warm)} (worker running), ` +
      `${ratio((s) => s.own)} (from the popup's script)\n` +
      `  the background's copy of the state: ${small.bytes} bytes with 200, ${large.bytes} with 20,000`,
  );
});
