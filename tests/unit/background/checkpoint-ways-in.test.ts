import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../../background/message-router';
import { listRestMarks, setRestMark } from '../../../background/rest-marks';
import { BACKUP_FORMAT, makeBackup } from '../../../core/backup-format';
import type { Sport } from '../../../core/activity';
import { LIMITS, MAX_AVERAGE_SPEED_MS } from '../../../core/plausibility';
import { SPORT_FAMILY } from '../../../core/activity';
import { dateFromDayNumber, dayNumber } from '../../../core/local-date';
import { decodeItem, encodeItem, periodOfDate, shardKey, type ShardContent } from '../../../core/sync/shard-format';
import { mulberry32 } from '../../seeded-random';
import { NOW, run } from '../activity-fixtures';
import { routerDeps, type SiteRouterDeps } from './router-deps';

// Every way in, fed generated hostile values (issue #24): dates outside 1980..today, change times
// past now, paces no one reaches. None is accepted, and through the real router on a real
// (fake-indexeddb) database nothing already stored is deleted or changed.

const page = { kind: 'page' } as const;
const DAY = 86_400_000;
const TODAY = '2026-11-25';
const SEED = 20261124;

beforeEach(() => {
  fakeBrowser.reset();
});

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const between = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

/** A date after today anywhere on earth, or before 1980. */
function hostileDate(rng: Rng): string {
  const today = dayNumber(TODAY);
  return pick(rng, [
    () => dateFromDayNumber(today + between(rng, 2, 40)),
    () => dateFromDayNumber(today + between(rng, 41, 2_900_000)),
    () => '2099-01-01',
    () => '9999-12-31',
    () => '0100-01-01',
    () => '1979-12-31',
    () => dateFromDayNumber(between(rng, dayNumber('0001-01-01'), dayNumber('1979-12-31'))),
  ])();
}

/** A change time past now plus the slack, or before 1980 (never one that reads as seconds). */
function hostileTime(rng: Rng): number {
  return pick(rng, [
    () => NOW + LIMITS.futureSlackMs + 1 + Math.floor(rng() * 1e12),
    () => 9e15,
    () => Date.parse('2199-01-01T00:00:00Z'),
    () => -1 - Math.floor(rng() * 1e12),
    () => 1 + Math.floor(rng() * 315_532_000),
  ])();
}

const PACED: Sport[] = ['run', 'trail_run', 'treadmill_run', 'virtual_run', 'walk', 'hike', 'ride', 'swim', 'other'];

/** A distance and a whole-second time faster than the sport's limit. */
function hostilePace(rng: Rng, sport: Sport): { distanceM: number; movingS: number } {
  const max = MAX_AVERAGE_SPEED_MS[SPORT_FAMILY[sport]]!;
  const distanceM = between(rng, 1000, 1_000_000);
  const speed = max * (1.05 + rng() * 200);
  return { distanceM, movingS: Math.max(1, Math.floor(distanceM / speed)) };
}

async function seeded(): Promise<SiteRouterDeps> {
  const d = Object.assign(await routerDeps({ now: NOW, timeZone: 'Europe/London' }), { setRestMark });
  await d.store.save(
    [
      run({ sourceId: '1', startMs: NOW - 3 * DAY, localDate: '2026-11-22' }),
      run({ sourceId: '2', startMs: NOW - 2 * DAY, localDate: '2026-11-23', distanceM: 21_100, movingS: 6300 }),
      run({ sourceId: '3', startMs: NOW - DAY, localDate: '2026-11-24', sport: 'ride', distanceM: 40_000 }),
    ],
    NOW - 1000,
  );
  await d.checkIns.set({ date: '2026-11-24', pain: 3, atMs: NOW - DAY, later: { pain: 3, atMs: NOW - DAY } });
  await setRestMark('2026-11-21', true);
  return d;
}

async function snapshot(d: SiteRouterDeps): Promise<string> {
  const acts = (await d.store.all()).sort((a, b) => (a.key < b.key ? -1 : 1));
  return JSON.stringify([acts, await d.checkIns.all(), await listRestMarks(), await d.loadSettings()]);
}

const goodStored = (id: string) => ({
  key: `strava:${id}`,
  sources: [{ source: 'strava', id }],
  sourceKeys: [`strava:${id}`],
  startMs: NOW - 4 * DAY,
  localDate: '2026-11-21',
  sport: 'run',
  sportLabel: 'Run',
  distanceM: 8000,
  movingS: 2700,
  elapsedS: 2800,
  name: 'Backed up',
  updatedMs: NOW - DAY,
});

