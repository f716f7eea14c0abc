import { readdirSync, readFileSync } from 'node:fs';
import { PAIN_PLACES, RED_FLAGS } from '../../../core/check-in';
import { PROBLEM_CODES, problemMessageKeys } from '../../../core/problem-codes';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ADVICE_KEYS } from '../../../components/HipCare';
import { SOURCES, SPORTS } from '../../../core/activity';
import type { DayKind } from '../../../core/engine/calendar-summary';
import { EXERCISES, libraryMessageKeys } from '../../../core/engine/hip-care-library';
import type { SpikeSeverity } from '../../../core/engine/long-run-spike';
import { DEFAULT_SETTINGS, NUMBER_FIELDS, PRESETS } from '../../../core/settings';
import type { Title } from '../../../core/engine/verdict';

const TITLE_SET: Record<Title, true> = {
  all_good: true,
  rest_today: true,
  rest_tomorrow: true,
  ease_off: true,
  warning: true,
  warning_rest_today: true,
  warning_rest_tomorrow: true,
  see_clinician: true,
  rested_today: true,
  easy_today: true,
  easy_next: true,
  building_up: true,
  see_physio: true,
};
const TITLES = Object.keys(TITLE_SET);
import { LISTED_KINDS, OUTCOME_KINDS } from '../../../core/files/import-stream';
import { SHARD_PROBLEMS } from '../../../core/sync/shard-format';

// Every text is in public/_locales: English complete, German to prove a second language works.
// These tests keep the two in step, and check that every key the sources ask for exists.

// happy-dom's URL is not Node's: resolve paths from this file's directory.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

type Messages = Record<
  string,
  { message: string; description?: string; placeholders?: Record<string, { content: string; example?: string }> }
>;
const load = (lang: string) =>
  JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Messages;
const en = load('en');
const de = load('de');
const LOCALES = { en, de } as const;

/** $1…$9 and named $placeholders$ of a message, sorted and deduplicated. */
const placeholders = (s: string) => [...new Set(s.match(/\$(?:\d|[A-Za-z0-9_@]+\$)/g) ?? [])].sort();

// ---------------------------------------------------------------------------------------------
// Source scanning

function filesUnder(dir: string, exts: readonly string[]): string[] {
  return (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
    .filter((f) => exts.some((e) => f.endsWith(e)))
    .map((f) => join(ROOT, dir, f));
}

/** Every source folder: a message asked for anywhere (a content script's toast, ask()'s own) is checked. */
const SOURCE_DIRS = ['core', 'background', 'components', 'content', 'entrypoints', 'messaging'] as const;
const UI_SOURCES = SOURCE_DIRS.flatMap((d) => filesUnder(d, ['.ts', '.tsx']));
const ALL_SOURCES = [...UI_SOURCES, join(ROOT, 'wxt.config.ts')];
const read = (f: string) => readFileSync(f, 'utf8');
const rel = (f: string) => relative(ROOT, f);

/** Reads a string or template literal starting at s[i]; returns its end (after the closing quote). */
function skipString(s: string, i: number): number {
  const q = s[i]!;
  i++;
  while (i < s.length && s[i] !== q) {
    if (s[i] === '\\') i += 2;
    else if (q === '`' && s[i] === '$' && s[i + 1] === '{') i = skipBalanced(s, i + 1, '{', '}');
    else i++;
  }
  return i + 1;
}

/** From an opening bracket at s[i], the index after its matching close (strings skipped). */
function skipBalanced(s: string, i: number, open: string, close: string): number {
  let depth = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === "'" || c === '"' || c === '`') {
      i = skipString(s, i);
      continue;
    }
    if (c === open) depth++;
    else if (c === close && --depth === 0) return i + 1;
    i++;
  }
  return i;
}

/** The first argument's source text of a call whose "(" is at s[i]. */
function firstArgument(s: string, i: number): string {
  let j = i + 1;
  let depth = 0;
  while (j < s.length) {
    const c = s[j]!;
    if (c === "'" || c === '"' || c === '`') {
      j = skipString(s, j);
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) break;
      depth--;
    } else if (c === ',' && depth === 0) break;
    j++;
  }
  return s.slice(i + 1, j).trim();
}

