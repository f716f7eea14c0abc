import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// One place that knows where the repository and the shared corpus lie, so a test can move
// between folders without counting "../".
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Beside the repository in /work/main, two levels up from a worktree in /work/wt/<name>.
export const CORPUS_DIR =
  ['../shared/corpus', '../../shared/corpus']
    .map((rel) => path.resolve(REPO_ROOT, rel))
    .find((dir) => existsSync(path.join(dir, 'expected.json'))) ?? path.resolve(REPO_ROOT, '../shared/corpus');
export const repoPath = (...parts: string[]): string => path.join(REPO_ROOT, ...parts);