/** A backup with one hostile record among good ones, and other settings (they must not land either). */
function hostileBackup(rng: Rng): { what: string; text: string } {
  const b = { format: BACKUP_FORMAT, version: 2, exportedAt: new Date(NOW).toISOString() };
  const activities: unknown[] = [goodStored('1'), goodStored('77')];
  const restMarks = ['2026-11-20'];
  const checkIns: unknown[] = [{ date: '2026-11-19', pain: 1, atMs: NOW - 6 * DAY }];
  const kind = pick(rng, ['updatedMs', 'pace', 'markDate', 'checkInDate', 'checkInTime', 'answerTime'] as const);
  const sport = pick(rng, PACED);
  if (kind === 'updatedMs') activities.push({ ...goodStored('78'), updatedMs: hostileTime(rng) });
  if (kind === 'pace') activities.push({ ...goodStored('78'), sport, elapsedS: null, ...hostilePace(rng, sport) });
  if (kind === 'markDate') restMarks.splice(between(rng, 0, 1), 0, hostileDate(rng));
  if (kind === 'checkInDate') checkIns.push({ date: hostileDate(rng), pain: 9, atMs: NOW - DAY });
  if (kind === 'checkInTime') checkIns.push({ date: '2026-11-23', pain: 10, atMs: hostileTime(rng) });
  if (kind === 'answerTime')
    checkIns.push({ date: '2026-11-23', pain: 10, atMs: NOW - DAY, morning: { pain: 10, atMs: hostileTime(rng) } });
  const text = JSON.stringify({ ...b, settings: { units: 'mi' }, activities, restMarks, checkIns });
  return { what: `backup ${kind}`, text };
}

/** One hostile message to the router, and what it is. */
function hostileMessage(rng: Rng): { what: string; msg: unknown } {
  const kind = pick(rng, ['add', 'manual', 'backup', 'mark', 'checkin', 'update'] as const);
  const sport = pick(rng, PACED);
  switch (kind) {
    case 'add': {
      const date = hostileDate(rng);
      const activity = pick(rng, [
        () => run({ sourceId: '900', sport, elapsedS: null, ...hostilePace(rng, sport) }),
        // A date out of range, its start placed on it (so only the date check can catch a far one).
        () => run({ sourceId: '901', localDate: date, startMs: Date.parse(`${date}T12:00:00Z`) }),
      ])();
      return {
        what: `activities/add ${JSON.stringify(activity)}`,
        msg: { type: 'activities/add', activities: [activity] },
      };
    }
    case 'manual': {
      const pace = hostilePace(rng, 'run');
      return {
        what: `manual/add ${JSON.stringify(pace)}`,
        msg: { type: 'manual/add', entry: { formId: 'abcdefgh12', another: false, when: { kind: 'now' }, ...pace } },
      };
    }
    case 'backup': {
      const b = hostileBackup(rng);
      return { what: b.what, msg: { type: 'backup/import', text: b.text } };
    }
    case 'mark': {
      const date = rng() < 0.2 ? '2026-11-26' : hostileDate(rng);
      return { what: `rest/mark ${date}`, msg: { type: 'rest/mark', date, on: true } };
    }
    case 'checkin': {
      const date = hostileDate(rng);
      return { what: `checkin/set ${date}`, msg: { type: 'checkin/set', checkIn: { date, pain: 10 } } };
    }
    case 'update': {
      const pace = hostilePace(rng, 'run');
      return {
        what: `activities/update ${pace.distanceM}`,
        msg: {
          type: 'activities/update',
          key: 'strava:1',
          patch: { distanceM: pace.distanceM, movingS: pace.movingS },
        },
      };
    }
  }
}

describe('hostile values at every way in (seeded)', () => {
  it('the router accepts none, and nothing stored is deleted or changed', async () => {
    const rng = mulberry32(SEED);
    const d = await seeded();
    const before = await snapshot(d);
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const { what, msg } = hostileMessage(rng);
      seen.add(what.split(' ').slice(0, 2).join(' '));
      const r = (await handleMessage(msg, page, d)) as { ok: boolean };
      expect(r.ok, what).toBe(false);
      expect(await snapshot(d), what).toBe(before);
    }
    // Every way in was tried.
    for (const w of ['activities/add', 'manual/add', 'rest/mark', 'checkin/set', 'activities/update'])
      expect(
        [...seen].some((s) => s.startsWith(w)),
        w,
      ).toBe(true);
    for (const k of ['updatedMs', 'pace', 'markDate', 'checkInDate', 'checkInTime', 'answerTime'])
      expect(seen.has(`backup ${k}`), k).toBe(true);
  }, 60_000);

  it('the same good values are accepted (the hostile ones are refused for what they are)', async () => {
    const d = await seeded();
    const b = JSON.parse(hostileBackup(mulberry32(1)).text) as Record<string, unknown>;
    const good = {
      ...b,
      activities: [goodStored('1'), goodStored('77')],
      restMarks: ['2026-11-20'],
      checkIns: [{ date: '2026-11-19', pain: 1, atMs: NOW - 6 * DAY }],
    };
    expect(await handleMessage({ type: 'backup/import', text: JSON.stringify(good) }, page, d)).toMatchObject({
      ok: true,
    });
    expect(await handleMessage({ type: 'rest/mark', date: TODAY, on: true }, page, d)).toMatchObject({ ok: true });
    expect(await handleMessage({ type: 'checkin/set', checkIn: { date: TODAY, pain: 2 } }, page, d)).toMatchObject({
      ok: true,
    });
    expect(await listRestMarks()).toEqual(['2026-11-20', '2026-11-21', TODAY]);
  });

  it('a rest mark dated tomorrow where the runner is is refused with the problem', async () => {
    const d = await seeded();
    expect(await handleMessage({ type: 'rest/mark', date: '2026-11-26', on: true }, page, d)).toMatchObject({
      ok: false,
      error: { code: 'request_rest_mark_day', params: [{ code: 'day_in_future', params: ['2026-11-26'] }] },
    });
    // Taking back a mark is always allowed.
    expect(await handleMessage({ type: 'rest/mark', date: '2026-11-21', on: false }, page, d)).toMatchObject({
      ok: true,
    });
  });

  it('restoring more marks than 400 keeps every mark the runner had', async () => {
    const d = await seeded();
    const marks = Array.from({ length: 450 }, (_, i) => dateFromDayNumber(dayNumber('2025-01-01') + i));
    const text = JSON.stringify({ ...makeBackup([], await d.loadSettings(), NOW, marks, []) });
    expect(await handleMessage({ type: 'backup/import', text }, page, d)).toMatchObject({ ok: true });
    const after = await listRestMarks();
    expect(after).toContain('2026-11-21');
    expect(after.length).toBe(451);
  });
});

