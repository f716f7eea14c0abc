import { test } from '@playwright/test';
import { CORPUS_MISSING, CORPUS_REQUIRED, HAVE_CORPUS } from '../paths';

// End-to-end tests that choose or serve files of the shared corpus (../shared/corpus, or
// HIP_CHECK_CORPUS). Without it a clone runs every other test and says which it skipped and why;
// in CI (CI=true) these tests fail instead, so a CI machine that lost the corpus cannot pass by testing less.

const failure = () => new Error(`${CORPUS_MISSING}: CI runs every test, so the corpus must be there`);

/**
 * Called at the top of a spec file or a describe, for all its tests, or first thing in one test,
 * for that test. `what` names them in the line printed when they are skipped.
 */
export function needsCorpus(what: string): void {
  if (HAVE_CORPUS) return;
  let inTest = true;
  try {
    test.info();
  } catch {
    inTest = false;
  }
  if (inTest) {
    if (CORPUS_REQUIRED) throw failure();
    console.warn(`Skipped ${what}: ${CORPUS_MISSING}.`);
    test.skip(true, CORPUS_MISSING);
    return;
  }
  if (CORPUS_REQUIRED)
    return test.beforeEach(() => {
      throw failure();
    });
  // Files are loaded once to list the tests and again in each worker: say it once.
  if (process.env.TEST_WORKER_INDEX === undefined) console.warn(`Skipped ${what}: ${CORPUS_MISSING}.`);
  test.skip(true, CORPUS_MISSING);
}
