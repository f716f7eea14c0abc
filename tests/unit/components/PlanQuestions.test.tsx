import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { PlanQuestions } from '../../../components/PlanQuestions';
import { planSettingsPatch } from '../../../core/plan-preset';
import { DEFAULT_SETTINGS, validateSettingsPatch, type Settings } from '../../../core/settings';
import { speak } from '../speak';

afterEach(() => vi.restoreAllMocks());

const shown = (root: HTMLElement) => ({
  days: root.querySelector<HTMLSelectElement>('#plan-days')!.value,
  rest: root.querySelector<HTMLSelectElement>('#plan-rest')!.value,
});

describe('the plan questions', () => {
  it('show answers changed elsewhere (a restored backup) without a reload', async () => {
    speak('en');
    const root = document.createElement('div');
    const before: Settings = { ...DEFAULT_SETTINGS, runDaysPerWeek: 6, usualRestDay: 1 };
    await act(() => render(<PlanQuestions settings={before} onSaved={() => {}} />, root));
    expect(shown(root)).toEqual({ days: '6', rest: '1' });
    const restored: Settings = { ...DEFAULT_SETTINGS, runDaysPerWeek: 3, usualRestDay: null };
    await act(() => render(<PlanQuestions settings={restored} onSaved={() => {}} />, root));
    expect(shown(root)).toEqual({ days: '3', rest: '' });
  });

  it.each([
    ['en', ['1 a week: Beginner', '4 a week: Regular (default)', '7 a week: Experienced']],
    ['de', ['1 pro Woche: Einsteiger', '4 pro Woche: Regelmäßig (Standard)', '7 pro Woche: Erfahren']],
  ])('%s: the days choices say the preset they pick, without brackets in brackets', async (lang, some) => {
    speak(lang);
    const root = document.createElement('div');
    await act(() => render(<PlanQuestions settings={DEFAULT_SETTINGS} onSaved={() => {}} />, root));
    const options = [...root.querySelectorAll('#plan-days option')].map((o) => o.textContent ?? '');
    expect(options).toHaveLength(8);
    for (const o of options) expect(o).not.toMatch(/\([^)]*\(/);
    for (const o of some) expect(options).toContain(o);
  });

  it.each([
    [
      'en',
      '4',
      'Preset chosen: Regular (default): at least one rest day a week. A rest day is due after 4 running days in a row.',
    ],
    [
      'en',
      '2',
      'Preset chosen: Beginner: at most 2 run days in a row. A rest day is due after 2 running days in a row.',
    ],
    [
      'de',
      '7',
      'Gewählte Voreinstellung: Erfahren: tägliches Laufen, keine Grenze für Tage in Folge, 2 lockere Tage in je 7 Tagen. Keine Grenze für Lauftage in Folge: Die lockeren Tage tragen die Hinweise zur Belastung.',
    ],
  ])('says what the answer set (%s, %s days a week): the preset and the streak limit', async (lang, days, text) => {
    speak(lang);
    // The background's answer: the plan's patch through the real validator.
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (req: { runDaysPerWeek: number }) => {
      const r = validateSettingsPatch(planSettingsPatch(req.runDaysPerWeek, null), DEFAULT_SETTINGS);
      return r.ok ? { ok: true, settings: r.value } : { ok: false, error: r.errors[0]!.problem };
    }) as never);
    let saved: Settings | null = null;
    const root = document.createElement('div');
    await act(() => render(<PlanQuestions settings={DEFAULT_SETTINGS} onSaved={(s) => (saved = s)} />, root));
    const select = root.querySelector<HTMLSelectElement>('#plan-days')!;
    await act(() => {
      select.value = days;
      select.dispatchEvent(new Event('change'));
    });
    await act(async () => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(root.querySelector('[data-testid="plan-saved"]')!.textContent).toBe(text);
    expect(saved).toMatchObject({ runDaysPerWeek: Number(days), targetRunsPerWeek: Number(days) });
  });
});
