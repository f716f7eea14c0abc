// @vitest-environment node
// The hostile input classes of issue #10, generated from seeds: each ends, within 5 seconds,
// in a clear outcome (refused with its reason, or read without inventing anything), never a
// hang, an exception or an out-of-memory.
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, type ProblemCode } from '../../../../core/problem-codes';
import { activitiesOf, countOutcome, readActivityFile } from '../../../../core/files/import-files';
import { bytesSource } from '../../../../core/files/source';
import { checkActivityInput } from '../../../../core/activity-validation';
import { HOSTILE_CLASSES } from './hostile-inputs';

const SEEDS = [1, 2];
/** The outcome each class must end with. */
const EXPECTED: Record<string, readonly ProblemCode[]> = {
  'overlapping zip entries': ['zip_entries_overlap'],
  'zips nested three deep': ['zip_nested_too_deep', 'archive_bomb'],
  'Garmin summaries of 1 GB spaces': ['archive_bomb'],
  'Strava CSV of millions of rows': [
    'archive_bomb',
    'strava_csv_too_many_rows',
    'csv_row_too_long',
    'import_too_many_entries',
    'import_too_much_data',
  ],
  'gzip bomb': ['archive_bomb'],
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
          expect(EXPECTED[label] ?? PROBLEM_CODES).toContain(refused[0]!.reason.code);
        }
      },
      10_000,
    );
  }
});
