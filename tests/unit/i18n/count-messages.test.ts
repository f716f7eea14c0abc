import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { tn } from '../../../components/i18n';
import { problemText } from '../../../components/problem-text';
import { OUTCOME_KINDS } from '../../../core/files/import-stream';
import { COUNTED_PROBLEMS, type Problem } from '../../../core/problem-codes';
import { messagesOf, speak, type Messages } from '../speak';

// Every message that says a count ("1 day", "5 days", "No easy days") is a set of forms tn()
// picks from: `<key>_one`, `<key>_other`, and `<key>_none` where 0 has words of its own.
// COUNT_MESSAGES is the one list of them. Each is rendered with 0, 1, 2 and 5 in English and
// German; "1 days", "1 Lauftage", "0 easy days" where "No easy days" is wanted, a missing form,
// or a message that counts something ("$1 files") without being listed here fails.

interface CountMessage {
  key: string;
  /** The $n that holds the count; $1 unless said. */
  at?: number;
  /** 0 has its own words (`_none`): "No easy days in the last 7", never "0 easy days". */
  none?: true;
  /** The number is not in the text: always (the streak's label beside its big number), or for one ("once"). */
  numberApart?: 'always' | 'one';
}

/**
 * Counts that can never be 1: a comeback follows 14 days or more without a run, and the plan
 * answers set a streak limit of 2, 4, 5 or 6 (7 turns it off).
 */
const NEVER_ONE = new Set(['reason_comeback', 'reason_comeback_start', 'reason_comeback_too_fast', 'planLimit']);

const COUNT_MESSAGES: readonly CountMessage[] = [
  // Toolbar button, notification, the page's note.
  { key: 'badgeTitle', none: true },
  { key: 'notifyBody' },
  { key: 'toastRead' },
  // Popup: the streak, the verdict's reasons, the next run, the weekly chart.
  { key: 'streakDaysInRow', numberApart: 'always' },
  { key: 'reason_run_streak', at: 2 },
  { key: 'reason_run_streak_at_limit', at: 2 },
  { key: 'reason_run_streak_at_limit_usual', at: 2 },
  { key: 'reason_run_streak_over_limit', at: 2 },
  { key: 'reason_run_streak_over_limit_atleast', at: 2 },
  { key: 'reason_full_rest_at_limit' },
  { key: 'reason_full_rest_at_limit_usual' },
  { key: 'reason_full_rest_over_limit' },
  { key: 'reason_full_rest_over_limit_atleast' },
  // The long-run spike names its window through windowBefore ("of the 30 days before").
  { key: 'windowBefore' },
  { key: 'reason_easy_days_few', none: true },
  { key: 'chartWeekSaid', at: 3 },
  // The popup's catch-up: "Garmin Connect list read 3 days ago", "Strava: 2 new activities".
  { key: 'catchUp_readDays', at: 2 },
  { key: 'catchUp_new', at: 2 },
  // Hip care doses: "Hold 30 s, once on each side", "3 sets of 12".
  { key: 'hip_dose_hold', at: 2, numberApart: 'one' },
  { key: 'hip_dose_hold_side', at: 2, numberApart: 'one' },
  { key: 'hip_dose_sets' },
  { key: 'hip_dose_sets_side' },
  // Imports and their summaries.
  { key: 'importProgress', at: 2 },
  { key: 'importFound' },
  { key: 'importSecondsLeft' },
  { key: 'importMinutesLeft' },
  { key: 'importCancelled', at: 2 },
  { key: 'importFiles' },
  ...OUTCOME_KINDS.map((k) => ({ key: `importOutcome_${k}` })),
  { key: 'importListed' },
  { key: 'importUnlisted' },
  // Options: stored activities, backup, delete, sync, a restored setting's value.
  { key: 'storedCount' },
  { key: 'exportDone', none: true },
  { key: 'deleteAllConfirm', none: true },
  { key: 'problemsSummary' },
  { key: 'syncBrowsers', none: true },
  { key: 'syncDropped' },
  { key: 'syncLeftOut' },
  { key: 'unitCount_days' },
  { key: 'unitCount_runs' },
  // Problems that count: the renderer's own table says which parameter is the count.
  ...Object.entries(COUNTED_PROBLEMS).map(([code, at]) => ({ key: `problem_${code}`, at })),
];

const LANGS = ['en', 'de'] as const;
type Lang = (typeof LANGS)[number];
const LOCALES: Record<Lang, Messages> = { en: messagesOf('en'), de: messagesOf('de') };
const FORMS = ['one', 'other', 'none'];

