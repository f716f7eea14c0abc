import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './extension-fixture';
import { daysAgo, runOn, seed, sendFrom, type SeedActivity } from './seed';

// Issue 21, point 7: six weeks of hip pain, mornings and after runs, with the runs and spikes
// beside them, on the options page and one tap from the popup. Check-ins of earlier days come back
// from a backup (a day's answer is taken only around that day); today's is answered as the
// check-in card answers it, and the background decides by the clock whether it is the morning's.

test.describe.configure({ timeout: 120_000 });

/** 8 km every other day from ten weeks ago, then 14 km (+75 %, a warning spike) three days ago. */
function history(): SeedActivity[] {
  const out: SeedActivity[] = [];
  for (let d = 70; d >= 4; d -= 2) out.push(runOn(d, 8, `t${d}`));
  out.push(runOn(3, 14, 'spike'));
  return out;
}

const noon = (ago: number, hour: number) => {
  const [y, m, d] = daysAgo(ago).split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hour).getTime();
};
const answerOn = (ago: number, morning: number | null, later: number | null) => ({
  date: daysAgo(ago),
  pain: later ?? morning,
  atMs: noon(ago, 19),
  ...(morning === null ? {} : { morning: { pain: morning, atMs: noon(ago, 7) } }),
  ...(later === null ? {} : { later: { pain: later, atMs: noon(ago, 19) } }),
});

test('the options page draws six weeks of pain with the runs and the spike; the popup links to it', async ({
  openExtensionPage,
  context,
}) => {
  const options = await openExtensionPage('options.html');
  const runs = history();
  await seed(options, runs);
  const today = (await sendFrom(options, { type: 'checkin/set', checkIn: { date: daysAgo(0), pain: 2 } })) as {
    ok: boolean;
    checkIn: { morning?: { pain: number }; later?: { pain: number } };
  };
  expect(today.ok).toBe(true);
  // Morning or later, as the clock says: one answer today, stored once.
  expect([today.checkIn.morning?.pain, today.checkIn.later?.pain].filter((p) => p !== undefined)).toEqual([2]);

  const earlier = [
    answerOn(30, 1, null),
    answerOn(10, 2, 4),
    answerOn(3, null, 5),
    answerOn(2, 3, null),
    answerOn(1, 2, 3),
  ];
  const backup = JSON.parse(
    ((await sendFrom(options, { type: 'backup/export' })) as unknown as { text: string }).text,
  ) as { checkIns: object[] };
  backup.checkIns.push(...earlier);
  expect((await sendFrom(options, { type: 'backup/import', text: JSON.stringify(backup) })).ok).toBe(true);

  const mornings = 4 + (today.checkIn.morning ? 1 : 0);
  const laters = 3 + (today.checkIn.later ? 1 : 0);
  const runDays = runs.filter((r) => r.localDate >= daysAgo(41)).length;

  const page = await openExtensionPage('options.html#pain-trend');
  await page.setViewportSize({ width: 360, height: 700 });
  const section = page.locator('#pain-trend');
  const chart = section.getByTestId('trend-chart');
  await expect(chart).toBeVisible();
  await expect(chart.getByTestId('trend-morning')).toHaveCount(mornings);
  await expect(chart.getByTestId('trend-later')).toHaveCount(laters);
  await expect(chart.getByTestId('trend-run')).toHaveCount(runDays);
  await expect(chart.getByTestId('trend-spike')).toHaveCount(1);
  await expect(chart.getByTestId('trend-spike')).toHaveAttribute('data-date', daysAgo(3));
  await expect(section.getByTestId('trend-summary')).toHaveText(
    new RegExp(
      `^Days answered: 6 of the last 42\\. Highest pain: 5 of 10, on .+\\. Runs: ${runDays}; long-run spikes among them: 1\\.$`,
    ),
  );
  // The last 7 days' highest pains: 5, 3, 3 (yesterday's highest), 2 (today's) → 3.3; before them 4.
  await expect(section.getByTestId('trend-weeks-summary')).toHaveText(
    "Average of each day's highest pain: 3.3 in the last 7 days, 4.0 in the 7 days before.",
  );
  // Opened at #pain-trend, the section is scrolled into view, and at 360 px nothing of it sticks out.
  await expect(section).toBeInViewport();
  const box = (await chart.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  // (The history table above is wider than 360 px: not this section's.)
  const outside = await page.evaluate(() =>
    [...document.querySelectorAll('#pain-trend *, #pain-model *')]
      .filter((e) => !e.closest('.visually-hidden') && e.getBoundingClientRect().right > 360)
      .map((e) => e.tagName),
  );
  expect(outside).toEqual([]);
  // The explanation of the model and the red flags is on the same page.
  await expect(page.getByTestId('pain-model')).toContainText('Silbernagel');
  await expect(page.getByTestId('pain-model-flags').locator('li')).toHaveCount(3);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).include('#pain-trend').include('#pain-model').analyze();
    expect(
      results.violations.map((v) => `${scheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }

  // One tap from the popup.
  const popup = await openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 360, height: 600 });
  const link = popup.getByTestId('trend-link');
  await expect(link).toHaveText('Pain trend');
  const [opened] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await opened.waitForLoadState();
  expect(opened.url()).toMatch(/\/options\.html#pain-trend$/);
  await expect(opened.getByTestId('trend-chart')).toBeVisible();
});

test('no check-in in six weeks: no link in the popup, and the options page says how to start', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await seed(options, history());
  await expect(options.locator('#pain-trend')).toContainText('No hip check-ins in the last six weeks');
  await expect(options.getByTestId('trend-chart')).toHaveCount(0);
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('verdict')).toBeVisible();
  await expect(popup.getByTestId('trend-link')).toHaveCount(0);
});
