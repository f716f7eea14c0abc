import { browser } from 'wxt/browser';
import { uiLanguage } from './i18n';
import { listFormat, numberFormat } from './intl-cache';
import { problemMessageName, type Problem, type ProblemParam } from '../core/problem-codes';

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
  const subs = (p.params as readonly ProblemParam[]).map((x) => paramText(x, lang));
  return browser.i18n.getMessage(problemMessageName(p.code) as never, subs) || p.code;
}
