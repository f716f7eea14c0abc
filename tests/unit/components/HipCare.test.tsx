import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { ADVICE_KEYS, formatDose, HipCare } from '../../../components/HipCare';
import { HipClinician } from '../../../components/HipClinician';
import { drawingUrl, ExerciseIcon, NOTICE_IDS } from '../../../components/exercise-icons';
import {
  ANY_HIP,
  EXERCISES,
  libraryFor,
  libraryMessageKeys,
  pickExercises,
} from '../../../core/engine/hip-care-library';
import { DEFAULT_SETTINGS, type Settings } from '../../../core/settings';
import type { HipCare as HipCareAdvice } from '../../../core/engine/verdict';
import { care as careFixture } from '../core/engine/care-fixture';

// happy-dom's URL is not Node's: resolve paths from this file's directory.
const HERE = dirname(fileURLToPath(import.meta.url));
const messagesOf = (lang: string) =>
  JSON.parse(readFileSync(resolve(HERE, `../../../public/_locales/${lang}/messages.json`), 'utf8')) as Record<
    string,
    { message: string }
  >;
const MESSAGES = messagesOf('en');

/** Every key the component asked for, across the whole file. */
const requested = new Set<string>();

/** browser.i18n.getMessage as Chrome does it for English: $1…$9 replaced, '' for a missing key. */
function englishMessages(key: string, subs?: string | string[]): string {
  requested.add(key);
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  const m = MESSAGES[key]?.message;
  return m === undefined ? '' : m.replace(/\$(\d)/g, (_, d: string) => list[Number(d) - 1] ?? '');
}

const care = (over: Parameters<typeof careFixture>[0] = {}) => careFixture(over);

const settings = (over: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  runningLoadSports: [...DEFAULT_SETTINGS.runningLoadSports],
  ...over,
});
const TODAY = '2025-06-15';

