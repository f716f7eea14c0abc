// Fails when a commit made since this check began has a subject over 72 characters, so `git log
// --oneline` stays readable. Older history is left as it is (rewriting published commits would
// break every clone). In a shallow clone it checks what it has.
import { execFileSync } from 'node:child_process';

const SINCE = '7a73999'; // subjects are checked in commits after this one
const MAX = 72;
const git = (...args) => execFileSync('git', args, { encoding: 'utf8' });

let range = `${SINCE}..HEAD`;
try {
  git('cat-file', '-e', `${SINCE}^{commit}`);
} catch {
  range = 'HEAD';
}
const long = git('log', '--format=%h %s', range)
  .split('\n')
  .filter((line) => line.length - line.indexOf(' ') - 1 > MAX);
for (const line of long) console.log(`subject over ${MAX} characters: ${line}`);
console.log(`${long.length} commit subjects over ${MAX} characters since ${SINCE}`);
process.exit(long.length ? 1 : 0);
