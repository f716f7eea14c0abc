import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './extension-fixture';
import { daysAgo, realisticHistory, seed, sendFrom, type SeedActivity } from './seed';

// Issue #12: the popup fits Chrome's 360×600 window with what matters above the fold, its weekly
// chart carries numbers for the same weeks as the ramp rule, and it says which run it read last.

test.describe.configure({ timeout: 120_000 });

const M_PER_MILE = 1609.344;

/** Running distance of the 7-day block `block` blocks back (0: the 7 days ending today). */
function blockMetres(history: SeedActivity[], block: number): number {
  let m = 0;
  for (let d = 7 * block; d < 7 * block + 7; d++)
    for (const a of history) if (a.localDate === daysAgo(d) && a.sport === 'run') m += a.distanceM ?? 0;
  return m;
}

async function seededPopup(openExtensionPage: (file: string) => Promise<Page>, units: 'km' | 'mi') {
  const options = await openExtensionPage('options.html');
  const history = realisticHistory();
  await seed(options, history);
  expect((await sendFrom(options, { type: 'plan/answer', runDaysPerWeek: 5, usualRestDay: null })).ok).toBe(true);
  expect((await sendFrom(options, { type: 'settings/update', patch: { units } })).ok).toBe(true);
  // Yesterday's and today's hip check-ins: the strip shows them. Today's is answered today; a day's
  // answer is taken only around that day (west of UTC in the evening, yesterday is two UTC dates
  // back), so yesterday's comes back from a backup, as after a restore.
  const checkIn = { nightOrRest: false, groinWalking: false };
  expect(
    (await sendFrom(options, { type: 'checkin/set', checkIn: { ...checkIn, date: daysAgo(0), pain: 2 } })).ok,
  ).toBe(true);
  const backup = JSON.parse(
    ((await sendFrom(options, { type: 'backup/export' })) as unknown as { text: string }).text,
  ) as { checkIns: object[] };
  backup.checkIns.push({ ...checkIn, date: daysAgo(1), pain: 3, atMs: Date.now() - 86_400_000 });
  expect((await sendFrom(options, { type: 'backup/import', text: JSON.stringify(backup) })).ok).toBe(true);
  const popup = await openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 360, height: 600 });
  await expect(popup.getByTestId('verdict')).toBeVisible();
  await expect(popup.getByTestId('weekly-chart')).toBeVisible();
  return { popup, history };
}

test('above the fold at 360×600: verdict, today’s action, the 14-day strip and the first exercise', async ({
  openExtensionPage,
}) => {
  const { popup } = await seededPopup(openExtensionPage, 'km');
  const bottom = async (testId: string) => {
    const box = await popup.getByTestId(testId).first().boundingBox();
    expect(box, testId).not.toBeNull();
    return box!.y + box!.height;
  };
  // The verdict holds its reasons and the next run's maximum; today's action is its buttons.
  expect(await bottom('verdict')).toBeLessThanOrEqual(600);
  expect(await bottom('today-action')).toBeLessThanOrEqual(600);
  expect(await bottom('day-strip')).toBeLessThanOrEqual(600);
  const first = popup.getByTestId('hip-today').locator(':scope > li').first();
  const firstBox = await first.boundingBox();
  expect(firstBox!.y + firstBox!.height).toBeLessThanOrEqual(600);
  // Its name, drawing and how-to are in that box.
  await expect(first.locator('.hip-ex-name')).not.toBeEmpty();
  await expect(first.locator('.hip-drawing[role="img"]')).toBeVisible();
  await expect(first.getByTestId('hip-dose')).toBeVisible();
  await expect(first.locator('.hip-steps li').first()).toBeVisible();
  // The strip: weekday letters under the marks, and the check-ins' pain.
  const strip = popup.getByTestId('day-strip');
  await expect(strip.locator('.day-letter')).toHaveCount(14);
  await expect(strip.locator(`li[data-date="${daysAgo(1)}"] .day-pain`)).toHaveText('3');
  await expect(strip.locator(`li[data-date="${daysAgo(0)}"] .day-pain`)).toHaveText('2');
  // No horizontal scroll, and the rest is there below.
  const widths = await popup.evaluate(() => [document.body.scrollWidth, document.documentElement.scrollWidth]);
  expect(Math.max(...widths)).toBeLessThanOrEqual(360);
  expect(await popup.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(600);
  // No text smaller than 11 px anywhere in the popup.
  const small = await popup.evaluate(() => {
    const out: string[] = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const el = n.parentElement!;
      if (!n.textContent!.trim() || el.closest('.visually-hidden')) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < 11) out.push(`${n.textContent!.trim().slice(0, 30)} (${px}px)`);
    }
    return out;
  });
  expect(small).toEqual([]);
  if (process.env.UPDATE_SCREENSHOTS) await popup.screenshot({ path: 'docs/popup.png' });
});

