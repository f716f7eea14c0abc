// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { DayPlan, Plan } from '../../../../core/engine/next-run-plan';
import type { Reason } from '../../../../core/engine/verdict';
import { addDays, dayNumber, weekdayOf } from '../../../../core/local-date';
import { NUMBER_FIELDS, type Settings } from '../../../../core/settings';
import {
  HISTORY_FROM,
  nightRunner,
  realSpikes,
  RUNNER_IDS,
  runnerDiary,
  YEAR_FROM,
  YEAR_TO,
  type RunnerDiary,
  type RunnerId,
} from './runner-diaries';
import {
  colourOn,
  contradictions,
  datesColoured,
  judgeYear,
  type Colour,
  type MatrixVerdict,
  type RunnerYear,
  type When,
} from './runner-matrix';

// Switches for the lead (issue #20). PLAN: the verdict carries `plan`, so every judged verdict is
// checked for contradictions. BOUNDS: the engine is tuned, so each runner's year must stay within
// what a coach would accept.
const MATRIX_PLAN_ON = true;
const MATRIX_BOUNDS_ON = true;

// --- Bounds a coach would accept ------------------------------------------------------------

/** Red means a limit was passed. A runner on their own plan (daily runner, beginner, 4 and 6 days a week) passed none. */
const ORDINARY_MAX_RED = 0;
/**
 * "Mostly green": on their usual plan a runner sees green on at least 3 judgements in 4, morning
 * and evening alike. The rest are planned rest days (calm, good news) and the odd amber.
 */
const ORDINARY_MIN_GREEN_SHARE = 0.75;
/**
 * At most one judgement in ten amber for a runner on their usual plan: an "ease off" more often
 * than about once a week, with nothing changed, teaches the runner to ignore it.
 */
const ORDINARY_MAX_AMBER_SHARE = 0.1;
/** A careful return (shorter runs, building over 4 weeks) is what a physio prescribes: never red. */
const CAREFUL_RETURN_MAX_RED = 0;
/**
 * Straight back into a full 47 km week after 3 weeks off: the first runs (7, 6.5, 6, 6 km) are
 * within the first return week's half volume and are not wrong in themselves; the plan says
 * "rest" once that half is used, and every evening from the run past it on is amber or red (3 of
 * the 7), the 15.5 km long run included.
 */
const RECKLESS_MIN_WARNED_DAYS = 3;
/**
 * A marathon build that follows a sound plan (cutback weeks, steps of ~2 km) is red only where a
 * limit is really passed: the race (42.2 km, 30 % over the 32 km peak) and the day after, and
 * any run of the diary 30 % over its longest of the 30 days before (realSpikes) with its next day.
 */
const MARATHON_RED_DAYS_AFTER = 1;
/** A single run 50 % over the longest: red that evening and the next day, then recovery (amber at most). */
const SPIKE_RED_DAYS_AFTER = 1;
/** 50 km then 30 km against a ~30 km long run: red on both days; by the Monday after, amber at most. */
const ULTRA_RED_DAYS_AFTER = 1;

// --- The matrix, judged once per runner --------------------------------------------------------

const LEVEL_RANK: Readonly<Record<Colour, number>> = { green: 0, calm: 1, amber: 2, red: 3 };
const NIGHT_RUNNERS = ['night_london', 'night_new_york'] as const;

interface Judged {
  diary: RunnerDiary;
  year: RunnerYear;
  /** Every contradiction found (MATRIX_PLAN_ON only). */
  contradictions: string[];
  /** Each evening: the dates of the runs the verdict checked, in order. */
  recentRunDates: string[][];
  /** How often each reason code led a verdict that was not green. */
  leadingReasons: Map<string, number>;
}

