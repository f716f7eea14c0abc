import { bench, describe } from 'vitest';
import type { Activity, Sport } from '../../core/activity';
import { breakLookup, historyWindow } from '../../core/engine/history-window';
import { addDays } from '../../core/local-date';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { computeVerdict } from '../../core/engine/verdict';
import { bound } from '../date-sorted';

// The whole verdict as the background worker computes it: pick the history window out of the
// stored activities (binary search on a localDate-sorted array, standing in for the IndexedDB
// index), read the runs before a break if asked, and compute. Target: under 2 ms with 20,000
// stored activities (ten years of daily running), and no more with ten years than with one; under
// 5 ms with all 20,000 in the 91-day window (about 220 a day: every one of them is selected,
// sorted and grouped into activities, and the grouping must not test every pair of a crowded day).
//
//   npm run bench:verdict

const TODAY = '2025-06-15';
const settings = { ...DEFAULT_SETTINGS, runningLoadSports: [...DEFAULT_SETTINGS.runningLoadSports] };
const PER_DAY = 20_000 / 3650; // ten years of daily running in 20,000 activities: ~5.5 a day

// A day's activities: the run, a walk, the run again as another source saw it (a duplicate the
// engine must collapse), a ride, strength work, and on some days a second run.
const SLOTS: { sport: Sport; hour: number; dup?: boolean }[] = [
  { sport: 'run', hour: 7 },
  { sport: 'walk', hour: 12 },
  { sport: 'run', hour: 7, dup: true },
  { sport: 'ride', hour: 17 },
  { sport: 'strength', hour: 19 },
  { sport: 'run', hour: 21 },
];

/**
 * n activities over `days` days ending today (~5.5 a day unless given), sorted by localDate as the
 * store's index returns them. A crowded day repeats the slots: many runs at one hour, each with
 * its copy from the other source a minute later.
 */
function storedHistory(n: number, days = Math.ceil(n / PER_DAY)): Activity[] {
  const out: Activity[] = [];
  const perDay = n / days;
  for (let k = 0; k < n; k++) {
    const day = Math.floor(k / perDay);
    const slot = SLOTS[(k - Math.ceil(day * perDay)) % SLOTS.length]!;
    const date = addDays(TODAY, -(days - 1 - day));
    const dayNo = Date.parse(`${date}T00:00:00Z`);
    // Weekly pattern: a long run every 7th day, easy runs otherwise.
    const km =
      slot.sport === 'strength' ? null : slot.sport === 'ride' ? 30 : day % 7 === 0 ? 16 + (day % 5) : 6 + (day % 4);
    const source = slot.dup ? 'garmin' : 'strava';
    const key = `${source}:${k}`;
    out.push({
      key,
      sources: [{ source, id: String(k) }],
      sourceKeys: [key],
      startMs: dayNo + slot.hour * 3_600_000 + (slot.dup ? 60_000 : 0),
      localDate: date,
      sport: slot.sport,
      sportLabel: slot.sport,
      distanceM: km === null ? null : km * 1000,
      movingS: km === null ? 1800 : km * 330,
      elapsedS: km === null ? 1900 : km * 340,
      name: 'Bench',
      updatedMs: 0,
    });
  }
  out.sort((a, b) => (a.localDate < b.localDate ? -1 : a.localDate > b.localDate ? 1 : 0));
  return out;
}

interface Store {
  all: Activity[];
  dates: string[];
}

function store(n: number, days?: number): Store {
  const all = storedHistory(n, days);
  return { all, dates: all.map((a) => a.localDate) };
}

/** What the background worker does for the popup and the badge. */
function verdictFromStore(s: Store) {
  const w = historyWindow(TODAY, settings);
  const activities = s.all.slice(bound(s.dates, w.from, false), bound(s.dates, w.to, true));
  const lookup = breakLookup(TODAY, settings, activities);
  let beforeBreak: Activity[] = [];
  if (lookup) {
    const end = bound(s.dates, lookup.before, false);
    beforeBreak = s.all.slice(Math.max(0, end - lookup.limit), end).reverse();
  }
  return computeVerdict({ today: TODAY, settings, activities, beforeBreak });
}

const SIZES = [200, 2_000, 20_000] as const;
const stores = new Map(SIZES.map((n) => [n, store(n)]));
const CROWDED_DAYS = 91;
const crowded = store(20_000, CROWDED_DAYS);

// Figures printed whatever the reporter shows: ms per verdict, median of 15 rounds of about 50 ms,
// and the CPU time the process spent per verdict (the same on an idle machine; on a busy one the
// wall clock also counts waiting for a core).
function msPerVerdict(fn: () => unknown): { median: number; p90: number; cpu: number } {
  const t = performance.now();
  let warm = 0;
  while (warm < 300 && (warm < 3 || performance.now() - t < 300)) (fn(), warm++);
  const reps = Math.max(1, Math.min(200, Math.round((50 * warm) / (performance.now() - t))));
  const rounds: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < 15; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) fn();
    rounds.push((performance.now() - t0) / reps);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000 / reps);
  }
  rounds.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  return { median: rounds[7]!, p90: rounds[13]!, cpu: cpus[7]! };
}

const lines = ['', 'Hip Check verdict benchmark (window select + breakLookup + computeVerdict):'];
for (const n of SIZES) {
  const s = stores.get(n)!;
  const w = historyWindow(TODAY, settings);
  const inWindow = bound(s.dates, w.to, true) - bound(s.dates, w.from, false);
  const { median, p90, cpu } = msPerVerdict(() => verdictFromStore(s));
  lines.push(
    `  ${String(n).padStart(6)} stored activities over ${String(Math.ceil(n / PER_DAY)).padStart(4)} days, ${inWindow} in the ${w.days}-day window: ${median.toFixed(3)} ms per verdict (p90 of rounds ${p90.toFixed(3)} ms; CPU ${cpu.toFixed(3)} ms)`,
  );
}
{
  const w = historyWindow(TODAY, settings);
  const inWindow = bound(crowded.dates, w.to, true) - bound(crowded.dates, w.from, false);
  const { median, p90, cpu } = msPerVerdict(() => verdictFromStore(crowded));
  lines.push(
    `  20,000 stored activities in the last ${CROWDED_DAYS} days (~${Math.round(20_000 / CROWDED_DAYS)} a day), ${inWindow} in the window: ${median.toFixed(3)} ms per verdict (p90 of rounds ${p90.toFixed(3)} ms; CPU ${cpu.toFixed(3)} ms)`,
  );
}
{
  const s = stores.get(20_000)!;
  const { median } = msPerVerdict(() => computeVerdict({ today: TODAY, settings, activities: s.all }));
  lines.push(`  for comparison, computeVerdict handed all 20,000 unselected: ${median.toFixed(3)} ms per verdict`);
}
console.log(lines.join('\n'));

describe('verdict over stored history', () => {
  for (const n of SIZES) {
    const s = stores.get(n)!;
    bench(`${n} stored activities: window select + verdict`, () => {
      verdictFromStore(s);
    });
  }
  bench(`20,000 activities in the last ${CROWDED_DAYS} days: window select + verdict`, () => {
    verdictFromStore(crowded);
  });
});
