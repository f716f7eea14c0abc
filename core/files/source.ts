import type { RandomAccessSource } from './types';

/** A source over bytes already in memory. */
export function bytesSource(bytes: Uint8Array): RandomAccessSource {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(Math.max(0, offset), Math.min(bytes.length, offset + length)),
  };
}

/** A source over a browser File or Blob: only the slices asked for are ever loaded. */
export function blobSource(blob: Blob): RandomAccessSource {
  return {
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
  };
}

/** Reads `length` bytes at `offset`, in pieces if the source returns short reads. */
export async function readExactly(source: RandomAccessSource, offset: number, length: number): Promise<Uint8Array> {
  const end = Math.min(source.size, offset + length);
  if (end <= offset) return new Uint8Array(0);
  const first = await source.read(offset, end - offset);
  if (first.length >= end - offset) return first.length === end - offset ? first : first.subarray(0, end - offset);
  const out = new Uint8Array(end - offset);
  out.set(first, 0);
  let filled = first.length;
  while (filled < out.length) {
    const chunk = await source.read(offset + filled, out.length - filled);
    if (chunk.length === 0) break;
    out.set(chunk.subarray(0, out.length - filled), filled);
    filled += chunk.length;
  }
  return filled === out.length ? out : out.subarray(0, filled);
}

/** The whole content of a (small) source. */
export function readAll(source: RandomAccessSource): Promise<Uint8Array> {
  return readExactly(source, 0, source.size);
}
