import fc from 'fast-check';
import { problem } from '../../../core/problem-codes';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../../background/message-router';
import { SPORTS, type ActivityInput } from '../../../core/activity';
import { localDateOf } from '../../../core/local-date';
import { LIMITS } from '../../../core/plausibility';
import { CADENCE_SPM } from '../../../core/cadence';
import { NOW, run } from '../activity-fixtures';
import { routerDeps } from './router-deps';

// A backup exported from any database Hip Check can hold imports again; corrections stick;
// the import is all or nothing; a damaged stored record never breaks a save or an export.

const page = { kind: 'page' } as const;

beforeEach(() => {
  fakeBrowser.reset();
});

async function exportText(d: Awaited<ReturnType<typeof routerDeps>>): Promise<string> {
  const r = await handleMessage({ type: 'backup/export' }, page, d);
  expect(r.ok).toBe(true);
  return (r as unknown as { text: string }).text;
}

/** Any activity the checkpoint lets in, at the limits included. */
const anyInput: fc.Arbitrary<ActivityInput> = fc
  .record({
    source: fc.constantFrom('strava', 'garmin', 'file', 'manual' as const),
    sourceId: fc.string({ minLength: 1, maxLength: LIMITS.maxIdLength }).filter((s) => s.trim() !== ''),
    startMs: fc.integer({ min: LIMITS.earliestStartMs, max: NOW + LIMITS.futureSlackMs }),
    zone: fc.constantFrom('Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/London', 'UTC'),
    sport: fc.constantFrom(...SPORTS),
    sportLabel: fc.string({ maxLength: LIMITS.maxLabelLength }),
    distanceM: fc.option(fc.double({ min: 0, max: LIMITS.maxDistanceM, noNaN: true })),
    movingS: fc.option(fc.double({ min: 0, max: LIMITS.maxDurationS, noNaN: true })),
    elapsedS: fc.option(fc.double({ min: 0, max: LIMITS.maxDurationS, noNaN: true })),
    cadenceSpm: fc.option(fc.integer({ min: CADENCE_SPM.min, max: CADENCE_SPM.max }), { nil: undefined }),
    name: fc.string({ maxLength: LIMITS.maxNameLength }),
  })
  .map(({ zone, ...a }) => ({ ...a, localDate: localDateOf(a.startMs, zone) }));

describe('backup round trip', () => {
  it('a backup exported from any database Hip Check can hold always imports again', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(anyInput, { maxLength: 25 }),
        fc.array(
          fc.record({
            at: fc.nat(),
            distanceM: fc.option(fc.double({ min: 0, max: LIMITS.maxDistanceM, noNaN: true })),
          }),
          { maxLength: 5 },
        ),
        async (inputs, edits) => {
          fakeBrowser.reset();
          const d = await routerDeps();
          await d.store.save(inputs, NOW);
          const stored = await d.store.all();
          for (const e of edits)
            if (stored.length) await d.store.update(stored[e.at % stored.length]!.key, { distanceM: e.distanceM }, NOW);
          const text = await exportText(d);
          expect(JSON.parse(text).activities.length).toBe(stored.length);
          const fresh = await routerDeps();
          const r = await handleMessage({ type: 'backup/import', text }, page, fresh);
          expect(r).toMatchObject({ ok: true, refused: [] });
          // Every source id comes back. Two records may come back as one: a correction by hand
          // can make two records of one start and sport family the same activity (a corrected
          // run's values are not compared), as the popup already counted them.
          const ids = (acts: { sourceKeys: string[] }[]) => acts.flatMap((a) => a.sourceKeys).sort();
          expect(ids(await fresh.store.all())).toEqual(ids(stored));
          if (edits.length === 0) expect(await fresh.store.count()).toBe(await d.store.count());
          else expect(await fresh.store.count()).toBeLessThanOrEqual(await d.store.count());
          // And again: nothing changes the second time.
          const again = await handleMessage({ type: 'backup/import', text }, page, fresh);
          expect(again).toMatchObject({ ok: true, added: 0, merged: 0 });
        },
      ),
      { numRuns: 40, seed: 10 },
    );
  });

  it('keeps a 30-hour ultra through export and import', async () => {
    const d = await routerDeps();
    const ultra = run({ distanceM: 161_000, movingS: 27 * 3600, elapsedS: 30 * 3600, name: 'Western States' });
    expect(await handleMessage({ type: 'activities/add', activities: [ultra] }, page, d)).toMatchObject({
      added: 1,
    });
    const fresh = await routerDeps();
    expect(await handleMessage({ type: 'backup/import', text: await exportText(d) }, page, fresh)).toMatchObject({
      ok: true,
      added: 1,
    });
    expect(await fresh.store.all()).toMatchObject([{ distanceM: 161_000, elapsedS: 30 * 3600 }]);
  });

  it('reports duplicates inside a backup and refuses a record joining two ids of one source', async () => {
    const d = await routerDeps();
    await d.store.save([run()], NOW);
    const backup = JSON.parse(await exportText(d));
    backup.activities.push({ ...backup.activities[0], name: 'again' });
    const r = await handleMessage({ type: 'backup/import', text: JSON.stringify(backup) }, page, await routerDeps());
    expect(r).toMatchObject({ ok: true, added: 1, duplicates: 1 });
    expect((r as unknown as { refused: { item: string }[] }).refused[0]!.item).toBe('strava:1001');

    backup.activities = [
      {
        ...backup.activities[0],
        sources: [
          { source: 'strava', id: '1' },
          { source: 'strava', id: '2' },
        ],
      },
    ];
    const joined = await handleMessage({ type: 'backup/import', text: JSON.stringify(backup) }, page, d);
    expect(joined).toMatchObject({
      ok: false,
      error: problem('backup_activity_damaged', 1, problem('activity_duplicate_source', 'strava', '2')),
    });
  });

  it('imports activities and settings together or nothing', async () => {
    const d = await routerDeps();
    await d.store.save([run()], NOW);
    const backup = JSON.parse(await exportText(d));
    backup.settings = { ...backup.settings, maxRunDaysInRow: 3 };
    const target = await routerDeps();
    const before = await target.loadSettings();
    target.store.restore = () => Promise.reject(new Error('disk full'));
    const r = await handleMessage({ type: 'backup/import', text: JSON.stringify(backup) }, page, target);
    expect(r).toMatchObject({ ok: false, error: problem('action_failed', 'disk full') });
    expect(await target.loadSettings()).toEqual(before);
    expect(await target.store.count()).toBe(0);
  });
});

