import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FirstRun } from '../../../components/FirstRun';
import { messagesOf, speak } from '../speak';

afterEach(() => vi.restoreAllMocks());

describe('the empty popup’s privacy line', () => {
  it.each([
    ['en', /\bbelow\b/],
    ['de', /\bunten\b/],
  ])('%s: sends the runner where run sync really is, the popup’s options link, not "below"', (lang, below) => {
    speak(lang);
    const root = document.createElement('div');
    render(<FirstRun />, root);
    const line = [...root.querySelectorAll('p')].map((p) => p.textContent ?? '').find((s) => /sync|Abgleich/.test(s));
    expect(line).toBeDefined();
    expect(line).not.toMatch(below);
    expect(line).toContain(messagesOf(lang).openOptions!.message);
  });
});
