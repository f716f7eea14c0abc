import { describe, it } from 'vitest';
import { CORPUS_DIR, CORPUS_MISSING, CORPUS_REQUIRED, HAVE_CORPUS } from '../paths';

// Tests that read the shared corpus (../shared/corpus, or HIP_CHECK_CORPUS). Without it, a clone
// runs everything else and says in one line which suite it skipped and why; in CI (CI=true) the
// suite fails instead, so a CI machine that lost the corpus cannot pass by testing less.

function corpusMissing(): never {
  throw new Error(`${CORPUS_MISSING}: CI runs every test, so the corpus must be there`);
}

/** The one test a suite has when the corpus is missing in CI: it fails, saying so. */
function corpusMissingFails(): void {
  it('has the shared corpus it reads', () => corpusMissing());
}

/**
 * A describe whose tests read the corpus. `fn` runs only when the corpus is there, so it may
 * read corpus files while the tests are collected.
 */
export function describeWithCorpus(name: string, fn: () => void): void {
  if (HAVE_CORPUS) return void describe(name, fn);
  if (CORPUS_REQUIRED) return void describe(name, corpusMissingFails);
  console.warn(`Skipped suite "${name}": ${CORPUS_MISSING}.`);
  describe.skip(name, () => {
    it('reads the shared corpus', () => {});
  });
}

/**
 * `it` for a test that reads the corpus, in a suite that otherwise does not (`.each` and the
 * rest of `it` work too). Without the corpus the test is skipped with a line saying why; in CI it fails.
 */
export const itWithCorpus = it.extend<{ corpus: string }>({
  corpus: [
    async ({ skip, task }, use) => {
      if (!HAVE_CORPUS) {
        if (CORPUS_REQUIRED) corpusMissing();
        console.warn(`Skipped test "${task.name}": ${CORPUS_MISSING}.`);
        skip(CORPUS_MISSING);
      }
      await use(CORPUS_DIR);
    },
    { auto: true },
  ],
});
