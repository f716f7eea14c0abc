import type { Page } from '@playwright/test';
import { daysAgo, startOn } from './fixture-dates';

export { daysAgo };

export interface SeedActivity {
  source: 'strava';
  sourceId: string;
  startMs: number;
  localDate: string;
  sport: string;
  sportLabel: string;
  distanceM: number | null;
  movingS: number | null;
  elapsedS: number | null;
  name: string;
}

/** A Strava run `daysBack` days ago at local `hour` (today's: earlier today if that hour is still to come). */
export function runOn(daysBack: number, km: number, id: string, hour = 7, sport = 'run'): SeedActivity {
  const { startMs, localDate } = startOn(daysBack, hour);
  return {
    source: 'strava',
    sourceId: id,
    startMs,
    localDate,
    sport,
    sportLabel: sport === 'run' ? 'Run' : 'Ride',
    distanceM: km * 1000,
    movingS: Math.round(km * 330),
    elapsedS: Math.round(km * 340),
    name: `Run ${id}`,
  };
}

/** Sends one message to the background from one of the extension's pages, as the pages do. */
export function sendFrom(extensionPage: Page, message: unknown): Promise<{ ok: boolean; error?: string }> {
  return extensionPage.evaluate(
    (m) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } };
        }
      ).chrome.runtime.sendMessage(m),
    message,
  );
}

/** Stores activities through the extension's own messages, from one of its pages. */
export async function seed(extensionPage: Page, activities: SeedActivity[]): Promise<void> {
  for (let i = 0; i < activities.length; i += 5000) {
    const r = await sendFrom(extensionPage, { type: 'activities/add', activities: activities.slice(i, i + 5000) });
    if (!r.ok) throw new Error(`seeding failed: ${JSON.stringify(r.error)}`);
  }
}

/**
 * Eight weeks of a runner who runs five days a week (two rest days, a long run every 7th day,
 * today included), rides now and then, and ran today at 07:12 (earlier today, before then).
 */
export function realisticHistory(): SeedActivity[] {
  const out: SeedActivity[] = [];
  for (let d = 55; d >= 0; d--) {
    const dayOfWeek = d % 7;
    if (dayOfWeek === 2 || dayOfWeek === 5) {
      if (d % 14 === 5) out.push({ ...runOn(d, 25, `ride${d}`, 17, 'ride'), name: 'Evening Ride' });
      continue;
    }
    const long = dayOfWeek === 0;
    const km = long ? 14 + Math.floor((55 - d) / 14) : 7 + (d % 3);
    const run = runOn(d, km, `run${d}`, d === 0 ? 7.2 : long ? 8 : 7);
    out.push({ ...run, name: long ? 'Long Run' : d % 2 ? 'Lunch Run' : 'Morning Run' });
  }
  return out;
}

/** The local date (this machine's zone, the browser's) of an instant. */
export function localDateAt(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * A start `agoMs` before now, but on today's local date (a minute after midnight at the
 * earliest): a run of today at any hour, never in the future.
 */
export function earlierToday(agoMs: number, now = Date.now()): number {
  const first = new Date(now);
  first.setHours(0, 1, 0, 0);
  return Math.min(now, Math.max(first.getTime(), now - agoMs));
}

/** An activity of any source that started at `startMs` (dated where this machine is). */
export function activityAt(
  startMs: number,
  km: number,
  source: 'strava' | 'garmin' | 'file',
  id: string,
  sport = 'run',
): SeedActivity {
  return {
    ...runOn(0, km, id, 0, sport),
    source: source as 'strava',
    startMs,
    localDate: localDateAt(startMs),
    sportLabel: sport,
  };
}
