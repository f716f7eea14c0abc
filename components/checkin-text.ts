import { dayPain, flagsAskedFor, RED_FLAGS, type CheckIn, type PainPlace, type RedFlag } from '../core/check-in';
import { t } from './i18n';

/**
 * The answered check-in folded to one line: "Hip pain today: 2, outside", both answers when the
 * day has a morning and a later one ("morning 1, later 4"), and the place, in a word, only with
 * pain that day and a place known (not "not sure"): the line fits beside the strip's heading.
 */
export function checkInLine(c: CheckIn, place: PainPlace | null): string {
  const parts =
    c.morning && c.later
      ? [t('checkinLineMorning', String(c.morning.pain)), t('checkinLineLater', String(c.later.pain))]
      : [String(c.pain)];
  if (place && place !== 'unsure' && dayPain(c) > 0) parts.push(t(`checkinAt_${place}`));
  return t('checkinLine', parts.join(', '));
}

/**
 * The red-flag questions to show: those for the place once there is pain and a place, and always
 * the flags still in force, so a sign that has gone can be unticked (also on a day without pain).
 */
export function flagsShown(painToday: number, place: PainPlace | null, inForce: readonly RedFlag[]): RedFlag[] {
  const asked = new Set<RedFlag>(painToday > 0 && place ? flagsAskedFor(place) : []);
  for (const f of inForce) asked.add(f);
  return RED_FLAGS.filter((f) => asked.has(f));
}