function judge(diary: RunnerDiary, adapt?: (s: Settings) => Settings): Judged {
  const found: string[] = [];
  const recentRunDates: string[][] = [];
  const leadingReasons = new Map<string, number>();
  const year = judgeYear(diary, {
    adapt,
    visit: (v: MatrixVerdict, when: When, date: string) => {
      if (MATRIX_PLAN_ON) for (const c of contradictions(v)) found.push(`${diary.id} ${date} ${when}: ${c}`);
      if (when === 'evening') recentRunDates.push(v.longRun.recentRuns.map((r) => r.date));
      const top = v.reasons[0];
      if (v.level !== 'ok' && top) leadingReasons.set(top.code, (leadingReasons.get(top.code) ?? 0) + 1);
    },
  });
  return { diary, year, contradictions: found, recentRunDates, leadingReasons };
}

const judged = new Map<string, Judged>();
function judgedRunner(id: RunnerId): Judged {
  let j = judged.get(id);
  if (!j) {
    j = judge(runnerDiary(id));
    judged.set(id, j);
  }
  return j;
}
function judgedEarlyTwin(id: (typeof NIGHT_RUNNERS)[number]): Judged {
  const key = `${id}@07`;
  let j = judged.get(key);
  if (!j) {
    j = judge(nightRunner(id, true));
    judged.set(key, j);
  }
  return j;
}

/** A whole year of verdicts takes seconds. */
const SLOW = { timeout: 300_000 };

const share = (y: RunnerYear, when: When, c: Colour) => y.counts[when][c] / y.dates.length;
const inYear = (d: string) => d >= YEAR_FROM && d <= YEAR_TO;
const km = (a: { distanceM: number | null }) => (a.distanceM ?? 0) / 1000;
const runsOf = (d: RunnerDiary) => d.activities.filter((a) => d.settings.runningLoadSports.includes(a.sport));
const runsOn = (d: RunnerDiary, date: string) => runsOf(d).filter((a) => a.localDate === date);

/** Red judgements outside the allowed dates. */
function redOutside(y: RunnerYear, allowed: ReadonlySet<string>): string[] {
  return datesColoured(y, 'red')
    .filter((x) => !allowed.has(x.date))
    .map((x) => `${x.date} ${x.when}`);
}

/** The dates from `date` to `days` days after it. */
const daysFrom = (date: string, days: number) => Array.from({ length: days + 1 }, (_, i) => addDays(date, i));

// --- The diaries are what they say ----------------------------------------------------------

