import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { checkInOpens } from '../../../components/checkin-opens';
import { CheckInLine, HipCheckIn, type HipCheckInProps } from '../../../components/HipCheckIn';
import type { CheckIn, PainMoment, RedFlag } from '../../../core/check-in';
import type { PainState } from '../../../core/engine/pain-monitoring';
import { speak } from '../speak';

// The check-in card as the runner meets it: pain first, then where, then the red-flag questions
// for that place; folded to one line once answered. What it sends is what the background gets.

const TODAY = '2026-12-10';
const AT = Date.UTC(2026, 11, 10, 18);

const state = (over: Partial<PainState> = {}): PainState => ({
  findings: [],
  latest: null,
  place: null,
  redFlags: null,
  flagsUnanswered: false,
  morningAfter: null,
  painfulDays: 0,
  ...over,
});

/** Today's check-in with a later answer (and a morning one when given). */
const checkIn = (pain: number, over: Partial<CheckIn> & { morningPain?: number } = {}): CheckIn => {
  const { morningPain, ...rest } = over;
  return {
    date: TODAY,
    pain,
    later: { pain, atMs: AT },
    ...(morningPain === undefined ? {} : { morning: { pain: morningPain, atMs: AT - 10 * 3_600_000 } }),
    atMs: AT,
    ...rest,
  };
};

let root: HTMLElement;
let sent: unknown[];
beforeEach(() => {
  speak('en');
  sent = [];
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (m: { type: string }) => {
    sent.push(m);
    return { ok: true, checkIn: checkIn(1) };
  }) as never);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

async function show(
  c: CheckIn | null,
  pain: PainState = state(),
  moment: PainMoment = 'later',
  more: Partial<Pick<HipCheckInProps, 'onChanged' | 'onDone' | 'focus'>> = {},
) {
  await act(() =>
    render(
      <HipCheckIn
        today={TODAY}
        checkIn={c}
        pain={pain}
        moment={moment}
        onChanged={more.onChanged ?? (() => {})}
        onDone={more.onDone ?? (() => {})}
        focus={more.focus}
      />,
      root,
    ),
  );
  return root;
}

async function showLine(c: CheckIn, place: PainState['place'], onOpen = () => {}, focus?: boolean) {
  await act(() => render(<CheckInLine checkIn={c} place={place} onOpen={onOpen} focus={focus} />, root));
}

