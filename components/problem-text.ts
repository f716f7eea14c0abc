import { browser } from 'wxt/browser';
import { tn, uiLanguage } from './i18n';
import { listFormat, numberFormat } from './intl-cache';
import { COUNTED_PROBLEMS, problemMessageName, type Problem, type ProblemParam } from '../core/problem-codes';

// The one place a problem code becomes words: its message in _locales (en, de), with each
// parameter rendered first (numbers in the UI's language, nested problems as their own text).

function paramText(p: ProblemParam, lang: string): string {
  if (typeof p === 'number') return numberFormat(lang, { maximumFractionDigits: 1 }).format(p);
  if (typeof p === 'string') return p;
  if (Array.isArray(p)) return listFormat(lang).format((p as readonly Problem[]).map(problemText));
  return problemText(p as Problem);
}

/** A problem as a sentence in the UI's language; a code without a message shows the code, never nothing. */
export function problemText(p: Problem): string {
  const lang = uiLanguage();
  const params = p.params as readonly ProblemParam[];
  const subs = params.map((x) => paramText(x, lang));
  const counted = COUNTED_PROBLEMS[p.code];
  if (counted !== undefined) {
    const n = params[counted - 1];
    // The form of the number as shown, to one decimal: "1 day", "1.5 days".
    const shown = typeof n === 'number' ? Math.round(n * 10) / 10 : Number.NaN;
    const text = tn(problemMessageName(p.code), shown, subs, lang);
    return text === `${problemMessageName(p.code)}_other` ? p.code : text;
  }
  return browser.i18n.getMessage(problemMessageName(p.code) as never, subs) || p.code;
}
