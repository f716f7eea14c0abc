import { browser } from 'wxt/browser';
import type { PageRequest } from '../core/messages';
import { t } from '../components/i18n';

export type Reply<T> = ({ ok: true } & T) | { ok: false; error: string; errors?: { field: string; message: string }[] };

/** Extension pages talk to the background only through validated messages. */
export async function ask<T = Record<string, unknown>>(req: PageRequest): Promise<Reply<T>> {
  try {
    performance.mark(`ask:${req.type}`);
    const r = (await browser.runtime.sendMessage(req)) as Reply<T> | undefined;
    performance.mark(`answer:${req.type}`);
    return r ?? { ok: false, error: t('errNoAnswer') };
  } catch (e) {
    return { ok: false, error: t('errNoAnswerWhy', (e as Error).message) };
  }
}
