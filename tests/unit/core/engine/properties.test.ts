// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SPORTS, type Activity, type Sport } from '../../../../core/activity';
import { breakLookup, historyWindow } from '../../../../core/engine/history-window';
import { addDays, localDateOf } from '../../../../core/local-date';
import { mergeInto } from '../../../../core/merge-duplicates';
import { PRESETS } from '../../../../core/settings';
import { computeVerdict } from '../../../../core/engine/verdict';
import { act, instantOf, preset } from './diary';

// Property tests with fixed seeds: the same cases on every run, and a failure prints its case.

const TODAY = '2025-06-15';
const RUNS = { numRuns: 200 };

interface Spec {
  ago: number;
  slot: number;
  sport: Sport;
  km: number | null;
}

const specArb = (maxAgo: number): fc.Arbitrary<Spec> =>
  fc.record({
    ago: fc.integer({ min: 0, max: maxAgo }),
    // Activities of a day start at least 3 hours apart, so no two generated ones look like duplicates.
    slot: fc.integer({ min: 0, max: 5 }),
    // Mostly runs, so that streaks and spikes happen.
    sport: fc.oneof(
      { arbitrary: fc.constantFrom<Sport>('run', 'trail_run', 'treadmill_run', 'virtual_run'), weight: 4 },
      { arbitrary: fc.constantFrom(...SPORTS), weight: 2 },
    ),
    km: fc.option(fc.double({ min: 0.5, max: 45, noNaN: true }), { freq: 8 }),
  });

const historyArb = (maxAgo = 100, maxLength = 120): fc.Arbitrary<Activity[]> =>
  fc.uniqueArray(specArb(maxAgo), { selector: (s) => `${s.ago}/${s.slot}`, maxLength }).map((specs) =>
    specs.map((s, i) =>
      act(addDays(TODAY, -s.ago), {
        id: `p${i}`,
        sport: s.sport,
        km: s.km,
        hour: 5 + 3 * s.slot,
      }),
    ),
  );

const settingsArb = fc
  .record({ p: fc.constantFrom(...PRESETS), w: fc.integer({ min: 7, max: 60 }) })
  .map(({ p, w }) => preset(p, { longRunWindowDays: w }));

function verdict(activities: readonly Activity[], s = preset('regular'), today = TODAY) {
  return computeVerdict({ today, settings: s, activities });
}

describe('engine properties', () => {
  it('input order does not matter', () => {
    fc.assert(
      fc.property(
        historyArb().chain((h) =>
          fc.tuple(fc.constant(h), fc.shuffledSubarray(h, { minLength: h.length, maxLength: h.length })),
        ),
        settingsArb,
        ([h, shuffled], s) => {
          expect(verdict(shuffled, s)).toEqual(verdict(h, s));
        },
      ),
      { seed: 1, ...RUNS },
    );
  });

  it('a rest day never lengthens a streak', () => {
    fc.assert(
      fc.property(historyArb(40), fc.integer({ min: 0, max: 20 }), fc.boolean(), (h, ago, crossTrain) => {
        const day = addDays(TODAY, -ago);
        const before = verdict(h).streak;
        // The runs of that day become walks (a rest day), or the day is emptied (a full rest day).
        const rested = crossTrain
          ? h.map((a) => (a.localDate === day && a.sport !== 'walk' ? { ...a, sport: 'walk' as const } : a))
          : h.filter((a) => a.localDate !== day);
        const after = verdict(rested).streak;
        expect(after.runDays).toBeLessThanOrEqual(before.runDays);
        if (!crossTrain) expect(after.activeDays).toBeLessThanOrEqual(before.activeDays);
        expect(after.restDaysLast14).toBeGreaterThanOrEqual(before.restDaysLast14);
      }),
      { seed: 2, ...RUNS },
    );
  });

  it('duplicates count once: exact copies, copies from another source, merged records next to stale copies', () => {
    fc.assert(
      fc.property(
        historyArb(60, 60),
        fc.array(
          fc.record({
            i: fc.nat(),
            kind: fc.constantFrom('copy', 'other_source', 'merged'),
            shiftMin: fc.integer({ min: -5, max: 5 }),
          }),
          { maxLength: 30 },
        ),
        (h, dups) => {
          fc.pre(h.length > 0);
          const withDups = [...h];
          for (const d of dups) {
            const a = h[d.i % h.length] as Activity;
            const id = `g-${a.key}`;
            const startMs = a.startMs + d.shiftMin * 60_000;
            // The same run as Garmin reported it: another source, a start a few minutes apart.
            const garminCopy: Activity = {
              ...a,
              key: `garmin:${id}`,
              sources: [{ source: 'garmin', id }],
              sourceKeys: [`garmin:${id}`],
              startMs,
            };
            if (d.kind === 'copy') withDups.push({ ...a });
            else if (d.kind === 'other_source') withDups.push(garminCopy);
            else {
              const input = {
                source: 'garmin' as const,
                sourceId: id,
                startMs,
                localDate: a.localDate,
                sport: a.sport,
                sportLabel: a.sportLabel,
                distanceM: a.distanceM,
                movingS: a.movingS,
                elapsedS: a.elapsedS,
                name: a.name,
              };
              withDups.push(mergeInto(a, input, 1), garminCopy);
            }
          }
          expect(verdict(withDups)).toEqual(verdict(h));
        },
      ),
      { seed: 3, ...RUNS },
    );
  });

  it('the window plus the runs before a break (as the store reads them) gives the same verdict as the whole history', () => {
    // Sparse, bursty history over 400 days, so that breaks of 30+ days happen.
    const sparse = fc
      .array(
        fc.record({
          start: fc.integer({ min: 0, max: 400 }),
          len: fc.integer({ min: 1, max: 25 }),
          every: fc.integer({ min: 1, max: 3 }),
          km: fc.double({ min: 2, max: 30, noNaN: true }),
        }),
        { maxLength: 6 },
      )
      .map((bursts) =>
        bursts.flatMap((b, bi) =>
          Array.from({ length: Math.ceil(b.len / b.every) }, (_, k) =>
            act(addDays(TODAY, -(b.start + k * b.every)), {
              id: `b${bi}-${k}`,
              km: b.km * (1 + (k % 4) / 10),
              hour: 6 + bi * 2,
            }),
          ),
        ),
      );
    fc.assert(
      fc.property(sparse, settingsArb, (all, s) => {
        const w = historyWindow(TODAY, s);
        const windowed = all.filter((a) => a.localDate >= w.from && a.localDate <= w.to);
        const lookup = breakLookup(TODAY, s, windowed);
        const beforeBreak = lookup
          ? all
              .filter((a) => a.localDate < lookup.before)
              .sort((a, b) => (a.localDate < b.localDate ? 1 : a.localDate > b.localDate ? -1 : 0))
              .slice(0, lookup.limit)
          : [];
        expect(computeVerdict({ today: TODAY, settings: s, activities: windowed, beforeBreak })).toEqual(
          verdict(all, s),
        );
      }),
      { seed: 4, ...RUNS },
    );
  });
});

