// @vitest-environment node
// The conformance run on ../shared/corpus (files/, hard/ and outside/): every file read or
// refused clearly, every file of expected.json and of the project's own list (PROJECT_EXPECTED)
// matching within its tolerances. Prints the per-file table.
//   npx vitest run tests/unit/core/files/conformance.test.ts
import { expect, it } from 'vitest';
import { conformanceOk, formatConformance, runConformance } from '../../../conformance/run-conformance';
import { describeWithCorpus } from '../../needs-corpus';
import { CORPUS_DIR } from './helpers';

describeWithCorpus('conformance on ../shared/corpus', () => {
  it('matches expected.json, reads or clearly refuses every other file, never crashes', async () => {
    // Two time zones: the results that matter (instants, distances, times) must not depend on it.
    for (const timeZone of ['UTC', 'Pacific/Auckland']) {
      const r = await runConformance(CORPUS_DIR, { timeZone, maxMsPerFile: 5000 });
      if (timeZone === 'UTC') console.log(formatConformance(r));
      const bad = r.rows
        .filter((row) => row.problems.length > 0)
        .map((row) => `${row.file}: ${row.problems.join('; ')}`);
      expect(bad).toEqual([]);
      // Every folder was read: a folder missing from the walk would pass unnoticed.
      for (const folder of ['files/', 'hard/', 'outside/'])
        expect(r.rows.filter((row) => row.file.startsWith(folder)).length, folder).toBeGreaterThan(10);
      expect(r.missing).toEqual([]);
      expect(r.counts.crash).toBe(0);
      expect(r.matched).toBe(r.expectedTotal);
      expect(conformanceOk(r)).toBe(true);
    }
  }, 60_000);
});
