import type { Activity, Sport } from '../../../../core/activity';
import { addDays, dayNumber, weekdayOf } from '../../../../core/local-date';
import { planSettingsPatch } from '../../../../core/plan-preset';
import { DEFAULT_SETTINGS, PRESET_VALUES, type Preset, type Settings } from '../../../../core/settings';
import { act, runAt } from './diary';
import { mulberry32 } from '../../../seeded-random';

export { mulberry32 };

// A year of training for a dozen kinds of runner, for the runner matrix (runner-matrix.ts): each
// diary is what that runner's watch would have stored, with day-to-day variation, missed days and
// the notable days (a race, a return from injury, a spike) named so tests can ask about them.
// Seeded: the same diary on every machine and every run.

/** The year judged, both days included. */
export const YEAR_FROM = '2025-01-01';
export const YEAR_TO = '2025-12-31';
/** History before the year: more than the engine's widest window (91 days) before 1 January. */
export const HISTORY_FROM = '2024-09-02';

// ---------------------------------------------------------------------------------------------
// Settings

export type RunnerPreset = 'beginner' | 'regular' | 'daily';

/** The presets of issue #20; 0 = the limit is off. */
export const RUNNER_PRESETS: Readonly<
  Record<
    RunnerPreset,
    Pick<Settings, 'maxRunDaysInRow' | 'maxDaysWithoutFullRest' | 'targetRunsPerWeek' | 'minEasyDaysPerWeek'>
  >
> = {
  beginner: { maxRunDaysInRow: 2, maxDaysWithoutFullRest: 6, targetRunsPerWeek: 3, minEasyDaysPerWeek: 0 },
  regular: { maxRunDaysInRow: 6, maxDaysWithoutFullRest: 13, targetRunsPerWeek: 6, minEasyDaysPerWeek: 0 },
  daily: { maxRunDaysInRow: 0, maxDaysWithoutFullRest: 0, targetRunsPerWeek: 7, minEasyDaysPerWeek: 2 },
};

const PRESET_NAME: Readonly<Record<RunnerPreset, Settings['preset']>> = {
  beginner: 'beginner',
  regular: 'regular',
  daily: 'experienced',
};

/**
 * The settings a runner would have after answering the plan questions. The only place the matrix
 * builds settings: new fields go here.
 */
export function runnerSettings(
  p: RunnerPreset,
  plan: { runDaysPerWeek: number; usualRestDay?: number | null },
  over: Partial<Settings> = {},
): Settings {
  const s: Settings = {
    ...DEFAULT_SETTINGS,
    runningLoadSports: [...DEFAULT_SETTINGS.runningLoadSports],
    lowImpactSports: [...DEFAULT_SETTINGS.lowImpactSports],
    ...PRESET_VALUES[PRESET_NAME[p] as Preset],
    // As the plan answer sets them (core/plan-preset.ts), so the matrix judges what a runner gets.
    ...planSettingsPatch(plan.runDaysPerWeek, plan.usualRestDay ?? null),
    ...over,
  };
  return s;
}

// ---------------------------------------------------------------------------------------------
// Diaries

export type RunnerId =
  | 'beginner'
  | 'beginner_walks'
  | 'four_day'
  | 'six_day'
  | 'daily'
  | 'marathon'
  | 'careful_return'
  | 'reckless_return'
  | 'double_days'
  | 'single_spike'
  | 'ultra_weekend'
  | 'night_london'
  | 'night_new_york';

export interface DiaryEvents {
  /** Planned run days skipped (the whole day). */
  missed: string[];
  /** Days whose only activity is a walk. */
  walkOnly?: string[];
  /** The marathon: first day of the 16-week build, first taper day, race day, last recovery day. */
  buildFrom?: string;
  taperFrom?: string;
  race?: string;
  recoveryTo?: string;
  /** First day without running because of the injury, and the first run after it. */
  injuredFrom?: string;
  returnDay?: string;
  /** The single run 50 % over the runner's longest. */
  spike?: string;
  /** The ultra weekend's two days. */
  ultra?: string[];
}

export interface RunnerDiary {
  id: RunnerId;
  /** Who this is, for tables. */
  about: string;
  settings: Settings;
  /** From HISTORY_FROM to YEAR_TO, sorted by local date, then start. */
  activities: Activity[];
  /** Days marked "I rested today", sorted. */
  restMarks: string[];
  /** The zone the runs' dates were fixed in; null: UTC stands in for the runner's zone. */
  timeZone: string | null;
  events: DiaryEvents;
}

