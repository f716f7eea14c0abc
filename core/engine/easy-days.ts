import { median } from './median';
import type { Activity } from '../activity';
import { addDays, dayOf } from '../local-date';
import type { Settings } from '../settings';
import { durationOf } from './long-run-spike';

// Easy days, for runners who run every day (the experienced preset): what keeps daily running
// sustainable is that most days are not hard. An easy day here is a day with no run, or with runs
// adding up to at most easyRunPct % (60 % by default) of the runner's usual run day: the median
// running distance of the run days in the USUAL_DAYS days before today. Distance is the only
// effort measure every source has; no heart rate or pace zones are needed.

export const USUAL_DAYS = 28;
export const EASY_COUNT_DAYS = 7;

export interface EasyDays {
  /** settings.minEasyDaysPerWeek; 0 = not checked. */
  minPerWeek: number;
  /** Median running distance of the run days of the 28 days before today; null without any. */
  usualRunM: number | null;
  /** Median moving time of those run days, seconds: the usual run when distances are unknown. */
  usualRunS: number | null;
  /** A run day up to this many metres is easy. */
  easyMaxM: number | null;
  /** The 7 days counted end on this date: today if it has a run, else yesterday (today is not over). */
  through: string;
  easyDays: number;
  /** Checked, and fewer easy days than wanted: the next run should be an easy one. */
  short: boolean;
  /** When the next run should be easy. */
  nextEasyOn: string;
}

export function computeEasyDays(
  today: string,
  activities: readonly Activity[],
  settings: Pick<Settings, 'minEasyDaysPerWeek' | 'easyRunPct' | 'runningLoadSports'>,
  restMarks: readonly string[] = [],
): EasyDays {
  const t = dayOf(today);
  const running = new Set(settings.runningLoadSports);
  const marked = new Set(restMarks);
  // metres per day ago (0 = today); a day absent has no run.
  const byAgo = new Map<number, number>();
  const timeByAgo = new Map<number, number>();
  for (const a of activities) {
    if (!running.has(a.sport) || marked.has(a.localDate)) continue;
    const ago = t - dayOf(a.localDate);
    if (ago < 0 || ago > USUAL_DAYS) continue;
    const m = a.distanceM !== null && Number.isFinite(a.distanceM) && a.distanceM > 0 ? a.distanceM : 0;
    byAgo.set(ago, (byAgo.get(ago) ?? 0) + m);
    timeByAgo.set(ago, (timeByAgo.get(ago) ?? 0) + (durationOf(a) ?? 0));
  }
  const usualRunM = median([...byAgo.entries()].filter(([ago, m]) => ago >= 1 && m > 0).map(([, m]) => m));
  const usualRunS = median([...timeByAgo.entries()].filter(([ago, x]) => ago >= 1 && x > 0).map(([, x]) => x));
  const easyMaxM = usualRunM === null ? null : (usualRunM * settings.easyRunPct) / 100;
  const ranToday = byAgo.has(0);
  const first = ranToday ? 0 : 1;
  let easyDays = 0;
  for (let ago = first; ago < first + EASY_COUNT_DAYS; ago++) {
    const m = byAgo.get(ago);
    if (m === undefined || (easyMaxM !== null && m <= easyMaxM)) easyDays++;
  }
  const minPerWeek = settings.minEasyDaysPerWeek;
  return {
    minPerWeek,
    usualRunM,
    usualRunS,
    easyMaxM,
    through: addDays(today, -first),
    easyDays,
    short: minPerWeek > 0 && usualRunM !== null && easyDays < minPerWeek,
    nextEasyOn: ranToday ? addDays(today, 1) : today,
  };
}