/** Every string literal in a piece of source: plain ones as text, templates with each ${…} as "*". */
function literals(src: string): { text: string; template: boolean }[] {
  const out: { text: string; template: boolean }[] = [];
  for (let i = 0; i < src.length;) {
    const c = src[i]!;
    if (c === '/' && src[i + 1] === '/') {
      i = !src.includes('\n', i) ? src.length : src.indexOf('\n', i);
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      i = !src.includes('*/', i + 2) ? src.length : src.indexOf('*/', i + 2) + 2;
      continue;
    }
    if (c !== "'" && c !== '"' && c !== '`') {
      i++;
      continue;
    }
    const end = skipString(src, i);
    const body = src.slice(i + 1, end - 1);
    if (c === '`' && body.includes('${')) {
      let text = '';
      for (let k = 0; k < body.length;) {
        if (body[k] === '$' && body[k + 1] === '{') {
          text += '*';
          k = skipBalanced(body, k + 1, '{', '}');
        } else text += body[k++];
      }
      out.push({ text, template: true });
    } else out.push({ text: body, template: false });
    i = end;
  }
  return out;
}

interface KeyUse {
  file: string;
  call: string;
  /** A literal key, or a template pattern with "*" for each ${…}. */
  key: string;
  template: boolean;
}

/**
 * Message keys asked for by name: the first argument of t(…), of the background's i18n(…) and
 * browser.i18n.getMessage(…), and of tn(…) for counts. Ternaries give each branch.
 */
