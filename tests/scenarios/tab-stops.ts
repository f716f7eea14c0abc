// Tab stops of an extension page, read the same way in both browsers: the page's controls listed
// from its DOM, and where each Tab press puts focus and whether a runner can see it there.
import type { DriverPage } from './driver';

/** One Tab stop: which of the page's controls has focus (-1: none of them), and how it shows. */
export interface Stop {
  index: number;
  label: string;
  shown: boolean;
  ring: boolean;
}

/**
 * Remembers the page's controls in document order (on window, for the stops read later) and
 * returns their labels. Runs in the page: everything it needs is inside it.
 */
export function listControls(): string[] {
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
export function focusedStop(): Stop | null {
  const { controls, shown, label } = (
    window as unknown as {
      kb: { controls: Element[]; shown: (e: Element) => boolean; label: (e: Element) => string };
    }
  ).kb;
  const el = document.activeElement;
  // Keys go where the browser's focus is: an element focused in a window without it counts for nothing.
  if (!document.hasFocus() || !el || el === document.body || el === document.documentElement) return null;
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

/**
 * Presses Tab from the top of the page to its end (a mark placed after everything, so focus
 * never leaves the page for the browser's own controls, whence keys would not come back), or
 * until focus comes round to the first stop: the stops of one cycle, and whether it ended so
 * rather than cut short at `max`.
 */
export async function tabThrough(page: DriverPage, max: number): Promise<{ stops: Stop[]; ended: boolean }> {
  await page.evaluate(() => {
    for (const [id, tabIndex] of [
      ['tab-start', -1],
      ['tab-end', 0],
    ] as const) {
      const mark = document.createElement('span');
      mark.id = id;
      mark.tabIndex = tabIndex;
      mark.style.position = 'absolute';
      if (tabIndex < 0) document.body.prepend(mark);
      else document.body.append(mark);
    }
    // Focused, the start mark (not a Tab stop) makes the next Tab start at the top.
    document.getElementById('tab-start')!.focus();
  });
  const stops: Stop[] = [];
  let ended = false;
  for (let i = 0; i < max && !ended; i++) {
    await page.press('Tab');
    const stop = await page.evaluate(focusedStop);
    if (stop?.label === 'span #tab-end') ended = true;
    else if (stop && stops.length && stop.index === stops[0]!.index && stop.index !== -1) ended = true;
    else if (stop) stops.push(stop);
  }
  await page.evaluate(() => {
    document.getElementById('tab-start')!.remove();
    document.getElementById('tab-end')!.remove();
  });
  return { stops, ended };
}

/** The focused element, labelled much as listControls does, or null when focus fell to the page. */
export function focusedLabel(page: DriverPage): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const name = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
    return `${el.tagName.toLowerCase()} ${name}`;
  });
}

export const focusOn = (page: DriverPage, selector: string) =>
  page.evaluate((s) => document.querySelector<HTMLElement>(s)!.focus(), selector);
