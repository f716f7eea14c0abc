import { describe, expect, it } from 'vitest';
import type { PageRequest } from '../../../core/messages';
import { problem, type Problem } from '../../../core/problem-codes';
import {
  PROTOCOL_COMPLETE,
  type AnswerOf,
  type ImportRecord,
  type ReplyOf,
  type RequestOf,
  type SaveOutcome,
} from '../../../core/protocol';
import type { ImportLog, StoredProblem } from '../../../core/messages';
import type { ImportItem, ImportSummary } from '../../../core/files/import-stream';
import type { SettingsError } from '../../../core/settings';
import type { Reply } from '../../../messaging/ask';

// Type-level checks: `npx tsc --noEmit` fails if any @ts-expect-error line below compiles, i.e.
// if the protocol stopped catching a wrong request field or a wrong reply field.

function ask<R extends PageRequest>(req: R): AnswerOf<R['type']> {
  return { ok: false, error: problem('request_unknown_type', req.type) };
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
    // A page's response travels as its text, parsed in the background; a snapshot as an object.
    const url = 'https://connect.garmin.com/gc-api/x';
    const asText: RequestOf<'site/data'> = {
      type: 'site/data',
      data: { kind: 'garmin-response', url, status: 200, text: '[]', viewerId: null },
    };
    const asBody: RequestOf<'site/data'> = {
      type: 'site/data',
      // @ts-expect-error a response's parsed body: the page's thread would parse and copy it
      data: { kind: 'garmin-response', url, status: 200, body: [], viewerId: null },
    };
    const snapshotText: RequestOf<'site/data'> = {
      type: 'site/data',
      // @ts-expect-error a snapshot is not text
      data: { kind: 'strava-activity-dom', url, status: 200, text: '{}', viewerId: null },
    };
    (void asText, asBody, snapshotText);

    expect(PROTOCOL_COMPLETE).toBe(true);
    expect(ask({ type: 'state/get' })).toEqual({ ok: false, error: problem('request_unknown_type', 'state/get') });
  });

  it('refuses words where a problem is expected, at compile time: every refusal is a code', () => {
    const p: Problem = problem('activity_gone');
    // @ts-expect-error a refusal's error is a problem, never a sentence
    const failure: AnswerOf<'state/get'> = { ok: false, error: 'Hip Check could not do that.' };
    // @ts-expect-error nor is a page's refusal (its words come from problem-text, as `words`)
    const page: Reply<'state/get'> = { ok: false, error: 'Refused.', words: 'Refused.' };
    // @ts-expect-error a save's refusal reason
    const refused: SaveOutcome['refused'] = [{ item: 'strava:1', reason: 'implausible' }];
    // @ts-expect-error an import record's
    const logged: ImportRecord['refused'] = [{ item: 'a.fit', reason: 'damaged' }];
    // @ts-expect-error an import log's, as a page sends it
    const log: ImportLog['refused'] = [{ item: 'a.fit', reason: 'damaged' }];
    // @ts-expect-error a site problem kept for the popup
    const site: StoredProblem['reason'] = 'the site changed';
    // @ts-expect-error a listed file of an import
    const item: ImportItem['reason'] = 'not a run';
    // @ts-expect-error an import stopped by a failed save
    const stopped: ImportSummary['error'] = 'the disk is full';
    // @ts-expect-error a settings error
    const setting: SettingsError = { field: 'units', problem: 'Units must be km or mi.' };
    const fine: SettingsError = { field: 'units', problem: p };
    (void failure, page, refused, logged, log, site, item, stopped, setting);
    expect(fine.problem).toEqual({ code: 'activity_gone', params: [] });
  });
});