/**
 * Nouns that are counted, by their form: a form's text may not put a noun of the other form
 * right after its number. Words the same in both forms (German "Zeichen", "Browser") are left out.
 */
const NOUNS: Record<Lang, { one: string[]; other: string[] }> = {
  en: {
    one: ['day', 'run', 'file', 'activity', 'second', 'minute', 'page', 'browser', 'byte', 'part', 'row'],
    other: ['days', 'runs', 'files', 'activities', 'seconds', 'minutes', 'pages', 'browsers', 'bytes', 'parts'].concat([
      'rows',
      'characters',
      'times',
      'sets',
      'entries',
      'weeks',
      'hours',
    ]),
  },
  de: {
    one: ['Tag', 'Tages', 'Lauftag', 'Lauf', 'Datei', 'Aktivität', 'Sekunde', 'Minute', 'Teil', 'Zeile', 'Satz'],
    other: ['Tage', 'Tagen', 'Lauftage', 'Lauftagen', 'Läufe', 'Läufen', 'Dateien', 'Aktivitäten', 'Sekunden'].concat([
      'Minuten',
      'Seiten',
      'Browsern',
      'Bytes',
      'Teile',
      'Zeilen',
      'Sätze',
      'Wochen',
      'Stunden',
    ]),
  },
};

/** Words that say "nothing" where 0 has its own words. */
const NONE_WORD: Record<Lang, RegExp> = { en: /\b(no|No)\b/, de: /\b[Kk]ein\w*/ };

const placeholderCount = (key: string) =>
  Math.max(
    0,
    ...LANGS.flatMap((l) =>
      FORMS.flatMap((f) => [...(LOCALES[l][`${key}_${f}`]?.message ?? '').matchAll(/\$(\d)/g)].map((m) => +m[1]!)),
    ),
  );

/** The message for `n`, as the page shows it: every other placeholder a marker («2»), the count a number. */
function render(m: CountMessage, n: number, lang: Lang): string {
  const at = m.at ?? 1;
  const count = new Intl.NumberFormat(lang).format(n);
  const subs = Array.from({ length: Math.max(at, placeholderCount(m.key)) }, (_, i) =>
    i + 1 === at ? count : `«${i + 1}»`,
  );
  if (m.key.startsWith('problem_')) {
    const params = subs.map((s, i) => (i + 1 === at ? n : s));
    return problemText({ code: m.key.slice('problem_'.length), params } as unknown as Problem);
  }
  return tn(m.key, n, subs);
}

/** The words of `s` up to its first stop (a bracket, colon, comma…), punctuation stripped; a number stays as "". */
const words = (s: string) =>
  s
    .split(/[()[\];:,.!?“”"„]/)[0]!
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));

/** The two words after each place the count stands in `text` ("5 older runs": older, runs). */
function afterCount(text: string, n: number, lang: Lang): string[][] {
  const shown = new Intl.NumberFormat(lang).format(n).replace(/[.]/g, '\\.');
  const re = new RegExp(`(?<![\\p{L}\\p{N}«.,])${shown}(?![\\p{N}»]|[.,]\\p{N})`, 'gu');
  return [...text.matchAll(re)].map((m) => words(text.slice(m.index + m[0].length)).slice(0, 2));
}

/** What is wrong with `text`, the message rendered for `n` in `lang`: nothing is []. */
function wrongForms(m: CountMessage, n: number, lang: Lang): string[] {
  const text = render(m, n, lang);
  const out: string[] = [];
  if (text === `${m.key}_other` || text === m.key.replace(/^problem_/, '')) return [`no message for ${n}`];
  if (n === 0 && m.none) {
    if (afterCount(text, 0, lang).length) out.push(`0 has its own words, not "0 …": ${text}`);
    if (!NONE_WORD[lang].test(text)) out.push(`0 says no "${NONE_WORD[lang].source}": ${text}`);
    return out;
  }
  const one = new Intl.PluralRules(lang).select(n) === 'one';
  const wrong = one ? NOUNS[lang].other : NOUNS[lang].one;
  const apart = m.numberApart === 'always' || (m.numberApart === 'one' && one);
  // A label beside its number: its first words are the ones after the number.
  const after = m.numberApart === 'always' ? [words(text).slice(0, 2)] : afterCount(text, n, lang);
  if (!apart && after.length === 0) out.push(`the number ${n} is missing: ${text}`);
  for (const w of after.flat()) if (wrong.includes(w)) out.push(`"${n} … ${w}": ${text}`);
  return out;
}

