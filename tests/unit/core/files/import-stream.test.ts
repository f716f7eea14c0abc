import path from 'node:path';
import { englishText } from '../../../problem-english';
import { describe, expect, it } from 'vitest';
import { problem, ProblemError } from '../../../../core/problem-codes';
import type { ActivityInput } from '../../../../core/activity';
import { readActivityFile } from '../../../../core/files/import-files';
import {
  importStream,
  mayBeActivityFile,
  needsSport,
  MAX_LISTED,
  timeLeftMs,
  type ChosenFile,
  type ImportProgress,
  type ImportStreamOptions,
} from '../../../../core/files/import-stream';
import { bytesSource } from '../../../../core/files/source';
import type { RandomAccessSource } from '../../../../core/files/types';
import { oneHourRunFit, runStartMs, unfinishedRunFit } from '../../../fit-runs';
import { itWithCorpus } from '../../needs-corpus';
import { corpusFile, makeZip } from './helpers';

/** A chosen file as tests hold it: its bytes as a source, its size known. */
type TestFile = ChosenFile & { source: RandomAccessSource };
const chosen = (name: string, bytes: Uint8Array): TestFile => ({
  name,
  size: bytes.length,
  source: bytesSource(bytes),
});
const run = (k: number) => chosen(`run-${k}.fit`, oneHourRunFit(k));

/** A save that keeps everything by source id, as the store does: known ids count as known. */
function fakeStore() {
  const stored = new Map<string, ActivityInput>();
  const batches: number[] = [];
  const save: ImportStreamOptions['save'] = async (batch) => {
    batches.push(batch.length);
    let added = 0;
    let known = 0;
    for (const a of batch) {
      if (stored.has(a.sourceId)) known++;
      else added++;
      stored.set(a.sourceId, a);
    }
    return { added, merged: 0, known };
  };
  return { stored, batches, save };
}

const opts = (
  save: ImportStreamOptions['save'],
  over: Partial<ImportStreamOptions<TestFile>> = {},
): ImportStreamOptions<TestFile> => ({
  read: (f) => readActivityFile(f.name, f.source, { timeZone: 'UTC', nowMs: Date.parse('2026-11-30T12:00:00Z') }),
  save,
  now: () => Date.now(),
  ...over,
});

