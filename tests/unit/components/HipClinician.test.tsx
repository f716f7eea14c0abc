import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HipClinician } from '../../../components/HipClinician';
import type { Referral } from '../../../core/engine/verdict';
import { messagesOf, speak } from '../speak';

// The clinician box names the actual reason for a GP or physiotherapist: the warning signs
// answered in the check-in (listed), the options page's switch, or pain for two weeks.

const MESSAGES = messagesOf('en');
const msg = (key: string) => MESSAGES[key]!.message;

let root: HTMLElement;
beforeEach(() => {
  speak('en');
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

const show = (referral: Referral | null, stop: boolean) => {
  render(<HipClinician referral={referral} stop={stop} />, root);
  return root;
};
const q = (sel: string) => root.querySelector(sel);
const textOf = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The wrong reason the box once gave for two weeks of pain. */
const RED_FLAG_CLAIM = /red-flag symptoms\. |You reported red-flag|You reported warning signs/;

describe('HipClinician', () => {
  it('red flags from the check-in: lists the ones answered yes, and says within days, today if walking is hard', () => {
    const el = show({ code: 'red_flags', flags: { flags: ['hop', 'limp'], since: '2025-06-12' } }, true);
    const alert = q('[data-testid="hip-clinician"]')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.getAttribute('data-reason')).toBe('red_flags');
    expect(textOf(q('h3'))).toBe(msg('hip_clinician_title'));
    const reason = textOf(q('[data-testid="hip-clinician-reason"]'));
    expect(reason).toBe(`In the check-in you reported ${msg('flag_hop')} and ${msg('flag_limp')}.`);
    expect(textOf(alert)).toContain(msg('hip_clinician_text'));
    expect(msg('hip_clinician_text')).toMatch(/within days, today if you cannot walk normally/);
    expect(textOf(el)).not.toMatch(RED_FLAG_CLAIM);
    // How to rest meanwhile, folded.
    expect(textOf(q('[data-testid="hip-rest"] summary'))).toBe(msg('hip_rest_title'));
  });

  it('one flag alone, and every flag the check-in asks, read in the sentence', () => {
    show({ code: 'red_flags', flags: { flags: ['cannot_bear_weight'], since: '2025-06-12' } }, true);
    expect(textOf(q('[data-testid="hip-clinician-reason"]'))).toBe(
      'In the check-in you reported that you cannot put your full weight on the leg.',
    );
    show(
      {
        code: 'red_flags',
        flags: {
          flags: ['cannot_bear_weight', 'unwell', 'night_or_rest', 'hop', 'limp', 'walking'],
          since: '2025-06-12',
        },
      },
      true,
    );
    const reason = textOf(q('[data-testid="hip-clinician-reason"]'));
    for (const f of ['cannot_bear_weight', 'unwell', 'night_or_rest', 'hop', 'limp', 'walking'])
      expect(reason).toContain(msg(`flag_${f}`));
  });

  it('the options-page switch: says so, and how to turn it off once checked', () => {
    const el = show({ code: 'settings' }, true);
    expect(q('[data-testid="hip-clinician"]')!.getAttribute('data-reason')).toBe('settings');
    const reason = textOf(q('[data-testid="hip-clinician-reason"]'));
    expect(reason).toBe(msg('hip_clinician_reason_settings'));
    expect(reason).toMatch(/options page/);
    expect(reason).not.toMatch(/check-in/);
    expect(textOf(el)).not.toMatch(RED_FLAG_CLAIM);
  });

  it('pain for two weeks: a short notice, no alert, no stop, never a claim of red flags', () => {
    const el = show({ code: 'persistent', since: '2025-06-01' }, false);
    expect(q('[role="alert"]')).toBeNull();
    expect(q('[data-testid="hip-clinician"]')).toBeNull();
    const notice = q('[data-testid="hip-referral"]')!;
    expect(notice.getAttribute('data-reason')).toBe('persistent');
    expect(textOf(notice)).toBe(msg('hip_clinician_persistent'));
    expect(textOf(notice)).toMatch(/^Pain for two weeks: see a GP or physiotherapist/);
    expect(textOf(notice)).toMatch(/how you run \(a gait analysis\)/);
    expect(textOf(el)).not.toMatch(/red-flag|warning sign|Stop running/i);
  });

  it('nothing to say without a referral that does not stop; a stop without a known reason names none', () => {
    show(null, false);
    expect(root.innerHTML).toBe('');
    show({ code: 'red_flags', flags: { flags: ['hop'], since: '2025-06-12' } }, false);
    expect(root.innerHTML).toBe('');
    show(null, true);
    expect(q('[data-testid="hip-clinician"]')).not.toBeNull();
    expect(q('[data-testid="hip-clinician-reason"]')).toBeNull();
    expect(textOf(root)).not.toMatch(RED_FLAG_CLAIM);
  });

  it('no English message claims red flags in general any more', () => {
    for (const [k, v] of Object.entries(MESSAGES)) expect(v.message, k).not.toMatch(/You reported red-flag symptoms/);
  });
});
