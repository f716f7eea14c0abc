import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { BADGE, badge, expectBadgeLevel } from './badge';
import { expect, test } from './extension-fixture';
import { realisticHistory, seed, sendFrom } from './seed';

// Issue 21, the check-in where it is seen: in Chrome's 360×600 popup the day's pain question sits
// just below the verdict until answered; a pain, a place and a red flag change the verdict, the
// badge and the exercises at once; answered, the card folds to one line.

test.describe.configure({ timeout: 150_000 });

/** Top and bottom of an element, in page pixels. */
async function box(page: Page, testId: string): Promise<{ top: number; bottom: number }> {
  const b = await page.getByTestId(testId).first().boundingBox();
  expect(b, testId).not.toBeNull();
  return { top: b!.y, bottom: b!.y + b!.height };
}

/**
 * The popup's words without the runner's own history (the weekly chart and the recent runs keep
 * their distances: they are records, not advice).
 */
function adviceText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
    for (const id of ['weekly-chart', 'recent-activities'])
      main.querySelector(`[data-testid="${id}"]`)!.closest('section')!.remove();
    return main.textContent ?? '';
  });
}

test('at 360×600: asked above the fold, then pain 6 outside, a limp in the groin and cleared, folded', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await seed(options, realisticHistory());
  expect((await sendFrom(options, { type: 'plan/answer', runDaysPerWeek: 5, usualRestDay: null })).ok).toBe(true);
  expect((await sendFrom(options, { type: 'settings/update', patch: { units: 'km' } })).ok).toBe(true);
  const popup = await openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 360, height: 600 });
  const verdict = popup.getByTestId('verdict');
  const checkin = popup.getByTestId('checkin');
  const pain = checkin.getByRole('radiogroup', { name: 'Hip pain today' });
  await expect(pain.getByRole('radio')).toHaveCount(11);
  await expect(popup.getByTestId('hip-care')).toBeVisible();

  // Not answered yet: just below the verdict, above the strip and hip care, whole within 600 px.
  const place = await box(popup, 'checkin');
  expect(place.top).toBeGreaterThanOrEqual((await box(popup, 'verdict')).bottom);
  expect(place.bottom).toBeLessThanOrEqual(600);
  expect(place.bottom).toBeLessThanOrEqual((await box(popup, 'day-strip')).top);
  expect(place.bottom).toBeLessThanOrEqual((await box(popup, 'hip-care')).top);
  await expect(checkin.getByTestId('checkin-line')).toHaveCount(0);
  await expect(verdict).not.toHaveAttribute('data-level', 'warning');
  expect((await badge(popup)).rgb).not.toEqual(BADGE.warning);
  // The whole library has the figure-four before any pain is said.
  const hipCare = popup.getByTestId('hip-care');
  await hipCare.getByTestId('hip-library').locator('> summary').click();
  await expect(hipCare.locator('[data-guidance="red_flag"]')).toBeVisible();
  await expect(hipCare.locator('[data-exercise="figure_four"]')).not.toHaveCount(0);

  // Pain 6: warning, red badge, and the question where.
  await pain.getByRole('radio', { name: '6', exact: true }).check();
  await expect(checkin.getByTestId('checkin-saved')).toContainText('6 of 10');
  await expect(verdict.locator('[data-code="pain_high"]')).toBeVisible();
  await expect(verdict).toHaveAttribute('data-level', 'warning');
  await expectBadgeLevel(popup, 'warning');
  const where = checkin.getByRole('radiogroup', { name: 'Where does it hurt?' });
  await expect(where.getByRole('radio')).toHaveCount(4);
  await expect(where.getByRole('radio', { checked: true })).toHaveCount(0);

  // The outside of the hip: no figure-four anywhere, no stress-fracture questions.
  await where.getByRole('radio', { name: 'The outside of the hip' }).check();
  await expect(where.getByRole('radio', { name: 'The outside of the hip' })).toBeChecked();
  await expect(hipCare.locator('[data-guidance="positions"]').first()).toBeVisible();
  await expect(popup.locator('[data-exercise="figure_four"]')).toHaveCount(0);
  await expect(checkin.getByLabel('It hurts at night or when resting')).toBeVisible();
  await expect(checkin.getByLabel('It hurts when I hop on that leg')).toHaveCount(0);
  await expect(checkin.getByLabel('I limp')).toHaveCount(0);

  // The groin: the stress-fracture questions. Until they are answered the card opens unfolded.
  await where.getByRole('radio', { name: 'The groin or front of the hip' }).check();
  await expect(checkin.getByLabel('It hurts when I hop on that leg')).toBeVisible();
  await popup.reload();
  await expect(where.getByRole('radio', { name: 'The groin or front of the hip' })).toBeChecked();
  await expect(popup.getByTestId('checkin-line')).toHaveCount(0);

  // "I limp": stop running, see a GP or physiotherapist, no distance, red badge.
  await expect(checkin.getByLabel('It hurts when I hop on that leg')).toBeVisible();
  await expect(checkin.getByLabel('It hurts when I walk')).toBeVisible();
  const axe = await new AxeBuilder({ page: popup }).include('[data-testid="checkin"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' '))}`)).toEqual([]);
  await checkin.getByLabel('I limp').check();
  await expect(verdict).toHaveAttribute('data-title', 'see_clinician');
  await expect(verdict.locator('[data-code="red_flag"]')).toContainText('a limp');
  await expect(hipCare).toHaveAttribute('data-state', 'clinician');
  await expect(popup.getByTestId('plan-day').first()).toHaveAttribute('data-kind', 'stop');
  expect(await adviceText(popup)).not.toMatch(/\d\s?(km|mi)\b/);
  await expectBadgeLevel(popup, 'warning');
  await expect(checkin.getByTestId('checkin-flags-gone')).toBeVisible();

  // Gone: unticked, the warning sign leaves the verdict; pain 6 still says warning.
  await checkin.getByLabel('I limp').uncheck();
  await expect(verdict).not.toHaveAttribute('data-title', 'see_clinician');
  await expect(verdict.locator('[data-code="red_flag"]')).toHaveCount(0);
  await expect(hipCare).toHaveAttribute('data-state', 'exercises');
  await expect(verdict.locator('[data-code="pain_high"]')).toBeVisible();

  // Opened again: one line beside the strip's heading, which opens the card to change it.
  await popup.reload();
  const line = popup.locator('section:has([data-testid="day-strip"])').getByTestId('checkin-line');
  await expect(line).toHaveText(/^Hip pain today: 6, groin\s*Change$/);
  await expect(popup.getByRole('radiogroup', { name: 'Hip pain today' })).toHaveCount(0);
  await expect(checkin).toHaveCount(0);
  // On the heading's row: the strip does not move down.
  const heading = await popup.locator('#strip-h').boundingBox();
  expect((await box(popup, 'checkin-line')).top).toBeLessThan(heading!.y + heading!.height);
  await line.click();
  await expect(checkin).toBeVisible();
  await expect(popup.getByTestId('checkin-line')).toHaveCount(0);
  await expect(popup.getByRole('radio', { name: '6', exact: true })).toBeChecked();
  await expect(popup.getByRole('radio', { name: 'The groin or front of the hip' })).toBeChecked();
  await popup.getByTestId('checkin-done').click();
  await expect(popup.getByTestId('checkin-line')).toBeFocused();
});
