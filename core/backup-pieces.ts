// A backup travels between the options page and the background in pieces: one runtime message is
// capped at 64 MiB (Chrome), and a backup may be larger. A piece of PIECE_CHARS UTF-16 units is at
// most 6 MiB as UTF-8 JSON (3 bytes a unit); small enough that reading one message holds the
// worker a fraction of a second (4 Mi units held the popup's answer over a second, bench:restore).

export const PIECE_CHARS = 1024 * 1024;
/** Pieces of one backup at most: 200 MB (MAX_BACKUP_CHARS) in 1 Mi pieces is 200. */
export const MAX_PIECES = 256;

/**
 * The text cut into pieces of at most `size` units (2 or more), never between the two halves of a
 * surrogate pair (a lone half would not survive the message's encoding).
 */
export function piecesOf(text: string, size: number = PIECE_CHARS): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(at + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && end - at > 1 && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(text.slice(at, end));
    at = end;
  }
  return out.length ? out : [''];
}

/** An upload's or export's id: random, from the page or the background. */
export const TRANSFER_ID_RE = /^[A-Za-z0-9-]{8,64}$/;
