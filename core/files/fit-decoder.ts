import { problem, problemDebugText, type Problem, type ProblemCode } from '../problem-codes';

// A small, tolerant FIT decoder of our own (the FIT protocol is public: file header, definition
// and data messages, local message types, compressed-timestamp headers, developer fields,
// CRC-16). It decodes only the fields a caller asks for and skips everything else, so a 1 MB
// file takes a few milliseconds, and it never throws on damaged input past the first header:
// it stops where the damage starts, says so in `warnings`, and keeps what it had read.
//
// Why not Garmin's SDK: it refuses compressed-timestamp files, throws on summary-first
// multisport files and rejects files whose CRC is wrong although their sessions decode
// (see the project's toolchain notes). Runners upload exactly those files.

/** A decoded field: a number (first element of an array field), a string, or a byte array. */
export type FitValue = number | string | number[];

/**
 * A decoded message, valid only during the `onMessage` call (the same object is reused for
 * speed: a 1 MB file holds tens of thousands of track points). Keep `toMap()` to store it.
 */
export interface FitMessage {
  /** Global message number (0 file_id, 18 session, 19 lap, 20 record, 21 event, 34 activity...). */
  readonly global: number;
  /** Index of the FIT file within a chained file (0 for the first). */
  readonly section: number;
  /** A wanted field's value, or undefined when absent or invalid; 253 is the timestamp. */
  get(field: number): FitValue | undefined;
  /** All wanted fields that hold a valid value. */
  toMap(): Map<number, FitValue>;
}

/** Which fields to decode, by global message number. Messages not listed are skipped. */
export type FitWanted = ReadonlyMap<number, ReadonlySet<number>>;

export interface FitDecodeReport {
  /** Number of FIT files found (more than one in a chained file). */
  sections: number;
  messages: number;
  /** False when at least one CRC did not match; null when no CRC could be checked. */
  crcOk: boolean | null;
  /** True when decoding stopped before the declared end of the data (damage or truncation). */
  stoppedEarly: boolean;
  warnings: Problem[];
}

/** The input is not FIT at all (bad header): nothing could be decoded. */
export class FitFormatError extends Error {
  override name = 'FitFormatError';
  constructor(readonly problem: Problem) {
    super(problemDebugText(problem));
  }
}

export const FIT_TIMESTAMP_FIELD = 253;
/** Seconds between the Unix epoch and the FIT epoch (1989-12-31T00:00:00Z). */
export const FIT_EPOCH_S = 631_065_600;
/** FIT date_time values below this are relative (seconds since power-on), not dates. */
export const FIT_MIN_ABSOLUTE_TIME = 0x10000000;

// Base types by their low 5 bits: size in bytes and kind.
const enum Kind {
  Enum,
  Sint8,
  Uint8,
  Sint16,
  Uint16,
  Sint32,
  Uint32,
  String,
  Float32,
  Float64,
  Uint8z,
  Uint16z,
  Uint32z,
  Byte,
  Sint64,
  Uint64,
  Uint64z,
}
const TYPE_SIZE = [1, 1, 1, 2, 2, 4, 4, 1, 4, 8, 1, 2, 4, 1, 8, 8, 8];

interface FieldPlan {
  num: number;
  offset: number;
  size: number;
  kind: number;
}

interface Definition {
  global: number;
  little: boolean;
  /** Bytes of one data message's content (fields and developer fields). */
  size: number;
  /** Wanted fields of this message, null when the message is not wanted at all. */
  plan: FieldPlan[] | null;
  /** Offset and size of the timestamp field (253), if the message has one. */
  tsOffset: number;
  tsSize: number;
}