/** Day-to-day variation of an ordinary run's distance: up to ±12 %. */
const VARY = 0.12;
/** Share of planned run days missed (illness, work, weather). */
const MISS = 0.04;

const round1 = (km: number) => Math.round(km * 10) / 10;

/** Runs of one day, km, in order (the first in the morning, a second in the evening). */
type DayRuns = readonly number[];
/** The planned runs of each day. */
type WeekPlan = (date: string, weekday: number) => DayRuns;

/** Collects one runner's activities; every random draw comes from its own seed. */
class Book {
  readonly acts: Activity[] = [];
  readonly missed: string[] = [];
  readonly restMarks: string[] = [];
  readonly rng: () => number;
  private n = 0;

  constructor(
    readonly id: RunnerId,
    seed: number,
    /** The zone runs start in, and their local start time. */
    readonly zone: string | null = null,
    readonly hour = 7,
    readonly minute = 0,
  ) {
    this.rng = mulberry32(seed);
  }

  /** km varied by up to ±pct, to 100 m. */
  vary(km: number, pct = VARY): number {
    return round1(km * (1 + (this.rng() * 2 - 1) * pct));
  }

  chance(p: number): boolean {
    return this.rng() < p;
  }

  /** One activity; `second` starts it in the evening (a double day's second run). */
  add(date: string, km: number, o: { sport?: Sport; second?: boolean; hour?: number } = {}): void {
    const id = `${this.id}-${++this.n}`;
    const sport = o.sport ?? 'run';
    const secPerKm = sport === 'walk' ? 720 : 330;
    const hour = o.hour ?? (o.second ? 18 : this.hour);
    const minute = o.hour !== undefined || o.second ? 0 : this.minute;
    if (this.zone !== null) this.acts.push(runAt(date, hour, minute, this.zone, km, { id, sport, secPerKm }));
    else {
      const startMs = dayNumber(date) * 86_400_000 + hour * 3_600_000 + minute * 60_000;
      this.acts.push(act(date, { km, id, sport, secPerKm, startMs }));
    }
  }

  /** Runs the plan from `from` to `to`, varying each distance and missing a day now and then. */
  fill(from: string, to: string, plan: WeekPlan, o: { vary?: number; miss?: number } = {}): void {
    for (let d = from; d <= to; d = addDays(d, 1)) {
      const kms = plan(d, weekdayOf(d));
      if (kms.length === 0) continue;
      if (this.chance(o.miss ?? MISS)) {
        this.missed.push(d);
        continue;
      }
      kms.forEach((km, i) => this.add(d, this.vary(km, o.vary ?? VARY), { second: i > 0 }));
    }
  }

  diary(about: string, settings: Settings, events: Omit<DiaryEvents, 'missed'> = {}): RunnerDiary {
    const activities = [...this.acts].sort(
      (a, b) => (a.localDate < b.localDate ? -1 : a.localDate > b.localDate ? 1 : 0) || a.startMs - b.startMs,
    );
    return {
      id: this.id,
      about,
      settings,
      activities,
      restMarks: [...this.restMarks].sort(),
      timeZone: this.zone,
      events: { missed: this.missed.filter((d) => d >= YEAR_FROM), ...events },
    };
  }
}

/** A week plan from km per weekday, Sunday first (0 = no run). */
const weekly =
  (km: readonly (number | DayRuns)[]): WeekPlan =>
  (_d, wd) => {
    const x = km[wd] ?? 0;
    return typeof x === 'number' ? (x > 0 ? [x] : []) : x;
  };

/** The Monday of a date's week. */
const mondayOf = (d: string) => addDays(d, -((weekdayOf(d) + 6) % 7));

// --- The runners -----------------------------------------------------------------------------

// Tuesday, Thursday and a slightly longer Sunday run, growing from 3 to 6 km over 16 months.
function beginnerBook(id: RunnerId): Book {
  const b = new Book(id, 101);
  const span = dayNumber(YEAR_TO) - dayNumber(HISTORY_FROM);
  const base = (d: string) => 3 + 2 * ((dayNumber(d) - dayNumber(HISTORY_FROM)) / span);
  b.fill(HISTORY_FROM, YEAR_TO, (d, wd) => (wd === 2 || wd === 4 ? [base(d)] : wd === 0 ? [base(d) * 1.2] : []));
  return b;
}

