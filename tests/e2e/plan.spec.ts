import type { Page } from '@playwright/test';
import { expect, test } from './extension-fixture';
import { watchGpx } from './gpx-file';
import { daysAgo, runOn, seed, sendFrom, type SeedActivity } from './seed';
import { startOn } from './fixture-dates';

// The plan for today and the next run, through the real extension: history seeded, the run that
// matters imported from a watch's GPX file on the options page, and the popup read as a runner
// reads it. One line a day, one ceiling a day, and no distance beside "stop running".

/** Weeks of running ending `endDaysAgo`: easy runs on three days, a long run on the fourth. */
function weeks(n: number, endDaysAgo: number, easyKm: number, longKm: number, id: string): SeedActivity[] {
  const out: SeedActivity[] = [];
  for (let d = endDaysAgo + 7 * n - 1; d >= endDaysAgo; d--) {
    const k = d % 7;
    if (k === 0) out.push(runOn(d, longKm, `${id}${d}`));
    else if (k === 2 || k === 4 || k === 5) out.push(runOn(d, easyKm, `${id}${d}`));
  }
  return out;
}

async function importRun(page: Page, daysBack: number, km: number, minutes: number) {
  const { startMs } = startOn(daysBack, 7);
  await page
    .getByLabel('Import activities')
    .setInputFiles([
      { name: `run-${daysBack}.gpx`, mimeType: 'application/gpx+xml', buffer: watchGpx(startMs, minutes, km) },
    ]);
  await expect(page.getByTestId('import-summary')).toContainText('1 added', { timeout: 30_000 });
}

/** Each plan line: its day, kind and ceiling (metres), as the card renders them. */
async function planDays(popup: Page) {
  const lines = popup.getByTestId('plan-day');
  await expect(lines.first()).toBeVisible();
  return lines.evaluateAll((els) =>
    els.map((e) => ({
      date: e.getAttribute('data-date')!,
      kind: e.getAttribute('data-kind')!,
      maxM: e.hasAttribute('data-max-m') ? Number(e.getAttribute('data-max-m')) : null,
      text: e.textContent ?? '',
    })),
  );
}

test('the day after a 21 km run 50 % over a 14 km longest: red, and the next run held from before the spike', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await seed(options, weeks(6, 2, 7, 14, 'w'));
  await importRun(options, 1, 21, 126);
  const popup = await openExtensionPage('popup.html');
  const verdict = popup.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-level', 'warning');
  await expect(verdict.locator('[data-code="long_run_spike"]')).toContainText('50% longer');
  const days = await planDays(popup);
  expect(days).toHaveLength(1);
  // Today: an easy run only, no longer than the usual run; never "up to 23.1 km".
  expect(days[0]).toMatchObject({ date: daysAgo(0), kind: 'easy' });
  expect(days[0]!.maxM).not.toBeNull();
  expect(days[0]!.maxM!).toBeLessThanOrEqual(14_000 * 1.1);
  expect(days[0]!.text).toMatch(/no longer than/);
});

test('two days after a marathon off a 32 km longest: recovery, short easy runs, no long-run ceiling', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  // A build that peaked at 32 km three weeks before the race, then a taper.
  const build = [...weeks(5, 22, 10, 28, 'b'), runOn(21, 32, 'peak'), ...weeks(2, 3, 8, 16, 't')];
  await seed(options, build);
  await importRun(options, 2, 42.2, 230);
  const popup = await openExtensionPage('popup.html');
  const verdict = popup.getByTestId('verdict');
  await expect(verdict.locator('[data-code="race_recovery"]')).toContainText('easy runs only until');
  await expect(verdict).not.toHaveAttribute('data-level', 'warning');
  const days = await planDays(popup);
  expect(days[0]).toMatchObject({ date: daysAgo(0), kind: 'easy' });
  // An easy run no longer than the usual run, far from "46.4 km".
  expect(days[0]!.maxM!).toBeLessThanOrEqual(12_000);
});

test('hip pain 6 today: a rest day, then easy runs at 75 % of the usual run; pain at night: stop, no distance', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await seed(options, weeks(6, 1, 8, 16, 'p'));
  const checkIn = (pain: number, nightOrRest: boolean) =>
    sendFrom(options, {
      type: 'checkin/set',
      checkIn: { date: daysAgo(0), pain, flags: nightOrRest ? ['night_or_rest'] : [] },
    });
  expect((await checkIn(6, false)).ok).toBe(true);
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('verdict').locator('[data-code="pain_high"]')).toBeVisible();
  // Above 5 with no run yet today: today a rest day from running, then an easy run at 75 % of
  // the usual run (8 km), never a long-run ceiling.
  let days = await planDays(popup);
  expect(days).toEqual([
    expect.objectContaining({ date: daysAgo(0), kind: 'rest', maxM: null }),
    expect.objectContaining({ date: daysAgo(-1), kind: 'easy', maxM: 6_000 }),
  ]);

  expect((await checkIn(6, true)).ok).toBe(true);
  await popup.reload();
  const verdict = popup.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-title', 'see_clinician');
  days = await planDays(popup);
  expect(days).toEqual([expect.objectContaining({ kind: 'stop', maxM: null })]);
  await expect(verdict).not.toContainText(/\d\s?(km|mi)\b/);
});

test('back after three weeks off: calm building up, the next run no longer than the usual run', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await seed(options, weeks(6, 23, 8, 15, 'c'));
  await importRun(options, 0, 5, 30);
  const popup = await openExtensionPage('popup.html');
  const verdict = popup.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-level', 'calm');
  await expect(verdict.locator('[data-code="comeback"]')).toBeVisible();
  await expect(verdict).not.toContainText('of the last 30 days');
  const days = await planDays(popup);
  expect(days).toHaveLength(1);
  expect(days[0]).toMatchObject({ date: daysAgo(-1), kind: 'easy' });
  expect(days[0]!.maxM!).toBeLessThanOrEqual(8_000);
});