describe('runner diaries', () => {
  it('are seeded: built twice, the same', () => {
    for (const id of RUNNER_IDS) expect(runnerDiary(id)).toEqual(runnerDiary(id));
  });

  it('cover the history before the year and the whole year, sorted by date, one key per activity', () => {
    for (const id of RUNNER_IDS) {
      const d = runnerDiary(id);
      const dates = d.activities.map((a) => a.localDate);
      expect(dates).toEqual([...dates].sort());
      expect(dates[0]! < addDays(YEAR_FROM, -91), id).toBe(true);
      expect(dates.at(-1)! >= addDays(YEAR_TO, -7), id).toBe(true);
      expect(new Set(d.activities.map((a) => a.key)).size).toBe(d.activities.length);
      for (const e of [d.events.race, d.events.returnDay, d.events.spike, ...(d.events.ultra ?? [])])
        if (e !== undefined) expect(inYear(e), `${id} ${e}`).toBe(true);
    }
  });

  it('vary day to day and miss a day now and then', () => {
    for (const id of ['four_day', 'six_day', 'daily', 'double_days'] as const) {
      const d = runnerDiary(id);
      const tuesdays = runsOf(d).filter((a) => weekdayOf(a.localDate) === 2 && inYear(a.localDate));
      expect(new Set(tuesdays.map(km)).size, id).toBeGreaterThan(10);
      expect(d.events.missed.length, id).toBeGreaterThan(3);
      expect(d.events.missed.length, id).toBeLessThan(40);
    }
  });

  it('beginner: alternate days at most, 3 to 6 km, slowly growing', () => {
    const d = runnerDiary('beginner');
    const runs = runsOf(d);
    const days = runs.map((a) => dayNumber(a.localDate));
    for (let i = 1; i < days.length; i++) expect(days[i]! - days[i - 1]!).toBeGreaterThanOrEqual(2);
    expect(Math.min(...runs.map(km))).toBeGreaterThanOrEqual(3 * 0.88 - 0.05);
    expect(Math.max(...runs.map(km))).toBeLessThanOrEqual(6 * 1.12 + 0.05);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(runs.slice(-30).map(km))).toBeGreaterThan(mean(runs.slice(0, 30).map(km)) + 1);
  });

  it('beginner with walks: the same runs, and a walk every day; walk-only days have nothing else', () => {
    const plain = runsOf(runnerDiary('beginner')).map((a) => [a.localDate, a.distanceM]);
    const d = runnerDiary('beginner_walks');
    expect(runsOf(d).map((a) => [a.localDate, a.distanceM])).toEqual(plain);
    const walkDays = new Set(d.activities.filter((a) => a.sport === 'walk').map((a) => a.localDate));
    expect(walkDays.size).toBe(dayNumber(YEAR_TO) - dayNumber(HISTORY_FROM) + 1);
    const walkOnly = d.events.walkOnly!;
    expect(walkOnly.length).toBeGreaterThan(200);
    for (const day of walkOnly)
      expect(d.activities.filter((a) => a.localDate === day).map((a) => a.sport)).toEqual(['walk']);
  });

  it('daily runner: every day but the missed ones, two easy days a week at about half the usual', () => {
    const d = runnerDiary('daily');
    const week = daysFrom('2025-05-05', 6).map((day) => runsOn(d, day).map(km)[0] ?? 0);
    const missed = week.filter((x) => x === 0).length;
    expect(week.filter((x) => x > 0 && x < 6).length + missed).toBeGreaterThanOrEqual(2);
    expect(Math.max(...week)).toBeGreaterThan(15);
    // A missed day is marked as rested.
    for (const m of d.events.missed) expect(d.restMarks).toContain(m);
  });

  it('marathon: long runs 16 to 32 km in sensible steps, a 3-week taper, 42.2 km race, short runs after', () => {
    const d = runnerDiary('marathon');
    const { buildFrom, taperFrom, race, recoveryTo } = d.events;
    expect(runsOn(d, race!).map(km)).toEqual([42.2]);
    expect(weekdayOf(race!)).toBe(0);
    expect(dayNumber(race!) - dayNumber(taperFrom!)).toBe(20);
    const longs = daysFrom(addDays(buildFrom!, 6), 7 * 14)
      .filter((day) => weekdayOf(day) === 0)
      .map((day) => Math.max(...runsOn(d, day).map(km)));
    expect(longs[0]).toBe(16);
    expect(Math.max(...longs)).toBe(32);
    // Steps of 2 km: no long run more than 12.5 % over the longest of the four weeks before it.
    for (let i = 4; i < longs.length; i++)
      expect(longs[i]!, `week ${i + 1}`).toBeLessThanOrEqual(Math.max(...longs.slice(i - 4, i)) * 1.125);
    for (const day of daysFrom(addDays(race!, 1), dayNumber(recoveryTo!) - dayNumber(race!) - 1))
      for (const r of runsOn(d, day)) expect(km(r)).toBeLessThanOrEqual(12 * 1.05);
    expect(realSpikes(d).filter(inYear)).toEqual([race]);
  });

  it('careful return: 3 weeks without a run, then 4, 5 and 7 km against a usual 8', () => {
    const d = runnerDiary('careful_return');
    const ret = d.events.returnDay!;
    expect(runsOf(d).filter((a) => a.localDate >= addDays(ret, -21) && a.localDate < ret)).toEqual([]);
    expect(
      runsOf(d)
        .filter((a) => a.localDate >= ret)
        .slice(0, 3)
        .map(km),
    ).toEqual([4, 5, 7]);
    expect(realSpikes(d).filter(inYear)).toEqual([]);
  });

  it('reckless return: 3 weeks without a run, then a full 47 km week with a 15.5 km long run', () => {
    const d = runnerDiary('reckless_return');
    const ret = d.events.returnDay!;
    expect(runsOf(d).filter((a) => a.localDate >= addDays(ret, -21) && a.localDate < ret)).toEqual([]);
    const week = runsOf(d).filter((a) => a.localDate >= ret && a.localDate <= addDays(ret, 6));
    expect(week.reduce((s, a) => s + km(a), 0)).toBeCloseTo(47, 6);
    expect(Math.max(...week.map(km))).toBe(15.5);
  });

  it('double days: two runs on Tuesdays and Thursdays, 8 km in the morning and 5 km in the evening', () => {
    const d = runnerDiary('double_days');
    const doubles = daysFrom(YEAR_FROM, 364).filter((day) => runsOn(d, day).length === 2);
    expect(doubles.length).toBeGreaterThan(80);
    for (const day of doubles) {
      expect([2, 4]).toContain(weekdayOf(day));
      const [am, pm] = runsOn(d, day);
      expect(am!.startMs).toBeLessThan(pm!.startMs);
      expect(km(am!)).toBeGreaterThan(km(pm!));
    }
  });

  it('single spike: 21 km against a longest of exactly 14 km in the 30 days before, once', () => {
    const d = runnerDiary('single_spike');
    const spike = d.events.spike!;
    expect(runsOn(d, spike).map(km)).toEqual([21]);
    const before = runsOf(d).filter((a) => a.localDate >= addDays(spike, -30) && a.localDate < spike);
    expect(Math.max(...before.map(km))).toBe(14);
    expect(realSpikes(d).filter(inYear)).toEqual([spike]);
  });

  it('ultra weekend: 50 km Saturday and 30 km Sunday for a runner whose long run is about 30 km', () => {
    const d = runnerDiary('ultra_weekend');
    const [sat, sun] = d.events.ultra!;
    expect(weekdayOf(sat!)).toBe(6);
    expect(runsOn(d, sat!).map(km)).toEqual([50]);
    expect(runsOn(d, sun!).map(km)).toEqual([30]);
    const before = runsOf(d).filter((a) => a.localDate >= addDays(sat!, -30) && a.localDate < sat!);
    expect(Math.max(...before.map(km))).toBeGreaterThan(27);
    expect(Math.max(...before.map(km))).toBeLessThan(33.5);
    expect(realSpikes(d).filter(inYear)).toEqual([sat]);
  });

  it('night runners: 23:30 local through both clock changes, each run on its own date, like the 07:00 twin', () => {
    for (const id of NIGHT_RUNNERS) {
      const night = runnerDiary(id);
      const early = nightRunner(id, true);
      expect(night.activities.map((a) => [a.key, a.localDate, a.distanceM])).toEqual(
        early.activities.map((a) => [a.key, a.localDate, a.distanceM]),
      );
      const perDate = new Map<string, number>();
      for (const a of night.activities) perDate.set(a.localDate, (perDate.get(a.localDate) ?? 0) + 1);
      expect(Math.max(...perDate.values())).toBe(1);
      // The clock changes fall on Sundays, run days: the runs of those days are there.
      const changes = id === 'night_london' ? ['2025-03-30', '2025-10-26'] : ['2025-03-09', '2025-11-02'];
      for (const day of changes) expect(runsOn(night, day).length + Number(night.events.missed.includes(day))).toBe(1);
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: night.timeZone!,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
      for (const a of night.activities) expect(local.format(a.startMs)).toBe('23:30');
    }
  });
});

