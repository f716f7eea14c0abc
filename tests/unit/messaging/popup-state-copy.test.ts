import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import type { PopupState } from '../../../core/protocol';
import {
  currentCopy,
  dropPopupState,
  keepPopupState,
  keptCount,
  onPopupStateKept,
  POPUP_STATE_KEY,
  readPopupState,
} from '../../../messaging/popup-state-copy';

// 2026-11-30 23:30 in London is already 2026-12-01 in Berlin.
const NOW = Date.UTC(2026, 10, 30, 23, 30);
const state = (today: string, timeZone: string) => ({ today, timeZone, totalCount: 7 }) as unknown as PopupState;

beforeEach(() => fakeBrowser.reset());

describe("the popup's copy of its state", () => {
  it('is read back as the background kept it, for its own day and zone', async () => {
    await keepPopupState(state('2026-11-30', 'Europe/London'));
    const read = await readPopupState(NOW, 'Europe/London');
    expect(read?.totalCount).toBe(7);
  });

  it('keeps the count of stored activities until a change drops it, whatever day the copy is of', async () => {
    expect(await keptCount()).toBeNull();
    await keepPopupState(state('2026-11-29', 'Europe/London'));
    expect(await keptCount()).toBe(7);
    await dropPopupState();
    expect(await keptCount()).toBeNull();
  });

  it('is gone once dropped (a change is on its way), until the background keeps the next one', async () => {
    await keepPopupState(state('2026-11-30', 'Europe/London'));
    await dropPopupState();
    expect(await readPopupState(NOW, 'Europe/London')).toBeNull();
  });

  it('is not used for another day or another time zone (the background is asked instead)', async () => {
    await keepPopupState(state('2026-11-30', 'Europe/London'));
    expect(await readPopupState(NOW + 60 * 60_000, 'Europe/London')).toBeNull();
    expect(await readPopupState(NOW, 'Europe/Berlin')).toBeNull();
  });

  it('is not used when missing, from another format, or not an object', async () => {
    expect(await readPopupState(NOW, 'Europe/London')).toBeNull();
    await browser.storage.session.set({
      [POPUP_STATE_KEY]: { format: 0, state: state('2026-11-30', 'Europe/London') },
    });
    expect(await readPopupState(NOW, 'Europe/London')).toBeNull();
    expect(currentCopy('text', NOW, 'Europe/London')).toBeNull();
    expect(currentCopy(null, NOW, 'Europe/London')).toBeNull();
    expect(currentCopy({ format: 1 }, NOW, 'Europe/London')).toBeNull();
  });

  it('reaches an open page each time the background keeps a new one', async () => {
    const seen: number[] = [];
    const stop = onPopupStateKept((s) => seen.push(s.totalCount));
    await keepPopupState(state('2026-11-30', 'Europe/London'));
    await keepPopupState({ ...state('2026-11-30', 'Europe/London'), totalCount: 8 });
    await browser.storage.local.set({ [POPUP_STATE_KEY]: 'not this area' });
    stop();
    await keepPopupState({ ...state('2026-11-30', 'Europe/London'), totalCount: 9 });
    expect(seen).toEqual([7, 8]);
  });
});
