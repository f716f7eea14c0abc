import { browser } from 'wxt/browser';
import { tn } from '../components/i18n';
import type { Level } from '../core/engine/verdict';

// The toolbar badge: consecutive days with a run, ending today, in the verdict's colour. Empty
// when there is no streak, so a rest day (or "I rested today") shows as a clean icon. A rest day
// that is due is calm blue, not red: red is only for a limit actually passed, pain or red flags.
export const BADGE_COLORS: Readonly<Record<Level, string>> = {
  ok: '#2e7d32',
  calm: '#1f5f8b',
  ease_off: '#b26a00',
  warning: '#c62828',
};

/**
 * The button's tooltip says what the number means ("Hip Check: 6 days in a row with a run"), in
 * the browser's language, with the plural form that language needs.
 */
export function badgeTitle(streakDays: number, lang = browser.i18n.getUILanguage()): string {
  return tn('badgeTitle', Math.max(0, streakDays), undefined, lang);
}

export async function showBadge(streakDays: number, level: Level): Promise<void> {
  await browser.action.setBadgeText({ text: streakDays > 0 ? String(Math.min(streakDays, 999)) : '' });
  await browser.action.setBadgeBackgroundColor({ color: BADGE_COLORS[level] });
  await browser.action.setTitle({ title: badgeTitle(streakDays) });
}
