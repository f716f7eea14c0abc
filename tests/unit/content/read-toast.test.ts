import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { newlyRead, showReadToast } from '../../../content/read-toast';
import { speak } from '../speak';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('the confirmation on the site when a run is read', () => {
  it('counts what was new or changed, and nothing for refusals, known runs or odd replies', () => {
    expect(newlyRead({ ok: true, added: 1, merged: 0, updated: 0, known: 3 })).toBe(1);
    expect(newlyRead({ ok: true, added: 2, merged: 1, updated: 1 })).toBe(4);
    expect(newlyRead({ ok: true, added: 0, known: 5 })).toBe(0);
    expect(newlyRead({ ok: false, added: 3 })).toBe(0);
    expect(newlyRead({ ok: true, added: -1, merged: '2' })).toBe(0);
    expect(newlyRead(undefined)).toBe(0);
  });

  it('shows a status in the page and takes it away by itself', () => {
    vi.useFakeTimers();
    speak('en');
    showReadToast(1);
    expect(browser.i18n.getMessage).toHaveBeenCalledWith('toastRead_one', ['1']);
    expect(document.body.querySelectorAll('hip-check-toast')).toHaveLength(1);
    vi.advanceTimersByTime(3900);
    expect(document.body.querySelectorAll('hip-check-toast')).toHaveLength(1);
    vi.advanceTimersByTime(200);
    expect(document.body.querySelectorAll('hip-check-toast')).toHaveLength(0);
  });

  it('shows nothing when nothing was read', () => {
    showReadToast(0);
    expect(document.body.querySelectorAll('hip-check-toast')).toHaveLength(0);
  });
});
