import { browser } from 'wxt/browser';
import type { Activity } from '../../core/activity';
import { errorText } from '../../core/guards';
import { localDateOf } from '../../core/local-date';
import { mergeShards } from '../../core/sync/merge-shards';
import {
  decodeItem,
  fitsRowFormat,
  itemBytes,
  parseShardKey,
  shardKey,
  type SyncRun,
} from '../../core/sync/shard-format';
import { encodeNotices, isNoticeKey, noticeKey, noticesOf, noticeWrite } from '../../core/sync/refusal-notice';
import { diffItems, ownBudget, ownContent, planItems, syncWindowStart } from '../../core/sync/shard-plan';
import { historyWithSynced } from '../../core/sync/synced-history';
import { recentWrites, writeAllowance } from '../../core/sync/write-budget';
import type { ActivityStore } from '../activity-store';
import type { CheckInStore } from '../check-in-store';
import { isShardKey, readShards } from './shard-reader';
import {
  browserId,
  firstSeenBounds,
  isSyncOn,
  listDeletions,
  ownMarks,
  pastWrites,
  saveStatus,
  saveWrites,
  SYNC_ON_KEY,
} from './sync-local';

// Opt-in run sync through the browser's own storage.sync: this browser writes only its own items
// (debounced, batched, within the rate limits), reads the others' when they change, and merges
// them into what the popup and badge show. The local history is never changed by sync.

/** What the popup state reads history from: the store, or the store with the other browsers' runs. */
export type HistorySource = Pick<ActivityStore, 'between' | 'before' | 'count' | 'recentImports'>;
/** Where the popup state reads hip check-ins from: the store, or merged with the other browsers'. */
export type CheckInSource = Pick<CheckInStore, 'between'>;

export interface RunSyncDeps {
  getStore(): Promise<ActivityStore>;
  getCheckIns(): Promise<CheckInSource>;
  listRestMarks(): Promise<string[]>;
  now(): number;
  timeZone(): string;
  /** Recompute what the popup and badge show. */
  refresh(): Promise<void>;
  /**
   * Whether hip check-ins may go to the runner's browser account (Firefox: health data, only with
   * the runner's permission; background/health-consent.ts). Without it, runs still sync.
   */
  checkInsMayLeave?(): Promise<boolean>;
}

const WRITE_ALARM = 'sync-write';
/** Changes come in bursts (a page of 20 runs, an import): one write after the burst. */
const DEBOUNCE_MS = 2_000;
/** After a refused write, wait before trying again. */
const RETRY_MS = 10 * 60_000;

const newestFirst = (a: string, b: string) => (parseShardKey(b)?.period ?? 0) - (parseShardKey(a)?.period ?? 0);

