// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activityFromInput, type Activity, type ActivityInput } from '../../../../core/activity';
import type { CheckIn } from '../../../../core/check-in';
import { addDays } from '../../../../core/local-date';
import { mergeInto } from '../../../../core/merge-duplicates';
import { findSame } from '../../../../core/same-activity';
import { mergeShards } from '../../../../core/sync/merge-shards';
import {
  decodeItem,
  itemBytes,
  parseShardKey,
  syncDeletionOf,
  type ShardContent,
  type ShardItem,
  type SyncDeletion,
  type SyncMark,
} from '../../../../core/sync/shard-format';
import { diffItems, ownBudget, ownContent, planItems, SYNC_LIMITS } from '../../../../core/sync/shard-plan';
import { OWN_RATE, recentWrites, writeAllowance } from '../../../../core/sync/write-budget';

// Simulated browsers that sync through a simulated storage.sync: each writes its own items, and
// the others receive those writes late, out of order and more than once. Fixed seeds: the same
// cases every run, and a failure prints its case.

const TODAY = '2026-11-30';
const T0 = Date.parse('2026-11-30T20:00:00Z');
const RUNS = { numRuns: 150, seed: 14 };

/** A run in the real world: day and slot keep two real runs at least 3 hours apart. */
interface RealRun {
  ago: number;
  slot: number;
  km: number;
}
const startOf = (r: RealRun) => Date.parse(`${addDays(TODAY, -r.ago)}T05:00:00Z`) + r.slot * 3 * 3_600_000;

type Op =
  | { kind: 'see'; who: number; run: number; via: 'strava' | 'garmin' | 'file'; jitterS: number; stretch: number }
  | { kind: 'correct'; who: number; run: number; km: number }
  | { kind: 'delete'; who: number; run: number }
  | { kind: 'mark'; who: number; ago: number; on: boolean }
  | { kind: 'checkin'; who: number; ago: number; pain: number };

class Browser {
  activities: Activity[] = [];
  deletions: SyncDeletion[] = [];
  marks = new Map<string, SyncMark>();
  checkIns = new Map<string, CheckIn>();
  /** What this browser has written to storage.sync. */
  own: Record<string, ShardItem> = {};
  /** Other browsers' items as received: per key the newest write (a removal is null). */
  received = new Map<string, { s: number; value: ShardItem | null }>();
  constructor(readonly id: string) {}

  content(): ShardContent {
    return ownContent(this.activities, this.deletions, [...this.marks.values()], TODAY, [...this.checkIns.values()]);
  }

  copyOf(real: RealRun): Activity | undefined {
    const s = startOf(real);
    return this.activities.find((a) => Math.abs(a.startMs - s) <= 10 * 60_000);
  }

  see(input: ActivityInput, now: number) {
    const dup = findSame(this.activities, { ...input, sourceKeys: [`${input.source}:${input.sourceId}`] });
    if (!dup) {
      this.activities.push(activityFromInput(input, now));
      return;
    }
    const merged = mergeInto(dup, input, now);
    const { updatedMs: _a, ...x } = merged;
    const { updatedMs: _b, ...y } = dup;
    if (JSON.stringify(x) !== JSON.stringify(y)) this.activities[this.activities.indexOf(dup)] = merged;
  }

  view(): ReturnType<typeof mergeShards> {
    const others: ShardContent[] = [];
    for (const [key, { value }] of this.received) {
      if (!value) continue;
      const d = decodeItem(key, value, T0 + 86_400_000);
      if (!d.ok) throw new Error(`${key}: ${d.problem} ${d.detail}`);
      others.push(d.content);
    }
    // As the background merges: its own rows apart, so its own copy of a run speaks.
    return mergeShards(others, { own: this.content() });
  }
}

interface Write {
  from: string;
  key: string;
  value: ShardItem | null;
  s: number;
}

function receive(b: Browser, w: Write) {
  const cur = b.received.get(w.key);
  if (!cur || w.s > cur.s) b.received.set(w.key, { s: w.s, value: w.value });
}

const realRunsArb = fc.uniqueArray(
  fc.record({
    ago: fc.integer({ min: 0, max: 40 }),
    slot: fc.integer({ min: 0, max: 3 }),
    km: fc.integer({ min: 3, max: 25 }),
  }),
  { selector: (r) => `${r.ago}/${r.slot}`, minLength: 1, maxLength: 10 },
);

