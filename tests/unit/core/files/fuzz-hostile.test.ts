// @vitest-environment node
// The hostile input classes of issue #10, generated from seeds: each ends, within 5 seconds,
// in a clear outcome (refused with its reason, or read without inventing anything), never a
// hang, an exception or an out-of-memory.
import { describe, expect, it } from 'vitest';
import { activitiesOf, countOutcome, readActivityFile } from '../../../../core/files/import-files';
import { bytesSource } from '../../../../core/files/source';
import { checkActivityInput } from '../../../../core/activity-validation';
import { HOSTILE_CLASSES } from './hostile-inputs';

const SEEDS = [1, 2];
/** The outcome each class must end with. */
const EXPECTED: Record<string, RegExp> = {
  'overlapping zip entries': /^Damaged archive: the entries .* overlap/,
  'zips nested three deep': /nested more than two deep|expands more than/,
  'Garmin summaries of 1 GB spaces': /^Damaged archive: .* expands more than 200 times/,
  'Strava CSV of millions of rows': /expands more than 200 times|Too large/,
  'gzip bomb': /expands more than 200 times/,
};
const NOW = Date.UTC(2026, 10, 30);

describe('hostile inputs end with an outcome', () => {
  for (const [label, make] of HOSTILE_CLASSES) {
    it.each(SEEDS)(
      `${label} (seed %i)`,
      async (seed) => {
        const input = make(seed);
        const t0 = performance.now();
        const result = await readActivityFile(input.name, bytesSource(input.bytes), { timeZone: 'UTC', nowMs: NOW });
        const ms = performance.now() - t0;
        expect(ms).toBeLessThan(5000);
        const activities = activitiesOf(result);
        // Nothing is invented from it: whatever was read passes the checkpoint and stays small.
        for (const a of activities) {
          expect(checkActivityInput(a, NOW)).toEqual({ ok: true, value: a });
          expect(a.name.length).toBeLessThan(100);
        }
        const { refused } = countOutcome([{ name: input.name, result }]);
        if (activities.length === 0) {
          expect(refused.length).toBeGreaterThan(0);
          expect(refused[0]!.reason).toMatch(EXPECTED[label] ?? /./);
        }
      },
      10_000,
    );
  }
});
