import { speak } from '../speak';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { problemText } from '../../../components/problem-text';
import { DEFAULT_SETTINGS, validateSettingsPatch } from '../../../core/settings';

afterEach(() => vi.restoreAllMocks());

describe('settings errors in the UI language', () => {
  const refused = () => {
    const r = validateSettingsPatch({ maxRunDaysInRow: 0 }, { ...DEFAULT_SETTINGS });
    if (r.ok) throw new Error('0 days in a row was accepted');
    return r.errors[0]!.problem;
  };
  it('German puts the unit of a range in its case: "zwischen 1 und 30 Tagen"', () => {
    speak('de');
    expect(problemText(refused())).toBe('Muss zwischen 1 und 30 Tagen liegen.');
  });
  it('English reads "between 1 and 30 days"', () => {
    speak('en');
    expect(problemText(refused())).toMatch(/between 1 and 30 days/);
  });
});