describe('importStream: many files, one import', () => {
  it('stores every run once, in batches of the given size, and counts them', async () => {
    const files = Array.from({ length: 25 }, (_, k) => run(k));
    const store = fakeStore();
    const progress: ImportProgress[] = [];
    const s = await importStream(files, opts(store.save, { batchSize: 10, onProgress: (p) => progress.push(p) }));
    expect(store.batches).toEqual([10, 10, 5]);
    expect(store.stored.size).toBe(25);
    expect(s.counts).toEqual({ added: 25, merged: 0, known: 0, needs_sport: 0, skipped: 0, refused: 0 });
    expect(s).toMatchObject({ totalFiles: 25, filesDone: 25, activities: 25, cancelled: false, error: null });
    expect([...store.stored.values()].map((a) => a.startMs).sort()).toEqual(files.map((_, k) => runStartMs(k)));
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ filesDone: 25, totalFiles: 25, activities: 25 });
    expect(last.bytesDone).toBe(last.totalBytes);
    // The same files again: all known, nothing added.
    const again = await importStream(files, opts(store.save));
    expect(again.counts).toEqual({ added: 0, merged: 0, known: 25, needs_sport: 0, skipped: 0, refused: 0 });
  });

  itWithCorpus('lists files that are not activities as skipped and bad files as refused, with reasons', async () => {
    const files = [
      chosen('Settings.fit', corpusFile('files/python-fitparse__Settings.fit')),
      chosen('empty-sessions.fit', corpusFile('hard/sports-lib__empty-sessions.fit')),
      chosen('notes.fit', new TextEncoder().encode('hello')),
      run(1),
    ];
    const store = fakeStore();
    const s = await importStream(files, opts(store.save));
    expect(s.counts).toMatchObject({ added: 1, skipped: 1, refused: 2 });
    expect(s.items.map((i) => [i.item, i.kind])).toEqual([
      ['Settings.fit', 'skipped'],
      ['empty-sessions.fit', 'refused'],
      ['notes.fit', 'refused'],
    ]);
    expect(s.items.find((i) => i.item === 'Settings.fit')!.reason).toBeNull();
    for (const i of s.items.filter((x) => x.kind === 'refused')) expect(englishText(i.reason!)).toMatch(/\w{4}/);
  });

  it('a folder: files that cannot be activities by their name are skipped unread', async () => {
    const read = (f: TestFile) => {
      reads.push(f.name);
      return readActivityFile(f.name, f.source, { timeZone: 'UTC' });
    };
    const reads: string[] = [];
    const junk = new TextEncoder().encode('x');
    const files = [
      chosen('GARMIN/Activity/run.fit', oneHourRunFit(3)),
      chosen('GARMIN/Activity/.DS_Store', junk),
      chosen('GARMIN/Device.xml', junk),
      chosen('GARMIN/Monitor/notes.txt', junk),
    ];
    const store = fakeStore();
    const s = await importStream(files, opts(store.save, { folder: true, read }));
    expect(reads).toEqual(['GARMIN/Activity/run.fit']);
    expect(s.counts).toMatchObject({ added: 1, skipped: 3, refused: 0 });
    expect(mayBeActivityFile('a/b/RUN.FIT.GZ')).toBe(true);
    expect(mayBeActivityFile('a/__MACOSX/x.fit')).toBe(false);
  });

  // The e2e GARMIN folder, in the orders a browser may list it: the import ends whatever comes
  // last (a skipped file, the settings FIT) and however far it reads ahead.
  itWithCorpus.each([
    ['runs first', 16],
    ['skipped files last', 1],
    ['settings last', 3],
  ])('a whole GARMIN folder ends with every file counted (%s, read-ahead %i)', async (order, readAhead) => {
    const runs = Array.from({ length: 20 }, (_, k) => chosen(`GARMIN/Activity/run-${k}.fit`, oneHourRunFit(k)));
    const settings = chosen('GARMIN/Settings/Settings.fit', corpusFile('files/python-fitparse__Settings.fit'));
    const device = chosen('GARMIN/GarminDevice.xml', new TextEncoder().encode('<Device/>'));
    const dsStore = chosen('GARMIN/Activity/.DS_Store', new TextEncoder().encode('x'));
    const files =
      order === 'runs first'
        ? [device, dsStore, ...runs, settings]
        : order === 'skipped files last'
          ? [settings, ...runs, device, dsStore]
          : [dsStore, ...runs, device, settings];
    const store = fakeStore();
    const progress: ImportProgress[] = [];
    const s = await importStream(
      files,
      opts(store.save, { folder: true, readAhead, onProgress: (p) => progress.push(p) }),
    );
    expect(s.counts).toEqual({ added: 20, merged: 0, known: 0, needs_sport: 0, skipped: 3, refused: 0 });
    expect(s).toMatchObject({ totalFiles: 23, filesDone: 23, activities: 20, cancelled: false, error: null });
    expect(s.items.map((i) => i.item).sort()).toEqual([
      'GARMIN/Activity/.DS_Store',
      'GARMIN/GarminDevice.xml',
      'GARMIN/Settings/Settings.fit',
    ]);
    expect(progress.at(-1)).toMatchObject({ filesDone: 23, totalFiles: 23 });
  });

  it('reads at most a few files ahead, whatever their number', async () => {
    let open = 0;
    let most = 0;
    const read: ImportStreamOptions<TestFile>['read'] = async (f) => {
      open++;
      most = Math.max(most, open);
      await new Promise((r) => setTimeout(r, 1));
      const r = await readActivityFile(f.name, f.source, { timeZone: 'UTC' });
      open--;
      return r;
    };
    const files = Array.from({ length: 40 }, (_, k) => run(k));
    const s = await importStream(files, opts(fakeStore().save, { read, readAhead: 3 }));
    expect(s.counts.added).toBe(40);
    expect(most).toBeLessThanOrEqual(3);
    expect(most).toBeGreaterThan(1);
  });

  it('Cancel stops between files and keeps what was read: it is saved, nothing after it', async () => {
    const controller = new AbortController();
    const store = fakeStore();
    const files = Array.from({ length: 30 }, (_, k) => run(k));
    const s = await importStream(
      files,
      opts(store.save, {
        batchSize: 100,
        readAhead: 1,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.filesDone === 12) controller.abort();
        },
      }),
    );
    expect(s).toMatchObject({ cancelled: true, filesDone: 12, totalFiles: 30 });
    expect(store.stored.size).toBe(12);
    expect(s.counts.added).toBe(12);
  });

  it('a failed save stops the import with its error; earlier batches stay saved', async () => {
    const store = fakeStore();
    let calls = 0;
    const save: ImportStreamOptions['save'] = async (b) => {
      if (++calls === 2) throw new Error('the database is full');
      return store.save(b);
    };
    const files = Array.from({ length: 30 }, (_, k) => run(k));
    const s = await importStream(files, opts(save, { batchSize: 5, readAhead: 1 }));
    // An unexpected failure is one code, the thrown words its detail.
    expect(s.error).toEqual(problem('action_failed', 'the database is full'));
    expect(s.cancelled).toBe(false);
    expect(s.counts.added).toBe(5);
    expect(store.stored.size).toBe(5);
    expect(s.filesDone).toBeLessThan(30);
  });

  it("a save the background refused stops the import with the background's own problem", async () => {
    const refusal = problem('request_refused', problem('request_too_many_activities', 6000, 5000));
    const save: ImportStreamOptions['save'] = () => Promise.reject(new ProblemError(refusal));
    const s = await importStream([run(1)], opts(save));
    expect(s.error).toEqual(refusal);
  });

  it('names the file of an activity the store refused', async () => {
    const store = fakeStore();
    const save: ImportStreamOptions['save'] = async (b) => ({
      ...(await store.save(b.slice(1))),
      refused: [{ sourceId: b[0]!.sourceId, reason: problem('store_source_taken', 'strava:1') }],
    });
    const s = await importStream([run(1), run(2)], opts(save));
    expect(s.counts).toMatchObject({ added: 1, refused: 1 });
    expect(s.items).toEqual([
      { item: 'run-1.fit', kind: 'refused', reason: problem('store_source_taken', 'strava:1') },
    ]);
  });

  it('keeps the list of skipped and refused files bounded, counting the rest', async () => {
    const junk = new TextEncoder().encode('x');
    const files = Array.from({ length: MAX_LISTED + 7 }, (_, k) => chosen(path.join('f', `${k}.txt`), junk));
    const s = await importStream(files, opts(fakeStore().save, { folder: true }));
    expect(s.counts.skipped).toBe(MAX_LISTED + 7);
    expect(s.items).toHaveLength(MAX_LISTED);
    expect(s.unlisted).toBe(7);
  });

  it('time left follows the bytes read so far', () => {
    const p = { filesDone: 10, totalFiles: 40, bytesDone: 1000, totalBytes: 4000, activities: 10, elapsedMs: 2000 };
    expect(timeLeftMs(p)).toBe(6000);
    expect(timeLeftMs({ ...p, elapsedMs: 100 })).toBeNull();
    // Half the bytes in a quarter of the files: bytes tell better than files.
    expect(timeLeftMs({ ...p, bytesDone: 2000 })).toBe(2000);
  });

  it("without the files' sizes, progress and time left go by files", async () => {
    const files = [run(1), run(2), run(3)].map(({ name, source }) => ({ name, source }));
    const progress: ImportProgress[] = [];
    await importStream(files, opts(fakeStore().save, { onProgress: (p) => progress.push(p) }));
    expect(progress.at(-1)).toMatchObject({ filesDone: 3, totalFiles: 3, bytesDone: 0, totalBytes: 0 });
    const p = { filesDone: 10, totalFiles: 40, bytesDone: 0, totalBytes: 0, activities: 10, elapsedMs: 2000 };
    expect(timeLeftMs(p)).toBe(6000);
    expect(timeLeftMs({ ...p, filesDone: 0 })).toBeNull();
  });
});

