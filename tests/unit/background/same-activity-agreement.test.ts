import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openActivityDb } from '../../../background/activity-db';
import { ActivityStore } from '../../../background/activity-store';
import { activityFromInput, sourceKey, type Activity, type ActivityInput, type Sport } from '../../../core/activity';
import { selectActivities } from '../../../core/engine/history-window';
import { addDays } from '../../../core/local-date';
import { isHandEntryOnly } from '../../../core/same-activity';
import { mergeShards } from '../../../core/sync/merge-shards';
import { syncDeletionOf, syncRunOf, type ShardContent } from '../../../core/sync/shard-format';

// Store, engine, sync merge and sync deletions agree on every generated set of records. Each
// case is a few real activities over five days (walks and runs minutes apart, double sessions,
// rides), each seen by some of Strava, Garmin and a file (starts up to 2 minutes apart,
// distances up to 2.5 % apart) and some runs typed by hand as well (hours away from the
// recording, up to 5 % off, maybe without a distance). The readings reach two browsers.
// Real activities that no rule could tell apart (same sport family, under half an hour apart
// and of similar distance) are not generated; the cases that are (a Garmin copy between two
// Strava runs) have their own tests in tests/unit/core/same-activity.test.ts.

const NOW = Date.parse('2026-11-25T12:00:00Z');
const FIRST_DAY = '2026-11-18';
const MIN = 60_000;

type Family = 'run' | 'walk' | 'ride';
interface Real {
  day: number;
  startMin: number;
  family: Family;
  km: number;
}
interface Reading {
  input: ActivityInput;
  /** Which browsers hold it: 0 = A, 1 = B, 2 = both. */
  where: number;
}
interface Case {
  reals: Real[];
  /** Readings of each real activity. */
  readings: Reading[][];
}

const startOf = (r: Real) => Date.parse(`${addDays(FIRST_DAY, r.day)}T00:00:00Z`) + r.startMin * MIN;
const similar = (a: number, b: number) => Math.max(a, b) / Math.min(a, b) <= 1.34;
const SPORTS: Record<Family, Sport[]> = { run: ['run', 'trail_run'], walk: ['walk', 'hike'], ride: ['ride'] };

/** Two real activities some rule could not tell apart: not generated. */
function confusable(a: Real, b: Real): boolean {
  return a.family === b.family && Math.abs(startOf(a) - startOf(b)) <= 30 * MIN && similar(a.km, b.km);
}

const realArb: fc.Arbitrary<Real> = fc.record({
  day: fc.integer({ min: 0, max: 4 }),
  // Minutes into the (UTC) day; ten hours of it, so activities crowd.
  startMin: fc.integer({ min: 5 * 60, max: 15 * 60 }),
  family: fc.constantFrom<Family>('run', 'run', 'walk', 'ride'),
  km: fc.integer({ min: 1, max: 30 }),
});

const readingArb = fc.record({
  via: fc.subarray(['strava', 'garmin', 'file'] as const),
  jitterS: fc.array(fc.integer({ min: -120, max: 120 }), { minLength: 3, maxLength: 3 }),
  stretch: fc.array(fc.double({ min: -0.025, max: 0.025, noNaN: true }), { minLength: 3, maxLength: 3 }),
  sport: fc.nat(),
  where: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
  // A run typed by hand: its start that day, how far off, which values.
  hand: fc.option(
    fc.record({
      startMin: fc.integer({ min: 0, max: 24 * 60 - 1 }),
      off: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
      values: fc.constantFrom('both', 'distance', 'minutes'),
    }),
  ),
});

