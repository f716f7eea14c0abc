import { beforeEach, describe, expect, it } from 'vitest';
import { backfill, type BackfillDeps } from '../../../content/strava-training-backfill';
import type { ContentRequest } from '../../../core/messages';
import type { AnswerOf } from '../../../core/protocol';
import { BACKFILL, backfillStopReason } from '../../../core/sites/strava/strava-backfill';

const LIST = 'https://www.strava.com/athlete/training_activities';
const pageUrl = (n: number) => `${LIST}?new_activity_only=false&page=${n}&per_page=20`;
const FIRST = {
  url: `${LIST}?new_activity_only=false&page=1`,
  status: 200,
  text: JSON.stringify({ models: [], page: 1, perPage: 20, total: 400 }),
};

interface Fetched {
  status: number;
  url: string;
  contentType: string;
  text: string;
}
const json = (url: string, body: unknown = { models: [], page: 2 }): Fetched => ({
  status: 200,
  url,
  contentType: 'application/json; charset=utf-8',
  text: JSON.stringify(body),
});

/**
 * Fake deps: `replies[i]` answers the i-th send (default: the next page); `pages(url, i)` answers
 * the i-th fetch. Every call is written to `log` in order.
 */
function fakeDeps(opts: { replies?: unknown[]; pages?: (url: string, i: number) => Promise<Fetched> | Fetched } = {}) {
  const log: string[] = [];
  const sent: ContentRequest[] = [];
  const slept: number[] = [];
  const fetched: string[] = [];
  const ended: string[] = [];
  const deps: BackfillDeps = {
    ended: (stop) => void ended.push(stop),
    send: async (req) => {
      sent.push(req);
      log.push('send');
      const i = sent.length - 1;
      // Replies are as the background might send them, malformed ones included.
      return (
        opts.replies && i < opts.replies.length
          ? opts.replies[i]
          : { ok: true, added: 20, known: 0, nextUrl: pageUrl(i + 2) }
      ) as AnswerOf<'site/data'>;
    },
    sleep: async (ms) => {
      slept.push(ms);
      log.push(`sleep ${ms}`);
    },
    fetchPage: async (url) => {
      fetched.push(url);
      log.push(`fetch ${url}`);
      return opts.pages ? opts.pages(url, fetched.length - 1) : json(url);
    },
  };
  return { deps, log, sent, slept, fetched, ended };
}

beforeEach(() => {
  // The content script runs on https://www.strava.com/athlete/training.
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
    'https://www.strava.com/athlete/training',
  );
});

