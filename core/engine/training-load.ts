import type { Activity } from '../activity';
import { dayOf } from '../local-date';
import type { Settings } from '../settings';

// Acute:chronic load and Foster's monotony, shown as information only. Their evidence for
// runners is weak or contrary (the acute:chronic ratio's link with injury is disputed and the
// ratio has statistical flaws, Impellizzeri et al. 2020), so nothing here is an injury
// probability and nothing here changes the verdict's level.
//
// Load is running distance in km per local calendar day (running-load sports only). Runs with
// no distance add 0. No RPE is recorded, so Foster's session-RPE load is not available.
//
// Exponentially weighted averages (Williams et al. 2017): ewma = load * l + ewma * (1 - l),
// l = 2 / (N + 1), N = 7 (acute) and 28 (chronic), over a fixed window of LOAD_WINDOW_DAYS that
// starts from zero. The weight of the starting zero after 91 days is (1 - 2/29)^91 < 0.2 %, so
// the fixed window changes the figures by almost nothing and keeps the cost independent of older
// history.

export const ACUTE_DAYS = 7;
export const CHRONIC_DAYS = 28;
export const LOAD_WINDOW_DAYS = 91;
/** Figures are hidden until the first run in the window is at least this many days old (today counted). */
export const LOAD_MIN_HISTORY_DAYS = 28;

export interface TrainingLoad {
  /** Exponentially weighted daily running distance, 7-day constant, km per day. */
  acuteKmPerDay: number;
  /** Same with a 28-day constant. */
  chronicKmPerDay: number;
  /** acute / chronic; null when chronic is 0. Information only. */
  acuteChronicRatio: number | null;
  /** Running km of the 7 days ending today. */
  weekKm: number;
  /** Foster's monotony: mean / standard deviation of those 7 daily loads; null when they are all equal. */
  monotony: number | null;
  /** Days from the first run in the window to today, today counted. */
  historyDays: number;
}

/** Null until LOAD_MIN_HISTORY_DAYS of running history exist within the window. */
export function computeTrainingLoad(
  today: string,
  activities: readonly Activity[],
  settings: Pick<Settings, 'runningLoadSports'>,
): TrainingLoad | null {
  const t = dayOf(today);
  const running = new Set(settings.runningLoadSports);
  // km[i] is the load of the day i days after the window's first day; the last is today.
  const km = new Float64Array(LOAD_WINDOW_DAYS);
  let firstIdx = LOAD_WINDOW_DAYS;
  for (const a of activities) {
    if (!running.has(a.sport)) continue;
    const idx = LOAD_WINDOW_DAYS - 1 - (t - dayOf(a.localDate));
    if (idx < 0 || idx >= LOAD_WINDOW_DAYS) continue;
    if (idx < firstIdx) firstIdx = idx;
    if (a.distanceM !== null && Number.isFinite(a.distanceM) && a.distanceM > 0)
      km[idx] = km[idx]! + a.distanceM / 1000;
  }
  const historyDays = LOAD_WINDOW_DAYS - firstIdx;
  if (historyDays < LOAD_MIN_HISTORY_DAYS) return null;

  const la = 2 / (ACUTE_DAYS + 1);
  const lc = 2 / (CHRONIC_DAYS + 1);
  let acute = 0;
  let chronic = 0;
  for (let i = 0; i < LOAD_WINDOW_DAYS; i++) {
    const x = km[i]!;
    acute = x * la + acute * (1 - la);
    chronic = x * lc + chronic * (1 - lc);
  }

  let weekKm = 0;
  for (let i = LOAD_WINDOW_DAYS - 7; i < LOAD_WINDOW_DAYS; i++) weekKm += km[i]!;
  const mean = weekKm / 7;
  let variance = 0;
  for (let i = LOAD_WINDOW_DAYS - 7; i < LOAD_WINDOW_DAYS; i++) variance += (km[i]! - mean) ** 2;
  // Population standard deviation: the 7 days are the whole week, not a sample of it.
  const sd = Math.sqrt(variance / 7);
  // Relative threshold: seven identical loads can leave a tiny non-zero sd from float rounding.
  const monotony = sd > 1e-9 * Math.max(1, mean) ? mean / sd : null;

  return {
    acuteKmPerDay: acute,
    chronicKmPerDay: chronic,
    acuteChronicRatio: chronic > 0 ? acute / chronic : null,
    weekKm,
    monotony,
    historyDays,
  };
}