const scenarioArb = fc
  .record({ browsers: fc.integer({ min: 2, max: 5 }), runs: realRunsArb })
  .chain(({ browsers, runs }) => {
    const who = fc.integer({ min: 0, max: browsers - 1 });
    const run = fc.integer({ min: 0, max: runs.length - 1 });
    const op: fc.Arbitrary<Op> = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.record({
          kind: fc.constant('see' as const),
          who,
          run,
          via: fc.constantFrom('strava' as const, 'garmin' as const, 'file' as const),
          jitterS: fc.integer({ min: -120, max: 120 }),
          stretch: fc.double({ min: -0.03, max: 0.03, noNaN: true }),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({ kind: fc.constant('correct' as const), who, run, km: fc.integer({ min: 1, max: 40 }) }),
      },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), who, run }) },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('mark' as const),
          who,
          ago: fc.integer({ min: 0, max: 10 }),
          on: fc.boolean(),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('checkin' as const),
          who,
          ago: fc.integer({ min: 0, max: 10 }),
          pain: fc.integer({ min: 0, max: 10 }),
        }),
      },
    );
    return fc.record({
      browsers: fc.constant(browsers),
      runs: fc.constant(runs),
      ops: fc.array(op, { minLength: 1, maxLength: 40 }),
      // Delivery: a random order of every (write, receiver) pair, with some delivered twice.
      order: fc.array(fc.nat(), { maxLength: 400 }),
      dupes: fc.array(fc.nat(), { maxLength: 60 }),
    });
  });

interface Scenario {
  browsers: number;
  runs: RealRun[];
  ops: Op[];
  order: number[];
  dupes: number[];
}

function simulate(sc: Scenario) {
  const bs = Array.from({ length: sc.browsers }, (_, i) => new Browser(`browser${i}x`));
  const writes: Write[] = [];
  let now = T0 - 3_600_000;
  const touched = new Map<number, Op[]>();
  /** The latest check-in answer of each date, whichever browser gave it. */
  const checkInsByDate = new Map<string, number>();
  for (const op of sc.ops) {
    now += 7_000;
    const b = bs[op.who]!;
    if (op.kind === 'see') {
      const real = sc.runs[op.run]!;
      const startMs = startOf(real) + op.jitterS * 1000;
      const ids = {
        strava: `${7_000_000_000 + op.run}`,
        garmin: `${19_000_000_000 + op.run}`,
        file: new Date(startMs).toISOString(),
      };
      b.see(
        {
          source: op.via,
          sourceId: ids[op.via],
          startMs,
          localDate: addDays(TODAY, -real.ago),
          sport: 'run',
          sportLabel: 'Run',
          distanceM: real.km * 1000 * (1 + op.stretch),
          movingS: real.km * 300,
          elapsedS: real.km * 310,
          name: 'Run',
        },
        now,
      );
    } else if (op.kind === 'correct' || op.kind === 'delete') {
      const copy = b.copyOf(sc.runs[op.run]!);
      if (!copy) continue;
      // A correction keeps a believable pace (the store refuses any other): the time follows the distance.
      if (op.kind === 'correct')
        b.activities[b.activities.indexOf(copy)] = {
          ...copy,
          distanceM: op.km * 1000,
          movingS: op.km * 300,
          edited: true,
          updatedMs: now,
        };
      else {
        b.activities.splice(b.activities.indexOf(copy), 1);
        b.deletions.push(syncDeletionOf(copy, now));
      }
    } else if (op.kind === 'mark') {
      const date = addDays(TODAY, -op.ago);
      b.marks.set(date, { date, on: op.on, atMs: now });
    } else {
      const date = addDays(TODAY, -op.ago);
      b.checkIns.set(date, {
        date,
        pain: op.pain,
        flags: op.pain > 7 ? ['night_or_rest'] : [],
        later: { pain: op.pain, atMs: now },
        atMs: now,
      });
      checkInsByDate.set(date, op.pain);
    }
    if (op.kind !== 'mark' && op.kind !== 'checkin') touched.set(op.run, [...(touched.get(op.run) ?? []), op]);
    // Publish: only this browser's items, only what changed, within its budget.
    const others = bs.filter((o) => o !== b).flatMap((o) => Object.entries(o.own));
    const othersBytes = others.reduce((n, [k, v]) => n + itemBytes(k, v), 0);
    const plan = planItems(b.id, b.content(), now, ownBudget(othersBytes));
    const { set, remove } = diffItems(b.own, plan.items);
    for (const [k, v] of Object.entries(set)) {
      expect(parseShardKey(k)?.browserId).toBe(b.id);
      b.own[k] = v;
      writes.push({ from: b.id, key: k, value: v, s: now });
    }
    for (const k of remove) {
      delete b.own[k];
      writes.push({ from: b.id, key: k, value: null, s: now });
    }
    // The quota holds for everything in storage.sync at every moment.
    const all = bs.flatMap((o) => Object.entries(o.own));
    expect(all.reduce((n, [k, v]) => n + itemBytes(k, v), 0)).toBeLessThanOrEqual(SYNC_LIMITS.totalBytes);
    expect(all.length).toBeLessThanOrEqual(SYNC_LIMITS.items);
    for (const [k, v] of all) expect(itemBytes(k, v)).toBeLessThanOrEqual(SYNC_LIMITS.itemBytes);
  }
  // Deliver late, reordered and duplicated; then everything, as the browser's sync eventually does.
  const pairs = writes.flatMap((w) => bs.filter((b) => b.id !== w.from).map((b) => [b, w] as const));
  if (pairs.length) {
    for (const i of sc.order) receive(...pairs[i % pairs.length]!);
    for (const i of sc.dupes) receive(...pairs[i % pairs.length]!);
    for (const p of [...pairs].reverse()) receive(...p);
  }
  return { bs, touched, checkInsByDate };
}