afterEach(() => vi.restoreAllMocks());

describe('count messages: one list, every form in every language', () => {
  it('the list names each message once, and the checks know the nouns (sanity)', () => {
    const keys = COUNT_MESSAGES.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThan(50);
  });

  it.each(LANGS)('%s: each has _one and _other, _none where 0 has its own words, and no form-less key', (lang) => {
    const msgs = LOCALES[lang];
    const bad = COUNT_MESSAGES.flatMap((m) => [
      ...['one', 'other'].filter((f) => !(`${m.key}_${f}` in msgs)).map((f) => `${m.key}_${f} missing`),
      ...(m.none && !(`${m.key}_none` in msgs) ? [`${m.key}_none missing`] : []),
      ...(!m.none && `${m.key}_none` in msgs ? [`${m.key}_none without none: true in the list`] : []),
      ...(m.key in msgs ? [`${m.key} has no plural forms`] : []),
    ]);
    expect(bad).toEqual([]);
  });

  it.each(LANGS)('%s: every _one and _none message belongs to a listed count message', (lang) => {
    const listed = new Set(COUNT_MESSAGES.flatMap((m) => FORMS.map((f) => `${m.key}_${f}`)));
    // Not _other alone: "sport_other" is a sport.
    const stray = Object.keys(LOCALES[lang]).filter((k) => /_(one|none)$/.test(k) && !listed.has(k));
    expect(stray, 'add these to COUNT_MESSAGES').toEqual([]);
  });

  it.each(LANGS)('%s: no other message puts a counted noun after a number ("N files")', (lang) => {
    const listed = new Set(COUNT_MESSAGES.flatMap((m) => FORMS.map((f) => `${m.key}_${f}`)));
    const counted = Object.entries(LOCALES[lang])
      .filter(([k]) => !listed.has(k) && !NEVER_ONE.has(k))
      .filter(([, v]) =>
        [...v.message.matchAll(/\$\d/g)].some((p) =>
          words(v.message.slice(p.index + 2))
            .slice(0, 2)
            .some((w) => NOUNS[lang].other.includes(w)),
        ),
      )
      .map(([k, v]) => `${k}: ${v.message}`);
    expect(counted, 'a count message needs its forms (tn) and a place in COUNT_MESSAGES').toEqual([]);
  });

  for (const lang of LANGS) {
    it(`${lang}: rendered with 0, 1, 2 and 5, each says its number with the noun in the right form`, () => {
      speak(lang);
      const bad = COUNT_MESSAGES.flatMap((m) =>
        [0, 1, 2, 5].flatMap((n) => wrongForms(m, n, lang).map((w) => `${m.key} (${n}): ${w}`)),
      );
      expect(bad).toEqual([]);
    });
  }

  it('the checks can fail: "1 days", "1 Lauftage", "0 easy days", a _one without its number', () => {
    const check = (lang: Lang, messages: Messages, m: CountMessage, n: number) => {
      speakWith(lang, messages);
      return wrongForms(m, n, lang);
    };
    const streak: CountMessage = { key: 'zz_streak', at: 2 };
    expect(
      check('en', { zz_streak_one: { message: 'Your limit is $2 running days in a row.' } }, streak, 1),
    ).toHaveLength(1);
    expect(
      check('de', { zz_streak_one: { message: 'Dein Limit sind $2 Lauftage in Folge.' } }, streak, 1),
    ).toHaveLength(1);
    expect(check('en', { zz_streak_one: { message: 'Your limit is one running day in a row.' } }, streak, 1)).toEqual([
      expect.stringMatching(/number 1 is missing/),
    ]);
    const easy: CountMessage = { key: 'zz_easy', none: true };
    expect(check('en', { zz_easy_none: { message: 'Only $1 easy days in the last 7.' } }, easy, 0)).toEqual([
      expect.stringMatching(/own words/),
      expect.stringMatching(/says no/),
    ]);
    expect(check('en', { zz_easy_none: { message: 'No easy days in the last 7.' } }, easy, 0)).toEqual([]);
    expect(check('en', { zz_easy_other: { message: 'Only $1 easy day in the last 7.' } }, easy, 5)).toHaveLength(1);
  });
});

/** The fake browser speaking `lang` with some messages of its own added. */
function speakWith(lang: Lang, extra: Messages): void {
  speak(lang);
  const all = { ...LOCALES[lang], ...extra };
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return all[key]?.message.replace(/\$(\d)/g, (_, d: string) => list[Number(d) - 1] ?? '') ?? '';
  });
}
