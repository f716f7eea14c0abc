import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../../background/message-router';
import { problem } from '../../../core/problem-codes';
import { NOW, run } from '../activity-fixtures';
import { routerDeps } from './router-deps';

// "I ran today" through the background, as the popup's form sends it: one form stores one run,
// however many messages it sends; the watch's file or Strava's page of the same run joins it.

const page = { kind: 'page' } as const;
const H = 3_600_000;
// routerDeps: now is NOW (12:00 in London), so today is 2026-11-25.
const TODAY = '2026-11-25';
const add = (over: Record<string, unknown> = {}) => ({
  type: 'manual/add',
  entry: { formId: 'form0000001', another: false, when: { kind: 'now' }, distanceM: 8000, movingS: 2700, ...over },
});
/** The watch's recording of the morning run, read hours after the run was typed. */
const watchFile = run({
  source: 'file',
  sourceId: '2026-11-25T07:02:00Z',
  startMs: NOW - 5 * H + 2 * 60_000,
  localDate: TODAY,
  distanceM: 8140,
  movingS: 2650,
  elapsedS: 2710,
  name: 'Morning Run',
});

beforeEach(() => {
  fakeBrowser.reset();
});

describe('a run typed in the popup', () => {
  it('a double click (two messages of one form, at once) stores one run', async () => {
    const d = await routerDeps();
    const [a, b] = await Promise.all([handleMessage(add(), page, d), handleMessage(add(), page, d)]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toMatchObject({ ok: true });
    expect(await d.store.all()).toMatchObject([{ sourceKeys: ['manual:form0000001'], localDate: TODAY }]);
    // And a third, later: still one.
    await handleMessage(add(), page, d);
    expect(await d.store.count()).toBe(1);
  });

  it('then the watch’s file of the same morning run, hours earlier: one run, with the watch’s start and values', async () => {
    const d = await routerDeps();
    expect(await handleMessage(add(), page, d)).toMatchObject({ ok: true, added: 1, id: 'form0000001' });
    expect(await handleMessage({ type: 'activities/add', activities: [watchFile] }, page, d)).toMatchObject({
      added: 0,
      merged: 1,
    });
    expect(await d.store.all()).toMatchObject([
      {
        sourceKeys: ['manual:form0000001', 'file:2026-11-25T07:02:00Z'],
        startMs: watchFile.startMs,
        localDate: TODAY,
        distanceM: 8140,
        movingS: 2650,
        elapsedS: 2710,
      },
    ]);
  });

  it('typed after the watch’s file: joined to it, and Undo takes back the typed run alone', async () => {
    const d = await routerDeps();
    await handleMessage({ type: 'activities/add', activities: [watchFile] }, page, d);
    const r = await handleMessage(add({ when: { kind: 'morning' } }), page, d);
    expect(r).toMatchObject({ ok: true, added: 0, merged: 1, id: 'form0000001' });
    expect(await d.store.count()).toBe(1);
    expect(await handleMessage({ type: 'manual/undo', id: 'form0000001' }, page, d)).toMatchObject({
      ok: true,
      withdrawn: true,
    });
    expect(await d.store.all()).toMatchObject([
      { key: watchFile.source + ':' + watchFile.sourceId, sourceKeys: ['file:2026-11-25T07:02:00Z'], distanceM: 8140 },
    ]);
  });

  it('Undo of a run typed alone removes it', async () => {
    const d = await routerDeps();
    await handleMessage(add(), page, d);
    await handleMessage({ type: 'manual/undo', id: 'form0000001' }, page, d);
    expect(await d.store.count()).toBe(0);
    expect(await handleMessage({ type: 'manual/undo', id: 'form0000001' }, page, d)).toMatchObject({
      withdrawn: false,
    });
  });

  it('"Add another run today" is a second run, even of the same distance', async () => {
    const d = await routerDeps();
    await handleMessage({ type: 'activities/add', activities: [watchFile] }, page, d);
    expect(await handleMessage(add({ another: true, formId: 'form0000002' }), page, d)).toMatchObject({
      added: 1,
      id: 'another-form0000002',
    });
    expect(await d.store.count()).toBe(2);
  });

  it('a second "I ran today" is a second run; a run of another distance too', async () => {
    const d = await routerDeps();
    await handleMessage(add(), page, d);
    await handleMessage(add({ formId: 'form0000002' }), page, d);
    expect(await d.store.count()).toBe(2);
    await handleMessage({ type: 'activities/add', activities: [{ ...watchFile, distanceM: 15_000 }] }, page, d);
    expect(await d.store.count()).toBe(3);
  });

  it('a start still to come is refused with its code; nothing is stored', async () => {
    const d = await routerDeps();
    expect(await handleMessage(add({ when: { kind: 'at', time: '13:30' } }), page, d)).toEqual({
      ok: false,
      error: problem('hand_entry_time_future', '13:30'),
    });
    expect(await handleMessage(add({ when: { kind: 'at', time: '06:30' } }), page, d)).toMatchObject({ ok: true });
    expect(await d.store.all()).toMatchObject([{ startMs: Date.parse('2026-11-25T06:30:00Z') }]);
  });

  it('refuses malformed forms and undos', async () => {
    const d = await routerDeps();
    for (const bad of [
      add({ formId: 'x' }),
      add({ another: 'no' }),
      add({ when: { kind: 'yesterday' } }),
      add({ distanceM: -1 }),
      { type: 'manual/undo', id: 'strava:1' },
    ])
      expect(await handleMessage(bad, page, d)).toMatchObject({ ok: false });
    expect(await d.store.count()).toBe(0);
  });
});
