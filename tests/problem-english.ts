import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COUNTED_PROBLEMS, problemMessageName, type Problem, type ProblemParam } from '../core/problem-codes';
import { REPO_ROOT } from './paths';

// A problem in English as the extension would show it, for tests and scripts that run without a
// browser (conformance report, benchmarks): the same messages, substituted as Chrome does.

const EN = JSON.parse(readFileSync(join(REPO_ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Record<
  string,
  { message: string }
>;

export function englishText(p: Problem): string {
  const one = (x: ProblemParam): string =>
    Array.isArray(x)
      ? new Intl.ListFormat('en').format((x as readonly Problem[]).map(englishText))
      : typeof x === 'object'
        ? englishText(x as Problem)
        : String(x);
  const subs = (p.params as readonly ProblemParam[]).map(one);
  const at = COUNTED_PROBLEMS[p.code];
  // English has two forms: one for exactly 1.
  const form = at === undefined ? '' : p.params[at - 1] === 1 ? '_one' : '_other';
  const m = EN[problemMessageName(p.code) + form]?.message;
  if (m === undefined) throw new Error(`no English message for problem ${p.code}`);
  return m.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
}