for (const units of ['km', 'mi'] as const)
  test(`the weekly chart labels each 7-day block with its distance in ${units}, and runs against the aim`, async ({
    openExtensionPage,
  }) => {
    const { popup, history } = await seededPopup(openExtensionPage, units);
    const weeks = popup.getByTestId('weekly-chart').locator('li');
    // Eight blocks of seven days ending today; the history starts 55 days ago, so none is empty.
    await expect(weeks).toHaveCount(8);
    const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
    const expected = Array.from({ length: 8 }, (_, i) => {
      const m = blockMetres(history, 7 - i);
      return fmt.format(units === 'km' ? m / 1000 : m / M_PER_MILE);
    });
    await expect(weeks.getByTestId('week-km')).toHaveText(expected);
    // Five runs in every block, against the aim the plan answer set (5 days a week: Regular).
    const target = await popup.evaluate(async () => {
      const r = await (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<{ settings: { targetRunsPerWeek: number } }> } };
        }
      ).chrome.runtime.sendMessage({ type: 'state/get' });
      return r.settings.targetRunsPerWeek;
    });
    await expect(weeks.getByTestId('week-runs')).toHaveText(Array(8).fill(`5/${target}`));
    await expect(weeks.last()).toHaveAttribute('data-to', daysAgo(0));
    await expect(weeks.last()).toHaveAttribute('data-from', daysAgo(6));
    await expect(popup.getByTestId('weekly-chart')).toContainText('Last 7 days');
  });

test('"Last run read" names the source, the time and the activity', async ({ openExtensionPage }) => {
  const { popup, history } = await seededPopup(openExtensionPage, 'km');
  // Today's run: 07:12, or earlier today when the test runs before then.
  const start = new Date(history.at(-1)!.startMs);
  const [h, mm] = [start.getHours(), String(start.getMinutes()).padStart(2, '0')];
  const at = `(0?${h}:${mm}|0?${h % 12 || 12}:${mm} ${h < 12 ? 'AM' : 'PM'})`;
  await expect(popup.getByTestId('last-run-read')).toHaveText(
    new RegExp(`^Last run read: Long Run, today ${at}, from Strava$`),
  );
});

test('the popup with a realistic history is axe-clean in light and dark, its folds open too', async ({
  openExtensionPage,
}) => {
  const { popup } = await seededPopup(openExtensionPage, 'km');
  // Open what loads or renders only on demand: the exercise library, steps, training load, the run form.
  await popup.getByTestId('hip-library').locator('> summary').click();
  await expect(popup.getByTestId('hip-library').locator('[data-guidance="red_flag"]')).toBeVisible();
  await popup.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
  await popup.getByTestId('add-another-run').click();
  await expect(popup.getByTestId('run-form')).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page: popup }).analyze();
    expect(
      results.violations.map((v) => `${scheme}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' '))}`),
    ).toEqual([]);
  }
});

test('nothing on screen moves while the popup draws its parts, which come in order from the top', async ({
  openExtensionPage,
  context,
  extensionId,
}) => {
  // The plan not answered and no check-in today: the plan questions and the open check-in come
  // under the verdict, each from its own chunk.
  const options = await openExtensionPage('options.html');
  await seed(options, realisticHistory());
  for (const round of [1, 2]) {
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.locator('.popup-foot')).toBeVisible();
    // Every layout shift since the first paint (buffered), once nothing has changed for two frames.
    const moved = await popup.evaluate(async () => {
      const entries: (PerformanceEntry & { value: number; sources?: { node?: Node | null }[] })[] = [];
      const observer = new PerformanceObserver((l) => entries.push(...(l.getEntries() as typeof entries)));
      observer.observe({ type: 'layout-shift', buffered: true });
      for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      entries.push(...(observer.takeRecords() as typeof entries));
      observer.disconnect();
      return entries.map((e) => ({
        value: e.value,
        what: (e.sources ?? []).map((s) => (s.node instanceof Element ? s.node.className : (s.node?.nodeName ?? '?'))),
      }));
    });
    expect(moved, `opening ${round}`).toEqual([]);
    // The popup took its final height with the first frame: the window does not grow in steps.
    expect(
      await popup.evaluate(() => document.querySelector('main')!.getBoundingClientRect().height),
    ).toBeGreaterThanOrEqual(600);
    const order = await popup.evaluate(() =>
      [...document.querySelectorAll('[data-testid]')]
        .map((e) => e.getAttribute('data-testid'))
        .filter((id) =>
          ['verdict', 'plan-questions', 'checkin', 'day-strip', 'last-run-read', 'hip-care', 'weekly-chart'].includes(
            id!,
          ),
        ),
    );
    expect(order).toEqual([
      'verdict',
      'plan-questions',
      'checkin',
      'day-strip',
      'last-run-read',
      'hip-care',
      'weekly-chart',
    ]);
    await popup.close();
  }
});