describe('Strava My Activities backfill', () => {
  it('sends the page’s own first response as a strava-training-list, and fetches nothing if told to stop', async () => {
    const f = fakeDeps({ replies: [{ ok: true, added: 3, known: 3, nextUrl: null }] });
    expect(await backfill(f.deps, FIRST)).toEqual({ fetched: 0, stoppedBy: 'caught up' });
    expect(f.sent).toEqual([
      {
        type: 'site/data',
        data: { kind: 'strava-training-list', url: FIRST.url, status: 200, text: FIRST.text, viewerId: null },
      },
    ]);
    expect(f.fetched).toEqual([]);
    expect(f.slept).toEqual([]);
  });

  it('follows nextUrl, waiting 2000 ms before each fetch, until the background says caught up', async () => {
    const f = fakeDeps({
      replies: [
        { ok: true, nextUrl: pageUrl(2) },
        { ok: true, nextUrl: pageUrl(3) },
        { ok: true, nextUrl: null },
      ],
      pages: (url, i) => json(url, { models: [], page: i + 2 }),
    });
    expect(await backfill(f.deps, FIRST)).toEqual({ fetched: 2, stoppedBy: 'caught up' });
    expect(f.ended).toEqual(['caught-up']);
    expect(f.log).toEqual([
      'send',
      'sleep 2000',
      `fetch ${pageUrl(2)}`,
      'send',
      'sleep 2000',
      `fetch ${pageUrl(3)}`,
      'send',
    ]);
    // Each fetched page goes to the background as its text (parsed there), under its own URL.
    expect(f.sent.slice(1)).toEqual([
      {
        type: 'site/data',
        data: {
          kind: 'strava-training-list',
          url: pageUrl(2),
          status: 200,
          text: '{"models":[],"page":2}',
          viewerId: null,
        },
      },
      {
        type: 'site/data',
        data: {
          kind: 'strava-training-list',
          url: pageUrl(3),
          status: 200,
          text: '{"models":[],"page":3}',
          viewerId: null,
        },
      },
    ]);
  });

  it('resolves a relative nextUrl against the page', async () => {
    const f = fakeDeps({
      replies: [
        { ok: true, nextUrl: '/athlete/training_activities?page=2' },
        { ok: true, nextUrl: null },
      ],
    });
    await backfill(f.deps, FIRST);
    expect(f.fetched).toEqual(['https://www.strava.com/athlete/training_activities?page=2']);
  });

  it('stops at 10 fetched pages a visit', async () => {
    const f = fakeDeps(); // the background always asks for one more page
    expect(await backfill(f.deps, FIRST)).toEqual({ fetched: 10, stoppedBy: 'page limit' });
    expect(f.ended).toEqual(['page-limit']);
    expect(f.fetched).toEqual(Array.from({ length: 10 }, (_, i) => pageUrl(i + 2)));
    expect(f.slept).toEqual(Array(10).fill(2000));
    expect(f.sent).toHaveLength(11);
    expect(BACKFILL.maxPagesPerVisit).toBe(10);
  });

  it('stops at once on HTTP 429: no further fetch, and the page is not sent', async () => {
    const f = fakeDeps({
      pages: (url) => ({
        status: 429,
        url,
        contentType: 'application/json',
        text: '{"message":"Rate Limit Exceeded"}',
      }),
    });
    const r = await backfill(f.deps, FIRST);
    expect(r.fetched).toBe(1);
    expect(r.stoppedBy).toContain('429');
    expect(f.fetched).toEqual([pageUrl(2)]);
    expect(f.sent).toHaveLength(1);
  });

  it('stops on 429 after some good pages', async () => {
    const f = fakeDeps({
      pages: (url, i) => (i < 2 ? json(url) : { status: 429, url, contentType: 'text/plain', text: '' }),
    });
    expect(await backfill(f.deps, FIRST)).toEqual({ fetched: 3, stoppedBy: 'Strava asked to slow down (HTTP 429)' });
    expect(f.ended).toEqual(['rate-limited']);
    expect(f.sent).toHaveLength(3);
  });

  it('stops on a redirect to the login page', async () => {
    const f = fakeDeps({
      pages: () => ({
        status: 200,
        url: 'https://www.strava.com/login',
        contentType: 'text/html; charset=utf-8',
        text: '<!DOCTYPE html><html>',
      }),
    });
    expect(await backfill(f.deps, FIRST)).toEqual({ fetched: 1, stoppedBy: 'Strava answered with a login page' });
    expect(f.ended).toEqual(['signed-out']);
    expect(f.sent).toHaveLength(1);
  });

  it('stops on a login URL even when it claims JSON', async () => {
    const f = fakeDeps({
      pages: () => ({
        status: 200,
        url: 'https://www.strava.com/session/new',
        contentType: 'application/json',
        text: '{}',
      }),
    });
    expect(await backfill(f.deps, FIRST)).toEqual({ fetched: 1, stoppedBy: 'Strava answered with a login page' });
    expect(f.sent).toHaveLength(1);
  });

  it('stops on an HTML answer at the list’s own URL', async () => {
    const f = fakeDeps({ pages: (url) => ({ status: 200, url, contentType: 'text/html', text: '<html></html>' }) });
    expect(await backfill(f.deps, FIRST)).toEqual({ fetched: 1, stoppedBy: 'Strava answered with a login page' });
    expect(f.sent).toHaveLength(1);
  });

  it('stops on another HTTP error', async () => {
    const f = fakeDeps({ pages: (url) => ({ status: 503, url, contentType: 'application/json', text: '{}' }) });
    expect(await backfill(f.deps, FIRST)).toEqual({ fetched: 1, stoppedBy: 'Strava answered HTTP 503' });
    expect(f.ended).toEqual(['http-error']);
  });

  it('stops on a network error without counting the page', async () => {
    const f = fakeDeps({ pages: () => Promise.reject(new TypeError('Failed to fetch')) });
    expect(await backfill(f.deps, FIRST)).toEqual({ fetched: 0, stoppedBy: 'network error' });
    expect(f.ended).toEqual(['network-error']);
    expect(f.fetched).toHaveLength(1);
    expect(f.sent).toHaveLength(1);
  });

  it('passes a JSON-typed answer that is not JSON on as text, for the reader to explain', async () => {
    const f = fakeDeps({
      replies: [
        { ok: true, nextUrl: pageUrl(2) },
        { ok: true, nextUrl: null, problem: 'x' },
      ],
      pages: (url) => ({ status: 200, url, contentType: 'application/json', text: 'oops' }),
    });
    expect(await backfill(f.deps, FIRST)).toEqual({ fetched: 1, stoppedBy: 'caught up' });
    expect(f.sent[1]).toEqual({
      type: 'site/data',
      data: { kind: 'strava-training-list', url: pageUrl(2), status: 200, text: 'oops', viewerId: null },
    });
  });

  it('stops when the background refuses or cannot be reached', async () => {
    const refused = fakeDeps({
      replies: [
        { ok: true, nextUrl: pageUrl(2) },
        { ok: false, error: 'Refused' },
      ],
    });
    expect(await backfill(refused.deps, FIRST)).toEqual({ fetched: 1, stoppedBy: 'not stored' });
    expect(refused.ended).toEqual(['not-stored']);
    const gone = fakeDeps({ replies: [undefined] });
    expect(await backfill(gone.deps, FIRST)).toEqual({ fetched: 0, stoppedBy: 'not stored' });
    expect(gone.fetched).toEqual([]);
  });
});

