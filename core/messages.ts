import { SPORTS, type ActivityInput, type Source, type Sport } from './activity';
import { checkActivityInput, checkOptionalNumber, LIMITS, type Check } from './activity-validation';
import { checkCheckIn, type CheckIn } from './check-in';
import { isLocalDate } from './local-date';

// Every message the background accepts, and who may send it. The background runs parseRequest
// on everything it receives; what fails is answered with an error and never touches storage.

export type Site = 'strava' | 'garmin';

export interface ReadProblem {
  site: Site;
  /** Which reader gave up, e.g. "activity-page". */
  page: string;
  url: string;
  reason: string;
}

/** Raw data a content script found on a site page; the background runs the site's reader on it. */
export type SiteDataKind =
  'strava-activity-snapshot' | 'strava-activity-dom' | 'strava-training-list' | 'garmin-response';

export const SITE_OF_KIND: Record<SiteDataKind, Site> = {
  'strava-activity-snapshot': 'strava',
  'strava-activity-dom': 'strava',
  'strava-training-list': 'strava',
  'garmin-response': 'garmin',
};

export interface SiteData {
  kind: SiteDataKind;
  /** The data's own URL: the request's for responses, the page's for snapshots. */
  url: string;
  status: number;
  body: unknown;
  /** Garmin: the signed-in athlete's profile id, when the page has told us. */
  viewerId: string | null;
}

/** A file the runner chose or dropped on a site's upload page, as base64. */
export interface UploadedFile {
  name: string;
  dataBase64: string;
}

export type ContentRequest =
  | { type: 'activities/seen'; activities: ActivityInput[] }
  | { type: 'upload/file'; file: UploadedFile }
  | { type: 'site/data'; data: SiteData }
  | { type: 'problem/report'; problem: ReadProblem };

export type PageRequest =
  | { type: 'state/get' }
  | { type: 'settings/update'; patch: Record<string, unknown> }
  | { type: 'activities/add'; activities: ActivityInput[] }
  /** One batch of a bulk import: saved like activities/add, the refresh throttled until imports/log. */
  | { type: 'import/save'; activities: ActivityInput[] }
  | { type: 'activities/delete'; keys: string[] }
  | { type: 'backup/export' }
  | { type: 'backup/import'; text: string }
  | { type: 'imports/log'; record: ImportLog }
  | { type: 'problems/clear' }
  | { type: 'rest/mark'; date: string; on: boolean }
  | { type: 'checkin/set'; checkIn: Omit<CheckIn, 'atMs'> }
  | { type: 'plan/answer'; runDaysPerWeek: number; usualRestDay: number | null }
  | { type: 'activities/list'; offset: number; limit: number }
  | { type: 'activities/update'; key: string; patch: ActivityPatch }
  | { type: 'data/delete-all'; confirm: 'delete everything' };

/** What the runner may correct by hand in the history table. */
export interface ActivityPatch {
  sport?: Sport;
  distanceM?: number | null;
  movingS?: number | null;
  name?: string;
}

export interface ImportLog {
  what: string;
  added: number;
  merged: number;
  unchanged: number;
  notActivities: number;
  refused: { item: string; reason: string }[];
}

export type Request = ContentRequest | PageRequest;

/** Uploads larger than this are not read (runners' files are a few MB; messages are capped at 64 MB). */
export const MAX_UPLOAD_BYTES = 40 * 1024 * 1024;

export type Sender = { kind: 'content'; site: Site } | { kind: 'page' } | { kind: 'unknown'; why: string };

export const MAX_ACTIVITIES_PER_MESSAGE = 5000;
export const MAX_BACKUP_CHARS = 200 * 1024 * 1024;

const SITE_HOSTS: Record<string, Site> = { 'www.strava.com': 'strava', 'connect.garmin.com': 'garmin' };

export interface RawSender {
  id?: string;
  url?: string;
  tab?: { url?: string };
}

/**
 * Who sent a message. Only our own extension can message the background at all, but a content
 * script runs inside a site's page, so it is trusted only for that site's own data.
 */
export function classifySender(sender: RawSender, extensionId: string, extensionOrigin: string): Sender {
  if (sender.id !== extensionId) return { kind: 'unknown', why: 'the message did not come from Hip Check' };
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) return { kind: 'page' };
  let host = '';
  try {
    host = new URL(url).host;
  } catch {
    return { kind: 'unknown', why: 'the sender has no address' };
  }
  const site = SITE_HOSTS[host];
  if (site && url.startsWith('https://')) return { kind: 'content', site };
  return { kind: 'unknown', why: `messages from ${host || 'this page'} are not accepted` };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkActivities(v: unknown, nowMs: number, allowed: readonly Source[]): Check<ActivityInput[]> {
  if (!Array.isArray(v)) return { ok: false, error: 'activities must be a list' };
  if (v.length > MAX_ACTIVITIES_PER_MESSAGE)
    return {
      ok: false,
      error: `too many activities in one message (${v.length}; at most ${MAX_ACTIVITIES_PER_MESSAGE})`,
    };
  const out: ActivityInput[] = [];
  for (let i = 0; i < v.length; i++) {
    const r = checkActivityInput(v[i], nowMs);
    if (!r.ok) return { ok: false, error: `activity ${i + 1}: ${r.error}` };
    if (!allowed.includes(r.value.source))
      return { ok: false, error: `activity ${i + 1}: source "${r.value.source}" may not be sent from here` };
    out.push(r.value);
  }
  return { ok: true, value: out };
}