// FIT's CRC is CRC-16/ARC (polynomial 0x8005 reflected). Tables for four bytes at a time ("slicing
// by 4"): CRC_TABLES[k][x] is the CRC of byte x followed by k zero bytes. A bulk import checks
// hundreds of MB, so this is about twice as fast as a byte at a time.
const CRC_TABLES = (() => {
  const t = [0, 1, 2, 3].map(() => new Uint16Array(256));
  const [t0, t1, t2, t3] = t as [Uint16Array, Uint16Array, Uint16Array, Uint16Array];
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xa001 : c >>> 1;
    t0[i] = c;
  }
  for (let i = 0; i < 256; i++) {
    t1[i] = (t0[i]! >>> 8) ^ t0[t0[i]! & 0xff]!;
    t2[i] = (t1[i]! >>> 8) ^ t0[t1[i]! & 0xff]!;
    t3[i] = (t2[i]! >>> 8) ^ t0[t2[i]! & 0xff]!;
  }
  return t as [Uint16Array, Uint16Array, Uint16Array, Uint16Array];
})();

export function fitCrc(bytes: Uint8Array, start: number, end: number, crc = 0): number {
  const [t0, t1, t2, t3] = CRC_TABLES;
  let i = start;
  for (const end4 = end - 3; i < end4; i += 4) {
    const c = crc ^ bytes[i]! ^ (bytes[i + 1]! << 8);
    crc = t3[c & 0xff]! ^ t2[c >>> 8]! ^ t1[bytes[i + 2]!]! ^ t0[bytes[i + 3]!]!;
  }
  for (; i < end; i++) crc = (crc >>> 8) ^ t0[(crc ^ bytes[i]!) & 0xff]!;
  return crc;
}

