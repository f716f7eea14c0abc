import { isObj } from './guards';
import { LIST_STOPS, type ListStop } from './catch-up';
import { MAX_PIECES, PIECE_CHARS, TRANSFER_ID_RE } from './backup-pieces';
import { SPORTS, type ActivityInput, type Source, type Sport } from './activity';
import { asProblem, problem, type Problem } from './problem-codes';
import { checkActivityInput, checkOptionalNumber, LIMITS, type Check } from './activity-validation';
import { checkCheckInAnswer, type CheckInAnswer } from './check-in';
import { FORM_ID_RE, isHandEntryId, type HandEntry, type RunWhen } from './hand-entry';
import { dayNumber, isLocalDate } from './local-date';
import { checkDay, latestToday } from './plausibility';
import { GARMIN_HOST } from './sites/garmin/garmin-site';
import { STRAVA_HOST } from './sites/strava/strava-site';
import { SITE_ORIGINS } from './sites/site-routes';
import { MAX_RESPONSE_CHARS } from './site-response';

// Every message the background accepts, and who may send it. The background runs parseRequest
// on everything it receives; what fails is answered with an error and never touches storage.

export type Site = 'strava' | 'garmin';

export interface ReadProblem {
  site: Site;
  /** Which reader gave up, e.g. "activity-page". */
  page: string;
  url: string;
  reason: Problem;
}

/** A site problem as kept for the popup (English reasons of older versions read back as stored_text). */
export interface StoredProblem extends ReadProblem {
  atMs: number;
}

/** What a content script put together from a site page, as an object. */
export type SiteSnapshotKind = 'strava-activity-snapshot' | 'strava-activity-dom';
/** A response the page's own request received, passed on as its text (core/site-response.ts). */
export type SiteResponseKind = 'strava-training-list' | 'garmin-response';
/** Raw data a content script found on a site page; the background runs the site's reader on it. */
export type SiteDataKind = SiteSnapshotKind | SiteResponseKind;

export const SITE_OF_KIND: Record<SiteDataKind, Site> = {
  'strava-activity-snapshot': 'strava',
  'strava-activity-dom': 'strava',
  'strava-training-list': 'strava',
  'garmin-response': 'garmin',
};

/** Which kinds come as text; a new kind must say. */
const IS_RESPONSE: Record<SiteDataKind, boolean> = {
  'strava-activity-snapshot': false,
  'strava-activity-dom': false,
  'strava-training-list': true,
  'garmin-response': true,
};

interface SiteDataOf<K extends SiteDataKind> {
  kind: K;
  /** The data's own URL: the request's for responses, the page's for snapshots. */
  url: string;
  status: number;
  /** Garmin: the signed-in athlete's profile id, when the page has told us. */
  viewerId: string | null;
}

export interface SiteSnapshot extends SiteDataOf<SiteSnapshotKind> {
  body: unknown;
}

export interface SiteResponse extends SiteDataOf<SiteResponseKind> {
  /** At most MAX_RESPONSE_CHARS; parsed by the background. */
  text: string;
}

export type SiteData = SiteSnapshot | SiteResponse;

/** A file the runner chose or dropped on a site's upload page, as base64. */
export interface UploadedFile {
  name: string;
  dataBase64: string;
}

export type ContentRequest =
  | { type: 'upload/file'; file: UploadedFile }
  | { type: 'site/data'; data: SiteData }
  | { type: 'problem/report'; problem: ReadProblem }
  /** A site's activity list was read to its end, or stopped (core/catch-up.ts). */
  | { type: 'site/list-end'; stop: ListStop };

