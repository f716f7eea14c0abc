import { describe, expect, it } from 'vitest';
import { DB_VERSION, openActivityDb } from '../../../background/activity-db';
import { ActivityStore } from '../../../background/activity-store';
import { makeBackup, parseBackup } from '../../../core/backup-format';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { NOW, run } from '../activity-fixtures';

// A run's cadence is stored, kept through re-reads, backups and restores, and never lost to a
// reading that has none.

let n = 0;
const freshStore = async () =>
  new ActivityStore(await openActivityDb(DB_VERSION, `cadence-db-${++n}-${Math.random()}`));

/** A run as a backup file holds it, in plain JSON. */
const backedUpRun = () => ({
  key: 'strava:1',
  sources: [{ source: 'strava', id: '1' }],
  sourceKeys: ['strava:1'],
  startMs: NOW - 86_400_000,
  localDate: '2026-11-24',
  sport: 'run',
  sportLabel: 'Run',
  distanceM: 5000,
  movingS: 1500,
  elapsedS: 1600,
  name: 'Run',
  updatedMs: NOW,
});
describe('the store keeps a cadence', () => {
  it('a re-read without a cadence keeps it; one with a new cadence updates it', async () => {
    const store = await freshStore();
    await store.save([run({ cadenceSpm: 166 })], NOW);
    expect(await store.save([run()], NOW + 1)).toMatchObject({ unchanged: 1 });
    expect((await store.all())[0]!.cadenceSpm).toBe(166);
    expect(await store.save([run({ cadenceSpm: 170 })], NOW + 2)).toMatchObject({ updated: 1 });
    expect((await store.all())[0]!.cadenceSpm).toBe(170);
  });

  it('a re-read that brings the first cadence is a change', async () => {
    const store = await freshStore();
    await store.save([run()], NOW);
    expect(await store.save([run({ cadenceSpm: 164 })], NOW + 1)).toMatchObject({ updated: 1 });
    expect((await store.all())[0]!.cadenceSpm).toBe(164);
  });

  it('the watch’s file brings a cadence to the site’s run', async () => {
    const store = await freshStore();
    await store.save([run()], NOW);
    const file = run({ source: 'file', sourceId: '2026-11-20T07:00:00Z', distanceM: 10_020, cadenceSpm: 171 });
    expect(await store.save([file], NOW + 1)).toMatchObject({ merged: 1 });
    expect(await store.all()).toMatchObject([{ key: 'strava:1001', distanceM: 10_000, cadenceSpm: 171 }]);
  });

  it('a corrected run keeps its cadence', async () => {
    const store = await freshStore();
    await store.save([run({ cadenceSpm: 166 })], NOW);
    await store.update('strava:1001', { distanceM: 9500 }, NOW + 1);
    await store.save([run({ cadenceSpm: 180 })], NOW + 2);
    expect(await store.all()).toMatchObject([{ edited: true, distanceM: 9500, cadenceSpm: 166 }]);
  });
});

describe('backups carry the cadence', () => {
  it('a backup written with a cadence restores it', async () => {
    const from = await freshStore();
    await from.save(
      [
        run({ cadenceSpm: 168 }),
        run({ sourceId: '1002', localDate: '2026-11-21', startMs: Date.parse('2026-11-21T07:00:00Z') }),
      ],
      NOW,
    );
    const text = JSON.stringify(makeBackup(await from.all(), DEFAULT_SETTINGS, NOW));
    const parsed = parseBackup(text, NOW, DEFAULT_SETTINGS);
    if (!parsed.ok) throw new Error('backup refused');
    const to = await freshStore();
    await to.restore(parsed.activities, NOW);
    const byKey = new Map((await to.all()).map((a) => [a.key, a]));
    expect(byKey.get('strava:1001')?.cadenceSpm).toBe(168);
    expect(byKey.has('strava:1002') && 'cadenceSpm' in byKey.get('strava:1002')!).toBe(false);
  });

  it('restoring a backup without cadence keeps the stored one, and one with fills the gap', async () => {
    const store = await freshStore();
    await store.save([run({ cadenceSpm: 168 })], NOW);
    const [withCadence] = await store.all();
    const { cadenceSpm: _, ...without } = withCadence!;
    expect(await store.restore([without], NOW + 1)).toMatchObject({ unchanged: 1 });
    expect((await store.all())[0]!.cadenceSpm).toBe(168);

    const other = await freshStore();
    await other.save([run()], NOW);
    expect(await other.restore([withCadence!], NOW + 1)).toMatchObject({ merged: 1 });
    expect((await other.all())[0]!.cadenceSpm).toBe(168);
  });

  it('a corrected record restored over the stored one keeps a cadence it lacks', async () => {
    const store = await freshStore();
    await store.save([run({ cadenceSpm: 168 })], NOW);
    const [stored] = await store.all();
    const { cadenceSpm: _, ...corrected } = { ...stored!, distanceM: 9000, edited: true, updatedMs: NOW + 5 };
    await store.restore([corrected], NOW + 6);
    expect(await store.all()).toMatchObject([{ distanceM: 9000, edited: true, cadenceSpm: 168 }]);
  });

  it('a version 1 backup and a version 2 backup without cadence still import', () => {
    const record = backedUpRun();
    const v1 = {
      format: 'hip-check-backup',
      version: 1,
      exportedAt: '',
      settings: DEFAULT_SETTINGS,
      activities: [record],
    };
    const v2 = { ...v1, version: 2, restMarks: [], checkIns: [] };
    for (const b of [v1, v2]) {
      const r = parseBackup(JSON.stringify(b), NOW, DEFAULT_SETTINGS);
      expect(r).toMatchObject({ ok: true, activities: [{ key: 'strava:1', distanceM: 5000 }] });
      if (r.ok) expect('cadenceSpm' in r.activities[0]!).toBe(false);
    }
  });

  it('a backup with a broken cadence imports the run without it', () => {
    const b = makeBackup([], DEFAULT_SETTINGS, NOW);
    const rec = { ...backedUpRun(), cadenceSpm: 'fast' };
    const r = parseBackup(JSON.stringify({ ...b, activities: [rec] }), NOW, DEFAULT_SETTINGS);
    expect(r).toMatchObject({ ok: true, activities: [{ key: 'strava:1' }] });
    if (r.ok) expect('cadenceSpm' in r.activities[0]!).toBe(false);
  });
});
