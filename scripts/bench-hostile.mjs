// Benchmark of issue #10's hostile input classes: for each, the time to an outcome and the peak
// memory of a process that only generates and reads it (goal: under 5 s and 300 MB each).
// Prints figures; it does not pass or fail.   usage: npm run bench:hostile [-- seed]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seed = process.argv[2] ?? '1';
const dir = mkdtempSync(path.join(tmpdir(), 'hip-check-hostile-'));
const outfile = path.join(dir, 'child.mjs');
try {
  await build({
    entryPoints: [path.join(root, 'scripts/bench-hostile-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'error',
  });
  const rows = [];
  for (let i = 0; ; i++) {
    let row;
    try {
      row = JSON.parse(
        execFileSync(process.execPath, [outfile, String(i), seed], { encoding: 'utf8', timeout: 120_000 }),
      );
    } catch (e) {
      row = { label: `class ${i}`, outcome: `crashed or timed out: ${String(e.message).slice(0, 100)}` };
    }
    if (row.end) break;
    rows.push(row);
  }
  console.log(`Hostile inputs (seed ${seed}), each in its own Node ${process.version} process:`);
  console.log('class | input KB | time to outcome ms | peak RSS MB (baseline) | outcome');
  for (const r of rows)
    console.log(`${r.label} | ${r.sizeKB} | ${r.ms} | ${r.maxRssMB} (${r.baselineRssMB}) | ${r.outcome}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