const text = (sel: string) => (root.querySelector(sel)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const radio = (name: string, value: string) =>
  root.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`);
const flagsOnScreen = () =>
  [...root.querySelectorAll<HTMLInputElement>('input[name="hip-flag"]')].map((i) => i.value as RedFlag);
const ticked = () =>
  [...root.querySelectorAll<HTMLInputElement>('input[name="hip-flag"]')].filter((i) => i.checked).map((i) => i.value);

async function click(el: HTMLElement | null) {
  expect(el).not.toBeNull();
  await act(async () => {
    el!.click();
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('the hip check-in card', () => {
  it('asks the pain first: 0 to 10, and nothing about where until a pain above 0 is given', async () => {
    await show(null);
    expect(text('h2')).toBe('Hip pain today');
    const group = root.querySelector('[role="radiogroup"]')!;
    expect(group.getAttribute('aria-labelledby')).toBe('checkin-h');
    expect(group.querySelectorAll('input[type="radio"]')).toHaveLength(11);
    expect(root.querySelector('[data-testid="checkin-place"]')).toBeNull();
    expect(root.querySelector('[data-testid="checkin-flags"]')).toBeNull();
    let changed = 0;
    await show(null, state(), 'later', { onChanged: () => changed++ });
    await click(radio('hip-pain', '3'));
    expect(sent).toEqual([{ type: 'checkin/set', checkIn: { date: TODAY, pain: 3 } }]);
    expect(changed).toBe(1);

    // Pain 0 answered: still no place question.
    await show(checkIn(0));
    expect(root.querySelector('[data-testid="checkin-place"]')).toBeNull();
  });

  it('once there is pain, asks where, pre-selected with the remembered place, and saves a change', async () => {
    await show(null);
    await show(checkIn(3), state({ place: 'outside', latest: { pain: 3, date: TODAY, moment: 'later' } }));
    expect(text('#checkin-where')).toBe('Where does it hurt?');
    const places = [...root.querySelectorAll<HTMLInputElement>('input[name="hip-place"]')];
    expect(places.map((p) => p.value)).toEqual(['outside', 'groin', 'buttock', 'unsure']);
    expect(places.filter((p) => p.checked).map((p) => p.value)).toEqual(['outside']);
    expect(text('[data-testid="checkin-place"]')).toContain('The groin or front of the hip');
    await click(radio('hip-place', 'groin'));
    expect(sent).toEqual([{ type: 'checkin/set', checkIn: { date: TODAY, place: 'groin' } }]);
  });

  it('asks the stress-fracture questions for the groin, not for the outside of the hip', async () => {
    await show(null);
    await show(checkIn(4), state({ place: 'groin' }));
    expect(flagsOnScreen()).toEqual(['cannot_bear_weight', 'unwell', 'night_or_rest', 'hop', 'limp', 'walking']);
    expect(text('[data-testid="checkin-flags"]')).toContain('It hurts when I hop on that leg');
    expect(text('[data-testid="checkin-flags"]')).toContain('I limp');
    expect(text('[data-testid="checkin-flags"]')).toContain('It hurts when I walk');

    await show(checkIn(4), state({ place: 'outside' }));
    expect(flagsOnScreen()).toEqual(['cannot_bear_weight', 'unwell', 'night_or_rest']);
    expect(text('[data-testid="checkin-flags"]')).not.toContain('hop');

    // No place said yet: only the place question.
    await show(checkIn(4), state());
    expect(root.querySelector('[data-testid="checkin-place"]')).not.toBeNull();
    expect(flagsOnScreen()).toEqual([]);
  });

  it('"None of these" saves an empty list; ticking and unticking save the whole list', async () => {
    await show(null);
    await show(checkIn(4), state({ place: 'groin', flagsUnanswered: true }));
    expect(ticked()).toEqual([]);
    await click(root.querySelector<HTMLElement>('[data-testid="checkin-no-flags"]'));
    expect(sent.at(-1)).toEqual({ type: 'checkin/set', checkIn: { date: TODAY, flags: [] } });

    await show(checkIn(4, { flags: [] }), state({ place: 'groin' }));
    expect(root.querySelector('[data-testid="checkin-no-flags"]')!.getAttribute('aria-pressed')).toBe('true');
    expect(text('.checkin-none')).toContain('Saved: none of these today.');

    await click(radio('hip-flag', 'limp'));
    expect(sent.at(-1)).toEqual({ type: 'checkin/set', checkIn: { date: TODAY, flags: ['limp'] } });

    // With "I limp" in force since yesterday: ticked, and ticking another keeps it.
    const inForce = state({ place: 'groin', redFlags: { flags: ['limp'], since: '2026-12-09' } });
    await show(checkIn(4, { flags: ['limp'] }), inForce);
    expect(ticked()).toEqual(['limp']);
    expect(root.querySelector('[data-testid="checkin-no-flags"]')!.getAttribute('aria-pressed')).toBe('false');
    await click(radio('hip-flag', 'night_or_rest'));
    expect(sent.at(-1)).toEqual({ type: 'checkin/set', checkIn: { date: TODAY, flags: ['limp', 'night_or_rest'] } });
    await click(radio('hip-flag', 'limp'));
    expect(sent.at(-1)).toEqual({ type: 'checkin/set', checkIn: { date: TODAY, flags: [] } });
  });

  it('with red flags in force and no pain today, still shows them to untick', async () => {
    const inForce = state({ place: 'outside', redFlags: { flags: ['walking', 'limp'], since: '2026-12-08' } });
    await show(null, inForce);
    // The pain comes first: no flag can be saved before it.
    expect(flagsOnScreen()).toEqual([]);
    await show(checkIn(0), inForce);
    expect(root.querySelector('[data-testid="checkin-place"]')).toBeNull();
    expect(flagsOnScreen()).toEqual(['limp', 'walking']);
    expect(ticked()).toEqual(['limp', 'walking']);
    expect(text('[data-testid="checkin-flags-gone"]')).toBe('Has it gone? Untick it.');
    await click(radio('hip-flag', 'walking'));
    expect(sent.at(-1)).toEqual({ type: 'checkin/set', checkIn: { date: TODAY, flags: ['limp'] } });
  });

  it('opens until today is answered, and while the red-flag questions for today wait', () => {
    expect(checkInOpens(null, state())).toBe(true);
    expect(checkInOpens(checkIn(2), state({ place: 'outside' }))).toBe(false);
    expect(checkInOpens(checkIn(4), state({ place: 'groin', flagsUnanswered: true }))).toBe(true);
    expect(checkInOpens(checkIn(4, { flags: [] }), state({ place: 'groin' }))).toBe(false);
  });

  it('folded to one line, which opens the card; "Done" folds it again', async () => {
    let opened = 0;
    await showLine(checkIn(2), 'outside', () => opened++);
    expect(text('[data-testid="checkin-line-text"]')).toBe('Hip pain today: 2, outside');
    expect(text('[data-testid="checkin-line"]')).toBe('Hip pain today: 2, outside Change');
    expect(document.activeElement?.getAttribute('data-testid')).not.toBe('checkin-line');
    await click(root.querySelector<HTMLElement>('[data-testid="checkin-line"]'));
    expect(opened).toBe(1);

    // Opened by the runner: the card takes the focus, on today's answer.
    render(null, root);
    let done = 0;
    await show(checkIn(2), state({ place: 'outside' }), 'later', { onDone: () => done++, focus: true });
    expect(radio('hip-pain', '2')!.checked).toBe(true);
    expect(document.activeElement).toBe(radio('hip-pain', '2'));
    await click(root.querySelector<HTMLElement>('[data-testid="checkin-done"]'));
    expect(done).toBe(1);
    // Folded by the runner: the focus is back on the line.
    render(null, root);
    await showLine(checkIn(2), 'outside', () => {}, true);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('checkin-line');
  });

  it('has no "Done" before anything is answered', async () => {
    await show(null);
    expect(root.querySelector('[data-testid="checkin-done"]')).toBeNull();
  });

  it.each([
    [checkIn(4, { morningPain: 1 }), 'groin' as const, 'Hip pain today: morning 1, later 4, groin'],
    [checkIn(0), 'outside' as const, 'Hip pain today: 0'],
    [checkIn(5), 'unsure' as const, 'Hip pain today: 5'],
    [checkIn(5), 'buttock' as const, 'Hip pain today: 5, buttock'],
    [checkIn(3), null, 'Hip pain today: 3'],
  ])('the folded line says each answer, and the place only with pain: %#', async (c, place, line) => {
    await showLine(c, place);
    expect(text('[data-testid="checkin-line-text"]')).toBe(line);
  });

  it('the folded line in German', async () => {
    speak('de');
    await showLine(checkIn(4, { morningPain: 1 }), 'outside');
    expect(text('[data-testid="checkin-line-text"]')).toBe('Hüftschmerz heute: morgens 1, später 4, außen');
  });

  it('asks "How is your hip this morning?" the morning after a painful run, and says where the answer went', async () => {
    const after = state({ morningAfter: '2026-12-09' });
    await show(null, after, 'morning');
    expect(text('h2')).toBe('How is your hip this morning?');
    expect(root.querySelector('[role="radiogroup"]')!.getAttribute('aria-labelledby')).toBe('checkin-h');
    // Answered: morningAfter is gone from the state, the question keeps its words.
    const answered: CheckIn = { date: TODAY, pain: 2, morning: { pain: 2, atMs: AT }, atMs: AT };
    await show(answered, state(), 'morning');
    expect(text('h2')).toBe('How is your hip this morning?');
    expect(text('[data-testid="checkin-saved"]')).toBe("Saved as this morning's answer: 2 of 10.");
    expect(radio('hip-pain', '2')!.checked).toBe(true);

    // Later in the day, or with no painful run yesterday: the usual question.
    render(null, root);
    await show(null, after, 'later');
    expect(text('h2')).toBe('Hip pain today');
    render(null, root);
    await show(null, state(), 'morning');
    expect(text('h2')).toBe('Hip pain today');
    await show(checkIn(5), state(), 'later');
    expect(text('[data-testid="checkin-saved"]')).toBe(
      "Saved as today's answer after running or later in the day: 5 of 10.",
    );
  });

  it('a later answer is asked apart from the morning one: the morning answer is not shown as now', async () => {
    render(null, root);
    await show(null);
    const morningOnly: CheckIn = { date: TODAY, pain: 1, morning: { pain: 1, atMs: AT }, atMs: AT };
    await show(morningOnly, state(), 'later');
    expect(root.querySelectorAll('input[name="hip-pain"]:checked')).toHaveLength(0);
    expect(root.querySelector('[data-testid="checkin-saved"]')).toBeNull();
  });

  it('shows a refusal in words', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (m: { type: string }) => ({
      ok: false,
      error: { code: 'checkin_pain_first', params: [m.type] },
    })) as never);
    await show(null);
    await click(radio('hip-pain', '5'));
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')).not.toBeNull());
    expect(text('[role="alert"]')).not.toBe('');
  });
});