// --- Contradictions ---------------------------------------------------------------------------

const TODAY = '2025-06-15';
const day = (date: string, kind: DayPlan['kind'], maxM: number | null = null, maxS: number | null = null): DayPlan => ({
  date,
  kind,
  maxM,
  maxS,
  by: null,
  ref: null,
});
const warningReason: Reason = { code: 'red_flag_symptoms', level: 'warning' };

/** A hand-made verdict with only the fields contradictions() reads. */
function verdict(
  plan: Plan,
  over: Partial<Pick<MatrixVerdict, 'level' | 'title' | 'reasons' | 'today'>> = {},
): Pick<MatrixVerdict, 'today' | 'level' | 'title' | 'reasons' | 'plan'> {
  return { today: TODAY, level: 'ok', title: 'all_good', reasons: [], plan, ...over };
}

describe('contradictions()', () => {
  const tomorrow = addDays(TODAY, 1);

  it('finds none in coherent plans', () => {
    expect(contradictions(verdict({ today: day(TODAY, 'run', 11_000), next: null }))).toEqual([]);
    expect(contradictions(verdict({ today: day(TODAY, 'easy', 6000), next: null }))).toEqual([]);
    expect(
      contradictions(
        verdict(
          { today: day(TODAY, 'rest'), next: day(tomorrow, 'easy', 5000) },
          { level: 'ease_off', title: 'ease_off' },
        ),
      ),
    ).toEqual([]);
    expect(
      contradictions(
        verdict(
          { today: day(TODAY, 'stop'), next: null },
          { level: 'warning', title: 'see_clinician', reasons: [warningReason] },
        ),
      ),
    ).toEqual([]);
    expect(
      contradictions(
        verdict(
          { today: day(TODAY, 'rested'), next: day(tomorrow, 'run', null, 3600) },
          { title: 'ease_off', level: 'ease_off' },
        ),
      ),
    ).toEqual([]);
  });

  it('stop with a next run, or with a ceiling', () => {
    const w: Partial<MatrixVerdict> = { level: 'warning', title: 'see_clinician', reasons: [warningReason] };
    expect(contradictions(verdict({ today: day(TODAY, 'stop'), next: day(tomorrow, 'run', 8000) }, w))).toEqual([
      expect.stringMatching(/^stop, yet a next run/),
    ]);
    expect(contradictions(verdict({ today: day(TODAY, 'stop', 5000), next: null }, w))).toEqual([
      expect.stringMatching(/^stop day .* carries a ceiling/),
    ]);
  });

  it('a ceiling on a rest, full rest, rested or done day', () => {
    for (const kind of ['rest', 'full_rest', 'rested', 'done'] as const) {
      const found = contradictions(
        verdict(
          { today: day(TODAY, kind, null, 1800), next: day(tomorrow, 'run', 9000) },
          { level: 'ease_off', title: 'ease_off' },
        ),
      );
      expect(found).toEqual([expect.stringMatching(new RegExp(`^${kind} day ${TODAY} carries a ceiling`))]);
    }
    expect(contradictions(verdict({ today: day(TODAY, 'done'), next: day(tomorrow, 'done', 9000) }))).toEqual([
      expect.stringMatching(/^done day .* carries a ceiling/),
      expect.stringMatching(/^next run .* is a done day/),
    ]);
  });

  it('two ceilings on one day', () => {
    expect(contradictions(verdict({ today: day(TODAY, 'run', 8000, 2400), next: null }))).toEqual([
      expect.stringMatching(/has two ceilings/),
    ]);
  });

  it('a next run not after today, or not a run day', () => {
    expect(contradictions(verdict({ today: day(TODAY, 'done'), next: day(TODAY, 'run', 8000) }))).toEqual([
      expect.stringMatching(/^next run .* is not after today/),
    ]);
    expect(contradictions(verdict({ today: day(TODAY, 'done'), next: day(addDays(TODAY, -1), 'easy') }))).toEqual([
      expect.stringMatching(/^next run .* is not after today/),
    ]);
    expect(contradictions(verdict({ today: day(TODAY, 'rest'), next: day(tomorrow, 'rest') }))).toEqual([
      expect.stringMatching(/^next run .* is a rest day/),
    ]);
  });

  it('a plan for another day than the verdict', () => {
    expect(contradictions(verdict({ today: day(tomorrow, 'run', 8000), next: null }))).toEqual([
      expect.stringMatching(/^plan.today is /),
    ]);
  });

  it('"all good" at another level, or on a rested day', () => {
    expect(
      contradictions(verdict({ today: day(TODAY, 'run', 8000), next: null }, { level: 'ease_off', title: 'all_good' })),
    ).toEqual(['title all_good at level ease_off']);
    expect(contradictions(verdict({ today: day(TODAY, 'rested'), next: day(tomorrow, 'run', 8000) }))).toEqual([
      'title all_good on a rested day',
    ]);
  });

  it('a warning without a warning reason', () => {
    const okReason: Reason = { code: 'rested_today', level: 'ok', date: TODAY };
    expect(
      contradictions(
        verdict(
          { today: day(TODAY, 'rest'), next: day(tomorrow, 'run') },
          { level: 'warning', title: 'warning', reasons: [okReason] },
        ),
      ),
    ).toEqual(['level warning without a warning reason']);
  });

  it('an easy day allowed further than a run day of the same plan', () => {
    const found = contradictions(verdict({ today: day(TODAY, 'run', 8000), next: day(tomorrow, 'easy', 9000) }));
    expect(found).toContain(`easy day ${tomorrow} allows 9000, more than run day ${TODAY} (8000)`);
    // Different units are not compared.
    expect(
      contradictions(verdict({ today: day(TODAY, 'easy', null, 4000), next: day(tomorrow, 'run', 8000) })).some((c) =>
        c.startsWith('easy day'),
      ),
    ).toBe(false);
  });
});

