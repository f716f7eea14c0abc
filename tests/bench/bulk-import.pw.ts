// Issue #15's benchmark: N generated one-hour FIT runs (about 90 KB each) chosen at once in
// "Import activities" of the real extension in Chromium, the code path a runner uses (reading in
// the options page, batches to the background, IndexedDB, the throttled refresh). Prints files a
// second, peak memory and the popup's opening time during the import, for 300 and 3,000 files:
//   npm run bench:import            (BENCH_IMPORT_SIZES=300,3000 by default)
// Goal: 3,000 files (270 MB) stored in under 15 s with peak memory under 300 MB.
import { readFile, readdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { launchWithExtension } from '../e2e/extension-fixture';
import { storedKeys } from '../e2e/storage-probe';
import { writeRuns } from '../fit-runs';

const SIZES = (process.env.BENCH_IMPORT_SIZES ?? '300,3000').split(',').map(Number);
const MB = 1024 * 1024;

interface Sample {
  /** Proportional set size of all of this browser's processes (shared pages counted once). */
  pss: number;
  /** Resident memory of the extension's process (options page and background worker). */
  extensionRss: number;
}

/** The processes of the browser started with `userDataDir`, by their command lines. */
async function browserPids(userDataDir: string): Promise<{ pid: string; extension: boolean }[]> {
  const out: { pid: string; extension: boolean }[] = [];
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const cmd = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmd.includes(userDataDir)) out.push({ pid, extension: cmd.includes('--extension-process') });
  }
  return out;
}

async function sample(pids: { pid: string; extension: boolean }[]): Promise<Sample> {
  let pss = 0;
  let extensionRss = 0;
  for (const p of pids) {
    const text = await readFile(`/proc/${p.pid}/smaps_rollup`, 'utf8').catch(() => '');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
    pss += kb('Pss');
    if (p.extension) extensionRss = Math.max(extensionRss, kb('Rss'));
  }
  return { pss, extensionRss };
}

/** Milliseconds from opening the popup to its verdict on screen. */
async function popupOpenMs(context: BrowserContext, extensionId: string): Promise<number> {
  const page = await context.newPage();
  const t0 = performance.now();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.getByTestId('popup').waitFor({ timeout: 60_000 });
  const ms = performance.now() - t0;
  await page.close();
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

for (const n of SIZES) {
  test(`import ${n} one-hour FIT runs chosen at once`, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hip-check-bench-'));
    const { context, cleanUp, userDataDir } = await launchWithExtension();
    try {
      const g0 = performance.now();
      const { paths, bytes } = await writeRuns(dir, n);
      const generateS = (performance.now() - g0) / 1000;

      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const extensionId = new URL(worker.url()).host;
      const idlePopup: number[] = [];
      for (let i = 0; i < 3; i++) idlePopup.push(await popupOpenMs(context, extensionId));

      const options: Page = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      await options.getByLabel('Import activities').waitFor();
      const before = await sample(await browserPids(userDataDir));
      let peak = before;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          const s = await sample(await browserPids(userDataDir));
          peak = { pss: Math.max(peak.pss, s.pss), extensionRss: Math.max(peak.extensionRss, s.extensionRss) };
          await new Promise((r) => setTimeout(r, 100));
        }
      })();

      const t0 = performance.now();
      await options.getByLabel('Import activities').setInputFiles(paths);
      // The popup, opened while the import runs.
      await options
        .getByTestId('import-progress')
        .waitFor({ timeout: 60_000 })
        .catch(() => {});
      const busyPopup = await popupOpenMs(context, extensionId);
      // Waits for the page's own end mark, looking twice a second: Playwright's text assertions
      // poll the page's DOM and took over a second of its main thread during a 3,000-file import.
      await options.waitForFunction(() => performance.getEntriesByName('import').length > 0, undefined, {
        polling: 500,
        timeout: 5 * 60_000,
      });
      // The summary writes 3,000 as the browser's language does.
      await expect(options.getByTestId('import-summary')).toContainText(`${n.toLocaleString('en-US')} added`);
      const wallS = (performance.now() - t0) / 1000;
      sampling = false;
      await sampler;
      const pageS =
        (await options.evaluate(() => performance.getEntriesByName('import').at(-1)?.duration ?? NaN)) / 1000;
      const stored = (await storedKeys(worker)).length;
      expect(stored).toBe(n);

      const figures = {
        files: n,
        totalMB: round(bytes / MB),
        importS: round(pageS, 2),
        wallS: round(wallS, 2),
        filesPerS: Math.round(n / pageS),
        peakBrowserPssMB: round(peak.pss / MB),
        browserPssBeforeMB: round(before.pss / MB),
        peakExtensionProcessRssMB: round(peak.extensionRss / MB),
        extensionProcessRssBeforeMB: round(before.extensionRss / MB),
        popupIdleMs: Math.round(median(idlePopup)),
        popupDuringImportMs: Math.round(busyPopup),
        generateS: round(generateS),
        stored,
      };
      console.log(
        `[bench:import] ${n} files (${figures.totalMB} MB): ${figures.importS} s in the page ` +
          `(${figures.wallS} s from choosing), ${figures.filesPerS} files/s; peak memory: browser ` +
          `${figures.peakBrowserPssMB} MB PSS (${figures.browserPssBeforeMB} MB before), extension process ` +
          `${figures.peakExtensionProcessRssMB} MB RSS (${figures.extensionProcessRssBeforeMB} MB before); popup opens in ${figures.popupIdleMs} ms idle, ` +
          `${figures.popupDuringImportMs} ms during the import`,
      );
      console.log(JSON.stringify(figures));
    } finally {
      await cleanUp();
      await rm(dir, { recursive: true, force: true });
    }
  });
}
