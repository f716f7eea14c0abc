import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './extension-fixture';
import { daysAgo, runOn, seed, type SeedActivity } from './seed';

function sixDaysInARow(): SeedActivity[] {
  const out: SeedActivity[] = [];
  // Eight weeks of five runs a week, then the last six days in a row, today included (no steeper week).
  for (let d = 56; d >= 7; d--) if (d % 7 !== 0 && d % 7 !== 3) out.push(runOn(d, 9.5, `old${d}`));
  for (let d = 5; d >= 0; d--) out.push(runOn(d, d === 0 ? 8.5 : 8, `now${d}`));
  return out;
}

test('six running days in a row, today included: a calm rest day tomorrow, why, and what hip care fits', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await seed(options, sixDaysInARow());
  const popup = await openExtensionPage('popup.html');
  const verdict = popup.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-level', 'calm');
  await expect(verdict.getByRole('heading')).toContainText('Rest day tomorrow');
  await expect(verdict).toContainText('Your limit is 6 running days in a row, so tomorrow is a rest day from running.');
  await expect(popup.getByTestId('streak')).toContainText('6 days in a row with a run');
  // The streak is said once: on its own line, not again in the reasons.
  await expect(verdict.locator('.reasons')).not.toContainText('6 days');
  // Ran today and rest tomorrow: one plan line, for the next run the day after tomorrow.
  await expect(popup.getByTestId('plan-day')).toHaveCount(1);
  await expect(popup.getByTestId('plan-day')).toContainText('Next run');
  await expect(popup.getByTestId('plan-day')).toHaveAttribute('data-date', daysAgo(-2));
  await expect(popup.getByTestId('day-strip').locator('li')).toHaveCount(14);
  await expect(popup.getByTestId('day-strip').locator('li[data-kind="run"]')).toHaveCount(6 + 5);
  // Rolling 7-day blocks ending today, as the ramp rule counts: eight of them, none empty.
  await expect(popup.getByTestId('weekly-chart').locator('li')).toHaveCount(8);
  const today = popup.getByTestId('hip-today');
  const n = await today.locator(':scope > li').count();
  expect(n >= 2 && n <= 3).toBe(true);
  await expect(today.getByTestId('hip-dose').first()).toBeVisible();
});

test('"I ran today" (with distance and time) and "I rested today" can be undone', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await seed(options, [runOn(1, 5, 'y')]);
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('streak')).toContainText('1');
  await popup.getByTestId('i-ran').click();
  await popup
    .getByTestId('run-form')
    .getByLabel(/Distance/)
    .fill('6.5');
  await popup.getByTestId('run-form').getByLabel(/Time/).fill('40');
  await popup.getByTestId('save-run').click();
  await expect(popup.getByTestId('streak')).toContainText('2');
  await expect(popup.getByTestId('day-strip').locator(`li[data-date="${daysAgo(0)}"]`)).toHaveAttribute(
    'data-kind',
    'run',
  );
  await expect(popup.getByTestId('recent-activities')).toContainText('6.5');
  // Today has its run: no second "I ran today", a deliberate "add another run" instead.
  await expect(popup.getByTestId('i-ran')).toHaveCount(0);
  await expect(popup.getByTestId('add-another-run')).toBeVisible();
  await popup.getByTestId('undo').click();
  await expect(popup.getByTestId('streak')).toContainText('1');
  await expect(popup.getByTestId('day-strip').locator(`li[data-date="${daysAgo(0)}"]`)).toHaveAttribute(
    'data-kind',
    'rest',
  );

  await popup.getByTestId('i-rested').click();
  await expect(popup.getByTestId('verdict')).toContainText('You marked today as a rest day');
  await expect(popup.getByTestId('streak')).toContainText('0');
  await popup.getByTestId('undo').click();
  await expect(popup.getByTestId('verdict')).not.toContainText('You marked today as a rest day');
  await expect(popup.getByTestId('streak')).toContainText('1');
});

