import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlanQuestions } from '../../../components/PlanQuestions';
import { DEFAULT_SETTINGS, type Settings } from '../../../core/settings';
import { speak } from '../speak';

afterEach(() => vi.restoreAllMocks());

const shown = (root: HTMLElement) => ({
  days: root.querySelector<HTMLSelectElement>('#plan-days')!.value,
  rest: root.querySelector<HTMLSelectElement>('#plan-rest')!.value,
});

describe('the plan questions', () => {
  it('show answers changed elsewhere (a restored backup) without a reload', async () => {
    speak('en');
    const root = document.createElement('div');
    const before: Settings = { ...DEFAULT_SETTINGS, runDaysPerWeek: 6, usualRestDay: 1 };
    await act(() => render(<PlanQuestions settings={before} onSaved={() => {}} />, root));
    expect(shown(root)).toEqual({ days: '6', rest: '1' });
    const restored: Settings = { ...DEFAULT_SETTINGS, runDaysPerWeek: 3, usualRestDay: null };
    await act(() => render(<PlanQuestions settings={restored} onSaved={() => {}} />, root));
    expect(shown(root)).toEqual({ days: '3', rest: '' });
  });
});
