import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { SettingsForm } from '../../../components/SettingsForm';
import { DEFAULT_SETTINGS, PRESET_VALUES, validateSettingsPatch, type Settings } from '../../../core/settings';
import { speak } from '../speak';

// The options page's "Off" boxes for the limits and its two lists of sports. The background is
// stood in for by the real validator, so what the form sends is checked as the background would.

afterEach(() => vi.restoreAllMocks());

const experienced: Settings = { ...DEFAULT_SETTINGS, preset: 'experienced', ...PRESET_VALUES.experienced };

function answerAsBackground(current: Settings) {
  const sent: unknown[] = [];
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (req: { patch: unknown }) => {
    sent.push(req.patch);
    const r = validateSettingsPatch(req.patch, current);
    return r.ok ? { ok: true, settings: r.value } : { ok: false, error: r.errors[0]!.problem, errors: r.errors };
  }) as never);
  return sent;
}

async function show(settings: Settings, onSaved: (s: Settings) => void = () => {}) {
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => render(<SettingsForm settings={settings} units="km" onSaved={onSaved} />, root));
  return root;
}

const box = (root: HTMLElement, sel: string) => root.querySelector<HTMLInputElement>(sel)!;

async function click(el: HTMLInputElement) {
  await act(async () => {
    el.click();
    // Let the mocked background answer and the form re-render.
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('the limits can be turned off', () => {
  it('shows a limit that is off as ticked "Off" beside 0, and only the limits that can be off have the box', async () => {
    speak('en');
    const root = await show(experienced);
    expect(box(root, '#maxRunDaysInRow-off').checked).toBe(true);
    expect(box(root, '#maxRunDaysInRow').value).toBe('0');
    expect(box(root, '#maxDaysWithoutFullRest-off').checked).toBe(true);
    expect(box(root, '#weeklyRampWarnPct-off').checked).toBe(false);
    expect(box(root, '#minEasyDaysPerWeek-off').checked).toBe(false);
    expect(root.querySelector('#targetRunsPerWeek-off')).toBeNull();
    expect(box(root, '#maxRunDaysInRow-off').getAttribute('aria-label')).toBe(
      'Off: Running days in a row before a rest day',
    );
    expect(box(root, '#maxRunDaysInRow').min).toBe('0');
  });

  it('ticking "Off" saves 0, and the preset becomes "Custom"', async () => {
    speak('en');
    const sent = answerAsBackground(DEFAULT_SETTINGS);
    let saved: Settings | null = null;
    const root = await show(DEFAULT_SETTINGS, (s) => (saved = s));
    await click(box(root, '#maxRunDaysInRow-off'));
    expect(sent).toEqual([{ maxRunDaysInRow: 0 }]);
    expect(saved).toMatchObject({ maxRunDaysInRow: 0, preset: 'custom' });
  });

  it('unticking "Off" saves the usual value, never a leftover 0', async () => {
    speak('en');
    const sent = answerAsBackground(experienced);
    const root = await show(experienced);
    await click(box(root, '#maxRunDaysInRow-off'));
    await click(box(root, '#maxDaysWithoutFullRest-off'));
    expect(sent).toEqual([{ maxRunDaysInRow: 6 }, { maxDaysWithoutFullRest: 13 }]);
  });

  it('speaks German: "Aus"', async () => {
    speak('de');
    const root = await show(experienced);
    expect(box(root, '#maxRunDaysInRow-off').parentElement!.textContent.trim()).toBe('Aus');
  });
});

describe('what counts: running and low-impact sports', () => {
  it('lists the low-impact sports, walks and hikes ticked by default', async () => {
    speak('en');
    const root = await show(DEFAULT_SETTINGS);
    const ticked = (name: string) =>
      [...root.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)]
        .filter((i) => i.checked)
        .map((i) => i.value);
    expect(ticked('lowImpactSports')).toEqual(['walk', 'hike']);
    expect(ticked('runningLoadSports')).toEqual(['run', 'trail_run', 'treadmill_run', 'virtual_run']);
    expect(root.querySelector('#lowImpactSports legend')!.textContent).toBe('Low-impact sports');
  });

  it('a walk ticked as running while it is low impact is refused with the reason, and stays unticked', async () => {
    speak('en');
    const sent = answerAsBackground(DEFAULT_SETTINGS);
    const root = await show(DEFAULT_SETTINGS);
    const walk = root.querySelector<HTMLInputElement>('input[name="runningLoadSports"][value="walk"]')!;
    await click(walk);
    expect(sent).toEqual([{ runningLoadSports: ['run', 'trail_run', 'treadmill_run', 'virtual_run', 'walk'] }]);
    expect(root.querySelector('[data-testid="error-runningLoadSports"]')!.textContent).toBe(
      'A sport cannot both count as running and be low impact: untick it in the other list first.',
    );
    expect(walk.checked).toBe(false);
  });

  it('unticking a low-impact sport saves the shorter list', async () => {
    speak('en');
    const sent = answerAsBackground(DEFAULT_SETTINGS);
    const root = await show(DEFAULT_SETTINGS);
    await click(root.querySelector<HTMLInputElement>('input[name="lowImpactSports"][value="walk"]')!);
    expect(sent).toEqual([{ lowImpactSports: ['hike'] }]);
    expect(root.querySelector('[data-testid="saved-lowImpactSports"]')).not.toBeNull();
  });
});