function beginner(): RunnerDiary {
  return beginnerBook('beginner').diary(
    'beginner, alternate days (Tue, Thu, Sun), 3-6 km',
    runnerSettings('beginner', { runDaysPerWeek: 3 }),
  );
}

// The same beginner, whose watch also logs a 3 km dog walk every evening, rest days included.
function beginnerWalks(): RunnerDiary {
  const b = beginnerBook('beginner_walks');
  const runDays = new Set(b.acts.map((a) => a.localDate));
  const walks = mulberry32(102);
  const walkOnly: string[] = [];
  for (let d = HISTORY_FROM; d <= YEAR_TO; d = addDays(d, 1)) {
    b.add(d, round1(3 * (1 + (walks() * 2 - 1) * 0.1)), { sport: 'walk', hour: 19 });
    if (!runDays.has(d) && d >= YEAR_FROM) walkOnly.push(d);
  }
  return b.diary('beginner with a daily 3 km dog walk', runnerSettings('beginner', { runDaysPerWeek: 3 }), {
    walkOnly,
  });
}

function fourDay(): RunnerDiary {
  const b = new Book('four_day', 103);
  b.fill(HISTORY_FROM, YEAR_TO, weekly([14, 0, 8, 0, 9, 0, 6]));
  return b.diary('4 days a week (Tue, Thu, Sat, long Sun)', runnerSettings('regular', { runDaysPerWeek: 4 }));
}

// Monday off, long run on Sunday; some Mondays marked "I rested today" in the evening.
function sixDay(): RunnerDiary {
  const b = new Book('six_day', 104);
  b.fill(HISTORY_FROM, YEAR_TO, weekly([16, 0, 8, 10, 8, 6, 8]));
  for (let d = mondayOf(HISTORY_FROM); d <= YEAR_TO; d = addDays(d, 7)) if (b.chance(0.4)) b.restMarks.push(d);
  return b.diary(
    '6 days, Monday off, long run Sunday',
    runnerSettings('regular', { runDaysPerWeek: 6, usualRestDay: 1 }),
  );
}

// Every day; Monday and Thursday easy (half the usual 10 km), long run on Sunday. A missed day is
// marked as rested.
function daily(): RunnerDiary {
  const b = new Book('daily', 105);
  b.fill(HISTORY_FROM, YEAR_TO, weekly([18, 5, 10, 10, 5, 10, 10]), { miss: 0.03 });
  b.restMarks.push(...b.missed);
  return b.diary('daily runner, 2 easy days, long run Sunday', runnerSettings('daily', { runDaysPerWeek: 7 }));
}

/** The marathon's 16 weeks: long run (Sunday) and a factor on the midweek runs. */
const MARATHON_WEEKS: readonly { long: number; mid: number }[] = [
  { long: 16, mid: 1.0 },
  { long: 18, mid: 1.05 },
  { long: 20, mid: 1.1 },
  { long: 14, mid: 0.8 }, // cutback
  { long: 22, mid: 1.15 },
  { long: 24, mid: 1.2 },
  { long: 26, mid: 1.25 },
  { long: 18, mid: 0.9 }, // cutback
  { long: 28, mid: 1.3 },
  { long: 30, mid: 1.3 },
  { long: 32, mid: 1.35 },
  { long: 20, mid: 1.0 }, // cutback
  { long: 32, mid: 1.3 }, // peak, again
  { long: 24, mid: 1.0 }, // taper
  { long: 16, mid: 0.8 }, // taper
  { long: 42.2, mid: 0.6 }, // race week
];

/** The four weeks after the race, Monday first: short easy runs, building back. */
const MARATHON_RECOVERY: readonly (readonly number[])[] = [
  [0, 0, 0, 4, 0, 5, 5],
  [0, 5, 0, 6, 0, 5, 8],
  [0, 6, 6, 6, 0, 6, 10],
  [0, 8, 8, 8, 0, 6, 12],
];