function keyUses(): { uses: KeyUse[]; dynamic: { file: string; arg: string }[] } {
  const uses: KeyUse[] = [];
  const dynamic: { file: string; arg: string }[] = [];
  for (const file of UI_SOURCES) {
    const src = read(file);
    for (const m of src.matchAll(/(?<![\w.$])(t|tn|i18n)\(|\.getMessage\(/g)) {
      // Not the definitions themselves: function t(key: string, …), function tn(…).
      if (/function\s+$/.test(src.slice(Math.max(0, m.index - 12), m.index))) continue;
      const arg = firstArgument(src, m.index + m[0].length - 1);
      const lits = literals(arg);
      if (lits.length === 0) dynamic.push({ file: rel(file), arg });
      for (const l of lits)
        uses.push({ file: rel(file), call: m[1] ?? 'getMessage', key: l.text, template: l.template });
    }
  }
  return { uses, dynamic };
}

const { uses: USES, dynamic: DYNAMIC } = keyUses();

/** Plural forms either language has (German and English: one, other), and tn()'s own "none" for 0. */
const PLURAL_FORMS = [
  ...new Set(Object.keys(LOCALES).flatMap((l) => new Intl.PluralRules(l).resolvedOptions().pluralCategories)),
  'none',
];

// Every template key the sources build, with all the values its ${…} can take. A new template
// in the sources fails the test below until its expansions are listed here.
const SPIKE_SEVERITIES: Record<Exclude<SpikeSeverity, 'none'>, true> = { caution: true, warning: true, high: true };
const DAY_KINDS: Record<DayKind, true> = { run: true, cross: true, rest: true, unknown: true };
const fieldKeys = NUMBER_FIELDS.map((f) => f.key);
const TEMPLATE_VALUES: Record<string, readonly string[]> = {
  'sport_*': SPORTS,
  'preset_*': [...PRESETS, 'custom'],
  // SettingsForm's number fields; restore-text names any setting but the two plan answers.
  'setting_*': Object.keys(DEFAULT_SETTINGS).filter((k) => k !== 'runDaysPerWeek' && k !== 'usualRestDay'),
  // SettingsForm's number fields and its two lists of sports.
  'setting_*_hint': [...fieldKeys, 'runningLoadSports', 'lowImpactSports'],
  'units_*': ['auto', 'km', 'mi'],
  // SettingsForm's number fields' units, and the distance unit the runner chose (km or mi).
  'unit_*': [...new Set([...NUMBER_FIELDS.map((f) => (f.unit === '%' ? 'pct' : f.unit)), 'km', 'mi'])],
  'hip_kind_*': [...new Set(EXERCISES.map((e) => e.kind))],
  'source_*': SOURCES,
  'title_*': TITLES,
  'day_*': Object.keys(DAY_KINDS),
  'reason_long_run_spike_*': Object.keys(SPIKE_SEVERITIES),
  'problem_*': ['strava', 'garmin'],
  // The import summary: tn(`importOutcome_${kind}`, …) and t(`importWhy_${kind}`) for listed files.
  'importOutcome_*': OUTCOME_KINDS,
  'importWhy_*': LISTED_KINDS,
  // settingsErrorText(): the codes core/settings.ts gives its errors.
  'settingsErr_*': ['range', 'integer', 'number', 'noSports', 'order'],
  // RunSyncOption: why another browser's sync item was ignored.
  'syncBad_*': [...SHARD_PROBLEMS],
  // tn(`hip_dose_hold${side}`, …) and tn(`hip_dose_sets${side}`, …), side '' or '_side'.
  'hip_dose_hold*': ['', '_side'],
  'hip_dose_sets*': ['', '_side'],
  // restore-text: a setting's value with its unit, "1 day", "6 runs".
  'unitCount_*': ['days', 'runs'],
  // flagList(): the red flags a runner can answer yes to.
  'flag_*': RED_FLAGS,
  // The check-in card: its red-flag questions, each place as a choice, and in the folded line
  // each place said (not "not sure").
  'checkinFlag_*': RED_FLAGS,
  'checkinPlace_*': PAIN_PLACES,
  'checkinAt_*': PAIN_PLACES.filter((p) => p !== 'unsure'),
};

/** The keys a use stands for; plural bases stand for their `_other` form (and `_one`, checked apart). */
function expand(u: KeyUse): string[] {
  const keys = u.template ? (TEMPLATE_VALUES[u.key] ?? []).map((v) => u.key.replace('*', v)) : [u.key];
  // tn() stands for `${key}_one` / `${key}_other`; `_other` is the form every language has.
  return u.call === 'tn' ? keys.map((k) => `${k}_other`) : keys;
}

/** __MSG_key__ in the manifest (wxt.config.ts) and the extension's HTML pages. */
const MANIFEST_KEYS = [join(ROOT, 'wxt.config.ts'), ...filesUnder('entrypoints', ['.html'])].flatMap((f) =>
  [...read(f).matchAll(/__MSG_(\w+)__/g)].map((m) => ({ file: rel(f), key: m[1]! })),
);

/** Keys reached through data rather than a literal at the call: the hip-care library and advice codes. */
/** The `_other` form of every base tn() is called with. */
const TN_KEYS = USES.filter((x) => x.call === 'tn').flatMap(expand);

const DATA_KEYS = [
  ...libraryMessageKeys(),
  ...Object.values(ADVICE_KEYS),
  ...PROBLEM_CODES.flatMap(problemMessageKeys),
];

/** Literals in components that name a hip-care message (the hip_ prefix is for messages only), e.g. leadKey="…". */
const HIP_LITERALS = filesUnder('components', ['.ts', '.tsx']).flatMap((f) =>
  literals(read(f))
    .filter((l) => !l.template && /^hip_[a-z0-9_]+$/.test(l.text))
    .map((l) => ({ file: rel(f), key: l.text })),
);

/**
 * Keys of `messages` that no source asks for: not a literal key, not an expansion of a template
 * key, not a plural form of a tn() key, not reached through data, and not spelled out
 * anywhere in the sources (a table of keys, say).
 */
function unusedKeys(messages: Messages): string[] {
  const used = new Set<string>([
    ...USES.flatMap(expand),
    ...MANIFEST_KEYS.map((m) => m.key),
    ...DATA_KEYS,
    ...HIP_LITERALS.map((h) => h.key),
  ]);
  // tn() asks for each form the language has, by its base.
  for (const k of TN_KEYS) for (const f of PLURAL_FORMS) used.add(k.replace(/_other$/, `_${f}`));
  const anywhere = new Set(ALL_SOURCES.flatMap((f) => literals(read(f)).map((l) => l.text)));
  return Object.keys(messages).filter((k) => !used.has(k) && !anywhere.has(k));
}

// ---------------------------------------------------------------------------------------------

describe('_locales: en and de hold the same messages', () => {
  it('every key in en is in de, and every key in de is in en', () => {
    expect(
      Object.keys(en).filter((k) => !(k in de)),
      'missing in de',
    ).toEqual([]);
    expect(
      Object.keys(de).filter((k) => !(k in en)),
      'in de but not in en',
    ).toEqual([]);
    expect(Object.keys(en).length).toBeGreaterThan(200);
  });

  it.each(Object.entries(LOCALES))('%s: keys Chrome accepts, the {"message": …} shape, no empty message', (_, msgs) => {
    for (const [key, entry] of Object.entries(msgs)) {
      expect(key, key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(key.startsWith('@@'), key).toBe(false);
      expect(
        Object.keys(entry).filter((f) => !['message', 'description', 'placeholders'].includes(f)),
        key,
      ).toEqual([]);
      expect(typeof entry.message, key).toBe('string');
      expect(entry.message.trim(), `${key} is empty`).not.toBe('');
      expect(entry.message, `${key}: whitespace at either end`).toBe(entry.message.trim());
    }
  });

  it('each German message has the same placeholders ($1, $2…) as its English one', () => {
    const differ = Object.keys(en)
      .filter((k) => k in de)
      .filter((k) => placeholders(en[k]!.message).join() !== placeholders(de[k]!.message).join())
      .map((k) => `${k}: en ${placeholders(en[k]!.message).join(' ')} / de ${placeholders(de[k]!.message).join(' ')}`);
    expect(differ).toEqual([]);
    // Named placeholders, if any are ever used, are defined the same way.
    for (const k of Object.keys(en)) expect(de[k]?.placeholders, k).toEqual(en[k]!.placeholders);
  });

  it('plural pairs are complete: every _one and _none has its _other, in both languages', () => {
    for (const msgs of [en, de]) {
      for (const k of Object.keys(msgs).filter((x) => /_(one|none)$/.test(x))) {
        const base = k.replace(/_(one|none)$/, '');
        expect(`${base}_other` in msgs, `${k} has no ${base}_other`).toBe(true);
      }
    }
    // And every form German (and English) distinguishes exists for each base tn() is called with.
    expect(TN_KEYS.length).toBeGreaterThan(30);
    for (const [lang, msgs] of Object.entries(LOCALES)) {
      const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const base of TN_KEYS.map((k) => k.replace(/_other$/, '')))
        for (const f of forms) expect(msgs, `${lang} ${base}_${f}`).toHaveProperty(`${base}_${f}`);
    }
  });
});

describe('_locales/de is German', () => {
  /** Names and symbols that are the same in both languages. */
  const SAME_IN_BOTH = new Set([
    'extName',
    'unit_pct',
    'unit_km',
    'unit_mi',
    'source_strava',
    'source_garmin',
    'problem_strava',
    'problem_garmin',
    'problem_settings_unit_pct',
    'problem_settings_unit_km',
  ]);

  it('no German message is left in English (only names and units may match)', () => {
    expect(de.extName!.message).toBe('Hip Check');
    const untranslated = Object.keys(en).filter((k) => !SAME_IN_BOTH.has(k) && de[k]?.message === en[k]!.message);
    expect(untranslated).toEqual([]);
  });

  it('no common English words in German messages', () => {
    const english =
      /\b(the|and|your|you|with|when|rest day|run|runs|days|today|tomorrow|before|after|Settings|Loading)\b/;
    const found = Object.entries(de)
      .filter(([, v]) => english.test(v.message.replace(/Hip Check|Garmin Connect|Strava/g, '')))
      .map(([k, v]) => `${k}: ${v.message}`);
    expect(found).toEqual([]);
  });

  it('spot checks: running and physio words in German', () => {
    const spot: Record<string, RegExp> = {
      firstRunTitle: /^Willkommen bei Hip Check$/,
      title_rest_today: /Ruhetag/,
      title_warning: /^Warnung/,
      checkinTitle: /^Hüftschmerz heute$/,
      whenToday: /^heute$/,
      whenTomorrow: /^morgen$/,
      colDistance: /^Distanz$/,
      units_mi: /^Meilen$/,
      reason_red_flag: /Hausarzt\/Hausärztin.*Physiotherapeut\/in/,
      hip_clinician_title: /Hausarzt\/Hausärztin.*Physiotherapeut\/in/,
      hip_ex_kneeling_hip_flexor_name: /Hüftbeuger-Dehnung/,
      hip_dose_sets_other: /^\$1 Sätze mit \$2 Wiederholungen$/,
      reason_weekly_ramp: /\$2 % mehr/,
      undo: /^Rückgängig$/,
    };
    for (const [k, re] of Object.entries(spot)) expect(de[k]?.message, k).toMatch(re);
  });

  it('a runner’s history in German is their "Verlauf", never a "Geschichte" (a story)', () => {
    const story = Object.entries(de)
      .filter(([, v]) => v.message.includes('Geschichte'))
      .map(([k]) => k);
    expect(story).toEqual([]);
    expect(de.welcomeStravaExport?.message).toMatch(/^Dein ganzer Verlauf: /);
    expect(de.welcomeGarminExport?.message).toMatch(/^Dein ganzer Verlauf: /);
  });

  it('speaks to the runner as "du" throughout, never as "Sie"', () => {
    const formal = Object.entries(de)
      .filter(([, v]) => /\b(Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres)\b/.test(v.message))
      .map(([k]) => k);
    expect(formal).toEqual([]);
    const du = Object.values(de).filter((v) => /\b(du|dich|dir|dein\w*)\b/i.test(v.message)).length;
    expect(du).toBeGreaterThan(30);
  });

  it('keeps km and mi as they are', () => {
    expect(de.unit_km!.message).toBe('km');
    for (const [k, v] of Object.entries(de)) expect(v.message, k).not.toMatch(/\b(Kilometres|Miles|kms)\b/);
  });
});

describe('every key the sources use exists', () => {
  it('the scan finds the calls (sanity)', () => {
    expect(USES.filter((u) => !u.template).length).toBeGreaterThan(100);
    expect(USES.filter((u) => u.template).length).toBeGreaterThan(8);
    expect(MANIFEST_KEYS.map((m) => m.key)).toEqual(expect.arrayContaining(['extName', 'extDescription']));
  });

  it("literal keys in t('…'), i18n('…') and getMessage('…') are in en", () => {
    const missing = USES.filter((u) => !u.template && !(expand(u)[0]! in en)).map((u) => `${u.file}: ${u.key}`);
    expect(missing).toEqual([]);
  });

  it('every template key (t(`sport_${…}`) and the like) is known here, and each expansion is in en', () => {
    const unknown = USES.filter((u) => u.template && !(u.key in TEMPLATE_VALUES)).map((u) => `${u.file}: ${u.key}`);
    expect(unknown, 'add the values this template can take to TEMPLATE_VALUES').toEqual([]);
    const missing = USES.filter((u) => u.template).flatMap((u) =>
      expand(u)
        .filter((k) => !(k in en))
        .map((k) => `${u.file}: ${u.key} → ${k}`),
    );
    expect(missing).toEqual([]);
    for (const values of Object.values(TEMPLATE_VALUES)) expect(values.length).toBeGreaterThan(0);
  });

  it('__MSG_…__ keys of the manifest are in en and de', () => {
    for (const m of MANIFEST_KEYS) {
      expect(en, `${m.file}: ${m.key}`).toHaveProperty(m.key);
      expect(de, `${m.file}: ${m.key}`).toHaveProperty(m.key);
    }
  });

  it('keys reached through data (hip-care library, advice codes, hip_ literals) are in en', () => {
    const keys = [...DATA_KEYS, ...HIP_LITERALS.map((h) => h.key)];
    expect(keys.filter((k) => !(k in en))).toEqual([]);
  });

  it('calls with a computed key are only the known pass-throughs', () => {
    // t(key) inside plural(), t(e.nameKey) and the like in the hip-care components (their keys
    // come from the data above), t() itself, the background's i18n() helper (its callers are scanned as calls), and
    // problemText (its keys are the problem codes, checked in problem-text.test.ts).
    const files = [...new Set(DYNAMIC.map((d) => d.file.replaceAll('\\', '/')))].sort();
    expect(
      files.filter(
        (f) =>
          ![
            'components/HipCare.tsx',
            'components/HipClinician.tsx',
            'components/HipLibrary.tsx',
            'components/hip-care-parts.tsx',
            'components/i18n.ts',
            'components/problem-text.ts',
            'entrypoints/background.ts',
          ].includes(f),
      ),
    ).toEqual([]);
  });

  it('every message in en is asked for by some source: none is left behind', () => {
    expect(unusedKeys(en), 'no source asks for these: use them or delete them (in en and de)').toEqual([]);
  });

  it('the check can fail: a message no source asks for is found', () => {
    const extra = { ...en, zz_nobody_asks: { message: 'Nobody asks for this.' } };
    expect(unusedKeys(extra)).toEqual(['zz_nobody_asks']);
  });
});
