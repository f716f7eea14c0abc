import { browser } from 'wxt/browser';
import type { PageRequest } from '../core/messages';
import { t } from '../components/i18n';
import { problemText } from '../components/problem-text';
import type { Problem } from '../core/problem-codes';

export type Reply<T> = ({ ok: true } & T) | { ok: false; error: string; errors?: { field: string; message: string }[] };

/** Extension pages talk to the background only through validated messages. */
export async function ask<T = Record<string, unknown>>(req: PageRequest): Promise<Reply<T>> {
  try {
    performance.mark(`ask:${req.type}`);
    const r = (await browser.runtime.sendMessage(req)) as
      | ({ ok: true } & T)
      | { ok: false; error: Problem | string; errors?: { field: string; message: string }[] }
      | undefined;
    performance.mark(`answer:${req.type}`);
    if (!r) return { ok: false, error: t('errNoAnswer') };
    // The background answers with codes; pages show words in the UI's language.
    return r.ok ? r : { ...r, error: problemText(r.error) };
  } catch (e) {
    return { ok: false, error: t('errNoAnswerWhy', (e as Error).message) };
  }
}
