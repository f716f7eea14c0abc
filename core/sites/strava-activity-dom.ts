import type { ActivityInput } from '../activity';
import { localDateOf } from '../local-date';
import { normalizeSport } from '../sport';

// Fallback reader for a Strava activity page, https://www.strava.com/activities/{id}, used only
// when the page's `pageView` data is missing (a redesign). It reads the page as a person sees it
// and records the run only when everything it needs is there and unambiguous; otherwise the
// content script reports "couldn't read this page". Markup as on activity pages 2016-2026
// (title "Name | Sport | Strava", `.inline-stats` with `abbr.unit`, data-glossary-term labels,
// the owner's edit link). Dated note 2026-11: written against that markup as public extensions
// describe it; a localized date text alone is never parsed, only a machine-readable datetime.

export type StravaDomResult =
  | { kind: 'activity'; activity: ActivityInput }
  | { kind: 'not-own'; reason: string }
  | { kind: 'unreadable'; reason: string };

const UNIT_M: Record<string, number> = { km: 1000, kilometers: 1000, kilometres: 1000, mi: 1609.344, miles: 1609.344, m: 1, meters: 1, metres: 1 };

/** "1:02:03", "45:10" or "58s" to seconds; null for anything else. */
export function parseClock(text: string): number | null {
  const t = text.trim();
  let m = /^(\d+):([0-5]\d):([0-5]\d)$/.exec(t);
  if (m) return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  m = /^(\d+):([0-5]\d)$/.exec(t);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  m = /^(\d+)\s*s$/.exec(t);
  return m ? Number(m[1]) : null;
}

/** "12.5", "12,5" (comma decimal) or "1,234.5" to a number; null when ambiguous or not a number. */
export function parseLocaleNumber(text: string): number | null {
  const t = text.replace(/\s/g, '');
  if (/^\d+([.,]\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  return null;
}

function statValue(doc: Document, term: string): Element | null {
  const label = doc.querySelector(`[data-glossary-term="${term}"]`);
  // The value sits next to its label: <div class="label">…</div><strong>…</strong>, or the reverse.
  const li = label?.closest('li, div.stat, tr');
  return li?.querySelector('strong, .stat-text, td') ?? null;
}

export function readStravaActivityDom(doc: Document, activityId: string, timeZone: string): StravaDomResult {
  const signedIn = doc.querySelector('header a[href^="/athletes/"], nav a[href^="/athletes/"], #athlete-profile');
  if (!signedIn) return { kind: 'not-own', reason: 'nobody is signed in to Strava on this page' };
  if (!doc.querySelector(`a[href$="/activities/${activityId}/edit"]`)) return { kind: 'not-own', reason: 'no edit link: not your activity' };

  const parts = doc.title.split('|').map((s) => s.trim());
  if (parts.length < 3) return { kind: 'unreadable', reason: 'the page title does not name the sport' };
  const sportLabel = parts[parts.length - 2]!;

  const timeEl = doc.querySelector('.activity-summary time[datetime], time[datetime]');
  const dt = timeEl?.getAttribute('datetime') ?? '';
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(dt) || !Number.isFinite(Date.parse(dt))) {
    return { kind: 'unreadable', reason: 'no machine-readable start time on the page' };
  }
  const startMs = Date.parse(dt);
  // With an offset (or Z) the instant is exact; the date is where the run happened if an offset is given.
  const offset = /([+-]\d{2}):?(\d{2})$/.exec(dt);
  const localDate = offset ? dt.slice(0, 10) : localDateOf(startMs, timeZone);

  const distEl = statValue(doc, 'definition-distance') ?? doc.querySelector('.inline-stats li strong');
  let distanceM: number | null = null;
  if (distEl) {
    const unit = distEl.querySelector('abbr.unit');
    const unitKey = (unit?.getAttribute('title') ?? unit?.textContent ?? '').trim().toLowerCase();
    const factor = UNIT_M[unitKey];
    const value = parseLocaleNumber((distEl.firstChild?.textContent ?? '').trim());
    if (factor === undefined || value === null) return { kind: 'unreadable', reason: 'the distance could not be read' };
    distanceM = Math.round(value * factor * 10) / 10;
  }
  const moving = statValue(doc, 'definition-moving-time');
  const elapsed = statValue(doc, 'definition-elapsed-time');
  const movingS = moving ? parseClock(moving.textContent ?? '') : null;
  const elapsedS = elapsed ? parseClock(elapsed.textContent ?? '') : null;
  if (movingS === null && elapsedS === null) return { kind: 'unreadable', reason: 'no moving or elapsed time on the page' };

  return {
    kind: 'activity',
    activity: {
      source: 'strava', sourceId: activityId, startMs, localDate, sport: normalizeSport(sportLabel), sportLabel,
      distanceM, movingS, elapsedS, name: parts.slice(0, -2).join(' | '),
    },
  };
}
