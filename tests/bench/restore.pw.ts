// Issue #24's restore benchmark: a backup of N runs (20,000 by default) restored through the
// options page of the real extension in Chromium (pieces, batches, the journal, the commit),
// while the popup page asks for its state ('state/get') over and over. Then the same for a bulk
// import's batches ('import/save', 1,000 runs a message, as the options page sends them).
//   npm run bench:restore            (BENCH_RESTORE_RUNS=20000 by default)
// Prints the restore's time and the popup's worst and median answer times; passes or fails on
// nothing but the restore's outcome.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { launchWithExtension } from '../e2e/extension-fixture';
import { activityFromInput, type ActivityInput } from '../../core/activity';
import { makeBackup } from '../../core/backup-format';
import { DEFAULT_SETTINGS } from '../../core/settings';

const RUNS = Number(process.env.BENCH_RESTORE_RUNS ?? 20_000);
const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_SAVE_RUNS ?? 5_000);

/** Runs every six hours back from an hour ago, dated in UTC; ids from `from`. */
function inputs(n: number, from: number, nowMs: number): ActivityInput[] {
  return Array.from({ length: n }, (_, i) => {
    const startMs = nowMs - 3_600_000 - (from + i) * 6 * 3_600_000;
    return {
      source: 'strava',
      sourceId: String(1_000_000 + from + i),
      startMs,
      localDate: new Date(startMs).toISOString().slice(0, 10),
      sport: 'run',
      sportLabel: 'Run',
      distanceM: 8000 + (i % 50) * 100,
      movingS: 2700 + (i % 40) * 10,
      elapsedS: 2800 + (i % 40) * 10,
      name: `Run ${from + i}`,
    };
  });
}

/** When each answer of the last polling was asked for (ms since 1970). */
let lastAt: number[] = [];

/** Starts asking for the popup's state from the popup page until told to stop; each answer's time. */
async function startPolling(popup: Page): Promise<() => Promise<number[]>> {
  await popup.evaluate(() => {
    const w = window as unknown as {
      benchTimes: number[];
      benchAt: number[];
      benchStop: boolean;
      benchDone: Promise<void>;
    };
    w.benchTimes = [];
    w.benchAt = [];
    w.benchStop = false;
    w.benchDone = (async () => {
      while (!w.benchStop) {
        const t0 = performance.now();
        w.benchAt.push(Date.now());
        await (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({ type: 'state/get' });
        w.benchTimes.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
  });
  return async () => {
    const { times, at } = await popup.evaluate(async () => {
      const w = window as unknown as {
        benchTimes: number[];
        benchAt: number[];
        benchStop: boolean;
        benchDone: Promise<void>;
      };
      w.benchStop = true;
      await w.benchDone;
      return { times: w.benchTimes, at: w.benchAt };
    });
    lastAt = at;
    return times;
  };
}

/** The extension's messaging, as its pages see it (evaluated in them). */
interface Chrome {
  runtime: { sendMessage(m: unknown): Promise<{ ok: boolean } | undefined> };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const worst = (xs: number[]) => Math.max(...xs);
const ms = (x: number) => Math.round(x);

test(`restore ${RUNS} runs while the popup asks for its state`, async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'hip-check-bench-restore-'));
  const { context, cleanUp } = await launchWithExtension();
  try {
    const nowMs = Date.now();
    const backup = makeBackup(
      inputs(RUNS, 0, nowMs).map((a) => activityFromInput(a, nowMs)),
      DEFAULT_SETTINGS,
      nowMs,
    );
    const file = path.join(dir, 'hip-check-backup-bench.json');
    const text = JSON.stringify(backup, null, 1);
    await writeFile(file, text);

    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByTestId('popup').waitFor({ timeout: 60_000 });
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByLabel('Import activities').waitFor();

    const stopIdle = await startPolling(popup);
    await new Promise((r) => setTimeout(r, 2000));
    const idle = await stopIdle();

    const stop = await startPolling(popup);
    const t0 = performance.now();
    await options.getByLabel('Import activities').setInputFiles(file);
    await options.getByTestId('restore-summary').waitFor({ timeout: 10 * 60_000 });
    const restoreS = (performance.now() - t0) / 1000;
    const during = await stop();
    // When the slowest answers were asked, against the options page's own marks of the restore.
    const marks = await options.evaluate(() =>
      performance
        .getEntriesByType('mark')
        .filter((m) => /backup\/(import|part)/.test(m.name))
        .map((m) => `${m.name}@${Math.round(performance.timeOrigin + m.startTime)}`),
    );
    const slowest = during
      .map((d, i) => ({ d: Math.round(d), at: lastAt[i]! }))
      .sort((a, b) => b.d - a.d)
      .slice(0, 5);
    const first = Number(marks[0]?.split('@')[1] ?? 0);
    console.log(
      `[bench:restore] slowest answers (ms, asked at ms after the first piece): ` +
        slowest.map((x) => `${x.d}@${x.at - first}`).join(', ') +
        `; page marks: ${marks.map((m) => `${m.split('@')[0]}@${Number(m.split('@')[1]) - first}`).join(', ')}`,
    );
    await expect(options.getByTestId('restore-summary')).toContainText(RUNS.toLocaleString('en-US'));

    // A bulk import's batches, sent as the options page sends them.
    const batches: ActivityInput[][] = [];
    const more = inputs(IMPORT_RUNS, RUNS + 10, nowMs).map((a) => ({ ...a, source: 'file' as const }));
    for (let i = 0; i < more.length; i += 1000) batches.push(more.slice(i, i + 1000));
    const stopImport = await startPolling(popup);
    const i0 = performance.now();
    const saveMs = await options.evaluate(async (bs) => {
      const out: number[] = [];
      for (const activities of bs) {
        const t = performance.now();
        const r = await (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({
          type: 'import/save',
          activities,
        });
        if (!r?.ok) throw new Error(JSON.stringify(r));
        out.push(performance.now() - t);
      }
      return out;
    }, batches);
    const importS = (performance.now() - i0) / 1000;
    const duringImport = await stopImport();

    console.log(
      `[bench:restore] ${RUNS} runs (${Math.round(text.length / 1024 / 1024)} MB): restored in ` +
        `${restoreS.toFixed(1)} s; popup's state/get: worst ${ms(worst(during))} ms, median ` +
        `${ms(median(during))} ms over ${during.length} answers (idle: worst ${ms(worst(idle))} ms, median ` +
        `${ms(median(idle))} ms)`,
    );
    console.log(
      `[bench:restore] import/save of ${IMPORT_RUNS} runs in batches of 1,000: ${importS.toFixed(1)} s ` +
        `(worst batch ${ms(worst(saveMs))} ms); popup's state/get: worst ${ms(worst(duringImport))} ms, ` +
        `median ${ms(median(duringImport))} ms over ${duringImport.length} answers`,
    );
    console.log(
      JSON.stringify({
        runs: RUNS,
        backupMB: Math.round(text.length / 1024 / 1024),
        restoreS: Number(restoreS.toFixed(2)),
        popupWorstMs: ms(worst(during)),
        popupMedianMs: ms(median(during)),
        popupAnswers: during.length,
        idleWorstMs: ms(worst(idle)),
        importSaveRuns: IMPORT_RUNS,
        importSaveS: Number(importS.toFixed(2)),
        importSaveWorstBatchMs: ms(worst(saveMs)),
        importPopupWorstMs: ms(worst(duringImport)),
        importPopupMedianMs: ms(median(duringImport)),
      }),
    );
  } finally {
    await cleanUp();
    await rm(dir, { recursive: true, force: true });
  }
});
