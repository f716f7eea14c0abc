import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackupTransfers } from '../../../background/backup-transfer';
import { handleMessage } from '../../../background/message-router';
import type { ActivityInput } from '../../../core/activity';
import { PIECE_CHARS, piecesOf } from '../../../core/backup-pieces';
import { localDateOf } from '../../../core/local-date';
import { NOW, run } from '../activity-fixtures';
import { routerDeps } from './router-deps';

// Backups larger than one runtime message (64 MiB) travel in pieces both ways; what arrives is
// checked and restored exactly as a backup sent whole.

const page = { kind: 'page' } as const;
const MESSAGE_LIMIT = 64 * 1024 * 1024;

beforeEach(() => {
  fakeBrowser.reset();
});

function runs(n: number): ActivityInput[] {
  return Array.from({ length: n }, (_, i) => {
    const startMs = NOW - 86_400_000 - i * 7 * 3_600_000;
    return run({
      sourceId: String(50_000 + i),
      startMs,
      localDate: localDateOf(startMs, 'UTC'),
      name: `Run ${i} ✓ 🏃`,
    });
  });
}

type Deps = Awaited<ReturnType<typeof routerDeps>>;

/** What the options page does: the pieces in order, then the restore of them. */
async function sendInPieces(d: Deps, text: string, size = PIECE_CHARS) {
  const pieces = piecesOf(text, size);
  const upload = `upload-${pieces.length}-${Math.random().toString(36).slice(2)}`;
  for (let index = 0; index < pieces.length; index++) {
    // Each message stays under the limit, even as UTF-8 JSON.
    expect(Buffer.byteLength(JSON.stringify({ type: 'backup/part', upload, index, text: pieces[index] }))).toBeLessThan(
      MESSAGE_LIMIT,
    );
    expect(await handleMessage({ type: 'backup/part', upload, index, text: pieces[index] }, page, d)).toMatchObject({
      ok: true,
    });
  }
  return handleMessage({ type: 'backup/import', upload, pieces: pieces.length }, page, d);
}

/** What the options page does with an export: the first piece, then the others, joined. */
async function exportInPieces(d: Deps): Promise<{ text: string; pieces: number }> {
  const r = (await handleMessage({ type: 'backup/export' }, page, d)) as {
    text: string;
    pieces: number;
    export: string;
  };
  const parts = [r.text];
  for (let index = 1; index < r.pieces; index++) {
    const p = await handleMessage({ type: 'backup/export-part', export: r.export, index }, page, d);
    expect(p.ok).toBe(true);
    parts.push((p as { text: string }).text);
  }
  return { text: parts.join(''), pieces: r.pieces };
}

describe('backup pieces', () => {
  it('never cut a surrogate pair in two, and join to the text', () => {
    const text = 'a🏃b'.repeat(1000);
    for (const size of [2, 3, 7, 64]) {
      const pieces = piecesOf(text, size);
      expect(pieces.join('')).toBe(text);
      for (const p of pieces) expect(p.isWellFormed()).toBe(true);
    }
  });

  it('export in pieces and restore in pieces into another browser: the same backup again', async () => {
    const from = await routerDeps();
    from.transfers = new BackupTransfers(16 * 1024);
    await from.store.save(runs(300), NOW);
    await handleMessage({ type: 'settings/update', patch: { units: 'mi' } }, page, from);
    const out = await exportInPieces(from);
    expect(out.pieces).toBeGreaterThan(5);

    fakeBrowser.reset();
    const to = await routerDeps();
    expect(await sendInPieces(to, out.text, 16 * 1024)).toMatchObject({ ok: true, added: 300 });
    to.transfers = new BackupTransfers(16 * 1024);
    const again = await exportInPieces(to);
    const strip = (t: string) => ({ ...JSON.parse(t), exportedAt: null });
    expect(strip(again.text)).toEqual(strip(out.text));
  });

  it('a piece missing or out of order refuses the restore, and stores nothing', async () => {
    const d = await routerDeps();
    const text = JSON.stringify({ format: 'hip-check-backup', version: 1, activities: [], settings: {} });
    const upload = 'upload-missing';
    await handleMessage({ type: 'backup/part', upload, index: 0, text: text.slice(0, 10) }, page, d);
    expect(await handleMessage({ type: 'backup/part', upload, index: 2, text: text.slice(10) }, page, d)).toMatchObject(
      {
        ok: false,
        error: { code: 'backup_piece_missing', params: [3] },
      },
    );
    expect(await handleMessage({ type: 'backup/import', upload, pieces: 2 }, page, d)).toMatchObject({
      ok: false,
      error: { code: 'backup_piece_missing' },
    });
    expect(await handleMessage({ type: 'backup/import', upload: 'never-sent', pieces: 1 }, page, d)).toMatchObject({
      ok: false,
    });
    expect(await d.store.count()).toBe(0);
  });

  it('a piece larger than a piece may be is refused', async () => {
    const d = await routerDeps();
    const r = await handleMessage(
      { type: 'backup/part', upload: 'upload-large', index: 0, text: 'x'.repeat(PIECE_CHARS + 1) },
      page,
      d,
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'request_refused' } });
  });

  it('an 80 MB backup restores (past the 64 MiB of one message)', async () => {
    const source = await routerDeps();
    await source.store.save(runs(2000), NOW);
    const compact = ((await handleMessage({ type: 'backup/export' }, page, source)) as unknown as { text: string })
      .text;
    // The same backup as another tool may indent it: JSON's own whitespace, 80 MB of it.
    const lines = compact.split('\n').length;
    const pad = ' '.repeat(Math.ceil((80 * 1024 * 1024 - compact.length) / lines));
    const text = compact.replaceAll('\n', `\n${pad}`);
    expect(text.length).toBeGreaterThanOrEqual(80 * 1024 * 1024);

    fakeBrowser.reset();
    const d = await routerDeps();
    expect(await sendInPieces(d, text)).toMatchObject({ ok: true, added: 2000, refused: [] });
    expect(await d.store.count()).toBe(2000);
  }, 120_000);
});
