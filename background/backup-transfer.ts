import { PIECE_CHARS, piecesOf } from '../core/backup-pieces';
import { MAX_BACKUP_CHARS } from '../core/messages';
import { problem, type Problem } from '../core/problem-codes';

// Backups larger than one message, held in the worker while they travel: an upload's pieces until
// its restore, an export's until the page has read them all. A stopped worker loses them; the page
// then says so and the runner tries again (nothing was stored by then).

/** Transfers kept at once; the oldest goes first (a page closed half way never finishes its own). */
const KEEP = 2;
/** An export not read within this is dropped. */
const EXPORT_TTL_MS = 5 * 60_000;

export class BackupTransfers {
  private readonly uploads = new Map<string, { pieces: string[]; chars: number }>();
  private readonly exports = new Map<string, { pieces: string[]; atMs: number }>();

  /** `pieceChars`: an export's piece size (smaller in tests, to make many of a small backup). */
  constructor(private readonly pieceChars: number = PIECE_CHARS) {}

  /** One piece of an upload, in order; the answer is a problem or the characters held so far. */
  addPiece(id: string, index: number, text: string): { ok: true; chars: number } | { ok: false; error: Problem } {
    let up = this.uploads.get(id);
    if (index === 0) {
      up = { pieces: [], chars: 0 };
      this.uploads.delete(id);
      this.uploads.set(id, up);
      while (this.uploads.size > KEEP) this.uploads.delete(this.uploads.keys().next().value!);
    }
    if (up?.pieces.length !== index) return { ok: false, error: problem('backup_piece_missing', index + 1) };
    if (up.chars + text.length > MAX_BACKUP_CHARS) {
      this.uploads.delete(id);
      return { ok: false, error: problem('request_backup_too_large', MAX_BACKUP_CHARS / 1024 / 1024) };
    }
    up.pieces.push(text);
    up.chars += text.length;
    return { ok: true, chars: up.chars };
  }

  /** An upload's whole text, once all its pieces came; it is then no longer held. */
  takeUpload(id: string, pieces: number): { ok: true; text: string } | { ok: false; error: Problem } {
    const up = this.uploads.get(id);
    this.uploads.delete(id);
    if (up?.pieces.length !== pieces)
      return { ok: false, error: problem('backup_piece_missing', (up?.pieces.length ?? 0) + 1) };
    return { ok: true, text: up.pieces.join('') };
  }

  /** Keeps an export's text for the page to read piece by piece; returns its pieces' count. */
  keepExport(id: string, text: string, nowMs: number): string[] {
    for (const [k, v] of this.exports) if (nowMs - v.atMs > EXPORT_TTL_MS) this.exports.delete(k);
    const pieces = piecesOf(text, this.pieceChars);
    if (pieces.length > 1) {
      this.exports.set(id, { pieces, atMs: nowMs });
      while (this.exports.size > KEEP) this.exports.delete(this.exports.keys().next().value!);
    }
    return pieces;
  }

  /** One piece of a kept export; the last one read lets it go. */
  exportPiece(id: string, index: number): { ok: true; text: string } | { ok: false; error: Problem } {
    const ex = this.exports.get(id);
    const text = ex?.pieces[index];
    if (text === undefined) return { ok: false, error: problem('backup_export_gone') };
    if (index === ex!.pieces.length - 1) this.exports.delete(id);
    return { ok: true, text };
  }
}
