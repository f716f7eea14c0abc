// One-hour FIT runs as a watch writes them (1 Hz records with position, altitude, heart rate,
// cadence, distance, speed; about 90 KB each), for the bulk-import benchmark and end-to-end test.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FitWriter, T, fitTime } from './unit/core/files/helpers';

const HOUR = 3600;
const DAY_MS = 86_400_000;
/** Run k starts at 06:00 UTC on FIRST_DAY + k days: every run distinct, all in the past. */
const FIRST_DAY = Date.parse('2014-01-01T06:00:00Z');

export function runStartMs(k: number): number {
  return FIRST_DAY + k * DAY_MS;
}

/** The key Hip Check stores run k under (source "file", id = its start time). */
export function runKey(k: number): string {
  return `file:${new Date(runStartMs(k)).toISOString().replace('.000Z', 'Z')}`;
}

export function oneHourRunFit(k: number): Uint8Array {
  const t0 = fitTime(new Date(runStartMs(k)).toISOString());
  const w = new FitWriter();
  w.define(0, 0, [
    [0, 1, T.enum],
    [1, 2, T.uint16],
    [4, 4, T.uint32],
  ]).data(0, [4, 1, t0]);
  w.define(1, 20, [
    [253, 4, T.uint32],
    [0, 4, T.sint32],
    [1, 4, T.sint32],
    [2, 2, T.uint16],
    [3, 1, T.uint8],
    [4, 1, T.uint8],
    [5, 4, T.uint32],
    [6, 2, T.uint16],
  ]);
  // 10 km in an hour: 2.78 m/s.
  for (let i = 0; i < HOUR; i++)
    w.data(1, [t0 + i, 540_000_000 + i * 30, 60_000_000 + i * 20, 2500 + (i % 50), 140 + (i % 20), 85, i * 278, 2780]);
  w.define(2, 18, [
    [253, 4, T.uint32],
    [2, 4, T.uint32],
    [5, 1, T.enum],
    [6, 1, T.enum],
    [7, 4, T.uint32],
    [8, 4, T.uint32],
    [9, 4, T.uint32],
  ]).data(2, [t0 + HOUR, t0, 1, 0, HOUR * 1000, HOUR * 1000, 1_000_000]);
  w.define(3, 34, [
    [253, 4, T.uint32],
    [5, 4, T.uint32],
  ]).data(3, [t0 + HOUR, t0 + HOUR]);
  return w.finish();
}

/** Writes runs 0..n-1 into `dir` as run-00000.fit…; returns their paths and total size. */
export async function writeRuns(dir: string, n: number): Promise<{ paths: string[]; bytes: number }> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  let bytes = 0;
  for (let k = 0; k < n; k++) {
    const data = oneHourRunFit(k);
    const p = path.join(dir, `run-${String(k).padStart(5, '0')}.fit`);
    await writeFile(p, data);
    paths.push(p);
    bytes += data.length;
  }
  return { paths, bytes };
}