export function parseRequest(raw: unknown, sender: Sender, nowMs: number): Check<Request> {
  if (sender.kind === 'unknown') return { ok: false, error: `Refused: ${sender.why}.` };
  if (!isObj(raw) || typeof raw.type !== 'string')
    return { ok: false, error: 'Refused: a message must be an object with a type.' };

  if (sender.kind === 'content') {
    switch (raw.type) {
      case 'activities/seen': {
        // A Strava page may only report Strava activities; it can't pose as a file or a manual entry.
        const r = checkActivities(raw.activities, nowMs, [sender.site]);
        return r.ok
          ? { ok: true, value: { type: 'activities/seen', activities: r.value } }
          : { ok: false, error: `Refused: ${r.error}.` };
      }
      case 'site/data': {
        const d = raw.data;
        if (!isObj(d) || typeof d.kind !== 'string' || !Object.hasOwn(SITE_OF_KIND, d.kind))
          return { ok: false, error: 'Refused: site data of an unknown kind.' };
        const kind = d.kind as SiteDataKind;
        if (SITE_OF_KIND[kind] !== sender.site)
          return { ok: false, error: `Refused: ${kind} data may only come from ${SITE_OF_KIND[kind]}.` };
        if (
          typeof d.url !== 'string' ||
          !d.url.startsWith(sender.site === 'strava' ? 'https://www.strava.com/' : 'https://connect.garmin.com/')
        ) {
          return { ok: false, error: 'Refused: site data must name its own page or request on that site.' };
        }
        if (typeof d.status !== 'number' || !Number.isInteger(d.status))
          return { ok: false, error: 'Refused: site data needs an HTTP status.' };
        const viewerId = typeof d.viewerId === 'string' && /^\d{1,20}$/.test(d.viewerId) ? d.viewerId : null;
        return {
          ok: true,
          value: {
            type: 'site/data',
            data: { kind, url: d.url.slice(0, 2000), status: d.status, body: d.body, viewerId },
          },
        };
      }
      case 'upload/file': {
        const f = raw.file;
        if (!isObj(f) || typeof f.name !== 'string' || typeof f.dataBase64 !== 'string')
          return { ok: false, error: 'Refused: an upload needs a file name and its data.' };
        if (f.dataBase64.length > Math.ceil(MAX_UPLOAD_BYTES / 3) * 4)
          return {
            ok: false,
            error: `Refused: ${f.name.slice(0, 100)} is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
          };
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(f.dataBase64))
          return { ok: false, error: 'Refused: the upload is not base64 data.' };
        return {
          ok: true,
          value: { type: 'upload/file', file: { name: f.name.slice(0, 300), dataBase64: f.dataBase64 } },
        };
      }
      case 'problem/report': {
        const p = raw.problem;
        if (
          !isObj(p) ||
          p.site !== sender.site ||
          typeof p.page !== 'string' ||
          typeof p.url !== 'string' ||
          typeof p.reason !== 'string'
        ) {
          return { ok: false, error: 'Refused: a problem report needs site, page, url and reason.' };
        }
        const clip = (s: string) => s.slice(0, 500);
        return {
          ok: true,
          value: {
            type: 'problem/report',
            problem: { site: sender.site, page: clip(p.page), url: clip(p.url), reason: clip(p.reason) },
          },
        };
      }
      default:
        return { ok: false, error: `Refused: "${raw.type.slice(0, 50)}" is not accepted from a web page.` };
    }
  }

  switch (raw.type) {
    case 'state/get':
    case 'backup/export':
    case 'problems/clear':
      return { ok: true, value: { type: raw.type } };
    case 'settings/update':
      if (!isObj(raw.patch)) return { ok: false, error: 'Refused: settings/update needs a patch object.' };
      return { ok: true, value: { type: 'settings/update', patch: raw.patch } };
    case 'activities/add':
    case 'import/save': {
      const r = checkActivities(raw.activities, nowMs, ['file', 'manual', 'strava', 'garmin']);
      return r.ok
        ? { ok: true, value: { type: raw.type, activities: r.value } }
        : { ok: false, error: `Refused: ${r.error}.` };
    }
    case 'rest/mark':
      if (!isLocalDate(raw.date) || typeof raw.on !== 'boolean')
        return { ok: false, error: 'Refused: rest/mark needs a date (YYYY-MM-DD) and on (true or false).' };
      return { ok: true, value: { type: 'rest/mark', date: raw.date, on: raw.on } };
    case 'checkin/set': {
      const r = checkCheckIn(raw.checkIn);
      if (!r.ok) return { ok: false, error: `Refused: ${r.error}` };
      // A day's answer is given that day (a day's slack either side for time-zone travel).
      if (Math.abs(Date.parse(r.value.date) - nowMs) > 2 * 86_400_000)
        return { ok: false, error: 'Refused: a hip check-in can only be given for today.' };
      const { date, pain, nightOrRest, groinWalking } = r.value;
      return { ok: true, value: { type: 'checkin/set', checkIn: { date, pain, nightOrRest, groinWalking } } };
    }
    case 'plan/answer': {
      const days = raw.runDaysPerWeek;
      const rest = raw.usualRestDay;
      if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 7)
        return { ok: false, error: 'Refused: days a week you run must be a whole number from 1 to 7.' };
      if (rest !== null && (typeof rest !== 'number' || !Number.isInteger(rest) || rest < 0 || rest > 6))
        return { ok: false, error: 'Refused: the usual rest day must be 0 (Sunday) to 6 (Saturday), or none.' };
      return { ok: true, value: { type: 'plan/answer', runDaysPerWeek: days, usualRestDay: rest } };
    }
    case 'activities/list': {
      const int = (v: unknown, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
      if (!int(raw.offset, 10_000_000) || !int(raw.limit, 1000))
        return { ok: false, error: 'Refused: activities/list needs offset and limit (at most 1000).' };
      return { ok: true, value: { type: 'activities/list', offset: raw.offset as number, limit: raw.limit as number } };
    }
    case 'activities/update': {
      if (typeof raw.key !== 'string' || !isObj(raw.patch))
        return { ok: false, error: 'Refused: activities/update needs a key and a patch.' };
      const p = raw.patch;
      const patch: ActivityPatch = {};
      for (const k of Object.keys(p))
        if (!['sport', 'distanceM', 'movingS', 'name'].includes(k))
          return { ok: false, error: `Refused: "${k.slice(0, 40)}" cannot be edited.` };
      if ('sport' in p) {
        if (typeof p.sport !== 'string' || !(SPORTS as readonly string[]).includes(p.sport))
          return { ok: false, error: `Refused: sport must be one of ${SPORTS.join(', ')}.` };
        patch.sport = p.sport as Sport;
      }
      if ('distanceM' in p) {
        const e = checkOptionalNumber(p.distanceM, 'distance', LIMITS.maxDistanceM, 'm');
        if (e) return { ok: false, error: `Refused: ${e}.` };
        patch.distanceM = p.distanceM as number | null;
      }
      if ('movingS' in p) {
        const e = checkOptionalNumber(p.movingS, 'moving time', LIMITS.maxDurationS, 's');
        if (e) return { ok: false, error: `Refused: ${e}.` };
        patch.movingS = p.movingS as number | null;
      }
      if ('name' in p) {
        if (typeof p.name !== 'string' || p.name.length > LIMITS.maxNameLength)
          return { ok: false, error: `Refused: the name must be text of at most ${LIMITS.maxNameLength} characters.` };
        patch.name = p.name;
      }
      return { ok: true, value: { type: 'activities/update', key: raw.key, patch } };
    }
    case 'data/delete-all':
      if (raw.confirm !== 'delete everything')
        return { ok: false, error: 'Refused: deleting all data needs the confirmation "delete everything".' };
      return { ok: true, value: { type: 'data/delete-all', confirm: 'delete everything' } };
    case 'activities/delete':
      if (!Array.isArray(raw.keys) || raw.keys.some((k) => typeof k !== 'string'))
        return { ok: false, error: 'Refused: activities/delete needs a list of keys.' };
      return { ok: true, value: { type: 'activities/delete', keys: raw.keys as string[] } };
    case 'imports/log': {
      const r = raw.record;
      const count = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
      if (
        !isObj(r) ||
        typeof r.what !== 'string' ||
        !count(r.added) ||
        !count(r.merged) ||
        !count(r.unchanged) ||
        !count(r.notActivities) ||
        !Array.isArray(r.refused)
      ) {
        return {
          ok: false,
          error: 'Refused: an import log needs what, added, merged, unchanged, notActivities and refused.',
        };
      }
      const refused = (r.refused as unknown[])
        .slice(0, 1000)
        .flatMap((x) =>
          isObj(x) && typeof x.item === 'string' && typeof x.reason === 'string'
            ? [{ item: x.item.slice(0, 300), reason: x.reason.slice(0, 500) }]
            : [],
        );
      return {
        ok: true,
        value: {
          type: 'imports/log',
          record: {
            what: r.what.slice(0, 300),
            added: r.added as number,
            merged: r.merged as number,
            unchanged: r.unchanged as number,
            notActivities: r.notActivities as number,
            refused,
          },
        },
      };
    }
    case 'backup/import':
      if (typeof raw.text !== 'string') return { ok: false, error: 'Refused: backup/import needs the file text.' };
      if (raw.text.length > MAX_BACKUP_CHARS)
        return { ok: false, error: 'Refused: the backup file is larger than 200 MB.' };
      return { ok: true, value: { type: 'backup/import', text: raw.text } };
    default:
      return { ok: false, error: `Refused: unknown message type "${raw.type.slice(0, 50)}".` };
  }
}
