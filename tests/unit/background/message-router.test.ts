import { beforeEach, describe, expect, it } from 'vitest';
import { problem } from '../../../core/problem-codes';
import { keepForUndo, takeForUndo } from '../../../background/deletion-undo';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DB_VERSION, openActivityDb } from '../../../background/activity-db';
import { ActivityStore } from '../../../background/activity-store';
import { CheckInStore } from '../../../background/check-in-store';
import { handleMessage, type RouterDeps } from '../../../background/message-router';
import { buildPopupState } from '../../../background/popup-state';
import { addProblem, clearProblems, listProblems } from '../../../background/read-problems';
import { loadSettings, saveSettings, updateSettings } from '../../../background/settings-store';
import { BACKUP_FORMAT } from '../../../core/backup-format';
import { BackupTransfers } from '../../../background/backup-transfer';
import { RestoreJournal } from '../../../background/restore-journal';
import { NOW, run } from '../activity-fixtures';

const page = { kind: 'page' } as const;
const strava = { kind: 'content', site: 'strava' } as const;
let changes = 0;
let soonChanges = 0;
/** The stored count each time the router announced a change, before handling it. */
let before: number[] = [];

async function deps(): Promise<RouterDeps> {
  const db = await openActivityDb(DB_VERSION, `router-${Math.random()}`);
  const store = new ActivityStore(db);
  const checkIns = new CheckInStore(db);
  let marks: string[] = [];
  return {
    store,
    checkIns,
    journal: new RestoreJournal(db),
    transfers: new BackupTransfers(),
    reassert: async () => {},
    now: () => NOW,
    timeZone: () => 'Europe/London',
    loadSettings,
    updateSettings,
    saveSettings,
    listProblems,
    addProblem: (p) => addProblem(p, p.atMs),
    clearProblems,
    setRestMark: async (d, on) => (marks = on ? [...new Set([...marks, d])] : marks.filter((m) => m !== d)),
    listRestMarks: async () => marks,
    restoreRestMarks: async (ds) => {
      marks = [...new Set([...marks, ...ds])].sort();
    },
    clearRestMarks: async () => {
      marks = [];
    },
    syncOn: async () => false,
    history: async () => ({ activities: store, checkIns }),
    popupState: async () => ({
      ...(await buildPopupState(
        store,
        await loadSettings(),
        await listProblems(),
        marks,
        NOW,
        'Europe/London',
        'en',
        checkIns,
      )),
    }),
    beforeChange: async () => {
      before.push(await store.count());
    },
    beforeBatchChange: async () => {
      before.push(await store.count());
    },
    dataChanged: async () => {
      changes++;
    },
    dataChangedSoon: () => {
      soonChanges++;
    },
    catchUp: {
      start: async (trigger) => (catchUpCalls.push(`start ${trigger}`), { started: true, run: null }),
      tabRead: async (tabId, site, read) => void catchUpCalls.push(`read ${tabId} ${site} ${JSON.stringify(read)}`),
      listEnded: async (tabId, site, stop) => void catchUpCalls.push(`end ${tabId} ${site} ${stop}`),
    },
    keepForUndo,
    takeForUndo,
    noteSiteRead: async (site, atMs) => void siteReads.push(`${site} ${atMs}`),
  };
}

/** What the router told the catch-up and the freshness line, in order. */
let catchUpCalls: string[] = [];
let siteReads: string[] = [];

