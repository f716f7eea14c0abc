import { expectBadge } from './badge';
import { expect, test } from './extension-fixture';
import { daysAgo, runOn, seed, sendFrom, type SeedActivity } from './seed';

// The scenarios, through the built extension in Chromium: stored runs, the popup's
// verdict, and the toolbar badge's text and colour.

test.describe.configure({ timeout: 120_000 });

/** Eight weeks of six runs a week with the day `restAgo` days ago (and every 7th before it) off. */
function sixDayPattern(restAgo: number, ranToday: boolean, longRunKm = 16): SeedActivity[] {
  const out: SeedActivity[] = [];
  for (let d = 56; d >= (ranToday ? 0 : 1); d--) {
    if ((d - restAgo) % 7 === 0) continue;
    out.push(runOn(d, (d - restAgo + 7) % 7 === 6 ? longRunKm : 8, `p${d}`));
  }
  return out;
}

function weekdayOf(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

test('the usual rest day after a normal week: "Rest day today", calm badge, next run tomorrow; never red', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await seed(options, sixDayPattern(0, false));
  expect(
    (await sendFrom(options, { type: 'plan/answer', runDaysPerWeek: 6, usualRestDay: weekdayOf(daysAgo(0)) })).ok,
  ).toBe(true);
  const popup = await openExtensionPage('popup.html');
  const verdict = popup.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-level', 'calm');
  await expect(verdict.getByRole('heading')).toHaveText(/Rest day today/);
  await expect(verdict).toContainText('your usual rest day anyway');
  await expect(verdict).not.toContainText('Warning');
  // One line a day: today a rest day with no distance, then the next run tomorrow with its ceiling.
  const days = popup.getByTestId('plan-day');
  await expect(days).toHaveCount(2);
  await expect(days.first()).toHaveAttribute('data-kind', 'rest');
  await expect(days.first()).toHaveText('Today: a rest day from running.');
  await expect(days.nth(1)).toContainText('Next run, tomorrow: run as planned, no longer than');
  await expect(popup.getByTestId('plan-questions')).toHaveCount(0);
  await expectBadge(popup, '6', 'calm');
  // Training load: information only, each figure explained, the caveat beside the numbers.
  const load = popup.getByTestId('load-info');
  await load.locator('summary').click();
  await expect(load.getByTestId('load-caveat')).toContainText('no value here means all-clear');
  await expect(load).toContainText('divided by that of about the last four weeks');
  await load.locator('summary').click();
  if (process.env.UPDATE_SCREENSHOTS) {
    // Chrome's popup window at its real size: what is above the fold is what the runner sees.
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.evaluate(() => window.scrollTo(0, 0));
    await popup.screenshot({ path: 'docs/popup-rest-day.png' });
  }

  // "I rested today": the verdict and the badge at once; undo restores.
  await popup.getByTestId('i-rested').click();
  await expect(verdict).toHaveAttribute('data-level', 'ok');
  // Never "All good: run as planned" right after "I rested today".
  await expect(verdict.getByRole('heading')).toHaveText(/Rest day logged/);
  await expectBadge(popup, '', 'ok');
  await popup.getByTestId('undo').click();
  await expect(verdict).toHaveAttribute('data-level', 'calm');
  await expectBadge(popup, '6', 'calm');
});

test("after the 6th day's run: title and reason both say tomorrow", async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await seed(options, sixDayPattern(6, true));
  const popup = await openExtensionPage('popup.html');
  const verdict = popup.getByTestId('verdict');
  await expect(verdict.getByRole('heading')).toHaveText(/Rest day tomorrow/);
  await expect(verdict).toContainText('so tomorrow is a rest day');
  await expectBadge(popup, '6', 'calm');
  // "I ran today" is not offered twice; another run is added deliberately.
  await expect(popup.getByTestId('i-ran')).toHaveCount(0);
  await expect(popup.getByTestId('add-another-run')).toBeVisible();
});

test('running the 7th day in a row is red: the badge says 7 in red and the title says rest tomorrow', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  // Weeks of six days with a rest day 7, 14, 21... days ago, and this week's rest day run too.
  await seed(
    options,
    Array.from({ length: 57 }, (_, d) => d)
      .filter((d) => d < 7 || d % 7 !== 0)
      .map((d) => runOn(d, 8, `r${d}`)),
  );
  const popup = await openExtensionPage('popup.html');
  const verdict = popup.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-level', 'warning');
  await expect(verdict.getByRole('heading')).toHaveText(/Warning: rest tomorrow/);
  await expect(verdict).toContainText('Past your limit of 6 running days in a row: make tomorrow a rest day');
  await expect(popup.getByTestId('streak')).toHaveText('7 days in a row with a run');
  await expect(verdict.locator('.reasons')).not.toContainText('7 days');
  await expectBadge(popup, '7', 'warning');
});