/** True when the bytes start with a FIT file header. */
export function looksLikeFit(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false;
  const hs = bytes[0]!;
  return hs >= 12 && bytes[8] === 0x2e && bytes[9] === 0x46 && bytes[10] === 0x49 && bytes[11] === 0x54;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** A field's value, or undefined when it holds its base type's "invalid" value (absent). */
function unlessInvalid(v: number, invalid: number): number | undefined {
  return v === invalid ? undefined : v;
}

/** The same for 64-bit integers, read as bigint and given as a number. */
function unlessInvalid64(v: bigint, invalid: bigint): number | undefined {
  return v === invalid ? undefined : Number(v);
}

function readValue(
  view: DataView,
  bytes: Uint8Array,
  at: number,
  size: number,
  kind: number,
  little: boolean,
): FitValue | undefined {
  if (kind === Kind.String) {
    let end = at;
    const stop = at + size;
    while (end < stop && bytes[end] !== 0) end++;
    if (end === at) return undefined;
    return utf8.decode(bytes.subarray(at, end));
  }
  const ts = TYPE_SIZE[kind];
  if (ts === undefined) return undefined;
  if (kind === Kind.Byte) {
    const out: number[] = [];
    let valid = false;
    for (let i = 0; i < size; i++) {
      const b = bytes[at + i]!;
      if (b !== 0xff) valid = true;
      out.push(b);
    }
    return valid ? (size === 1 ? out[0]! : out) : undefined;
  }
  // A field whose size is not a multiple of its type's size is malformed (some Coros files):
  // its value can't be trusted, so it is treated as absent.
  if (size < ts || size % ts !== 0) return undefined;
  switch (kind) {
    case Kind.Enum:
    case Kind.Uint8:
      return unlessInvalid(bytes[at]!, 0xff);
    case Kind.Uint8z:
      return unlessInvalid(bytes[at]!, 0);
    case Kind.Sint8:
      return unlessInvalid(view.getInt8(at), 0x7f);
    case Kind.Sint16:
      return unlessInvalid(view.getInt16(at, little), 0x7fff);
    case Kind.Uint16:
      return unlessInvalid(view.getUint16(at, little), 0xffff);
    case Kind.Uint16z:
      return unlessInvalid(view.getUint16(at, little), 0);
    case Kind.Sint32:
      return unlessInvalid(view.getInt32(at, little), 0x7fffffff);
    case Kind.Uint32:
      return unlessInvalid(view.getUint32(at, little), 0xffffffff);
    case Kind.Uint32z:
      return unlessInvalid(view.getUint32(at, little), 0);
    case Kind.Float32: {
      if (view.getUint32(at, little) === 0xffffffff) return undefined;
      const v = view.getFloat32(at, little);
      return Number.isFinite(v) ? v : undefined;
    }
    case Kind.Float64: {
      const v = view.getFloat64(at, little);
      return Number.isFinite(v) ? v : undefined;
    }
    case Kind.Sint64:
      return unlessInvalid64(view.getBigInt64(at, little), 0x7fffffffffffffffn);
    case Kind.Uint64:
      return unlessInvalid64(view.getBigUint64(at, little), 0xffffffffffffffffn);
    case Kind.Uint64z:
      return unlessInvalid64(view.getBigUint64(at, little), 0n);
    default:
      return undefined;
  }
}

/**
 * Decodes FIT bytes, calling `onMessage` for every wanted message in file order. Throws
 * FitFormatError only when the bytes don't start with a FIT header; any later damage ends the
 * decoding with a warning. Chained FIT files (several FIT files back to back) are all read.
 */
export function decodeFit(bytes: Uint8Array, wanted: FitWanted, onMessage: (msg: FitMessage) => void): FitDecodeReport {
  if (!looksLikeFit(bytes)) throw new FitFormatError(problem('fit_no_signature'));
  return new FitDecoder(bytes, wanted, onMessage).run();
}

/** Where a file's data lies, from its header. */
interface FileSpan {
  dataStart: number;
  dataEnd: number;
  /** False when the header's data size was missing or too large (unfinished or cut file). */
  declaredOk: boolean;
}

/**
 * One decoding, split by record kind as Garmin's SDK is: file header, definition message, data
 * message (with a normal or a compressed-timestamp header), file CRC. Damage ends a file's
 * reading with a warning; `stopped` says so.
 */
class FitDecoder {
  readonly report: FitDecodeReport = { sections: 0, messages: 0, crcOk: null, stoppedEarly: false, warnings: [] };
  private readonly view: DataView;
  private readonly msg: MessageView;
  /** The reference for compressed timestamps; kept across the parts of a multi-header file. */
  private lastTs = -1;
  private readonly warnOnce = new Set<string>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly wanted: FitWanted,
    private readonly onMessage: (msg: FitMessage) => void,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.msg = new MessageView(this.view, bytes);
  }

  private warn(w: Problem): void {
    const key = problemDebugText(w);
    if (!this.warnOnce.has(key) && this.report.warnings.length < 20) {
      this.warnOnce.add(key);
      this.report.warnings.push(w);
    }
  }

  run(): FitDecodeReport {
    const { bytes } = this;
    const len = bytes.length;
    let start = 0;
    let section = 0;
    while (start < len) {
      if (len - start < 12 || !looksLikeFit(bytes.subarray(start, start + 12))) {
        if (section === 0) throw new FitFormatError(problem('fit_no_signature'));
        // Padding after the last file is common (zeros); anything else is worth a word.
        let allZero = true;
        for (let i = start; i < len && allZero; i++) allZero = bytes[i] === 0;
        if (!allZero) this.warn(problem('fit_trailing_bytes', len - start));
        break;
      }
      const span = this.fileHeader(start);
      this.report.sections++;
      if (!this.records(span, section)) this.report.stoppedEarly = true;
      const next = this.fileCrc(start, span, section);
      if (next < 0) break;
      start = next;
      section++;
      if (section >= 64) {
        this.warn(problem('fit_too_many_chained'));
        break;
      }
    }
    return this.report;
  }

  /** The file header at `start`: its checksum, protocol version and data size. */
  private fileHeader(start: number): FileSpan {
    const { bytes, view } = this;
    const len = bytes.length;
    const headerSize = bytes[start]!;
    const dataSize = view.getUint32(start + 4, true);
    if (headerSize >= 14 && start + 14 <= len) {
      const hc = view.getUint16(start + 12, true);
      if (hc !== 0 && hc !== fitCrc(bytes, start, start + 12)) this.warn(problem('fit_header_checksum'));
    }
    const protocolMajor = bytes[start + 1]! >> 4;
    if (protocolMajor > 2) this.warn(problem('fit_protocol_newer', protocolMajor));
    const dataStart = start + headerSize;
    let dataEnd = dataStart + dataSize;
    let declaredOk = true;
    if (dataSize === 0 || dataEnd > len) {
      // Unfinished files (device switched off while recording, upload cut short) declare no
      // size or a larger one: read what is there.
      declaredOk = false;
      dataEnd = len;
      this.warn(
        dataSize === 0 ? problem('fit_no_data_size') : problem('fit_truncated', dataStart + dataSize + 2 - len),
      );
    }
    return { dataStart, dataEnd, declaredOk };
  }

  /** Every record of one file's data; false when damage stopped the reading early. */
  private records(span: FileSpan, section: number): boolean {
    const { bytes } = this;
    const defs = new Array<Definition | undefined>(16);
    const { dataEnd } = span;
    let pos = span.dataStart;
    while (pos < dataEnd) {
      const h = bytes[pos]!;
      // A compressed timestamp header has the local type in bits 5-6 and a time offset in bits 0-4.
      const compressed = (h & 0x80) !== 0;
      const local = compressed ? (h >> 5) & 0x03 : h & 0x0f;
      const next =
        !compressed && h & 0x40
          ? this.definition(pos, h, dataEnd, defs, local)
          : this.dataMessage(pos, h, dataEnd, defs[local], local, compressed, section);
      if (next < 0) return false;
      pos = next;
    }
    return true;
  }

  /** A definition message at `pos`: stores its field plan under its local type; the next position, or -1. */
  private definition(pos: number, h: number, dataEnd: number, defs: (Definition | undefined)[], local: number): number {
    const { bytes, view } = this;
    const hasDev = (h & 0x20) !== 0;
    if (pos + 6 > dataEnd) {
      this.warn(problem('fit_definition_cut', pos));
      return -1;
    }
    const little = bytes[pos + 2] === 0;
    if (bytes[pos + 2]! > 1) {
      this.warn(problem('fit_byte_order', pos, bytes[pos + 2]!));
      return -1;
    }
    const global = view.getUint16(pos + 3, little);
    const nFields = bytes[pos + 5]!;
    let p = pos + 6;
    if (p + nFields * 3 > dataEnd) {
      this.warn(problem('fit_definition_cut', pos));
      return -1;
    }
    const want = this.wanted.get(global);
    const plan: FieldPlan[] | null = want ? [] : null;
    let size = 0;
    let tsOffset = -1;
    let tsSize = 0;
    for (let i = 0; i < nFields; i++, p += 3) {
      const num = bytes[p]!;
      const fsize = bytes[p + 1]!;
      const kind = bytes[p + 2]! & 0x1f;
      if (num === FIT_TIMESTAMP_FIELD) {
        tsOffset = size;
        tsSize = fsize;
      }
      if (plan && want!.has(num) && fsize > 0) plan.push({ num, offset: size, size: fsize, kind });
      size += fsize;
    }
    if (hasDev) {
      if (p + 1 > dataEnd) {
        this.warn(problem('fit_definition_cut', pos));
        return -1;
      }
      const nDev = bytes[p]!;
      p++;
      if (p + nDev * 3 > dataEnd) {
        this.warn(problem('fit_definition_cut', pos));
        return -1;
      }
      for (let i = 0; i < nDev; i++, p += 3) size += bytes[p + 1]!;
    }
    defs[local] = { global, little, size, plan, tsOffset, tsSize };
    return p;
  }

  /** A data message at `pos`, with a normal or a compressed-timestamp header; the next position, or -1. */
  private dataMessage(
    pos: number,
    h: number,
    dataEnd: number,
    def: Definition | undefined,
    local: number,
    compressed: boolean,
    section: number,
  ): number {
    if (!def) {
      this.warn(problem('fit_undefined_local_type', pos, local));
      return -1;
    }
    if (pos + 1 + def.size > dataEnd) {
      this.warn(problem('fit_message_cut', pos));
      return -1;
    }
    const at = pos + 1;
    // Timestamp from a compressed header (-1 for a normal header, or with no time to add to yet).
    let ts = -1;
    if (compressed) ts = this.compressedTimestamp(h);
    else if (def.tsOffset >= 0 && def.tsSize === 4) {
      const t = this.view.getUint32(at + def.tsOffset, def.little);
      if (t !== 0xffffffff) this.lastTs = t;
    }
    if (def.plan) {
      const msg = this.msg;
      msg.global = def.global;
      msg.section = section;
      msg.def = def;
      msg.at = at;
      msg.ts = ts;
      this.report.messages++;
      this.onMessage(msg);
    }
    return at + def.size;
  }

  /** The time a compressed-timestamp header gives: a 5-bit offset from the last full timestamp, or -1. */
  private compressedTimestamp(h: number): number {
    const offset = h & 0x1f;
    const last = this.lastTs;
    if (last < 0) return -1;
    let ts = (last & ~0x1f) + offset;
    if (offset < (last & 0x1f)) ts += 0x20;
    ts >>>= 0;
    this.lastTs = ts;
    return ts;
  }

  /** Checks the file CRC after the data; where the next chained file starts, or -1 to stop. */
  private fileCrc(start: number, span: FileSpan, section: number): number {
    const { bytes, view } = this;
    const { dataEnd, declaredOk } = span;
    if (declaredOk && dataEnd + 2 <= bytes.length) {
      const crc = view.getUint16(dataEnd, true);
      // A CRC of 0 means "not computed" in some writers.
      if (crc !== 0 || section > 0) {
        const ok = fitCrc(bytes, start, dataEnd) === crc;
        if (!ok) this.warn(problem('fit_checksum'));
        this.report.crcOk = this.report.crcOk === false ? false : ok;
      }
      return dataEnd + 2;
    }
    if (declaredOk && dataEnd < bytes.length) this.warn(problem('fit_no_checksum'));
    return -1;
  }
}

