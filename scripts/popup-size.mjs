// The popup's own weight: every script and style sheet popup.html loads (with the chunks it
// preloads), gzipped, as the browser would read them from the built extension. Prints the figure
// and exits non-zero when it is over the budget (issue #12: at most 15 KB gzip together).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 15 * 1024;
const dir = path.resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '.output/chrome-mv3');
const html = readFileSync(path.join(dir, 'popup.html'), 'utf8');
const refs = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const seen = new Set();
const queue = [...refs];
let total = 0;
const rows = [];
while (queue.length) {
  const rel = queue.shift();
  if (seen.has(rel)) continue;
  seen.add(rel);
  const text = readFileSync(path.join(dir, rel), 'utf8');
  // Static imports between chunks load too, whether or not popup.html preloads them.
  if (rel.endsWith('.js'))
    for (const m of text.matchAll(/from\s*"\.\/([^"]+\.js)"/g))
      queue.push(path.posix.join(path.posix.dirname(rel), m[1]));
  const gz = gzipSync(text, { level: 9 }).length;
  total += gz;
  rows.push(`${rel}: ${(text.length / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzip`);
}
for (const r of rows) console.log(r);
const ok = total <= BUDGET_BYTES;
console.log(
  `popup JavaScript and CSS: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET_BYTES / 1024} KB): ${ok ? 'within' : 'OVER'}`,
);
// --report: print only. The test command uses it until the popup fits its budget (issue #12 is
// still open: today about 17 KB), so an over-budget popup is visible in every run without
// hiding the other stages' results.
process.exit(ok || process.argv.includes('--report') ? 0 : 1);
