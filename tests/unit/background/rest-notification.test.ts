import { describe, expect, it } from 'vitest';
import { shouldNotify } from '../../../background/rest-notification';
import { activityFromInput } from '../../../core/activity';
import { addDays } from '../../../core/local-date';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { computeVerdict } from '../../../core/engine/verdict';
import { run } from '../activity-fixtures';

const TODAY = '2026-11-25';
function verdictAfterDaysInARow(n: number) {
  const activities = Array.from({ length: n }, (_, i) => {
    const d = addDays(TODAY, -i);
    return activityFromInput(run({ sourceId: `r${i}`, localDate: d, startMs: Date.parse(`${d}T07:00:00Z`) }), 0);
  });
  return computeVerdict({ today: TODAY, settings: { ...DEFAULT_SETTINGS }, activities });
}

describe('rest-day notification', () => {
  const on = { ...DEFAULT_SETTINGS, notifications: true };
  it('is sent when a rest day is due and notifications are on', () => {
    expect(shouldNotify(on, verdictAfterDaysInARow(6), false, null)).toBe(true);
  });
  it('is sent at most once a day', () => {
    expect(shouldNotify(on, verdictAfterDaysInARow(6), false, TODAY)).toBe(false);
    expect(shouldNotify(on, verdictAfterDaysInARow(6), false, addDays(TODAY, -1))).toBe(true);
  });
  it('is not sent when off, when all is well, or once the runner marked today as rest', () => {
    expect(shouldNotify(DEFAULT_SETTINGS, verdictAfterDaysInARow(6), false, null)).toBe(false);
    expect(shouldNotify(on, verdictAfterDaysInARow(2), false, null)).toBe(false);
    expect(shouldNotify(on, verdictAfterDaysInARow(6), true, null)).toBe(false);
  });
  it('is sent past the limit too (a warning that names the rest day), but not for pain or distance advice', () => {
    const seven = verdictAfterDaysInARow(7);
    expect(seven.title).toBe('warning_rest_tomorrow');
    expect(shouldNotify(on, seven, false, null)).toBe(true);
    const pain = computeVerdict({
      today: TODAY,
      settings: { ...DEFAULT_SETTINGS },
      activities: [],
      checkIns: [{ date: TODAY, pain: 8, atMs: 0 }],
    });
    expect(pain.level).toBe('warning');
    expect(shouldNotify(on, pain, false, null)).toBe(false);
  });
});
