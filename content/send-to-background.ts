import { browser } from 'wxt/browser';
import type { ContentRequest } from '../core/messages';

/** Content scripts must never throw into the page: failures are logged, not raised. */
export async function sendToBackground(req: ContentRequest): Promise<unknown> {
  try {
    return await browser.runtime.sendMessage(req);
  } catch (e) {
    console.debug('[Hip Check] could not reach the extension:', (e as Error).message);
    return undefined;
  }
}
