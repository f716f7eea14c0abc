import { Inflate } from 'fflate';
import { problem, type Problem } from '../problem-codes';
import { readExactly } from './source';
import { crc32 } from './gzip';
import { checkExpansion, READ_BUDGET, yieldToOthers, type ReadBudget } from './read-budget';
import { FileRefusal, type RandomAccessSource } from './types';

// Zip reading with random access: the End Of Central Directory record, then the central
// directory, then only the entries wanted, streamed through inflate. Time and memory depend on
// what is read, not on the archive's size (Strava and Garmin exports pass 1 GB). ZIP64 is
// supported (archives over 4 GB or with over 65535 entries).

export interface ZipEntry {
  /** Path inside the archive, with forward slashes. */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  crc32: number;
  localHeaderOffset: number;
  isDirectory: boolean;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX_CENTRAL_DIRECTORY = 256 * 1024 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7) &&
    (bytes[3] === 4 || bytes[3] === 6 || bytes[3] === 8)
  );
}

const u16 = (v: DataView, o: number) => v.getUint16(o, true);
const u32 = (v: DataView, o: number) => v.getUint32(o, true);
function u64(v: DataView, o: number): number {
  const n = v.getBigUint64(o, true);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new FileRefusal(problem('zip_out_of_range'));
  return Number(n);
}

const utf8 = new TextDecoder('utf-8');

async function hasSignature(source: RandomAccessSource, offset: number, sig: number): Promise<boolean> {
  if (offset < 0 || offset + 4 > source.size) return false;
  const b = await readExactly(source, offset, 4);
  return b.length === 4 && new DataView(b.buffer, b.byteOffset, 4).getUint32(0, true) === sig;
}

