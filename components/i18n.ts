import { browser } from 'wxt/browser';

/** Text from _locales (the browser picks the language); the key itself if a message is missing. */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key as never, substitutions) || key;
}
