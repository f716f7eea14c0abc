import { speak as speakIn } from '../speak';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reasonText, titleText } from '../../../components/reason-text';
import type { Reason, Title } from '../../../core/engine/verdict';

// Every reason code the engine can give is said in both languages, with its day and its number.

function using(lang: 'en' | 'de') {
  speakIn(lang);
  vi.spyOn(navigator, 'language', 'get').mockReturnValue(lang === 'de' ? 'de-DE' : 'en-GB');
}
afterEach(() => vi.restoreAllMocks());

type OverLimit = Extract<Reason, { code: 'run_streak_over_limit' }>;
type AtLimit = Extract<Reason, { code: 'run_streak_at_limit' }>;

const TODAY = '2025-06-16';
const TOMORROW = '2025-06-17';
const YESTERDAY = '2025-06-15';

const SAMPLES: Reason[] = [
  { code: 'red_flag_symptoms', level: 'warning' },
  { code: 'pain_night_or_rest', level: 'warning', date: TODAY },
  { code: 'groin_pain_walking', level: 'warning', date: YESTERDAY },
  { code: 'pain_persistent', level: 'warning', days: 9, windowDays: 14, date: TODAY },
  { code: 'pain_high', level: 'warning', pain: 7, date: TODAY },
  { code: 'pain_rising', level: 'warning', pain: 5, previousPain: 3, date: TODAY, runDate: YESTERDAY },
  { code: 'pain_not_settled', level: 'ease_off', pain: 4, previousPain: 4, date: TODAY, runDate: YESTERDAY },
  { code: 'pain_acceptable', level: 'ok', pain: 4, date: TODAY },
  { code: 'pain_fine', level: 'ok', pain: 1, date: YESTERDAY },
  { code: 'race_recovery', level: 'calm', date: '2025-06-08', distanceM: 42_195, days: 27, until: '2025-07-05' },
  {
    code: 'recovery_run_long',
    level: 'ease_off',
    date: TODAY,
    distanceM: 16_000,
    raceDate: '2025-06-08',
    until: '2025-07-05',
    maxM: 9_000,
  },
  { code: 'rested_today', level: 'ok', date: TODAY },
  {
    code: 'run_streak_over_limit',
    level: 'warning',
    days: 7,
    atLeast: false,
    limit: 6,
    ranToday: true,
    restDueOn: TOMORROW,
  },
  {
    code: 'run_streak_at_limit',
    level: 'calm',
    days: 6,
    limit: 6,
    ranToday: false,
    restDueOn: TODAY,
    usualRestDay: true,
  },
  {
    code: 'full_rest_at_limit',
    level: 'calm',
    days: 13,
    limit: 13,
    activeToday: true,
    restDueOn: TOMORROW,
    usualRestDay: false,
  },
  {
    code: 'easy_days_few',
    level: 'ease_off',
    easyDays: 1,
    minEasyDays: 2,
    date: TOMORROW,
    easyMaxM: 6000,
    usualRunM: 10_000,
  },
  {
    code: 'weekly_ramp',
    level: 'ease_off',
    lastWeekM: 27_000,
    previousWeekM: 18_000,
    changePct: 50,
    warnPct: 30,
    holdWeekM: 27_000,
  },
];

const TITLES: Title[] = [
  'all_good',
  'rest_today',
  'rest_tomorrow',
  'ease_off',
  'warning',
  'warning_rest_today',
  'warning_rest_tomorrow',
  'see_clinician',
  'rested_today',
  'easy_today',
  'easy_next',
];

