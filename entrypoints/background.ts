import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openActivityDb } from '../background/activity-db';
import { ActivityStore } from '../background/activity-store';
import { showBadge } from '../background/badge';
import { handleMessage, type RouterDeps } from '../background/message-router';
import { buildPopupState, userTimeZone } from '../background/popup-state';
import { addProblem, clearProblems, listProblems } from '../background/read-problems';
import { loadSettings, onSettingsChanged, saveSettings, updateSettings } from '../background/settings-store';
import { classifySender } from '../core/messages';
import { DATA_VERSION_KEY } from '../background/data-version';

// The background worker owns the database. Content scripts and extension pages only send it
// messages; every message is validated (core/messages.ts) before anything is stored.
export default defineBackground(() => {
  let storePromise: Promise<ActivityStore> | null = null;
  const getStore = () => (storePromise ??= openActivityDb().then((db) => new ActivityStore(db)));

  const refresh = async () => {
    const state = await buildPopupState(await getStore(), await loadSettings(), await listProblems(), Date.now(), userTimeZone());
    await showBadge(state.verdict.streak.runDays, state.verdict.level);
    // Open extension pages listen for this and re-read their state.
    await browser.storage.local.set({ [DATA_VERSION_KEY]: Date.now() });
    scheduleDayChange();
  };

  // The streak changes at local midnight even when no data does.
  const scheduleDayChange = () => {
    const now = new Date();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5);
    void browser.alarms.create('day-change', { when: next.getTime() });
  };

  const deps = (store: ActivityStore): RouterDeps => ({
    store,
    now: Date.now,
    timeZone: userTimeZone,
    loadSettings,
    updateSettings,
    saveSettings,
    listProblems,
    addProblem: (p) => addProblem(p, p.atMs),
    clearProblems,
    popupState: async () => ({ ...(await buildPopupState(store, await loadSettings(), await listProblems(), Date.now(), userTimeZone())) }),
    dataChanged: refresh,
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const who = classifySender(sender, browser.runtime.id, browser.runtime.getURL('/'));
    void getStore()
      .then((store) => handleMessage(message, who, deps(store)))
      .then(sendResponse, (e: Error) => sendResponse({ ok: false, error: `Hip Check could not do that: ${e.message}` }));
    return true;
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === 'day-change') void refresh();
  });
  onSettingsChanged(() => void refresh());
  browser.runtime.onStartup.addListener(() => void refresh());
  browser.runtime.onInstalled.addListener((details) => {
    void refresh();
    // A new runner sees what Hip Check does and how to get their history in.
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html') });
  });
});
