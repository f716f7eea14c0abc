// One-hour FIT runs as a watch writes them (1 Hz records with position, altitude, heart rate,
// cadence, distance, speed; about 90 KB each), for the bulk-import benchmark and end-to-end test;
// and runs a watch left unfinished (issue #19), for the import tests.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fitCrc } from '../core/files/fit-decoder';
import { FitWriter, SESSION_FIELDS, T, fitTime } from './unit/core/files/helpers';

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

// Field definitions: [field number, size, base type].
type Field = [number, number, number];
const FILE_ID: Field[] = [
  [0, 1, T.enum], // type: activity
  [1, 2, T.uint16], // manufacturer
  [4, 4, T.uint32], // time_created
];
const RECORD: Field[] = [
  [253, 4, T.uint32], // timestamp
  [0, 4, T.sint32], // position_lat
  [1, 4, T.sint32], // position_long
  [2, 2, T.uint16], // altitude
  [3, 1, T.uint8], // heart_rate
  [4, 1, T.uint8], // cadence
  [5, 4, T.uint32], // distance (cm)
  [6, 2, T.uint16], // speed (mm/s)
  [7, 2, T.uint16], // power
];
const SESSION: Field[] = [
  [253, 4, T.uint32],
  [2, 4, T.uint32], // start_time
  [5, 1, T.enum], // sport: running
  [6, 1, T.enum], // sub_sport
  [7, 4, T.uint32], // total_elapsed_time (ms)
  [8, 4, T.uint32], // total_timer_time (ms)
  [9, 4, T.uint32], // total_distance (cm)
];
const ACTIVITY: Field[] = [
  [253, 4, T.uint32],
  [5, 4, T.uint32], // local_timestamp
];
const recordBytes = 1 + RECORD.reduce((s, f) => s + f[1], 0);

/**
 * Run k as a watch writes it. Written straight into one buffer (the general FitWriter of the
 * unit tests is too slow for thousands of files); the FIT unit tests check the format itself.
 */
export function oneHourRunFit(k: number): Uint8Array {
  return oneHourRunFitAt(runStartMs(k));
}

/** The same hour-long 10 km run started at `startMs`; `localOffsetS` is the watch's UTC offset (seconds east). */
export function oneHourRunFitAt(startMs: number, localOffsetS = 0): Uint8Array {
  const t0 = fitTime(new Date(startMs).toISOString());
  const defBytes = (fields: Field[]) => 6 + fields.length * 3;
  const dataBytes = (fields: Field[]) => 1 + fields.reduce((s, f) => s + f[1], 0);
  const size =
    defBytes(FILE_ID) +
    dataBytes(FILE_ID) +
    defBytes(RECORD) +
    HOUR * recordBytes +
    defBytes(SESSION) +
    dataBytes(SESSION) +
    defBytes(ACTIVITY) +
    dataBytes(ACTIVITY);
  const buf = new Uint8Array(14 + size + 2);
  const dv = new DataView(buf.buffer);
  let o = 14;
  const define = (local: number, global: number, fields: Field[]) => {
    buf.set([0x40 | local, 0, 0, global & 0xff, global >> 8, fields.length], o);
    o += 6;
    for (const f of fields) {
      buf.set(f, o);
      o += 3;
    }
  };
  const data = (local: number, fields: Field[], values: number[]) => {
    buf[o++] = local;
    fields.forEach(([, n, type], i) => {
      const v = values[i]!;
      if (n === 1) dv.setUint8(o, v);
      else if (n === 2) dv.setUint16(o, v, true);
      else if (type === T.sint32) dv.setInt32(o, v, true);
      else dv.setUint32(o, v, true);
      o += n;
    });
  };
  define(0, 0, FILE_ID);
  data(0, FILE_ID, [4, 1, t0]);
  define(1, 20, RECORD);
  // 10 km in an hour: 2.78 m/s.
  for (let i = 0; i < HOUR; i++)
    data(1, RECORD, [
      t0 + i,
      540_000_000 + i * 30,
      60_000_000 + i * 20,
      2500 + (i % 50),
      140 + (i % 20),
      85,
      i * 278,
      2780,
      240 + (i % 30),
    ]);
  define(2, 18, SESSION);
  data(2, SESSION, [t0 + HOUR, t0, 1, 0, HOUR * 1000, HOUR * 1000, 1_000_000]);
  define(3, 34, ACTIVITY);
  data(3, ACTIVITY, [t0 + HOUR, t0 + HOUR + localOffsetS]);
  // Header (14 bytes, with its CRC) and the file's CRC.
  buf.set([14, 0x20], 0);
  dv.setUint16(2, 2132, true);
  dv.setUint32(4, size, true);
  buf.set([0x2e, 0x46, 0x49, 0x54], 8);
  dv.setUint16(12, fitCrc(buf, 0, 12), true);
  dv.setUint16(14 + size, fitCrc(buf, 0, 14 + size), true);
  return buf;
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

export interface UnfinishedRun {
  /** The run's first track point (Unix ms, whole seconds). */
  startMs: number;
  minutes: number;
  /** Three track points this many days before the run (a stale leading block), then the run. */
  staleDaysBefore?: number;
  /** A session message that starts at the first point (stale or not), sport running; else none. */
  session?: boolean;
}

/**
 * A run as a watch leaves it when it stops before writing its summary: a point every 5 s at
 * 3 m/s (position and distance), and no session, lap or sport unless `session`.
 */
export function unfinishedRunFit(r: UnfinishedRun): Uint8Array {
  const t0 = fitTime(new Date(r.startMs).toISOString());
  const w = new FitWriter();
  w.define(0, 0, [
    [0, 1, T.enum],
    [4, 4, T.uint32],
  ]).data(0, [4, t0]);
  w.define(1, 20, [
    [253, 4, T.uint32],
    [0, 4, T.sint32],
    [1, 4, T.sint32],
    [5, 4, T.uint32],
  ]);
  const first = r.staleDaysBefore ? t0 - Math.round(r.staleDaysBefore * 86400) : t0;
  if (r.staleDaysBefore) for (let i = 0; i < 3; i++) w.data(1, [first + i * 2, 540_000_000, 60_000_000, i * 160]);
  const n = r.minutes * 12;
  for (let i = 0; i <= n; i++) w.data(1, [t0 + i * 5, 540_000_000 + i * 120, 60_000_000, 500 + i * 1500]);
  if (r.session) {
    const end = t0 + n * 5;
    w.define(2, 18, [[253, 4, T.uint32], ...SESSION_FIELDS]).data(2, [
      end,
      first,
      1,
      0,
      (end - first) * 1000,
      n * 5 * 1000,
      500 + n * 1500,
    ]);
  }
  return w.finish();
}
