// The options page by keyboard, in both browsers (issue #23): Tab from the top reaches every action
// the page offers, once each, in page order, each with a focus ring a runner can see. The list of
// actions is read from the page itself (every enabled, shown button, link, field and summary), so a
// control added later is checked without anyone updating this file.
import { daysAgo, realisticHistory, runOn } from '../e2e/seed';
import type { Driver } from './driver';
import { answerCheckIn, seed } from './ext';
import { expect, test } from './fixture';
import { focusedLabel, focusOn, listControls, tabThrough } from './tab-stops';

async function openWithHistory(driver: Driver) {
  const options = await driver.openExtensionPage('options.html');
  // Eight weeks of runs (more than a page of history: "Older" is enabled) and today's hip answer.
  const older = Array.from({ length: 16 }, (_, i) => runOn(60 + 2 * i, 8, `older${i}`));
  await seed(options, [...realisticHistory(), ...older]);
  await answerCheckIn(options, daysAgo(0), 2);
  await options.reload();
  await expect.poll(() => options.count('[data-testid="history"] tbody tr'), { timeout: 20_000 }).toBe(50);
  await expect.poll(() => options.count('[data-testid="trend-chart"]')).toBe(1);
  return options;
}

test('Tab reaches every action of the options page once, in order, with a visible focus ring', async ({ driver }) => {
  const options = await openWithHistory(driver);
  // Two files Hip Check cannot read: the import's summary, with its list of files behind a summary.
  await options.setFiles('#import-input', [
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an activity') },
    { name: 'broken.gpx', mimeType: 'application/gpx+xml', buffer: Buffer.from('<gpx') },
  ]);
  await expect.poll(() => options.count('[data-testid="data-message"] details > summary')).toBe(1);
  // The history's other controls too: a run deleted (Undo), one being edited, one asked about.
  // (Delete-all's question takes its button's place: the last test tabs through it.)
  const rows = '[data-testid="history"] tbody tr';
  await options.click(`${rows}:nth-child(3) [data-action="delete"]`);
  await options.click('[data-testid="delete-yes"]');
  await expect.poll(() => options.count('[data-testid="undo-delete"]')).toBe(1);
  await options.click(`${rows}:nth-child(1) [data-action="edit"]`);
  await options.click(`${rows}:nth-child(2) [data-action="delete"]`);
  await expect.poll(() => options.count(`${rows}.editing select`)).toBe(1);
  await expect.poll(() => options.count('[data-testid="delete-yes"]')).toBe(1);

  const controls = await options.evaluate(listControls);
  const { stops, ended } = await tabThrough(options, controls.length + 20);

  // Every control, once, in page order; nothing else (no stop on something hidden or unlisted).
  expect(stops.map((s) => (s.index === -1 ? `not a shown control: ${s.label}` : controls[s.index]))).toEqual(controls);
  // And nothing more, hidden or not, after the last.
  expect(ended).toBe(true);
  expect(stops.filter((s) => !s.shown).map((s) => s.label)).toEqual([]);
  expect(stops.filter((s) => !s.ring).map((s) => s.label)).toEqual([]);

  // The page's main actions by name, so an empty page cannot pass.
  const reached = stops.map((s) => s.label);
  for (const named of [
    /^a privacy-link$/,
    /^button Export backup$/,
    /^input\[file\] #import-input$/,
    /^input\[file\] #import-folder$/,
    /^summary /,
    /^button Delete the activity of /,
    /^button Edit the activity of /,
    /^button undo-delete$/,
    /^select Sport$/,
    /^button delete-yes$/,
    /^button Keep it$/,
    /^button Older$/,
    /^select #plan-days$/,
    /^button plan-save$/,
    /^input\[number\] #/,
    /^input\[checkbox\] sync-toggle$/,
    /^button Delete all data$/,
  ])
    expect(
      reached.some((l) => named.test(l)),
      String(named),
    ).toBe(true);

  // Paging to the last page disables "Older": focus goes to "Newer", not to the page; and back.
  await focusOn(options, '.pager button:last-of-type');
  await options.press('Enter');
  await expect.poll(() => options.text('.pager span')).toBe('Page 2 of 2');
  await expect.poll(() => focusedLabel(options)).toBe('button Newer');
  await options.press('Enter');
  await expect.poll(() => options.text('.pager span')).toBe('Page 1 of 2');
  await expect.poll(() => focusedLabel(options)).toBe('button Older');
});