describe('corrections stick', () => {
  it('a field cleared by hand stays clear through the next read of the same run', async () => {
    const d = await routerDeps();
    const [key] = (await d.store.save([run()], NOW)).keys;
    await d.store.update(key!, { distanceM: null, name: 'Fartlek' }, NOW);
    await d.store.save([run({ distanceM: 12_000, name: 'Morning Run' })], NOW);
    await d.store.save([run({ source: 'garmin', sourceId: 'g1', distanceM: 10_100 })], NOW);
    expect(await d.store.all()).toMatchObject([{ distanceM: null, name: 'Fartlek', edited: true }]);
  });

  it('restoring a corrected backup onto an uncorrected copy brings the correction back', async () => {
    const d = await routerDeps();
    const [key] = (await d.store.save([run()], NOW)).keys;
    const uncorrected = await exportText(d);
    await d.store.update(key!, { distanceM: null, sport: 'trail_run' }, NOW + 1);
    const corrected = await exportText(d);

    const other = await routerDeps();
    await handleMessage({ type: 'backup/import', text: uncorrected }, page, other);
    await handleMessage({ type: 'backup/import', text: corrected }, page, other);
    expect(await other.store.all()).toMatchObject([{ distanceM: null, sport: 'trail_run', edited: true }]);
    // The older, uncorrected backup does not undo it.
    await handleMessage({ type: 'backup/import', text: uncorrected }, page, other);
    expect(await other.store.all()).toMatchObject([{ distanceM: null, sport: 'trail_run', edited: true }]);
  });
});

describe('damaged stored records', () => {
  it('are passed over by saves and skipped by exports with a count', async () => {
    const d = await routerDeps();
    await d.store.save([run({ sourceId: 'ok' })], NOW);
    // A record written by a broken build: no source list.
    const db = (d.store as unknown as { db: { put(s: string, v: unknown): Promise<unknown> } }).db;
    await db.put('activities', { key: 'strava:bad', startMs: run().startMs, localDate: '2026-11-20', sport: 'run' });
    const saved = await d.store.save([run({ source: 'garmin', sourceId: 'g2', startMs: run().startMs + 60_000 })], NOW);
    expect(saved).toMatchObject({ merged: 1 });
    const r = await handleMessage({ type: 'backup/export' }, page, d);
    expect(r).toMatchObject({ ok: true, count: 1, damaged: 1 });
  });
  it('with a change time out of range (an older build) are exported with a sane one, and the backup restores', async () => {
    const d = await routerDeps();
    await d.store.save(
      [run({ sourceId: 'ahead' }), run({ sourceId: 'zero', startMs: run().startMs + 3_600_000 })],
      NOW,
    );
    const db = (d.store as unknown as { db: { put(s: string, v: unknown): Promise<unknown> } }).db;
    const [ahead, zero] = await d.store.all();
    await db.put('activities', { ...ahead, updatedMs: Date.UTC(2199, 0, 1) });
    await db.put('activities', { ...zero, updatedMs: 0 });
    const text = await exportText(d);
    const backup = JSON.parse(text) as { activities: { updatedMs: number; startMs: number }[] };
    expect(backup.activities.map((a) => a.updatedMs).sort()).toEqual([run().startMs + 3_600_000, NOW].sort());
    const other = await routerDeps();
    expect(await handleMessage({ type: 'backup/import', text }, page, other)).toMatchObject({ ok: true, added: 2 });
  });
});
