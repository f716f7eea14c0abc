// Imports one archive or activity file from disk through Hip Check's reader, in a process of its
// own, and prints what it cost as one JSON line: wall time, peak resident memory (maxRSS, and
// the highest sampled RSS), and what was read. The benchmark (tests/bench/file-import.bench.ts)
// bundles this file with esbuild and runs it with node, so the memory figures are the import's
// alone, not the test runner's.
//   usage: node <bundle>.mjs <file> [time zone]
import { open } from 'node:fs/promises';
import { activitiesOf, countOutcome, readActivityFile } from '../core/files/import-files';
import type { RandomAccessSource } from '../core/files/types';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: bench-import-files <file> [time zone]');
  const timeZone = process.argv[3] ?? 'UTC';
  const baselineRss = process.memoryUsage().rss;
  let peakRss = baselineRss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 5);
  const handle = await open(file, 'r');
  const { size } = await handle.stat();
  let bytesRead = 0;
  const source: RandomAccessSource = {
    size,
    async read(offset, length) {
      const n = Math.max(0, Math.min(length, size - offset));
      const buf = new Uint8Array(n);
      const { bytesRead: got } = await handle.read(buf, 0, n, offset);
      bytesRead += got;
      return got === n ? buf : buf.subarray(0, got);
    },
  };
  let progressCalls = 0;
  const t0 = performance.now();
  const result = await readActivityFile(file.split('/').pop() ?? file, source, {
    timeZone,
    onProgress: () => progressCalls++,
  });
  const ms = performance.now() - t0;
  clearInterval(sampler);
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  await handle.close();
  const counts = countOutcome([{ name: file, result }]);
  console.log(
    JSON.stringify({
      file,
      sizeBytes: size,
      bytesRead,
      ms: Math.round(ms * 10) / 10,
      maxRssMB: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10,
      peakSampledRssMB: Math.round((peakRss / 1048576) * 10) / 10,
      baselineRssMB: Math.round((baselineRss / 1048576) * 10) / 10,
      peakHeapMB: Math.round((peakHeap / 1048576) * 10) / 10,
      kind: result.kind,
      format: 'format' in result ? result.format : null,
      activities: activitiesOf(result).length,
      refused: counts.refused.length,
      notActivities: counts.notActivities,
      progressCalls,
    }),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
