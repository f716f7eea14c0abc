import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { problem } from '../../../core/problem-codes';
import { ask } from '../../../messaging/ask';
import { speak } from '../speak';

// Pages get a refusal as its code (to list, log or pass on) and as words in the UI's language:
// never the background's or the browser's English as the message.

afterEach(() => vi.restoreAllMocks());

const answer = (reply: unknown) => vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(reply as never);

describe('ask', () => {
  it('words a refusal in the UI language and keeps its code', async () => {
    speak('de');
    answer({ ok: false, error: problem('activity_gone') });
    expect(await ask({ type: 'activities/delete', keys: ['strava:1'] })).toEqual({
      ok: false,
      error: problem('activity_gone'),
      words: 'Diese Aktivität ist nicht mehr gespeichert.',
    });
  });

  it('keeps the settings errors beside the first one', async () => {
    speak('en');
    const range = problem('settings_range_or_off', 1, 30, problem('settings_unit_days'));
    answer({ ok: false, error: range, errors: [{ field: 'maxRunDaysInRow', problem: range }] });
    expect(await ask({ type: 'settings/update', patch: { maxRunDaysInRow: 31 } })).toEqual({
      ok: false,
      error: range,
      words: 'Must be 0 (off) or between 1 and 30 days.',
      errors: [{ field: 'maxRunDaysInRow', problem: range }],
    });
  });

  it('no answer, or a failed send, is a code too: the browser’s words are only its detail', async () => {
    speak('de');
    answer(undefined);
    expect(await ask({ type: 'state/get' })).toEqual({
      ok: false,
      error: problem('no_answer'),
      words: 'Hip Check hat nicht geantwortet. Versuch es gleich noch einmal.',
    });
    vi.spyOn(browser.runtime, 'sendMessage').mockRejectedValue(new Error('Extension context invalidated.'));
    expect(await ask({ type: 'state/get' })).toEqual({
      ok: false,
      error: problem('no_answer_why', 'Extension context invalidated.'),
      words: 'Hip Check hat nicht geantwortet (Extension context invalidated.). Versuch es gleich noch einmal.',
    });
  });

  it('passes an answer through untouched', async () => {
    answer({ ok: true, deleted: 1 });
    expect(await ask({ type: 'activities/delete', keys: ['strava:1'] })).toEqual({ ok: true, deleted: 1 });
  });
});
