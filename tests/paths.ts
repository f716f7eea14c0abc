import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// One place that knows where the repository and the shared corpus lie, so a test can move
// between folders without counting "../".
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/corpus');
export const repoPath = (...parts: string[]): string => path.join(REPO_ROOT, ...parts);

/** A JSON file of the corpus (a site response, expected.json), parsed, read where it lies. */
export const corpusJson = (...parts: string[]): unknown =>
  JSON.parse(readFileSync(path.join(CORPUS_DIR, ...parts), 'utf8'));
