// The options page by keyboard, in both browsers (issue #23): Tab from the top reaches every action
// the page offers, once each, in page order, each with a focus ring a runner can see. The list of
// actions is read from the page itself (every enabled, shown button, link, field and summary), so a
// control added later is checked without anyone updating this file.
import { daysAgo, realisticHistory, runOn } from '../e2e/seed';
import type { DriverPage } from './driver';
import { seed } from './ext';
import { expect, test } from './fixture';

/** One Tab stop: which of the page's controls has focus (-1: none of them), and how it shows. */
interface Stop {
  index: number;
  label: string;
  shown: boolean;
  ring: boolean;
}

/**
 * Remembers the page's controls in document order (on window, for the stops read later) and
 * returns their labels. Runs in the page: everything it needs is inside it.
 */
function listControls(): string[] {
  const clipped = (el: Element): boolean => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      const clip = s.getPropertyValue('clip');
      if (clip !== 'auto' && clip !== '') return true;
      if (s.clipPath !== 'none') return true;
    }
    return false;
  };
  // On screen, at a size a runner can see, not made invisible nor clipped away (.visually-hidden).
  const shown = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    return (
      r.width >= 4 &&
      r.height >= 4 &&
      el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
      !clipped(el)
    );
  };
  const label = (el: Element): string => {
    const name =
      el.getAttribute('data-testid') ??
      el.getAttribute('aria-label') ??
      (el.id ? `#${el.id}` : null) ??
      ((el as HTMLInputElement).labels?.[0] ?? el).textContent?.trim().replace(/\s+/g, ' ').slice(0, 40) ??
      '';
    const type = el instanceof HTMLInputElement ? `[${el.type}]` : '';
    return `${el.tagName.toLowerCase()}${type} ${name}`;
  };
  const radioStop = (el: Element): boolean => {
    // A radio group is one stop: its checked radio, or its first when none is.
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || !el.name) return true;
    const group = Array.from(document.querySelectorAll<HTMLInputElement>(`input[type=radio]`)).filter(
      (r) => r.name === el.name && r.form === el.form,
    );
    return el === (group.find((r) => r.checked) ?? group[0]);
  };
  const controls = Array.from(
    document.querySelectorAll(
      // Native controls whatever their tabindex (one at -1 must fail); others only when made tabbable.
      'a[href], button, input:not([type=hidden]), select, textarea, details > summary:first-of-type, [contenteditable], [tabindex]:not([tabindex^="-"])',
    ),
  ).filter((el) => !el.matches(':disabled') && !el.closest('[inert]') && shown(el) && radioStop(el));
  (window as unknown as { kb: unknown }).kb = { controls, shown, label };
  return controls.map(label);
}

/** Where focus is now, read in the page after listControls. */
function focusedStop(): Stop | null {
  const { controls, shown, label } = (
    window as unknown as {
      kb: { controls: Element[]; shown: (e: Element) => boolean; label: (e: Element) => string };
    }
  ).kb;
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const s = getComputedStyle(el);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1 && s.outlineColor !== 'rgba(0, 0, 0, 0)';
  const shadow = s.boxShadow !== 'none' && s.boxShadow !== '';
  // The ring drawn outside the element must not be cut off by a box that clips its content.
  const r = el.getBoundingClientRect();
  const out = outline ? Math.max(0, parseFloat(s.outlineOffset) + parseFloat(s.outlineWidth)) : 0;
  let whole = true;
  for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
    const c = getComputedStyle(e);
    if (c.overflowX === 'visible' && c.overflowY === 'visible') continue;
    const b = e.getBoundingClientRect();
    if (r.left - out < b.left - 0.5 || r.right + out > b.right + 0.5) whole = false;
    if (r.top - out < b.top - 0.5 || r.bottom + out > b.bottom + 0.5) whole = false;
  }
  return {
    index: controls.indexOf(el),
    label: label(el),
    shown: shown(el),
    ring: el.matches(':focus-visible') && (outline || shadow) && whole,
  };
}

/** Presses Tab from the top of the page until focus comes back round (or leaves the page). */
async function tabThrough(page: DriverPage, max: number): Promise<Stop[]> {
  // Focus on the page's heading (focusable for now, not a Tab stop): the next Tab starts at the top.
  await page.evaluate(() => {
    const h1 = document.querySelector('h1')!;
    h1.tabIndex = -1;
    h1.focus();
  });
  const stops: Stop[] = [];
  for (let i = 0; i < max; i++) {
    await page.press('Tab');
    const stop = await page.evaluate(focusedStop);
    if (!stop) {
      if (stops.length) break;
      continue;
    }
    if (stops.length && stop.index === stops[0]!.index && stop.index !== -1) break;
    stops.push(stop);
  }
  await page.evaluate(() => document.querySelector('h1')!.removeAttribute('tabindex'));
  return stops;
}

async function openWithHistory(driver: Parameters<Parameters<typeof test>[2]>[0]['driver']) {
  const options = await driver.openExtensionPage('options.html');
  // Eight weeks of runs (more than a page of history: "Older" is enabled) and today's hip answer.
  const older = Array.from({ length: 16 }, (_, i) => runOn(60 + 2 * i, 8, `older${i}`));
  await seed(options, [...realisticHistory(), ...older]);
  const r = await options.evaluate(
    (checkIn) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }
      ).chrome.runtime.sendMessage({ type: 'checkin/set', checkIn }),
    { date: daysAgo(0), pain: 2 },
  );
  expect(r.ok).toBe(true);
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
  const stops = await tabThrough(options, controls.length + 20);
  console.log(`${driver.engine}: ${controls.length} controls, ${stops.length} Tab stops`);
  for (const s of stops) console.log(`  ${s.index}\t${s.shown ? '' : 'HIDDEN '}${s.ring ? '' : 'NO-RING '}${s.label}`);

  // Every control, once, in page order; nothing else (no stop on something hidden or unlisted).
  expect(stops.map((s) => (s.index === -1 ? `not a shown control: ${s.label}` : controls[s.index]))).toEqual(controls);
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
});

/** The focused element as listControls labels it, or null when focus fell to the page. */
function focusedLabel(page: DriverPage): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const name = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
    return `${el.tagName.toLowerCase()} ${name}`;
  });
}

const focusOn = (page: DriverPage, selector: string) =>
  page.evaluate((s) => document.querySelector<HTMLElement>(s)!.focus(), selector);

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
