import { browser } from 'wxt/browser';

// The toolbar badge: consecutive days with a run, ending today. Empty when there is no streak,
// so a rest day shows as a clean icon.
const COLORS = { ok: '#2e7d32', caution: '#b26a00', rest_due: '#c62828', warning: '#c62828' } as const;
export type BadgeLevel = keyof typeof COLORS;

export async function showBadge(streakDays: number, level: BadgeLevel): Promise<void> {
  await browser.action.setBadgeText({ text: streakDays > 0 ? String(Math.min(streakDays, 999)) : '' });
  await browser.action.setBadgeBackgroundColor({ color: COLORS[level] });
}