describe('reasons in the runner’s language', () => {
  for (const lang of ['en', 'de'] as const) {
    it(`${lang}: every reason and title is a sentence, with no key and no unfilled placeholder`, () => {
      using(lang);
      for (const r of SAMPLES) {
        const text = reasonText(r, 'km', TODAY);
        expect(text, r.code).not.toMatch(/\$|reason_|when[A-Z]/);
        expect(text.length, r.code).toBeGreaterThan(15);
      }
      for (const title of TITLES) expect(titleText(title)).not.toMatch(/^title_/);
    });
  }

  it('names the day and the number', () => {
    using('en');
    const say = (code: Reason['code']) =>
      reasonText(
        SAMPLES.find((r) => r.code === code)!,
        'km',
        TODAY,
      );
    expect(say('pain_high')).toBe(
      'Hip pain 7 of 10 today, above 5: ease off. No long run, no hills or speed; a shorter easy run or a rest day.',
    );
    expect(say('run_streak_at_limit')).toBe(
      'Your limit is 6 running days in a row, and today is your usual rest day anyway. Enjoy it.',
    );
    // The easy day's distance is the plan's line, not the reason's.
    expect(say('easy_days_few')).toBe('Only 1 easy day in the last 7; you aim for 2.');
    using('de');
    expect(say('pain_fine')).toBe('Hüftschmerz 1 von 10 gestern: Training ist in Ordnung.');
  });

  for (const lang of ['en', 'de'] as const) {
    it(`${lang}: a run-streak reason gives the limit, never the streak again (the popup's own line says it)`, () => {
      using(lang);
      const streaks: Reason[] = [
        ...SAMPLES.filter((r) => r.code.startsWith('run_streak')),
        { code: 'run_streak', level: 'ok', days: 3, limit: 6, ranToday: true, restDueOn: '2025-06-19' },
        { ...(SAMPLES.find((r) => r.code === 'run_streak_over_limit') as OverLimit), atLeast: true },
        { ...(SAMPLES.find((r) => r.code === 'run_streak_at_limit') as AtLimit), usualRestDay: false },
      ];
      for (const r of streaks) {
        const text = reasonText(r, 'km', TODAY);
        const days = (r as { days: number }).days;
        const limit = (r as { limit: number }).limit;
        expect(text, r.code).toContain(String(limit));
        if (days !== limit) expect(text, r.code).not.toContain(String(days));
        expect(text, r.code).toMatch(/[.!]$/);
      }
    });
  }

  it('a long-run spike is said in whole sentences, the distance not left in brackets before a colon', () => {
    using('en');
    for (const severity of ['caution', 'warning', 'high'] as const) {
      const text = reasonText(
        {
          code: 'long_run_spike',
          level: 'ease_off',
          severity,
          date: TODAY,
          daysAgo: 0,
          measure: 'distance',
          value: 18_100,
          longest: 14_500,
          longestDate: '2025-06-01',
          pctOver: 24.8,
          thresholdPct: 10,
          windowDays: 30,
          afterBreak: false,
        },
        'km',
        TODAY,
      );
      expect(text).not.toMatch(/\)\s*[:;]/);
      expect(text).toMatch(
        /^Today's run was 18\.1 km, 25% longer than your longest run of the 30 days before \(14\.5 km\)\. More than 10% longer /,
      );
      expect(text).toMatch(/\.$/);
    }
  });

  it('a spike after a break names the longest run before the break, and a run without a distance is compared by time', () => {
    using('en');
    const spike: Reason = {
      code: 'long_run_spike',
      level: 'warning',
      severity: 'warning',
      date: TODAY,
      daysAgo: 0,
      measure: 'distance',
      value: 12_400,
      longest: 8_000,
      longestDate: '2025-04-01',
      pctOver: 55,
      thresholdPct: 30,
      windowDays: 30,
      afterBreak: true,
    };
    const said = reasonText(spike, 'km', TODAY);
    expect(said).toMatch(
      /longer than your longest run before your break \(8 km\)\. More than 30% longer is a warning\.$/,
    );
    expect(said).not.toContain('30 days');
    const timed = reasonText(
      { ...spike, measure: 'time', value: 5_400, longest: 3_600, afterBreak: false },
      'km',
      TODAY,
    );
    expect(timed).toMatch(
      /^Today's run was 1:30:00, 55% longer than your longest run of the 30 days before \(1:00:00\)\./,
    );
    expect(timed).toMatch(/by moving time, as the run has no distance: an estimate\.$/);
  });
});

describe('counts in reasons take their plural form (issue 20)', () => {
  const limit1: Reason = { code: 'run_streak', level: 'ok', days: 1, limit: 1, ranToday: true, restDueOn: TOMORROW };
  const easy = (easyDays: number): Reason => ({ ...SAMPLES.find((r) => r.code === 'easy_days_few')!, easyDays });

  it('en: "1 running day", "1 easy day", and "No easy days" rather than "0 easy days"', () => {
    using('en');
    expect(reasonText(limit1, 'km', TODAY)).toBe('Your limit is 1 running day in a row.');
    expect(reasonText(easy(1), 'km', TODAY)).toMatch(/^Only 1 easy day in the last 7; you aim for 2\./);
    expect(reasonText(easy(0), 'km', TODAY)).toMatch(/^No easy days in the last 7; you aim for 2\./);
  });

  it('de: "1 Lauftag", "1 lockerer Tag", and "Keine lockeren Tage"', () => {
    using('de');
    expect(reasonText(limit1, 'km', TODAY)).toBe('Dein Limit ist 1 Lauftag in Folge.');
    expect(reasonText(easy(1), 'km', TODAY)).toMatch(/^Nur 1 lockerer Tag in den letzten 7; dein Ziel: 2\./);
    expect(reasonText(easy(0), 'km', TODAY)).toMatch(/^Keine lockeren Tage in den letzten 7; dein Ziel: 2\./);
  });
});
