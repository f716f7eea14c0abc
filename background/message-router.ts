import { sourceKey, type Activity } from '../core/activity';
import { answerMoment, applyAnswer } from '../core/check-in';
import { handEntryInput } from '../core/hand-entry';
import { problem, problemOf } from '../core/problem-codes';
import { localDateOf } from '../core/local-date';
import { checkDay } from '../core/plausibility';
import { painTrend, trendActivitiesFrom, trendFrom } from '../core/engine/pain-trend';
import { backupFileName, makeBackup, parseBackup } from '../core/backup-format';
import { READING_PAUSED_PAGE } from '../core/site-message-rate';
import { parseRequest, type Sender, type Site } from '../core/messages';
import type { Answer, AnswerOf, MessageType, ReplyOf, RequestOf, SaveOutcome } from '../core/protocol';
import { planSettingsPatch } from '../core/plan-preset';
import type { Settings, SettingsError } from '../core/settings';
import type { ActivityStore } from './activity-store';
import type { CheckInStore } from './check-in-store';
import type { StoredProblem } from './read-problems';
import type { PopupState } from '../core/protocol';
import { readSiteData, type SiteReading } from './site-data';
import type { CatchUp } from './catch-up';
import { readUpload } from './upload-reader';
import type { BackupTransfers } from './backup-transfer';
import { letReadsIn } from './let-reads-in';
import type { RestoreJournal } from './restore-journal';
import { stagedRestore, type StagedRestoreDeps } from './staged-restore';

/** Any reply of the protocol (core/protocol.ts). */
export type Response = Answer;

/** Everything the router needs from the browser, passed in so tests can run it on fakes. */
export interface RouterDeps {
  store: ActivityStore;
  now(): number;
  /** The runner's IANA time zone. */
  timeZone(): string;
  loadSettings(): Promise<Settings>;
  updateSettings(patch: unknown): Promise<{ ok: true; value: Settings } | { ok: false; errors: SettingsError[] }>;
  saveSettings(settings: Settings): Promise<void>;
  listProblems(): Promise<StoredProblem[]>;
  addProblem(p: StoredProblem): Promise<void>;
  /** True if any problem went. */
  clearProblems(site?: 'strava' | 'garmin', page?: string): Promise<boolean>;
  setRestMark(date: string, on: boolean): Promise<string[]>;
  listRestMarks(): Promise<string[]>;
  /** Adds a backup's rest marks to the stored ones. */
  restoreRestMarks(dates: readonly string[]): Promise<void>;
  clearRestMarks(): Promise<void>;
  checkIns: CheckInStore;
  /** Whether run sync is on: deletions then reach the runner's other browsers. */
  syncOn(): Promise<boolean>;
  /**
   * Where the popup's state reads runs and check-ins: the stores, or with run sync on the stores
   * merged with the other browsers' (background/sync/run-sync.ts). The pain trend reads the same.
   */
  history(): Promise<{ activities: Pick<ActivityStore, 'between'>; checkIns: Pick<CheckInStore, 'between'> }>;
  /** What the popup shows; recomputed from the store on each request. */
  popupState(): Promise<PopupState>;
  /**
   * Called before a request that may change stored data is handled: what the popup last showed
   * may no longer hold (its copy is dropped first, so a worker stopped mid-change leaves none).
   */
  beforeChange(): Promise<void>;
  /** The undo journal of restores (background/restore-journal.ts). */
  journal: RestoreJournal;
  /** A restore's runs win over older deletions left for sync (background/sync/reassert-restored.ts). */
  reassert: StagedRestoreDeps['reassert'];
  /** Tests only: where a restore stops, as a stopped worker would. */
  restoreCheckpoint?: StagedRestoreDeps['checkpoint'];
  /** Backups larger than one message, held while they travel. */
  transfers: BackupTransfers;
  /** Called after anything that changes what the badge or popup would show. */
  dataChanged(): Promise<void>;
  /**
   * Before a bulk import's batch: the popup's stored copy goes, but the state in memory keeps
   * answering the popup (refreshed by dataChangedSoon) instead of waiting for the import's writes.
   */
  beforeBatchChange(): Promise<void>;
  /** The same, throttled: for the batches of a bulk import, whose end calls dataChanged. */
  dataChangedSoon(): void;
  /** Catching up from the sites' lists in background tabs (background/catch-up.ts). */
  catchUp: Pick<CatchUp, 'start' | 'tabRead' | 'listEnded'>;
  /** A site's activity list was read: the popup says how fresh the history is. */
  noteSiteRead(site: Site, atMs: number): Promise<void>;
  /** Deleted runs kept a while for "Undo" (background/deletion-undo.ts). */
  keepForUndo(records: Activity[], nowMs: number): Promise<string | null>;
  takeForUndo(token: string, nowMs: number): Promise<Activity[] | null>;
}

