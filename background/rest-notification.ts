import { browser } from 'wxt/browser';
import type { Settings } from '../core/settings';
import type { Verdict } from '../core/engine/verdict';
import { addDays } from '../core/local-date';

// A browser notification when a rest day is due (today or tomorrow, within the limit or past it):
// only if the runner turned it on (and granted the permission), at most once a day, and not once
// they marked today as rest. Pain and distance advice stay in the popup.
const REST_TITLES: readonly Verdict['title'][] = [
  'rest_today',
  'rest_tomorrow',
  'warning_rest_today',
  'warning_rest_tomorrow',
];
const KEY = 'lastRestNotice';

export function shouldNotify(
  settings: Settings,
  verdict: Verdict,
  restedToday: boolean,
  lastNoticeDate: string | null,
): boolean {
  if (!settings.notifications || restedToday || lastNoticeDate === verdict.today) return false;
  if (!REST_TITLES.includes(verdict.title)) return false;
  // A rest day the streak asks for; a rest day for pain is said where the pain was entered.
  const day = verdict.title.endsWith('_tomorrow') ? addDays(verdict.today, 1) : verdict.today;
  return verdict.streak.restDueOn === day || verdict.streak.fullRestDueOn === day;
}

export async function maybeNotify(
  settings: Settings,
  verdict: Verdict,
  restedToday: boolean,
  title: string,
  message: string,
): Promise<boolean> {
  const last = (await browser.storage.local.get(KEY))[KEY];
  if (!shouldNotify(settings, verdict, restedToday, typeof last === 'string' ? last : null)) return false;
  if (!browser.notifications || !(await browser.permissions.contains({ permissions: ['notifications'] }))) return false;
  await browser.notifications.create('hip-check-rest', {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
  });
  await browser.storage.local.set({ [KEY]: verdict.today });
  return true;
}
