import type { Activity } from '../activity';
import { addDays, dayOf } from '../local-date';
import type { Settings } from '../settings';

// Rest-day streaks. A run belongs to the local calendar date on which it started (Activity.localDate,
// fixed where the run happened), so days are counted by comparing dayNumber()s of those strings:
// never by adding 24 h to timestamps, which would add or lose a day across DST changes and travel.
//
// Two kinds of rest:
// - a rest day: no activity counted as running load (settings.runningLoadSports). A walk, a ride,
//   a swim, yoga or strength work does not end it: that is cross-training, not running;
// - a full rest day: no training. A low-impact activity (settings.lowImpactSports: by default a
//   walk or a hike) does not end it, so a watch that logs the dog walk never costs the day; runs and
//   other cross-training do.
//
// A limit of 0 is no limit: the streak is still counted (the popup says how long it is), but no
// rest day ever falls due from it.
//
// A day the runner marked "I rested today" is a full rest day whatever was recorded on it: the
// runner's word wins over a stray walk or a watch that logged a commute as a run. Marking today
// ends both streaks at once.

/** The 7- and 14-day counts need this many days before today. */
export const REST_COUNT_DAYS = 14;

export interface RestStreak {
  /** Days looked at, ending today; a streak reaching the first of them may be longer (see *AtLeast). */
  lookbackDays: number;
  /** Running days in a row, ending today if today has a run, else ending yesterday (today is not over yet). */
  runDays: number;
  /** The streak reaches the start of the days looked at: it is at least runDays long. */
  runDaysAtLeast: boolean;
  ranToday: boolean;
  /** settings.maxRunDaysInRow: running days in a row allowed; 0 = no limit. */
  runDayLimit: number;
  /**
   * First date on which a rest day is due if the runner kept running every day; today at the
   * earliest (tomorrow if today already has a run). Null when there is no current streak, or no
   * limit.
   */
  restDueOn: string | null;
  /** Most recent completed day (before today) without a run; null if not within the days looked at. */
  lastRestDay: string | null;
  daysSinceRestDay: number | null;
  /** Completed days without a run among the 7 / 14 days before today (today is not over yet). */
  restDaysLast7: number;
  restDaysLast14: number;

  /** Days in a row with training (low-impact sports aside), ending today if today has some, else yesterday. */
  activeDays: number;
  activeDaysAtLeast: boolean;
  activeToday: boolean;
  /** settings.maxDaysWithoutFullRest; 0 = no limit. */
  activeDayLimit: number;
  /** Like restDueOn, for a full rest day (no training at all). */
  fullRestDueOn: string | null;
  lastFullRestDay: string | null;
  daysSinceFullRest: number | null;
  fullRestDaysLast7: number;
  fullRestDaysLast14: number;
}

interface Streak {
  days: number;
  atLeast: boolean;
  today: boolean;
  dueOn: string | null;
  lastRest: string | null;
  sinceRest: number | null;
  rest7: number;
  rest14: number;
}

// flags[i] says whether the day i days before today qualifies (i = 0 is today).
function streakOf(flags: Uint8Array, today: string, limit: number, restedToday: boolean): Streak {
  const n = flags.length;
  const todayFlag = flags[0] === 1;
  // Today is not over: without an entry yet it neither extends nor ends the streak, unless the
  // runner said they rested.
  const start = todayFlag ? 0 : 1;
  let days = 0;
  if (!restedToday) while (start + days < n && flags[start + days] === 1) days++;
  const atLeast = start + days >= n;
  let dueOn: string | null = null;
  if (days > 0 && limit > 0) {
    // Days ago (negative: days ahead) of the first day past the limit, if every day kept counting.
    let dueAgo = start - (limit - days) - 1;
    dueAgo = Math.min(dueAgo, todayFlag ? -1 : 0);
    dueOn = addDays(today, -dueAgo);
  }
  const lastRestAgo = restedToday ? 0 : start + days;
  let rest7 = 0;
  let rest14 = 0;
  for (let i = 1; i <= REST_COUNT_DAYS && i < n; i++) {
    if (flags[i] === 0) {
      rest14++;
      if (i <= 7) rest7++;
    }
  }
  return {
    days,
    atLeast,
    today: todayFlag,
    dueOn,
    lastRest: atLeast ? null : addDays(today, -lastRestAgo),
    sinceRest: atLeast ? null : lastRestAgo,
    rest7,
    rest14,
  };
}

/**
 * Rest-day and full-rest streaks over the lookbackDays days ending today. Activities outside them
 * are ignored, so the result depends only on those days, however much history is passed.
 */
export function computeRestStreak(
  today: string,
  activities: readonly Activity[],
  settings: Pick<Settings, 'maxRunDaysInRow' | 'maxDaysWithoutFullRest' | 'runningLoadSports' | 'lowImpactSports'>,
  lookbackDays: number,
  restMarks: readonly string[] = [],
): RestStreak {
  const n = Math.max(
    lookbackDays,
    REST_COUNT_DAYS + 1,
    settings.maxRunDaysInRow + 1,
    settings.maxDaysWithoutFullRest + 1,
  );
  const t = dayOf(today);
  const running = new Set(settings.runningLoadSports);
  const lowImpact = new Set(settings.lowImpactSports);
  const run = new Uint8Array(n);
  const active = new Uint8Array(n);
  for (const a of activities) {
    const ago = t - dayOf(a.localDate);
    if (ago < 0 || ago >= n) continue;
    const isRun = running.has(a.sport);
    if (isRun) run[ago] = 1;
    // A run is never low impact, whatever the lists say.
    if (isRun || !lowImpact.has(a.sport)) active[ago] = 1;
  }
  for (const d of restMarks) {
    const ago = t - dayOf(d);
    if (ago < 0 || ago >= n) continue;
    run[ago] = 0;
    active[ago] = 0;
  }
  const restedToday = restMarks.includes(today);
  const r = streakOf(run, today, settings.maxRunDaysInRow, restedToday);
  const f = streakOf(active, today, settings.maxDaysWithoutFullRest, restedToday);
  return {
    lookbackDays: n,
    runDays: r.days,
    runDaysAtLeast: r.atLeast,
    ranToday: r.today,
    runDayLimit: settings.maxRunDaysInRow,
    restDueOn: r.dueOn,
    lastRestDay: r.lastRest,
    daysSinceRestDay: r.sinceRest,
    restDaysLast7: r.rest7,
    restDaysLast14: r.rest14,
    activeDays: f.days,
    activeDaysAtLeast: f.atLeast,
    activeToday: f.today,
    activeDayLimit: settings.maxDaysWithoutFullRest,
    fullRestDueOn: f.dueOn,
    lastFullRestDay: f.lastRest,
    daysSinceFullRest: f.sinceRest,
    fullRestDaysLast7: f.rest7,
    fullRestDaysLast14: f.rest14,
  };
}
