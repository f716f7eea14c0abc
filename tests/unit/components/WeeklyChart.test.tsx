import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WeeklyChart } from '../../../components/WeeklyChart';
import { repoPath } from '../../paths';
import { speak } from '../speak';

afterEach(() => {
  vi.restoreAllMocks();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

const weeks = [
  { from: '2026-10-13', to: '2026-10-19', metres: 40_000, runs: 6 },
  { from: '2026-10-20', to: '2026-10-26', metres: 42_000, runs: 5 },
];

describe('the weekly chart', () => {
  it.each(['en', 'de'])('%s: the runs count is a badge of its own, set apart from the date under it', (lang) => {
    speak(lang);
    const style = document.createElement('style');
    style.textContent = readFileSync(repoPath('components/popup-below.css'), 'utf8');
    document.head.append(style);
    const root = document.createElement('div');
    document.body.append(root);
    render(<WeeklyChart weeks={weeks} target={6} units="km" calendarWeek={{ start: '2026-10-26', metres: 0 }} />, root);
    const week = root.querySelector('.week')!;
    const count = week.querySelector('.week-runs-count')!;
    const date = week.querySelector('.week-date')!;
    expect(count.textContent).toBe('6/6');
    expect(date.textContent).not.toContain('6/6');
    expect(count.contains(date) || date.contains(count)).toBe(false);
    // A badge: its own box with round corners (the border colour is a theme variable).
    expect(getComputedStyle(count).display).toBe('inline-block');
    expect(parseFloat(getComputedStyle(count).borderRadius)).toBeGreaterThan(0);
    expect(parseFloat(getComputedStyle(date).marginTop)).toBeGreaterThanOrEqual(3);
  });
});
