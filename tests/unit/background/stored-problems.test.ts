import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DB_VERSION, openActivityDb } from '../../../background/activity-db';
import { ActivityStore } from '../../../background/activity-store';
import { listProblems } from '../../../background/read-problems';
import { problem } from '../../../core/problem-codes';

// Older versions stored some reasons as English text. Nothing stored is lost, and nothing read
// back is words where a problem is expected: the text comes back inside a stored_text code.

beforeEach(() => fakeBrowser.reset());

describe('reasons stored before they were codes', () => {
  it('a site problem kept as English text is read back as a code holding the text', async () => {
    await fakeBrowser.storage.local.set({
      readProblems: [
        {
          site: 'strava',
          page: 'training',
          url: 'https://www.strava.com/athlete/training',
          reason: 'Old words',
          atMs: 1,
        },
        {
          site: 'garmin',
          page: 'activity',
          url: 'https://connect.garmin.com/x',
          reason: problem('garmin_not_json'),
          atMs: 2,
        },
      ],
    });
    expect((await listProblems()).map((p) => p.reason)).toEqual([
      problem('stored_text', 'Old words'),
      problem('garmin_not_json'),
    ]);
  });

  it('an import logged with English reasons is read back with codes', async () => {
    const store = new ActivityStore(await openActivityDb(DB_VERSION, `stored-problems-${Math.random()}`));
    // As an older version wrote it, bypassing today's types.
    await store.logImport({
      atMs: 1,
      what: 'old.fit',
      added: 0,
      merged: 0,
      unchanged: 0,
      refused: [{ item: 'old.fit', reason: 'The file is damaged.' as never }],
    });
    await store.logImport({
      atMs: 2,
      what: 'new.fit',
      added: 0,
      merged: 0,
      unchanged: 0,
      refused: [{ item: 'new.fit', reason: problem('file_empty') }],
    });
    expect((await store.recentImports(2)).map((r) => r.refused[0]!.reason)).toEqual([
      problem('file_empty'),
      problem('stored_text', 'The file is damaged.'),
    ]);
  });
});
