import { describe, expect, it } from 'vitest';
import type { Sport } from '../../../core/activity';
import {
  ANOTHER_RUN_PREFIX,
  groupSameActivities,
  isSameActivity,
  SAME_START_WINDOW_MS,
  type Identity,
} from '../../../core/same-activity';
import { mulberry32 } from '../../seeded-random';

// groupSameActivities looks only at the groups a record could join and stops at the nearest
// start that takes it. On crowded days (hundreds of records, dozens at one start, copies from
// every source, ids shared between browsers' copies) it must group exactly as the rule says when
// every record is weighed against every group founded before it: the reference below.

interface Row extends Identity {
  /** Orders any two rows, as the sync merge's encoded row does. */
  row: string;
}

const byRow = (a: Row, b: Row) => (a.row < b.row ? -1 : a.row > b.row ? 1 : 0);

/** The rule as documented, pair by pair: no window, no index, no early stop. */
function referenceGroups(items: readonly Row[]): Row[][] {
  const sorted = [...items].sort(
    (a, b) => a.startMs - b.startMs || b.sourceKeys.length - a.sourceKeys.length || byRow(a, b),
  );
  const groups: Row[][] = [];
  // A shared id first, then a start within the window, then the nearest start.
  const closeness = (x: Row, g: readonly Row[]) => {
    const shared = g.some((m) => m.sourceKeys.some((k) => x.sourceKeys.includes(k)));
    const gap = Math.min(...g.map((m) => Math.abs(x.startMs - m.startMs)));
    return [shared ? 0 : 1, gap <= SAME_START_WINDOW_MS ? 0 : 1, gap];
  };
  for (const x of sorted) {
    let best = -1;
    let bestBy: number[] = [];
    groups.forEach((g, i) => {
      if (!g.every((m) => isSameActivity(m, x))) return;
      const c = closeness(x, g);
      const d = c.map((v, j) => v - bestBy[j]!).find((v) => v !== 0) ?? 0;
      // Founding order settles ties.
      if (best < 0 || d < 0) {
        best = i;
        bestBy = c;
      }
    });
    if (best < 0) groups.push([x]);
    else groups[best]!.push(x);
  }
  return groups;
}

const DAY0 = Date.parse('2026-11-16T00:00:00Z');
const MIN = 60_000;
const SPORTS: Sport[] = ['run', 'run', 'run', 'trail_run', 'treadmill_run', 'walk', 'hike', 'ride', 'strength'];
// Offsets that sit on, inside and just outside the 10-minute window from a crowded hour's start.
const OFFSETS_S = [0, 0, 0, 1, 30, 60, 60, 240, 599, 600, 601, 900, 1800];

/** `perDay` records a day over `days` days, most of them in three crowded hours. */
function crowdedDays(seed: number, days: number, perDay: number): Row[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const rows: Row[] = [];
  let next = 0;
  // Ids that some earlier record already holds: a later copy (another browser's, or a merged
  // record) carries one of them.
  const used: string[] = [];
  for (let day = 0; day < days; day++) {
    const date = new Date(DAY0 + day * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < perDay; i++) {
      const hour = rnd() < 0.85 ? pick([7, 7, 12, 18]) : Math.floor(rnd() * 24);
      const startMs = DAY0 + day * 86_400_000 + hour * 3_600_000 + pick(OFFSETS_S) * 1000;
      const source = pick(['strava', 'strava', 'garmin', 'garmin', 'file', 'manual', 'manual']);
      const id =
        source === 'manual' && rnd() < 0.4 ? `${ANOTHER_RUN_PREFIX}${next++}` : String(rnd() < 0.2 ? next % 7 : next++);
      const keys = [`${source}:${id}`];
      if (used.length > 0 && rnd() < 0.15) keys.push(pick(used));
      if (rnd() < 0.1) keys.push(`${pick(['strava', 'garmin'])}:${next++}`);
      const sourceKeys = [...new Set(keys)];
      used.push(pick(sourceKeys));
      // Distances around a few lengths, some within 10 % of each other, some without a distance.
      const km = pick([5, 8, 10, 10, 10, 12, 21]) * (1 + (rnd() - 0.5) * 0.3);
      const distanceM = rnd() < 0.15 ? null : Math.round(km * 1000);
      const movingS = rnd() < 0.2 ? null : Math.round(km * 330 * (1 + (rnd() - 0.5) * 0.3));
      const elapsedS = movingS === null || rnd() < 0.3 ? null : movingS + Math.round(rnd() * 300);
      rows.push({
        row: `r${rows.length}`,
        sourceKeys,
        startMs,
        localDate: date,
        sport: pick(SPORTS),
        distanceM,
        movingS,
        elapsedS,
        ...(rnd() < 0.05 ? { edited: true } : {}),
      });
    }
  }
  return rows;
}

