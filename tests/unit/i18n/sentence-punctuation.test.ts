import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A message that is a sentence ends like one ("The file is empty" once lacked its full stop), in
// English and in German. Whether a message is a sentence is judged on the English: it starts with
// a capital letter and has three words or more. Labels, buttons, headings and list items are not
// sentences; they are listed below, by pattern or by name. Fragments (lower case, such as
// "the list came back empty") are parts of a sentence another message ends.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
type Messages = Record<string, { message: string }>;
const load = (lang: string) =>
  JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Messages;
const en = load('en');
const de = load('de');

/** Labels, options, headings, buttons, list items and alternative texts, by key pattern. */
const NOT_SENTENCES_BY_PATTERN: RegExp[] = [
  /^setting_(?!.*_hint$)/, // field labels (their _hint is a sentence)
  /^preset_/, // choices of a select
  /^units_/,
  /^weekStart_/,
  /Title$/, // headings
  /_title$/,
  /^title_/, // the verdict's heading
  /^hip_ex_.*_(name|targets|picture)$/, // an exercise's name, what it targets, its drawing's description
  /^hip_redflag_point\d$/, // list items
  /^hip_dose_/, // "3 sets of 10 on each side"
  /^importOutcome_/, // the parts of "N added, N merged, ..."
  /^importListed_/, // a fold's summary
  /^day_/, // a day's label on the strip
  /^col[A-Z]/, // table headings
  /^sport_/,
  /^source_/,
  /^checkinPlace_/, // the check-in's choices and checkboxes
  /^checkinFlag_/,
];

/** Labels and buttons by name. */
const NOT_SENTENCES = new Set([
  'openOptions',
  'welcomeSettings',
  'welcomeOpen',
  'privacyLink',
  'importFolder',
  'iRanToday',
  'iRestedToday',
  'restedNoted',
  'loadRatio',
  'loadMonotony',
  'deleteAll',
  'deleteAllYes',
  'hip_today_label',
  'hip_browse',
  'hip_library_mobility',
  // A fold's summary: a sentence, then the word "Details" as the fold's label.
  'problemsSummary_one',
  'problemsSummary_other',
  'syncToggle',
  'checkinNoFlags',
  // The answered check-in folded to a line: "Hip pain today: 2, outside".
  'checkinLine',
  'planDays',
  'planRestDay',
  'planRestDayNone',
  'planSave',
  'addAnotherRun',
  'catchUp_button',
  'manualDistance',
  'manualMinutes',
  'restoreLabelRestDay',
  // Phrases other messages put in a sentence ("Your run of Mon, 3 Jun was ...").
  'runOn',
  'editActivity',
  'deleteActivity',
  'pageOf',
  'problem_subject_activity_id',
  // A status line ("Last run read: Long Run, today 07:12, from Strava") and a chart's caption.
  'lastRunRead',
  'lastRunReadNoName',
  'chartLast7',
]);

/**
 * Sentences that end with a placeholder which is itself a sentence (a nested problem, a sync
 * item's reason), so its own full stop ends them.
 */
const ENDS_WITH_A_SENTENCE = new Set([
  'problem_skipped',
  'problem_site_strava_list',
  'problem_site_garmin',
  'problem_in_entry',
  'importOneSkippedWhy',
  'syncIgnored',
]);

const ENDED = /[.!?…:]["”“)]?$/;

function isSentence(key: string): boolean {
  const m = en[key]!.message.trim();
  if (NOT_SENTENCES.has(key) || NOT_SENTENCES_BY_PATTERN.some((p) => p.test(key))) return false;
  const first = m.replace(/^[$\d\s„"“(]+/, '');
  return /^\p{Lu}/u.test(first) && m.split(/\s+/).length >= 3;
}

describe('every message that is a sentence ends with punctuation', () => {
  for (const [lang, msgs] of [
    ['en', en],
    ['de', de],
  ] as const) {
    it(lang, () => {
      const unended = Object.keys(en)
        .filter((k) => isSentence(k) && !ENDS_WITH_A_SENTENCE.has(k))
        .map((k) => `${k}: ${msgs[k]?.message ?? '(missing)'}`)
        .filter((line) => !ENDED.test(line.trim()));
      expect(unended).toEqual([]);
    });
  }

  it('the allowlists name only keys that exist (so a renamed key is not silently let through)', () => {
    for (const k of [...NOT_SENTENCES, ...ENDS_WITH_A_SENTENCE]) expect(en, k).toHaveProperty(k);
  });

  it('the check can fail: "The file is empty" without its full stop is flagged', () => {
    expect(isSentence('problem_file_empty')).toBe(true);
    expect(ENDED.test('The file is empty')).toBe(false);
    expect(ENDED.test(en.problem_file_empty!.message)).toBe(true);
  });
});
