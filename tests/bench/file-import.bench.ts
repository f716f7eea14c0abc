// Benchmarks of the file reader (issue #5):
//   npx vitest bench --run tests/bench/file-import.bench.ts
// - a 1 MB FIT file summarized in under 30 ms;
// - a 1 GB Strava export archive (built here from corpus files and padding, in the OS temp
//   folder, removed afterwards) imported in under 5 s with peak memory under 150 MB, measured in
//   a separate node process (scripts/bench-import-files.ts) so the figures are the import's own.
// Figures are printed; a target missed fails the run.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, statfsSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { deflateSync, gzipSync } from 'fflate';
import { readActivityFile } from '../../core/files/import-files';
import { bytesSource } from '../../core/files/source';
import { CORPUS_DIR, FitWriter, HAVE_CORPUS, REPO_ROOT, T, corpusFile, fitTime } from '../unit/core/files/helpers';

const FIT_TARGET_MS = 30;
const ARCHIVE_TARGET_MS = 5000;
const ARCHIVE_TARGET_MB = 150;
const ARCHIVE_BYTES = 1024 ** 3; // 1 GiB

/** A 1 MB activity FIT: 1 Hz records with position, altitude, heart rate, cadence, distance, speed, power. */
function oneMegabyteFit(): Uint8Array {
  const t0 = fitTime('2024-06-01T06:00:00Z');
  const w = new FitWriter();
  w.define(0, 0, [
    [0, 1, T.enum],
    [4, 4, T.uint32],
  ]).data(0, [4, t0]);
  w.define(1, 20, [
    [253, 4, T.uint32],
    [0, 4, T.sint32],
    [1, 4, T.sint32],
    [2, 2, T.uint16],
    [3, 1, T.uint8],
    [4, 1, T.uint8],
    [5, 4, T.uint32],
    [6, 2, T.uint16],
    [7, 2, T.uint16],
  ]);
  const n = Math.floor((1024 * 1024 - 200) / 26);
  for (let i = 0; i < n; i++)
    w.data(1, [
      t0 + i,
      540_000_000 + i * 50,
      60_000_000 + i * 30,
      2500 + (i % 100),
      140 + (i % 20),
      85,
      i * 300,
      3000,
      250,
    ]);
  w.define(2, 18, [
    [253, 4, T.uint32],
    [2, 4, T.uint32],
    [5, 1, T.enum],
    [7, 4, T.uint32],
    [8, 4, T.uint32],
    [9, 4, T.uint32],
  ]).data(2, [t0 + n, t0, 2, n * 1000, n * 1000, n * 300]);
  return w.finish();
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const fit1mb = oneMegabyteFit();
const realFit = HAVE_CORPUS ? corpusFile('files/python-fitparse__2019-02-17-062644-ELEMNT-297E-195-0.fit') : null;
const figures: string[] = [];
const failures: string[] = [];
let tmpDir: string | null = null;
let archivePath: string | null = null;

// ---------------------------------------------------------------- 1 GB Strava export

interface Entry {
  name: string;
  crc: number;
  size: number;
  csize: number;
  method: number;
  offset: number;
}

/** Writes a Strava-like bulk export: activities.csv, activity files, media padding. */
async function buildStravaArchive(file: string): Promise<{ rows: number; files: number }> {
  const handle = await open(file, 'w');
  const entries: Entry[] = [];
  let pos = 0;
  const enc = new TextEncoder();
  const write = async (b: Uint8Array) => {
    await handle.write(b, 0, b.length, pos);
    pos += b.length;
  };
  const localHeader = (name: Uint8Array, method: number, crc: number, csize: number, size: number) => {
    const h = new Uint8Array(30 + name.length);
    const v = new DataView(h.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, 0x0800, true);
    v.setUint16(8, method, true);
    v.setUint32(14, crc, true);
    v.setUint32(18, csize, true);
    v.setUint32(22, size, true);
    v.setUint16(26, name.length, true);
    h.set(name, 30);
    return h;
  };
  const addEntry = async (name: string, data: Uint8Array, method: 0 | 8) => {
    const body = method === 8 ? deflateSync(data) : data;
    const crc = zlib.crc32(data);
    const n = enc.encode(name);
    entries.push({ name, crc, size: data.length, csize: body.length, method, offset: pos });
    await write(localHeader(n, method, crc, body.length, data.length));
    await write(body);
  };

  // Activity files: corpus FIT/GPX/TCX files, gzipped as Strava stores them.
  const sources = readdirSync(path.join(CORPUS_DIR, 'files'))
    .filter((f) => /\.(fit|gpx|tcx)$/.test(f))
    .map((f) => ({ ext: f.slice(f.lastIndexOf('.')), gz: gzipSync(corpusFile(`files/${f}`)) }));
  const types = ['Run', 'Ride', 'Run', 'Swim', 'Walk', 'Trail Run', 'Run', 'Virtual Ride', 'Hike', 'Weight Training'];
  const csvRows: string[] = [
    'Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,Average Speed,Elevation Gain',
  ];
  const files = 6000;
  const start = Date.UTC(2014, 0, 1, 6);
  for (let i = 0; i < files; i++) {
    const src = sources[i % sources.length]!;
    const id = 1_000_000_000 + i * 7919;
    const name = `activities/${id}${src.ext}.gz`;
    await addEntry(name, src.gz, 0);
    const d = new Date(start + i * 86_400_000 * 0.6);
    const date = `${d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${((d.getUTCHours() + 11) % 12) + 1}:${String(d.getUTCMinutes()).padStart(2, '0')}:00 ${d.getUTCHours() < 12 ? 'AM' : 'PM'}`;
    const km = (5 + (i % 20)).toFixed(2);
    csvRows.push(
      `${id},"${date}","Morning ${types[i % types.length]} #${i}, with ""friends""",${types[i % types.length]},"Line one\nline two",${1800 + (i % 600)},"${km}",160.0,55,false,,Shoes,${name},70,,${1800 + (i % 600)}.0,${1750 + (i % 600)}.0,${Number(km) * 1000}.0,5.2,3.1,42`,
    );
  }
  // The list itself, deflated, in the middle of the archive as in real exports.
  await addEntry('activities.csv', enc.encode(csvRows.join('\n') + '\n'), 8);
  await addEntry('profile.csv', enc.encode('Athlete ID,Email Address\n1,x@example.com\n'), 8);

  // Media padding up to 1 GiB, stored, written in pieces (its CRC is computed as it goes).
  const remaining = ARCHIVE_BYTES - pos - 200_000;
  const name = enc.encode('media/padding-video.mp4');
  const headerAt = pos;
  await write(localHeader(name, 0, 0, remaining, remaining));
  const piece = new Uint8Array(8 * 1024 * 1024);
  let seed = 12345;
  for (let i = 0; i < piece.length; i += 4) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    piece[i] = seed & 0xff;
    piece[i + 1] = (seed >>> 8) & 0xff;
    piece[i + 2] = (seed >>> 16) & 0xff;
    piece[i + 3] = seed >>> 24;
  }
  let crc = 0;
  for (let left = remaining; left > 0;) {
    const n = Math.min(left, piece.length);
    const part = piece.subarray(0, n);
    crc = zlib.crc32(part, crc);
    await write(part);
    left -= n;
  }
  await handle.write(localHeader(name, 0, crc, remaining, remaining), 0, 30 + name.length, headerAt);
  entries.push({
    name: 'media/padding-video.mp4',
    crc,
    size: remaining,
    csize: remaining,
    method: 0,
    offset: headerAt,
  });

  // Central directory and its end record.
  const cdStart = pos;
  for (const e of entries) {
    const n = enc.encode(e.name);
    const c = new Uint8Array(46 + n.length);
    const v = new DataView(c.buffer);
    v.setUint32(0, 0x02014b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, 20, true);
    v.setUint16(8, 0x0800, true);
    v.setUint16(10, e.method, true);
    v.setUint32(16, e.crc, true);
    v.setUint32(20, e.csize, true);
    v.setUint32(24, e.size, true);
    v.setUint16(28, n.length, true);
    v.setUint32(42, e.offset, true);
    c.set(n, 46);
    await write(c);
  }
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, pos - cdStart, true);
  ev.setUint32(16, cdStart, true);
  await write(end);
  await handle.close();
  return { rows: files, files: entries.length };
}

