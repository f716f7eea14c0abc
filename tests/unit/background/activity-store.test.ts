import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { activityFromInput } from '../../../core/activity';
import { addDays } from '../../../core/local-date';
import { DB_VERSION, MIGRATIONS, openActivityDb } from '../../../background/activity-db';
import { ActivityStore } from '../../../background/activity-store';
import { CheckInStore } from '../../../background/check-in-store';
import { readActivityFile, activitiesOf, bytesSource } from '../../../core/files';
import { computeVerdict } from '../../../core/engine/verdict';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { NOW, run } from '../activity-fixtures';

let n = 0;
const freshName = () => `test-db-${++n}-${Math.random()}`;
const freshStore = async () => new ActivityStore(await openActivityDb(DB_VERSION, freshName()));

describe('schema upgrades', () => {
  it('a database written by every older version opens under the current one with nothing lost', async () => {
    for (let old = 1; old < DB_VERSION; old++) {
      const name = freshName();
      const v1 = await openActivityDb(old, name);
      const a = activityFromInput(run(), NOW);
      const b = activityFromInput(
        run({ sourceId: '2', localDate: '2026-11-21', startMs: Date.parse('2026-11-21T07:00:00Z') }),
        NOW,
      );
      await v1.put('activities', a);
      await v1.put('activities', b);
      v1.close();

      const current = await openActivityDb(DB_VERSION, name);
      expect(current.version).toBe(DB_VERSION);
      expect(await current.getAll('activities')).toEqual([a, b]);
      expect([...current.objectStoreNames].sort()).toEqual(['activities', 'checkIns', 'imports', 'restoreJournal']);
      // Version 3's check-in store works on an upgraded database.
      const checkIn = {
        date: '2026-11-21',
        pain: 2,
        atMs: NOW,
        later: { pain: 2, atMs: NOW },
        place: 'outside' as const,
      };
      await new CheckInStore(current).set(checkIn);
      expect(await new CheckInStore(current).between('2026-11-20', '2026-11-22')).toEqual([checkIn]);
      const store = new ActivityStore(current);
      expect((await store.between('2026-11-21', '2026-11-21')).map((x) => x.key)).toEqual(['strava:2']);
      current.close();
    }
  });

  it('check-ins of version 3 take the 2026-12 shape on upgrade: pain as a later answer, the questions as red flags', async () => {
    const name = freshName();
    const v3 = await openActivityDb(3, name);
    const old = [
      { date: '2026-11-20', pain: 4, nightOrRest: true, groinWalking: false, atMs: NOW },
      { date: '2026-11-21', pain: 1, nightOrRest: false, groinWalking: true, atMs: NOW + 1 },
      // Unreadable: kept as it was, never deleted.
      { date: '2026-11-22', pain: 'lots', atMs: NOW },
    ];
    for (const c of old) await v3.put('checkIns', c as never);
    v3.close();
    const current = await openActivityDb(DB_VERSION, name);
    expect(await current.getAll('checkIns')).toEqual([
      { date: '2026-11-20', pain: 4, atMs: NOW, later: { pain: 4, atMs: NOW }, flags: ['night_or_rest'] },
      {
        date: '2026-11-21',
        pain: 1,
        atMs: NOW + 1,
        later: { pain: 1, atMs: NOW + 1 },
        place: 'groin',
        flags: ['walking'],
      },
      old[2],
    ]);
    // The store reads the two it can, and the verdict sees the red flag of the 21st.
    expect((await new CheckInStore(current).all()).map((c) => c.date)).toEqual(['2026-11-20', '2026-11-21']);
    current.close();
  });

  it('has one migration per version', () => {
    expect(MIGRATIONS.length).toBe(DB_VERSION);
  });

  it('refuses to open a database from a newer Hip Check instead of damaging it', async () => {
    const name = freshName();
    const newer = await openDB(name, DB_VERSION + 1);
    newer.close();
    await expect(openActivityDb(DB_VERSION, name)).rejects.toThrow();
  });
});

