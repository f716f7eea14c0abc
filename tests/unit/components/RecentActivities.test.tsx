import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecentActivities } from '../../../components/RecentActivities';
import { act } from '../core/engine/diary';
import { speak } from '../speak';

afterEach(() => vi.restoreAllMocks());

const rows = (root: HTMLElement) =>
  [...root.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));

describe('the recent list', () => {
  it.each(['en', 'de'])('%s: a session without a distance says its time, never "0 mi"', (lang) => {
    speak(lang);
    const root = document.createElement('div');
    const strength = { ...act('2026-11-30', { sport: 'strength', km: null }), movingS: 2700 };
    const zero = { ...act('2026-11-29', { sport: 'strength', km: null }), distanceM: 0, movingS: 1500 };
    const run = act('2026-11-28', { km: 8 });
    render(<RecentActivities activities={[strength, zero, run]} units="mi" limit={5} />, root);
    const [s, z, r] = rows(root);
    expect(s!.slice(2)).toEqual(['45:00']);
    expect(z!.slice(2)).toEqual(['25:00']);
    expect(root.querySelectorAll('tbody tr')[0]!.querySelectorAll('td')[2]!.getAttribute('colspan')).toBe('2');
    expect(r![2]).toMatch(/^4[.,]97 mi$/);
    expect(r![3]).toBe('44:00');
  });
});