// Five days a week (Monday and Friday off); a 16-week build to a Sunday marathon in October.
function marathon(): RunnerDiary {
  const b = new Book('marathon', 106);
  const ordinary = weekly([14, 0, 8, 10, 8, 0, 6]);
  const buildFrom = '2025-06-23';
  const race = addDays(buildFrom, 16 * 7 - 1);
  const recoveryTo = addDays(race, 4 * 7);
  b.fill(HISTORY_FROM, addDays(buildFrom, -1), ordinary);
  MARATHON_WEEKS.forEach((w, i) => {
    const mon = addDays(buildFrom, 7 * i);
    const last = i === MARATHON_WEEKS.length - 1;
    // Midweek runs vary as usual; the long runs are the plan's (a measured route), never missed.
    b.fill(mon, addDays(mon, 5), weekly([0, 0, 10 * w.mid, 12 * w.mid, 8 * w.mid, 0, last ? 3 : 6 * w.mid]));
    b.add(addDays(mon, 6), w.long);
  });
  MARATHON_RECOVERY.forEach((km, i) => {
    const mon = addDays(race, 1 + 7 * i);
    // Monday first in the table; the week plan counts from Sunday.
    b.fill(mon, addDays(mon, 6), weekly([km[6]!, ...km.slice(0, 6)]), { vary: 0.05, miss: 0 });
  });
  b.fill(addDays(recoveryTo, 1), YEAR_TO, ordinary);
  return b.diary(
    'marathon: 16-week build, race 12 Oct, 4 weeks recovery',
    runnerSettings('regular', { runDaysPerWeek: 5, usualRestDay: 1 }),
    { buildFrom, taperFrom: addDays(buildFrom, 13 * 7), race, recoveryTo },
  );
}

// 8 km on four days and 12 km on Sunday; three weeks off injured, then back carefully: 4, 5 and
// 7 km the first week, the usual week by the fourth.
function carefulReturn(): RunnerDiary {
  const b = new Book('careful_return', 107);
  const ordinary = weekly([12, 0, 8, 8, 8, 0, 8]);
  const injuredFrom = '2025-04-14';
  const returnDay = addDays(injuredFrom, 21);
  b.fill(HISTORY_FROM, addDays(injuredFrom, -1), ordinary);
  const back: readonly (readonly number[])[] = [
    [4, 0, 5, 0, 7, 0, 0],
    [0, 6, 0, 7, 0, 7, 8],
    [0, 8, 7, 8, 0, 0, 10],
    [0, 8, 8, 8, 0, 8, 11],
  ];
  back.forEach((km, i) => {
    const mon = addDays(returnDay, 7 * i);
    km.forEach((x, j) => {
      if (x > 0) b.add(addDays(mon, j), i === 0 ? x : b.vary(x, 0.05));
    });
  });
  b.fill(addDays(returnDay, 28), YEAR_TO, ordinary);
  return b.diary(
    'careful return after 3 weeks injured (4, 5, 7 km, 4 weeks back)',
    runnerSettings('regular', { runDaysPerWeek: 5, usualRestDay: 1 }),
    { injuredFrom, returnDay },
  );
}

/** The reckless runner's usual week, Sunday first: 47 km, 15.5 km long run. */
const RECKLESS_WEEK = [15.5, 0, 6.5, 7, 6, 6, 6] as const;

// Six days, 47 km a week; three weeks off, then straight back into the full week.
function recklessReturn(): RunnerDiary {
  const b = new Book('reckless_return', 108);
  const injuredFrom = '2025-08-04';
  const returnDay = addDays(injuredFrom, 21);
  b.fill(HISTORY_FROM, addDays(injuredFrom, -1), weekly(RECKLESS_WEEK));
  // The first week back, Monday to Sunday, exactly as planned: 47 km, Saturday off.
  const first = [7, 6.5, 6, 6, 6, 0, 15.5];
  first.forEach((km, j) => {
    if (km > 0) b.add(addDays(returnDay, j), km);
  });
  b.fill(addDays(returnDay, 7), YEAR_TO, weekly(RECKLESS_WEEK));
  return b.diary(
    'reckless return after 3 weeks off: a full 47 km week at once',
    runnerSettings('regular', { runDaysPerWeek: 6, usualRestDay: 1 }),
    { injuredFrom, returnDay },
  );
}

function doubleDays(): RunnerDiary {
  const b = new Book('double_days', 109);
  b.fill(HISTORY_FROM, YEAR_TO, weekly([18, 0, [8, 5], 10, [8, 5], 8, 6]));
  return b.diary(
    'double days (Tue, Thu: 8 km am + 5 km pm), Monday off',
    runnerSettings('regular', { runDaysPerWeek: 6, usualRestDay: 1 }),
  );
}

