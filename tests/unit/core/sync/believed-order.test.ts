// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { activityFromInput, type Activity } from '../../../../core/activity';
import type { CheckIn } from '../../../../core/check-in';
import { addDays } from '../../../../core/local-date';
import { LIMITS } from '../../../../core/plausibility';
import { boundsOf, noteSeen, type SeenEntry } from '../../../../core/sync/first-seen';
import { mergeShards } from '../../../../core/sync/merge-shards';
import {
  decodeItem,
  encodeItem,
  periodOfDate,
  shardKey,
  syncDeletionOf,
  syncRunOf,
  type ShardContent,
  type ShardItem,
  type SyncDeletion,
  type SyncMark,
} from '../../../../core/sync/shard-format';
import { ownBudget, ownContent, planItems, syncWindowStart } from '../../../../core/sync/shard-plan';
import { mulberry32 } from '../../../seeded-random';

// 2-5 simulated browsers with clocks off by minutes or hours, one of them sometimes hostile
// (rows claiming times ahead, copies listing more ids (values close enough to join), runs in the future, junk). The runner acts in one
// browser at a time, far enough apart that honest clocks cannot disagree on the order. Whatever
// the delivery order, every honest browser shows the runner's last action.

const TODAY = '2026-11-30';
const END = Date.parse('2026-11-30T20:00:00Z');
/**
 * A hostile row claims a time as far ahead as the checkpoint lets a sync row claim (its clock a
 * day ahead); 2199 is refused outright by the row checks. First sightings must bound it.
 */
const AHEAD = END + 23 * 3_600_000;
const CASES = 80;
/** The simulation starts 60 of its longest gaps before END; every date it acts on lies before that. */
const BASE = addDays(TODAY, -16);

interface Sim {
  id: string;
  skewMs: number;
  acts: Activity[];
  deletions: SyncDeletion[];
  marks: Map<string, SyncMark>;
  checkIns: Map<string, CheckIn>;
  seen: Map<string, SeenEntry>;
  /** Other browsers' items as received: per key the latest. */
  inbox: Map<string, ShardItem>;
}

const runStart = (i: number) => Date.parse(`${addDays(BASE, -3 * i)}T06:00:00Z`);
const own = (b: Sim) => ownContent(b.acts, b.deletions, [...b.marks.values()], TODAY, [...b.checkIns.values()]);

function received(b: Sim): ShardContent[] {
  const out: ShardContent[] = [];
  for (const [k, v] of b.inbox) {
    const d = decodeItem(k, v, END + 86_400_000);
    if (d.ok) out.push(d.content);
  }
  return out;
}

/** What the background does on every read: note first sightings at this browser's clock. */
function observe(b: Sim, realMs: number) {
  const next = noteSeen(b.seen, [own(b), ...received(b)], realMs + b.skewMs, syncWindowStart(TODAY));
  if (next) b.seen = next;
}

function publish(b: Sim, realMs: number): Record<string, ShardItem> {
  return planItems(b.id, own(b), realMs + b.skewMs, ownBudget(0)).items;
}

const view = (b: Sim, others = received(b)) =>
  mergeShards(others, { own: own(b), seen: boundsOf(b.seen), nowMs: END + b.skewMs });

/** A hostile browser's items: every kind of row claiming a time ahead, copies with more ids, a future run, junk. */
function hostileItems(id: string, dates: string[], runs: Activity[]): Record<string, unknown> {
  const byPeriod = new Map<number, ShardContent>();
  const at = (date: string) => {
    const p = periodOfDate(date);
    if (!byPeriod.has(p)) byPeriod.set(p, { runs: [], deletions: [], marks: [], checkIns: [] });
    return byPeriod.get(p)!;
  };
  for (const date of dates) {
    at(date).checkIns.push({
      date,
      pain: 10,
      flags: ['night_or_rest', 'walking'],
      atMs: AHEAD,
      morning: { pain: 10, atMs: AHEAD },
      later: { pain: 10, atMs: AHEAD },
    });
    at(date).marks.push({ date, on: true, atMs: AHEAD });
  }
  for (const a of runs) {
    const r = syncRunOf(a);
    at(r.localDate).runs.push({ ...r, distanceM: 30_000, edited: true, updatedMs: AHEAD });
    at(r.localDate).runs.push({
      ...r,
      sourceKeys: [...r.sourceKeys, `file:x${r.startMs}`].sort(),
      distanceM: 9_600,
      updatedMs: AHEAD,
    });
  }
  const later = Date.parse(`${TODAY}T23:00:00Z`);
  at(TODAY).runs.push({ ...syncRunOf(runs[0]!), sourceKeys: ['strava:999'], startMs: later, localDate: TODAY });
  const items: Record<string, unknown> = {};
  for (const [p, c] of byPeriod) items[shardKey(id, p)] = encodeItem(c, END - 200 * 3_600_000);
  items[shardKey(id, 1)] = { v: 1, s: 'junk', a: [42] };
  return items;
}

