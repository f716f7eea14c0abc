import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openActivityDb } from '../background/activity-db';
import { ActivityStore } from '../background/activity-store';
import { CheckInStore } from '../background/check-in-store';
import { showBadge } from '../background/badge';
import { tn } from '../components/i18n';
import { handleMessage, type RouterDeps } from '../background/message-router';
import { buildPopupState } from '../background/popup-state';
import { createStateKeeper } from '../background/popup-state-keeper';
import { localDateOf, userTimeZone } from '../core/local-date';
import { addProblem, clearProblems, listProblems } from '../background/read-problems';
import { clearRestMarks, listRestMarks, restoreRestMarks, setRestMark } from '../background/rest-marks';
import { maybeNotify } from '../background/rest-notification';
import { throttleRefresh } from '../background/refresh-throttle';
import { loadSettings, onSettingsChanged, saveSettings, updateSettings } from '../background/settings-store';
import { classifySender } from '../core/messages';
import { errorText } from '../core/guards';
import { problemOf } from '../core/problem-codes';
import { DATA_VERSION_KEY } from '../messaging/data-version';
import { dropPopupState, keepPopupState, keptCount } from '../messaging/popup-state-copy';
import { StoreWithDeletionLog } from '../background/sync/deletion-log';
import { createRunSync } from '../background/sync/run-sync';
import { isSyncOn, keepDeletions, listDeletions, noteDeletions, noteRestMarks } from '../background/sync/sync-local';
import { reassertRestored } from '../background/sync/reassert-restored';
import { RestoreJournal } from '../background/restore-journal';
import { recoverRestore } from '../background/staged-restore';
import { BackupTransfers } from '../background/backup-transfer';
import type { IDBPDatabase } from 'idb';
import type { HipCheckDB } from '../background/activity-db';
import { restrictStorage } from '../background/storage-access';
import { healthDataMayLeave } from '../background/health-consent';
import { createCatchUp } from '../background/catch-up';
import { keepForUndo, takeForUndo } from '../background/deletion-undo';
import { loadCatchUpRun, loadSiteReads, noteSiteRead, saveCatchUpRun } from '../background/catch-up-store';
import { nextMorning } from '../core/catch-up';

// The background worker owns the database. Content scripts and extension pages only send it
// messages; every message is validated (core/messages.ts) before anything is stored.
const REFRESH_GAP_MS = 3000;
const CATCH_UP_LIMIT_ALARM = 'catch-up-limit';
const MORNING_ALARM = 'catch-up-morning';

