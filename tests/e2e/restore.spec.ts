import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './extension-fixture';
import { startOn } from './fixture-dates';
import { storedKeys } from './storage-probe';
import { activityFromInput } from '../../core/activity';
import { makeBackup } from '../../core/backup-format';
import { PIECE_CHARS } from '../../core/backup-pieces';
import { DEFAULT_SETTINGS } from '../../core/settings';

interface Chrome {
  runtime: { sendMessage(m: unknown): Promise<{ ok: boolean } | undefined> };
}

// A backup larger than one piece (core/backup-pieces.ts) restored through the options page: it goes
// in pieces, its runs in batches, and the popup's state keeps being answered meanwhile.
test('a backup restores in pieces while the popup keeps answering', async ({ openExtensionPage, worker }) => {
  const runs = 3000;
  const backup = makeBackup(
    Array.from({ length: runs }, (_, i) => {
      const { startMs, localDate } = startOn(1 + Math.floor(i / 2), i % 2 ? 18 : 7);
      return activityFromInput(
        {
          source: 'strava',
          sourceId: String(700_000 + i),
          startMs,
          localDate,
          sport: 'run',
          sportLabel: 'Run',
          distanceM: 8000,
          movingS: 2700,
          elapsedS: 2800,
          name: `Run ${i}`,
        },
        Date.now(),
      );
    }),
    DEFAULT_SETTINGS,
    Date.now(),
  );
  // Indented further than Hip Check writes it (JSON's own whitespace): three pieces or more.
  const text = JSON.stringify(backup, null, 10);
  expect(text.length).toBeGreaterThan(2 * PIECE_CHARS);
  const dir = await mkdtemp(path.join(tmpdir(), 'hip-check-restore-'));
  const file = path.join(dir, 'hip-check-backup-big.json');
  await writeFile(file, text);
  try {
    const popup = await openExtensionPage('popup.html');
    await popup.getByTestId('popup').waitFor();
    const options = await openExtensionPage('options.html');
    await options.getByLabel('Import activities').waitFor();

    // The popup asks for its state again and again while the restore runs.
    await popup.evaluate(() => {
      const w = window as unknown as { answers: boolean[]; stop: boolean; done: Promise<void> };
      w.answers = [];
      w.stop = false;
      w.done = (async () => {
        while (!w.stop) {
          const r = await (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({
            type: 'state/get',
          });
          w.answers.push(r?.ok === true);
          await new Promise((res) => setTimeout(res, 20));
        }
      })();
    });
    await options.getByLabel('Import activities').setInputFiles(file);
    // Answered while the restore is still under way.
    await popup.waitForFunction(() => (window as unknown as { answers: boolean[] }).answers.length >= 3);
    const summary = options.getByTestId('restore-summary');
    await expect(summary).toContainText('3,000 added', { timeout: 120_000 });
    const answers = await popup.evaluate(async () => {
      const w = window as unknown as { answers: boolean[]; stop: boolean; done: Promise<void> };
      w.stop = true;
      await w.done;
      return w.answers;
    });
    expect(answers.length).toBeGreaterThanOrEqual(3);
    expect(answers.every(Boolean)).toBe(true);
    expect(await storedKeys(worker)).toHaveLength(runs);
    await expect(options.getByTestId('restore-status')).toHaveCount(0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