/** Bundles the child script (esbuild comes with vite) and runs it on the archive. */
async function measureInChild(file: string): Promise<Record<string, number | string | null>> {
  const { build } = await import('esbuild');
  const outfile = path.join(tmpDir!, 'bench-import-files.mjs');
  await build({
    entryPoints: [path.join(REPO_ROOT, 'scripts/bench-import-files.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  });
  const out = execFileSync(process.execPath, [outfile, file, 'Europe/Paris'], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!);
}

beforeAll(async () => {
  // The 1 MB FIT: median of many runs, after warming up.
  for (let i = 0; i < 20; i++) await readActivityFile('big.fit', bytesSource(fit1mb), { timeZone: 'UTC' });
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    const r = await readActivityFile('big.fit', bytesSource(fit1mb), { timeZone: 'UTC' });
    times.push(performance.now() - t0);
    if (r.kind !== 'activities') throw new Error(`the 1 MB FIT was not read: ${JSON.stringify(r)}`);
  }
  const med = median(times);
  figures.push(
    `1 MB FIT (${(fit1mb.length / 1048576).toFixed(2)} MiB, ${Math.floor((1024 * 1024 - 200) / 26)} records): median ${med.toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms (target < ${FIT_TARGET_MS} ms)`,
  );
  if (med > FIT_TARGET_MS) failures.push(`1 MB FIT took ${med.toFixed(1)} ms`);
  if (realFit) {
    const rt: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      await readActivityFile('elemnt.fit', bytesSource(realFit), { timeZone: 'UTC' });
      rt.push(performance.now() - t0);
    }
    figures.push(
      `real Wahoo ELEMNT FIT (${(realFit.length / 1048576).toFixed(2)} MiB): median ${median(rt).toFixed(2)} ms`,
    );
  }

  // The 1 GB archive.
  if (!HAVE_CORPUS) {
    figures.push('1 GB Strava export: skipped (no ../shared/corpus)');
    return;
  }
  const free = statfsSync(os.tmpdir());
  const freeBytes = free.bavail * free.bsize;
  if (freeBytes < ARCHIVE_BYTES * 2) {
    figures.push(`1 GB Strava export: skipped (only ${(freeBytes / 1024 ** 3).toFixed(1)} GiB free in ${os.tmpdir()})`);
    return;
  }
  tmpDir = await mkdtemp(path.join(os.tmpdir(), 'hipcheck-bench-'));
  archivePath = path.join(tmpDir, 'export_12345.zip');
  const tb = performance.now();
  const built = await buildStravaArchive(archivePath);
  const buildMs = performance.now() - tb;
  const size = statSync(archivePath).size;
  const m = await measureInChild(archivePath);
  figures.push(
    `1 GB Strava export (${(size / 1024 ** 3).toFixed(2)} GiB, ${built.files} entries, ${built.rows} activities; built in ${(buildMs / 1000).toFixed(1)} s): ` +
      `imported in ${m.ms} ms, read ${(Number(m.bytesRead) / 1048576).toFixed(1)} MiB of it; peak RSS ${m.maxRssMB} MB (sampled ${m.peakSampledRssMB} MB, ` +
      `node baseline ${m.baselineRssMB} MB), peak heap ${m.peakHeapMB} MB; ${m.activities} activities, ${m.refused} refused ` +
      `(targets < ${ARCHIVE_TARGET_MS} ms, < ${ARCHIVE_TARGET_MB} MB)`,
  );
  if (Number(m.activities) !== built.rows)
    failures.push(`the archive gave ${m.activities} activities, expected ${built.rows}`);
  if (Number(m.ms) > ARCHIVE_TARGET_MS) failures.push(`1 GB archive took ${m.ms} ms`);
  if (Number(m.maxRssMB) > ARCHIVE_TARGET_MB) failures.push(`1 GB archive peaked at ${m.maxRssMB} MB`);
}, 600_000);

afterAll(async () => {
  if (tmpDir && existsSync(tmpDir)) await rm(tmpDir, { recursive: true, force: true });
  console.log(
    [
      '',
      'File import benchmark:',
      ...figures.map((f) => `  ${f}`),
      failures.length ? `  FAILED: ${failures.join('; ')}` : '  all targets met',
      '',
    ].join('\n'),
  );
  if (failures.length) throw new Error(`benchmark targets missed: ${failures.join('; ')}`);
});

describe('file import', () => {
  bench(
    'summarize a 1 MB FIT file',
    async () => {
      await readActivityFile('big.fit', bytesSource(fit1mb), { timeZone: 'UTC' });
    },
    { time: 1000 },
  );

  bench.skipIf(!realFit)(
    'summarize a real 0.7 MB Wahoo FIT file',
    async () => {
      await readActivityFile('elemnt.fit', bytesSource(realFit!), { timeZone: 'UTC' });
    },
    { time: 1000 },
  );
});