describe('hostile sync rows (seeded)', () => {
  const base = {
    sourceKeys: ['strava:5'],
    startMs: NOW - DAY,
    localDate: '2026-11-24',
    sport: 'run' as Sport,
    distanceM: 10_000,
    movingS: 3000,
    elapsedS: 3100,
    updatedMs: NOW - DAY,
    edited: false,
  };

  function hostileContent(rng: Rng): { what: string; content: ShardContent; date: string } {
    const empty: ShardContent = { runs: [], deletions: [], marks: [], checkIns: [] };
    const kind = pick(rng, [
      'runTime',
      'runPace',
      'runDate',
      'markTime',
      'markDate',
      'checkInTime',
      'deletionTime',
    ] as const);
    // Times the row format can carry at all (seconds up to 2200), past now plus the day another
    // browser's clock may run ahead.
    const future = Math.floor((NOW + DAY + 1000 + rng() * 5e12) / 1000) * 1000;
    const sport = pick(rng, PACED);
    const date =
      kind === 'runDate' || kind === 'markDate'
        ? dateFromDayNumber(dayNumber(TODAY) + between(rng, 2, 3000))
        : '2026-11-24';
    const startMs = Date.parse(`${date}T12:00:00Z`);
    if (kind === 'runTime') return { what: kind, date, content: { ...empty, runs: [{ ...base, updatedMs: future }] } };
    if (kind === 'runPace')
      return {
        what: kind,
        date,
        content: { ...empty, runs: [{ ...base, sport, elapsedS: null, ...hostilePace(rng, sport) }] },
      };
    if (kind === 'runDate')
      return { what: kind, date, content: { ...empty, runs: [{ ...base, startMs, localDate: date }] } };
    if (kind === 'markTime')
      return { what: kind, date, content: { ...empty, marks: [{ date, on: true, atMs: future }] } };
    if (kind === 'markDate')
      return { what: kind, date, content: { ...empty, marks: [{ date, on: true, atMs: NOW - DAY }] } };
    if (kind === 'deletionTime') {
      const { updatedMs, edited, ...values } = base;
      void updatedMs;
      void edited;
      return { what: kind, date, content: { ...empty, deletions: [{ ...values, deletedMs: future }] } };
    }
    const checkIn = { date, pain: 10, atMs: NOW - DAY, later: { pain: 10, atMs: future } };
    return { what: kind, date, content: { ...empty, checkIns: [checkIn] } };
  }

  it('an item with any hostile row is refused whole', () => {
    const rng = mulberry32(SEED + 1);
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const { what, content, date } = hostileContent(rng);
      seen.add(what);
      const r = decodeItem(shardKey('abcdef12', periodOfDate(date)), encodeItem(content, NOW), NOW);
      expect(r.ok, `${what} ${JSON.stringify(content)}`).toBe(false);
    }
    expect(seen.size).toBe(7);
    // The same rows with believable values are read.
    const good: ShardContent = {
      runs: [base],
      deletions: [],
      marks: [{ date: '2026-11-24', on: true, atMs: NOW - DAY }],
      checkIns: [{ date: '2026-11-24', pain: 2, atMs: NOW - DAY, later: { pain: 2, atMs: NOW - DAY } }],
    };
    expect(decodeItem(shardKey('abcdef12', periodOfDate('2026-11-24')), encodeItem(good, NOW), NOW).ok).toBe(true);
    // A browser whose clock runs three hours ahead is honest, not hostile.
    const ahead = NOW + 3 * 3_600_000;
    const skewed: ShardContent = {
      ...good,
      runs: [{ ...base, updatedMs: ahead }],
      marks: [{ date: '2026-11-24', on: true, atMs: ahead }],
      checkIns: [{ date: '2026-11-24', pain: 2, atMs: ahead, later: { pain: 2, atMs: ahead } }],
    };
    expect(decodeItem(shardKey('abcdef12', periodOfDate('2026-11-24')), encodeItem(skewed, ahead), NOW).ok).toBe(true);
  });
});
