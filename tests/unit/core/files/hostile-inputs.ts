import { deflateSync } from 'fflate';
import { crc32 } from '../../../../core/files/gzip';
import { rng } from './helpers';

// The hostile input classes of issue #10, generated from a seed in well under a second each:
// small files that would make a naive reader work for minutes or run out of memory. Shared by
// the fuzz suite (tests/unit/core/files/fuzz-hostile.test.ts) and the benchmark
// (tests/bench/hostile-inputs.bench.ts).

const enc = new TextEncoder();

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * A raw deflate stream that inflates to `prefix` then about `size` bytes of `fill`, at deflate's
 * maximum ratio (~1032:1), built without compressing `size` bytes: deflating a run settles into
 * one repeating byte, which is repeated as often as needed. Returns the stream and its true size.
 */
export function deflateBomb(prefix: string, fill: number, size: number): { body: Uint8Array; size: number } {
  const head = enc.encode(prefix);
  const sample = new Uint8Array(head.length + 1024 * 1024).fill(fill);
  sample.set(head);
  const out = deflateSync(sample, { level: 9 });
  // The periodic stretch: a byte equal to its successor for a long way, in the middle.
  const mid = out.length >> 1;
  let a = mid;
  while (a > 0 && out[a - 1] === out[a]) a--;
  const perByte = 1032; // four length-258 copies per byte in that stretch (measured, fixed by deflate)
  const extra = Math.max(0, Math.floor((size - sample.length) / perByte));
  const body = new Uint8Array(out.length + extra);
  body.set(out.subarray(0, a));
  body.fill(out[a]!, a, a + extra);
  body.set(out.subarray(a), a + extra);
  return { body, size: sample.length + extra * perByte };
}

export interface RawEntry {
  name: string;
  /** Compressed (method 8) or stored (method 0) data. */
  body: Uint8Array;
  method?: 0 | 8;
  /** What the directory claims; hostile files lie. */
  size: number;
  crc?: number;
}

/**
 * A zip from raw entries. With `shareData`, every entry's directory record points at the first
 * entry's local header: one compressed stream under many names (overlapping entries).
 */
export function rawZip(entries: readonly RawEntry[], shareData = false): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const offsets: number[] = [];
  entries.forEach((e, i) => {
    const name = enc.encode(e.name);
    if (shareData && i > 0) {
      offsets.push(offsets[0]!);
      return;
    }
    const local = new Uint8Array(30 + name.length);
    const v = new DataView(local.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(8, e.method ?? 8, true);
    v.setUint32(14, e.crc ?? 0, true);
    v.setUint32(18, e.body.length, true);
    v.setUint32(22, e.size, true);
    v.setUint16(26, name.length, true);
    local.set(name, 30);
    offsets.push(offset);
    parts.push(local, e.body);
    offset += local.length + e.body.length;
  });
  const cdStart = offset;
  entries.forEach((e, i) => {
    const name = enc.encode(e.name);
    const body = shareData ? entries[0]!.body : e.body;
    const c = new Uint8Array(46 + name.length);
    const v = new DataView(c.buffer);
    v.setUint32(0, 0x02014b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, 20, true);
    v.setUint16(10, e.method ?? 8, true);
    v.setUint32(16, e.crc ?? 0, true);
    v.setUint32(20, body.length, true);
    v.setUint32(24, e.size, true);
    v.setUint16(28, name.length, true);
    v.setUint32(42, offsets[i]!, true);
    c.set(name, 46);
    central.push(c);
  });
  const cd = concat(central);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cd.length, true);
  ev.setUint32(16, cdStart, true);
  return concat([...parts, cd, end]);
}

const zipOf = (files: { name: string; data: Uint8Array }[]): Uint8Array =>
  rawZip(files.map((f) => ({ name: f.name, body: deflateSync(f.data), size: f.data.length, crc: crc32(f.data) })));

export interface HostileInput {
  name: string;
  /** What the issue saw: the class of input. */
  what: string;
  bytes: Uint8Array;
}

/** A 700 KB GPX of nested elements and unmatched end tags (a quadratic end-tag search takes minutes). */
export function nestedTagsGpx(seed: number): HostileInput {
  const r = rng(seed);
  const n = 80_000 + Math.floor(r() * 10_000);
  const tag = ['a', 'trkpt', 'ele', 'x'][Math.floor(r() * 4)]!;
  const xml =
    '<?xml version="1.0"?><gpx version="1.1" creator="fuzz"><trk><type>running</type><trkseg>' +
    `<${tag}>`.repeat(n) +
    '</zz>'.repeat(n) +
    '</trkseg></trk></gpx>';
  return { name: 'nested.gpx', what: `GPX, ${n} nested tags and unmatched end tags`, bytes: enc.encode(xml) };
}