// --- The year, judged -------------------------------------------------------------------------

describe('night runners are judged like their 07:00 twins', () => {
  for (const id of NIGHT_RUNNERS) {
    it(`${id}: the same colour every morning and evening, each run counted once on its own date`, SLOW, () => {
      const night = judgedRunner(id);
      const early = judgedEarlyTwin(id);
      expect(night.year.counts).toEqual(early.year.counts);
      expect(night.year.morning).toEqual(early.year.morning);
      expect(night.year.evening).toEqual(early.year.evening);
      expect(night.recentRunDates).toEqual(early.recentRunDates);
      // One run a day: no date among the runs a verdict checked comes twice.
      for (const dates of night.recentRunDates) expect(new Set(dates).size).toBe(dates.length);
    });
  }
});

describe.skipIf(!MATRIX_PLAN_ON)('no verdict of the year contradicts itself', () => {
  it('every runner, every morning and evening', SLOW, () => {
    const found = RUNNER_IDS.flatMap((id) => judgedRunner(id).contradictions);
    expect(found.slice(0, 20)).toEqual([]);
  });
});

describe('bounds a coach would accept', () => {
  const bounded = it.skipIf(!MATRIX_BOUNDS_ON);

  for (const id of ['beginner', 'beginner_walks', 'four_day', 'six_day', 'daily'] as const) {
    bounded(`${id}: no red, morning or evening`, SLOW, () => {
      const { year } = judgedRunner(id);
      expect(datesColoured(year, 'red').slice(0, 10)).toEqual([]);
      expect(year.counts.morning.red + year.counts.evening.red).toBeLessThanOrEqual(ORDINARY_MAX_RED);
    });
  }

  for (const id of ['four_day', 'six_day'] as const) {
    bounded(`${id}: mostly green, amber rare`, SLOW, () => {
      const { year } = judgedRunner(id);
      for (const when of ['morning', 'evening'] as const) {
        expect(share(year, when, 'green'), when).toBeGreaterThanOrEqual(ORDINARY_MIN_GREEN_SHARE);
        expect(share(year, when, 'amber'), when).toBeLessThanOrEqual(ORDINARY_MAX_AMBER_SHARE);
      }
    });
  }

  bounded('beginner with walks: the walks change nothing, every morning and evening', SLOW, () => {
    const walks = judgedRunner('beginner_walks').year;
    const plain = judgedRunner('beginner').year;
    expect(walks.morning).toEqual(plain.morning);
    expect(walks.evening).toEqual(plain.evening);
    // And a day with only the dog walk is never red.
    const { diary } = judgedRunner('beginner_walks');
    const red = diary.events.walkOnly!.filter((d) => colourOn(walks, d, 'evening') === 'red');
    expect(red).toEqual([]);
  });

  bounded('marathon: red only on race day and the day after (and around a real spike)', SLOW, () => {
    const { diary, year } = judgedRunner('marathon');
    const allowed = new Set(
      [diary.events.race!, ...realSpikes(diary)].flatMap((d) => daysFrom(d, MARATHON_RED_DAYS_AFTER)),
    );
    expect(redOutside(year, allowed)).toEqual([]);
  });

  bounded('careful return: never red', SLOW, () => {
    const { year } = judgedRunner('careful_return');
    expect(datesColoured(year, 'red').length).toBeLessThanOrEqual(CAREFUL_RETURN_MAX_RED);
  });

  bounded('reckless return: warned on most evenings of the first week back', SLOW, () => {
    const { diary, year } = judgedRunner('reckless_return');
    const week = daysFrom(diary.events.returnDay!, 6);
    const warned = week.filter((d) => LEVEL_RANK[colourOn(year, d, 'evening')] >= LEVEL_RANK.amber);
    expect(warned.length).toBeGreaterThanOrEqual(RECKLESS_MIN_WARNED_DAYS);
  });

  bounded('single +50 % run: red that evening and the next day only', SLOW, () => {
    const { diary, year } = judgedRunner('single_spike');
    const spike = diary.events.spike!;
    expect(colourOn(year, spike, 'evening')).toBe('red');
    expect(colourOn(year, addDays(spike, 1), 'evening')).toBe('red');
    const allowed = new Set(daysFrom(spike, SPIKE_RED_DAYS_AFTER));
    expect(redOutside(year, allowed)).toEqual([]);
    expect(colourOn(year, spike, 'morning')).not.toBe('red');
  });

  bounded('ultra weekend: red on both days, nowhere else but the day after', SLOW, () => {
    const { diary, year } = judgedRunner('ultra_weekend');
    const [sat, sun] = diary.events.ultra!;
    expect(colourOn(year, sat!, 'evening')).toBe('red');
    expect(colourOn(year, sun!, 'morning')).toBe('red');
    expect(colourOn(year, sun!, 'evening')).toBe('red');
    const allowed = new Set([sat!, ...daysFrom(sun!, ULTRA_RED_DAYS_AFTER)]);
    expect(redOutside(year, allowed)).toEqual([]);
  });
});