type Last =
  | { kind: 'pain'; date: string; slot: 'morning' | 'later'; pain: number }
  | { kind: 'mark'; date: string; on: boolean }
  | { kind: 'run'; run: number; km: number | null };

function simulate(seed: number) {
  const rnd = mulberry32(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const maxSkew = rnd() < 0.5 ? 5 * 60_000 : 3 * 3_600_000;
  const gap = 2 * maxSkew + 10 * 60_000;
  const n = 2 + int(4);
  const hostile = n > 2 && rnd() < 0.6;
  const honest: Sim[] = Array.from({ length: hostile ? n - 1 : n }, (_, i) => ({
    id: `browser${i}x`,
    skewMs: Math.round((rnd() * 2 - 1) * maxSkew),
    acts: [],
    deletions: [],
    marks: new Map(),
    checkIns: new Map(),
    seen: new Map(),
    inbox: new Map(),
  }));
  const runs = [0, 1, 2];
  const dates = [0, 1, 2, 3].map((d) => addDays(BASE, -d));
  let real = END - 60 * gap;
  // Every honest browser has the runs, from Strava or Garmin (values a little apart).
  for (const b of honest)
    for (const i of runs) {
      const garmin = rnd() < 0.5;
      b.acts.push(
        activityFromInput(
          {
            source: garmin ? 'garmin' : 'strava',
            sourceId: garmin ? `${19_000_000_000 + i}` : `${7_000_000_000 + i}`,
            startMs: runStart(i) + (garmin ? 60_000 : 0),
            localDate: addDays(BASE, -3 * i),
            sport: 'run',
            sportLabel: 'Run',
            distanceM: 10_000 * (garmin ? 1.01 : 1),
            movingS: 3000,
            elapsedS: 3100,
            name: '',
          },
          real + b.skewMs,
        ),
      );
    }
  const pending: { to: Sim; from: string; items: Record<string, unknown> }[] = [];
  const deliver = (to: Sim, from: string, items: Record<string, unknown>) => {
    for (const k of [...to.inbox.keys()]) if (k.startsWith(`hcs.${from}.`)) to.inbox.delete(k);
    for (const [k, v] of Object.entries(items)) to.inbox.set(k, v as ShardItem);
  };
  const sendAll = (from: Sim, now: number, late: boolean) => {
    const items = publish(from, now);
    for (const to of honest)
      if (to !== from) {
        if (late && rnd() < 0.3) pending.push({ to, from: from.id, items });
        else deliver(to, from.id, items);
      }
  };
  for (const b of honest) sendAll(b, real, false);
  real += gap;
  for (const b of honest) observe(b, real);
  // The hostile browser writes first; every honest browser has seen its rows before the runner acts.
  if (hostile) {
    const items = hostileItems('hostile1x', dates, honest[0]!.acts);
    for (const b of honest) deliver(b, 'hostile1x', items);
    real += gap;
    for (const b of honest) observe(b, real);
  }
  const last = new Map<string, Last>();
  for (let step = 0; step < 12 + int(20); step++) {
    real += gap;
    const b = honest[int(honest.length)]!;
    const local = real + b.skewMs;
    const kind = int(4);
    if (kind === 0) {
      const date = dates[int(dates.length)]!;
      const slot = rnd() < 0.5 ? ('morning' as const) : ('later' as const);
      const pain = int(11);
      const cur = b.checkIns.get(date);
      b.checkIns.set(date, { ...cur, date, pain, flags: [], atMs: local, [slot]: { pain, atMs: local } });
      last.set(`pain ${date} ${slot}`, { kind: 'pain', date, slot, pain });
    } else if (kind === 1) {
      const date = dates[int(dates.length)]!;
      const on = rnd() < 0.5;
      b.marks.set(date, { date, on, atMs: local });
      last.set(`mark ${date}`, { kind: 'mark', date, on });
    } else {
      const i = runs[int(runs.length)]!;
      const copy = b.acts.find((a) => Math.abs(a.startMs - runStart(i)) <= 10 * 60_000);
      if (!copy) continue;
      if (kind === 2) {
        const km = 1 + int(30);
        b.acts[b.acts.indexOf(copy)] = { ...copy, distanceM: km * 1000, edited: true, updatedMs: local };
        last.set(`run ${i}`, { kind: 'run', run: i, km });
      } else {
        b.acts.splice(b.acts.indexOf(copy), 1);
        b.deletions.push(syncDeletionOf(copy, local));
        last.set(`run ${i}`, { kind: 'run', run: i, km: null });
      }
    }
    observe(b, real);
    sendAll(b, real, true);
    // Some late deliveries arrive now, in any order.
    for (let k = pending.length - 1; k >= 0; k--)
      if (rnd() < 0.5) {
        const p = pending.splice(k, 1)[0]!;
        deliver(p.to, p.from, p.items);
      }
    for (const o of honest) observe(o, real + 60_000);
  }
  // Eventually everything arrives (latest write of each browser last).
  real += gap;
  for (const p of pending) deliver(p.to, p.from, p.items);
  for (const b of honest) sendAll(b, real, false);
  for (const b of honest) observe(b, real);
  return { honest, last, hostile };
}

describe('sync believes the runner’s last action, by local order of events', { timeout: 60_000 }, () => {
  it(`${CASES} cases: every honest browser shows each last action; no future run; hostile copies never speak`, () => {
    let hostileCases = 0;
    let hourSkewCases = 0;
    for (let seed = 1; seed <= CASES; seed++) {
      const { honest, last, hostile } = simulate(seed);
      if (hostile) hostileCases++;
      if (honest.some((b) => Math.abs(b.skewMs) > 30 * 60_000)) hourSkewCases++;
      for (const b of honest) {
        const v = view(b);
        const where = `seed ${seed}, ${b.id} (skew ${Math.round(b.skewMs / 60_000)} min)`;
        for (const l of last.values()) {
          if (l.kind === 'pain') {
            const c = v.checkIns.find((x) => x.date === l.date);
            expect(c?.[l.slot]?.pain, where).toBe(l.pain);
          } else if (l.kind === 'mark') expect(v.restMarks.includes(l.date), where).toBe(l.on);
          else {
            const copies = v.runs.filter((r) => Math.abs(r.startMs - runStart(l.run)) <= 10 * 60_000);
            if (l.km === null) expect(copies, where).toEqual([]);
            else
              expect(
                copies.map((r) => r.distanceM),
                where,
              ).toEqual([l.km * 1000]);
          }
        }
        // Runs the runner never touched: this browser's own values, never the hostile copy's that lists more ids.
        for (const i of [0, 1, 2]) {
          if (last.has(`run ${i}`)) continue;
          const mine = b.acts.find((a) => Math.abs(a.startMs - runStart(i)) <= 10 * 60_000)!;
          const shown = v.runs.filter((r) => Math.abs(r.startMs - runStart(i)) <= 10 * 60_000);
          if (hostile) {
            // The hostile 30 km correction is the latest hand correction this browser has seen.
            expect(shown.map((r) => r.sport)).toEqual(['run']);
          } else expect(shown.map((r) => [r.sport, r.distanceM])).toEqual([['run', Math.round(mine.distanceM!)]]);
        }
        for (const r of v.runs) expect(r.startMs, where).toBeLessThanOrEqual(END + b.skewMs + LIMITS.futureSlackMs);
        // The same rows and bounds give the same view, in any order, however often delivered.
        const others = received(b);
        expect(view(b, [...others].reverse().concat(others)), where).toEqual(v);
      }
    }
    // The cases cover what they claim to.
    expect(hostileCases).toBeGreaterThan(20);
    expect(hourSkewCases).toBeGreaterThan(20);
  });
});
