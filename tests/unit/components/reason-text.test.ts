import { speak as speakIn } from '../speak';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { comebackText, reasonText, titleText } from '../../../components/reason-text';
import type { ComebackFinding } from '../../../core/engine/comeback';
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
  { code: 'red_flag', level: 'warning', flags: ['hop', 'limp'], since: YESTERDAY, date: TODAY },
  { code: 'pain_persistent', level: 'calm', since: '2025-06-02', days: 11, date: TODAY },
  { code: 'pain_week_rise', level: 'ease_off', weekMean: 4.2, previousWeekMean: 2, date: TODAY },
  { code: 'pain_high', level: 'warning', pain: 7, date: TODAY, moment: 'later' },
  { code: 'pain_high', level: 'warning', pain: 7, date: TODAY, moment: 'morning' },
  { code: 'pain_not_settled', level: 'ease_off', pain: 4, usualMorning: 1, date: TODAY, runDate: YESTERDAY },
  { code: 'pain_settled', level: 'ok', pain: 1, usualMorning: 1, date: TODAY, runDate: YESTERDAY },
  { code: 'pain_settled', level: 'ok', pain: 1, usualMorning: null, date: TODAY, runDate: YESTERDAY },
  { code: 'pain_not_settled', level: 'ease_off', pain: 4, usualMorning: null, date: TODAY, runDate: YESTERDAY },
  { code: 'pain_acceptable', level: 'ok', pain: 4, date: TODAY, moment: 'later' },
  { code: 'pain_acceptable', level: 'ok', pain: 4, date: TODAY, moment: 'morning' },
  { code: 'pain_fine', level: 'ok', pain: 1, date: YESTERDAY, moment: 'later' },
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
    measure: 'distance',
    lastWeek: 27_000,
    referenceWeek: 18_000,
    changePct: 50,
    warnPct: 30,
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
  'building_up',
  'see_physio',
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
      'Hip pain 7 of 10 today, above 5: a rest day from running, then short easy runs until it settles. No long run, hills or speed.',
    );
    expect(say('red_flag')).toBe(
      'You reported pain when hopping on that leg and a limp (since yesterday): stop running and see a GP or physiotherapist within days, today if you cannot walk normally. Say in the check-in when it has gone.',
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

describe('coming back after a break', () => {
  const base = {
    returnedOn: '2025-06-02',
    lastRunBefore: '2025-05-11',
    gapDays: 21,
    week: 2,
    measure: 'distance',
  } as const;
  const calm: ComebackFinding = {
    ...base,
    code: 'comeback',
    level: 'calm',
    weekCap: 25_200,
    weekPct: 70,
    last7: 12_000,
    usualRun: 8000,
    usualWeek: 36_000,
    usualFrom: '2025-04-14',
    usualTo: '2025-05-11',
    longest: 12_000,
    longestDate: '2025-05-07',
  };
  const samples: ComebackFinding[] = [
    calm,
    { ...calm, returnedOn: null, week: 1, weekCap: 18_000, weekPct: 50 },
    {
      ...base,
      code: 'comeback_too_fast',
      level: 'ease_off',
      from: '2025-06-10',
      to: TODAY,
      last7: 31_000,
      weekCap: 25_200,
      weekPct: 70,
      pctOver: 23,
      thresholdPct: 10,
    },
    {
      ...base,
      code: 'comeback_long_run_early',
      level: 'ease_off',
      date: YESTERDAY,
      daysAgo: 1,
      run: 15_500,
      usualRun: 8000,
      usualFrom: '2025-04-14',
      usualTo: '2025-05-11',
      thresholdPct: 30,
    },
    { ...calm, measure: 'time', weekCap: 5400, usualWeek: 7200, usualRun: 2400 },
  ];

  for (const lang of ['en', 'de'] as const) {
    it(`${lang}: every comeback reason is a sentence, with no key and no unfilled placeholder`, () => {
      using(lang);
      for (const r of samples) {
        const text = comebackText(r, 'km', TODAY);
        expect(text, r.code).not.toMatch(/\$|reason_|when[A-Z]/);
        expect(text, r.code).toMatch(/\.$/);
      }
    });
  }

  it('names the week, its cap and the usual from before the break, with its dates', () => {
    using('en');
    expect(comebackText(calm, 'km', TODAY)).toBe(
      'Back running since Mon 2 Jun after 21 days without a run: week 2 of 4 of building up again. This week up to 25.2 km in any 7 days, 70% of your usual 36 km a week in the 4 weeks to Sun 11 May; no long run before week 3.',
    );
    expect(comebackText(samples[3]!, 'km', TODAY)).toBe(
      "Yesterday's run was 15.5 km, more than 30% longer than your usual run before the break (8 km), in week 2 of building up again. No long run before week 3: until then, runs of up to 8 km.",
    );
    expect(comebackText(samples[4]!, 'km', TODAY)).toContain('up to 1:30:00 in any 7 days');
  });
});
