// Test helpers: where the shared corpus lies, a Node file-handle source, and small writers for
// synthetic FIT files and zip archives (so edge cases are tested without copying anything).
import { open } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CORPUS_DIR, HAVE_CORPUS, REPO_ROOT } from '../../../paths';
import { deflateSync } from 'fflate';
import { crc32 } from '../../../../core/files/gzip';
import { fitCrc } from '../../../../core/files/fit-decoder';
import type { RandomAccessSource } from '../../../../core/files/types';
import { mulberry32 } from '../../../seeded-random';

/** A seeded pseudo-random generator. */
export const rng = mulberry32;

export { REPO_ROOT, CORPUS_DIR };
export { HAVE_CORPUS };

export function corpusFile(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(CORPUS_DIR, rel)));
}

/** A random-access source over a file on disk, read through a Node FileHandle. */
export async function openFileSource(file: string): Promise<RandomAccessSource & { close(): Promise<void> }> {
  const handle = await open(file, 'r');
  const { size } = await handle.stat();
  return {
    size,
    async read(offset, length) {
      const n = Math.max(0, Math.min(length, size - offset));
      const buf = new Uint8Array(n);
      let got = 0;
      while (got < n) {
        const { bytesRead } = await handle.read(buf, got, n - got, offset + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return got === n ? buf : buf.subarray(0, got);
    },
    close: () => handle.close(),
  };
}

// ---------------------------------------------------------------- FIT writer

export const T = {
  enum: 0x00,
  sint8: 0x01,
  uint8: 0x02,
  sint16: 0x83,
  uint16: 0x84,
  sint32: 0x85,
  uint32: 0x86,
  string: 0x07,
  float32: 0x88,
  uint8z: 0x0a,
  uint16z: 0x8b,
  uint32z: 0x8c,
  byte: 0x0d,
} as const;

const SIZES: Record<number, number> = {
  0x00: 1,
  0x01: 1,
  0x02: 1,
  0x83: 2,
  0x84: 2,
  0x85: 4,
  0x86: 4,
  0x07: 1,
  0x88: 4,
  0x0a: 1,
  0x8b: 2,
  0x8c: 4,
  0x0d: 1,
};

type FieldDef = [num: number, size: number, type: number];
type Value = number | string | number[] | null;

/** FIT seconds (since 1989-12-31) for an ISO date. */
export function fitTime(iso: string): number {
  return Math.round(Date.parse(iso) / 1000) - 631_065_600;
}

/** Writes FIT files field by field; `null` writes the type's invalid value. */
export class FitWriter {
  private out: number[] = [];
  private defs = new Map<number, { fields: FieldDef[]; big: boolean; dev: number[] }>();

  define(local: number, global: number, fields: FieldDef[], opts: { big?: boolean; dev?: FieldDef[] } = {}): this {
    const big = opts.big ?? false;
    const dev = opts.dev ?? [];
    this.out.push(0x40 | (dev.length ? 0x20 : 0) | local, 0, big ? 1 : 0);
    if (big) this.out.push((global >> 8) & 0xff, global & 0xff);
    else this.out.push(global & 0xff, (global >> 8) & 0xff);
    this.out.push(fields.length);
    for (const f of fields) this.out.push(...f);
    if (dev.length) {
      this.out.push(dev.length);
      for (const d of dev) this.out.push(...d);
    }
    this.defs.set(local, { fields, big, dev: dev.map((d) => d[1]) });
    return this;
  }

  data(local: number, values: Value[], devBytes: number[] = []): this {
    this.out.push(local & 0x0f);
    this.body(local, values, devBytes);
    return this;
  }

  /** A data message with a compressed timestamp header (offset: the low 5 bits of the time). */
  compressed(local: number, offset: number, values: Value[]): this {
    this.out.push(0x80 | ((local & 0x03) << 5) | (offset & 0x1f));
    this.body(local, values, []);
    return this;
  }

  raw(bytes: number[]): this {
    this.out.push(...bytes);
    return this;
  }

  private body(local: number, values: Value[], devBytes: number[]): void {
    const def = this.defs.get(local);
    if (!def) throw new Error(`local ${local} not defined`);
    def.fields.forEach(([, size, type], i) => {
      const v = values[i] ?? null;
      const ts = SIZES[type] ?? 1;
      if (type === T.string) {
        const b = new TextEncoder().encode(typeof v === 'string' ? v : '');
        for (let k = 0; k < size; k++) this.out.push(b[k] ?? 0);
        return;
      }
      if (Array.isArray(v)) {
        for (let k = 0; k < size; k++) this.out.push(v[k] ?? 0xff);
        return;
      }
      if (size < ts) {
        for (let k = 0; k < size; k++) this.out.push(0x01);
        return;
      }
      const count = Math.floor(size / ts);
      for (let c = 0; c < count; c++) this.push(v === null ? invalid(type) : (v as number), ts, def.big, type);
      for (let k = count * ts; k < size; k++) this.out.push(0);
    });
    const devTotal = def.dev.reduce((a, b) => a + b, 0);
    for (let k = 0; k < devTotal; k++) this.out.push(devBytes[k] ?? 0);
  }

  private push(v: number, size: number, big: boolean, type: number): void {
    const bytes: number[] = [];
    if (type === T.float32) {
      const dv = new DataView(new ArrayBuffer(4));
      dv.setFloat32(0, v, true);
      for (let k = 0; k < 4; k++) bytes.push(dv.getUint8(k));
    } else {
      let x = BigInt.asUintN(size * 8, BigInt(Math.trunc(v)));
      for (let k = 0; k < size; k++) {
        bytes.push(Number(x & 0xffn));
        x >>= 8n;
      }
    }
    this.out.push(...(big ? bytes.reverse() : bytes));
  }

  /** The finished file: header, data and CRC. */
  finish(
    opts: { headerSize?: 12 | 14; protocol?: number; dataSize?: number; badCrc?: boolean; noCrc?: boolean } = {},
  ): Uint8Array {
    const hs = opts.headerSize ?? 14;
    const data = Uint8Array.from(this.out);
    const size = opts.dataSize ?? data.length;
    const header = new Uint8Array(hs);
    const hv = new DataView(header.buffer);
    header[0] = hs;
    header[1] = opts.protocol ?? 0x20;
    hv.setUint16(2, 2132, true);
    hv.setUint32(4, size, true);
    header.set([0x2e, 0x46, 0x49, 0x54], 8);
    if (hs === 14) hv.setUint16(12, fitCrc(header, 0, 12), true);
    const file = new Uint8Array(hs + data.length + (opts.noCrc ? 0 : 2));
    file.set(header, 0);
    file.set(data, hs);
    if (!opts.noCrc) {
      let crc = fitCrc(file, 0, hs + data.length);
      if (opts.badCrc) crc ^= 0x5a5a;
      new DataView(file.buffer).setUint16(hs + data.length, crc, true);
    }
    return file;
  }
}

function invalid(type: number): number {
  switch (type) {
    case T.enum:
    case T.uint8:
    case T.byte:
      return 0xff;
    case T.sint8:
      return 0x7f;
    case T.sint16:
      return 0x7fff;
    case T.uint16:
      return 0xffff;
    case T.sint32:
      return 0x7fffffff;
    case T.uint32:
      return 0xffffffff;
    default:
      return 0;
  }
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export interface SimpleRun {
  start: string;
  sport?: number;
  subSport?: number;
  /** metres */
  distance: number;
  /** seconds */
  timer: number;
  elapsed?: number;
  /** Seconds east of UTC for the activity's local_timestamp; null writes none. */
  localOffset?: number | null;
  records?: number;
  fileType?: number;
  session?: boolean;
}

/**
 * The fields of a session message (18) as the tests write them: start_time, sport, sub_sport,
 * total_elapsed_time, total_timer_time, total_distance (values in that order).
 */
export const SESSION_FIELDS: FieldDef[] = [
  [2, 4, T.uint32],
  [5, 1, T.enum],
  [6, 1, T.enum],
  [7, 4, T.uint32],
  [8, 4, T.uint32],
  [9, 4, T.uint32],
];

/** A small, valid activity FIT file: file_id, records, one session, an activity message. */
export function simpleActivityFit(r: SimpleRun, w = new FitWriter()): Uint8Array {
  const t0 = fitTime(r.start);
  const elapsed = r.elapsed ?? r.timer;
  w.define(0, 0, [
    [0, 1, T.enum],
    [1, 2, T.uint16],
    [4, 4, T.uint32],
  ]).data(0, [r.fileType ?? 4, 1, t0]);
  const n = r.records ?? 10;
  w.define(1, 20, [
    [253, 4, T.uint32],
    [5, 4, T.uint32],
  ]);
  for (let i = 0; i < n; i++)
    w.data(1, [
      t0 + Math.round((elapsed * i) / Math.max(1, n - 1)),
      Math.round((r.distance * 100 * i) / Math.max(1, n - 1)),
    ]);
  if (r.session !== false) {
    w.define(2, 18, [[253, 4, T.uint32], ...SESSION_FIELDS]).data(2, [
      t0 + elapsed,
      t0,
      r.sport ?? 1,
      r.subSport ?? 0,
      elapsed * 1000,
      r.timer * 1000,
      r.distance * 100,
    ]);
  }
  w.define(3, 34, [
    [253, 4, T.uint32],
    [5, 4, T.uint32],
  ]).data(3, [t0 + elapsed, r.localOffset === null ? null : t0 + elapsed + (r.localOffset ?? 0)]);
  return w.finish();
}

// ---------------------------------------------------------------- zip writer

export interface ZipInput {
  name: string;
  data: Uint8Array;
  /** 0 stored, 8 deflated (default). */
  method?: 0 | 8;
  flags?: number;
}

/** A zip archive; `zip64` writes ZIP64 records and extra fields for every entry. */
export function makeZip(
  files: ZipInput[],
  opts: { zip64?: boolean; prefix?: Uint8Array; comment?: string } = {},
): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = opts.prefix?.length ?? 0;
  if (opts.prefix) parts.push(opts.prefix);
  const enc = new TextEncoder();
  for (const f of files) {
    const method = f.method ?? 8;
    const body = method === 8 ? deflateSync(f.data) : f.data;
    const name = enc.encode(f.name);
    const crc = crc32(f.data);
    const z64 = !!opts.zip64;
    const extra = z64 ? zip64Extra(f.data.length, body.length, offset) : new Uint8Array(0);
    const local = new Uint8Array(30 + name.length + (z64 ? 20 : 0));
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, z64 ? 45 : 20, true);
    lv.setUint16(6, (f.flags ?? 0) | 0x0800, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, z64 ? 0xffffffff : body.length, true);
    lv.setUint32(22, z64 ? 0xffffffff : f.data.length, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, z64 ? 20 : 0, true);
    local.set(name, 30);
    if (z64) {
      const le = new DataView(local.buffer, 30 + name.length);
      le.setUint16(0, 1, true);
      le.setUint16(2, 16, true);
      le.setBigUint64(4, BigInt(f.data.length), true);
      le.setBigUint64(12, BigInt(body.length), true);
    }
    parts.push(local, body);
    const c = new Uint8Array(46 + name.length + extra.length);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 45, true);
    cv.setUint16(6, z64 ? 45 : 20, true);
    cv.setUint16(8, (f.flags ?? 0) | 0x0800, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, z64 ? 0xffffffff : body.length, true);
    cv.setUint32(24, z64 ? 0xffffffff : f.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint16(30, extra.length, true);
    cv.setUint32(42, z64 ? 0xffffffff : offset, true);
    c.set(name, 46);
    c.set(extra, 46 + name.length);
    central.push(c);
    offset += local.length + body.length;
  }
  const cd = concat(...central);
  const cdOffset = offset;
  parts.push(cd);
  const comment = enc.encode(opts.comment ?? '');
  if (opts.zip64) {
    const rec = new Uint8Array(56);
    const rv = new DataView(rec.buffer);
    rv.setUint32(0, 0x06064b50, true);
    rv.setBigUint64(4, 44n, true);
    rv.setUint16(12, 45, true);
    rv.setUint16(14, 45, true);
    rv.setBigUint64(24, BigInt(files.length), true);
    rv.setBigUint64(32, BigInt(files.length), true);
    rv.setBigUint64(40, BigInt(cd.length), true);
    rv.setBigUint64(48, BigInt(cdOffset), true);
    const loc = new Uint8Array(20);
    const lcv = new DataView(loc.buffer);
    lcv.setUint32(0, 0x07064b50, true);
    lcv.setBigUint64(8, BigInt(cdOffset + cd.length), true);
    lcv.setUint32(16, 1, true);
    parts.push(rec, loc);
  }
  const end = new Uint8Array(22 + comment.length);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, opts.zip64 ? 0xffff : files.length, true);
  ev.setUint16(10, opts.zip64 ? 0xffff : files.length, true);
  ev.setUint32(12, opts.zip64 ? 0xffffffff : cd.length, true);
  ev.setUint32(16, opts.zip64 ? 0xffffffff : cdOffset, true);
  ev.setUint16(20, comment.length, true);
  end.set(comment, 22);
  parts.push(end);
  return concat(...parts);
}

function zip64Extra(size: number, csize: number, offset: number): Uint8Array {
  const e = new Uint8Array(28);
  const v = new DataView(e.buffer);
  v.setUint16(0, 1, true);
  v.setUint16(2, 24, true);
  v.setBigUint64(4, BigInt(size), true);
  v.setBigUint64(12, BigInt(csize), true);
  v.setBigUint64(20, BigInt(offset), true);
  return e;
}
