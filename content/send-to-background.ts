import { browser } from 'wxt/browser';
import type { ContentRequest } from '../core/messages';
import type { AnswerOf } from '../core/protocol';
import { GARMIN_HOST } from '../core/sites/garmin/garmin-site';
import type { Problem } from '../core/problem-codes';
import { READING_PAUSED_PAGE, takeToken, type Bucket } from '../core/site-message-rate';
import { newlyRead, showReadToast } from './read-toast';

// A page (or a script on it) that floods is paused, and the runner's popup says so once; the
// next message let through clears that notice (background/message-router.ts).
// A literal, not problem(): the codes table stays out of the pages' scripts.
const PAUSED: Problem = { code: 'site_reading_paused', params: [] };
let bucket: Bucket | null = null;
let paused = false;

function letThrough(): boolean {
  const r = takeToken(bucket, Date.now());
  bucket = r.bucket;
  if (r.ok) {
    paused = false;
    return true;
  }
  if (!paused) {
    paused = true;
    const site = location.hostname === GARMIN_HOST ? 'garmin' : 'strava';
    void send({
      type: 'problem/report',
      problem: { site, page: READING_PAUSED_PAGE, url: location.href, reason: PAUSED },
    });
  }
  return false;
}

/**
 * Content scripts must never throw into the page: failures are logged, not raised, and answered
 * with undefined. The reply type follows the request's (core/protocol.ts).
 */
export function sendToBackground<R extends ContentRequest>(req: R): Promise<AnswerOf<R['type']> | undefined> {
  return letThrough() ? send(req) : Promise.resolve(undefined);
}

async function send<R extends ContentRequest>(req: R): Promise<AnswerOf<R['type']> | undefined> {
  try {
    const reply = await browser.runtime.sendMessage<R, AnswerOf<R['type']> | undefined>(req);
    // The runner sees that a run was noted (new or changed), not only the badge count.
    showReadToast(newlyRead(reply));
    // What the background made of the page, also when it stored nothing (a friend's activity, a
    // file on the wrong page): the page's console, for whoever debugs it and for the end-to-end tests.
    console.debug('[Hip Check] answer:', req.type === 'site/data' ? req.data.kind : req.type, reply);
    return reply;
  } catch (e) {
    console.debug('[Hip Check] could not reach the extension:', (e as Error).message);
    return undefined;
  }
}