/** Reads the archive's central directory: the list of its entries. */
export async function readZipDirectory(source: RandomAccessSource): Promise<ZipEntry[]> {
  const size = source.size;
  if (size < 22) throw new FileRefusal(problem('zip_too_short'));
  const tailLen = Math.min(size, 22 + 65535 + 20);
  const tailStart = size - tailLen;
  const tail = await readExactly(source, tailStart, tailLen);
  const tv = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && tail[i + 1] === 0x4b && u32(tv, i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new FileRefusal(problem('zip_no_directory'));
  let count = u16(tv, eocd + 10);
  let cdSize = u32(tv, eocd + 12);
  let cdOffset = u32(tv, eocd + 16);
  const eocdAbs = tailStart + eocd;

  // ZIP64: a locator sits just before the EOCD and points to the 64-bit record.
  let zip64 = false;
  if (eocd >= 20 && u32(tv, eocd - 20) === SIG_EOCD64_LOCATOR) {
    // Where the locator says, or (data prepended to the archive) just before the locator.
    for (const at of [u64(tv, eocd - 20 + 8), eocdAbs - 20 - 56]) {
      if (at < 0 || at + 56 > size) continue;
      const rec = await readExactly(source, at, 56);
      const rv = new DataView(rec.buffer, rec.byteOffset, rec.byteLength);
      if (rec.length === 56 && u32(rv, 0) === SIG_EOCD64) {
        zip64 = true;
        count = u64(rv, 32);
        cdSize = u64(rv, 40);
        cdOffset = u64(rv, 48);
        break;
      }
    }
  }
  if (cdSize > MAX_CENTRAL_DIRECTORY) throw new FileRefusal(problem('zip_too_many_files'));
  // Data prepended to the archive (self-extracting zips, some downloaders) shifts every
  // offset: when the directory is not where the record says, look where it must end.
  let shift = 0;
  if (cdSize > 0 && !(await hasSignature(source, cdOffset, SIG_CENTRAL))) {
    const delta = eocdAbs - (zip64 ? 76 : 0) - cdSize - cdOffset;
    if (delta > 0 && (await hasSignature(source, cdOffset + delta, SIG_CENTRAL))) shift = delta;
    else throw new FileRefusal(problem('zip_directory_misplaced'));
  }
  const start = cdOffset + shift;
  if (start + cdSize > size) throw new FileRefusal(problem('zip_directory_past_end'));
  const cd = await readExactly(source, start, cdSize);
  const v = new DataView(cd.buffer, cd.byteOffset, cd.byteLength);
  const entries: ZipEntry[] = [];
  let p = 0;
  while (p + 46 <= cd.length && u32(v, p) === SIG_CENTRAL) {
    const flags = u16(v, p + 8);
    const method = u16(v, p + 10);
    const crc = u32(v, p + 16);
    let compressedSize = u32(v, p + 20);
    let usize = u32(v, p + 24);
    const nameLen = u16(v, p + 28);
    const extraLen = u16(v, p + 30);
    const commentLen = u16(v, p + 32);
    let localHeaderOffset = u32(v, p + 42);
    if (p + 46 + nameLen + extraLen > cd.length) break;
    const name = utf8.decode(cd.subarray(p + 46, p + 46 + nameLen)).replace(/\\/g, '/');
    // ZIP64 extra field: the 64-bit values replace the 0xFFFFFFFF ones, in this order.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = u16(v, e);
      const len = u16(v, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (usize === 0xffffffff && q + 8 <= e + 4 + len) {
          usize = u64(v, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + len) {
          compressedSize = u64(v, q);
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff && q + 8 <= e + 4 + len) localHeaderOffset = u64(v, q);
      }
      e += 4 + len;
    }
    entries.push({
      name,
      method,
      flags,
      compressedSize,
      size: usize,
      crc32: crc,
      localHeaderOffset: localHeaderOffset + shift,
      isDirectory: name.endsWith('/'),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (entries.length === 0 && count > 0) throw new FileRefusal(problem('zip_directory_unreadable'));
  if (entries.length > READ_BUDGET.maxEntries)
    throw new FileRefusal(problem('zip_too_many_entries', READ_BUDGET.maxEntries));
  refuseOverlaps(entries);
  return entries;
}

/**
 * A real archive stores each entry's data once, one after another. Entries whose data overlap
 * (one compressed stream read again and again under many names) are a decompression bomb.
 */
function refuseOverlaps(entries: readonly ZipEntry[]): void {
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1]!;
    const next = byOffset[i]!;
    // An entry's local header (30 bytes and its name) and data lie before the next entry's header.
    if (next.localHeaderOffset < prev.localHeaderOffset + 30 + prev.compressedSize)
      throw new FileRefusal(problem('zip_entries_overlap', prev.name, next.name));
  }
}

export interface StreamEntryOptions {
  /** Refuse when the entry's content is larger than this. */
  maxBytes: number;
  /** Called with compressed bytes read so far (for progress). */
  onRead?: (bytesRead: number) => void;
  /** Bytes read from the source per step. */
  chunkSize?: number;
  /** The import's budget, shared by all its entries. */
  budget?: ReadBudget;
}

/** Where an entry's data starts: after its local header, whose name and extra may differ. */
async function dataStart(source: RandomAccessSource, entry: ZipEntry): Promise<number> {
  const h = await readExactly(source, entry.localHeaderOffset, 30);
  const hv = new DataView(h.buffer, h.byteOffset, h.byteLength);
  if (h.length < 30 || u32(hv, 0) !== SIG_LOCAL) throw new FileRefusal(problem('zip_entry_missing', entry.name));
  return entry.localHeaderOffset + 30 + u16(hv, 26) + u16(hv, 28);
}

/**
 * Streams one entry's content to `onChunk`, reading the source piece by piece. Returns a
 * warning when the CRC does not match. Throws FileRefusal for encrypted entries, unsupported
 * compression, damaged data or content over `maxBytes`.
 */
export async function streamZipEntry(
  source: RandomAccessSource,
  entry: ZipEntry,
  /** May return a promise: the next chunk waits for it (a consumer that yields as it parses). */
  onChunk: (chunk: Uint8Array) => void | Promise<void>,
  opts: StreamEntryOptions,
): Promise<Problem | undefined> {
  if (entry.flags & 0x01) throw new FileRefusal(problem('zip_entry_encrypted', entry.name));
  if (entry.method !== 0 && entry.method !== 8)
    throw new FileRefusal(problem('zip_entry_method', entry.name, entry.method));
  if (entry.size > opts.maxBytes)
    throw new FileRefusal(problem('zip_entry_too_large', entry.name, Math.round(entry.size / 1048576)));
  const start = await dataStart(source, entry);
  if (start + entry.compressedSize > source.size) throw new FileRefusal(problem('zip_entry_cut_short', entry.name));
  const chunkSize = opts.chunkSize ?? 1024 * 1024;
  let crc = 0;
  let total = 0;
  let consumed = 0;
  const emit = (c: Uint8Array) => {
    total += c.length;
    checkExpansion(total, consumed, entry.name);
    opts.budget?.spendInflated(c.length);
    if (total > opts.maxBytes)
      throw new FileRefusal(problem('zip_entry_expands_too_much', entry.name, Math.round(opts.maxBytes / 1048576)));
    crc = crc32(c, crc);
    pending.push(c);
  };
  // The inflater calls back synchronously; its output is handed on after each push, awaited.
  const pending: Uint8Array[] = [];
  const deliver = async () => {
    for (const c of pending.splice(0)) await onChunk(c);
  };
  let inflater: Inflate | null = null;
  if (entry.method === 8) inflater = new Inflate((c) => emit(c));
  let read = 0;
  try {
    while (read < entry.compressedSize) {
      const n = Math.min(chunkSize, entry.compressedSize - read);
      const piece = await readExactly(source, start + read, n);
      if (piece.length < n) throw new FileRefusal(problem('zip_entry_cut_short', entry.name));
      read += n;
      const last = read >= entry.compressedSize;
      if (inflater) {
        // Small pushes keep each inflate step's output (and so memory) bounded.
        const PIECE = 2 * 1024; // small: one push of a bomb then inflates 2 MB at most before the checks see it
        for (let p = 0; p < piece.length; p += PIECE) {
          const end = Math.min(piece.length, p + PIECE);
          consumed = read - n + end;
          inflater.push(piece.subarray(p, end), last && end === piece.length);
          await deliver();
          // A small piece may inflate to megabytes: the worker answers other messages between pieces.
          await yieldToOthers();
        }
      } else {
        consumed = read;
        emit(piece.slice());
        await deliver();
      }
      opts.onRead?.(read);
      // Big entries are read in steps; between them the worker answers other messages.
      await yieldToOthers();
    }
    if (inflater && entry.compressedSize === 0) inflater.push(new Uint8Array(0), true);
    await deliver();
  } catch (e) {
    if (e instanceof FileRefusal) throw e;
    throw new FileRefusal(problem('zip_entry_corrupt', entry.name));
  }
  if (crc !== entry.crc32) return problem('zip_entry_checksum', entry.name);
  return undefined;
}

/** One entry's whole content in memory (for activity files, which are small). */
export async function readZipEntry(
  source: RandomAccessSource,
  entry: ZipEntry,
  maxBytes: number,
  budget?: ReadBudget,
): Promise<{ data: Uint8Array; warning?: Problem }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const warning = await streamZipEntry(
    source,
    entry,
    (c) => {
      chunks.push(c);
      size += c.length;
    },
    { maxBytes, budget },
  );
  if (chunks.length === 1) return { data: chunks[0]!, warning };
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return { data: out, warning };
}