// Hundreds of simulated histories per property: seconds, more on a busy machine.
describe('run sync over simulated browsers', { timeout: 60_000 }, () => {
  it('converges: every browser shows the same runs, each real run at most once', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { bs, touched, checkInsByDate } = simulate(sc);
        const views = bs.map((b) => b.view());
        // The same runs, rest days and answers everywhere. A run's values may differ: each browser
        // that stores a run shows its own copy's (Strava's here, Garmin's there) unless corrected.
        const same = (v: ReturnType<Browser['view']>) => ({ ...v, runs: v.runs.map((r) => r.sourceKeys) });
        for (const v of views.slice(1)) expect(same(v)).toEqual(same(views[0]!));
        const view = views[0]!;
        // Hip check-ins: the latest answer of each day, from whichever browser gave it.
        expect(Object.fromEntries(view.checkIns.map((c) => [c.date, c.pain]))).toEqual(
          Object.fromEntries(checkInsByDate),
        );
        sc.runs.forEach((real, i) => {
          const copies = view.runs.filter((r) => Math.abs(r.startMs - startOf(real)) <= 10 * 60_000);
          // No double counting, however many browsers and sources saw it.
          expect(copies.length).toBeLessThanOrEqual(1);
          const ops = touched.get(i) ?? [];
          const seen = ops.some((o) => o.kind === 'see');
          const deleted = ops.some((o) => o.kind === 'delete');
          if (seen && !deleted) expect(copies.length).toBe(1);
          // The latest correction wins, whichever browser made it.
          const corrections = ops.filter((o) => o.kind === 'correct');
          if (copies.length && corrections.length && !deleted) {
            const held = bs.filter((b) => b.copyOf(real)?.edited).map((b) => b.copyOf(real)!);
            const latest = held.sort((a, b) => b.updatedMs - a.updatedMs)[0];
            // In every browser, its own uncorrected copy included.
            if (latest)
              for (const v of views) {
                const shown = v.runs.filter((r) => Math.abs(r.startMs - startOf(real)) <= 10 * 60_000);
                expect(shown[0]!.distanceM).toBe(latest.distanceM);
              }
          }
        });
      }),
      RUNS,
    );
  });

  it('a deletion hides every older copy of the run, in every browser', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { bs } = simulate(sc);
        const view = bs[0]!.view();
        for (const b of bs)
          for (const d of b.deletions) {
            const newer = bs.some((o) => o.activities.some((a) => a.updatedMs > d.deletedMs));
            if (newer) continue;
            expect(view.runs.some((r) => Math.abs(r.startMs - d.startMs) <= 10 * 60_000)).toBe(false);
          }
      }),
      RUNS,
    );
  });

  it('is order-independent and idempotent: any order, any repeats, same result', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.nat()), (sc, shuffle) => {
        const { bs } = simulate(sc);
        const contents = bs.map((b) => b.content());
        const once = mergeShards(contents);
        const permuted = [...contents, ...contents].map((c, i) => [shuffle[i] ?? i, c] as const);
        permuted.sort((a, b) => a[0] - b[0]);
        expect(mergeShards(permuted.map(([, c]) => c))).toEqual(once);
        // Rows shuffled inside the contents too.
        const rev = contents.map((c) => ({
          runs: [...c.runs].reverse(),
          deletions: [...c.deletions].reverse(),
          marks: [...c.marks].reverse(),
          checkIns: [...c.checkIns].reverse(),
        }));
        expect(mergeShards(rev.reverse())).toEqual(once);
      }),
      RUNS,
    );
  });
});

