import { speak } from '../speak';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { badgeTitle, showBadge } from '../../../background/badge';

afterEach(() => vi.restoreAllMocks());

describe('badge tooltip', () => {
  it('says what the number means, with the right plural, in English', () => {
    speak('en');
    expect(badgeTitle(1, 'en')).toBe(
      'Hip Check: 1 day in a row with a run (the number on the button). Click for today’s advice.',
    );
    expect(badgeTitle(6, 'en')).toMatch(/^Hip Check: 6 days in a row with a run/);
    expect(badgeTitle(0, 'en')).toMatch(/^Hip Check: no run days in a row/);
  });

  it('speaks German in German', () => {
    speak('de');
    expect(badgeTitle(1, 'de')).toMatch(/^Hip Check: 1 Tag in Folge mit einem Lauf/);
    expect(badgeTitle(6, 'de')).toMatch(/^Hip Check: 6 Tage in Folge mit einem Lauf/);
  });

  it('is set with the badge', async () => {
    speak('en');
    const text = vi.spyOn(browser.action, 'setBadgeText').mockResolvedValue(undefined);
    vi.spyOn(browser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
    const title = vi.spyOn(browser.action, 'setTitle').mockResolvedValue(undefined);
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('en');
    await showBadge(4, 'ok');
    expect(text).toHaveBeenCalledWith({ text: '4' });
    expect(title).toHaveBeenCalledWith({ title: expect.stringMatching(/^Hip Check: 4 days in a row/) });
  });
});