const rowsOf = (groups: Row[][]) => groups.map((g) => g.map((r) => r.row));

describe('grouping crowded days', () => {
  for (const [seed, days, perDay] of [
    [1, 3, 220],
    [2, 2, 300],
    [3, 6, 60],
  ] as const) {
    it(`groups ${days} days of ${perDay} records a day as the pairwise rule does (seed ${seed})`, () => {
      const rows = crowdedDays(seed, days, perDay);
      const expected = referenceGroups(rows);
      // The case is crowded: many records grouped together, many left alone.
      expect(expected.filter((g) => g.length > 1).length).toBeGreaterThan(rows.length / 10);
      expect(expected.filter((g) => g.length === 1).length).toBeGreaterThan(rows.length / 10);
      expect(rowsOf(groupSameActivities(rows, byRow))).toEqual(rowsOf(expected));
      // Any input order gives the same groups.
      const shuffled = rows.map((r, i) => [Math.sin(seed * 1e4 + i), r] as const).sort((a, b) => a[0] - b[0]);
      expect(
        rowsOf(
          groupSameActivities(
            shuffled.map(([, r]) => r),
            byRow,
          ),
        ),
      ).toEqual(rowsOf(expected));
    });
  }

  it("groups records that each own one id (the engine's, one per key) as the pairwise rule does", () => {
    // Each record owns an id no other record owns: mostly its only id, sometimes one it holds
    // with others, sometimes one it does not hold at all. Others may still hold it.
    const rnd = mulberry32(4);
    const owned = new Map<string, Row & { own: string }>();
    for (const r of crowdedDays(4, 3, 220)) {
      const own = rnd() < 0.6 ? r.sourceKeys[0]! : rnd() < 0.5 ? r.sourceKeys.at(-1)! : `file:own-${r.row}`;
      if (!owned.has(own)) owned.set(own, { ...r, own });
    }
    // And a swim that only its id joins to the record owning that id, hours before it.
    const swim = { localDate: '2026-11-16', sport: 'swim' as const, distanceM: 2000, movingS: 2400, elapsedS: 2500 };
    const owner = { ...swim, row: 'swim', sourceKeys: ['garmin:swim'], own: 'garmin:swim', startMs: DAY0 + 3_600_000 };
    const later = { ...owner, row: 'swim later', own: 'file:own-swim', startMs: DAY0 + 4 * 3_600_000 };
    owned.set(owner.own, owner).set(later.own, later);
    const rows = [...owned.values()];
    const expected = referenceGroups(rows);
    expect(expected.find((g) => g.includes(owner))).toEqual([owner, later]);
    expect(expected.filter((g) => g.length > 1).length).toBeGreaterThan(rows.length / 10);
    expect(rowsOf(groupSameActivities(rows, byRow, (r) => r.own))).toEqual(rowsOf(expected));
  });

  it('a crowded hour of one start: each Garmin copy joins the first founded Strava run still free', () => {
    const start = DAY0 + 7 * 3_600_000;
    const rows: Row[] = [];
    for (let i = 0; i < 40; i++) {
      const base = { localDate: '2026-11-16', sport: 'run' as const, distanceM: 10_000, movingS: 3000, elapsedS: 3100 };
      rows.push({ ...base, row: `s${String(i).padStart(2, '0')}`, sourceKeys: [`strava:${i}`], startMs: start });
      rows.push({ ...base, row: `g${String(i).padStart(2, '0')}`, sourceKeys: [`garmin:${i}`], startMs: start + MIN });
    }
    const groups = rowsOf(groupSameActivities(rows, byRow));
    expect(groups).toEqual(rowsOf(referenceGroups(rows)));
    expect(groups).toHaveLength(40);
    expect(groups[0]).toEqual(['s00', 'g00']);
    expect(groups[39]).toEqual(['s39', 'g39']);
  });
});