/** A zip whose many entries share one compressed stream of 100 MB (overlapping entries). */
export function overlappingZip(seed: number): HostileInput {
  const r = rng(seed);
  const kernel = deflateBomb('', 0, 100 * 1024 * 1024);
  const count = 200 + Math.floor(r() * 100);
  const entries = Array.from({ length: count }, (_, i) => ({
    name: `activity_${i}.fit`,
    body: kernel.body,
    size: 1000, // a lie
  }));
  return {
    name: 'overlap.zip',
    what: `zip, ${count} overlapping entries of 100 MB each`,
    bytes: rawZip(entries, true),
  };
}

/** Zips nested three deep, ten wide, whose leaves are 20 MB of zeros each. */
export function nestedZips(seed: number): HostileInput {
  const r = rng(seed);
  const width = 8 + Math.floor(r() * 4);
  const leaf = deflateBomb('', 0, 20 * 1024 * 1024);
  let level = rawZip(
    Array.from({ length: width }, (_, i) => ({ name: `run${i}.gpx`, body: leaf.body, size: leaf.size })),
  );
  for (let d = 0; d < 2; d++) {
    const inner = level;
    level = zipOf(Array.from({ length: width }, (_, i) => ({ name: `level${d}_${i}.zip`, data: inner })));
  }
  return { name: 'nested.zip', what: `zip in zip in zip, ${width} wide, 20 MB leaves`, bytes: level };
}

/** A Garmin account export whose summaries file inflates to 1 GB of spaces. */
export function garminSpaces(seed: number): HostileInput {
  const r = rng(seed);
  const bomb = deflateBomb('[', 0x20, 1024 * 1024 * 1024);
  const user = `runner${Math.floor(r() * 1000)}`;
  const bytes = rawZip([
    {
      name: `DI_CONNECT/DI-Connect-Fitness/${user}_0_summarizedActivities.json`,
      body: bomb.body,
      size: 2048, // a lie
    },
  ]);
  return { name: 'garmin-export.zip', what: 'Garmin export, summaries inflating to 1 GB of spaces', bytes };
}

/** A Strava export whose activities.csv holds millions of rows. */
export function stravaMillionRows(seed: number): HostileInput {
  const r = rng(seed);
  const header = 'Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance\n';
  const row = `${1000 + Math.floor(r() * 1000)},"Mar 19, 2017, 4:49:30 PM",Run,Run,,3600,10.0\n`;
  // Deflate a sample of rows; the repeating stretch of its output stands for millions more.
  const sample = enc.encode(header + row.repeat(50_000));
  const out = deflateSync(sample, { level: 9 });
  const mid = out.length >> 1;
  let p = 1;
  for (; p < 4096; p++) {
    let ok = true;
    for (let i = mid - 2 * p; i < mid + 2 * p && ok; i++) ok = out[i] === out[i + p];
    if (ok) break;
  }
  let a = mid;
  while (a - 1 >= 0 && out[a - 1] === out[a - 1 + p]) a--;
  const copies = Math.ceil(250_000 / p);
  const body = concat([
    out.subarray(0, a),
    ...Array.from({ length: copies }, () => out.subarray(a, a + p)),
    out.subarray(a),
  ]);
  const bytes = rawZip([{ name: 'activities.csv', body, size: sample.length }]);
  return { name: 'strava-export.zip', what: 'Strava export, activities.csv with millions of rows', bytes };
}

/** A gzipped GPX inflating to 1 GB of zeros. */
export function gzipBomb(seed: number): HostileInput {
  const r = rng(seed);
  const bomb = deflateBomb('<?xml version="1.0"?><gpx>', 0, 1024 * 1024 * 1024);
  const head = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
  const tail = new Uint8Array(8);
  new DataView(tail.buffer).setUint32(4, Math.floor(r() * 1e6), true);
  return { name: 'bomb.gpx.gz', what: 'gzip bomb, 1 GB of zeros', bytes: concat([head, bomb.body, tail]) };
}

/** A GPX declaring entities that expand to billions of characters. */
export function billionLaughs(seed: number): HostileInput {
  const r = rng(seed);
  let dtd = '<!ENTITY lol0 "lol">';
  for (let i = 1; i <= 9; i++) dtd += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
  const xml = `<?xml version="1.0"?><!DOCTYPE gpx [${dtd}]><gpx creator="x${Math.floor(r() * 100)}"><trk><name>&lol9;</name><trkseg><trkpt lat="1" lon="1"><time>2024-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>`;
  return { name: 'laughs.gpx', what: 'GPX, billion laughs entities', bytes: enc.encode(xml) };
}

export const HOSTILE_CLASSES: readonly [string, (seed: number) => HostileInput][] = [
  ['nested tags GPX', nestedTagsGpx],
  ['overlapping zip entries', overlappingZip],
  ['zips nested three deep', nestedZips],
  ['Garmin summaries of 1 GB spaces', garminSpaces],
  ['Strava CSV of millions of rows', stravaMillionRows],
  ['gzip bomb', gzipBomb],
  ['billion laughs', billionLaughs],
];