beforeEach(() => {
  catchUpCalls = [];
  siteReads = [];
  fakeBrowser.reset();
  changes = 0;
  soonChanges = 0;
  before = [];
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

  it('announces a change before handling it (the popup copy goes first), never for a read or a refused request', async () => {
    const d = await deps();
    await handleMessage({ type: 'activities/add', activities: [run()] }, page, d);
    // Announced while nothing was stored yet.
    expect(before).toEqual([0]);
    await handleMessage({ type: 'state/get' }, page, d);
    await handleMessage({ type: 'activities/list', offset: 0, limit: 10 }, page, d);
    await handleMessage({ type: 'backup/export' }, page, d);
    await handleMessage({ type: 'no/such-type' }, page, d);
    expect(before).toEqual([0]);
    await handleMessage({ type: 'rest/mark', date: '2026-11-25', on: true }, page, d);
    expect(before).toEqual([0, 1]);
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

  it('deletes all: runs, check-ins and rest marks go, settings stay, and the reply says if other browsers were told', async () => {
    for (const syncOn of [false, true]) {
      const d = { ...(await deps()), syncOn: async () => syncOn };
      await handleMessage({ type: 'activities/add', activities: [run()] }, page, d);
      await handleMessage({ type: 'rest/mark', date: '2026-11-24', on: true }, page, d);
      await handleMessage({ type: 'checkin/set', checkIn: { date: '2026-11-25', pain: 2 } }, page, d);
      await handleMessage({ type: 'settings/update', patch: { maxRunDaysInRow: 4 } }, page, d);
      const r = await handleMessage({ type: 'data/delete-all', confirm: 'delete everything' }, page, d);
      expect(r).toEqual({ ok: true, otherBrowsers: syncOn });
      expect(await d.store.count()).toBe(0);
      expect(await d.checkIns.all()).toEqual([]);
      expect(await d.listRestMarks()).toEqual([]);
      expect((await d.loadSettings()).maxRunDaysInRow).toBe(4);
    }
  });

  it('saves a valid setting and refuses an invalid one without storing it', async () => {
    const d = await deps();
    expect(await handleMessage({ type: 'settings/update', patch: { maxRunDaysInRow: 4 } }, page, d)).toMatchObject({
      ok: true,
    });
    const bad = await handleMessage({ type: 'settings/update', patch: { maxRunDaysInRow: -3 } }, page, d);
    expect(bad).toMatchObject({
      ok: false,
      error: problem('settings_range_or_off', 1, 30, problem('settings_unit_days')),
    });
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
    expect(JSON.parse(text)).toMatchObject({ format: BACKUP_FORMAT, version: 2, restMarks: [], checkIns: [] });

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
    for (const [text, error] of [
      ['not json', { code: 'backup_not_json' }],
      ['{"format":"other"}', problem('backup_no_format')],
      [JSON.stringify({ format: BACKUP_FORMAT, version: 9, activities: [] }), problem('backup_newer_version', 9)],
    ] as const) {
      const r = await handleMessage({ type: 'backup/import', text }, page, d);
      expect(r).toMatchObject({ ok: false, error });
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

  it('a hip check-in is stored for its day, changeable, refused when out of range, and reaches the verdict', async () => {
    const d = await deps();
    const today = '2026-11-25';
    const set = (pain: unknown, extra: object = {}) =>
      handleMessage({ type: 'checkin/set', checkIn: { date: today, pain, ...extra } }, page, d);
    expect(await set(4)).toMatchObject({ ok: true, checkIn: { date: today, pain: 4 } });
    expect(await set(7)).toMatchObject({ ok: true });
    // The background's clock says when: noon, so a "later" answer (the second replaced the first).
    expect(await d.checkIns.all()).toEqual([{ date: today, pain: 7, atMs: NOW, later: { pain: 7, atMs: NOW } }]);
    for (const bad of [11, -1, 2.5, '3']) expect((await set(bad)).ok).toBe(false);
    // A place and the red-flag answers join the day's pain; a hostile place or flag is refused.
    expect(await set(undefined, { place: 'outside', flags: [] })).toMatchObject({
      ok: true,
      checkIn: { pain: 7, place: 'outside', flags: [] },
    });
    for (const extra of [
      { place: 'knee' },
      { flags: ['hop', 'x'] },
      { flags: 'hop' },
      { flags: Array(50).fill('hop') },
    ])
      expect(await set(undefined, extra)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'checkin/set', checkIn: { date: today } }, page, d)).toMatchObject({
      ok: false,
      error: problem('request_refused', problem('request_checkin_invalid', problem('checkin_nothing'))),
    });
    const future = await handleMessage({ type: 'checkin/set', checkIn: { date: '2026-12-20', pain: 1 } }, page, d);
    expect(future).toMatchObject({
      ok: false,
      error: problem('request_refused', problem('request_checkin_invalid', problem('day_in_future', '2026-12-20'))),
    });
    expect((await d.checkIns.all())[0]!.pain).toBe(7);
    const state = (await handleMessage({ type: 'state/get' }, page, d)) as unknown as {
      verdict: { level: string; reasons: { code: string }[] };
    };
    expect(state.verdict.level).toBe('warning');
    expect(state.verdict.reasons[0]!.code).toBe('pain_high');
    // From a web page: refused.
    expect((await handleMessage({ type: 'checkin/set', checkIn: { date: today, pain: 1 } }, strava, d)).ok).toBe(false);
  });

  // Issue #20: the answer also sets the runs aimed for and the streak limit (it set the preset
  // alone, so 3 days a week meant the old beginner limit of 1 and 7 days the old limit of 13).
  it('the plan answer picks the preset, the runs aimed for and the streak limit', async () => {
    const d = await deps();
    const answer = (n: unknown, rest: unknown = null) =>
      handleMessage({ type: 'plan/answer', runDaysPerWeek: n, usualRestDay: rest }, page, d);
    expect(await answer(3)).toMatchObject({
      ok: true,
      settings: { preset: 'beginner', maxRunDaysInRow: 2, maxDaysWithoutFullRest: 6, targetRunsPerWeek: 3 },
    });
    expect(await answer(1)).toMatchObject({ ok: true, settings: { maxRunDaysInRow: 2, targetRunsPerWeek: 1 } });
    expect(await answer(4)).toMatchObject({
      ok: true,
      settings: { preset: 'regular', maxRunDaysInRow: 4, maxDaysWithoutFullRest: 13, targetRunsPerWeek: 4 },
    });
    expect(await answer(5)).toMatchObject({ ok: true, settings: { maxRunDaysInRow: 5, targetRunsPerWeek: 5 } });
    expect(await answer(6, 1)).toMatchObject({
      ok: true,
      settings: { preset: 'regular', maxRunDaysInRow: 6, targetRunsPerWeek: 6, runDaysPerWeek: 6, usualRestDay: 1 },
    });
    expect(await answer(7)).toMatchObject({
      ok: true,
      settings: {
        preset: 'experienced',
        maxRunDaysInRow: 0,
        maxDaysWithoutFullRest: 0,
        minEasyDaysPerWeek: 2,
        targetRunsPerWeek: 7,
      },
    });
    // Stored, so the options page shows them.
    expect(await loadSettings()).toMatchObject({ maxRunDaysInRow: 0, targetRunsPerWeek: 7, runDaysPerWeek: 7 });
    for (const [n, rest] of [
      [0, null],
      [8, null],
      [5, 7],
      ['5', null],
    ])
      expect((await answer(n, rest)).ok).toBe(false);
    expect((await loadSettings()).preset).toBe('experienced');
  });

  it('rest marks and check-ins travel in the backup; a version 1 backup still imports', async () => {
    const a = await deps();
    await handleMessage({ type: 'activities/add', activities: [run()] }, page, a);
    await handleMessage({ type: 'rest/mark', date: '2026-11-24', on: true }, page, a);
    await handleMessage({ type: 'checkin/set', checkIn: { date: '2026-11-25', pain: 3 } }, page, a);
    await handleMessage({ type: 'settings/update', patch: { units: 'mi' } }, page, a);
    const text = ((await handleMessage({ type: 'backup/export' }, page, a)) as unknown as { text: string }).text;
    expect(JSON.parse(text)).toMatchObject({ version: 2, restMarks: ['2026-11-24'], checkIns: [{ pain: 3 }] });

    fakeBrowser.reset();
    const b = await deps();
    // The reply says what changed, so the options page can tell the runner.
    expect(await handleMessage({ type: 'backup/import', text }, page, b)).toMatchObject({
      ok: true,
      added: 1,
      changes: {
        activities: { added: 1, replaced: 0, unchanged: 0 },
        settings: [{ key: 'units', from: 'auto', to: 'mi' }],
        checkIns: { added: 1, replaced: 0, unchanged: 0 },
        restMarks: { added: 1, unchanged: 0 },
      },
    });
    expect(await handleMessage({ type: 'backup/import', text }, page, b)).toMatchObject({
      changes: {
        activities: { added: 0, replaced: 0, unchanged: 1 },
        settings: [],
        checkIns: { added: 0, replaced: 0, unchanged: 1 },
        restMarks: { added: 0, unchanged: 1 },
      },
    });
    expect(await b.listRestMarks()).toEqual(['2026-11-24']);
    expect(await b.checkIns.all()).toMatchObject([{ date: '2026-11-25', pain: 3 }]);

    const v1 = JSON.stringify({ ...JSON.parse(text), version: 1, restMarks: undefined, checkIns: undefined });
    const c = await deps();
    expect(await handleMessage({ type: 'backup/import', text: v1 }, page, c)).toMatchObject({ ok: true, added: 1 });
    const damaged = JSON.stringify({ ...JSON.parse(text), checkIns: [{ date: '2026-11-25', pain: 12 }] });
    const r = await handleMessage({ type: 'backup/import', text: damaged }, page, c);
    expect(r).toEqual({
      ok: false,
      error: problem('backup_checkin_damaged', 1, problem('checkin_pain_range', 0, 10)),
    });
    expect(await c.checkIns.all()).toEqual([]);
  });

  it("saves a bulk import's batches with a throttled refresh, and refreshes at once when its log is written", async () => {
    const d = await deps();
    const file = (day: number) =>
      run({
        source: 'file',
        sourceId: `f${day}`,
        startMs: Date.parse(`2026-11-1${day}T07:00:00Z`),
        localDate: `2026-11-1${day}`,
      });
    expect(await handleMessage({ type: 'import/save', activities: [file(1), file(2)] }, page, d)).toMatchObject({
      ok: true,
      added: 2,
    });
    expect(await handleMessage({ type: 'import/save', activities: [file(2), file(3)] }, page, d)).toMatchObject({
      ok: true,
      added: 1,
      unchanged: 1,
    });
    expect([changes, soonChanges]).toEqual([0, 2]);
    expect(await d.store.count()).toBe(3);
    const log = { what: '3 files', added: 3, merged: 0, unchanged: 1, notActivities: 0, refused: [] };
    expect(await handleMessage({ type: 'imports/log', record: log }, page, d)).toEqual({ ok: true });
    expect(changes).toBe(1);
    // Site pages cannot pose as a file import.
    const r = await handleMessage({ type: 'import/save', activities: [file(4)] }, strava, d);
    expect(r).toMatchObject({ ok: false });
    expect(await d.store.count()).toBe(3);
  });

  it('a deleted run can be undone, as it was (an edit included), once, and only for a while', async () => {
    let now = NOW;
    const d = { ...(await deps()), now: () => now };
    await handleMessage(
      {
        type: 'activities/add',
        activities: [
          run({ sourceId: 'a1' }),
          run({ sourceId: 'b2', startMs: Date.parse('2026-11-19T07:00:00Z'), localDate: '2026-11-19' }),
        ],
      },
      page,
      d,
    );
    const [key] = (await d.store.all()).map((a) => a.key).sort();
    await handleMessage(
      { type: 'activities/update', key: key!, patch: { name: 'Hill reps', distanceM: 9100 } },
      page,
      d,
    );
    const before = (await d.store.get([key!]))[0]!;
    const del = await handleMessage({ type: 'activities/delete', keys: [key!] }, page, d);
    expect(del).toMatchObject({ ok: true, deleted: 1, undo: expect.any(String) });
    expect(await d.store.count()).toBe(1);
    const undo = (del as { undo: string }).undo;
    expect(await handleMessage({ type: 'activities/undelete', undo }, page, d)).toEqual({ ok: true, restored: 1 });
    const back = (await d.store.get([key!]))[0]!;
    expect({ ...back, updatedMs: 0 }).toEqual({ ...before, updatedMs: 0 });
    expect(back.name).toBe('Hill reps');
    // Once only.
    expect(await handleMessage({ type: 'activities/undelete', undo }, page, d)).toEqual({ ok: true, restored: 0 });
    expect(await d.store.count()).toBe(2);

    // Too late: after ten minutes the deletion stands.
    const again = (await handleMessage({ type: 'activities/delete', keys: [key!] }, page, d)) as { undo: string };
    now += 10 * 60_000 + 1;
    expect(await handleMessage({ type: 'activities/undelete', undo: again.undo }, page, d)).toEqual({
      ok: true,
      restored: 0,
    });
    expect(await d.store.count()).toBe(1);
    // Nothing deleted, nothing to undo; a forged token is refused.
    expect(await handleMessage({ type: 'activities/delete', keys: ['strava:nope'] }, page, d)).toMatchObject({
      deleted: 0,
      undo: null,
    });
    expect(await handleMessage({ type: 'activities/undelete', undo: '<script>' }, page, d)).toMatchObject({
      ok: false,
    });
  });
});
