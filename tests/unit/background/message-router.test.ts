import { beforeEach, describe, expect, it } from 'vitest';
import { problem } from '../../../core/problem-codes';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DB_VERSION, openActivityDb } from '../../../background/activity-db';
import { ActivityStore } from '../../../background/activity-store';
import { handleMessage, type RouterDeps } from '../../../background/message-router';
import { buildPopupState } from '../../../background/popup-state';
import { addProblem, clearProblems, listProblems } from '../../../background/read-problems';
import { loadSettings, saveSettings, updateSettings } from '../../../background/settings-store';
import { BACKUP_FORMAT } from '../../../core/backup-format';
import { NOW, run } from '../activity-fixtures';

const page = { kind: 'page' } as const;
const strava = { kind: 'content', site: 'strava' } as const;
let changes = 0;

async function deps(): Promise<RouterDeps> {
  const store = new ActivityStore(await openActivityDb(DB_VERSION, `router-${Math.random()}`));
  return {
    store,
    now: () => NOW,
    timeZone: () => 'Europe/London',
    loadSettings,
    updateSettings,
    saveSettings,
    listProblems,
    addProblem: (p) => addProblem(p, p.atMs),
    clearProblems,
    setRestMark: async () => [],
    clearRestMarks: async () => {},
    popupState: async () => ({
      ...(await buildPopupState(store, await loadSettings(), await listProblems(), [], NOW, 'Europe/London')),
    }),
    dataChanged: async () => {
      changes++;
    },
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  changes = 0;
});

describe('the background message router', () => {
  it('stores a run seen on Strava and shows it in the popup state', async () => {
    const d = await deps();
    expect(await handleMessage({ type: 'activities/add', activities: [run()] }, page, d)).toMatchObject({
      ok: true,
      added: 1,
    });
    expect(changes).toBe(1);
    const state = await handleMessage({ type: 'state/get' }, page, d);
    expect(state).toMatchObject({ ok: true, totalCount: 1, today: '2026-11-25' });
  });

  it('refuses a hostile message and stores nothing', async () => {
    const d = await deps();
    const r = await handleMessage({ type: 'activities/add', activities: [run({ distanceM: -5 })] }, strava, d);
    expect(r).toEqual({
      ok: false,
      error: problem('request_refused', problem('request_not_from_page', 'activities/add')),
    });
    const bad = await handleMessage({ type: 'activities/add', activities: [run({ distanceM: -5 })] }, page, d);
    expect(bad).toEqual({
      ok: false,
      error: problem(
        'request_refused',
        problem('request_in_activity', 1, problem('activity_number_negative', problem('field_distance'), -5)),
      ),
    });
    expect(await d.store.count()).toBe(0);
    expect(changes).toBe(0);
  });

  it('saves a valid setting and refuses an invalid one without storing it', async () => {
    const d = await deps();
    expect(await handleMessage({ type: 'settings/update', patch: { maxRunDaysInRow: 4 } }, page, d)).toMatchObject({
      ok: true,
    });
    const bad = await handleMessage({ type: 'settings/update', patch: { maxRunDaysInRow: -3 } }, page, d);
    expect(bad).toMatchObject({ ok: false, error: 'Must be between 1 and 30 days.' });
    expect((await loadSettings()).maxRunDaysInRow).toBe(4);
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toMatchObject({ maxRunDaysInRow: 4 });
  });

  it('exports a backup and imports it elsewhere; importing twice changes nothing', async () => {
    const a = await deps();
    await handleMessage(
      { type: 'activities/add', activities: [run(), run({ sourceId: '2', startMs: run().startMs + 7200_000 })] },
      page,
      a,
    );
    await handleMessage({ type: 'settings/update', patch: { weeklyRampWarnPct: 40 } }, page, a);
    const exp = await handleMessage({ type: 'backup/export' }, page, a);
    expect(exp).toMatchObject({ ok: true, count: 2, fileName: 'hip-check-backup-2026-11-25.json' });
    const text = (exp as unknown as { text: string }).text;
    expect(JSON.parse(text)).toMatchObject({ format: BACKUP_FORMAT, version: 1 });

    fakeBrowser.reset();
    const b = await deps();
    expect(await handleMessage({ type: 'backup/import', text }, page, b)).toMatchObject({ ok: true, added: 2 });
    const first = await b.store.all();
    expect(await handleMessage({ type: 'backup/import', text }, page, b)).toMatchObject({
      ok: true,
      added: 0,
      merged: 0,
      unchanged: 2,
    });
    expect(await b.store.all()).toEqual(first);
    expect((await loadSettings()).weeklyRampWarnPct).toBe(40);
  });

  it('refuses a damaged backup with a specific reason and keeps what is stored', async () => {
    const d = await deps();
    await handleMessage({ type: 'activities/add', activities: [run()] }, page, d);
    const broken = JSON.stringify({
      format: BACKUP_FORMAT,
      version: 1,
      activities: [{ sources: [{ source: 'strava', id: '5' }], startMs: 'soon' }],
    });
    expect(await handleMessage({ type: 'backup/import', text: broken }, page, d)).toMatchObject({
      ok: false,
      error: problem('backup_activity_damaged', 1, problem('activity_start_invalid')),
    });
    for (const [text, msg] of [
      ['not json', 'not valid JSON'],
      ['{"format":"other"}', '"format" field is missing'],
      [JSON.stringify({ format: BACKUP_FORMAT, version: 9, activities: [] }), 'newer Hip Check'],
    ]) {
      const r = await handleMessage({ type: 'backup/import', text }, page, d);
      expect(!r.ok && r.error).toContain(msg);
    }
    expect(await d.store.count()).toBe(1);
  });

  it('keeps a site reader problem until the runner dismisses it', async () => {
    const d = await deps();
    const reason = problem('site_strava_page', problem('strava_page_no_data'));
    await addProblem(
      { site: 'strava', page: 'activity-page', url: 'https://www.strava.com/activities/1', reason },
      NOW,
    );
    await handleMessage({ type: 'activities/add', activities: [run()] }, page, d);
    expect(await listProblems()).toEqual([
      { site: 'strava', page: 'activity-page', url: 'https://www.strava.com/activities/1', reason, atMs: NOW },
    ]);
    expect(await handleMessage({ type: 'problems/clear' }, page, d)).toEqual({ ok: true });
    expect(await listProblems()).toEqual([]);
  });
});
