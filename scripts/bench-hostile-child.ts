// One hostile input class, generated and read in a process of its own; prints one JSON line:
// time to outcome, peak resident memory, and the outcome. Run by scripts/bench-hostile.mjs.
//   usage: node <bundle>.mjs <class index> [seed]
import { activitiesOf, countOutcome, readActivityFile } from '../core/files/import-files';
import { problemDebugText } from '../core/problem-codes';
import { bytesSource } from '../core/files/source';
import { HOSTILE_CLASSES } from '../tests/unit/core/files/hostile-inputs';

async function main(): Promise<void> {
  const chosen = HOSTILE_CLASSES[Number(process.argv[2])];
  if (!chosen) return console.log(JSON.stringify({ end: true }));
  const [label, make] = chosen;
  const input = make(Number(process.argv[3] ?? 1));
  const baselineRss = process.memoryUsage().rss;
  let peakRss = baselineRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
  const t0 = performance.now();
  const result = await readActivityFile(input.name, bytesSource(input.bytes), { timeZone: 'UTC' });
  const ms = performance.now() - t0;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const { refused } = countOutcome([{ name: input.name, result }]);
  const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
  console.log(
    JSON.stringify({
      label,
      what: input.what,
      sizeKB: Math.round(input.bytes.length / 1024),
      ms: Math.round(ms),
      peakRssMB: mb(peakRss),
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 102.4) / 10,
      baselineRssMB: mb(baselineRss),
      activities: activitiesOf(result).length,
      outcome: refused[0] ? problemDebugText(refused[0].reason).slice(0, 110) : result.kind,
    }),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
