import { browser } from 'wxt/browser';
import type { ContentRequest } from '../core/messages';
import type { AnswerOf } from '../core/protocol';
import { LIMITS } from '../core/plausibility';
import { newlyRead, showReadToast } from './read-toast';

// What one page visit may send: a page (or a script on it) that keeps producing data is cut off.
let sentThisVisit = 0;

/**
 * Content scripts must never throw into the page: failures are logged, not raised, and answered
 * with undefined. The reply type follows the request's (core/protocol.ts).
 */
export async function sendToBackground<R extends ContentRequest>(req: R): Promise<AnswerOf<R['type']> | undefined> {
  if (req.type === 'site/data' || req.type === 'upload/file') {
    if (++sentThisVisit > LIMITS.maxSiteMessagesPerVisit) return undefined;
  }
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
