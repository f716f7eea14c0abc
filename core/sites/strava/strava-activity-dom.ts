import type { ActivityInput } from '../../activity';
import { problem, type Problem } from '../../problem-codes';
import { dateOfWallClock, localDateOf } from '../../local-date';
import { parseIsoTime, wallClockToUtc } from '../../time';
import { parseClock, parseLocaleNumber } from '../../text-numbers';
import { normalizeSport } from '../../sport';

// Fallback reader for a Strava activity page, https://www.strava.com/activities/{id}, used only
// when the page's `pageView` data is missing (a redesign). It reads the page as a person sees it
// and records the run only when everything it needs is there and unambiguous; otherwise the
// content script reports "couldn't read this page". Markup as on activity pages 2016-2026
// (title "Name | Sport | Strava", `.inline-stats` with `abbr.unit`, data-glossary-term labels,
// the owner's link and edit link inside the summary). Dated note 2026-11: written against that markup as public extensions
// describe it; a localized date text alone is never parsed, only a machine-readable datetime.

export type StravaDomResult =
  | { kind: 'activity'; activity: ActivityInput }
  | { kind: 'not-own'; reason: Problem }
  | { kind: 'unreadable'; reason: Problem };

const UNIT_M: Partial<Record<string, number>> = {
  km: 1000,
  kilometers: 1000,
  kilometres: 1000,
  mi: 1609.344,
  miles: 1609.344,
  m: 1,
  meters: 1,
  metres: 1,
};

function statValue(root: ParentNode, term: string): Element | null {
  const label = root.querySelector(`[data-glossary-term="${term}"]`);
  // The value sits next to its label: <div class="label">…</div><strong>…</strong>, or the reverse.
  const li = label?.closest('li, div.stat, tr');
  return li?.querySelector('strong, .stat-text, td') ?? null;
}

/** The athlete id in a link to /athletes/{id}, or null. */
function athleteIdIn(root: ParentNode | null, selector: string): string | null {
  const href = root?.querySelector(selector)?.getAttribute('href') ?? '';
  return /^\/athletes\/(\d{1,20})\/?$/.exec(href)?.[1] ?? null;
}

/** The page's text as shown, copied out in the content script; parsed in the background. */
export interface StravaDomSnapshot {
  activityId: string;
  /** The signed-in athlete, as the site's own header links to their profile. */
  viewerAthleteId: string | null;
  /** The activity's athlete, as its own summary links to them. */
  ownerAthleteId: string | null;
  /** The activity's own summary was found; nothing outside it is read. */
  hasSummary: boolean;
  /** An edit link for this activity inside its summary. */
  hasEditLink: boolean;
  title: string;
  datetime: string | null;
  distanceText: string | null;
  distanceUnit: string | null;
  movingText: string | null;
  elapsedText: string | null;
}

export function snapshotStravaActivityDom(doc: Document, activityId: string): StravaDomSnapshot {
  // Only the activity's own summary is read: a time, link or number elsewhere on the page
  // (a feed, a comment, a friend's activity in the sidebar) says nothing about this run.
  const root = doc.querySelector('.activity-summary, #heading');
  const distEl = root
    ? (statValue(root, 'definition-distance') ?? root.querySelector('.inline-stats li strong'))
    : null;
  const unit = distEl?.querySelector('abbr.unit');
  return {
    activityId,
    viewerAthleteId: athleteIdIn(doc, 'header a[href^="/athletes/"], nav a[href^="/athletes/"]'),
    ownerAthleteId: athleteIdIn(root, 'a[href^="/athletes/"]'),
    hasSummary: root !== null,
    hasEditLink: !!root?.querySelector(`a[href$="/activities/${activityId}/edit"]`),
    title: doc.title,
    datetime: root?.querySelector('time[datetime]')?.getAttribute('datetime') ?? null,
    distanceText: distEl ? (distEl.firstChild?.textContent ?? '').trim() : null,
    distanceUnit: unit ? (unit.getAttribute('title') ?? unit.textContent ?? '').trim() : null,
    movingText: root ? (statValue(root, 'definition-moving-time')?.textContent ?? null) : null,
    elapsedText: root ? (statValue(root, 'definition-elapsed-time')?.textContent ?? null) : null,
  };
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function readStravaActivityDom(input: StravaDomSnapshot, timeZone: string): StravaDomResult {
  const s = (typeof input === 'object' && input !== null ? input : {}) as Partial<
    Record<keyof StravaDomSnapshot, unknown>
  >;
  const activityId = str(s.activityId) ?? '';
  if (!/^\d+$/.test(activityId)) return { kind: 'unreadable', reason: problem('strava_page_no_id') };
  if (s.hasSummary !== true) return { kind: 'unreadable', reason: problem('strava_dom_no_summary') };
  // Whose run it is, as the site itself shows it; when unsure, it is not recorded.
  const viewer = str(s.viewerAthleteId);
  const owner = str(s.ownerAthleteId);
  if (viewer === null) return { kind: 'not-own', reason: problem('strava_page_signed_out') };
  if (owner === null || owner !== viewer || s.hasEditLink !== true)
    return { kind: 'not-own', reason: problem('strava_dom_not_owner') };

  const parts = (str(s.title) ?? '').split('|').map((x) => x.trim());
  if (parts.length < 3) return { kind: 'unreadable', reason: problem('strava_dom_no_sport') };
  const sportLabel = parts[parts.length - 2]!;

  const dt = str(s.datetime) ?? '';
  const t = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(dt) ? parseIsoTime(dt) : null;
  if (!t) return { kind: 'unreadable', reason: problem('strava_dom_no_start') };
  // A time without zone is the runner's wall clock; with an offset, the wall clock where the run
  // happened gives the date; with "Z", the runner's zone does.
  const startMs = t.zoned ? t.ms : wallClockToUtc(t.wallMs, timeZone);
  const utc = t.zoned && /z\s*$/i.test(dt);
  const localDate = utc ? localDateOf(startMs, timeZone) : dateOfWallClock(t.wallMs);

  let distanceM: number | null = null;
  const distanceText = str(s.distanceText);
  if (distanceText !== null) {
    const factor = UNIT_M[(str(s.distanceUnit) ?? '').toLowerCase()];
    const value = parseLocaleNumber(distanceText);
    if (factor === undefined || value === null)
      return { kind: 'unreadable', reason: problem('strava_dom_no_distance') };
    distanceM = Math.round(value * factor * 10) / 10;
  }
  const movingS = parseClock(str(s.movingText) ?? '');
  const elapsedS = parseClock(str(s.elapsedText) ?? '');
  if (movingS === null && elapsedS === null) return { kind: 'unreadable', reason: problem('strava_dom_no_time') };

  return {
    kind: 'activity',
    activity: {
      source: 'strava',
      sourceId: activityId,
      startMs,
      localDate,
      sport: normalizeSport(sportLabel),
      sportLabel,
      distanceM,
      movingS,
      elapsedS,
      name: parts.slice(0, -2).join(' | '),
    },
  };
}
