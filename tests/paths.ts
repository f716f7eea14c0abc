import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// One place that knows where the repository and the shared corpus lie, so a test can move
// between folders without counting "../".
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The shared corpus of real files: HIP_CHECK_CORPUS when set, else ../shared/corpus beside the checkout. */
export const CORPUS_DIR = path.resolve(REPO_ROOT, process.env.HIP_CHECK_CORPUS ?? '../shared/corpus');
export const repoPath = (...parts: string[]): string => path.join(REPO_ROOT, ...parts);

/** Whether the corpus is there (its expected.json); suites that read it skip without it, and fail in CI. */
export const HAVE_CORPUS = existsSync(path.join(CORPUS_DIR, 'expected.json'));

/** Why a suite that reads the corpus did not run. */
export const CORPUS_MISSING = `no shared corpus at ${CORPUS_DIR} (place it at ../shared/corpus beside the checkout or set HIP_CHECK_CORPUS)`;

/** In CI a missing corpus is an error, not a reason to skip. */
export const CORPUS_REQUIRED = !!process.env.CI && process.env.CI !== 'false';

/** A JSON file of the corpus (a site response, expected.json), parsed, read where it lies. */
export const corpusJson = (...parts: string[]): unknown =>
  JSON.parse(readFileSync(path.join(CORPUS_DIR, ...parts), 'utf8'));
