import { speak } from '../speak';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { problemText } from '../../../components/problem-text';
import { DEFAULT_SETTINGS, validateSettingsPatch } from '../../../core/settings';

afterEach(() => vi.restoreAllMocks());

// 0 days in a row is "no limit" since issue #20: the plain range is shown on a field that cannot
// be off (the days looked back), the range with "0 (off)" on a streak limit.
describe('settings errors in the UI language', () => {
  const refused = (patch: Record<string, unknown>) => {
    const r = validateSettingsPatch(patch, { ...DEFAULT_SETTINGS });
    if (r.ok) throw new Error(`${JSON.stringify(patch)} was accepted`);
    return r.errors[0]!.problem;
  };
  it('German puts the unit of a range in its case: "zwischen 7 und 120 Tagen"', () => {
    speak('de');
    expect(problemText(refused({ longRunWindowDays: 3 }))).toBe('Muss zwischen 7 und 120 Tagen liegen.');
    expect(problemText(refused({ maxRunDaysInRow: 31 }))).toBe(
      'Muss 0 (aus) sein oder zwischen 1 und 30 Tagen liegen.',
    );
  });
  it('English reads "between 7 and 120 days", and "0 (off) or between 1 and 30 days"', () => {
    speak('en');
    expect(problemText(refused({ longRunWindowDays: 3 }))).toMatch(/between 7 and 120 days/);
    expect(problemText(refused({ maxRunDaysInRow: 31 }))).toBe('Must be 0 (off) or between 1 and 30 days.');
  });
  it('a sport in both lists is refused in words, in both languages', () => {
    speak('de');
    expect(problemText(refused({ runningLoadSports: ['run', 'walk'] }))).toContain('nicht zugleich als Laufen');
    speak('en');
    expect(problemText(refused({ lowImpactSports: ['run'] }))).toContain('cannot both count as running');
  });
});
