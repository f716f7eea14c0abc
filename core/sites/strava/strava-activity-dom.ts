import type { ActivityInput } from '../../activity';
import { problem, type Problem } from '../../problem-codes';
import { localDateOf } from '../../local-date';
import { parseClock, parseLocaleNumber } from '../../text-numbers';
import { normalizeSport } from '../../sport';

// Fallback reader for a Strava activity page, https://www.strava.com/activities/{id}, used only
// when the page's `pageView` data is missing (a redesign). It reads the page as a person sees it
// and records the run only when everything it needs is there and unambiguous; otherwise the
// content script reports "couldn't read this page". Markup as on activity pages 2016-2026
// (title "Name | Sport | Strava", `.inline-stats` with `abbr.unit`, data-glossary-term labels,
// the owner's edit link). Dated note 2026-11: written against that markup as public extensions
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

function statValue(doc: Document, term: string): Element | null {
  const label = doc.querySelector(`[data-glossary-term="${term}"]`);
  // The value sits next to its label: <div class="label">…</div><strong>…</strong>, or the reverse.
  const li = label?.closest('li, div.stat, tr');
  return li?.querySelector('strong, .stat-text, td') ?? null;
}

/** The page's text as shown, copied out in the content script; parsed in the background. */
export interface StravaDomSnapshot {
  activityId: string;
  signedIn: boolean;
  hasEditLink: boolean;
  title: string;
  datetime: string | null;
  distanceText: string | null;
  distanceUnit: string | null;
  movingText: string | null;
  elapsedText: string | null;
}

export function snapshotStravaActivityDom(doc: Document, activityId: string): StravaDomSnapshot {
  const distEl = statValue(doc, 'definition-distance') ?? doc.querySelector('.inline-stats li strong');
  const unit = distEl?.querySelector('abbr.unit');
  return {
    activityId,
    signedIn: !!doc.querySelector('header a[href^="/athletes/"], nav a[href^="/athletes/"], #athlete-profile'),
    hasEditLink: !!doc.querySelector(`a[href$="/activities/${activityId}/edit"]`),
    title: doc.title,
    datetime: doc.querySelector('.activity-summary time[datetime], time[datetime]')?.getAttribute('datetime') ?? null,
    distanceText: distEl ? (distEl.firstChild?.textContent ?? '').trim() : null,
    distanceUnit: unit ? (unit.getAttribute('title') ?? unit.textContent ?? '').trim() : null,
    movingText: statValue(doc, 'definition-moving-time')?.textContent ?? null,
    elapsedText: statValue(doc, 'definition-elapsed-time')?.textContent ?? null,
  };
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function readStravaActivityDom(input: StravaDomSnapshot, timeZone: string): StravaDomResult {
  const s = (typeof input === 'object' && input !== null ? input : {}) as Partial<
    Record<keyof StravaDomSnapshot, unknown>
  >;
  const activityId = str(s.activityId) ?? '';
  if (!/^\d+$/.test(activityId)) return { kind: 'unreadable', reason: problem('strava_page_no_id') };
  if (s.signedIn !== true) return { kind: 'not-own', reason: problem('strava_page_signed_out') };
  if (s.hasEditLink !== true) return { kind: 'not-own', reason: problem('strava_dom_no_edit_link') };

  const parts = (str(s.title) ?? '').split('|').map((x) => x.trim());
  if (parts.length < 3) return { kind: 'unreadable', reason: problem('strava_dom_no_sport') };
  const sportLabel = parts[parts.length - 2]!;

  const dt = str(s.datetime) ?? '';
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(dt) || !Number.isFinite(Date.parse(dt))) {
    return { kind: 'unreadable', reason: problem('strava_dom_no_start') };
  }
  const startMs = Date.parse(dt);
  // With an offset the wall clock is where the run happened; without one, the runner's zone decides.
  const offset = /([+-]\d{2}):?(\d{2})$/.test(dt);
  const localDate = offset ? dt.slice(0, 10) : localDateOf(startMs, timeZone);

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