export type PageRequest =
  | { type: 'state/get' }
  /** The options page's six-week pain trend. */
  | { type: 'pain/trend' }
  | { type: 'settings/update'; patch: Record<string, unknown> }
  | { type: 'activities/add'; activities: ActivityInput[] }
  /** "I ran today" from the popup's form; sent again by a double click, stored once. */
  | { type: 'manual/add'; entry: HandEntry }
  /** The popup's "Undo" of a run typed by hand: takes back that entry alone (its source id). */
  | { type: 'manual/undo'; id: string }
  /** One batch of a bulk import: saved like activities/add, the refresh throttled until imports/log. */
  | { type: 'import/save'; activities: ActivityInput[] }
  | { type: 'activities/delete'; keys: string[] }
  /** "Undo" of a deletion: `undo` is the token its reply gave (background/deletion-undo.ts). */
  | { type: 'activities/undelete'; undo: string }
  /** A backup's first piece and how many there are (core/backup-pieces.ts); `export` names the rest. */
  | { type: 'backup/export' }
  | { type: 'backup/export-part'; export: string; index: number }
  /** One piece of a backup larger than a message, in order; `backup/import` then restores them. */
  | { type: 'backup/part'; upload: string; index: number; text: string }
  | { type: 'backup/import'; text: string }
  | { type: 'backup/import'; upload: string; pieces: number }
  /** Whether a restore runs now, and when the last one was interrupted (and rolled back). */
  | { type: 'restore/status' }
  | { type: 'imports/log'; record: ImportLog }
  | { type: 'problems/clear' }
  | { type: 'rest/mark'; date: string; on: boolean }
  | { type: 'checkin/set'; checkIn: CheckInAnswer }
  | { type: 'plan/answer'; runDaysPerWeek: number; usualRestDay: number | null }
  | { type: 'activities/list'; offset: number; limit: number }
  | { type: 'activities/update'; key: string; patch: ActivityPatch }
  | { type: 'data/delete-all'; confirm: 'delete everything' }
  /** Read the runner's Strava and Garmin Connect lists now ("button"), or if due ("popup", automatic). */
  | { type: 'catchup/start'; trigger: 'button' | 'popup' };

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
  refused: { item: string; reason: Problem }[];
}

export type Request = ContentRequest | PageRequest;

import { MAX_UPLOAD_BYTES } from './upload-limit';
export { MAX_UPLOAD_BYTES };

/** `tabId`: the content script's tab, when the browser names it (catch-up tabs are known by it). */
export type Sender =
  { kind: 'content'; site: Site; tabId?: number } | { kind: 'page' } | { kind: 'unknown'; why: Problem };

export const MAX_ACTIVITIES_PER_MESSAGE = 5000;
export const MAX_BACKUP_CHARS = 200 * 1024 * 1024;

const SITE_HOSTS: Record<string, Site> = { [STRAVA_HOST]: 'strava', [GARMIN_HOST]: 'garmin' };

export interface RawSender {
  id?: string;
  url?: string;
  tab?: { url?: string; id?: number };
}

/**
 * Who sent a message. Only our own extension can message the background at all, but a content
 * script runs inside a site's page, so it is trusted only for that site's own data.
 */
export function classifySender(sender: RawSender, extensionId: string, extensionOrigin: string): Sender {
  if (sender.id !== extensionId) return { kind: 'unknown', why: problem('request_foreign_sender') };
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) return { kind: 'page' };
  let host = '';
  try {
    host = new URL(url).host;
  } catch {
    return { kind: 'unknown', why: problem('request_no_sender_address') };
  }
  const site = SITE_HOSTS[host];
  const tabId = sender.tab?.id;
  if (site && url.startsWith('https://'))
    return Number.isInteger(tabId) && tabId! >= 0 ? { kind: 'content', site, tabId } : { kind: 'content', site };
  return { kind: 'unknown', why: problem('request_sender_not_accepted', host) };
}

function checkActivities(v: unknown, nowMs: number, allowed: readonly Source[]): Check<ActivityInput[]> {
  if (!Array.isArray(v)) return { ok: false, error: problem('request_activities_not_list') };
  if (v.length > MAX_ACTIVITIES_PER_MESSAGE)
    return { ok: false, error: problem('request_too_many_activities', v.length, MAX_ACTIVITIES_PER_MESSAGE) };
  const out: ActivityInput[] = [];
  for (let i = 0; i < v.length; i++) {
    const r = checkActivityInput(v[i], nowMs);
    if (!r.ok) return { ok: false, error: problem('request_in_activity', i + 1, r.error) };
    if (!allowed.includes(r.value.source))
      return { ok: false, error: problem('request_source_not_allowed', i + 1, r.value.source) };
    out.push(r.value);
  }
  return { ok: true, value: out };
}

