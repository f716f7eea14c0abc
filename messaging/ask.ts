import { browser } from 'wxt/browser';
import type { PageRequest } from '../core/messages';
import type { AnswerOf, ReplyOf } from '../core/protocol';
import { errorText } from '../core/guards';
import type { Problem } from '../core/problem-codes';
import type { SettingsError } from '../core/settings';

/** A refusal as pages see it: the problem, and its words in the UI's language to show. */
export interface Refusal {
  ok: false;
  error: Problem;
  /** `error` worded by components/problem-text.ts. */
  words: string;
  errors?: SettingsError[];
}

/** A reply as pages see it: a refusal comes with its words in the UI's language. */
export type Reply<K extends PageRequest['type']> = ReplyOf<K> | Refusal;

/** Extension pages talk to the background only through validated messages; the reply type follows the request's. */
export async function ask<R extends PageRequest>(req: R): Promise<Reply<R['type']>> {
  try {
    performance.mark(`ask:${req.type}`);
    const r = await browser.runtime.sendMessage<R, AnswerOf<R['type']> | undefined>(req);
    performance.mark(`answer:${req.type}`);
    if (!r) return await refusal({ ok: false, error: { code: 'no_answer', params: [] } });
    if (r.ok) return r;
    return await refusal(r);
  } catch (e) {
    return refusal({ ok: false, error: { code: 'no_answer_why', params: [errorText(e).slice(0, 200)] } });
  }
}

// The background answers with codes; pages show words in the UI's language. The wording (every
// problem code's message) loads only when an answer is a refusal: most never are.
async function refusal(r: Omit<Refusal, 'words'>): Promise<Refusal> {
  const words = await import('../components/problem-text').then(
    (m) => m.problemText(r.error),
    () => r.error.code,
  );
  return { ...r, words };
}