let root: HTMLElement;
beforeEach(() => {
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(englishMessages);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

function show(hipCare: HipCareAdvice, s: Settings = settings(), today = TODAY): HTMLElement {
  // As the popup does: the clinician's notice loaded whenever hip care refers.
  render(<HipCare hipCare={hipCare} settings={s} today={today} Clinician={HipClinician} />, root);
  return root;
}

/** Opens "Browse all exercises" as a click would, and waits for its chunk to render. */
async function openLibrary(el: HTMLElement): Promise<HTMLDetailsElement> {
  const details = el.querySelector('details[data-testid="hip-library"]') as HTMLDetailsElement;
  details.open = true;
  details.dispatchEvent(new Event('toggle'));
  await vi.waitFor(() => expect(details.querySelector('[data-guidance="red_flag"]')).not.toBeNull());
  return details;
}

/** With red-flag symptoms, waits for the notice's chunk to render. */
async function clinicianShown(el: HTMLElement): Promise<Element> {
  await vi.waitFor(() => expect(el.querySelector('[data-testid="hip-clinician"]')).not.toBeNull());
  return el.querySelector('[data-testid="hip-clinician"]')!;
}

const q = (el: ParentNode, sel: string) => el.querySelector(sel);
const qa = (el: ParentNode, sel: string) => [...el.querySelectorAll(sel)];
const textOf = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Accessibility basics that hold for every state. */
function checkStructure(el: HTMLElement) {
  // Headings do not skip a level, starting at h2 (the popup's h1 is above).
  const levels = qa(el, 'h1,h2,h3,h4,h5,h6').map((h) => Number(h.tagName[1]));
  expect(levels[0]).toBe(2);
  for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
  // Every id is unique and every aria-labelledby points at one.
  const ids = qa(el, '[id]').map((x) => x.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const x of qa(el, '[aria-labelledby]')) {
    const target = el.querySelector(`[id="${x.getAttribute('aria-labelledby')}"]`);
    expect(target, x.outerHTML.slice(0, 80)).not.toBeNull();
    expect(textOf(target)).not.toBe('');
  }
  // Nothing clickable that a keyboard cannot reach: no click handlers on divs, no negative tabindex.
  expect(qa(el, '[tabindex="-1"], [onclick]')).toHaveLength(0);
  // Every drawing is either a labelled image or hidden from screen readers.
  for (const svg of qa(el, 'svg, .hip-drawing')) {
    if (svg.getAttribute('role') === 'img') expect(svg.getAttribute('aria-label')).toBeTruthy();
    else expect(svg.getAttribute('aria-hidden')).toBe('true');
  }
  // Every summary is the first child of its details, so the toggle is a real, focusable control.
  for (const d of qa(el, 'details')) expect(d.firstElementChild?.tagName).toBe('SUMMARY');
}

describe('formatDose', () => {
  it('writes holds and sets through Intl and _locales, in the plural form the number needs', () => {
    expect(formatDose({ holdSeconds: 30, sets: 2, perSide: true }, 'en')).toBe('Hold 30 sec, 2 times on each side');
    expect(formatDose({ holdSeconds: 30, sets: 2, perSide: false }, 'en')).toBe('Hold 30 sec, 2 times');
    expect(formatDose({ holdSeconds: 45, sets: 1, perSide: true }, 'en')).toBe('Hold 45 sec, once on each side');
    expect(formatDose({ holdSeconds: 30, sets: 1, perSide: false }, 'en')).toBe('Hold 30 sec');
    expect(formatDose({ holdSeconds: null, repsPerSide: 12, sets: 2, perSide: true }, 'en')).toBe(
      '2 sets of 12 on each side',
    );
    expect(formatDose({ holdSeconds: null, repsPerSide: 12, sets: 3, perSide: false }, 'en')).toBe('3 sets of 12');
    expect(formatDose({ holdSeconds: null, repsPerSide: 10, sets: 1, perSide: true }, 'en')).toBe(
      '1 set of 10 on each side',
    );
    expect(formatDose({ holdSeconds: null, repsPerSide: 10, sets: 1, perSide: false }, 'en')).toBe('1 set of 10');
  });

  it('formats the numbers for the reader’s locale (German seconds), and falls back to the "other" plural form', () => {
    expect(formatDose({ holdSeconds: 30, sets: 2, perSide: true }, 'de')).toMatch(
      /^Hold 30 Sek\.?, 2 times on each side$/,
    );
    // Arabic has "two" and "few" forms English lacks: the "other" message is used.
    expect(formatDose({ holdSeconds: null, repsPerSide: 12, sets: 2, perSide: false }, 'ar')).toMatch(/sets of/);
  });
});

describe('HipCare', () => {
  it('after a run: two or three exercise cards with name, picture, kind, targets, dose and numbered steps', () => {
    const hc = care({ mobilityAfterRun: true });
    const el = show(hc);
    const section = q(el, 'section[data-testid="hip-care"]')!;
    expect(section.getAttribute('data-state')).toBe('exercises');
    expect(textOf(q(section, 'h2'))).toBe(MESSAGES.hip_title!.message);
    const cards = qa(el, '[data-testid="hip-today"] > li > article.hip-ex');
    const picked = pickExercises(hc, settings(), TODAY);
    expect(cards.map((c) => c.getAttribute('data-exercise'))).toEqual(picked.map((e) => e.id));
    expect(cards.length).toBeGreaterThanOrEqual(2);
    expect(cards.length).toBeLessThanOrEqual(3);
    for (const [i, card] of cards.entries()) {
      const e = picked[i]!;
      expect(textOf(q(card, 'h3'))).toBe(MESSAGES[e.nameKey]!.message);
      const picture = q(card, '[role="img"]')!;
      expect(picture.getAttribute('aria-label')).toBe(MESSAGES[e.pictureKey]!.message);
      expect(picture.getAttribute('data-icon')).toBe(e.icon);
      expect(textOf(q(card, '.hip-kind'))).toBe(MESSAGES.hip_kind_mobility!.message);
      expect(textOf(q(card, '[data-testid="hip-targets"]'))).toBe(MESSAGES[e.targetsKey]!.message);
      expect(textOf(q(card, '[data-testid="hip-dose"]'))).toBe(formatDose(e.dose));
      const steps = qa(card, 'ol.hip-steps > li').map(textOf);
      expect(steps).toEqual(e.stepKeys.map((k) => MESSAGES[k]!.message));
      expect(q(card, 'ol')!.getAttribute('aria-label')).toBe(MESSAGES.hip_steps_label!.message);
    }
    // The engine's advice codes, in _locales words.
    expect(qa(el, '.hip-advice li').map((li) => li.getAttribute('data-code'))).toEqual(['mobility_after_run']);
    expect(textOf(q(el, '.hip-advice li'))).toBe(MESSAGES.hip_advice_mobility_after_run!.message);
    checkStructure(el);
  });

  it('on a rest day with an extra session due: three strength cards', () => {
    const el = show(care({ strengthToday: true, extraStrength: true }));
    const cards = qa(el, '[data-testid="hip-today"] > li > article');
    expect(cards.map((c) => c.getAttribute('data-kind'))).toEqual(['strength', 'strength', 'strength']);
    expect(textOf(q(cards[0]!, '.hip-kind'))).toBe(MESSAGES.hip_kind_strength!.message);
    expect(qa(el, '.hip-advice li').map((li) => li.getAttribute('data-code'))).toEqual([
      'strength_on_rest_day',
      'extra_strength',
    ]);
    checkStructure(el);
  });

  it('"Browse all exercises" is a details element with the whole library, rest and ice, and the red-flag notice', async () => {
    const el = show(care({ mobilityAfterRun: true }));
    const closed = q(el, 'details[data-testid="hip-library"]') as HTMLDetailsElement;
    expect(closed.open).toBe(false);
    expect(textOf(q(closed, 'summary'))).toBe(MESSAGES.hip_browse!.message);
    // The library is its own chunk, rendered when first opened.
    expect(qa(closed, 'article')).toHaveLength(0);
    const details = await openLibrary(el);
    const ids = qa(details, 'article.hip-ex').map((a) => a.getAttribute('data-exercise'));
    expect(ids).toEqual(EXERCISES.map((e) => e.id));
    expect(
      qa(details, '[data-group="mobility"] article').every((a) => a.getAttribute('data-kind') === 'mobility'),
    ).toBe(true);
    expect(
      qa(details, '[data-group="strength"] article').every((a) => a.getAttribute('data-kind') === 'strength'),
    ).toBe(true);
    expect(qa(details, 'article h4')).toHaveLength(EXERCISES.length);
    const rest = textOf(q(details, '[data-guidance="rest_ice"]'));
    expect(rest).toContain('15 to 20 minutes');
    expect(rest).toContain('five times a day');
    const flags = textOf(q(details, '[data-guidance="red_flag"]'));
    expect(flags).toContain('groin');
    expect(flags).toContain('two weeks');
    expect(q(details, '[role="alert"]')).toBeNull();
    expect(q(el, '[data-testid="hip-hidden"]')).toBeNull();
    checkStructure(el);
  });

  it('with pain on the outside of the hip: no cross-body stretch anywhere, and the library says why', async () => {
    for (const hc of [
      care({ mobilityAfterRun: true, avoidCrossBodyStretches: true }),
      care({ mobilityAfterRun: true }),
    ]) {
      for (let d = 0; d < 7; d++) {
        const el = show(hc, settings({ outerHipPain: true }), `2025-06-${String(10 + d)}`);
        await openLibrary(el);
        const shown = qa(el, 'article.hip-ex').map((a) => a.getAttribute('data-exercise'));
        expect(shown).not.toContain('figure_four');
        expect(shown).not.toContain('knee_to_opposite_shoulder');
        expect(qa(q(el, 'details.hip-library')!, 'article').map((a) => a.getAttribute('data-exercise'))).toEqual(
          libraryFor({ ...ANY_HIP, outside: true }).map((e) => e.id),
        );
        expect(qa(el, '[data-testid="hip-hidden"]').map((p) => p.getAttribute('data-why'))).toEqual([
          'cross_body_outside',
        ]);
        expect(textOf(q(el, '[data-testid="hip-hidden"]'))).toBe(MESSAGES.hip_library_cross_body_hidden!.message);
      }
    }
    // The engine's flag alone is enough, even if the settings passed say otherwise.
    const el = show(care({ mobilityAfterRun: true, avoidCrossBodyStretches: true }), settings({ outerHipPain: false }));
    expect(
      qa(el, 'article').some((a) =>
        ['figure_four', 'knee_to_opposite_shoulder'].includes(a.getAttribute('data-exercise')!),
      ),
    ).toBe(false);
  });

  it('red-flag symptoms: a prominent alert to stop and see a GP or physiotherapist, and no exercises', async () => {
    const el = show(care({ seeClinician: true }), settings({ outerHipPain: true, redFlagSymptoms: true }));
    expect(q(el, '[data-testid="hip-care"]')!.getAttribute('data-state')).toBe('clinician');
    const alert = await clinicianShown(el);
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert).not.toBeNull();
    expect(textOf(q(alert, 'h3'))).toBe(MESSAGES.hip_clinician_title!.message);
    expect(textOf(alert)).toContain(MESSAGES.hip_redflag_point1!.message);
    expect(textOf(alert)).toContain(MESSAGES.hip_redflag_point3!.message);
    expect(qa(el, 'article')).toHaveLength(0);
    expect(q(el, '[data-testid="hip-library"]')).toBeNull();
    expect(textOf(q(el, '[data-testid="hip-rest"] summary'))).toBe(MESSAGES.hip_rest_title!.message);
    checkStructure(el);
  });

  it('pain on the outside of the hip: positions that spare it, and side-lying work on the pain-free side only', async () => {
    // A rest day: strength work, where the side-lying exercises come round.
    const seen = new Set<string>();
    for (let d = 0; d < 14; d++) {
      const el = show(care({ strengthToday: true, place: 'outside', pain: 2 }), settings(), `2025-06-${10 + d}`);
      const positions = q(el, '[data-guidance="positions"]')!;
      expect(textOf(q(positions, 'h3'))).toBe(MESSAGES.hip_positions_title!.message);
      expect(qa(positions, 'li').map(textOf)).toEqual(
        ['hip_positions_point1', 'hip_positions_point2', 'hip_positions_point3'].map((k) => MESSAGES[k]!.message),
      );
      for (const id of ['clamshell', 'side_lying_abduction']) {
        const card = q(el, `[data-testid="hip-today"] article[data-exercise="${id}"]`);
        if (!card) continue;
        seen.add(id);
        const steps = qa(card, 'ol.hip-steps > li').map(textOf);
        expect(steps[0]).toMatch(/^Lie on your pain-free side/);
        expect(steps.join(' ')).not.toMatch(/turn over|other side|other leg/);
        expect(textOf(q(card, '[data-testid="hip-dose"]'))).not.toMatch(/each side/);
      }
      checkStructure(el);
    }
    expect([...seen].sort()).toEqual(['clamshell', 'side_lying_abduction']);
    // Pain above 3: the wall press first, nothing lying on the side, in the library either.
    const el = show(care({ strengthToday: true, place: 'outside', pain: 6 }));
    expect(q(el, '[data-testid="hip-today"] article')!.getAttribute('data-exercise')).toBe(
      'standing_isometric_abduction',
    );
    const lib = await openLibrary(el);
    expect(qa(lib, 'article').map((a) => a.getAttribute('data-exercise'))).not.toContain('clamshell');
    expect(qa(lib, '[data-testid="hip-hidden"]').map((p) => p.getAttribute('data-why'))).toEqual([
      'cross_body_outside',
      'side_lying_pain',
    ]);
    expect(q(lib, '[data-guidance="positions"]')).not.toBeNull();
    checkStructure(el);
    // No positions block for other places.
    expect(
      q(show(care({ mobilityAfterRun: true, place: 'buttock', pain: 2 })), '[data-guidance="positions"]'),
    ).toBeNull();
  });

  it('after a run on a strength day: one strength exercise, and a line saying which days and why', () => {
    const el = show(care({ mobilityAfterRun: true }), settings(), '2025-06-17'); // a Tuesday
    expect(qa(el, '[data-testid="hip-today"] article').map((a) => a.getAttribute('data-kind'))).toEqual([
      'mobility',
      'strength',
    ]);
    expect(qa(el, '.hip-advice li').map((li) => li.getAttribute('data-code'))).toEqual(['mobility_after_run']);
    // Under the exercises, so the first one stays above the fold.
    const line = textOf(q(el, '[data-testid="hip-today"] ~ [data-code="strength_after_run"]'));
    expect(line).toMatch(/^A strength day \(Tuesday and Friday\): .*at least twice a week\.$/);
    // Not on other days, nor on a day without running (strength anyway).
    expect(
      q(show(care({ mobilityAfterRun: true }), settings(), '2025-06-18'), '[data-code="strength_after_run"]'),
    ).toBeNull();
    expect(
      q(show(care({ strengthToday: true }), settings(), '2025-06-17'), '[data-code="strength_after_run"]'),
    ).toBeNull();
  });

  it('with hip pain and a cadence on the easy runs: the runner’s own 5 % step, with its evidence; none without', () => {
    const el = show(
      care({ mobilityAfterRun: true, gait: { currentSpm: 156, suggestedSpm: 164, runs: 5 } }),
      settings(),
      '2025-06-18',
    );
    const line = textOf(q(el, '[data-testid="hip-gait"]'));
    expect(line).toContain('average 156 steps a minute');
    expect(line).toContain('try about 164 (5% more) at the same easy pace');
    expect(line).toContain('not yet for preventing injury');
    expect(line).not.toContain('180');
    expect(q(show(care({ mobilityAfterRun: true }), settings(), '2025-06-18'), '[data-testid="hip-gait"]')).toBeNull();
  });

  it('strength cards say how to progress; stretches do not', () => {
    const el = show(care({ mobilityAfterRun: true, strengthToday: true }));
    for (const card of qa(el, '[data-testid="hip-today"] article')) {
      const progression = q(card, '[data-testid="hip-progression"]');
      if (card.getAttribute('data-kind') === 'strength') expect(textOf(progression)).toMatch(/^To progress:/);
      else expect(progression).toBeNull();
    }
  });

  it('groin pain: the deep stretches carry "only as deep as stays pain-free"', async () => {
    const el = show(care({ mobilityAfterRun: true, place: 'groin', pain: 2 }));
    const lib = await openLibrary(el);
    for (const id of ['lunge_twist', 'downward_dog'])
      expect(textOf(q(lib, `article[data-exercise="${id}"] [data-testid="hip-note"]`))).toBe(
        MESSAGES.hip_note_pain_free_range!.message,
      );
    expect(q(lib, 'article[data-exercise="knee_to_opposite_shoulder"]')).toBeNull();
    expect(q(lib, 'article[data-exercise="figure_four"] [data-testid="hip-note"]')).toBeNull();
    expect(qa(lib, '[data-testid="hip-hidden"]').map((p) => p.getAttribute('data-why'))).toEqual([
      'groin_deep_flexion',
    ]);
  });

  it('warning-sign questions not answered yet: no exercise, a line asking to answer them first', () => {
    const el = show(
      care({ mobilityAfterRun: true, strengthToday: true, place: 'groin', pain: 4, awaitingFlags: true }),
    );
    expect(q(el, '[data-testid="hip-care"]')!.getAttribute('data-state')).toBe('awaiting-flags');
    expect(textOf(q(el, '[data-testid="hip-awaiting-flags"]'))).toBe(MESSAGES.hip_awaiting_flags!.message);
    expect(qa(el, 'article')).toHaveLength(0);
    expect(q(el, '[data-testid="hip-library"]')).toBeNull();
    expect(textOf(q(el, '[data-testid="hip-rest"] summary'))).toBe(MESSAGES.hip_rest_title!.message);
    checkStructure(el);
  });

  it('pain for two weeks: a notice to see a GP or physiotherapist and ask for a gait analysis, above the exercises', async () => {
    const el = show(
      care({
        mobilityAfterRun: true,
        pain: 4,
        place: 'buttock',
        referral: { code: 'persistent', since: '2025-06-01' },
      }),
    );
    await vi.waitFor(() => expect(q(el, '[data-testid="hip-referral"]')).not.toBeNull());
    const notice = q(el, '[data-testid="hip-referral"]')!;
    expect(notice.getAttribute('data-reason')).toBe('persistent');
    expect(textOf(notice)).toBe(MESSAGES.hip_clinician_persistent!.message);
    expect(textOf(notice)).toMatch(/gait analysis/);
    expect(textOf(notice)).not.toMatch(/red-flag|warning signs/i);
    // Above the advice and the exercises, which are still shown.
    expect(notice.compareDocumentPosition(q(el, '[data-testid="hip-today"]')!) & 4).toBeTruthy();
    expect(qa(el, '[data-testid="hip-today"] article').length).toBeGreaterThanOrEqual(2);
    expect(q(el, '[role="alert"]')).toBeNull();
    checkStructure(el);
  });

  it('on a full rest day: the rest advice and two gentle stretches', () => {
    const el = show(care({ fullRestToday: true, extraStrength: true }));
    expect(qa(el, '.hip-advice li').map((li) => li.getAttribute('data-code'))).toEqual(['full_rest', 'extra_strength']);
    expect(qa(el, '[data-testid="hip-today"] article').map((a) => a.getAttribute('data-kind'))).toEqual([
      'mobility',
      'mobility',
    ]);
  });

  it('every visible or spoken text is a message: with getMessage returning "" only keys are left', async () => {
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation((key: string) => {
      requested.add(key);
      return '';
    });
    for (const hc of [
      care({ mobilityAfterRun: true, strengthToday: true, extraStrength: true, avoidCrossBodyStretches: true }),
      care({ seeClinician: true }),
    ]) {
      const el = show(hc, settings({ outerHipPain: true }));
      if (hc.seeClinician) await clinicianShown(el);
      else await openLibrary(el);
      const walker = document.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
      const texts: string[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        if (n.textContent!.trim()) texts.push(n.textContent!.trim());
      expect(texts.length).toBeGreaterThan(5);
      for (const s of texts) expect(s).toMatch(/^hip_[a-z0-9_]+$/);
      for (const x of qa(el, '[aria-label]')) expect(x.getAttribute('aria-label')).toMatch(/^hip_[a-z0-9_]+$/);
    }
  });

  it('every exercise has a drawing file: valid SVG with a viewBox, currentColor only, alt text in en and de', () => {
    const de = messagesOf('de');
    const ids = EXERCISES.map((e) => e.icon);
    expect(new Set(ids).size).toBe(EXERCISES.length);
    for (const icon of ids) {
      const file = resolve(HERE, '../../../public', drawingUrl(icon).slice(1));
      const text = readFileSync(file, 'utf8');
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const svg = doc.documentElement;
      expect(svg.tagName.toLowerCase(), icon).toBe('svg');
      expect(svg.getAttribute('xmlns'), icon).toBe('http://www.w3.org/2000/svg');
      expect(doc.querySelector('parsererror'), icon).toBeNull();
      // One frame for all: 4:3, as the popup shows it (128 × 96 px).
      expect(svg.getAttribute('viewBox'), icon).toBe('0 0 128 96');
      expect(qa(svg, 'path').length, icon).toBeGreaterThan(2);
      // A head (a round dot), a faint start position and a solid end.
      expect(qa(svg, 'circle').length, icon).toBeGreaterThanOrEqual(2);
      expect(qa(svg, 'g[opacity]').length, icon).toBe(1);
      // No fixed colour anywhere: attributes, style sheets, inline styles, or text.
      for (const x of [svg, ...qa(svg, '*')]) {
        for (const attr of ['fill', 'stroke', 'color', 'stop-color', 'flood-color']) {
          const v = x.getAttribute(attr);
          if (v !== null) expect(v, `${icon} ${x.tagName} ${attr}`).toMatch(/^(none|currentColor)$/);
        }
        expect(x.getAttribute('style'), icon).toBeNull();
      }
      expect(qa(svg, 'style, image, script, foreignObject'), icon).toHaveLength(0);
      expect(text, icon).not.toMatch(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|\b(black|white)\b/i);
      // Alternative text in both languages, German not left in English.
      const key = `hip_ex_${icon}_picture`;
      expect(MESSAGES[key]?.message, key).toBeTruthy();
      expect(de[key]?.message, key).toBeTruthy();
      expect(de[key]!.message).not.toBe(MESSAGES[key]!.message);
    }
  });

  it('an exercise drawing is a labelled image painted in the text colour; notices stay inline SVG', () => {
    for (const e of EXERCISES) {
      render(<ExerciseIcon icon={e.icon} label="x" size={96} />, root);
      const el = q(root, '[data-icon]') as HTMLElement;
      expect(el.tagName).toBe('SPAN');
      expect(el.getAttribute('role')).toBe('img');
      expect(el.getAttribute('aria-label')).toBe('x');
      expect(el.className).toBe('hip-drawing');
      expect(el.getAttribute('style')).toMatch(new RegExp(`--drawing:\\s*url\\(/exercises/${e.icon}\\.svg\\)`));
      expect(el.style.height).toBe('96px');
      expect(el.style.width).toBe('128px');
    }
    render(<ExerciseIcon icon="glute_bridge" />, root);
    expect(q(root, '[data-icon]')!.getAttribute('aria-hidden')).toBe('true');
    expect(q(root, '[data-icon]')!.getAttribute('role')).toBeNull();

    expect([...NOTICE_IDS].sort()).toEqual(['positions', 'red_flag', 'rest_ice']);
    for (const icon of NOTICE_IDS) {
      render(<ExerciseIcon icon={icon} label="x" />, root);
      const svg = q(root, 'svg')!;
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('stroke')).toBe('currentColor');
      expect(qa(svg, 'path,circle,rect').length).toBeGreaterThan(0);
      for (const x of [svg, ...qa(svg, '*')]) {
        for (const attr of ['fill', 'stroke', 'style', 'color']) {
          const v = x.getAttribute(attr);
          if (v !== null) expect(v, `${icon} ${attr}`).toMatch(/^(none|currentColor)$/);
        }
      }
    }
    const css = readFileSync(resolve(HERE, '../../../components/hip-care.css'), 'utf8');
    // Colours come from theme.css variables (and system colours in forced-colors mode); the
    // drawings are masks over currentColor.
    expect(css).not.toMatch(/#[0-9a-f]{3,8}\b|rgb\(|hsl\(/i);
    expect(css).toMatch(/\.hip-drawing\s*\{[^}]*background-color:\s*currentColor[^}]*mask:\s*var\(--drawing\)/);
  });
});

describe('messages', () => {
  it('every key the library and the component use exists in en/messages.json, and every hip_ key there is used', () => {
    // Static keys in the component's source, and every key requested while rendering above.
    const source = [
      '../../../components/HipCare.tsx',
      '../../../components/HipClinician.tsx',
      '../../../components/HipLibrary.tsx',
      '../../../components/hip-care-parts.tsx',
      '../../../components/exercise-icons.tsx',
    ]
      .map((p) => readFileSync(resolve(HERE, p), 'utf8'))
      .join('\n');
    const literal = [...source.matchAll(/'(hip_[a-z0-9_]+)'/g)].map((m) => m[1]!);
    expect(literal.length).toBeGreaterThan(10);
    // Plural forms English lacks (Arabic "two" above) are asked for and fall back to "other".
    const probes = [...requested].filter((k) => /_(zero|two|few|many)$/.test(k));
    for (const k of probes) expect(k).toMatch(/^hip_dose_/);
    const asked = [...requested].filter((k) => !probes.includes(k));
    const used = new Set([...literal, ...libraryMessageKeys(), ...Object.values(ADVICE_KEYS), ...asked]);
    for (const k of used) {
      expect(MESSAGES[k]?.message, k).toBeTruthy();
    }
    // Rendering asked for nothing outside the hip_ prefix.
    for (const k of requested) expect(k).toMatch(/^hip_/);
    // No stale hip_ keys: all are reachable.
    const stale = Object.keys(MESSAGES).filter((k) => k.startsWith('hip_') && !used.has(k));
    expect(stale).toEqual([]);
  });
});
