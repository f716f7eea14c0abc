import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TrendChart, TrendText, type TrendReply } from '../../../components/PainTrend';
import type { CheckIn } from '../../../core/check-in';
import { painTrend } from '../../../core/engine/pain-trend';
import { addDays, dayNumber } from '../../../core/local-date';
import { act, diary, settings } from '../core/engine/diary';
import { speak } from '../speak';

// The options page's pain trend as a runner and a screen reader meet it.

afterEach(() => vi.restoreAllMocks());

const TODAY = '2026-11-25';
const d = (ago: number) => addDays(TODAY, -ago);
const at = (date: string, h: number) => dayNumber(date) * 86_400_000 + h * 3_600_000;
const answer = (date: string, m: number | null, l: number | null): CheckIn => ({
  date,
  pain: l ?? m!,
  atMs: at(date, 19),
  ...(m === null ? {} : { morning: { pain: m, atMs: at(date, 7) } }),
  ...(l === null ? {} : { later: { pain: l, atMs: at(date, 19) } }),
});

function trend(): TrendReply {
  const checkIns = [answer(d(9), 1, null), answer(d(8), 2, 4), answer(d(1), 3, 6), answer(d(0), 2, null)];
  // Three 10 km runs a week, and a 16 km run (+60 %) yesterday.
  const runs = [...diary(d(2), 'R-R-R--'.repeat(10), 10), act(d(1), { km: 16 })];
  return { today: TODAY, ...painTrend(TODAY, checkIns, runs, settings()) };
}

function shown(node: preact.ComponentChild) {
  const root = document.createElement('div');
  render(node, root);
  return root;
}

describe('the pain trend chart', () => {
  it('one marker per answer, different shapes for mornings and after running, a bar per run day, the spike marked', () => {
    speak('en');
    const tr = trend();
    const root = shown(<TrendChart trend={tr} units="km" width={360} />);
    const all = (id: string) => [...root.querySelectorAll(`[data-testid="${id}"]`)];
    expect(all('trend-morning').map((e) => e.tagName.toLowerCase())).toEqual(['circle', 'circle', 'circle', 'circle']);
    expect(all('trend-later').map((e) => e.tagName.toLowerCase())).toEqual(['rect', 'rect']);
    expect(all('trend-later').map((e) => e.getAttribute('data-date'))).toEqual([d(8), d(1)]);
    expect(all('trend-run')).toHaveLength(tr.days.filter((x) => x.run !== null).length);
    expect(all('trend-spike').map((e) => [e.getAttribute('data-date'), e.getAttribute('data-severity')])).toEqual([
      [d(1), 'warning'],
    ]);
    // Higher pain is higher on the chart: yesterday's 6 after running above its morning 3.
    const y = (id: string, date: string) => {
      const e = root.querySelector(`[data-testid="${id}"][data-date="${date}"]`)!;
      return Number(e.getAttribute('cy') ?? Number(e.getAttribute('y')) + 3.5);
    };
    expect(y('trend-later', d(1))).toBeLessThan(y('trend-morning', d(1)));
    // Drawn at the width it is given: the 360 px popup width fits.
    const svg = root.querySelector('svg')!;
    expect(svg.getAttribute('width')).toBe('360');
    const xs = all('trend-run').map((e) => Number(e.getAttribute('x')) + Number(e.getAttribute('width')));
    expect(Math.max(...xs)).toBeLessThanOrEqual(360);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-describedby')).toBe('trend-summary');
  });

  it('says it in words: the summary, the weekly means and a table of every day with an answer or a run', () => {
    speak('en');
    const tr = trend();
    const root = shown(<TrendText trend={tr} units="km" />);
    const summary = root.querySelector('[data-testid="trend-summary"]')!.textContent;
    expect(summary).toMatch(
      /^Days answered: 4 of the last 42\. Highest pain: 6 of 10, on .+\. Runs: \d+; long-run spikes among them: 1\.$/,
    );
    // The last 7 days: 6 (yesterday's highest) and 2 (today's) make 4.0; the 7 days before: 4 and 1.
    expect(root.querySelector('[data-testid="trend-weeks-summary"]')!.textContent).toBe(
      "Average of each day's highest pain: 4.0 in the last 7 days, 2.5 in the 7 days before.",
    );
    const weeks = [...root.querySelectorAll('[data-testid="trend-weeks"] li')].map((e) => e.textContent);
    expect(weeks).toHaveLength(6);
    expect(weeks.at(-1)).toBe('to today: 4.0');
    expect(weeks[0]).toMatch(/: no answers$/);
    const rows = [...root.querySelectorAll('[data-testid="trend-table"] tbody tr')];
    expect(rows).toHaveLength(tr.days.filter((x) => x.morning !== null || x.later !== null || x.run !== null).length);
    const last = [...rows.at(-2)!.querySelectorAll('td')].map((c) => c.textContent);
    expect(last).toEqual(['3 of 10', '6 of 10', '16 km', '60% longer than your longest run before']);
  });

  it('in German too', () => {
    speak('de');
    const root = shown(<TrendText trend={trend()} units="km" />);
    expect(root.querySelector('[data-testid="trend-summary"]')!.textContent).toMatch(
      /^Beantwortete Tage: 4 von den letzten 42\./,
    );
  });
});
