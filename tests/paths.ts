import path from 'node:path';
import { fileURLToPath } from 'node:url';

// One place that knows where the repository and the shared corpus lie, so a test can move
// between folders without counting "../".
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/corpus');
export const repoPath = (...parts: string[]): string => path.join(REPO_ROOT, ...parts);
