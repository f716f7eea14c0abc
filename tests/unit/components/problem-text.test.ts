import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { speak } from '../speak';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { problemText } from '../../../components/problem-text';
import { bytesSource, readActivityFile } from '../../../core/files';
import {
  PROBLEM_CODES,
  problem,
  problemMessageKeys,
  storedProblem,
  type Problem,
  type ProblemCode,
} from '../../../core/problem-codes';
import { REPO_ROOT } from '../../paths';

// Every problem code the core can return is a sentence in English and in German: this renders
// each one in both languages through the same renderer the pages use.

type Messages = Record<string, { message: string }>;
const load = (lang: string) =>
  JSON.parse(readFileSync(join(REPO_ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Messages;
const LOCALES = { en: load('en'), de: load('de') };

/** Codes whose German may equal the English: names and units only. */
const SAME_IN_BOTH = new Set<ProblemCode>(['settings_unit_pct', 'settings_unit_km']);

afterEach(() => vi.restoreAllMocks());

/**
 * Each code's number of parameters, read from `ProblemParams` in core/problem-codes.ts (the types
 * are gone at run time): `file_empty: [];` has none, `in_entry: [entry: string, problem: Problem];` two.
 */
function arities(): Map<string, number> {
  const src = readFileSync(join(REPO_ROOT, 'core/problem-codes.ts'), 'utf8');
  const start = src.indexOf('export interface ProblemParams {');
  const body = src.slice(start, src.indexOf('\n}\n', start));
  const out = new Map<string, number>();
  for (const m of body.matchAll(/^ {2}(\w+): \[(.*)\];$/gm))
    out.set(m[1]!, m[2]!.trim() === '' ? 0 : m[2]!.split(',').length);
  return out;
}
const ARITY = arities();

/** A problem of `code` with the parameters its type names, each recognizable. */
function sample(code: ProblemCode): Problem {
  const count = ARITY.get(code) ?? 0;
  return { code, params: Array.from({ length: count }, (_, i) => `«p${i + 1}»`) } as unknown as Problem;
}

/** The highest $n a message uses. */
const highestPlaceholder = (m: string) => Math.max(0, ...[...m.matchAll(/\$(\d)/g)].map((x) => Number(x[1])));

describe('problem codes in both languages', () => {
  it('knows a good number of codes (sanity)', () => {
    expect(PROBLEM_CODES.length).toBeGreaterThan(150);
    // The parameter counts are read for every code, and only for codes: the reading works.
    expect([...ARITY.keys()].sort()).toEqual([...PROBLEM_CODES].sort());
    expect([ARITY.get('file_empty'), ARITY.get('in_entry'), ARITY.get('settings_range')]).toEqual([0, 2, 3]);
  });

  for (const lang of ['en', 'de'] as const) {
    it(`each ${lang} message uses no parameter its code does not have`, () => {
      const over = PROBLEM_CODES.filter(
        (c) =>
          Math.max(...problemMessageKeys(c).map((k) => highestPlaceholder(LOCALES[lang][k]?.message ?? ''))) >
          (ARITY.get(c) ?? 0),
      );
      expect(over).toEqual([]);
    });
  }

  for (const lang of ['en', 'de'] as const) {
    it(`renders every code in ${lang}, with every parameter in place`, () => {
      speak(lang);
      const bad: string[] = [];
      for (const code of PROBLEM_CODES) {
        const p = sample(code);
        const text = problemText(p);
        if (text === code || text.trim() === '') bad.push(`${code}: no message`);
        else if (/\$\d/.test(text)) bad.push(`${code}: unreplaced placeholder in "${text}"`);
        for (const param of p.params as string[]) if (!text.includes(param)) bad.push(`${code}: ${param} missing`);
      }
      expect(bad).toEqual([]);
    });
  }

  it('no German problem text equals the English one (names and units aside)', () => {
    const english = PROBLEM_CODES.filter(
      (c) =>
        !SAME_IN_BOTH.has(c) && problemMessageKeys(c).some((k) => LOCALES.de[k]?.message === LOCALES.en[k]?.message),
    );
    expect(english).toEqual([]);
  });

  it('a missing message shows the code, never nothing', () => {
    speak('en');
    vi.spyOn(browser.i18n, 'getMessage').mockReturnValue('');
    expect(problemText(problem('file_empty'))).toBe('file_empty');
  });

  it('a counted problem takes the plural form of its number as shown', () => {
    speak('en');
    const gap = (d: number) =>
      problemText(problem('elapsed_implausible', problem('subject_activity'), problem('duration_days', d)));
    expect(gap(1)).toBe('The activity: an elapsed time of 1 day is implausible and was ignored.');
    expect(gap(1.5)).toBe('The activity: an elapsed time of 1.5 days is implausible and was ignored.');
    expect(problemText(problem('fit_truncated', 1))).toBe('The FIT file is truncated: 1 byte is missing.');
    speak('de');
    expect(gap(1)).toBe('Die Aktivität: die Gesamtzeit (1 Tag) ist unplausibel und wurde ignoriert.');
    expect(gap(2)).toBe('Die Aktivität: die Gesamtzeit (2 Tage) ist unplausibel und wurde ignoriert.');
    vi.spyOn(browser.i18n, 'getMessage').mockReturnValue('');
    expect(problemText(problem('fit_truncated', 1))).toBe('fit_truncated');
  });

  it('nested problems and numbers are rendered in the UI language', () => {
    speak('de');
    const p = problem(
      'elapsed_below_moving',
      problem('subject_session'),
      problem('duration_hours', 1.5),
      problem('duration_seconds', 4000),
    );
    expect(problemText(p)).toBe(
      'Die Einheit: die Gesamtzeit (1,5 Std.) ist kürzer als die Bewegungszeit (4.000 Sek.); die Gesamtzeit wurde ignoriert.',
    );
    speak('en');
    expect(problemText(p)).toBe(
      'The session: the elapsed time (1.5 h) is shorter than the moving time (4,000 s); the elapsed time was ignored.',
    );
  });

  it('English words an older version stored are shown as they were, said to be from then', () => {
    speak('de');
    expect(problemText(storedProblem('The file is empty'))).toBe(
      'The file is empty (so notiert von einer früheren Version von Hip Check)',
    );
    expect(storedProblem(problem('file_empty'))).toEqual(problem('file_empty'));
    expect(storedProblem({ code: 'no_such_code', params: [] })).toEqual(problem('stored_unreadable'));
  });

  it('a refusal from a real reader reads as German', async () => {
    speak('de');
    const r = await readActivityFile('x.fit', bytesSource(new TextEncoder().encode('hello, not a FIT file')), {
      timeZone: 'Europe/Berlin',
    });
    expect(r.kind).toBe('refused');
    if (r.kind === 'refused')
      expect(problemText(r.reason)).toBe('Unbekannter Dateityp: erwartet wird FIT, GPX, TCX, gzip oder zip.');
  });
});
