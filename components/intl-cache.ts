// Intl formatters are slow to build (a fraction of a millisecond each, far more than a format
// call) and the popup formats dozens of dates and numbers on opening: each is built once per
// language and options, and reused.

const cache = new Map<string, unknown>();

function cached<T>(kind: string, locale: string, options: object | undefined, make: () => T): T {
  const key = `${kind}|${locale}|${options ? JSON.stringify(options) : ''}`;
  let f = cache.get(key) as T | undefined;
  if (f === undefined) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

export const numberFormat = (locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat =>
  cached('n', locale, options, () => new Intl.NumberFormat(locale, options));

export const dateFormat = (locale: string, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  cached('d', locale, options, () => new Intl.DateTimeFormat(locale, options));

export const listFormat = (locale: string): Intl.ListFormat =>
  cached('l', locale, undefined, () => new Intl.ListFormat(locale));

export const pluralRules = (locale: string): Intl.PluralRules =>
  cached('p', locale, undefined, () => new Intl.PluralRules(locale));