// --- Debug: the counts as a table -------------------------------------------------------------
//
//   MATRIX_PRINT=1 npx vitest run tests/unit/core/engine/runner-matrix.test.ts
//
// MATRIX_PRINT=off-as-max judges "0 = off" limits as the widest the settings allow, for an engine
// that does not know "off" yet.

const PRINT = process.env.MATRIX_PRINT;

function offAsMax(s: Settings): Settings {
  const max = (k: 'maxRunDaysInRow' | 'maxDaysWithoutFullRest') => NUMBER_FIELDS.find((f) => f.key === k)!.max;
  return {
    ...s,
    maxRunDaysInRow: s.maxRunDaysInRow === 0 ? max('maxRunDaysInRow') : s.maxRunDaysInRow,
    maxDaysWithoutFullRest: s.maxDaysWithoutFullRest === 0 ? max('maxDaysWithoutFullRest') : s.maxDaysWithoutFullRest,
  };
}

describe.runIf(PRINT)('runner matrix, printed', () => {
  it('counts per runner', SLOW, () => {
    const adapt = PRINT === 'off-as-max' ? offAsMax : undefined;
    const rows = RUNNER_IDS.map((id) => {
      const { year, diary, leadingReasons } = adapt ? judge(runnerDiary(id), adapt) : judgedRunner(id);
      const c = (w: When) => {
        const x = year.counts[w];
        return `${x.green} / ${x.calm} / ${x.amber} / ${x.red}`;
      };
      const red = datesColoured(year, 'red');
      return {
        runner: id,
        'morning g/c/a/r': c('morning'),
        'evening g/c/a/r': c('evening'),
        'red (first 4)': red
          .slice(0, 4)
          .map((x) => `${x.date.slice(5)}${x.when[0]}`)
          .join(' '),
        'not green, led by': [...leadingReasons]
          .sort((a, b) => b[1] - a[1])
          .map(([code, n]) => `${code} ${n}`)
          .join(', '),
        about: diary.about,
      };
    });
    console.table(rows);
  });
});
