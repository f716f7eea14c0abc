import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import { browser } from 'wxt/browser';
import { forgetUiLanguage } from '../../components/i18n';
import { repoPath } from '../paths';

export type Messages = Record<string, { message: string }>;

/** A locale's messages.json as shipped. */
export const messagesOf = (lang: string): Messages =>
  JSON.parse(readFileSync(repoPath('public/_locales', lang, 'messages.json'), 'utf8')) as Messages;

/** browser.i18n.getMessage as Chrome does it: $1…$9 replaced, '' for a missing key. */
export function getMessageIn(lang: string, onKey?: (key: string) => void) {
  const messages = messagesOf(lang);
  return (key: string, subs?: string | string[]): string => {
    onKey?.(key);
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    const m = messages[key]?.message;
    return m === undefined ? '' : m.replace(/\$(\d)/g, (_, d: string) => list[Number(d) - 1] ?? '');
  };
}

/** Makes the fake browser speak a shipped locale, messages and UI language (restore with vi.restoreAllMocks). */
export function speak(lang: string, onKey?: (key: string) => void): void {
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(getMessageIn(lang, onKey));
  vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue(lang);
  // Pages ask the UI language once; a test switching languages must be asked again.
  forgetUiLanguage();
}