const caseArb: fc.Arbitrary<Case> = fc
  .uniqueArray(realArb, { minLength: 1, maxLength: 7, comparator: confusable })
  .chain((reals) =>
    fc.tuple(fc.constant(reals), fc.array(readingArb, { minLength: reals.length, maxLength: reals.length })),
  )
  .map(([reals, rs]) => {
    const readings = reals.map((real, i) => {
      const r = rs[i]!;
      const date = addDays(FIRST_DAY, real.day);
      const out: Reading[] = r.via.map((via, k) => {
        const startMs = startOf(real) + r.jitterS[k]! * 1000;
        const s = 1 + r.stretch[k]!;
        const ids = {
          strava: String(7_000_000_000 + i),
          garmin: String(19_000_000_000 + i),
          file: new Date(startMs).toISOString(),
        };
        return {
          where: r.where[k]!,
          input: {
            source: via,
            sourceId: ids[via],
            startMs,
            localDate: date,
            sport: SPORTS[real.family][r.sport % SPORTS[real.family].length]!,
            sportLabel: real.family,
            distanceM: real.km * 1000 * s,
            movingS: Math.round(real.km * 330 * s),
            elapsedS: Math.round(real.km * 340 * s),
            name: '',
          },
        };
      });
      const h = r.hand;
      // Runs only, the only run of similar distance that day, started well away from every
      // activity of its family (so only the day can join it), and at least one value.
      const handOk =
        h !== null &&
        real.family === 'run' &&
        !reals.some((o) => o !== real && o.family === 'run' && o.day === real.day && similar(o.km, real.km)) &&
        reals.every(
          (o) =>
            o.family !== 'run' ||
            Math.abs(startOf(o) - (Date.parse(`${date}T00:00:00Z`) + h.startMin * MIN)) > 30 * MIN,
        );
      if (handOk) {
        out.push({
          where: r.where[3]!,
          input: {
            source: 'manual',
            sourceId: `form${i}abcdefg`,
            startMs: Date.parse(`${date}T00:00:00Z`) + h.startMin * MIN,
            localDate: date,
            sport: 'run',
            sportLabel: 'Run (entered by hand)',
            distanceM: h.values === 'minutes' ? null : Math.round(real.km * 1000 * (1 + h.off)),
            movingS: h.values === 'distance' ? null : Math.round(real.km * 330 * (1 + h.off)),
            elapsedS: null,
            name: '',
          },
        });
      }
      return out;
    });
    return { reals, readings };
  })
  .filter((c) => c.readings.every((r) => r.length > 0));

const keyOf = (i: ActivityInput) => sourceKey(i.source, i.sourceId);
let dbs = 0;
async function storeWith(inputs: readonly ActivityInput[], order: readonly number[], cuts: readonly number[]) {
  const store = new ActivityStore(await openActivityDb(DB_VERSION, `agree-${++dbs}-${Math.random()}`));
  // Any arrival order, in batches of any size (a page of a site, a bulk import, one message each).
  const shuffled = inputs.map((x, i) => [order[i] ?? i, x] as const).sort((a, b) => a[0] - b[0]);
  let at = 0;
  for (const c of [...cuts, shuffled.length]) {
    const end = Math.min(shuffled.length, at + 1 + (c % 4));
    if (end > at)
      await store.save(
        shuffled.slice(at, end).map(([, x]) => x),
        NOW,
      );
    at = end;
    if (at >= shuffled.length) break;
  }
  if (at < shuffled.length)
    await store.save(
      shuffled.slice(at).map(([, x]) => x),
      NOW,
    );
  return store;
}

/** The real activity each source key was read from. */
function truthOf(c: Case): Map<string, number> {
  const m = new Map<string, number>();
  c.readings.forEach((rs, i) => {
    for (const r of rs) m.set(keyOf(r.input), i);
  });
  return m;
}

/** Each group of keys is exactly the keys of one real activity (given the keys that exist). */
function expectPartition(groups: readonly (readonly string[])[], truth: Map<string, number>, present: Set<string>) {
  const seen = new Set<number>();
  for (const g of groups) {
    const owners = new Set(g.map((k) => truth.get(k)));
    expect(owners.size, `one group mixes activities: ${g.join(', ')}`).toBe(1);
    const i = [...owners][0]!;
    expect(seen.has(i), `activity ${i} counted twice`).toBe(false);
    seen.add(i);
    const all = [...truth].filter(([k, o]) => o === i && present.has(k)).map(([k]) => k);
    expect([...g].sort()).toEqual(all.sort());
  }
  const expected = new Set([...truth].filter(([k]) => present.has(k)).map(([, i]) => i));
  expect(seen).toEqual(expected);
}

const contentOf = (acts: readonly Activity[], deletions: ShardContent['deletions'] = []): ShardContent => ({
  runs: acts.map(syncRunOf),
  deletions,
  marks: [],
  checkIns: [],
});

const RUNS = { numRuns: 60, seed: 19 };

