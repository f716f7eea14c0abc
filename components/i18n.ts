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
 * A message that depends on a count, in the plural form the UI language needs: `${key}_none` for
 * 0 where a message has its own words for nothing ("No easy days", not "0 easy days"), else
 * `${key}_one`, `${key}_other` (or any other category the language has, by Intl.PluralRules),
 * else `${key}_other`. chrome.i18n has no plurals, hence the forms as separate messages.
 * Substitutions default to the count alone, as $1; a message whose count sits elsewhere passes
 * its own, the count among them. Not CLDR's "zero" for 0: in Latvian that category also covers
 * 10, 11…19, 20.
 */
export function tn(key: string, count: number, substitutions?: string | string[], locale = uiLanguage()): string {
  const subs = substitutions ?? [numberFormat(locale).format(count)];
  // Keys are built from the caller's base (checked there, as `${key}_other`, by the locale tests).
  const get = (suffix: string) => browser.i18n.getMessage((key + suffix) as never, subs);
  return (
    (count === 0 && get('_none')) || get(`_${pluralRules(locale).select(count)}`) || get('_other') || `${key}_other`
  );
}
