import { describe, expect, it } from 'vitest';
import type { PageRequest } from '../../../core/messages';
import { PROTOCOL_COMPLETE, type AnswerOf, type ReplyOf, type RequestOf } from '../../../core/protocol';

// Type-level checks: `npx tsc --noEmit` fails if any @ts-expect-error line below compiles, i.e.
// if the protocol stopped catching a wrong request field or a wrong reply field.

function ask<R extends PageRequest>(req: R): AnswerOf<R['type']> {
  return { ok: false, error: req.type };
}

describe('the message protocol', () => {
  it('types each reply by its request, and refuses wrong fields at compile time', () => {
    const list = ask({ type: 'activities/list', offset: 0, limit: 10 });
    if (list.ok) {
      const total: number = list.total;
      // @ts-expect-error activities/list replies with activities and total, not keys
      const keys: string[] = list.keys;
      (void total, keys);
    }
    // @ts-expect-error a wrong request field: activities/list has offset and limit, not page
    ask({ type: 'activities/list', page: 2, limit: 10 });
    // @ts-expect-error a request field of the wrong type
    const wrongType: RequestOf<'rest/mark'> = { type: 'rest/mark', date: '2026-11-30', on: 'yes' };
    // @ts-expect-error a reply field of the wrong type: deleted is a count
    const wrongReply: ReplyOf<'activities/delete'> = { ok: true, deleted: 'all' };
    (void wrongType, wrongReply);

    expect(PROTOCOL_COMPLETE).toBe(true);
    expect(ask({ type: 'state/get' })).toEqual({ ok: false, error: 'state/get' });
  });
});