describe('importStream: a file that names no sport', () => {
  // A real Strava GPX with no <type> and nothing else about its sport (under a neutral name:
  // its corpus name says "run", which would be inferred).
  itWithCorpus('holds its activity back as "needs a sport" instead of storing it as other', async () => {
    const store = fakeStore();
    const files = [chosen('greeting-sf.gpx', corpusFile('files/togeojson__run_gpxtpx.gpx')), run(1)];
    const s = await importStream(files, opts(store.save));
    expect(s.counts).toEqual({ added: 1, merged: 0, known: 0, needs_sport: 1, skipped: 0, refused: 0 });
    expect([...store.stored.values()].map((a) => a.sport)).toEqual(['run']);
    expect(s.items).toHaveLength(1);
    const item = s.items[0]!;
    expect(item).toMatchObject({ item: 'greeting-sf.gpx', kind: 'needs_sport', reason: null });
    expect(item.activity).toMatchObject({ source: 'file', sportLabel: '', sport: 'other' });
    expect(item.activity!.distanceM).toBeGreaterThan(0);
  });

  itWithCorpus('stores a file whose name says the sport', async () => {
    const store = fakeStore();
    const s = await importStream(
      [chosen('evening-run.gpx', corpusFile('files/togeojson__run_gpxtpx.gpx'))],
      opts(store.save),
    );
    expect(s.counts.needs_sport).toBe(0);
    expect([...store.stored.values()].map((a) => a.sport)).toEqual(['run']);
  });

  it('holds back a FIT file without session, lap or sport, read from its track points', async () => {
    const store = fakeStore();
    const startMs = Date.parse('2026-11-29T07:00:00Z');
    const s = await importStream([chosen('watch.fit', unfinishedRunFit({ startMs, minutes: 33 }))], opts(store.save));
    expect(s.counts).toEqual({ added: 0, merged: 0, known: 0, needs_sport: 1, skipped: 0, refused: 0 });
    expect(store.stored.size).toBe(0);
    expect(s.items[0]!.activity).toMatchObject({
      startMs,
      sportLabel: '',
      // The last distance the watch counted: 5 m before its first point, then 33 minutes at 3 m/s.
      distanceM: 5 + 33 * 12 * 15,
      elapsedS: 33 * 60,
      movingS: 33 * 60,
    });
  });

  it('asks only about file activities with no sport label at all', () => {
    const a = { source: 'file', sportLabel: '' } as ActivityInput;
    expect(needsSport(a)).toBe(true);
    expect(needsSport({ ...a, sportLabel: 'Other' })).toBe(false);
    expect(needsSport({ ...a, source: 'strava' })).toBe(false);
  });
});

describe('importStream: warnings the summary tells', () => {
  it('names each file whose stale leading points were left out, in an archive too', async () => {
    const store = fakeStore();
    const startMs = Date.parse('2026-11-29T07:00:00Z');
    const stale = unfinishedRunFit({ startMs, minutes: 60, staleDaysBefore: 27.9, session: true });
    const zipped = makeZip([{ name: 'rides/stale.fit', data: stale }]);
    const s = await importStream([chosen('stale.fit', stale), chosen('export.zip', zipped), run(1)], opts(store.save));
    // The same run twice (file and zip entry) and run 1.
    expect(s.counts).toMatchObject({ added: 2, known: 1, needs_sport: 0 });
    expect([...store.stored.values()].map((a) => a.startMs)).toContain(startMs);
    const note = problem(
      'track_stale_lead',
      3,
      problem('duration_days', 27.9),
      new Date(startMs - 27.9 * 86_400_000).toISOString().replace('.000Z', 'Z'),
      '2026-11-29T07:00:00Z',
    );
    expect(s.notes).toEqual([
      { item: 'stale.fit', note },
      { item: 'export.zip: rides/stale.fit', note },
    ]);
    expect(englishText(note)).toContain('left out');
  });
});
