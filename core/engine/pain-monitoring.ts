import type { Activity } from '../activity';
import type { CheckIn } from '../check-in';
import { addDays } from '../local-date';

// The pain-monitoring model (Silbernagel et al., Am J Sports Med 2007; used for Achilles, patellar
// and hip pain in running): training may go on while pain stays low and settles.
// - 0-2: fine.
// - 3-5: acceptable if it has settled by the next morning.
// - above 5, or higher than the day before on the morning after a run: ease off (no long run, no
//   hills or speed, a shorter run or a rest day).
// Red flags route to a GP or physiotherapist: pain of 3 or more on most days for 2 weeks, pain at
// night or at rest, groin pain when walking.
//
// Days are the runner's local calendar dates (a check-in is stored under the date it was given
// for), so time zones and DST changes never move an answer to another day.

export const PAIN_FINE_MAX = 2;
export const PAIN_ACCEPTABLE_MAX = 5;
/** "Most days for 2 weeks": at least this many of the last PERSISTENT_DAYS days with pain >= 3. */
export const PERSISTENT_DAYS = 14;
export const PERSISTENT_MIN_DAYS = 8;

export type PainFinding =
  /** Latest answer (today, else yesterday) 0-2. */
  | { code: 'pain_fine'; level: 'ok'; pain: number; date: string }
  /** 3-5 and not (yet) a problem: acceptable if it settles by the next morning. */
  | { code: 'pain_acceptable'; level: 'ok'; pain: number; date: string }
  /** The morning after a run with pain 3-5, still 3-5 (not higher): not settled. */
  | { code: 'pain_not_settled'; level: 'ease_off'; pain: number; previousPain: number; date: string; runDate: string }
  /** Above 5. */
  | { code: 'pain_high'; level: 'warning'; pain: number; date: string }
  /** Higher than the day before, the morning after a run. */
  | { code: 'pain_rising'; level: 'warning'; pain: number; previousPain: number; date: string; runDate: string }
  | { code: 'pain_persistent'; level: 'warning'; days: number; windowDays: number; date: string }
  | { code: 'pain_night_or_rest'; level: 'warning'; date: string }
  | { code: 'groin_pain_walking'; level: 'warning'; date: string };

export type RedFlagCode = 'pain_persistent' | 'pain_night_or_rest' | 'groin_pain_walking';
export const RED_FLAG_CODES: readonly RedFlagCode[] = ['pain_persistent', 'pain_night_or_rest', 'groin_pain_walking'];

/**
 * Every finding for today, most urgent first. The pain rules read today's answer, or yesterday's
 * when today has none yet; the red-flag questions count if answered yes today or yesterday.
 */
export function painFindings(
  today: string,
  checkIns: readonly CheckIn[],
  activities: readonly Activity[],
  runningSports: readonly string[],
): PainFinding[] {
  const byDate = new Map<string, CheckIn>();
  for (const c of checkIns) byDate.set(c.date, c);
  const yesterday = addDays(today, -1);
  const out: PainFinding[] = [];

  const flagged = [today, yesterday].map((d) => byDate.get(d)).filter((c): c is CheckIn => c !== undefined);
  const night = flagged.find((c) => c.nightOrRest);
  if (night) out.push({ code: 'pain_night_or_rest', level: 'warning', date: night.date });
  const groin = flagged.find((c) => c.groinWalking);
  if (groin) out.push({ code: 'groin_pain_walking', level: 'warning', date: groin.date });
  let painful = 0;
  for (let i = 0; i < PERSISTENT_DAYS; i++) {
    const c = byDate.get(addDays(today, -i));
    if (c && c.pain > PAIN_FINE_MAX) painful++;
  }
  if (painful >= PERSISTENT_MIN_DAYS)
    out.push({ code: 'pain_persistent', level: 'warning', days: painful, windowDays: PERSISTENT_DAYS, date: today });

  const latest = byDate.get(today) ?? byDate.get(yesterday);
  if (!latest) return out;
  const running = new Set(runningSports);
  const dayBefore = addDays(latest.date, -1);
  const ranDayBefore = activities.some((a) => a.localDate === dayBefore && running.has(a.sport));
  const previous = byDate.get(dayBefore);
  if (latest.pain > PAIN_ACCEPTABLE_MAX) {
    out.push({ code: 'pain_high', level: 'warning', pain: latest.pain, date: latest.date });
  } else if (ranDayBefore && previous && latest.pain > previous.pain && latest.pain > PAIN_FINE_MAX) {
    out.push({
      code: 'pain_rising',
      level: 'warning',
      pain: latest.pain,
      previousPain: previous.pain,
      date: latest.date,
      runDate: dayBefore,
    });
  } else if (ranDayBefore && previous && previous.pain > PAIN_FINE_MAX && latest.pain > PAIN_FINE_MAX) {
    out.push({
      code: 'pain_not_settled',
      level: 'ease_off',
      pain: latest.pain,
      previousPain: previous.pain,
      date: latest.date,
      runDate: dayBefore,
    });
  } else if (latest.pain > PAIN_FINE_MAX) {
    out.push({ code: 'pain_acceptable', level: 'ok', pain: latest.pain, date: latest.date });
  } else {
    out.push({ code: 'pain_fine', level: 'ok', pain: latest.pain, date: latest.date });
  }
  return out;
}
