import type { Activity } from './activity';
import type { CatchUpRun, SiteReads } from './catch-up';
import type { CheckIn, PainMoment } from './check-in';
import type { DayKind } from './engine/calendar-summary';
import type { PainTrend } from './engine/pain-trend';
import type { ChartWeek } from './engine/weekly-chart';
import type { LastRunRead } from './last-run-read';
import type { Verdict } from './engine/verdict';
import type { Request, StoredProblem } from './messages';
import type { Problem } from './problem-codes';
import type { RestoreChanges } from './restore-changes';
import type { Settings, SettingsError } from './settings';

// One map from each message type to its reply, so the router, ask() and the content scripts
// agree at compile time (compare WXT's defineExtensionMessaging<ProtocolMap>). The requests are
// the union in messages.ts, whose parseRequest still validates everything at run time.

/** What saving activities did. */
export interface SaveOutcome {
  added: number;
  /** Duplicates of a stored activity from another source: one run, one more source id. */
  merged: number;
  /** Seen again from the same source with new values (the runner edited it on the site). */
  updated: number;
  unchanged: number;
  /** Inputs whose source id was already stored before this save (a backfill stops at the first). */
  known: number;
  /** Keys of the records written or confirmed, in input order. */
  keys: string[];
  /** Inputs that failed the plausibility checkpoint, or a backup's ids another record holds. */
  refused: { item: string; reason: Problem }[];
}

/** One import as the popup's "last import" line shows it. */
export interface ImportRecord {
  id?: number;
  atMs: number;
  /** What was imported: a file name, "backup", or a site reader. */
  what: string;
  added: number;
  merged: number;
  unchanged: number;
  /** Since version 2's first release: files that were not activities (FIT settings...). */
  notActivities?: number;
  /** Older records' English reasons are read back as stored_text problems (core/problem-codes.ts). */
  refused: { item: string; reason: Problem }[];
}

export interface PopupState {
  today: string;
  timeZone: string;
  settings: Settings;
  verdict: Verdict;
  /** The latest few activities, newest first. */
  recent: Activity[];
  /** The last 14 days, oldest first, with rest marks and hip pain. */
  strip: { date: string; kind: DayKind; marked: boolean; pain: number | null }[];
  /** Running distance and runs of rolling 7-day blocks ending today (as the ramp rule counts), oldest first. */
  weeks: ChartWeek[];
  /** This calendar week so far (the runner's first day of the week up to today): running distance. */
  calendarWeek: { start: string; metres: number };
  /** The latest run read from a site or a file, for the "Last run read" line. */
  lastRunRead: LastRunRead | null;
  totalCount: number;
  problems: StoredProblem[];
  lastImport: ImportRecord | null;
  /** Days the runner marked "I rested today", within the popup's weeks. */
  restMarks: string[];
  /** Today already has a recorded run (whatever the marks say): "I ran today" becomes "add another run". */
  runRecordedToday: boolean;
  /** Hip check-ins of the last six weeks, oldest first. */
  checkIns: CheckIn[];
  /** A pain answered now would be the morning one (before noon and today's run) or a later one. */
  checkInMoment: PainMoment;
  /** When each site's activity list was last read, by a visit or a catch-up. */
  siteReads: SiteReads;
  /** The catch-up running now, or the last one of this browser session. */
  catchUp: CatchUpRun | null;
  /** Neither site's list was read today and no run is recorded today: today's run may be missing. */
  catchUpStale: boolean;
}

/** What a content script needs next from a site message (which page to fetch, who is signed in). */
export interface SiteNext {
  notOwn?: true;
  nextUrl?: string | null;
  waiting?: true;
  viewerId?: string;
}

export type SiteDataReply = Partial<SaveOutcome> & { added: number; known: number; problem?: Problem } & SiteNext;

export interface ProtocolMap {
  'site/data': SiteDataReply;
  'upload/file': SaveOutcome & { notActivities: number };
  'problem/report': object;
  'state/get': PopupState;
  /** Six weeks of pain answers with the runs and spikes beneath them (core/engine/pain-trend.ts). */
  'pain/trend': PainTrend & { today: string };
  'settings/update': { settings: Settings };
  'activities/add': SaveOutcome;
  /** `id`: the run's source id, for "Undo". */
  'manual/add': SaveOutcome & { id: string };
  'manual/undo': { withdrawn: boolean };
  'import/save': SaveOutcome;
  /** `undo`: a token for activities/undelete, for a while (null when nothing was deleted). */
  'activities/delete': { deleted: number; undo: string | null };
  /** `restored`: 0 when the deletion can no longer be undone. */
  'activities/undelete': { restored: number };
  /**
   * `text`: the backup's first piece; with `pieces` > 1 the page asks for the others by `export`
   * (backup/export-part) and joins them: a backup may be larger than one message.
   */
  'backup/export': { fileName: string; text: string; pieces: number; export: string; count: number; damaged: number };
  'backup/export-part': { text: string };
  /** `chars`: the characters of this upload held so far. */
  'backup/part': { chars: number };
  /** `changes`: what the restore changed (activities, settings, check-ins), for the runner to read. */
  'backup/import': SaveOutcome & { duplicates: number; changes: RestoreChanges };
  'restore/status': { running: boolean; interruptedMs: number | null };
  'imports/log': object;
  'problems/clear': object;
  'rest/mark': { restMarks: string[] };
  'checkin/set': { checkIn: CheckIn };
  'plan/answer': { settings: Settings };
  'activities/list': { activities: Activity[]; total: number };
  'activities/update': { activity: Activity };
  /** `otherBrowsers`: run sync was on, so the runs are deleted in the runner's other browsers too. */
  'data/delete-all': { otherBrowsers: boolean };
  'site/list-end': object;
  /** `started`: false when one already runs or, for "popup", none is due; `run`: the current or last. */
  'catchup/start': { started: boolean; run: CatchUpRun | null };
}

export type MessageType = Request['type'];
export type RequestOf<K extends MessageType> = Extract<Request, { type: K }>;

/** A refusal: always a code with parameters, worded by the page (components/problem-text.ts). */
export interface Failure {
  ok: false;
  error: Problem;
  errors?: SettingsError[];
}

export type ReplyOf<K extends MessageType> = { ok: true } & ProtocolMap[K];
export type AnswerOf<K extends MessageType> = ReplyOf<K> | Failure;
/** Any reply the background sends. */
export type Answer = AnswerOf<MessageType>;

// Every request type has a reply and nothing else: a new message without one fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const PROTOCOL_COMPLETE: Same<MessageType, keyof ProtocolMap> = true;