describe('storage.sync limits at seven activities a day', { timeout: 60_000 }, () => {
  it('five browsers that each saw every run stay within 100 KB, 8 KB an item and 512 items', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 2, max: 5 }), (perDay, n) => {
        const acts: Activity[] = [];
        for (let ago = 0; ago < 130; ago++)
          for (let k = 0; k < perDay; k++) {
            const startMs = Date.parse(`${addDays(TODAY, -ago)}T05:00:00Z`) + k * 2 * 3_600_000;
            acts.push(
              activityFromInput(
                {
                  source: 'strava',
                  sourceId: String(16_000_000_000 + ago * 10 + k),
                  startMs,
                  localDate: addDays(TODAY, -ago),
                  sport: 'run',
                  sportLabel: 'Run',
                  distanceM: 8000 + k * 1234.5,
                  movingS: 2400,
                  elapsedS: 2500,
                  cadenceSpm: 160 + k,
                  name: 'A run with a long name that never travels',
                },
                T0,
              ),
            );
          }
        const stored: Record<string, ShardItem> = { settings: { v: 0, s: 0, a: ['x'.repeat(1500)] } };
        for (let i = 0; i < n; i++) {
          const others = Object.entries(stored).reduce((s, [k, v]) => s + itemBytes(k, v), 0);
          const plan = planItems(`browser${i}x`, ownContent(acts, [], [], TODAY), T0, ownBudget(others));
          Object.assign(stored, plan.items);
          for (const [k, v] of Object.entries(plan.items))
            expect(itemBytes(k, v)).toBeLessThanOrEqual(SYNC_LIMITS.itemBytes);
          // The first browser always has room for everything at up to seven a day.
          if (i === 0) expect(plan.droppedRuns).toBe(0);
        }
        expect(Object.entries(stored).reduce((s, [k, v]) => s + itemBytes(k, v), 0)).toBeLessThanOrEqual(
          SYNC_LIMITS.totalBytes,
        );
        expect(Object.keys(stored).length).toBeLessThanOrEqual(SYNC_LIMITS.items);
      }),
      { numRuns: 20, seed: 14 },
    );
  });

  it('rows older than 120 days are pruned', () => {
    const old = activityFromInput(
      {
        source: 'strava',
        sourceId: '1',
        startMs: Date.parse(`${addDays(TODAY, -120)}T07:00:00Z`),
        localDate: addDays(TODAY, -120),
        sport: 'run',
        sportLabel: 'Run',
        distanceM: 5000,
        movingS: 1500,
        elapsedS: 1500,
        name: '',
      },
      T0,
    );
    const edge = {
      ...old,
      key: 'strava:2',
      sourceKeys: ['strava:2'],
      localDate: addDays(TODAY, -119),
      startMs: old.startMs + 86_400_000,
    };
    expect(ownContent([old, edge], [], [], TODAY).runs.map((r) => r.sourceKeys)).toEqual([['strava:2']]);
  });

  it('writes stay under a quarter of 120 a minute and 1,800 an hour, however often data changes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ gapMs: fc.integer({ min: 0, max: 120_000 }), items: fc.integer({ min: 1, max: 30 }) }), {
          maxLength: 300,
        }),
        (demands) => {
          let now = T0;
          let past: number[] = [];
          const all: number[] = [];
          for (const d of demands) {
            now += d.gapMs;
            past = recentWrites(past, now);
            const n = Math.min(d.items, writeAllowance(past, now).now);
            for (let i = 0; i < n; i++) {
              past.push(now);
              all.push(now);
            }
          }
          for (const t of all) {
            expect(all.filter((u) => u > t - 60_000 && u <= t).length).toBeLessThanOrEqual(OWN_RATE.perMinute);
            expect(all.filter((u) => u > t - 3_600_000 && u <= t).length).toBeLessThanOrEqual(OWN_RATE.perHour);
          }
        },
      ),
      { numRuns: 100, seed: 14 },
    );
  });
});
