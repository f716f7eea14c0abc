import type { ActivityInput } from '../core/activity';
import { admitActivities } from '../core/activity-validation';
import { problem, type Problem } from '../core/problem-codes';
import type { SiteData } from '../core/messages';
import { responseBody } from '../core/site-response';
import type { SiteNext } from '../core/protocol';
import { LIMITS } from '../core/plausibility';
import { garminEndpoint, readGarminResponse } from '../core/sites/garmin/garmin-activities';
import { nextBackfillUrl } from '../core/sites/strava/strava-backfill-next';
import { readStravaActivityDom, type StravaDomSnapshot } from '../core/sites/strava/strava-activity-dom';
import { readStravaActivityPage, type StravaPageSnapshot } from '../core/sites/strava/strava-activity-page';
import { readStravaTrainingActivities } from '../core/sites/strava/strava-training-activities';

// The site readers run here, in the background, not in the content scripts: the pages then carry
// only a few kilobytes of glue, and every reader's output is validated again before it is stored.

export interface SiteReading {
  activities: ActivityInput[];
  /** A page we expected to read gave nothing usable: shown in the popup. */
  problem: { page: string; reason: Problem } | null;
  /** What the content script needs next, given how many of `activities` were already stored. */
  reply(known: number): SiteNext;
  /** The runner's own activity list was read (the popup says when each site's last was). */
  list?: true;
}

const none = (reply: SiteNext = {}): SiteReading => ({
  activities: [],
  problem: null,
  reply: () => reply,
});

/**
 * Reads one site message and passes its activities through the checkpoint every stored activity
 * passes: absurd values (negative or planet-sized distances, starts in 2099, huge names) from a
 * page, or from any script on it, are refused and shown as a problem, never stored.
 */
export function readSiteData(data: SiteData, nowMs: number, timeZone: string, today: string): SiteReading {
  const reading = readSite(data, nowMs, timeZone, today);
  if (reading.activities.length === 0) return reading;
  const capped = reading.activities.slice(0, LIMITS.maxActivitiesPerSiteMessage);
  const { activities, refused } = admitActivities(capped, nowMs);
  const over = reading.activities.length - capped.length;
  if (refused.length === 0 && over === 0) return { ...reading, activities };
  // Refused items are a problem with the page, not a list read to its end.
  const why: Problem[] = [
    ...refused.map((r) => problem('site_implausible_activity', r.sourceId, r.reason)),
    ...(over > 0 ? [problem('site_too_many_activities', over, LIMITS.maxActivitiesPerSiteMessage)] : []),
  ];
  return {
    activities,
    problem: reading.problem ?? {
      page: PAGE_OF_KIND[data.kind],
      reason: problem('site_implausible', why.slice(0, 3)),
    },
    reply: reading.reply,
  };
}

const PAGE_OF_KIND: Record<SiteData['kind'], string> = {
  'strava-activity-snapshot': 'activity-page',
  'strava-activity-dom': 'activity-page',
  'strava-training-list': 'training',
  'garmin-response': 'activity',
};

type SiteReader = (data: SiteData, body: unknown, nowMs: number, timeZone: string, today: string) => SiteReading;

// One reader per kind of site data; a new kind without a reader fails to compile.
const READERS: Record<SiteData['kind'], SiteReader> = {
  'strava-activity-snapshot': (_data, body, _nowMs, timeZone) => {
    const r = readStravaActivityPage(body as StravaPageSnapshot, timeZone);
    if (r.kind === 'activity') return { activities: [r.activity], problem: null, reply: () => ({}) };
    if (r.kind === 'not-own') return none({ notOwn: true });
    return {
      activities: [],
      problem: { page: 'activity-page', reason: problem('site_strava_page', r.reason) },
      reply: () => ({}),
    };
  },
  'strava-activity-dom': (_data, body, _nowMs, timeZone) => {
    const r = readStravaActivityDom(body as StravaDomSnapshot, timeZone);
    if (r.kind === 'activity') return { activities: [r.activity], problem: null, reply: () => ({}) };
    if (r.kind === 'not-own') return none({ notOwn: true });
    // The content script's note on why the page's own data was not there.
    const why = (body as { why?: unknown } | null)?.why;
    return {
      activities: [],
      problem: {
        page: 'activity-page',
        reason:
          why === 'late' || why === 'no-page-view'
            ? problem(
                'site_strava_page_because',
                problem(why === 'late' ? 'strava_page_data_late' : 'strava_page_no_page_view'),
                r.reason,
              )
            : problem('site_strava_page', r.reason),
      },
      reply: () => ({}),
    };
  },
  'strava-training-list': (_data, body, nowMs, timeZone, today) => {
    const r = readStravaTrainingActivities(body, nowMs, timeZone);
    if (!r.ok)
      return {
        activities: [],
        problem: { page: 'training', reason: problem('site_strava_list', r.error) },
        reply: () => ({ nextUrl: null }),
      };
    return {
      activities: r.activities,
      problem: null,
      reply: (known) => ({ nextUrl: nextBackfillUrl(r, r.activities, known, today) }),
      list: true,
    };
  },
  'garmin-response': (data, body, nowMs) => {
    const r = readGarminResponse(data.url, body, nowMs);
    if (r === null) return none();
    const endpoint = garminEndpoint(data.url)?.kind;
    const list = endpoint === 'list' || endpoint === 'legacy-search';
    if (!r.ok) {
      return {
        activities: [],
        problem: {
          page: list ? 'activity-list' : 'activity',
          reason: problem('site_garmin', r.error),
        },
        reply: () => ({}),
      };
    }
    // Only the signed-in athlete as the site reports it (its socialProfile response) is believed;
    // until the content script has seen that, nothing is stored and the runner is told why.
    const viewerId = data.viewerId;
    if (viewerId === null)
      return {
        activities: [],
        problem: {
          page: list ? 'activity-list' : 'activity',
          reason: problem('site_garmin', problem('garmin_viewer_unknown')),
        },
        reply: () => ({ waiting: true }),
      };
    const own = r.activities.filter((a) => a.ownerId === viewerId);
    return {
      activities: own.map(({ ownerId: _, ...a }) => a),
      problem: null,
      reply: () => ({ viewerId }),
      ...(list ? { list: true as const } : {}),
    };
  },
};

function readSite(data: SiteData, nowMs: number, timeZone: string, today: string): SiteReading {
  const body = 'text' in data ? responseBody(data.text) : data.body;
  return READERS[data.kind](data, body, nowMs, timeZone, today);
}