export function createRunSync(deps: RunSyncDeps) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let ownId: string | null = null;
  const id = async () => (ownId ??= await browserId());

  async function ownState(store: ActivityStore, today: string, marks: string[]) {
    const from = syncWindowStart(today);
    const mayLeave = (await deps.checkInsMayLeave?.()) ?? true;
    return ownContent(
      await store.between(from, today),
      await listDeletions(),
      await ownMarks(marks),
      today,
      mayLeave ? await (await deps.getCheckIns()).between(from, today) : [],
    );
  }

  /** The history the verdict uses and the rest marks it shows; null when sync is off. */
  async function history(
    store: ActivityStore,
    marks: string[],
  ): Promise<{ source: HistorySource; restMarks: string[]; checkIns: CheckInSource } | null> {
    if (!(await isSyncOn())) return null;
    const now = deps.now();
    const today = localDateOf(now, deps.timeZone());
    const read = await readShards(await id(), now, today);
    const mine = await ownState(store, today, marks);
    const seen = await firstSeenBounds([mine, ...read.others], now, today);
    const merged = mergeShards(read.others, { own: mine, seen, nowMs: now });
    const from = syncWindowStart(today);
    const own = await deps.getCheckIns();
    return {
      source: syncedSource(store, merged.runs, from),
      restMarks: merged.restMarks,
      // Inside the window every browser's latest answer; before it, this browser's own.
      checkIns: {
        between: async (a, b) => [
          ...(a < from ? await own.between(a, b < from ? b : from) : []).filter((c) => c.date < from),
          ...merged.checkIns.filter((c) => c.date >= a && c.date <= b),
        ],
      },
    };
  }

  async function writeNow(): Promise<void> {
    if (!(await isSyncOn())) return;
    const now = deps.now();
    const today = localDateOf(now, deps.timeZone());
    const me = await id();
    const read = await readShards(me, now, today);
    const store = await deps.getStore();
    const mine = await ownState(store, today, await deps.listRestMarks());
    await firstSeenBounds([mine, ...read.others], now, today);
    // The items refused here are named for their writers, in this browser's notice key.
    const notices = encodeNotices(noticesOf(read.problems), now);
    const noticeBytes = notices.n.length ? itemBytes(noticeKey(me), notices) : 0;
    const plan = planItems(me, mine, now, Math.max(0, ownBudget(read.othersBytes) - noticeBytes));
    // Another browser refused an item of ours that our own check refuses too: write it again.
    const force = read.aboutOwn
      .map((n) => n.item)
      .filter((k) => k in plan.items && k in read.ownItems && !decodeItem(k, read.ownItems[k], now).ok);
    // A space so full that nothing fits: what this browser sent stays, never withdrawn whole.
    const noRoom = Object.keys(plan.items).length === 0 && plan.droppedRuns > 0;
    const diff = diffItems(read.ownItems, plan.items, force);
    const set = diff.set;
    const remove = noRoom ? [] : diff.remove;
    const note = noticeWrite(read.ownNotices, notices);
    if (note.kind === 'set') set[noticeKey(me)] = note.value;
    if (note.kind === 'remove') remove.push(noticeKey(me));
    const past = recentWrites(await pastWrites(), now);
    const allow = writeAllowance(past, now);
    // Removals first (they free room), then the newest periods: the verdict needs those most.
    const removeNow = remove.slice(0, allow.now);
    const setNow = Object.keys(set)
      .sort(newestFirst)
      .slice(0, allow.now - removeNow.length);
    const left = remove.length + Object.keys(set).length - removeNow.length - setNow.length;
    const status = {
      bytes: plan.bytes + noticeBytes,
      browsers: read.browsers,
      droppedRuns: noRoom ? 0 : plan.droppedRuns,
      problems: read.problems,
      refusedElsewhere: read.aboutOwn,
      leftOut: plan.leftOut,
      noRoom,
    };
    try {
      if (removeNow.length) await browser.storage.sync.remove(removeNow);
      if (setNow.length) await browser.storage.sync.set(Object.fromEntries(setNow.map((k) => [k, set[k]])));
    } catch (e) {
      // Over quota or rate: nothing local is touched; try again later with a fresh plan.
      await saveStatus({ ...status, refused: (e as Error).message.slice(0, 300) });
      void browser.alarms.create(WRITE_ALARM, { when: now + RETRY_MS });
      return;
    }
    const written = removeNow.length + setNow.length;
    if (written) await saveWrites([...past, ...Array<number>(written).fill(now)]);
    if (left) void browser.alarms.create(WRITE_ALARM, { when: Math.max(allow.nextAtMs, now + 60_000) });
    await saveStatus(written ? { ...status, lastWriteMs: now, refused: null } : status);
  }

  /** Sync turned off: this browser's items leave storage.sync; its local history stays as it is. */
  async function removeOwn(): Promise<void> {
    const me = await id();
    const all = await browser.storage.sync.get<Record<string, unknown>>(null);
    const mine = Object.keys(all).filter((k) => parseShardKey(k)?.browserId === me || k === noticeKey(me));
    if (mine.length) await browser.storage.sync.remove(mine);
    await saveStatus(null);
  }

  function schedule(): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void writeNow().catch((e: unknown) => console.warn(`[Hip Check] sync not written: ${errorText(e)}`));
    }, DEBOUNCE_MS);
  }

  function listen(): void {
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && SYNC_ON_KEY in changes) {
        const on = changes[SYNC_ON_KEY]?.newValue === true;
        void (on ? writeNow() : removeOwn())
          .catch((e: unknown) => console.warn(`[Hip Check] sync not updated: ${errorText(e)}`))
          .then(() => deps.refresh());
        return;
      }
      if (area !== 'sync') return;
      // Another browser's items or notices arrived: recompute, and write again (the notices of
      // what is refused here, or this browser's repaired items). Our own writes echo here too.
      const prefix = ownId ? shardKey(ownId, 0).slice(0, -1) : null;
      const foreign = (k: string) =>
        (isShardKey(k) && (prefix === null || !k.startsWith(prefix))) ||
        (isNoticeKey(k) && k !== noticeKey(ownId ?? ''));
      if (Object.keys(changes).some(foreign))
        void isSyncOn().then((on) => {
          if (!on) return;
          schedule();
          return deps.refresh();
        });
    });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === WRITE_ALARM) void writeNow();
    });
  }

  return { history, schedule, writeNow, removeOwn, listen };
}

function syncedSource(store: ActivityStore, merged: readonly SyncRun[], windowStart: string): HistorySource {
  const inRange = (from: string, to: string) => merged.filter((r) => r.localDate >= from && r.localDate <= to);
  return {
    between: async (from, to) =>
      historyWithSynced(await store.between(from, to), inRange(from, to), windowStart, fitsRowFormat),
    before: async (date, limit) =>
      historyWithSynced(
        await store.before(date, limit),
        merged.filter((r) => r.localDate < date),
        windowStart,
        fitsRowFormat,
      )
        .sort((a: Activity, b: Activity) =>
          a.localDate === b.localDate ? b.startMs - a.startMs : a.localDate < b.localDate ? 1 : -1,
        )
        .slice(0, limit),
    count: () => store.count(),
    recentImports: (n) => store.recentImports(n),
  };
}