describe('saving activities', () => {
  it('adds, then recognises the same run from another source as a duplicate', async () => {
    const store = await freshStore();
    expect(await store.save([run({ source: 'file', sourceId: 'fit:1', distanceM: 10_030 })], NOW)).toMatchObject({
      added: 1,
      merged: 0,
    });
    expect(await store.save([run()], NOW)).toMatchObject({ added: 0, merged: 1 });
    const all = await store.all();
    expect(all).toHaveLength(1);
    expect(all[0]!.sourceKeys).toEqual(['file:fit:1', 'strava:1001']);
  });

  it('seeing the same run again changes nothing; an edit on the site updates it', async () => {
    const store = await freshStore();
    await store.save([run()], NOW);
    expect(await store.save([run()], NOW + 1)).toMatchObject({ unchanged: 1, added: 0 });
    expect(await store.save([run({ name: 'Renamed' })], NOW + 2)).toMatchObject({ updated: 1 });
    expect((await store.all())[0]!.name).toBe('Renamed');
  });

  it('keeps two runs of the same day apart', async () => {
    const store = await freshStore();
    await store.save([run(), run({ sourceId: '1002', startMs: run().startMs + 8 * 3600_000 })], NOW);
    expect(await store.count()).toBe(2);
  });

  it('merges duplicates inside one batch too', async () => {
    const store = await freshStore();
    const r = await store.save([run({ source: 'garmin', sourceId: 'g1' }), run()], NOW);
    expect(r).toMatchObject({ added: 1, merged: 1 });
  });

  it('reads a date window through the index, whatever else is stored', async () => {
    const store = await freshStore();
    const days = Array.from({ length: 400 }, (_, i) => addDays('2025-10-22', i));
    await store.save(
      days.map((d, i) => run({ sourceId: String(i), localDate: d, startMs: Date.parse(`${d}T07:00:00Z`) })),
      NOW,
    );
    const window = await store.between('2026-09-27', '2026-11-25');
    expect(window).toHaveLength(60);
    expect(window.every((a) => a.localDate >= '2026-09-27' && a.localDate <= '2026-11-25')).toBe(true);
    const before = await store.before('2025-11-01', 3);
    expect(before.map((a) => a.localDate)).toEqual(['2025-10-31', '2025-10-30', '2025-10-29']);
  });

  it('deletes by key', async () => {
    const store = await freshStore();
    await store.save([run(), run({ sourceId: '2', startMs: run().startMs + 3600_000 * 5 })], NOW);
    expect(await store.delete(['strava:1001', 'nope'])).toBe(1);
    expect((await store.all()).map((a) => a.key)).toEqual(['strava:2']);
  });
});

describe('restoring a backup', () => {
  it('is idempotent and keeps what is already stored', async () => {
    const source = await freshStore();
    await source.save(
      [
        run(),
        run({ source: 'file', sourceId: 'f1' }),
        run({ sourceId: '7', startMs: run().startMs - 86_400_000, localDate: '2026-11-19' }),
      ],
      NOW,
    );
    const backup = await source.all();

    const target = await freshStore();
    await target.save(
      [run({ sourceId: '99', startMs: Date.parse('2026-11-01T07:00:00Z'), localDate: '2026-11-01' })],
      NOW,
    );
    expect(await target.restore(backup, NOW)).toMatchObject({ added: 2, merged: 0 });
    const after1 = await target.all();
    expect(await target.restore(backup, NOW)).toMatchObject({ added: 0, merged: 0, unchanged: 2 });
    expect(await target.all()).toEqual(after1);
    expect(after1).toHaveLength(3);
  });
});