// A Sunday long run of at most 14 km (exactly 14 the week before), and once 21 km.
function singleSpike(): RunnerDiary {
  const b = new Book('single_spike', 110);
  const spike = '2025-06-15';
  b.fill(HISTORY_FROM, YEAR_TO, weekly([0, 0, 7, 8, 7, 0, 6]));
  for (let d = addDays(mondayOf(HISTORY_FROM), 6); d <= YEAR_TO; d = addDays(d, 7)) {
    if (d === spike) b.add(d, 21);
    else if (d === addDays(spike, -7)) b.add(d, 14);
    // Never over 14: the spike is 50 % over the longest run of the 30 days before it.
    else b.add(d, round1(14 * (1 - b.rng() * 0.1)));
  }
  return b.diary(
    'one long run 50 % over the longest (14 -> 21 km)',
    runnerSettings('regular', { runDaysPerWeek: 5, usualRestDay: 1 }),
    { spike },
  );
}

// An ultra runner: a ~30 km Saturday long run; one weekend 50 km then 30 km, an easy week after.
function ultraWeekend(): RunnerDiary {
  const b = new Book('ultra_weekend', 111);
  const sat = '2025-09-13';
  const sun = addDays(sat, 1);
  const ordinary = weekly([12, 0, 10, 14, 10, 8, 30]);
  b.fill(HISTORY_FROM, addDays(sat, -1), ordinary, { vary: 0.1 });
  b.add(sat, 50);
  b.add(sun, 30);
  b.fill(addDays(sun, 1), addDays(sun, 7), weekly([10, 0, 6, 8, 8, 0, 20]));
  b.fill(addDays(sun, 8), YEAR_TO, ordinary, { vary: 0.1 });
  return b.diary(
    'ultra runner (~30 km long run), 50 km Sat + 30 km Sun',
    runnerSettings('regular', { runDaysPerWeek: 6, usualRestDay: 1 }),
    { ultra: [sat, sun] },
  );
}

/**
 * Runs at 23:30 where the runner lives, through both clock changes (London: 30 March and 26
 * October; New York: 9 March and 2 November, all Sundays, and Sunday is a run day). With
 * `early`, the same runs at 07:00: the twin the night runner must be judged like.
 */
export function nightRunner(id: 'night_london' | 'night_new_york', early = false): RunnerDiary {
  const zone = id === 'night_london' ? 'Europe/London' : 'America/New_York';
  const b = new Book(id, id === 'night_london' ? 112 : 113, zone, early ? 7 : 23, early ? 0 : 30);
  b.fill(HISTORY_FROM, YEAR_TO, weekly([12, 0, 8, 10, 8, 0, 8]));
  return b.diary(
    `night runner, 23:30 in ${zone}${early ? ' (07:00 twin)' : ''}`,
    runnerSettings('regular', { runDaysPerWeek: 5, usualRestDay: 1 }),
  );
}

const BUILDERS: Readonly<Record<RunnerId, () => RunnerDiary>> = {
  beginner,
  beginner_walks: beginnerWalks,
  four_day: fourDay,
  six_day: sixDay,
  daily,
  marathon,
  careful_return: carefulReturn,
  reckless_return: recklessReturn,
  double_days: doubleDays,
  single_spike: singleSpike,
  ultra_weekend: ultraWeekend,
  night_london: () => nightRunner('night_london'),
  night_new_york: () => nightRunner('night_new_york'),
};

export const RUNNER_IDS = Object.keys(BUILDERS) as RunnerId[];

/** One runner's diary, built afresh (the same every time). */
export function runnerDiary(id: RunnerId): RunnerDiary {
  return BUILDERS[id]();
}

/** Every runner's diary. */
export function runnerDiaries(): RunnerDiary[] {
  return RUNNER_IDS.map(runnerDiary);
}

/**
 * Runs longer than the longest run of the `windowDays` days before them by more than `pct` %: the
 * study's spikes (Frandsen et al. 2025), worked out from the diary alone, so a test can tell a
 * real spike from one the engine imagines. Each run on its own, as the study counted sessions.
 */
export function realSpikes(d: RunnerDiary, pct = 30, windowDays = 30): string[] {
  const running = new Set<string>(d.settings.runningLoadSports);
  const runs = d.activities.filter((a) => running.has(a.sport) && a.distanceM !== null);
  const out = new Set<string>();
  let lo = 0;
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i]!;
    const day = dayNumber(r.localDate);
    while (lo < i && dayNumber(runs[lo]!.localDate) < day - windowDays) lo++;
    let longest = 0;
    for (let j = lo; j < i && dayNumber(runs[j]!.localDate) < day; j++)
      longest = Math.max(longest, runs[j]!.distanceM!);
    if (longest > 0 && r.distanceM! > longest * (1 + pct / 100)) out.add(r.localDate);
  }
  return [...out].sort();
}
