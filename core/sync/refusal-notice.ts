import { isObj } from '../guards';
import { BROWSER_ID_RE, itemBytes, parseShardKey, SHARD_PROBLEMS, type ShardProblem } from './shard-format';

// When a browser refuses another browser's item, the writer would never know: each browser
// therefore publishes the items it refused, and a browser that finds its own item named shows it
// and writes its rows again. A key apart from the shards ("hcn." + browser id): browsers that
// predate it read only "hcs." keys, so they skip it, and it belongs to no period.

export const NOTICE_PREFIX = 'hcn.';
export const NOTICE_VERSION = 1;
/** Notices one browser publishes at most: a few hundred bytes each way, never a large item. */
export const MAX_NOTICES = 40;
const MAX_DETAIL = 60;

/** One refused item: whose it is, which, why (a shard problem code) and the part that failed. */
export interface RefusalNotice {
  browserId: string;
  item: string;
  problem: ShardProblem;
  detail: string;
}

export interface NoticeItem {
  v: number;
  /** When written, in seconds. */
  s: number;
  n: string[];
}

export const noticeKey = (browserId: string) => `${NOTICE_PREFIX}${browserId}`;

export function isNoticeKey(key: string): boolean {
  return key.startsWith(NOTICE_PREFIX);
}

/** The notices to publish for the items this browser refused: only items of a browser it can name. */
export function noticesOf(
  refused: readonly { item: string; problem: ShardProblem; detail: string }[],
): RefusalNotice[] {
  const out: RefusalNotice[] = [];
  for (const r of refused) {
    const k = parseShardKey(r.item);
    if (k)
      out.push({ browserId: k.browserId, item: r.item, problem: r.problem, detail: r.detail.slice(0, MAX_DETAIL) });
  }
  return out.sort((a, b) => (a.item < b.item ? -1 : a.item > b.item ? 1 : 0)).slice(0, MAX_NOTICES);
}

export function encodeNotices(notices: readonly RefusalNotice[], writtenMs: number): NoticeItem {
  return {
    v: NOTICE_VERSION,
    s: Math.floor(writtenMs / 1000),
    n: notices.map((x) => [x.browserId, x.item, x.problem, encodeURIComponent(x.detail)].join('|')),
  };
}

/** Another browser's notices, checked like any input from outside; null when not readable. */
export function decodeNotices(key: string, value: unknown): { from: string; notices: RefusalNotice[] } | null {
  const from = key.slice(NOTICE_PREFIX.length);
  if (!isNoticeKey(key) || !BROWSER_ID_RE.test(from)) return null;
  if (!isObj(value) || value.v !== NOTICE_VERSION || !Array.isArray(value.n) || value.n.length > MAX_NOTICES)
    return null;
  if (itemBytes(key, value) > 8192) return null;
  const notices: RefusalNotice[] = [];
  for (const row of value.n) {
    if (typeof row !== 'string') return null;
    const [browserId, item, problem, detail, ...rest] = row.split('|');
    if (rest.length || !browserId || !item || problem === undefined || detail === undefined) return null;
    if (parseShardKey(item)?.browserId !== browserId || !(SHARD_PROBLEMS as readonly string[]).includes(problem))
      return null;
    let text: string;
    try {
      text = decodeURIComponent(detail).slice(0, MAX_DETAIL);
    } catch {
      return null;
    }
    notices.push({ browserId, item, problem: problem as ShardProblem, detail: text });
  }
  return { from, notices };
}

const sameNotices = (a: unknown, b: NoticeItem) => isObj(a) && JSON.stringify(a.n) === JSON.stringify(b.n);

/** The write (or removal) that brings this browser's notice key to the planned notices. */
export function noticeWrite(
  current: unknown,
  planned: NoticeItem,
): { kind: 'none' } | { kind: 'set'; value: NoticeItem } | { kind: 'remove' } {
  if (planned.n.length === 0) return current === undefined ? { kind: 'none' } : { kind: 'remove' };
  return sameNotices(current, planned) ? { kind: 'none' } : { kind: 'set', value: planned };
}
