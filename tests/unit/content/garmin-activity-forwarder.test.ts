import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BRIDGE_TAG } from '../../../content/page-bridge';
import { watchGarminActivities } from '../../../content/garmin-activity-forwarder';
import { RESPONSE_KIND } from '../../../content/page-response-observer';

// The bridge from Garmin Connect's own world: responses arrive as their text and go on to the
// background as that text, unparsed; only the viewer's small profile is read here.

const GC = 'https://connect.garmin.com/gc-api';
const LIST = `${GC}/activitylist-service/activities/search/activities?limit=20&start=0`;
const PROFILE = `${GC}/userprofile-service/socialProfile`;
const LIST_TEXT = '[{"activityId":21000000001,"ownerId":77,"startTimeGMT":"2026-11-24 07:00:00"}]';

let abort: AbortController;
let received: { type: string; data?: Record<string, unknown>; stop?: string }[];
let reply: (msg: { type: string; data?: { viewerId: unknown } }) => unknown;

function fakeCtx(): ContentScriptContext {
  return {
    addEventListener(target: EventTarget, type: string, handler: EventListener) {
      target.addEventListener(type, handler, { signal: abort.signal });
    },
  } as unknown as ContentScriptContext;
}

const post = (payload: unknown) =>
  window.dispatchEvent(
    new MessageEvent('message', {
      data: { tag: BRIDGE_TAG, kind: RESPONSE_KIND, payload },
      origin: window.location.origin,
      source: window,
    }),
  );

beforeEach(() => {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
    'https://connect.garmin.com/app/activities',
  );
  fakeBrowser.reset();
  abort = new AbortController();
  received = [];
  reply = () => ({ ok: true, added: 0, known: 0 });
  fakeBrowser.runtime.onMessage.addListener((msg: unknown) => {
    received.push(msg as (typeof received)[number]);
    return Promise.resolve(reply(msg as Parameters<typeof reply>[0]));
  });
  vi.spyOn(console, 'debug').mockImplementation(() => {});
});

afterEach(() => {
  abort.abort();
  vi.restoreAllMocks();
});

describe('the Garmin Connect bridge', () => {
  it('passes the list on as the text the page received, with the viewer its profile named', async () => {
    watchGarminActivities(fakeCtx());
    post({ url: PROFILE, status: 200, text: '{"profileId":77,"displayName":"runner"}' });
    post({ url: LIST, status: 200, text: LIST_TEXT });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]).toEqual({
      type: 'site/data',
      data: { kind: 'garmin-response', url: LIST, status: 200, text: LIST_TEXT, viewerId: '77' },
    });
  });

  it('sends a list again once the profile arrives, when the background waited for it', async () => {
    reply = (msg) => (msg.data?.viewerId === null ? { ok: true, added: 0, known: 0, waiting: true } : { ok: true });
    watchGarminActivities(fakeCtx());
    post({ url: LIST, status: 200, text: LIST_TEXT });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 0));
    post({ url: PROFILE, status: 200, text: '{"profileId":"77"}' });
    await vi.waitFor(() => expect(received).toHaveLength(2));
    expect(received.map((m) => [m.data?.text, m.data?.viewerId])).toEqual([
      [LIST_TEXT, null],
      [LIST_TEXT, '77'],
    ]);
  });

  it('learns no viewer from a profile that is not JSON, nor from one that is not text', async () => {
    watchGarminActivities(fakeCtx());
    post({ url: PROFILE, status: 200, text: '<html>Sign in</html>' });
    post({ url: PROFILE, status: 200, text: { profileId: 77 } });
    post({ url: LIST, status: 200, text: LIST_TEXT });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]?.data?.viewerId).toBeNull();
    // The first readable profile still counts.
    post({ url: PROFILE, status: 200, text: '{"profileId":88}' });
    post({ url: LIST, status: 200, text: LIST_TEXT });
    await vi.waitFor(() => expect(received).toHaveLength(2));
    expect(received[1]?.data?.viewerId).toBe('88');
  });

  it('ends a catch-up on the list’s refusal, and sends no body of it', async () => {
    watchGarminActivities(fakeCtx());
    post({ url: LIST, status: 429, text: 'Too Many Requests' });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received).toEqual([{ type: 'site/list-end', stop: 'rate-limited' }]);
  });
});
