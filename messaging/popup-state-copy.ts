import { browser } from 'wxt/browser';
import { localDateOf } from '../core/local-date';
import type { PopupState } from '../core/protocol';

// The background keeps a copy of the popup's state in storage.session (memory only, never on
// disk, gone when the browser closes) each time it recomputes it. The popup reads that copy
// instead of messaging the background: one hop to the browser instead of two, and no wait for
// a background worker the browser stopped while idle. The copy is the very state the background
// would answer with (written where it is computed), and it is used only for the day and time
// zone it was computed for; otherwise the popup asks the background.

export const POPUP_STATE_KEY = 'popupState';
/** Bumped when PopupState changes shape, so a copy from an older build is never rendered. */
const FORMAT = 1;

interface Copy {
  format: number;
  state: PopupState;
}

export async function keepPopupState(state: PopupState): Promise<void> {
  const copy: Copy = { format: FORMAT, state };
  await browser.storage.session.set({ [POPUP_STATE_KEY]: copy });
}

/** No copy until the background computes the next one: the popup asks the background meanwhile. */
export async function dropPopupState(): Promise<void> {
  await browser.storage.session.remove(POPUP_STATE_KEY);
}

/** The copy if it was made for today in this time zone; null when missing, stale or unreadable. */
export function currentCopy(value: unknown, nowMs: number, timeZone: string): PopupState | null {
  const copy = value as Partial<Copy> | undefined;
  if (copy?.format !== FORMAT || !copy.state) return null;
  const s = copy.state;
  if (s.timeZone !== timeZone || s.today !== localDateOf(nowMs, timeZone)) return null;
  return s;
}

export async function readPopupState(nowMs: number, timeZone: string): Promise<PopupState | null> {
  try {
    const got = await browser.storage.session.get(POPUP_STATE_KEY);
    return currentCopy(got[POPUP_STATE_KEY], nowMs, timeZone);
  } catch {
    // A browser without storage.session: the background answers instead.
    return null;
  }
}

/**
 * The number of stored activities in the copy, whatever day it was made for: every change drops
 * the copy first, so while there is one, its count is true. Null without a copy.
 */
export async function keptCount(): Promise<number | null> {
  try {
    const copy = (await browser.storage.session.get(POPUP_STATE_KEY))[POPUP_STATE_KEY] as Partial<Copy> | undefined;
    return copy?.format === FORMAT && typeof copy.state?.totalCount === 'number' ? copy.state.totalCount : null;
  } catch {
    return null;
  }
}

/** Calls back with each new copy the background makes while a page is open. */
export function onPopupStateKept(listener: (state: PopupState) => void): () => void {
  const l = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const copy = changes[POPUP_STATE_KEY]?.newValue as Partial<Copy> | undefined;
    if (area === 'session' && copy?.format === FORMAT && copy.state) listener(copy.state);
  };
  browser.storage.onChanged.addListener(l);
  return () => browser.storage.onChanged.removeListener(l);
}
