import type { Activity, Source, Sport } from '../../../../core/activity';
import { addDays, dayNumber, localDateOf } from '../../../../core/local-date';
import { DEFAULT_SETTINGS, PRESET_VALUES, type Preset, type Settings } from '../../../../core/settings';

// Test helpers that let a test read like a runner's training diary.

let seq = 0;

export interface ActOptions {
  km?: number | null;
  sport?: Sport;
  /** Local start hour (UTC is used as the local zone unless startMs is given). */
  hour?: number;
  startMs?: number;
  source?: Source;
  id?: string;
  /** Moving pace, seconds per km (default 330: 5:30 a km). */
  secPerKm?: number;
}

/** One activity on a local date. Default: an 8 km run at 07:00. */
export function act(localDate: string, o: ActOptions = {}): Activity {
  const source = o.source ?? 'strava';
  const id = o.id ?? String(++seq);
  const key = `${source}:${id}`;
  const km = o.km === undefined ? 8 : o.km;
  const startMs = o.startMs ?? dayNumber(localDate) * 86_400_000 + (o.hour ?? 7) * 3_600_000;
  return {
    key,
    sources: [{ source, id }],
    sourceKeys: [key],
    startMs,
    localDate,
    sport: o.sport ?? 'run',
    sportLabel: o.sport ?? 'run',
    distanceM: km === null ? null : km * 1000,
    movingS: km === null ? 1800 : km * (o.secPerKm ?? 330),
    elapsedS: km === null ? 1900 : km * ((o.secPerKm ?? 330) + 10),
    name: 'Test',
    updatedMs: 0,
  };
}

const CODES: Record<string, Sport | null> = {
  R: 'run',
  T: 'treadmill_run',
  L: 'trail_run',
  V: 'virtual_run',
  W: 'walk',
  H: 'hike',
  C: 'ride',
  S: 'swim',
  G: 'strength',
  O: 'other',
  '-': null,
};

/**
 * A diary, one letter a day, the last letter being `lastDay`: R run, T treadmill, L trail, V virtual
 * run, W walk, H hike, C cycling, S swim, G strength (gym), O other (yoga), - nothing at all.
 * Spaces are ignored ("RRRRRR- R"). Runs are `km` long.
 */
export function diary(lastDay: string, pattern: string, km = 8): Activity[] {
  const days = pattern.replace(/\s+/g, '');
  const out: Activity[] = [];
  for (let i = 0; i < days.length; i++) {
    const ch = days[i]!;
    if (!(ch in CODES)) throw new Error(`Unknown diary letter ${ch}`);
    const sport = CODES[ch];
    if (!sport) continue;
    const date = addDays(lastDay, -(days.length - 1 - i));
    out.push(act(date, { sport, km: sport === 'strength' || sport === 'other' ? null : km }));
  }
  return out;
}

/**
 * The defaults, with the fixed limits these tests are written with (5 running days in a row, 7
 * days without a full rest day), so they read the same whatever the default preset becomes.
 */
export function settings(over: Partial<Settings> = {}): Settings {
  return {
    ...DEFAULT_SETTINGS,
    runningLoadSports: [...DEFAULT_SETTINGS.runningLoadSports],
    preset: 'custom',
    maxRunDaysInRow: 5,
    maxDaysWithoutFullRest: 7,
    ...over,
  };
}

export function preset(p: Preset, over: Partial<Settings> = {}): Settings {
  return settings({ preset: p, ...PRESET_VALUES[p], ...over });
}

// --- Time zones, for DST and travel --------------------------------------------------------------

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset at an instant, ms. */
export function offsetMs(ms: number, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant of a local wall-clock time in a zone (a time skipped by DST lands an hour off, same date). */
export function instantOf(date: string, hour: number, minute: number, timeZone: string): number {
  const wall = dayNumber(date) * 86_400_000 + hour * 3_600_000 + minute * 60_000;
  let ms = wall - offsetMs(wall, timeZone);
  ms = wall - offsetMs(ms, timeZone);
  return ms;
}

/** A run that started at a local time where it happened, dated as an importer dates it. */
export function runAt(
  date: string,
  hour: number,
  minute: number,
  timeZone: string,
  km = 8,
  o: Omit<ActOptions, 'km' | 'hour' | 'startMs'> = {},
): Activity {
  const startMs = instantOf(date, hour, minute, timeZone);
  return act(localDateOf(startMs, timeZone), { ...o, startMs, km });
}