/**
 * Runs of a bulk import's message saved per transaction: the popup's reads wait for one slice,
 * not for 1,000 runs (over a second on a busy machine, bench:restore).
 */
const IMPORT_SLICE = 250;

/** Requests that only read; any other may change what the popup shows (a new type does, by default). */
const READS: ReadonlySet<MessageType> = new Set<MessageType>([
  'state/get',
  'pain/trend',
  'activities/list',
  'backup/export',
  'backup/export-part',
  // Pieces are held, not stored: the popup's copy stays until the restore itself.
  'backup/part',
  'restore/status',
]);

/**
 * Requests that call beforeChange themselves: a restore at its commit point. Until then the
 * popup is answered with the state before the restore, which a rollback keeps true.
 */
const CHANGES_LATER: ReadonlySet<MessageType> = new Set<MessageType>(['backup/import']);

export async function handleMessage(raw: unknown, sender: Sender, deps: RouterDeps): Promise<Response> {
  const parsed = parseRequest(raw, sender, deps.now());
  if (!parsed.ok) return { ok: false, error: parsed.error };
  try {
    const type = parsed.value.type;
    if (type === 'import/save') await deps.beforeBatchChange();
    else if (!READS.has(type) && !CHANGES_LATER.has(type)) await deps.beforeChange();
    return await route(parsed.value, sender, deps);
  } catch (e) {
    return { ok: false, error: problemOf(e) };
  }
}

/** Stores what a site message held, or notes why it held nothing usable. */
async function storeReading(
  reading: SiteReading,
  url: string,
  site: Site,
  now: number,
  deps: RouterDeps,
): Promise<ReplyOf<'site/data'>> {
  if (reading.problem) {
    await deps.addProblem({ site, page: reading.problem.page, url, reason: reading.problem.reason, atMs: now });
    await deps.dataChanged();
    return { ok: true, added: 0, known: 0, problem: reading.problem.reason, ...reading.reply(0) };
  }
  if (reading.activities.length === 0) return { ok: true, added: 0, known: 0, ...reading.reply(0) };
  const outcome = await deps.store.save(reading.activities, now);
  await deps.clearProblems(site);
  await deps.dataChanged();
  return { ok: true, ...outcome, ...reading.reply(outcome.known) };
}

type Handler<K extends MessageType> = (req: RequestOf<K>, sender: Sender, deps: RouterDeps) => Promise<AnswerOf<K>>;