const pieceIndex = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_PIECES;

const refused = (p: Problem): { ok: false; error: Problem } => ({ ok: false, error: problem('request_refused', p) });

export function parseRequest(raw: unknown, sender: Sender, nowMs: number): Check<Request> {
  if (sender.kind === 'unknown') return refused(sender.why);
  if (!isObj(raw) || typeof raw.type !== 'string') return refused(problem('request_malformed'));

  if (sender.kind === 'content') {
    switch (raw.type) {
      case 'site/data': {
        const d = raw.data;
        if (!isObj(d) || typeof d.kind !== 'string' || !Object.hasOwn(SITE_OF_KIND, d.kind))
          return refused(problem('request_site_data_kind'));
        const kind = d.kind as SiteDataKind;
        if (SITE_OF_KIND[kind] !== sender.site)
          return refused(problem('request_site_data_wrong_site', kind, SITE_OF_KIND[kind]));
        if (typeof d.url !== 'string' || !d.url.startsWith(`${SITE_ORIGINS[sender.site]}/`)) {
          return refused(problem('request_site_data_url'));
        }
        if (typeof d.status !== 'number' || !Number.isInteger(d.status))
          return refused(problem('request_site_data_status'));
        const viewerId = typeof d.viewerId === 'string' && /^\d{1,20}$/.test(d.viewerId) ? d.viewerId : null;
        const head = { url: d.url.slice(0, 2000), status: d.status, viewerId };
        if (!IS_RESPONSE[kind])
          return {
            ok: true,
            value: { type: 'site/data', data: { kind: kind as SiteSnapshotKind, ...head, body: d.body } },
          };
        // Refused before anything parses it: a page script can post anything of any size.
        if (typeof d.text !== 'string') return refused(problem('request_site_data_text'));
        if (d.text.length > MAX_RESPONSE_CHARS)
          return refused(problem('request_site_data_too_large', MAX_RESPONSE_CHARS / 1_000_000));
        return {
          ok: true,
          value: { type: 'site/data', data: { kind: kind as SiteResponseKind, ...head, text: d.text } },
        };
      }
      case 'upload/file': {
        const f = raw.file;
        if (!isObj(f) || typeof f.name !== 'string' || typeof f.dataBase64 !== 'string')
          return refused(problem('request_upload_fields'));
        if (f.dataBase64.length > Math.ceil(MAX_UPLOAD_BYTES / 3) * 4)
          return refused(problem('request_upload_too_large', f.name.slice(0, 100), MAX_UPLOAD_BYTES / 1024 / 1024));
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(f.dataBase64)) return refused(problem('request_upload_not_base64'));
        return {
          ok: true,
          value: { type: 'upload/file', file: { name: f.name.slice(0, 300), dataBase64: f.dataBase64 } },
        };
      }
      case 'problem/report': {
        // A content script's own finding about its page; the reason must be a known code.
        const p = raw.problem;
        const reason = isObj(p) ? asProblem(p.reason) : null;
        if (!isObj(p) || p.site !== sender.site || typeof p.page !== 'string' || typeof p.url !== 'string' || !reason)
          return refused(problem('request_problem_report'));
        const clip = (s: string) => s.slice(0, 500);
        return {
          ok: true,
          value: {
            type: 'problem/report',
            problem: { site: sender.site, page: clip(p.page), url: clip(p.url), reason },
          },
        };
      }
      case 'site/list-end':
        if (typeof raw.stop !== 'string' || !(LIST_STOPS as readonly string[]).includes(raw.stop))
          return refused(problem('request_malformed'));
        return { ok: true, value: { type: 'site/list-end', stop: raw.stop as ListStop } };
      default:
        return refused(problem('request_not_from_page', raw.type.slice(0, 50)));
    }
  }

  switch (raw.type) {
    case 'state/get':
    case 'pain/trend':
    case 'backup/export':
    case 'restore/status':
    case 'problems/clear':
      return { ok: true, value: { type: raw.type } };
    case 'catchup/start':
      if (raw.trigger !== 'button' && raw.trigger !== 'popup') return refused(problem('request_malformed'));
      return { ok: true, value: { type: 'catchup/start', trigger: raw.trigger } };
    case 'settings/update':
      if (!isObj(raw.patch)) return refused(problem('request_settings_patch'));
      return { ok: true, value: { type: 'settings/update', patch: raw.patch } };
    case 'activities/add':
    case 'import/save': {
      const r = checkActivities(raw.activities, nowMs, ['file', 'manual', 'strava', 'garmin']);
      return r.ok ? { ok: true, value: { type: raw.type, activities: r.value } } : refused(r.error);
    }
    case 'manual/add': {
      const e = raw.entry;
      if (!isObj(e) || typeof e.formId !== 'string' || !FORM_ID_RE.test(e.formId) || typeof e.another !== 'boolean')
        return refused(problem('request_hand_entry'));
      const w = e.when;
      let when: RunWhen;
      if (isObj(w) && (w.kind === 'morning' || w.kind === 'now')) when = { kind: w.kind };
      else if (isObj(w) && w.kind === 'at' && typeof w.time === 'string')
        when = { kind: 'at', time: w.time.slice(0, 8) };
      else return refused(problem('request_hand_entry'));
      const bad =
        checkOptionalNumber(e.distanceM, problem('field_distance'), LIMITS.maxDistanceM) ??
        checkOptionalNumber(e.movingS, problem('field_moving_time'), LIMITS.maxDurationS);
      if (bad) return refused(bad);
      const entry: HandEntry = {
        formId: e.formId,
        another: e.another,
        when,
        distanceM: e.distanceM as number | null,
        movingS: e.movingS as number | null,
      };
      return { ok: true, value: { type: 'manual/add', entry } };
    }
    case 'manual/undo':
      if (typeof raw.id !== 'string' || !isHandEntryId(raw.id)) return refused(problem('request_hand_entry_undo'));
      return { ok: true, value: { type: 'manual/undo', id: raw.id } };
    case 'rest/mark':
      if (!isLocalDate(raw.date) || typeof raw.on !== 'boolean') return refused(problem('request_rest_mark'));
      // Taking a mark back is always allowed: it may undo one that came in before the dates were checked.
      if (raw.on) {
        const dayErr = checkDay(raw.date, latestToday(nowMs));
        if (dayErr) return refused(problem('request_rest_mark_day', dayErr));
      }
      return { ok: true, value: { type: 'rest/mark', date: raw.date, on: raw.on } };
    case 'checkin/set': {
      const r = checkCheckInAnswer(raw.checkIn, latestToday(nowMs));
      if (!r.ok) return refused(problem('request_checkin_invalid', r.error));
      // A day's answer is given that day (a day's slack either side for time-zone travel).
      if (Math.abs(dayNumber(r.value.date) * 86_400_000 - nowMs) > 2 * 86_400_000)
        return refused(problem('request_checkin_not_today'));
      return { ok: true, value: { type: 'checkin/set', checkIn: r.value } };
    }
    case 'plan/answer': {
      const days = raw.runDaysPerWeek;
      const rest = raw.usualRestDay;
      if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 7)
        return refused(problem('request_plan_days'));
      if (rest !== null && (typeof rest !== 'number' || !Number.isInteger(rest) || rest < 0 || rest > 6))
        return refused(problem('request_plan_rest_day'));
      return { ok: true, value: { type: 'plan/answer', runDaysPerWeek: days, usualRestDay: rest } };
    }
    case 'activities/list': {
      const int = (v: unknown, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
      if (!int(raw.offset, 10_000_000) || !int(raw.limit, 1000)) return refused(problem('request_list_range'));
      return { ok: true, value: { type: 'activities/list', offset: raw.offset as number, limit: raw.limit as number } };
    }
    case 'activities/update': {
      if (typeof raw.key !== 'string' || !isObj(raw.patch)) return refused(problem('request_update_fields'));
      const p = raw.patch;
      const patch: ActivityPatch = {};
      for (const k of Object.keys(p))
        if (!['sport', 'distanceM', 'movingS', 'name'].includes(k))
          return refused(problem('request_field_not_editable', k.slice(0, 40)));
      if ('sport' in p) {
        if (typeof p.sport !== 'string' || !(SPORTS as readonly string[]).includes(p.sport))
          return refused(problem('request_sport_unknown'));
        patch.sport = p.sport as Sport;
      }
      if ('distanceM' in p) {
        const e = checkOptionalNumber(p.distanceM, problem('field_distance'), LIMITS.maxDistanceM);
        if (e) return refused(e);
        patch.distanceM = p.distanceM as number | null;
      }
      if ('movingS' in p) {
        const e = checkOptionalNumber(p.movingS, problem('field_moving_time'), LIMITS.maxDurationS);
        if (e) return refused(e);
        patch.movingS = p.movingS as number | null;
      }
      if ('name' in p) {
        if (typeof p.name !== 'string' || p.name.length > LIMITS.maxNameLength)
          return refused(problem('request_name_too_long', LIMITS.maxNameLength));
        patch.name = p.name;
      }
      return { ok: true, value: { type: 'activities/update', key: raw.key, patch } };
    }
    case 'data/delete-all':
      if (raw.confirm !== 'delete everything') return refused(problem('request_delete_all_confirm'));
      return { ok: true, value: { type: 'data/delete-all', confirm: 'delete everything' } };
    case 'activities/delete':
      if (!Array.isArray(raw.keys) || raw.keys.some((k) => typeof k !== 'string'))
        return refused(problem('request_delete_keys'));
      return { ok: true, value: { type: 'activities/delete', keys: raw.keys as string[] } };
    case 'activities/undelete':
      if (typeof raw.undo !== 'string' || !/^[a-z0-9-]{1,40}$/.test(raw.undo))
        return refused(problem('request_malformed'));
      return { ok: true, value: { type: 'activities/undelete', undo: raw.undo } };
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
        return refused(problem('request_import_log'));
      }
      const refusedItems = (r.refused as unknown[]).slice(0, 1000).flatMap((x) => {
        const reason = isObj(x) ? asProblem(x.reason) : null;
        return isObj(x) && typeof x.item === 'string' && reason ? [{ item: x.item.slice(0, 300), reason }] : [];
      });
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
            refused: refusedItems,
          },
        },
      };
    }
    case 'backup/export-part':
      if (typeof raw.export !== 'string' || !TRANSFER_ID_RE.test(raw.export) || !pieceIndex(raw.index))
        return refused(problem('request_backup_piece'));
      return { ok: true, value: { type: 'backup/export-part', export: raw.export, index: raw.index as number } };
    case 'backup/part':
      if (typeof raw.upload !== 'string' || !TRANSFER_ID_RE.test(raw.upload) || !pieceIndex(raw.index))
        return refused(problem('request_backup_piece'));
      if (typeof raw.text !== 'string') return refused(problem('request_backup_text'));
      if (raw.text.length > PIECE_CHARS) return refused(problem('request_backup_piece'));
      return {
        ok: true,
        value: { type: 'backup/part', upload: raw.upload, index: raw.index as number, text: raw.text },
      };
    case 'backup/import':
      if (typeof raw.upload === 'string') {
        if (!TRANSFER_ID_RE.test(raw.upload) || !pieceIndex(raw.pieces) || raw.pieces === 0)
          return refused(problem('request_backup_piece'));
        return { ok: true, value: { type: 'backup/import', upload: raw.upload, pieces: raw.pieces as number } };
      }
      if (typeof raw.text !== 'string') return refused(problem('request_backup_text'));
      if (raw.text.length > MAX_BACKUP_CHARS)
        return refused(problem('request_backup_too_large', MAX_BACKUP_CHARS / 1024 / 1024));
      return { ok: true, value: { type: 'backup/import', text: raw.text } };
    default:
      return refused(problem('request_unknown_type', raw.type.slice(0, 50)));
  }
}
