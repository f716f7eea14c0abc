import { browser } from 'wxt/browser';
import type { PageRequest } from '../core/messages';
import type { AnswerOf, ReplyOf } from '../core/protocol';
import { t } from '../components/i18n';
import type { SettingsError } from '../core/settings';

/** A reply as pages see it: errors already worded in the UI's language. */
export type Reply<K extends PageRequest['type']> = ReplyOf<K> | { ok: false; error: string; errors?: SettingsError[] };

/** Extension pages talk to the background only through validated messages; the reply type follows the request's. */
export async function ask<R extends PageRequest>(req: R): Promise<Reply<R['type']>> {
  try {
    performance.mark(`ask:${req.type}`);
    const r = await browser.runtime.sendMessage<R, AnswerOf<R['type']> | undefined>(req);
    performance.mark(`answer:${req.type}`);
    if (!r) return { ok: false, error: t('errNoAnswer') };
    if (r.ok) return r;
    // The background answers with codes; pages show words in the UI's language. The wording
    // (every problem code's message) loads only when an answer is a refusal: most never are.
    const { problemText } = await import('../components/problem-text');
    return { ...r, error: problemText(r.error) };
  } catch (e) {
    return { ok: false, error: t('errNoAnswerWhy', (e as Error).message) };
  }
}
