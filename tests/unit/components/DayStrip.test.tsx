import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DayStrip, type StripDay } from '../../../components/DayStrip';
import { addDays } from '../../../core/local-date';
import { speak } from '../speak';

afterEach(() => vi.restoreAllMocks());

const TODAY = '2026-11-25';
const days: StripDay[] = Array.from({ length: 14 }, (_, i) => ({
  date: addDays(TODAY, i - 13),
  kind: i < 13 ? 'unknown' : 'run',
  marked: false,
  pain: null,
}));

describe('the day strip', () => {
  it.each([
    ['en', 'unknown (before your first record)', 'full rest'],
    ['de', 'unbekannt (vor deinem ersten Eintrag)', 'Ruhetag'],
  ])('%s: a day before the first record is shown and said as unknown, with its legend', (lang, unknown, rest) => {
    speak(lang);
    const root = document.createElement('div');
    render(<DayStrip today={TODAY} days={days} />, root);
    const first = root.querySelector('li')!;
    expect(first.dataset.kind).toBe('unknown');
    expect(first.classList.contains('day-unknown')).toBe(true);
    expect(first.title).toContain(unknown);
    expect(first.title).not.toContain(rest);
    expect(first.querySelector('.day-mark')!.textContent).toBe('◌');
    expect(root.querySelector('.legend')!.textContent).toContain(`◌ ${unknown}`);
    // With every day known, the legend leaves "unknown" out.
    render(<DayStrip today={TODAY} days={days.map((d) => ({ ...d, kind: 'rest' }))} />, root);
    expect(root.querySelector('.legend')!.textContent).not.toContain(unknown);
  });
});