test('popup and options pages have no serious accessibility violations (axe-core)', async ({ openExtensionPage }) => {
  // Four full axe runs on two shared cores.
  test.setTimeout(180_000);
  const options = await openExtensionPage('options.html');
  await seed(options, sixDaysInARow());
  await options.reload();
  await expect(options.getByTestId('history')).toBeVisible();
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('verdict')).toBeVisible();
  for (const [name, page] of [
    ['popup', popup],
    ['options', options],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        bad.map((v) => `${name} (${scheme}): ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
    }
  }
});

// How quick it is, with 200 and with 20,000: npm run bench:popup (tests/bench/popup.pw.ts).
test('with 20,000 stored activities the popup shows the verdict of the recent weeks', async ({ openExtensionPage }) => {
  test.setTimeout(240_000);
  const options = await openExtensionPage('options.html');
  // Six days in a row up to today, then ten years of near-daily training before a week's break.
  await seed(
    options,
    Array.from({ length: 6 }, (_, i) => runOn(i, 6, `s${i}`)),
  );
  const many: SeedActivity[] = [];
  for (let i = 0; many.length < 19_994; i++)
    many.push(runOn(14 + Math.floor(i / 5.5), 5 + (i % 7), `m${i}`, 5 + (i % 6) * 2 + (i % 2), i % 3 ? 'run' : 'ride'));
  await seed(options, many);
  await options.reload();
  await expect(options.getByTestId('activity-count')).toContainText('20,000 activities stored', { timeout: 60_000 });
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('verdict')).toBeVisible();
  await expect(popup.getByTestId('streak')).toContainText('6 days in a row with a run');
  await expect(popup.getByTestId('recent-activities').locator('tbody tr')).toHaveCount(5);
});

test('red-flag symptoms replace exercises with a clear notice; outer hip pain drops cross-body stretches', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await seed(options, sixDaysInARow());
  await options.getByLabel(/I have warning signs/).check();
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('hip-care')).toHaveAttribute('data-state', 'clinician');
  await expect(popup.getByTestId('hip-clinician')).toContainText(/GP or physiotherapist/);
  await expect(popup.getByTestId('hip-today')).toHaveCount(0);
  await options.getByLabel(/I have warning signs/).uncheck();
  await options.getByLabel(/pain on the outside of my hip/).check();
  await popup.reload();
  await expect(popup.getByTestId('hip-care')).toHaveAttribute('data-state', 'exercises');
  await expect(popup.getByTestId('hip-care')).not.toContainText('Figure-four');
});

test('the popup opens from the background’s copy of its state without waking it, asks it when there is no copy, and follows new runs while open', async ({
  context,
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await seed(options, sixDaysInARow().slice(0, -1));
  const sessionCopy = () =>
    options.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { session: { get(k: string): Promise<Record<string, { state?: { today: string } }>> } } };
      };
      return (await chrome.storage.session.get('popupState')).popupState?.state?.today ?? null;
    });
  // The background keeps the copy for today each time it recomputes.
  await expect.poll(sessionCopy).toBe(daysAgo(0));

  // With the background stopped, the popup still shows the verdict from the copy.
  const cdp = await context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  let popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('streak')).toContainText('5 days in a row with a run');
  await popup.close();

  // No copy (a browser just started, say): the popup asks the background and shows the same.
  await options.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { session: { clear(): Promise<void> } } } }
    ).chrome.storage.session.clear(),
  );
  expect(await sessionCopy()).toBeNull();
  popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('streak')).toContainText('5 days in a row with a run');

  // A run read while the popup is open reaches it with the background's next copy.
  await seed(options, [runOn(0, 8.5, 'now0')]);
  await expect(popup.getByTestId('streak')).toContainText('6 days in a row with a run');
  await expect(popup.getByTestId('verdict')).toHaveAttribute('data-level', 'calm');
  await expect.poll(sessionCopy).toBe(daysAgo(0));
});

test('the run form refuses an impossible pace with the reason, and stores nothing', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await seed(options, [runOn(1, 5, 'y')]);
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('streak')).toContainText('1');
  await popup.getByTestId('i-ran').click();
  const form = popup.getByTestId('run-form');
  await form.getByLabel(/Distance/).fill('300');
  await form.getByLabel(/Time/).fill('1');
  await popup.getByTestId('save-run').click();
  await expect(popup.locator('body')).toContainText(
    /faster than any runner: [\d,.]+ km\/h on average, over the limit of 43.2 km\/h/,
  );
  await expect(popup.getByTestId('streak')).toContainText('1');
  await expect(popup.getByTestId('recent-activities')).not.toContainText('300');
});