// One handler per message type; the map's type makes each reply match its message's.
const handlers: { [K in MessageType]: Handler<K> } = {
  'site/data': async (req, sender, deps) => {
    if (sender.kind !== 'content')
      return { ok: false, error: problem('request_refused', problem('request_site_only')) };
    const now = deps.now();
    if (await deps.clearProblems(sender.site, READING_PAUSED_PAGE)) await deps.dataChanged();
    const reading = readSiteData(req.data, now, deps.timeZone(), localDateOf(now, deps.timeZone()));
    const answer = await storeReading(reading, req.data.url, sender.site, now, deps);
    if (reading.list) await deps.noteSiteRead(sender.site, now);
    await deps.catchUp.tabRead(sender.tabId, sender.site, {
      list: reading.list === true,
      added: answer.added,
      problem: reading.problem !== null,
      waiting: answer.waiting === true,
    });
    return answer;
  },
  'site/list-end': async (req, sender, deps) => {
    if (sender.kind !== 'content')
      return { ok: false, error: problem('request_refused', problem('request_site_only')) };
    await deps.catchUp.listEnded(sender.tabId, sender.site, req.stop);
    return { ok: true };
  },
  'catchup/start': async (req, sender, deps) => {
    const r = await deps.catchUp.start(req.trigger);
    return { ok: true, ...r };
  },
  'upload/file': async (req, sender, deps) => {
    if (sender.kind !== 'content')
      return { ok: false, error: problem('request_refused', problem('request_site_only')) };
    const now = deps.now();
    await deps.clearProblems(sender.site, READING_PAUSED_PAGE);
    const plan = await readUpload(req.file, now, deps.timeZone());
    const outcome = plan.activities.length
      ? await deps.store.save(plan.activities, now)
      : { added: 0, merged: 0, updated: 0, unchanged: 0, known: 0, keys: [], refused: [] };
    await deps.store.logImport({
      atMs: now,
      what: `${sender.site === 'strava' ? 'Strava' : 'Garmin Connect'} upload: ${req.file.name}`,
      added: outcome.added,
      merged: outcome.merged,
      unchanged: outcome.unchanged + outcome.updated,
      notActivities: plan.notActivities,
      refused: [...plan.refused, ...outcome.refused],
    });
    await deps.dataChanged();
    return {
      ok: true,
      ...outcome,
      notActivities: plan.notActivities,
      refused: [...plan.refused, ...outcome.refused],
    };
  },
  'imports/log': async (req, sender, deps) => {
    await deps.store.logImport({ atMs: deps.now(), ...req.record });
    await deps.dataChanged();
    return { ok: true };
  },
  'activities/add': async (req, sender, deps) => {
    const outcome = await deps.store.save(req.activities, deps.now());
    await deps.dataChanged();
    return { ok: true, ...outcome };
  },
  'manual/add': async (req, sender, deps) => {
    const now = deps.now();
    const input = handEntryInput(req.entry, now, deps.timeZone());
    if (!input.ok) return { ok: false, error: input.error };
    // The form's id is the run's source id: a second message of the same form finds it stored.
    const outcome = await deps.store.save([input.value], now);
    const why = outcome.refused[0];
    if (why) return { ok: false, error: why.reason };
    await deps.dataChanged();
    return { ok: true, ...outcome, id: input.value.sourceId };
  },
  'manual/undo': async (req, sender, deps) => {
    const withdrawn = await deps.store.withdraw(sourceKey('manual', req.id), deps.now());
    await deps.dataChanged();
    return { ok: true, withdrawn };
  },
  'import/save': async (req, sender, deps) => {
    const now = deps.now();
    const outcome: SaveOutcome = { added: 0, merged: 0, updated: 0, unchanged: 0, known: 0, keys: [], refused: [] };
    for (let i = 0; i < req.activities.length; i += IMPORT_SLICE) {
      if (i > 0) await letReadsIn();
      const o = await deps.store.save(req.activities.slice(i, i + IMPORT_SLICE), now);
      for (const k of ['added', 'merged', 'updated', 'unchanged', 'known'] as const) outcome[k] += o[k];
      outcome.keys.push(...o.keys);
      outcome.refused.push(...o.refused);
    }
    deps.dataChangedSoon();
    return { ok: true, ...outcome };
  },
  'activities/delete': async (req, sender, deps) => {
    const records = await deps.store.get(req.keys);
    const deleted = await deps.store.delete(req.keys);
    const undo = await deps.keepForUndo(records, deps.now());
    await deps.dataChanged();
    return { ok: true, deleted, undo };
  },
  'activities/undelete': async (req, sender, deps) => {
    const now = deps.now();
    const records = await deps.takeForUndo(req.undo, now);
    if (!records) return { ok: true, restored: 0 };
    // As a restore: the records come back as they were, and win over the deletion noted for sync.
    const outcome = await deps.store.restore(records, now);
    await deps.reassert(outcome.keys, now);
    await deps.dataChanged();
    return { ok: true, restored: outcome.added + outcome.merged + outcome.updated + outcome.unchanged };
  },
  'problem/report': async (req, sender, deps) => {
    await deps.addProblem({ ...req.problem, atMs: deps.now() });
    await deps.dataChanged();
    return { ok: true };
  },
  'activities/list': async (req, sender, deps) => {
    const [activities, total] = await Promise.all([deps.store.page(req.offset, req.limit), deps.store.count()]);
    return { ok: true, activities, total };
  },
  'activities/update': async (req, sender, deps) => {
    const a = await deps.store.update(req.key, req.patch, deps.now());
    if (!a) return { ok: false, error: problem('activity_gone') };
    if ('code' in a) return { ok: false, error: a };
    await deps.dataChanged();
    return { ok: true, activity: a };
  },
  'data/delete-all': async (req, sender, deps) => {
    // Read first: the deletion records that reach the other browsers are written only with sync on.
    const otherBrowsers = await deps.syncOn();
    await deps.store.clear();
    await deps.clearProblems();
    await deps.clearRestMarks();
    await deps.checkIns.clear();
    await deps.dataChanged();
    return { ok: true, otherBrowsers };
  },
  'rest/mark': async (req, sender, deps) => {
    // The runner's own today: the message check only knew the latest date anywhere on earth.
    const dayErr = req.on ? checkDay(req.date, localDateOf(deps.now(), deps.timeZone())) : null;
    if (dayErr) return { ok: false, error: problem('request_rest_mark_day', dayErr) };
    const marks = await deps.setRestMark(req.date, req.on);
    await deps.dataChanged();
    return { ok: true, restMarks: marks };
  },
  'checkin/set': async (req, sender, deps) => {
    const now = deps.now();
    const date = req.checkIn.date;
    const [stored, today] = await Promise.all([deps.checkIns.get(date), deps.store.between(date, date)]);
    const moment = answerMoment(
      now,
      deps.timeZone(),
      today.map((a) => a.startMs),
    );
    const r = applyAnswer(stored, req.checkIn, now, moment);
    if (!r.ok) return { ok: false, error: problem('request_checkin_invalid', r.error) };
    await deps.checkIns.set(r.value);
    await deps.dataChanged();
    return { ok: true, checkIn: r.value };
  },
  'plan/answer': async (req, sender, deps) => {
    const r = await deps.updateSettings(planSettingsPatch(req.runDaysPerWeek, req.usualRestDay));
    if (!r.ok) return { ok: false, error: r.errors[0]!.problem, errors: r.errors };
    await deps.dataChanged();
    return { ok: true, settings: r.value };
  },
  'problems/clear': async (req, sender, deps) => {
    await deps.clearProblems();
    await deps.dataChanged();
    return { ok: true };
  },
  'state/get': async (req, sender, deps) => {
    return { ok: true, ...(await deps.popupState()) };
  },
  'pain/trend': async (req, sender, deps) => {
    const today = localDateOf(deps.now(), deps.timeZone());
    const [settings, history] = await Promise.all([deps.loadSettings(), deps.history()]);
    const [activities, checkIns] = await Promise.all([
      history.activities.between(trendActivitiesFrom(today, settings), today),
      history.checkIns.between(trendFrom(today), today),
    ]);
    return { ok: true, today, ...painTrend(today, checkIns, activities, settings) };
  },
  'settings/update': async (req, sender, deps) => {
    const r = await deps.updateSettings(req.patch);
    if (!r.ok) return { ok: false, error: r.errors[0]!.problem, errors: r.errors };
    await deps.dataChanged();
    return { ok: true, settings: r.value };
  },
  'backup/export': async (req, sender, deps) => {
    const now = deps.now();
    const { activities, damaged } = await deps.store.exportable(now);
    const backup = makeBackup(
      activities,
      await deps.loadSettings(),
      now,
      await deps.listRestMarks(),
      await deps.checkIns.all(),
    );
    const id = `export-${now}-${Math.random().toString(36).slice(2, 10)}`;
    const pieces = deps.transfers.keepExport(id, JSON.stringify(backup, null, 1), now);
    return {
      ok: true,
      fileName: backupFileName(now, deps.timeZone()),
      text: pieces[0]!,
      pieces: pieces.length,
      export: id,
      count: activities.length,
      damaged,
    };
  },
  'backup/export-part': async (req, sender, deps) => {
    const r = deps.transfers.exportPiece(req.export, req.index);
    return r.ok ? { ok: true, text: r.text } : r;
  },
  'backup/part': async (req, sender, deps) => {
    const r = deps.transfers.addPiece(req.upload, req.index, req.text);
    return r.ok ? { ok: true, chars: r.chars } : r;
  },
  'restore/status': async (req, sender, deps) => {
    const [current, interruptedMs] = await Promise.all([deps.journal.current(), deps.journal.interrupted()]);
    return { ok: true, running: current !== undefined, interruptedMs };
  },
  'backup/import': async (req, sender, deps) => {
    const now = deps.now();
    const text =
      'upload' in req ? deps.transfers.takeUpload(req.upload, req.pieces) : { ok: true as const, text: req.text };
    if (!text.ok) return text;
    // Checked whole first (refused whole); then stored all or nothing (background/staged-restore.ts).
    const parsed = parseBackup(text.text, now, await deps.loadSettings());
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const r = await stagedRestore(parsed, now, restoreDepsOf(deps));
    if (!r.ok) return r;
    await deps.dataChanged();
    return { ok: true, ...r.outcome, refused: r.refused, duplicates: parsed.duplicates.length, changes: r.changes };
  },
};

/** What a restore needs of the router's dependencies; the background's start-up recovery too. */
export function restoreDepsOf(deps: RouterDeps): StagedRestoreDeps {
  return {
    store: deps.store,
    journal: deps.journal,
    checkIns: deps.checkIns,
    loadSettings: deps.loadSettings,
    saveSettings: deps.saveSettings,
    listRestMarks: deps.listRestMarks,
    restoreRestMarks: deps.restoreRestMarks,
    reassert: deps.reassert,
    checkpoint: deps.restoreCheckpoint,
    // The stored copy goes; the state in memory answers until the restore's end recomputes it.
    beforeCommit: deps.beforeBatchChange,
  };
}

function route<K extends MessageType>(req: RequestOf<K>, sender: Sender, deps: RouterDeps): Promise<AnswerOf<K>> {
  // TypeScript cannot correlate handlers[req.type] with req's own type; the map above is checked.
  return (handlers[req.type] as Handler<K>)(req, sender, deps);
}