describe('streaks across DST changes and time zones', () => {
  // Each zone with the dates its clocks change in 2024 (Kiritimati, UTC+14, has none).
  const ZONES: [string, string[]][] = [
    ['Europe/London', ['2024-03-31', '2024-10-27']],
    ['America/New_York', ['2024-03-10', '2024-11-03']],
    ['Australia/Sydney', ['2024-04-07', '2024-10-06']],
    ['Pacific/Kiritimati', ['2024-01-01', '2024-06-30', '2024-12-31']],
  ];
  const zoneArb = fc
    .constantFrom(...ZONES)
    .chain(([tz, dates]) => fc.tuple(fc.constant(tz), fc.constantFrom(...dates)));

  it.each(ZONES.map(([tz]) => tz))(
    'running every day at any hour across the changes in %s: one running day per date',
    (zone) => {
      const changes = (ZONES.find(([tz]) => tz === zone) as [string, string[]])[1];
      fc.assert(
        fc.property(
          fc.constantFrom(...changes),
          fc.integer({ min: -20, max: 0 }),
          fc.array(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })), {
            minLength: 2,
            maxLength: 30,
          }),
          fc.integer({ min: 0, max: 5 * 60 }),
          (change, startOffset, times, nowAfterMin) => {
            const first = addDays(change, startOffset);
            const acts = times.map(([h, m], i) => {
              const date = addDays(first, i);
              const startMs = instantOf(date, h, m, zone);
              // The importer dates the run where it happened; that must be the intended calendar date.
              expect(localDateOf(startMs, zone)).toBe(date);
              return act(date, { startMs, id: `d${i}` });
            });
            const last = acts.at(-1) as Activity;
            // The caller's "today": a few hours after the last run, in the user's zone (maybe the next day).
            const today = localDateOf(last.startMs + nowAfterMin * 60_000, zone);
            const s = verdict(acts, preset('regular', { maxRunDaysInRow: 30 }), today).streak;
            expect(s.runDays).toBe(times.length);
            expect(s.ranToday).toBe(today === last.localDate);
          },
        ),
        { seed: 5, numRuns: 100 },
      );
    },
  );

  it('travelling between these zones, a run each local day, one rest day: the streak restarts after the rest day', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(zoneArb, fc.integer({ min: 5, max: 21 })), { minLength: 3, maxLength: 25 }),
        fc.nat(),
        (days, restPick) => {
          const first = '2024-03-01';
          const rest = 1 + (restPick % (days.length - 2));
          const acts: Activity[] = [];
          days.forEach(([[tz], h], i) => {
            if (i === rest) return;
            const date = addDays(first, i);
            const startMs = instantOf(date, h, 0, tz);
            acts.push(act(localDateOf(startMs, tz), { startMs, id: `t${i}` }));
          });
          const today = addDays(first, days.length - 1);
          const s = verdict(acts, preset('regular'), today).streak;
          expect(s.runDays).toBe(days.length - 1 - rest);
          expect(s.lastRestDay).toBe(addDays(first, rest));
        },
      ),
      { seed: 6, numRuns: 100 },
    );
  });
});
