import type { ActivityInput } from '../../activity';
import { addDays } from '../../local-date';
import { BACKFILL } from './strava-backfill';
import { nextStravaTrainingPage, stravaTrainingPageUrl, type StravaTrainingResult } from './strava-training-activities';

// The background's half of the backfill policy (strava-backfill.ts): after storing one page of
// "My Activities", whether the content script should fetch another. Kept apart from the limits
// so that content scripts don't carry the list reader.

/** The next list URL to fetch, or null to stop. `known`: how many of this page were already stored. */
export function nextBackfillUrl(
  read: StravaTrainingResult,
  activities: readonly ActivityInput[],
  known: number,
  today: string,
): string | null {
  if (!read.ok || activities.length === 0 || known > 0) return null;
  const oldest = activities.reduce((m, a) => (a.localDate < m ? a.localDate : m), activities[0]!.localDate);
  if (oldest < addDays(today, -BACKFILL.days)) return null;
  // An odd page size (Strava uses 20) can't be asked for again page by page: stop rather than guess.
  if (read.perPage !== null && (read.perPage < 1 || read.perPage > 200)) return null;
  const next = nextStravaTrainingPage(read);
  return next === null ? null : stravaTrainingPageUrl(next, read.perPage ?? 20);
}