describe('saving a batch (a bulk import)', () => {
  it('gives the same records and counts as saving its activities one by one, duplicates within it included', async () => {
    const day = (d: number, over: Parameters<typeof run>[0] = {}) =>
      run({
        startMs: Date.parse(`2026-11-${10 + d}T07:00:00Z`),
        localDate: `2026-11-${10 + d}`,
        sourceId: `s${d}`,
        ...over,
      });
    const batch = [
      day(1),
      day(1, { source: 'file', sourceId: '2026-11-11T07:00:30Z', startMs: Date.parse('2026-11-11T07:00:30Z') }), // the same run from a file
      day(2),
      day(2), // the same again
      day(2, { name: 'Renamed on Strava' }), // seen again with a new value
      day(3, { source: 'garmin', sourceId: 'g3' }),
      day(3, { source: 'file', sourceId: 'f3', distanceM: 10_050 }), // the same run from a file
      day(4),
    ];
    const whole = await freshStore();
    const oneByOne = await freshStore();
    await whole.save([day(4)], NOW); // one already stored before the batch
    await oneByOne.save([day(4)], NOW);
    const outcome = await whole.save(batch, NOW);
    const sum = { added: 0, merged: 0, updated: 0, unchanged: 0, known: 0 };
    for (const a of batch) {
      const o = await oneByOne.save([a], NOW);
      for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += o[k];
    }
    expect(outcome).toMatchObject(sum);
    expect(outcome).toMatchObject({ added: 3, merged: 2 });
    expect(await whole.all()).toEqual(await oneByOne.all());
  });
});

describe('the local date of a run', () => {
  // Four runs on four days in Tokyo: 07:00, 07:00, 00:01 and 23:59 local. Seen from Los Angeles
  // (17 hours behind in November), three of them start on the day before.
  const TOKYO = 'Asia/Tokyo';
  const LA = 'America/Los_Angeles';
  const days = ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'];
  const wall = ['07:00', '07:00', '00:01', '23:59'];
  const startOf = (i: number) => Date.parse(`${days[i]}T${wall[i]}:00+09:00`);
  const gpx = (startMs: number) =>
    new TextEncoder().encode(
      '<?xml version="1.0"?><gpx version="1.1" creator="watch"><trk><type>running</type><trkseg>' +
        Array.from(
          { length: 31 },
          (_, k) =>
            `<trkpt lat="${35.6 + k * 0.0009}" lon="139.7"><time>${new Date(startMs + k * 60_000).toISOString()}</time></trkpt>`,
        ).join('') +
        '</trkseg></trk></gpx>',
    );
  const readIn = async (timeZone: string) =>
    (
      await Promise.all(
        days.map(async (_, i) =>
          activitiesOf(await readActivityFile(`run${i}.gpx`, bytesSource(gpx(startOf(i))), { timeZone, nowMs: NOW })),
        ),
      )
    ).flat();

  it('is fixed where it was first read: importing the same files again in another time zone moves no run', async () => {
    const tokyo = await readIn(TOKYO);
    expect(tokyo.map((a) => a.localDate)).toEqual(days);
    const la = await readIn(LA);
    // The readers date a file by the browser's zone: from Los Angeles three runs fall a day earlier.
    expect(la.map((a) => a.localDate)).toEqual(['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-23']);

    const store = await freshStore();
    expect(await store.save(tokyo, NOW)).toMatchObject({ added: 4 });
    expect(await store.save(la, NOW + 1000)).toMatchObject({ added: 0, known: 4, updated: 0 });
    const stored = await store.all();
    expect(stored.map((a) => a.localDate).sort()).toEqual(days);
    const streak = (today: string) =>
      computeVerdict({ today, settings: { ...DEFAULT_SETTINGS }, activities: stored }).streak.runDays;
    expect(streak('2026-11-23')).toBe(4);
  });

  it('moves with a start the runner moved on the site', async () => {
    const store = await freshStore();
    await store.save([run()], NOW);
    const dayBefore = run({ startMs: run().startMs - 86_400_000, localDate: '2026-11-19' });
    expect(await store.save([dayBefore], NOW + 1)).toMatchObject({ updated: 1 });
    expect((await store.all())[0]).toMatchObject({ localDate: '2026-11-19', startMs: dayBefore.startMs });
  });
});