class MessageView implements FitMessage {
  global = 0;
  section = 0;
  def: Definition | null = null;
  at = 0;
  /** Timestamp from a compressed header, or -1. */
  ts = -1;

  constructor(
    private readonly view: DataView,
    private readonly bytes: Uint8Array,
  ) {}

  get(field: number): FitValue | undefined {
    if (field === FIT_TIMESTAMP_FIELD && this.ts >= 0) return this.ts;
    const def = this.def!;
    const plan = def.plan!;
    // An index loop: read for every field of every record, where for-of was about 30 % slower.
    // eslint-disable-next-line @typescript-eslint/prefer-for-of
    for (let i = 0; i < plan.length; i++) {
      const f = plan[i]!;
      if (f.num === field) return readValue(this.view, this.bytes, this.at + f.offset, f.size, f.kind, def.little);
    }
    return undefined;
  }

  toMap(): Map<number, FitValue> {
    const out = new Map<number, FitValue>();
    const def = this.def!;
    for (const f of def.plan!) {
      const v = readValue(this.view, this.bytes, this.at + f.offset, f.size, f.kind, def.little);
      if (v !== undefined) out.set(f.num, v);
    }
    if (this.ts >= 0) out.set(FIT_TIMESTAMP_FIELD, this.ts);
    return out;
  }
}

/** What a FIT file of each file_id type holds, as a phrase ("this FIT file holds ..."). */
/** FIT file types (the file_id message's `type`), as problem codes that name them. */
export const FIT_FILE_TYPES: Readonly<Record<number, ProblemCode>> = {
  1: 'fit_type_device_info',
  2: 'fit_type_settings',
  3: 'fit_type_sport_settings',
  4: 'fit_type_activity',
  5: 'fit_type_workout',
  6: 'fit_type_course',
  7: 'fit_type_schedules',
  9: 'fit_type_weight',
  10: 'fit_type_totals',
  11: 'fit_type_goals',
  14: 'fit_type_blood_pressure',
  15: 'fit_type_monitoring',
  20: 'fit_type_activity_summary',
  28: 'fit_type_monitoring_daily',
  32: 'fit_type_monitoring_b',
  34: 'fit_type_segment',
  35: 'fit_type_segment_list',
  40: 'fit_type_device_config',
};

export function fitFileTypeName(type: number): Problem {
  const code = FIT_FILE_TYPES[type];
  return code ? ({ code, params: [] } as unknown as Problem) : problem('fit_type_other', type);
}