describe('store, engine, sync merge and deletions agree', { timeout: 120_000 }, () => {
  it('on which readings are one activity', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, fc.array(fc.nat()), fc.array(fc.nat()), async (c, order, cuts) => {
        const truth = truthOf(c);
        const inputs = c.readings.flat().map((r) => r.input);
        const all = new Set(truth.keys());

        // The store: one record per real activity, holding every id of it.
        const store = await storeWith(inputs, order, cuts);
        const records = await store.all();
        expectPartition(
          records.map((a) => a.sourceKeys),
          truth,
          all,
        );
        // A run typed by hand takes the recorded run's start and distance.
        const byKey = new Map(inputs.map((x) => [keyOf(x), x]));
        for (const a of records) {
          const recorded = a.sourceKeys.filter((k) => !k.startsWith('manual:')).map((k) => byKey.get(k)!);
          if (recorded.length === 0) continue;
          expect(recorded.map((x) => x.startMs)).toContain(a.startMs);
          expect(recorded.map((x) => x.distanceM)).toContain(a.distanceM);
        }

        // The engine, given every reading as its own record (and with the store's records beside
        // them as stale copies): each real activity once.
        const single = inputs.map((x) => activityFromInput(x, NOW));
        const last = addDays(FIRST_DAY, 5);
        for (const set of [single, [...single, ...records]]) {
          const chosen = selectActivities(set, null, last);
          expect(chosen).toHaveLength(c.reals.length);
          expect(new Set(chosen.map((a) => truth.get(a.sourceKeys[0]!))).size).toBe(c.reals.length);
        }

        // The sync merge of two browsers that each hold some readings: the same activities,
        // whatever order and repeats the rows arrive in.
        const inA = c.readings
          .flat()
          .filter((r) => r.where !== 1)
          .map((r) => r.input);
        const inB = c.readings
          .flat()
          .filter((r) => r.where !== 0)
          .map((r) => r.input);
        const a = await (await storeWith(inA, order, cuts)).all();
        const b = await (await storeWith(inB, [...order].reverse(), cuts)).all();
        const merged = mergeShards([contentOf(a), contentOf(b)]);
        expectPartition(
          merged.runs.map((r) => r.sourceKeys),
          truth,
          all,
        );
        const rows = [contentOf(b), contentOf([...a].reverse()), contentOf(a)];
        expect(mergeShards(rows)).toEqual(merged);
        // The engine on the merged runs and the store's count per day agree too.
        const perDay = (dates: string[]) => dates.sort().join(' ');
        expect(perDay(merged.runs.map((r) => r.localDate))).toBe(perDay(records.map((r) => r.localDate)));
      }),
      RUNS,
    );
  });

  it('a deletion hides that activity only, in every browser', async () => {
    await fc.assert(
      fc.asyncProperty(
        caseArb,
        fc.nat(),
        fc.boolean(),
        fc.option(fc.double({ min: 0.5, max: 1.5, noNaN: true })),
        async (c, pick, inA, correction) => {
          const truth = truthOf(c);
          const holds = (x: 0 | 1) =>
            c.readings
              .flat()
              .filter((r) => r.where === 2 || r.where === x)
              .map((r) => r.input);
          const here = await (await storeWith(holds(inA ? 0 : 1), [], [])).all();
          const there = await (await storeWith(holds(inA ? 1 : 0), [], [])).all();
          fc.pre(here.length > 0);
          let gone = here[pick % here.length]!;
          // Corrected by hand before it was deleted: its distance is the runner's.
          if (correction !== null)
            gone = { ...gone, distanceM: (gone.distanceM ?? 5000) * correction, edited: true, updatedMs: NOW + MIN };
          const deletion = syncDeletionOf(gone, NOW + 60 * MIN);
          const i = truth.get(gone.sourceKeys[0]!)!;
          const merged = mergeShards([
            contentOf(
              here.filter((x) => x.key !== gone.key),
              [deletion],
            ),
            contentOf(there),
          ]);
          const shown = new Set(merged.runs.flatMap((r) => r.sourceKeys.map((k) => truth.get(k))));
          // Every other activity stays. A correction leaves only start and sport family to match
          // by, so an activity of that family starting within 10 minutes is the documented exception.
          c.reals.forEach((real, j) => {
            if (j === i) return;
            const exists = [...here, ...there].some((x) => x.key !== gone.key && truth.get(x.sourceKeys[0]!) === j);
            if (!exists) return;
            const nearSameFamily =
              real.family === c.reals[i]!.family && Math.abs(startOf(real) - gone.startMs) <= 12 * MIN;
            if (correction !== null && nearSameFamily) return;
            expect(shown.has(j), `activity ${j} vanished with ${i}`).toBe(true);
          });
          // The deleted one goes from every view, except a run typed by hand in the other browser
          // that the deleted record did not hold (or the watch's run when a hand entry was deleted).
          const survivors = there.filter(
            (x) =>
              truth.get(x.sourceKeys[0]!) === i &&
              !x.sourceKeys.some((k) => gone.sourceKeys.includes(k)) &&
              (isHandEntryOnly(gone) || isHandEntryOnly(x)),
          );
          expect(shown.has(i)).toBe(survivors.length > 0);
        },
      ),
      RUNS,
    );
  });
});
