import { browser } from 'wxt/browser';
import { numberFormat, pluralRules } from './intl-cache';

/** Text from _locales (the browser picks the language); the key itself if a message is missing. */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key as never, substitutions) || key;
}

let language: string | undefined;

/** The browser's UI language, asked once: each call crosses into the browser (about 0.1 ms). */
export function uiLanguage(): string {
  language ??= browser.i18n.getUILanguage?.() || navigator.language;
  return language;
}

/** For unit tests that switch the fake browser's language between cases. */
export function forgetUiLanguage(): void {
  language = undefined;
}

/**
 * A message that depends on a count: `${key}_one`, `${key}_other` (and any other plural category
 * the language has), chosen with Intl.PluralRules in the browser's UI language.
 */
export function tn(key: string, count: number, substitutions: string[] = []): string {
  const lang = uiLanguage();
  const form = pluralRules(lang).select(count);
  const subs = [numberFormat(lang).format(count), ...substitutions];
  // Keys are built from the caller's base (checked there, as `${key}_other`, by the locale tests).
  const exact = key + '_' + form;
  const other = key + '_other';
  return browser.i18n.getMessage(exact as never, subs) || browser.i18n.getMessage(other as never, subs) || exact;
}
