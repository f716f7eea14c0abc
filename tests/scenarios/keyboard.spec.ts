// The popup by keyboard, in both browsers: opening "I ran today" puts focus in the form, Escape
// closes it and gives focus back, and Undo gives focus back to what it undid (issue #23: Enter on
// "I ran today" left focus on the button, so the next Tab and Enter logged a rest day).
import { daysAgo, realisticHistory, runOn } from '../e2e/seed';
import type { DriverPage } from './driver';
import { answerCheckIn, seed } from './ext';
import { expect, test } from './fixture';
import { listControls, tabThrough } from './tab-stops';

const focus = (page: DriverPage, testId: string) =>
  page.evaluate((id) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!.focus(), testId);

test('"I ran today" by keyboard: focus in the form, Escape back, Undo back to the button', async ({ driver }) => {
  const options = await driver.openExtensionPage('options.html');
  // A run three days back: the popup has a verdict and "I ran today" for today.
  await seed(options, [runOn(3, 8, 'kb-3')]);
  const popup = await driver.openExtensionPage('popup.html');
  await expect.poll(() => popup.count('[data-testid="i-ran"]'), { timeout: 20_000 }).toBe(1);

  await focus(popup, 'i-ran');
  await popup.press('Enter');
  await expect.poll(() => popup.count('[data-testid="run-form"]')).toBe(1);
  // Focus is in the form's first field (the checked "when" choice), not on the buttons beside it.
  await expect.poll(() => popup.focused()).toBe('when-now');
  expect(await popup.evaluate(() => !!document.activeElement?.closest('[data-testid="run-form"]'))).toBe(true);

  await popup.press('Escape');
  await expect.poll(() => popup.count('[data-testid="run-form"]')).toBe(0);
  await expect.poll(() => popup.focused()).toBe('i-ran');

  // Open again and save: focus goes to "Add another run today", Undo gives it back to "I ran today".
  await popup.press('Enter');
  await expect.poll(() => popup.count('[data-testid="save-run"]')).toBe(1);
  await popup.click('[data-testid="save-run"]');
  await expect.poll(() => popup.count('[data-testid="undo"]')).toBe(1);
  await expect.poll(() => popup.focused()).toBe('add-another-run');
  await focus(popup, 'undo');
  await popup.press('Enter');
  await expect.poll(() => popup.count('[data-testid="undo"]')).toBe(0);
  await expect.poll(() => popup.focused()).toBe('i-ran');
});

test('"I rested today" undone by keyboard gives focus back to "I rested today"', async ({ driver }) => {
  const options = await driver.openExtensionPage('options.html');
  await seed(options, [runOn(3, 8, 'kb-r3')]);
  const popup = await driver.openExtensionPage('popup.html');
  await expect.poll(() => popup.count('[data-testid="i-rested"]'), { timeout: 20_000 }).toBe(1);
  await focus(popup, 'i-rested');
  await popup.press('Enter');
  await expect.poll(() => popup.count('[data-testid="undo"]')).toBe(1);
  await focus(popup, 'undo');
  await popup.press('Enter');
  await expect.poll(() => popup.count('[data-testid="undo"]')).toBe(0);
  await expect.poll(() => popup.focused()).toBe('i-rested');
});

test('Tab reaches every action of the popup once, in order, with a visible focus ring', async ({ driver }) => {
  const options = await driver.openExtensionPage('options.html');
  await seed(options, realisticHistory());
  // A hip answer today: the popup links to the pain trend as well.
  await answerCheckIn(options, daysAgo(0), 2);
  const popup = await driver.openExtensionPage('popup.html');
  // Its lazily loaded lower parts too: the catch-up button is among the last to arrive.
  await expect.poll(() => popup.count('[data-testid="catch-up"]'), { timeout: 20_000 }).toBe(1);
  await expect.poll(() => popup.count('[data-testid="trend-link"]')).toBe(1);
  const controls = await popup.evaluate(listControls);
  const { stops, ended } = await tabThrough(popup, controls.length + 10);
  expect(stops.map((s) => (s.index === -1 ? `not a shown control: ${s.label}` : controls[s.index]))).toEqual(controls);
  // And nothing more, hidden or not, after the last.
  expect(ended).toBe(true);
  expect(stops.filter((s) => !s.shown || !s.ring).map((s) => s.label)).toEqual([]);
  expect(controls).toContain('button add-another-run');
  expect(controls).toContain('button checkin-line');
});