describe('backfillStopReason', () => {
  const OK_URL = `${LIST}?page=2`;

  it('goes on for a 200 JSON answer from the list', () => {
    expect(backfillStopReason(200, OK_URL, 'application/json; charset=utf-8')).toBeNull();
    expect(backfillStopReason(200, OK_URL, '')).toBeNull();
  });

  it('stops on HTTP 429, whatever else the answer is', () => {
    for (const [url, type] of [
      [OK_URL, 'application/json'],
      ['https://www.strava.com/login', 'text/html'],
      ['', ''],
    ]) {
      expect(backfillStopReason(429, url!, type!)).toBe('Strava asked to slow down (HTTP 429)');
    }
  });

  it.each([
    ['https://www.strava.com/login', 'application/json'],
    ['https://www.strava.com/login?redirect=x', ''],
    ['https://www.strava.com/session', 'application/json'],
    ['https://www.strava.com/register/free', 'application/json'],
    [OK_URL, 'text/html'],
    [OK_URL, 'TEXT/HTML; charset=utf-8'],
    [OK_URL, 'application/xhtml+xml'],
  ])('sees a login page in %s (%s)', (url, type) => {
    expect(backfillStopReason(200, url, type)).toBe('Strava answered with a login page');
  });

  it('stops on any other non-200 status, naming it', () => {
    expect(backfillStopReason(500, OK_URL, 'application/json')).toBe('Strava answered HTTP 500');
    expect(backfillStopReason(404, OK_URL, 'application/json')).toBe('Strava answered HTTP 404');
    expect(backfillStopReason(0, OK_URL, '')).toBe('Strava answered HTTP 0');
  });

  it('does not take a path that merely contains "login" for the login page', () => {
    expect(
      backfillStopReason(200, 'https://www.strava.com/athlete/training_activities?q=login', 'application/json'),
    ).toBeNull();
    expect(backfillStopReason(200, 'https://www.strava.com/athletes/login', 'application/json')).toBeNull();
  });

  it('tolerates an unparsable final URL', () => {
    expect(backfillStopReason(200, 'not a url', 'application/json')).toBeNull();
    expect(backfillStopReason(200, '', 'text/html')).toBe('Strava answered with a login page');
  });

  it('keeps the documented limits', () => {
    expect(BACKFILL).toEqual({ days: 42, minIntervalMs: 2000, maxPagesPerVisit: 10 });
  });
});