test('a history row by keyboard: edit and delete move focus in, Escape and Keep give it back', async ({ driver }) => {
  const options = await driver.openExtensionPage('options.html');
  await seed(options, [runOn(2, 8, 'row-a'), runOn(3, 6, 'row-b')]);
  await options.reload();
  await expect.poll(() => options.count('[data-testid="history"] tbody tr')).toBe(2);
  const key = await options.attribute('[data-testid="history"] tbody tr', 'data-key');
  const row = `tr[data-key="${key}"]`;
  const rowDelete = /^button Delete the activity of /;
  const rowEdit = /^button Edit the activity of /;

  // Delete asks first, with focus on the safe answer; Shift+Tab reaches "Yes, delete".
  await focusOn(options, `${row} button[aria-label^="Delete"]`);
  await options.press('Enter');
  await expect.poll(() => focusedLabel(options)).toBe('button Keep it');
  await options.press('Shift+Tab');
  await expect.poll(() => focusedLabel(options)).toBe('button delete-yes');
  await options.press('Tab');
  await options.press('Enter');
  await expect.poll(() => options.count(`${row} [data-testid="delete-yes"]`)).toBe(0);
  await expect.poll(() => focusedLabel(options)).toMatch(rowDelete);
  // Escape answers "Keep it" too.
  await options.press('Enter');
  await expect.poll(() => focusedLabel(options)).toBe('button Keep it');
  await options.press('Escape');
  await expect.poll(() => options.count(`${row} [data-testid="delete-yes"]`)).toBe(0);
  await expect.poll(() => focusedLabel(options)).toMatch(rowDelete);

  // Edit puts focus in the row's first field; Escape cancels and gives focus back to Edit.
  await focusOn(options, `${row} button[aria-label^="Edit"]`);
  await options.press('Enter');
  await expect.poll(() => options.count(`${row}.editing`)).toBe(1);
  await expect.poll(() => focusedLabel(options)).toBe('select Sport');
  await options.press('Escape');
  await expect.poll(() => options.count(`${row}.editing`)).toBe(0);
  await expect.poll(() => focusedLabel(options)).toMatch(rowEdit);
  // Saved by keyboard: distance, time, Save; focus back on the row's Edit.
  await options.press('Enter');
  await expect.poll(() => focusedLabel(options)).toBe('select Sport');
  await options.press('Tab');
  await options.press('Tab');
  await options.press('Tab');
  await expect.poll(() => focusedLabel(options)).toBe('button Save');
  await options.press('Enter');
  await expect.poll(() => options.count(`${row}.editing`)).toBe(0);
  await expect.poll(() => focusedLabel(options)).toMatch(rowEdit);

  // Deleted by keyboard, then undone: focus on Undo, then on the row again.
  await focusOn(options, `${row} button[aria-label^="Delete"]`);
  await options.press('Enter');
  await expect.poll(() => focusedLabel(options)).toBe('button Keep it');
  await options.press('Shift+Tab');
  await options.press('Enter');
  await expect.poll(() => options.count('[data-testid="history"] tbody tr')).toBe(1);
  await expect.poll(() => focusedLabel(options)).toBe('button undo-delete');
  await options.press('Enter');
  await expect.poll(() => options.count('[data-testid="history"] tbody tr')).toBe(2);
  await expect.poll(() => focusedLabel(options)).toMatch(rowEdit);
});

test('"Delete all data" by keyboard: focus on Cancel, Escape back, deleted with focus kept', async ({ driver }) => {
  const options = await driver.openExtensionPage('options.html');
  await seed(options, [runOn(2, 8, 'all-a')]);
  await options.reload();
  await expect.poll(() => options.count('[data-testid="history"] tbody tr')).toBe(1);
  const deleteAll = 'button Delete all data';

  await focusOn(options, '.delete-all button');
  await options.press('Enter');
  await expect.poll(() => focusedLabel(options)).toBe('button Cancel');
  await options.press('Enter');
  await expect.poll(() => options.count('.delete-all [role="alertdialog"]')).toBe(0);
  await expect.poll(() => focusedLabel(options)).toBe(deleteAll);
  await options.press('Enter');
  await expect.poll(() => focusedLabel(options)).toBe('button Cancel');
  await options.press('Escape');
  await expect.poll(() => options.count('.delete-all [role="alertdialog"]')).toBe(0);
  await expect.poll(() => focusedLabel(options)).toBe(deleteAll);

  await options.press('Enter');
  await expect.poll(() => focusedLabel(options)).toBe('button Cancel');
  await options.press('Shift+Tab');
  await expect.poll(() => focusedLabel(options)).toBe('button Yes, delete everything');
  await options.press('Enter');
  await expect.poll(() => options.count('[data-testid="history"]')).toBe(0);
  await expect.poll(() => focusedLabel(options)).toBe(deleteAll);
});
