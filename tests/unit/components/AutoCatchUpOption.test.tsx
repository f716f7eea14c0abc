import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { CatchUpSettings } from '../../../components/AutoCatchUpOption';
import { Welcome } from '../../../components/Welcome';
import { DEFAULT_SETTINGS, validateSettingsPatch, type Settings } from '../../../core/settings';
import { speak } from '../speak';

// The automatic catch-up's switch on the options page and the first-run page: off until ticked,
// saved through settings/update, and its hint says what is requested and when. The background is
// stood in for by the real validator.

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

/** Answers settings/update as the background would, and state/get with the current settings. */
function answerAsBackground(start: Settings) {
  let current = start;
  const updates: unknown[] = [];
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (req: { type: string; patch?: unknown }) => {
    if (req.type === 'state/get') return { ok: true, settings: current, totalCount: 0 };
    if (req.type !== 'settings/update') return undefined;
    updates.push(req.patch);
    const r = validateSettingsPatch(req.patch, current);
    if (!r.ok) return { ok: false, error: r.errors[0]!.problem, errors: r.errors };
    current = r.value;
    return { ok: true, settings: r.value };
  }) as never);
  return updates;
}

const settle = () => new Promise<void>((r) => setTimeout(r, 0));

async function mount(node: preact.ComponentChild) {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(node, root);
    await settle();
  });
  return root;
}

async function click(el: HTMLInputElement) {
  await act(async () => {
    el.click();
    await settle();
  });
}

const box = (root: HTMLElement) => root.querySelector<HTMLInputElement>('#autoCatchUp')!;

describe('options page', () => {
  it('is off by default; ticking saves autoCatchUp true, unticking saves false', async () => {
    speak('en');
    const updates = answerAsBackground(DEFAULT_SETTINGS);
    let settings: Settings = DEFAULT_SETTINGS;
    const root = await mount(<CatchUpSettings settings={settings} onSaved={(s) => (settings = s)} />);
    expect(box(root).checked).toBe(false);

    await click(box(root));
    expect(updates).toEqual([{ autoCatchUp: true }]);
    expect(settings.autoCatchUp).toBe(true);
    expect(root.querySelector('[data-testid="saved-autoCatchUp"]')).not.toBeNull();

    await act(async () => {
      render(<CatchUpSettings settings={settings} onSaved={(s) => (settings = s)} />, root);
      await settle();
    });
    expect(box(root).checked).toBe(true);
    await click(box(root));
    expect(updates).toEqual([{ autoCatchUp: true }, { autoCatchUp: false }]);
    expect(settings.autoCatchUp).toBe(false);
  });

  it('says what is read, how, when, and that nothing else leaves the browser', async () => {
    speak('en');
    const root = await mount(<CatchUpSettings settings={DEFAULT_SETTINGS} onSaved={() => {}} />);
    const label = root.querySelector('label')!.textContent;
    expect(label).toContain('Catch up from Strava and Garmin');
    const hint = root.querySelector('#autoCatchUp-hint')!.textContent;
    expect(box(root).getAttribute('aria-describedby')).toBe('autoCatchUp-hint');
    expect(hint).toContain('Strava “My Activities” list');
    expect(hint).toContain('Garmin Connect activity list');
    expect(hint).toContain('opens in the background and closes by itself');
    expect(hint).toContain('over an hour ago');
    // The morning hour comes from core/catch-up.ts, on the runner's clock format.
    expect(hint).toMatch(/once a day at 0?9[:.]00/);
    expect(hint).toContain('nothing else leaves your browser');
  });

  it('speaks German', async () => {
    speak('de');
    const root = await mount(<CatchUpSettings settings={DEFAULT_SETTINGS} onSaved={() => {}} />);
    expect(root.querySelector('h2')!.textContent).toBe('Nachholen von Strava und Garmin');
    expect(root.querySelector('#autoCatchUp-hint')!.textContent).toContain('sonst verlässt nichts deinen Browser');
  });
});

describe('first-run page', () => {
  it('names the popup’s catch-up button, and offers the switch, off until ticked, saved as on the options page', async () => {
    speak('en');
    const updates = answerAsBackground(DEFAULT_SETTINGS);
    const root = await mount(<Welcome />);
    // The page asks the background for the settings before it shows the switch.
    for (let i = 0; i < 20 && !box(root); i++) await act(settle);
    const part = root.querySelector<HTMLElement>('[data-testid="welcome-catch-up"]')!;
    expect(part.textContent).toContain('“Catch up from Strava and Garmin” button');
    expect(part.textContent).toContain('without you visiting the sites');
    expect(box(part).checked).toBe(false);

    await click(box(part));
    expect(updates).toEqual([{ autoCatchUp: true }]);
    // The page shows what the background stored.
    expect(box(part).checked).toBe(true);
    await click(box(part));
    expect(updates).toEqual([{ autoCatchUp: true }, { autoCatchUp: false }]);
    expect(box(part).checked).toBe(false);
  });
});