export default defineBackground(() => {
  // The browser's own storage API, not the polyfill's wrapper, which may not know setAccessLevel.
  void restrictStorage(
    (globalThis as { chrome?: { storage?: Parameters<typeof restrictStorage>[0] } }).chrome?.storage,
  );
  let dbPromise: ReturnType<typeof openActivityDb> | null = null;
  // A restore this worker's predecessor left unfinished is settled before anything reads the data.
  const getDb = () => (dbPromise ??= openActivityDb().then(async (db) => (await recover(db), db)));
  let storePromise: Promise<ActivityStore> | null = null;
  // Deletions are noted for run sync (a copy in another browser must not bring a run back).
  const getStore = () =>
    (storePromise ??= getDb().then(
      (db): ActivityStore =>
        new StoreWithDeletionLog(db, (gone) =>
          noteDeletions(gone, Date.now(), localDateOf(Date.now(), userTimeZone())),
        ),
    ));
  let checkInPromise: Promise<CheckInStore> | null = null;
  const getCheckIns = () => (checkInPromise ??= getDb().then((db) => new CheckInStore(db)));

  // With run sync on, the other browsers' runs, rest marks and check-ins count too.
  const syncedHistory = (store: ActivityStore, marks: string[]) =>
    runSync.history(store, marks).catch((e: unknown) => {
      console.warn(`[Hip Check] synced runs not read: ${errorText(e)}`);
      return null;
    });
  const popupState = createStateKeeper({
    build: async (totalCount) => {
      const store = await getStore();
      const marks = await listRestMarks();
      const synced = await syncedHistory(store, marks);
      return buildPopupState(
        synced?.source ?? store,
        await loadSettings(),
        await listProblems(),
        synced?.restMarks ?? marks,
        Date.now(),
        userTimeZone(),
        navigator.language,
        synced?.checkIns ?? (await getCheckIns()),
        { siteReads: await loadSiteReads(), catchUp: await loadCatchUpRun(), totalCount },
      );
    },
    countAll: async () => (await getStore()).count(),
    keptCount,
    keep: keepPopupState,
    drop: dropPopupState,
    today: () => localDateOf(Date.now(), userTimeZone()),
    warn: (m) => console.warn(`[Hip Check] ${m}`),
  });

  // After any change: new state, badge, notification, and a nudge to open pages. The data is
  // already stored by then, so a failing badge or notification is logged, never reported as a
  // failed save.
  const refresh = async () => {
    const state = await popupState.compute();
    const i18n = (key: string, subs?: string[]) => browser.i18n.getMessage(key as never, subs);
    const steps: [string, () => Promise<unknown>][] = [
      ['badge', () => showBadge(state.verdict.streak.runDays, state.verdict.level)],
      [
        'notification',
        () =>
          maybeNotify(
            state.settings,
            state.verdict,
            state.restMarks.includes(state.today),
            i18n(`title_${state.verdict.title}`),
            tn('notifyBody', state.verdict.streak.runDays),
          ),
      ],
      // Open extension pages listen for this and re-read their state.
      ['page refresh', () => browser.storage.local.set({ [DATA_VERSION_KEY]: Date.now() })],
    ];
    for (const [what, step] of steps)
      await step().catch((e: unknown) => console.warn(`[Hip Check] ${what} not updated: ${errorText(e)}`));
    scheduleDayChange();
    runSync.schedule();
  };
  const runSync = createRunSync({
    getStore,
    getCheckIns,
    listRestMarks,
    now: Date.now,
    timeZone: userTimeZone,
    // Another browser's items arrive one by one: one recompute for the burst.
    refresh: async () => throttled.soon(),
    checkInsMayLeave: () => healthDataMayLeave(browser.permissions),
  });
  runSync.listen();
  // Firefox: consent for health data given or withdrawn (about:addons): check-ins join or leave sync.
  if (import.meta.env.FIREFOX) {
    browser.permissions.onAdded.addListener(() => runSync.schedule());
    browser.permissions.onRemoved.addListener(() => runSync.schedule());
  }

  // A bulk import's batches refresh at most every few seconds; its end (imports/log) at once.
  const throttled = throttleRefresh(refresh, REFRESH_GAP_MS);

  const catchUp = createCatchUp({
    tabs: browser.tabs,
    now: Date.now,
    loadRun: loadCatchUpRun,
    saveRun: saveCatchUpRun,
    siteReads: loadSiteReads,
    autoCatchUp: async () => (await loadSettings()).autoCatchUp,
    later: (ms, fn) => void setTimeout(fn, ms),
    alarmAt: async (when) => {
      await browser.alarms.create(CATCH_UP_LIMIT_ALARM, { when });
    },
    changed: async () => {
      popupState.stale();
      await throttled.now();
    },
    log: (m) => console.debug(`[Hip Check] ${m}`),
  });
  // The morning catch-up, only while the runner has it on; the next is set when one fires.
  const scheduleMorning = async () => {
    if ((await loadSettings()).autoCatchUp)
      await browser.alarms.create(MORNING_ALARM, { when: nextMorning(Date.now(), userTimeZone()) });
    else await browser.alarms.clear(MORNING_ALARM);
  };

  // The streak changes at local midnight even when no data does.
  const scheduleDayChange = () => {
    const now = new Date();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5);
    void browser.alarms.create('day-change', { when: next.getTime() });
  };

  const restoreMarksNoted = async (dates: readonly string[]) => {
    await noteRestMarks([...dates], true, Date.now());
    await restoreRestMarks(dates);
  };
  const reassert = (store: ActivityStore) => (keys: readonly string[], nowMs: number) =>
    reassertRestored(store, keys, nowMs, { listDeletions, keepDeletions });

  async function recover(db: IDBPDatabase<HipCheckDB>): Promise<void> {
    const store = new ActivityStore(db);
    const done = await recoverRestore(
      {
        store,
        journal: new RestoreJournal(db),
        checkIns: new CheckInStore(db),
        loadSettings,
        saveSettings,
        listRestMarks,
        restoreRestMarks: restoreMarksNoted,
        reassert: reassert(store),
      },
      Date.now(),
    ).catch((e: unknown) => console.warn(`[Hip Check] unfinished restore not settled: ${errorText(e)}`));
    if (done === 'finished' || done === 'rolled back') {
      await popupState.beforeChange();
      void refresh();
    }
  }

  const transfers = new BackupTransfers();
  const deps = (store: ActivityStore, checkIns: CheckInStore, journal: RestoreJournal): RouterDeps => ({
    store,
    checkIns,
    journal,
    transfers,
    reassert: reassert(store),
    listRestMarks,
    restoreRestMarks: restoreMarksNoted,
    now: Date.now,
    timeZone: userTimeZone,
    loadSettings,
    updateSettings,
    saveSettings,
    listProblems,
    addProblem: (p) => addProblem(p, p.atMs),
    clearProblems,
    setRestMark: async (date, on) => {
      await noteRestMarks([date], on, Date.now());
      return setRestMark(date, on);
    },
    clearRestMarks: async () => {
      if (await isSyncOn()) await noteRestMarks(await listRestMarks(), false, Date.now());
      await clearRestMarks();
    },
    syncOn: isSyncOn,
    history: async () => {
      const synced = await syncedHistory(store, await listRestMarks());
      return { activities: synced?.source ?? store, checkIns: synced?.checkIns ?? checkIns };
    },
    popupState: async () => ({ ...(await popupState.current()) }),
    beforeChange: popupState.beforeChange,
    beforeBatchChange: popupState.beforeBatchChange,
    dataChanged: throttled.now,
    dataChangedSoon: throttled.soon,
    catchUp,
    noteSiteRead,
    keepForUndo,
    takeForUndo,
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const who = classifySender(sender, browser.runtime.id, browser.runtime.getURL('/'));
    void Promise.all([getStore(), getCheckIns(), getDb()])
      .then(([store, checkIns, db]) => handleMessage(message, who, deps(store, checkIns, new RestoreJournal(db))))
      .then(sendResponse, (e: unknown) => sendResponse({ ok: false, error: problemOf(e) }));
    return true;
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === 'day-change') void refresh();
    if (alarm.name === CATCH_UP_LIMIT_ALARM) void catchUp.expire();
    if (alarm.name === MORNING_ALARM) void catchUp.start('morning').then(scheduleMorning);
  });
  onSettingsChanged(() => {
    void refresh();
    void scheduleMorning();
  });
  browser.runtime.onStartup.addListener(() => {
    void refresh();
    // A catch-up's tabs the browser restored from before it was closed.
    void catchUp.closeLeftovers();
    void scheduleMorning();
  });
  browser.runtime.onInstalled.addListener((details) => {
    void refresh();
    // A new runner sees what Hip Check does and how to get their history in.
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
});