test('a steep week alone is amber "Ease off this week", honest about its evidence, not "rest today"', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  // Two 9 km runs the week before, three 9 km runs in a row up to today: +50 %.
  await seed(options, [runOn(8, 9, 'a'), runOn(10, 9, 'b'), runOn(2, 9, 'c'), runOn(1, 9, 'd'), runOn(0, 9, 'e')]);
  expect((await sendFrom(options, { type: 'settings/update', patch: { units: 'km' } })).ok).toBe(true);
  const popup = await openExtensionPage('popup.html');
  const verdict = popup.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-level', 'ease_off');
  await expect(verdict.getByRole('heading')).toHaveText(/Ease off this week/);
  await expect(verdict.locator('[data-code="weekly_ramp"]')).toContainText(
    'You ran 27 km in the last 7 days, 50% more than in the biggest of the 4 weeks before (18 km)',
  );
  await expect(verdict.locator('[data-code="weekly_ramp"]')).toContainText('The evidence is weaker');
  // The numbers are the plan's: one line, for the next run.
  await expect(popup.getByTestId('plan-day')).toHaveCount(1);
  await expect(popup.getByTestId('plan-day')).toContainText('Next run, tomorrow: run as planned, no longer than');
  await expect(verdict).not.toContainText('rest today');
  await expectBadge(popup, '3', 'ease_off');
});

test('the daily hip check-in: an accessible 0-10 group, changeable, on the strip, and counted in the verdict', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await seed(options, [runOn(3, 8, 'a'), runOn(2, 8, 'b'), runOn(1, 8, 'c')]);
  const popup = await openExtensionPage('popup.html');
  const group = popup.getByRole('radiogroup', { name: 'Hip pain today' });
  await expect(group.getByRole('radio')).toHaveCount(11);
  await group.getByRole('radio', { name: '7', exact: true }).check();
  await expect(popup.getByTestId('checkin-saved')).toContainText('7 of 10');
  const verdict = popup.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-level', 'warning');
  // Before noon (no run yet today) it is the morning answer.
  await expect(verdict).toContainText(/Hip pain 7 of 10 today( in the morning)?, above 5/);
  await expect(popup.getByTestId('day-strip').locator(`li[data-date="${daysAgo(0)}"]`)).toHaveAttribute(
    'data-pain',
    '7',
  );
  await expectBadge(popup, '3', 'warning');
  // Changed the same day: the answer of that moment is replaced.
  await group.getByRole('radio', { name: '1', exact: true }).check();
  await expect(verdict).toHaveAttribute('data-level', 'ok');
  // Before noon, after yesterday's run, it is the first morning answer: settled.
  await expect(verdict).toContainText(
    /Hip pain 1 of 10 (today: fine to train\.|this morning, the morning after the run yesterday: settled\. Fine to train\.)/,
  );
  await expectBadge(popup, '3', 'ok');
  // Where it hurts, then a red flag: it routes to a GP or physiotherapist.
  await popup.getByRole('radio', { name: 'The buttock' }).check();
  await popup.getByLabel('It hurts at night or when resting').check();
  await expect(verdict.getByRole('heading')).toHaveText(/see a GP or physiotherapist/);
  await expect(popup.getByTestId('hip-care')).toHaveAttribute('data-state', 'clinician');
  await expectBadge(popup, '3', 'warning');
});

test('the plan questions: shown in the popup until answered, at the top of the options page, and pick the preset', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await seed(options, [runOn(1, 8, 'a')]);
  const popup = await openExtensionPage('popup.html');
  const plan = popup.getByTestId('plan-questions');
  await expect(plan).toBeVisible();
  await plan.getByTestId('plan-save').click();
  await expect(plan.getByRole('alert')).toContainText('Choose how many days a week');
  await plan.getByLabel('Days a week you usually run').selectOption('7');
  await plan.getByLabel('Your usual rest day (optional)').selectOption('1');
  await plan.getByTestId('plan-save').click();
  await expect(popup.getByTestId('plan-questions')).toHaveCount(0);
  await options.reload();
  await expect(options.getByTestId('plan-questions')).toBeVisible();
  await expect(options.getByLabel('Days a week you usually run')).toHaveValue('7');
  await expect(options.locator('#preset')).toHaveValue('experienced');
  // A daily runner has no streak limits (issue #20): both show 0 with "Off" ticked.
  await expect(options.locator('#maxDaysWithoutFullRest')).toHaveValue('0');
  await expect(options.locator('#maxRunDaysInRow-off')).toBeChecked();
  await expect(options.locator('#targetRunsPerWeek')).toHaveValue('7');
  await options.getByLabel('Days a week you usually run').selectOption('3');
  await options.getByTestId('plan-save').click();
  await expect(options.getByTestId('plan-saved')).toContainText('Beginner');
  await expect(options.getByTestId('plan-saved')).toContainText('after 2 running days in a row');
  await expect(options.locator('#preset')).toHaveValue('beginner');
  await expect(options.locator('#maxRunDaysInRow')).toHaveValue('2');
  await expect(options.locator('#targetRunsPerWeek')).toHaveValue('3');
});
